/**
 * Perbaiki in the pane: the fixes of what an action found, applying them (the host reads the
 * workbook again and refuses when a cell changed since the check), and undoing the last ones.
 */
import {
  combineFixes,
  planEdits,
  planFixes,
  planUndo,
  type Fix,
  type FixRecord,
  type Lang,
  generatedKind,
  type GeneratedKind,
  type ActionId,
  type ActionOutcome,
} from "../core";
import type { PaneHost } from "./host";

/** The fixes of the findings an action shows, with the user's picks. */
export function fixesOf(
  out: Pick<ActionOutcome, "findings" | "analysis" | "grids">,
  choices: Readonly<Record<string, number>>,
  lang: Lang
): Fix[] {
  return planFixes(out.findings, out.analysis.model, out.grids, { lang, choices });
}

/**
 * Write `fixes` and keep what they replaced in the workbook (the record Batalkan uses). No grids
 * are passed: the host reads the workbook first, so a cell changed since the check is refused
 * and nothing is written.
 */
export async function applyFixes(
  host: PaneHost,
  fixes: readonly Fix[],
  onProgress: (done: number, total: number) => void
): Promise<FixRecord> {
  const { edits, applied } = combineFixes(fixes);
  await host.applyPlan(planEdits(edits), { onProgress });
  const record: FixRecord = { edits, descriptions: applied.map((f) => f.description) };
  await host.saveLastFix(record);
  return record;
}

/** Put back what the last fixes replaced; refused when one of their cells changed since. */
export async function undoFixes(
  host: PaneHost,
  record: FixRecord,
  onProgress: (done: number, total: number) => void
): Promise<void> {
  await host.applyPlan(planUndo(record.edits), { onProgress });
  await host.saveLastFix(null);
}

const REMAKE: Record<Exclude<GeneratedKind, "laporan">, ActionId> = {
  pohon: "tree",
  "kertas-kerja": "kertas-kerja",
  hasil: "report",
};

/**
 * The actions that make again the add-in's sheets the workbook has after `out` (those it read
 * and those it wrote): each shows texts a fix may change.
 */
export function remakeActions(out: Pick<ActionOutcome, "grids" | "plan"> | null): ActionId[] {
  const kinds = [
    ...(out?.grids.sheets ?? []).map(generatedKind),
    ...(out?.plan.sheets ?? []).map((s) => s.kind ?? null),
  ];
  const actions: ActionId[] = [];
  for (const kind of kinds) {
    const action = kind === null || kind === "laporan" ? undefined : REMAKE[kind];
    if (action && !actions.includes(action)) actions.push(action);
  }
  return actions;
}
