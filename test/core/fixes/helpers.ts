/** Fix a written workbook once, in memory, and check it again. */
import type { WorkbookGrids } from "../../../src/core/grid";
import type { Finding, RuleId } from "../../../src/core/findings";
import {
  combineFixes,
  findingsToFix,
  gridsWithEdits,
  planFixes,
  type CellEdit,
  type Fix,
  type FixOptions,
} from "../../../src/core/fixes";
import { withDefaults } from "../../../src/core/settings";

export const SETTINGS = withDefaults({});

export interface Fixed {
  fixes: Fix[];
  edits: CellEdit[];
  before: Finding[];
  after: Finding[];
  grids: WorkbookGrids;
}

/** Every fix of `rules` (all rules when absent) applied once, and the findings after. */
export function fixOnce(wb: WorkbookGrids, rules?: RuleId[], opts: FixOptions = {}): Fixed {
  const { analysis, findings } = findingsToFix(wb, SETTINGS);
  const fixes = planFixes(findings, analysis.model, wb, opts).filter(
    (f) => !rules || rules.includes(f.rule)
  );
  const { edits } = combineFixes(fixes);
  const grids = gridsWithEdits(wb, edits);
  return { fixes, edits, before: findings, after: findingsToFix(grids, SETTINGS).findings, grids };
}

/** "rule code" of each finding of the given rules. */
export function ruleCodes(findings: readonly Finding[], ...rules: RuleId[]): string[] {
  return findings.filter((f) => rules.includes(f.rule)).map((f) => `${f.rule} ${f.code ?? "-"}`);
}

/** The cells an edit list writes, as "Sheet!row,col: after". */
export function written(edits: readonly CellEdit[]): string[] {
  return edits.map((e) => `${e.sheet}!${e.row},${e.col}: ${String(e.after)}`);
}
