/** One action from start to end: read grids → analyse → planJobs → applyPlan. */
import { ALL_JOBS, analyse, planJobs, type Analysis, type Job } from "../core/pipeline";
import { blankCsfPlan } from "../core/blank";
import type { Finding } from "../core/findings";
import type { WorkbookGrids } from "../core/grid";
import type { Lang } from "../core/messages";
import type { WritePlan } from "../core/plan";
import type { Settings } from "../core/settings";
import type { ApplyResult } from "../hosts/office/apply";
import type { PaneHost } from "./host";

export type ActionId = "periksa" | "fill" | "tree" | "kertas-kerja" | "report" | "all";

export const ACTION_JOBS: Record<ActionId, readonly Job[]> = {
  periksa: [],
  fill: ["fill"],
  tree: ["tree"],
  "kertas-kerja": ["kertas-kerja"],
  report: ["report"],
  all: ALL_JOBS,
};

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
  host: PaneHost,
  settings: Settings,
  opts: RunOptions = {}
): Promise<ActionOutcome> {
  const grids = await host.readGrids();
  const analysis = analyse(grids, settings, grids.name ?? null);
  const { plan, findings } = planJobs(grids, analysis, settings, ACTION_JOBS[action], {
    replaceOverrides: opts.replaceOverrides === true,
  });
  if (plan.sheets.length === 0) return { grids, analysis, findings, plan, result: null };
  const result = await host.applyPlan(plan, { grids, onProgress: opts.onProgress });
  return { grids, analysis, findings, plan, result };
}

/** "Kertas kerja baru": three empty sheets with the right headers, beside whatever is there. */
export async function addBlankKertasKerja(
  host: PaneHost,
  lang: Lang,
  opts: RunOptions = {}
): Promise<{ plan: WritePlan; result: ApplyResult }> {
  const grids = await host.readGrids();
  const plan = blankCsfPlan(lang, grids);
  const result = await host.applyPlan(plan, { grids, onProgress: opts.onProgress });
  return { plan, result };
}
