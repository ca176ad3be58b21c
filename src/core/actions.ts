/**
 * The pane's and the ribbon's actions from start to end, over any host that can read a workbook
 * into grids and apply a write plan: read → analyse → planJobs → apply.
 */
import { ALL_JOBS, analyse, planJobs, type Analysis, type Job } from "./pipeline";
import { blankCsfPlan } from "./blank";
import type { Finding } from "./findings";
import type { WorkbookGrids } from "./grid";
import type { Lang } from "./messages";
import type { ApplyResult, WritePlan } from "./plan";
import type { Settings } from "./settings";

export type ActionId = "periksa" | "fill" | "tree" | "kertas-kerja" | "report" | "all";

export const ACTION_JOBS: Record<ActionId, readonly Job[]> = {
  periksa: [],
  fill: ["fill"],
  tree: ["tree"],
  "kertas-kerja": ["kertas-kerja"],
  report: ["report"],
  all: ALL_JOBS,
};

/** What an action needs from a host (the Office.js host, or a test's plain functions). */
export interface WorkbookHost {
  /** The workbook's grids; a host may leave the add-in's own sheets unread unless `generated`. */
  readGrids(opts?: { generated?: boolean }): Promise<WorkbookGrids>;
  applyPlan(
    plan: WritePlan,
    opts: { grids?: WorkbookGrids; onProgress?: (done: number, total: number) => void }
  ): Promise<ApplyResult>;
}

export interface ActionOutcome {
  /** The workbook as read at the start of the action. */
  grids: WorkbookGrids;
  analysis: Analysis;
  /** The analysis' findings plus the fill's own (manual-override, fill-blocked). */
  findings: Finding[];
  /** What was planned (no sheets for Periksa). */
  plan: WritePlan;
  /** Null for Periksa, which writes nothing. */
  result: ApplyResult | null;
}

export interface RunOptions {
  replaceOverrides?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Run an action; host failures propagate to the caller, which shows them. */
export async function runAction(
  action: ActionId,
  host: WorkbookHost,
  settings: Settings,
  opts: RunOptions = {}
): Promise<ActionOutcome> {
  let grids = await host.readGrids();
  let analysis = analyse(grids, settings, grids.name ?? null);
  // The reader falls back on a generated Kertas Kerja when no other sheet gives conditions.
  if (analysis.model.nodes.length === 0 && (grids.unread?.length ?? 0) > 0) {
    grids = await host.readGrids({ generated: true });
    analysis = analyse(grids, settings, grids.name ?? null);
  }
  const { plan, findings } = planJobs(grids, analysis, settings, ACTION_JOBS[action], {
    replaceOverrides: opts.replaceOverrides === true,
  });
  if (plan.sheets.length === 0) return { grids, analysis, findings, plan, result: null };
  const result = await host.applyPlan(plan, { grids, onProgress: opts.onProgress });
  return { grids, analysis, findings, plan, result };
}

/** "Kertas kerja baru": three empty sheets with the right headers, beside whatever is there. */
export async function addBlankKertasKerja(
  host: WorkbookHost,
  lang: Lang,
  opts: RunOptions = {}
): Promise<{ plan: WritePlan; result: ApplyResult }> {
  const grids = await host.readGrids();
  const plan = blankCsfPlan(lang, grids);
  const result = await host.applyPlan(plan, { grids, onProgress: opts.onProgress });
  return { plan, result };
}
