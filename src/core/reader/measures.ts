/**
 * Target and Realisasi: the measure table ("Kode | Indikator Kinerja | Satuan | Target |
 * Realisasi | Capaian | Polaritas | Pembilang | Penyebut"), whose rows are matched to the
 * indicators already read (under the row's code, else by name) or become new indicators, and the
 * same columns when an indicator table has them.
 */
import type { CellValue, SheetGrid } from "../grid";
import { cellText, formulaAt, numberFormatAt } from "../grid";
import { cellRef } from "../address";
import type {
  ConditionNode,
  Indicator,
  MeasureRow,
  NumberCell,
  Polarity,
  SourceRef,
} from "../model";
import { asShownPercent, isPercentFormat, parseNumber } from "../numbers";
import { HIGHER_POLARITY_WORDS, LOWER_POLARITY_WORDS } from "../capaian";
import type { TableBlock } from "./blocks";
import { excerpt, firstNonBlank } from "./cells";
import type { Draft } from "./draft";
import { newIndicator, reportDuplicate } from "./indicators";
import { chooseMeasureColumns } from "./measure-columns";
import { TableConditions, type RowCondition } from "./row-conditions";
import { normalise, normaliseCode, splitTrailingCode } from "./text";

/** A table's measure columns and where its rows are: what every row's MeasureRow shares. */
export interface MeasureTable {
  sheet: SheetGrid;
  headerRow: number;
  lastCol: number;
  columns: MeasureRow["columns"];
  /** The Penanggung Jawab column, when the table has one. */
  responsible?: number;
}

/** The columns a measure row records, in this order. */
const MEASURE_KEYS = [
  "code",
  "name",
  "unit",
  "target",
  "actual",
  "achievement",
  "polarity",
  "numerator",
  "denominator",
] as const;

/**
 * The measure columns of a table: among several Target/Realisasi/Capaian columns (years,
 * quarters) the ones chosen for the year the workbook is about.
 */
export function measureOf(draft: Draft, b: TableBlock): MeasureTable {
  const chosen = chooseMeasureColumns(draft, b);
  const columns: MeasureRow["columns"] = {};
  for (const k of MEASURE_KEYS) {
    const c =
      k === "target" || k === "actual" || k === "achievement" ? chosen[k] : b.header.columns[k];
    if (c !== undefined) columns[k] = c;
  }
  const table: MeasureTable = {
    sheet: b.sheet,
    headerRow: b.headerRow,
    lastCol: b.header.lastCol,
    columns,
  };
  if (b.header.columns.responsible !== undefined) table.responsible = b.header.columns.responsible;
  return table;
}

/** The condition(s) a row's Kode cell names, carried down while it is blank. */
interface CodeRef {
  code: string | null;
  /** The named node first, then every other node with that code. */
  nodes: ConditionNode[];
}

/** Read a measure table: each named row measures an indicator. */
export function readMeasureTable(draft: Draft, b: TableBlock): void {
  const { sheet } = b;
  const col = b.header.columns;
  const nameCol = col.name;
  if (nameCol === undefined) return;
  const table = measureOf(draft, b);
  const named = col.kondisi !== undefined ? new TableConditions(draft, b) : null;
  let ref: CodeRef = { code: null, nodes: [] };
  for (const r of b.rows) {
    const row = sheet.values[r] ?? [];
    if (named) ref = namedRef(draft, named.conditionAt(r));
    else if (col.code !== undefined) ref = codeRef(draft, b, r, col.code) ?? ref;
    const name = cellText(row[nameCol] ?? null);
    if (name === "") {
      // Numbers without a name cannot be placed; a Kode alone is just a merged/blank-below cell.
      let at = firstNonBlank(row, 0);
      if (at === col.code) at = firstNonBlank(row, at + 1);
      if (at >= 0) draft.skipped("warning", "reader.skipped.noName", sheet.name, r, at);
      continue;
    }
    const at = { sheet: sheet.name, row: r, col: nameCol };
    const ind = named
      ? flatIndicator(draft, ref, name, at)
      : measuredIndicator(draft, ref, name, at);
    if (!ind) continue;
    applyMeasure(draft, ind, table, r);
    draft.markRead(sheet.name);
  }
  named?.finish();
}

/** The row's condition (a flat table), and every other condition with its code. */
function namedRef(draft: Draft, row: RowCondition): CodeRef {
  if (!row.node) return { code: row.code, nodes: [] };
  const others = row.node.code ? draft.conditions.withCode(row.node.code) : [];
  return { code: row.code, nodes: [row.node, ...others.filter((n) => n !== row.node)] };
}

/**
 * The indicator a row of a flat table measures: named so under the row's condition (measured
 * there once: a second row of it is a duplicate), else a new one of that condition.
 */
function flatIndicator(draft: Draft, ref: CodeRef, name: string, at: SourceRef): Indicator | null {
  const node = ref.nodes[0] ?? null;
  const key = normalise(name);
  const same = node?.indicators.filter((i) => normalise(i.name) === key) ?? [];
  const unmeasured = same.find((i) => i.measure === null);
  if (unmeasured) return unmeasured;
  if (node && same.length > 0) {
    reportDuplicate(draft, at, name, node);
    return null;
  }
  const ind = newIndicator(name, cellRef(at.sheet, at.row, at.col), node?.code ?? ref.code);
  draft.indicators.attach(ind, node, ref.code);
  return ind;
}

/** The condition a Kode cell names, recorded as a mention; null when the cell is blank. */
function codeRef(draft: Draft, b: TableBlock, r: number, c: number): CodeRef | null {
  const codeText = cellText(b.sheet.values[r]?.[c] ?? null);
  if (codeText === "") return null;
  const code = normaliseCode(codeText) ?? splitTrailingCode(codeText).code;
  const hit = code
    ? draft.conditions.resolve(code, null, null)
    : draft.conditions.resolve(null, codeText, null);
  let nodes: ConditionNode[] = [];
  if (hit) {
    nodes = [...draft.conditions.withCode(code ?? "")];
    if (nodes.length === 0) nodes = [hit];
    if (!nodes.includes(hit)) nodes.unshift(hit);
  }
  hit?.mentions.push({
    name: code ? "" : codeText,
    code,
    kind: "measure-table",
    cell: cellRef(b.sheet.name, r, c),
  });
  return { code, nodes };
}

/**
 * The indicator a measure row is about: not yet measured, named so under the row's condition,
 * else anywhere; a new indicator when none is named so. Null (reported) when every indicator of
 * that name is measured already.
 */
function measuredIndicator(
  draft: Draft,
  ref: CodeRef,
  name: string,
  at: { sheet: string; row: number; col: number }
): Indicator | null {
  const key = normalise(name);
  const unmeasured = (i: Indicator): boolean =>
    i.measure === null && (i.name === name || normalise(i.name) === key);
  for (const n of ref.nodes) {
    const found = n.indicators.find(unmeasured);
    if (found) return found;
  }
  const same = draft.indicators.named(name);
  const found = same.find((i) => i.measure === null);
  if (found) return found;
  if (same.length > 0) {
    draft.skipped("warning", "reader.skipped.measuredTwice", at.sheet, at.row, at.col, {
      name: excerpt(name),
    });
    return null;
  }
  const node = ref.nodes[0] ?? null;
  const ind = newIndicator(name, cellRef(at.sheet, at.row, at.col), node?.code ?? ref.code);
  draft.indicators.attach(ind, node, ref.code);
  return ind;
}

/** The number cells of a measure row, in this order. */
const NUMBER_FIELDS = ["target", "actual", "achievement", "numerator", "denominator"] as const;

/** Read row `r` of `table` into the indicator: its MeasureRow, numbers, unit and polarity. */
export function applyMeasure(draft: Draft, ind: Indicator, table: MeasureTable, r: number): void {
  const { sheet, columns: col } = table;
  const row = sheet.values[r] ?? [];
  ind.measure = {
    sheet: sheet.name,
    row: r,
    headerRow: table.headerRow,
    lastCol: table.lastCol,
    columns: table.columns,
  };
  // The first unit typed with a number (not "Rp", not in the Capaian cell) is the unit when no
  // Satuan is given.
  let typedUnit: string | null = null;
  for (const field of NUMBER_FIELDS) {
    const c = col[field];
    if (c === undefined) continue;
    const { cell, unit } = numberCell(sheet, row, r, c);
    ind.values[field] = cell;
    // The capaian is computed later from target and realisasi; a typed one is kept as typed.
    if (field === "achievement") continue;
    ind[field] = cell.value;
    typedUnit ??= unit !== "Rp" ? unit : null;
  }
  const responsible =
    table.responsible !== undefined ? cellText(row[table.responsible] ?? null) : "";
  if (responsible !== "" && table.responsible !== undefined) {
    ind.responsible = responsible;
    ind.textCells.responsible = { sheet: sheet.name, row: r, col: table.responsible };
  }
  const unit = col.unit !== undefined ? cellText(row[col.unit] ?? null) : "";
  if (unit !== "") ind.unit = unit;
  else if (ind.unit === null && typedUnit !== null) ind.unit = typedUnit;
  if (col.polarity !== undefined) {
    const word = cellText(row[col.polarity] ?? null);
    readPolarity(draft, ind, word, { sheet: sheet.name, row: r, col: col.polarity });
  }
}

/** The polarity word of a row: higher or lower is better; a word not understood is reported. */
function readPolarity(
  draft: Draft,
  ind: Indicator,
  word: string,
  at: { sheet: string; row: number; col: number }
): void {
  const p = parsePolarity(word);
  if (p) {
    ind.polarity = p;
    ind.polarityAssumed = false;
  } else if (word !== "") {
    draft.skipped("warning", "reader.skipped.polarity", at.sheet, at.row, at.col, {
      text: excerpt(word),
    });
  }
}

/** The number cell at column `c` of row `r`, and the unit typed in it ("5 Dokumen"), if any. */
function numberCell(
  sheet: SheetGrid,
  row: readonly CellValue[],
  r: number,
  c: number
): { cell: NumberCell; unit: string | null } {
  const raw = row[c] ?? null;
  const parsed = parseNumber(raw);
  const cell: NumberCell = {
    sheet: sheet.name,
    row: r,
    col: c,
    raw,
    value: parsed.value,
    readable: parsed.readable,
    formula: formulaAt(sheet, r, c),
  };
  // 0.85 shown as "85%" is 85, so that it compares with a typed 85 and the capaian of two
  // percent cells is on one scale.
  if (
    typeof raw === "number" &&
    cell.value !== null &&
    isPercentFormat(numberFormatAt(sheet, r, c))
  ) {
    cell.value = asShownPercent(cell.value);
    cell.percent = true;
  }
  return { cell, unit: parsed.unit };
}

/** Words that say which way is better in a Polaritas/Arah column (the capaian module's lists). */
const HIGHER = new Set(HIGHER_POLARITY_WORDS);
const LOWER = new Set(LOWER_POLARITY_WORDS);

/** "naik" → higher, "turun" → lower; null when blank or not understood. */
export function parsePolarity(word: string): Polarity | null {
  const trimmed = word.trim();
  const n = normalise(word);
  const w = n === "" ? trimmed : n;
  if (HIGHER.has(w)) return "higher";
  if (LOWER.has(w)) return "lower";
  return null;
}
