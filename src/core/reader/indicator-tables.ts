/**
 * Tables of indicators' texts: "Indikator Kinerja | Definisi | Relevansi | Formulasi | Sumber
 * Data", under a condition's section, or anywhere with a Kode or Kondisi column naming the
 * condition of each row. Target and Realisasi columns in the same table are read too.
 */
import type { CellValue } from "../grid";
import { cellText } from "../grid";
import { cellRef } from "../address";
import { t } from "../messages";
import type { ConditionNode, Indicator } from "../model";
import type { TableBlock } from "./blocks";
import { firstNonBlank, joinNull, textAt } from "./cells";
import type { Draft } from "./draft";
import { hasMeasureColumns } from "./headers";
import { isDuplicate, newIndicator, reportDuplicate, textCells } from "./indicators";
import { applyMeasure, measureOf } from "./measures";
import { TableConditions, type RowCondition } from "./row-conditions";
import { normaliseCode } from "./text";
import { generatedKind } from "../plan";

/**
 * The indicator a table ends with, the table's last row (the cells its texts end in), and the
 * name the add-in cut over rows when it goes on in the next table (with the spaces it was cut at).
 */
export interface TableEnd {
  indicator: Indicator;
  row: readonly CellValue[];
  openName: string | null;
}

/**
 * Read an indicator table. `sectionNode`: the condition whose section it stands in, used when the
 * table has no Kode or Kondisi column. `carried`: the end of the table just above, which this one
 * continues (its header written again after a page break): rows without a name at the top go on
 * with that indicator. Returns this table's end.
 */
export function readIndicatorTable(
  draft: Draft,
  b: TableBlock,
  sectionNode: ConditionNode | null,
  carried: TableEnd | null = null
): TableEnd | null {
  const { sheet, header } = b;
  const col = header.columns;
  const nameCol = col.name;
  if (nameCol === undefined) return null;
  const byRef = col.code !== undefined || col.kondisi !== undefined;
  const named = col.kondisi !== undefined ? new TableConditions(draft, b) : null;
  const measured = hasMeasureColumns(header) ? measureOf(draft, b) : null;
  let ref: RowCondition = { node: null, code: null };
  let last: Indicator | null = carried?.indicator ?? null;
  let above: readonly CellValue[] = carried?.row ?? [];
  const names =
    generatedKind(sheet) === "kertas-kerja"
      ? cutNames(b, nameCol, carried?.openName ?? null)
      : null;
  if (carried && names?.carriedName) draft.indicators.rename(carried.indicator, names.carriedName);
  for (const r of b.rows) {
    const row = sheet.values[r] ?? [];
    if (named) ref = named.conditionAt(r);
    else if (byRef) ref = codeRef(draft, b, r) ?? ref;
    const node = byRef ? ref.node : sectionNode;
    const goesOn = names?.goesOn.has(r) === true;
    const name = goesOn ? "" : (names?.whole.get(r) ?? cellText(row[nameCol] ?? null));
    const prev = above;
    above = row;
    if (name === "") {
      if (last) continueTexts(last, row, prev, col);
      else {
        const at = firstNonBlank(row, 0);
        if (at >= 0) draft.skipped("warning", "reader.skipped.noName", sheet.name, r, at);
      }
      continue;
    }
    if (node && isDuplicate(node, name)) {
      reportDuplicate(draft, { sheet: sheet.name, row: r, col: nameCol }, name, node);
      last = null;
      continue;
    }
    const ind = newIndicator(name, cellRef(sheet.name, r, nameCol), node?.code ?? ref.code);
    ind.definition = textAt(row, col.definition);
    ind.relevance = textAt(row, col.relevance);
    ind.formula = textAt(row, col.formula);
    ind.dataSource = textAt(row, col.dataSource);
    if (col.responsible !== undefined) ind.responsible = textAt(row, col.responsible);
    else takeResponsible(ind);
    const source = { sheet: sheet.name, row: r, col: nameCol };
    ind.textSource = source;
    ind.textCells = textCells(source, col);
    if (measured) applyMeasure(draft, ind, measured, r);
    draft.indicators.attach(ind, node, byRef ? ref.code : null);
    draft.markRead(sheet.name);
    last = ind;
  }
  named?.finish();
  return last ? { indicator: last, row: above, openName: names?.openName ?? null } : null;
}

/** Names cut over rows in a table: see cutNames. */
interface CutNames {
  /** The whole name at the row it starts. */
  whole: Map<number, string>;
  /** Rows going on with a name. */
  goesOn: Set<number>;
  /** The whole name of the table above's last indicator, when it goes on here. */
  carriedName: string | null;
  /** The name read so far when it goes on in the next table. */
  openName: string | null;
}

/**
 * Names the add-in cut over rows in a kertas kerja it wrote: every piece but the last ends in
 * the spaces it was cut at (continuation.ts). `open`: the name the table above ended in the
 * middle of (a page broke inside it), which this table's first rows go on with.
 */
function cutNames(b: TableBlock, nameCol: number, open: string | null): CutNames {
  const out: CutNames = { whole: new Map(), goesOn: new Set(), carriedName: null, openName: null };
  // The row the name being read starts at; -2 for the one carried from the table above.
  let start = open !== null ? -2 : -1;
  let text = open ?? "";
  const finish = (): void => {
    if (start === -2) out.carriedName = text.trim();
    else out.whole.set(start, text.trim());
  };
  for (const r of b.rows) {
    const raw = b.sheet.values[r]?.[nameCol];
    const piece = typeof raw === "string" ? raw : "";
    if (start !== -1 && piece.trim() !== "") {
      out.goesOn.add(r);
      text += piece;
    } else {
      start = r;
      text = piece;
    }
    if (/[ \t]$/.test(text)) continue;
    if (start === -2 || out.goesOn.has(r)) finish();
    start = -1;
  }
  if (start !== -1) {
    finish();
    out.openName = text;
  }
  return out;
}

/** The condition a Kode cell names (recorded as a mention); null when the cell is blank. */
function codeRef(draft: Draft, b: TableBlock, r: number): RowCondition | null {
  const c = b.header.columns.code ?? 0;
  const codeText = cellText(b.sheet.values[r]?.[c] ?? null);
  if (codeText === "") return null;
  const code = normaliseCode(codeText);
  const node = draft.conditions.resolve(code, null, null);
  node?.mentions.push({ name: "", code, kind: "kode-column", cell: cellRef(b.sheet.name, r, c) });
  return { node, code };
}

/**
 * A row without a name continues the previous indicator's texts (text split over two rows), on
 * a new line; on the spaces the cell above ends with when it does (a text the kertas kerja cut
 * between words, keeping the spaces at the end of the piece above).
 */
function continueTexts(
  last: Indicator,
  row: readonly CellValue[],
  above: readonly CellValue[],
  col: TableBlock["header"]["columns"]
) {
  const on = (text: string | null, c: number | undefined): string | null => {
    const more = textAt(row, c);
    if (text === null || more === null || c === undefined) return joinNull(text, more);
    const spaces = /[ \t]+$/.exec(String(above[c] ?? ""));
    return spaces ? `${text}${spaces[0]}${more}` : joinNull(text, more);
  };
  last.definition = on(last.definition, col.definition);
  last.relevance = on(last.relevance, col.relevance);
  last.formula = on(last.formula, col.formula);
  last.dataSource = on(last.dataSource, col.dataSource);
  if (col.responsible === undefined) takeResponsible(last);
}

/** "Penanggung Jawab: " and "Responsible unit: ", as the kertas kerja writes them. */
const RESPONSIBLE_LABELS = (["id", "en"] as const).map((lang) =>
  t("kertasKerja.ind.responsible", { unit: "" }, lang).toLowerCase()
);

/**
 * A kertas kerja written by the add-in puts an indicator's responsible unit as the last line of
 * its Sumber Data cell ("Penanggung Jawab: …"): read back, it is the responsible unit again, not
 * part of the data source.
 */
function takeResponsible(ind: Indicator): void {
  const text = ind.dataSource;
  if (text === null) return;
  const cut = text.lastIndexOf("\n");
  const last = text.slice(cut + 1).trim();
  const label = RESPONSIBLE_LABELS.find((l) => last.toLowerCase().startsWith(l));
  if (label === undefined) return;
  const unit = last.slice(label.length).trim();
  if (unit === "") return;
  ind.responsible = unit;
  const rest = cut < 0 ? "" : text.slice(0, cut).trim();
  ind.dataSource = rest === "" ? null : rest;
}
