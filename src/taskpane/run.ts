/** One action from start to end: read grids → analyse → planJobs → applyPlan. */
import { analyse, planJobs, type Analysis, type Job } from "../core/pipeline";
import type { Finding } from "../core/findings";
import type { Settings } from "../core/settings";
import type { ApplyResult } from "../hosts/office/apply";
import type { PaneHost } from "./host";

export type ActionId = "periksa" | "fill" | "tree" | "kertas-kerja" | "hasil";

export const ACTION_JOBS: Record<ActionId, Job[]> = {
  periksa: [],
  fill: ["fill"],
  tree: ["tree"],
  "kertas-kerja": ["kertas-kerja"],
  hasil: ["hasil"],
};

export interface ActionOutcome {
  analysis: Analysis;
  /** The analysis' findings plus the fill's own (manual-override, fill-blocked). */
  findings: Finding[];
  /** Null for Periksa, which writes nothing. */
  result: ApplyResult | null;
}

/** Run an action; host failures propagate to the caller, which shows them. */
export async function runAction(
  action: ActionId,
  host: PaneHost,
  settings: Settings,
  opts: { replaceOverrides?: boolean; onProgress?: (done: number, total: number) => void } = {}
): Promise<ActionOutcome> {
  const grids = await host.readGrids();
  const analysis = analyse(grids, settings, grids.name ?? null);
  const { plan, findings } = planJobs(grids, analysis, settings, ACTION_JOBS[action], {
    replaceOverrides: opts.replaceOverrides === true,
  });
  if (plan.sheets.length === 0) return { analysis, findings, result: null };
  const result = await host.applyPlan(plan, { grids, onProgress: opts.onProgress });
  return { analysis, findings, result };
}
