/**
 * `polarity-assumed`: the capaian of an indicator was computed as higher-is-better because no
 * Polaritas cell said otherwise. The user picks naik or turun (naik by default, what was assumed)
 * and it is written in the row's Polaritas cell; a table without a Polaritas column gets one at
 * its right edge, its header included, when that column is empty.
 */
import { cellRef } from "../address";
import type { Finding } from "../findings";
import { cellText } from "../grid";
import { allIndicators, type Indicator, type MeasureRow } from "../model";
import { t } from "../messages";
import { makeFix, valueEdit, type FixContext } from "./context";
import { fixId } from "./id";
import type { CellEdit, Fix } from "./types";

/** What is written for each option, in the workbook's own language (the reader's words). */
const WORDS = ["naik", "turun"] as const;

/** One fix per polarity-assumed finding; `choose` gives the picked option's index. */
export function polarityFixes(
  ctx: FixContext,
  findings: readonly Finding[],
  choose: (id: string) => number | undefined
): Fix[] {
  const rows = assumedRows(ctx);
  const out: Fix[] = [];
  for (const f of findings) {
    if (f.rule !== "polarity-assumed" || f.cell === null) continue;
    const hit = rows.get(f.cell);
    if (!hit) continue;
    const chosen = choose(fixId("polarity-assumed", f)) === 1 ? 1 : 0;
    const word = WORDS[chosen];
    const edits = polarityEdits(ctx, hit.measure, word);
    if (edits.length === 0) continue;
    const added = hit.measure.columns.polarity === undefined;
    const params = { indicator: hit.indicator.name, word };
    const options = [
      t("fixes.polarity.higher", {}, ctx.lang),
      t("fixes.polarity.lower", {}, ctx.lang),
    ];
    const key = added ? "fixes.polarityColumn" : "fixes.polarity";
    const question = t("fixes.choice.polarity", {}, ctx.lang);
    out.push(
      makeFix(ctx, "polarity-assumed", [f], edits, key, params, { question, options, chosen })
    );
  }
  return out;
}

/** The measured indicators whose polarity was assumed, by the cell their finding names. */
function assumedRows(ctx: FixContext): Map<string, { indicator: Indicator; measure: MeasureRow }> {
  const out = new Map<string, { indicator: Indicator; measure: MeasureRow }>();
  const indicators = [...allIndicators(ctx.model), ...ctx.model.orphans.map((o) => o.indicator)];
  for (const indicator of indicators) {
    const m = indicator.measure;
    if (!indicator.polarityAssumed || !m) continue;
    const col = m.columns.polarity ?? m.columns.name ?? 0;
    out.set(cellRef(m.sheet, m.row, col), { indicator, measure: m });
  }
  return out;
}

/** The row's Polaritas cell, or a new Polaritas column's header and cell when it is free. */
function polarityEdits(ctx: FixContext, m: MeasureRow, word: string): CellEdit[] {
  const col = m.columns.polarity;
  if (col !== undefined) {
    const grid = ctx.writable(m.sheet, m.row, col);
    if (!grid || cellText(grid.values[m.row]?.[col] ?? null) !== "") return [];
    const edit = valueEdit(ctx, { sheet: m.sheet, row: m.row, col }, word);
    return edit ? [edit] : [];
  }
  const added = m.lastCol + 1;
  const grid = ctx.writableSheet(m.sheet);
  if (!grid) return [];
  // The new column must be empty from the header down to this row, and outside merged areas.
  for (let r = m.headerRow; r <= m.row; r++)
    if (
      cellText(grid.values[r]?.[added] ?? null) !== "" ||
      ctx.writable(m.sheet, r, added) === null
    )
      return [];
  if (
    (grid.merges ?? []).some(
      (g) => g.left <= added && added <= g.right && g.top <= m.row && m.headerRow <= g.bottom
    )
  )
    return [];
  const header = valueEdit(
    ctx,
    { sheet: m.sheet, row: m.headerRow, col: added },
    t("fixes.polarity.header", {}, "id")
  );
  const cell = valueEdit(ctx, { sheet: m.sheet, row: m.row, col: added }, word);
  return header && cell ? [header, cell] : [];
}
