/**
 * Every sure fix at once (`pokin perbaiki`): fix, read the result again, fix what the first round
 * brought to light (a renumbered condition's heading now counted under its new code), until
 * nothing more can be fixed. The edits of all rounds are put together into one edit per cell,
 * from the value first read to the value last written.
 */
import type { WorkbookGrids } from "../grid";
import type { Finding, RuleId } from "../findings";
import { analyse, planJobs, type Analysis } from "../pipeline";
import type { Settings } from "../settings";
import { combineFixes, gridsWithEdits } from "./plan";
import { planFixes, type FixOptions } from "./make";
import type { CellEdit, Fix } from "./types";

export interface FixAllOptions extends FixOptions {
  /**
   * Only fixes of these rules; fixes where the user picks (a name, a polarity) are applied only
   * when their rule is named here, with the pick from `choices` or the first option.
   */
  rules?: readonly RuleId[];
  /** Rounds of fix and check again; 3 by default. */
  maxRounds?: number;
}

export interface FixAllResult {
  /** Every fix applied, round after round. */
  fixes: Fix[];
  /** One edit per cell, from the value read to the value written last. */
  edits: CellEdit[];
  /** The workbook as it reads after the edits, and its analysis. */
  grids: WorkbookGrids;
  analysis: Analysis;
  /** Its findings with the fill's own (numbers typed as text), as fixes see them. */
  findings: Finding[];
}

/** The check's findings and the fill's (the fill reports numbers typed as text). */
export function findingsToFix(
  wb: WorkbookGrids,
  settings: Settings
): { analysis: Analysis; findings: Finding[] } {
  const analysis = analyse(wb, settings, wb.name ?? null);
  return { analysis, findings: planJobs(wb, analysis, settings, ["fill"]).findings };
}

/** Apply every sure fix (or those of `opts.rules`) to `wb` in memory, as often as it helps. */
export function fixAll(
  wb: WorkbookGrids,
  settings: Settings,
  opts: FixAllOptions = {}
): FixAllResult {
  const rules = opts.rules;
  const wanted = (fix: Fix): boolean =>
    rules === undefined
      ? fix.choice === undefined
      : fix.findings.some((f) => rules.includes(f.rule));
  let grids = wb;
  let state = findingsToFix(grids, settings);
  const fixes: Fix[] = [];
  let edits: CellEdit[] = [];
  for (let round = 0; round < (opts.maxRounds ?? 3); round++) {
    const planned = planFixes(state.findings, state.analysis.model, grids, {
      lang: opts.lang ?? settings.lang,
      choices: opts.choices,
    }).filter(wanted);
    const { edits: next, applied } = combineFixes(planned);
    if (next.length === 0) break;
    fixes.push(...applied);
    edits = composeEdits(edits, next);
    grids = gridsWithEdits(grids, next);
    state = findingsToFix(grids, settings);
  }
  return { fixes, edits, grids, analysis: state.analysis, findings: state.findings };
}

/** `later` after `earlier`: one edit per cell, from the first value read to the last written. */
export function composeEdits(earlier: readonly CellEdit[], later: readonly CellEdit[]): CellEdit[] {
  const key = (e: CellEdit) => `${e.sheet.toLowerCase()}\u0000${e.row}\u0000${e.col}`;
  const byCell = new Map(earlier.map((e) => [key(e), e]));
  for (const e of later) {
    const first = byCell.get(key(e));
    if (!first) {
      byCell.set(key(e), e);
      continue;
    }
    // Splices count in the text first read; the second round's count in the first's result.
    const both: CellEdit = {
      sheet: first.sheet,
      row: first.row,
      col: first.col,
      before: first.before,
      after: e.after,
    };
    const numberFormat = e.numberFormat ?? first.numberFormat;
    if (numberFormat !== undefined) {
      both.numberFormat = numberFormat;
      both.numberFormatBefore =
        first.numberFormat !== undefined
          ? (first.numberFormatBefore ?? null)
          : (e.numberFormatBefore ?? null);
    }
    byCell.set(key(e), both);
  }
  return [...byCell.values()].filter((e) => e.after !== e.before || e.numberFormat !== undefined);
}
