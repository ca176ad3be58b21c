/**
 * Rows and units of the kertas kerja, and their placement on A4 pages.
 *
 * Every row is as tall as its text set in Arial (measured as Excel and LibreOffice wrap it). A
 * unit is rows that a page break never splits: a paragraph, a table row (a tall one is several
 * units, its continuation rows: continuation.ts); a unit may ask to stay on the page of the next
 * one (a heading, a label, a table header). The rows of a parent in a
 * cascade table are units of one group: the parent's cells are merged over its rows on each
 * page, and written again where a page break splits the group. Pages break before the first
 * unit that does not fit: sections flow on, and a page ends only where a table row would not fit.
 */
import type { CellRange } from "../grid";
import {
  CELL_PADDING,
  INDENT_POINTS,
  MAX_ROW_HEIGHT,
  columnPoints,
  heightForLines,
  toPixelGrid,
  wrappedLines,
  type Font,
} from "../text-fit";

/**
 * Column widths (Excel character units) of A:E: 90 characters are 491 pt in Excel, which the
 * A4 portrait page holds at 100 % even where columns come out 6 % wider (LibreOffice).
 */
export const WIDTHS: readonly number[] = [15, 21, 19, 20, 15];
export const LAST_COL = 4;
export const FONT_NAME = "Arial";
export const BODY_FONT = 10;
export const HEADING_FONT = 11;
export const TITLE_FONT = 12;
/**
 * Printable height of an A4 portrait page in points: 842 less 0.75 in margins top and bottom,
 * less a little for Excel's rounding of each row to whole pixels.
 */
export const PAGE_HEIGHT = 725;
/** Points a table cell gives its text below the last line (the text starts at the top). */
const CELL_BOTTOM_PAD = 3;

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
  /**
   * A continuation row: it carries on the texts of the table row above (no border between them,
   * no table header written again between them; a page may break between them).
   */
  continued?: boolean;
}

/**
 * Rows of one parent in a cascade table: the parent's cells (No. and name), merged over the
 * group's rows on each page, and the height they need there.
 */
export interface Group {
  cells: RowCell[];
  need: number;
}

export interface Unit {
  rows: RowSpec[];
  /** Keep on the same page as the next unit (headings, labels, table headers). */
  keepWithNext?: boolean;
  /** The table the unit belongs to: its header rows are written again after a page break. */
  table?: { header: RowSpec[]; isHeader?: boolean };
  /** The group the unit's one row belongs to (a child row in a cascade table). */
  group?: Group;
}

/** Width of columns left..right in points, as Excel draws them. */
export function spanPoints(left: number, right: number): number {
  let w = 0;
  for (let c = left; c <= right; c++) w += columnPoints(WIDTHS[c] ?? 0);
  return w;
}

export function fontFor(kind: RowKind): Font {
  const bold =
    kind === "th" ||
    kind === "title" ||
    kind === "heading" ||
    kind === "label" ||
    kind === "signName";
  const size = kind === "title" ? TITLE_FONT : kind === "heading" ? HEADING_FONT : BODY_FONT;
  return { name: FONT_NAME, size, bold };
}

/** True for rows whose cells are bordered, with the text indented off the left border. */
export function isTable(kind: RowKind): boolean {
  return kind === "th" || kind === "td";
}

/**
 * Width in points a cell's text wraps in (a table cell's text indented, unless centred), in
 * Excel; `scale` WIDE_RENDERER gives LibreOffice's.
 */
export function cellRoom(kind: RowKind, cell: RowCell, center = false, scale = 1): number {
  const indent = kind === "td" && !center ? INDENT_POINTS : 0;
  return spanPoints(cell.col, cell.right) * scale - CELL_PADDING - indent;
}

/** Lines of a cell's text in its columns (a table cell's text indented, unless centred). */
export function cellLines(kind: RowKind, cell: RowCell, center = false): number {
  return wrappedLines(cell.value, cellRoom(kind, cell, center), fontFor(kind));
}

/**
 * Height of a row of `kind` whose tallest cell takes `lines` lines. A table row whose text
 * continues in the row below (`open`) leaves out the padding under its text, so that the lines
 * read on at nearly their own spacing.
 */
export function heightOf(kind: RowKind, lines: number, open = false): number {
  const pad = isTable(kind) && !open ? CELL_BOTTOM_PAD : 0;
  return Math.min(MAX_ROW_HEIGHT, toPixelGrid(heightForLines(lines, fontFor(kind).size) + pad));
}

/** A row whose height is computed from its text. */
export function row(kind: RowKind, cells: RowCell[], center = false): RowSpec {
  let lines = 1;
  for (const c of cells) lines = Math.max(lines, cellLines(kind, c, center));
  const r: RowSpec = { kind, cells, height: heightOf(kind, lines) };
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

/** A group of parent cells and the height they need in a table row. */
export function group(cells: RowCell[]): Group {
  let lines = 1;
  for (const c of cells) lines = Math.max(lines, cellLines("td", c));
  return { cells, need: heightOf("td", lines) };
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

/** The group rows on the current page: where they start, how tall they are so far. */
interface Segment {
  group: Group;
  top: number;
  height: number;
}

/** Placement state: the rows so far, the page's used height, the open group segment. */
class Pages {
  readonly rows: RowSpec[] = [];
  readonly vmerges: CellRange[] = [];
  readonly breaks: number[] = [];
  used = 0;
  segment: Segment | null = null;
  constructor(readonly firstRow: number) {}

  get next(): number {
    return this.firstRow + this.rows.length;
  }

  put(r: RowSpec): void {
    this.rows.push(r);
    this.used += r.height;
  }

  /** Ends the group's rows on this page: merged over them, the last as tall as the parent needs. */
  closeSegment(): void {
    const s = this.segment;
    if (!s) return;
    this.segment = null;
    const bottom = this.next - 1;
    const deficit = s.group.need - s.height;
    const last = this.rows[bottom - this.firstRow];
    if (deficit > 0 && last) {
      const height = Math.min(MAX_ROW_HEIGHT, toPixelGrid(last.height + deficit));
      this.used += height - last.height;
      this.rows[bottom - this.firstRow] = { ...last, height };
    }
    if (bottom > s.top)
      for (const c of s.group.cells)
        this.vmerges.push({ top: s.top, left: c.col, bottom, right: c.right });
  }

  newPage(): void {
    this.closeSegment();
    this.breaks.push(this.next);
    this.used = 0;
  }
}

/** Height a unit needs on the page: a group row that would end its group's rows here needs the rest. */
function needOf(p: Pages, u: Unit, own: number): number {
  if (!u.group) return own;
  const sofar = p.segment && p.segment.group === u.group ? p.segment.height : 0;
  return own + Math.max(0, u.group.need - sofar - own);
}

/** Writes a group row: the parent's cells before its own when it starts the group's rows on a page. */
function putGroupRow(p: Pages, u: Unit, r: RowSpec): void {
  const g = u.group as Group;
  if (p.segment?.group !== g) {
    p.closeSegment();
    p.segment = { group: g, top: p.next, height: 0 };
    r = { ...r, cells: [...g.cells.map((c) => ({ ...c })), ...r.cells] };
  }
  p.put(r);
  p.segment.height += r.height;
}

/**
 * Place the units from `firstRow` on, breaking pages before a unit (or a chain of units kept
 * together) that would not fit the page, and writing a table's header again when a table
 * continues on a new page.
 */
export function placeUnits(units: readonly Unit[], firstRow: number): Placed {
  const p = new Pages(firstRow);
  const heights = units.map(unitHeight);
  let lastTable: RowSpec[] | null = null;
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const own = needOf(p, u, heights[i] ?? 0);
    let chain = own;
    for (let j = i; units[j]?.keepWithNext && j + 1 < units.length; j++)
      chain += heights[j + 1] ?? 0;
    const need = chain <= PAGE_HEIGHT ? chain : own;
    if (p.used > 0 && p.used + need > PAGE_HEIGHT) {
      p.newPage();
      if (u.table && !u.table.isHeader && lastTable === u.table.header) {
        p.put(spacer(4));
        for (const h of u.table.header) p.put({ ...h, cells: h.cells.map((c) => ({ ...c })) });
      }
    }
    if (!u.group || p.segment?.group !== u.group) p.closeSegment();
    if (u.group) putGroupRow(p, u, u.rows[0] as RowSpec);
    else for (const r of u.rows) p.put(r);
    lastTable = u.table ? u.table.header : null;
  }
  p.closeSegment();
  return {
    firstRow,
    rows: p.rows,
    vmerges: p.vmerges,
    breaks: p.breaks,
    lastRow: firstRow + p.rows.length - 1,
  };
}
