/** The checks: model → findings, one small function per rule. */
import { parseCellRef } from "../address";
import type { WorkbookGrids } from "../grid";
import type { CsfModel } from "../model";
import type { Finding } from "../findings";
import type { Lang } from "../messages";
import { makeContext, type Rule } from "./context";
import {
  codeParentMismatch,
  duplicateCode,
  levelNaming,
  missingOutcome,
  nameMismatch,
  noIndicator,
  noSection,
  numberingGap,
  orphans,
} from "./structure";
import { duplicateText, formulaTypeMismatch, missingField, narrativeMismatch } from "./indicators";
import {
  achievementUncomputable,
  invalidNumber,
  manualOverride,
  missingTarget,
  polarityAssumed,
} from "./measures";

export interface CheckOptions {
  lang?: Lang;
}

/** Every rule, in the order their findings are listed within one cell. */
const RULES: Rule<CsfModel>[] = [
  missingOutcome,
  duplicateCode,
  orphans,
  codeParentMismatch,
  numberingGap,
  nameMismatch,
  noIndicator,
  noSection,
  missingField,
  formulaTypeMismatch,
  narrativeMismatch,
  duplicateText,
  invalidNumber,
  missingTarget,
  achievementUncomputable,
  manualOverride,
  polarityAssumed,
  levelNaming,
];

/**
 * Check every condition and indicator of the model. Returns the findings of the rules only
 * (the reader's own findings stay in `model.findings`). Call after `applyCapaian`:
 * the capaian rules read `indicator.achievement`.
 *
 * Order is deterministic: findings without a cell first, then by sheet (workbook order),
 * row and column of the cell, then by rule.
 */
export function checkModel(model: CsfModel, wb: WorkbookGrids, opts: CheckOptions = {}): Finding[] {
  const ctx = makeContext(opts.lang ?? "id");
  const found: { f: Finding; rule: number; i: number }[] = [];
  RULES.forEach((rule, r) => {
    for (const f of rule(model, ctx)) found.push({ f, rule: r, i: found.length });
  });
  const sheetOrder = new Map(wb.sheets.map((s, i) => [s.name, i]));
  const pos = (f: Finding): [number, number, number] => {
    const p = f.cell ? parseCellRef(f.cell) : null;
    if (!p) return [-1, -1, -1];
    return [sheetOrder.get(p.sheet ?? "") ?? wb.sheets.length, p.row, p.col];
  };
  return found
    .map((x) => ({ ...x, p: pos(x.f) }))
    .sort(
      (a, b) =>
        a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.p[2] - b.p[2] || a.rule - b.rule || a.i - b.i
    )
    .map((x) => x.f);
}
