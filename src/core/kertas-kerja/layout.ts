/**
 * Rows and units of the kertas kerja, and their placement on A4 pages.
 * A unit is a group of rows that is never split by a page break (a paragraph, a table row,
 * a parent with its children); a unit may ask to stay on the page of the next one (a heading).
 */
import type { CellRange } from "../grid";
import {
  CELL_PADDING,
  MAX_ROW_HEIGHT,
  heightForLines,
  lineHeight,
  toPixelGrid,
  wrappedLines as wrapInPoints,
} from "../text-fit";

/** Lines of `text` in a span `width` characters wide at `fontSize` (bold or not). */
export function wrappedLines(text: string, width: number, fontSize: number, bold = false): number {
  return wrapInPoints(text, width * 5.25 + 3.75 - CELL_PADDING, {
    name: "Arial",
    size: fontSize,
    bold,
  });
}

/** Column widths (Excel character units) of A:E: 94 units fill A4 portrait at 100 %. */
export const WIDTHS: readonly number[] = [16, 22, 20, 20, 16];
export const LAST_COL = 4;
export const BODY_FONT = 10;
export const HEADING_FONT = 11;
export const TITLE_FONT = 12;
/**
 * Printable height of an A4 portrait page in points (842 less 0.75 in margins top and bottom),
 * less a little so that a slightly low height estimate still fits.
 */
export const PAGE_HEIGHT = 715;

export type RowKind =
  "title" | "heading" | "label" | "para" | "th" | "td" | "spacer" | "sign" | "signName";

/** A cell of a row: text written in `col`, merged across to `right` when that is further. */
export interface RowCell {
  col: number;
  right: number;
  value: string;
  /** A formula showing `value` live from its source cell (the row's height is `value`'s). */
  formula?: string;
}

export interface RowSpec {
  kind: RowKind;
  cells: RowCell[];
  height: number;
  /** Centre the row's text (titles, table headers, signature). */
  center?: boolean;
}

export interface Unit {
  rows: RowSpec[];
  /** Keep on the same page as the next unit (headings, labels, table headers). */
  keepWithNext?: boolean;
  /** The table the unit belongs to: its header rows are written again after a page break. */
  table?: { header: RowSpec[]; isHeader?: boolean };
  /** Columns merged vertically over all rows of the unit (value in the first row only). */
  vmergeCols?: number[];
}

/** Width of columns left..right in character units. */
export function spanWidth(left: number, right: number): number {
  const known = SPANS[left]?.[right];
  if (known !== undefined) return known;
  let w = 0;
  for (let c = left; c <= right; c++) w += WIDTHS[c] ?? 0;
  // Merged cells also gain the grid lines between their columns (about one unit each two).
  return w + Math.floor((right - left) / 2);
}

/** spanWidth of every span of A:E, worked out once: it is asked for every cell of every row. */
const SPANS: readonly (readonly number[])[] = WIDTHS.map((_, left) =>
  WIDTHS.map((__, right) => {
    let w = 0;
    for (let c = left; c <= right; c++) w += WIDTHS[c] ?? 0;
    return w + Math.floor((right - left) / 2);
  })
);

export function fontFor(kind: RowKind): number {
  if (kind === "title") return TITLE_FONT;
  if (kind === "heading") return HEADING_FONT;
  return BODY_FONT;
}

/** Bold text runs about a tenth wider. */
function isBold(kind: RowKind): boolean {
  return kind === "th" || kind === "title" || kind === "heading" || kind === "label";
}

/** Height that shows every cell's wrapped text. */
export function rowHeight(kind: RowKind, cells: readonly RowCell[]): number {
  const font = fontFor(kind);
  let lines = 1;
  for (const c of cells) {
    lines = Math.max(lines, wrappedLines(c.value, spanWidth(c.col, c.right), font, isBold(kind)));
  }
  return heightOf(kind, lines);
}

/** Height of a row of `kind` whose tallest cell wraps to `lines` lines. */
function heightOf(kind: RowKind, lines: number): number {
  // Table cells get a little padding so borders do not touch the text.
  const pad = kind === "th" || kind === "td" ? 2 : 0;
  return Math.min(MAX_ROW_HEIGHT, toPixelGrid(heightForLines(lines, fontFor(kind)) + pad));
}

/** A row whose height is computed from its text. */
export function row(kind: RowKind, cells: RowCell[], center = false): RowSpec {
  const r: RowSpec = { kind, cells, height: rowHeight(kind, cells) };
  if (center) r.center = true;
  return r;
}

/** A blank row between blocks. */
export function spacer(height = 8): RowSpec {
  return { kind: "spacer", cells: [], height: toPixelGrid(height) };
}

/** One text cell merged across A:E. */
export function wide(kind: RowKind, value: string, center = false): RowSpec {
  return row(kind, [{ col: 0, right: LAST_COL, value }], center);
}

/**
 * `wide(kind, value)` when the caller has already counted the text's lines at the full width
 * (a paragraph checks whether it fits one row first): the text is not scanned again.
 */
export function wideLines(kind: RowKind, value: string, lines: number): RowSpec {
  if (isBold(kind) || fontFor(kind) !== BODY_FONT) return wide(kind, value);
  return { kind, cells: [{ col: 0, right: LAST_COL, value }], height: heightOf(kind, lines) };
}

/** Extra height the last row of a unit needs so that vertically merged text shows in full. */
export function fitVerticalMerges(unit: Unit): void {
  const first = unit.rows[0];
  const last = unit.rows[unit.rows.length - 1];
  if (!first || !last || !unit.vmergeCols) return;
  const total = unit.rows.reduce((s, r) => s + r.height, 0);
  for (const col of unit.vmergeCols) {
    const cell = first.cells.find((c) => c.col === col);
    if (!cell) continue;
    const need =
      heightForLines(
        wrappedLines(cell.value, spanWidth(cell.col, cell.right), BODY_FONT),
        BODY_FONT
      ) + 2;
    if (need > total)
      last.height = Math.min(MAX_ROW_HEIGHT, toPixelGrid(last.height + need - total));
  }
}

function unitHeight(u: Unit): number {
  let h = 0;
  for (const r of u.rows) h += r.height;
  return h;
}

export interface Placed {
  /** First sheet row of the document (0-based); rows before it are not part of the document. */
  firstRow: number;
  /** Row specs in sheet order: `rows[i]` is sheet row `firstRow + i`. */
  rows: RowSpec[];
  vmerges: CellRange[];
  /** Rows above which a page break goes. */
  breaks: number[];
  lastRow: number;
}

/**
 * Place the units from `firstRow` on, breaking pages before a unit (or a chain of units kept
 * together) that would not fit the page, and writing a table's header again when a table
 * continues on a new page.
 */
export function placeUnits(units: readonly Unit[], firstRow: number): Placed {
  const rows: RowSpec[] = [];
  const vmerges: CellRange[] = [];
  const breaks: number[] = [];
  let used = 0;
  let lastTable: RowSpec[] | null = null;
  const heights = units.map(unitHeight);

  const put = (r: RowSpec): void => {
    rows.push(r);
    used += r.height;
  };

  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!u) continue;
    const own = heights[i] ?? 0;
    let chain = own;
    for (let j = i; units[j]?.keepWithNext && j + 1 < units.length; j++) {
      chain += heights[j + 1] ?? 0;
    }
    const need = chain <= PAGE_HEIGHT ? chain : own;
    if (used > 0 && used + need > PAGE_HEIGHT) {
      breaks.push(firstRow + rows.length);
      used = 0;
      if (u.table && !u.table.isHeader && lastTable === u.table.header) {
        put(spacer(4));
        for (const h of u.table.header) put({ ...h, cells: h.cells.map((c) => ({ ...c })) });
      }
    }
    const top = firstRow + rows.length;
    for (const r of u.rows) put(r);
    if (u.vmergeCols && u.rows.length > 1) {
      for (const col of u.vmergeCols) {
        vmerges.push({ top, left: col, bottom: top + u.rows.length - 1, right: col });
      }
    }
    lastTable = u.table ? u.table.header : null;
  }
  return { firstRow, rows, vmerges, breaks, lastRow: firstRow + rows.length - 1 };
}

/** Minimum height of a one-line body row. */
export const BODY_LINE = lineHeight(BODY_FONT);
