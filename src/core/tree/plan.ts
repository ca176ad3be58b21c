/**
 * The tree's formulas on the measure cells: the target and realisasi a box shows, its capaian
 * computed live from them, and the capaian bands as conditional-format rules.
 */
import type { CellValue } from "../grid";
import type { Indicator, SourceRef } from "../model";
import type { BandRule, PlanCell } from "../plan";
import type { Band } from "../settings";
import { capaianFormula, cellRead } from "../capaian";
import type { Sources } from "./text";

/**
 * The capaian shown in a box: the capaian module's formula on the box's own target and
 * realisasi cells `t` and `r` (plain A1 references on the tree sheet, each showing its source cell
 * as it is), reading a source typed as text the way the fill does, with the indicator's polarity;
 * "–" when there is none, as in the table.
 */
export function achievementFormula(
  t: string,
  r: string,
  ind: Pick<Indicator, "polarity" | "values">
): string {
  const target = cellRead(t, ind.values.target ?? null);
  const actual = cellRead(r, ind.values.actual ?? null);
  return capaianFormula(target, actual, ind.polarity);
}

/** The capaian from the sheet's own capaian cell alone (no target or realisasi cell). */
export function typedAchievementFormula(sources: Sources, c: SourceRef): string {
  return `=IF(ISNUMBER(${sources.ref(c)}),${sources.ref(c)},"")`;
}

/**
 * A number cell shown as "T 5": the source cell as it is ("" when blank), with `shown` as its
 * result today, or the model's number when there is no cell. ISBLANK, not x="": LibreOffice takes
 * 0="" as true.
 */
export function numberCell(
  sources: Sources,
  row: number,
  col: number,
  src: SourceRef | null,
  fallback: number | null,
  shown: CellValue
): PlanCell {
  if (!src) return { row, col, value: fallback };
  const ref = sources.ref(src);
  return { row, col, formula: `=IF(ISBLANK(${ref}),"",${ref})`, value: shown };
}

/** Band rules for conditional formats, from the settings' bands (highest first). */
export function bandRules(bands: readonly Band[]): BandRule[] {
  const sorted = [...bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  return sorted.map((b, i) => {
    const rule: BandRule = { fill: b.fill, fontColor: b.fontColor };
    if (b.min !== null) rule.min = b.min;
    const above = i > 0 ? sorted[i - 1] : undefined;
    if (above && above.min !== null) rule.max = above.min;
    return rule;
  });
}
