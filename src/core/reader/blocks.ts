/**
 * The first pass: each sheet cut into blocks — tables (a recognised header row and the rows
 * under it) and text rows (a line of the document: heading, label, paragraph, title).
 */
import type { CellValue, SheetGrid } from "../grid";
import { cellText, isBlank } from "../grid";
import { excerpt, firstNonBlank } from "./cells";
import type { Draft } from "./draft";
import { classify, recogniseHeader, roleOf, type Header, type HeaderCell } from "./headers";
import { fitMapping, mappingOf } from "./mapping";
import type { ColumnMapping, SourceRef } from "../model";
import { periodOf } from "./periods";
import { endsSentence, isLabel, isProse, startsWithDengan } from "./lines";
import { scanOutcomeLabel } from "./outcome";
import { normalise, normaliseCode, splitLeadingCode } from "./text";

/** A text row outside any table: its first non-blank cell. */
export interface TextBlock {
  kind: "text";
  sheet: SheetGrid;
  row: number;
  col: number;
  text: string;
  /** True while no table or section heading has been seen on the sheet yet (title block). */
  title: boolean;
}

/** A table: its header and the rows under it, up to a blank row or the paragraph after it. */
export interface TableBlock {
  kind: "table";
  sheet: SheetGrid;
  header: Header;
  headerRow: number;
  rows: number[];
  /** Years named in the text rows above the table on its sheet, the nearest first. */
  yearsAbove: number[];
  /** True when a column mapping gave the header's roles. */
  mapped?: boolean;
}

export type Block = TextBlock | TableBlock;

/** The table's first header cell: where the reader says what it did with the whole table. */
export function headerRef(b: TableBlock): SourceRef {
  return { sheet: b.sheet.name, row: b.headerRow, col: b.header.firstCol };
}

/** "codes-given": `count` conditions of the table got their codes from their places. */
export function reportCodesGiven(draft: Draft, b: TableBlock, count: number): void {
  if (count > 0) draft.report("codes-given", "info", headerRef(b), "reader.codesGiven", { count });
}

/** A table under a header the reader does not know (reported for the user to map). */
export interface UnknownTable {
  sheet: SheetGrid;
  headerRow: number;
  rows: number[];
  cells: HeaderCell[];
  lastRow: number;
}

/**
 * The sheet's blocks, in row order. Tables are recorded in `draft.tables`; the outcome's label is
 * looked for on every text row; text beside a row's first cell, once the title block is past, is
 * reported as skipped. `skipMarker`: the sheet is one the add-in made, whose A1 is its marker.
 */
export function scanSheet(draft: Draft, sheet: SheetGrid, skipMarker: boolean): Block[] {
  const blocks: Block[] = [];
  const mergedAcross = new Set<string>();
  for (const m of sheet.merges ?? []) if (m.right > m.left) mergedAcross.add(`${m.top},${m.left}`);
  let table: TableBlock | null = null;
  let structureSeen = false;
  let yearsAbove: number[] = [];
  const close = (): void => {
    if (table) {
      numberedAsCodes(table);
      blocks.push(table);
      draft.tables.push({
        sheet: sheet.name,
        headerRow: table.headerRow,
        firstCol: table.header.firstCol,
        lastCol: table.header.lastCol,
        lastRow: table.rows[table.rows.length - 1] ?? table.headerRow,
        kind: table.header.kind,
        columns: mappingOf(sheet.name, table.headerRow, table.header.cells).columns,
        ...(table.mapped ? { mapped: true } : {}),
      });
    }
    table = null;
  };
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r] ?? [];
    const first = firstNonBlank(row, skipMarker && r === 0 ? 1 : 0);
    if (first < 0) {
      close();
      continue;
    }
    const mappings = draft.mappingsAt(sheet.name, r);
    const mapped = mappings.length > 0 ? mappedHeader(draft, mappings, sheet, r) : null;
    const found = mapped ?? headerAt(sheet, r);
    if (found) {
      close();
      table = { kind: "table", sheet, header: found.header, headerRow: r, rows: [], yearsAbove };
      if (mapped) table.mapped = true;
      structureSeen = true;
      r += found.height - 1;
      continue;
    }
    if (table && !endsTable(table.header, row, r, mergedAcross)) {
      table.rows.push(r);
      continue;
    }
    close();
    const unknown = skipMarker ? null : unknownTable(sheet, r);
    if (unknown) {
      draft.unknownTables.push(unknown);
      structureSeen = true;
      r = unknown.lastRow;
      continue;
    }
    const text = cellText(row[first] ?? null);
    blocks.push({ kind: "text", sheet, row: r, col: first, text, title: !structureSeen });
    const years = yearsIn(text);
    if (years.length > 0) yearsAbove = [...years, ...yearsAbove];
    if (!structureSeen) draft.titleYears.push(...years);
    if (!structureSeen && splitLeadingCode(text) && text.length <= 200) structureSeen = true;
    scanOutcomeLabel(draft, sheet, r, row);
    if (structureSeen) reportBesideText(draft, sheet, r, row, first);
  }
  close();
  return blocks;
}

/** A code of two levels or more ("1.1", "2.3.1."): what a row number never looks like. */
const DOTTED_CODE = /^\d+(\.\d+)+\.?$/;

/**
 * A table that names a condition on each row ("No | Uraian Kondisi | Indikator | …") and whose
 * No column holds codes (1, 1.1, 1.1.1) rather than row numbers: the No column is its Kode
 * column. One dotted code is enough to tell; a mapped header is left as the user mapped it.
 */
function numberedAsCodes(table: TableBlock): void {
  const col = table.header.columns;
  if (table.mapped || col.no === undefined || col.code !== undefined) return;
  if (col.kondisi === undefined) return;
  const no = col.no;
  const dotted = table.rows.some((r) =>
    DOTTED_CODE.test(cellText(table.sheet.values[r]?.[no] ?? null))
  );
  if (!dotted) return;
  // The cell's role too, so the mapping the reader reports (--tulis-peta) reads it the same way.
  const cells = table.header.cells.map((c) =>
    c.col === no ? { ...c, guess: { role: "code" as const } } : c
  );
  table.header = { ...table.header, columns: { ...col, code: no }, cells };
}

/**
 * The header the first fitting mapping gives row `r` (two rows when it was made for a header with
 * its periods in the row below), or null when the header no longer reads as any was made for
 * (reported, never applied) or its roles make no table.
 */
function mappedHeader(
  draft: Draft,
  mappings: readonly ColumnMapping[],
  sheet: SheetGrid,
  r: number
): { header: Header; height: number } | null {
  const row = sheet.values[r] ?? [];
  const below = sheet.values[r + 1];
  const composed = below ? withPeriodRow(row, below) : null;
  let misfit: { expected: string; found: string } | null = null;
  for (const mapping of mappings) {
    const twoRows = composed ? fitMapping(mapping, composed) : null;
    const fit = twoRows?.fits ? twoRows : fitMapping(mapping, row);
    if (!fit.fits) {
      if (!misfit) misfit = fit;
      continue;
    }
    const header = classify(fit.cells);
    return header ? { header, height: fit === twoRows ? 2 : 1 } : null;
  }
  const first = mappings[0];
  if (misfit && first) reportOutdated(draft, first, misfit.expected, misfit.found);
  return null;
}

/** The mapping no longer matches its sheet: said at its header row, and not applied. */
export function reportOutdated(
  draft: Draft,
  mapping: ColumnMapping,
  expected: string,
  found: string
): void {
  draft.report(
    "mapping-outdated",
    "warning",
    { sheet: mapping.sheet, row: mapping.headerRow - 1, col: 0 },
    "reader.mappingOutdated",
    { expected, found: found === "" ? "-" : found }
  );
}

/**
 * A table whose header the reader does not know: a row of at least three short labels (no
 * numbers, no sentences) with rows of data below it. Null when row `r` is not such a header.
 */
function unknownTable(sheet: SheetGrid, r: number): UnknownTable | null {
  const row = sheet.values[r] ?? [];
  const cells: HeaderCell[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    const text = cellText(v ?? null);
    if (
      typeof v !== "string" ||
      text.length > 40 ||
      /[.!?]$/.test(text) ||
      /^[\d.,\s%]+$/.test(text)
    )
      return null;
    cells.push({ col: c, text, guess: roleOf(text) });
  }
  if (cells.length < 3) return null;
  const firstCol = cells[0]?.col ?? 0;
  const lastCol = cells[cells.length - 1]?.col ?? 0;
  const rows: number[] = [];
  for (let rr = r + 1; rr < sheet.values.length; rr++) {
    const data = sheet.values[rr] ?? [];
    let filled = 0;
    for (let c = firstCol; c <= lastCol; c++) if (!isBlank(data[c])) filled++;
    if (filled === 0) break;
    rows.push(rr);
  }
  if (rows.length === 0 || !rows.some((rr) => countFilled(sheet, rr, firstCol, lastCol) >= 2))
    return null;
  return { sheet, headerRow: r, rows, cells, lastRow: rows[rows.length - 1] ?? r };
}

function countFilled(sheet: SheetGrid, r: number, from: number, to: number): number {
  let n = 0;
  for (let c = from; c <= to; c++) if (!isBlank(sheet.values[r]?.[c])) n++;
  return n;
}

/** Years (1950–2199) a line names, last first ("Renstra 2021–2026" gives 2026, 2021). */
function yearsIn(text: string): number[] {
  const found = text.match(/\b(?:19[5-9]\d|2[01]\d\d)\b/g) ?? [];
  return found.map(Number).reverse();
}

/**
 * The header starting at row `r`, and how many rows it takes: two when the row below holds the
 * periods of its columns ("Target" over "2024 | 2025", "Realisasi" over "TW I … TW IV").
 */
function headerAt(sheet: SheetGrid, r: number): { header: Header; height: number } | null {
  const row = sheet.values[r];
  const header = recogniseHeader(row);
  if (!header || !row) return null;
  const below = sheet.values[r + 1];
  const composed = below ? withPeriodRow(row, below) : null;
  const twoRows = composed ? recogniseHeader(composed) : null;
  return twoRows ? { header: twoRows, height: 2 } : { header, height: 1 };
}

/**
 * The header row with the periods below it joined in ("Realisasi" + "TW I" → "Realisasi TW I"),
 * or null when the row below is not all periods. A period under a blank header cell belongs to
 * the group on its left (a group header merged across its periods).
 */
function withPeriodRow(row: readonly CellValue[], below: readonly CellValue[]): CellValue[] | null {
  let periods = 0;
  for (const v of below) {
    if (isBlank(v)) continue;
    if (!isPeriodLabel(v)) return null;
    periods++;
  }
  if (periods < 2) return null;
  const out: CellValue[] = [];
  let group = "";
  const width = Math.max(row.length, below.length);
  for (let c = 0; c < width; c++) {
    const top = cellText(row[c] ?? null);
    if (top !== "") group = top;
    const sub = cellText(below[c] ?? null);
    if (sub === "") out.push(row[c] ?? null);
    else if (group === "") return null;
    else out.push(roleOf(sub) ? `${sub} ${group}` : `${group} ${sub}`);
  }
  return out;
}

/** "2025", "TW I", "Triwulan II", "Semester I", "s.d. TW IV", "Kumulatif", or Target/Realisasi. */
function isPeriodLabel(v: CellValue | undefined): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1950 && v < 2200;
  if (typeof v !== "string" || v.length > 40) return false;
  const role = roleOf(v.trim())?.role;
  if (role === "target" || role === "actual" || role === "achievement") return true;
  return periodOf(normalise(v)) !== null;
}

/** Cells right of a text row's first cell hold nothing the reader places. */
function reportBesideText(
  draft: Draft,
  sheet: SheetGrid,
  r: number,
  row: readonly CellValue[],
  first: number
): void {
  for (let c = first + 1; c < row.length; c++) {
    if (isBlank(row[c]) || draft.isConsumed(sheet.name, r, c)) continue;
    draft.skipped("info", "reader.skipped.text", sheet.name, r, c, {
      text: excerpt(cellText(row[c] ?? null)),
    });
  }
}

/**
 * The table ends at a blank row, or at row `r` with one cell of prose at its left edge (the
 * paragraph after the table, often merged across: `mergedAcross` holds "row,col" of such cells).
 */
function endsTable(
  header: Header,
  row: readonly CellValue[],
  r: number,
  mergedAcross: ReadonlySet<string>
): boolean {
  const { firstCol, lastCol } = header;
  let count = 0;
  let at = -1;
  for (let c = firstCol; c <= lastCol && c < row.length; c++) {
    if (isBlank(row[c])) continue;
    count++;
    at = c;
  }
  if (count === 0) return true;
  if (count > 1 || at !== firstCol) return false;
  if (mergedAcross.has(`${r},${at}`)) return true;
  const text = cellText(row[at] ?? null);
  if (normaliseCode(text) !== null) return false;
  // Indicator names are short and do not end a sentence; closing paragraphs do.
  return (
    text.length > 100 ||
    endsSentence(text, true) ||
    startsWithDengan(text) ||
    isProse(text) ||
    isLabel(text) ||
    splitLeadingCode(text) !== null
  );
}
