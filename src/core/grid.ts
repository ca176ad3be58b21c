/**
 * Plain grids: the only form in which the core sees a workbook.
 * Hosts (Office.js, ExcelJS) turn their sheets into these; nothing here knows a host.
 */

/** What a cell holds after the host has read it. Dates arrive as ISO strings. */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Whether `inner` lies wholly inside `outer`. */
export function rangeWithin(inner: CellRange, outer: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/** One worksheet as 2D arrays anchored at A1 (hosts pad the used range so row 0 is row 1). */
export interface SheetGrid {
  name: string;
  /** values[row][col]; ragged rows are allowed, a missing cell is empty. */
  values: CellValue[][];
  /** formulas[row][col] = "=..." where the cell holds a formula; optional. */
  formulas?: (string | null)[][];
  /**
   * numberFormats[row][col] = the cell's Excel number format code ("0%", "0.00", "@") where the
   * host read it and it is not "General"; optional, ragged like `values`. The reader needs it to
   * tell 0.85 shown as "85%" from a typed 0.85.
   */
  numberFormats?: (string | null)[][];
  /** Merged areas when the host can read them (ExcelJS can; Office.js below 1.13 cannot). */
  merges?: CellRange[];
  /** True when the sheet is protected (writes to it will fail). */
  protected?: boolean;
}

/** The workbook as the core sees it. */
export interface WorkbookGrids {
  /** File name or workbook title, for messages and reports. */
  name?: string;
  sheets: SheetGrid[];
  /**
   * Sheets the host did not read beyond A1 (the add-in's own, known by their marker), when it
   * leaves them out to keep a large workbook's read small. Their grids hold A1 alone.
   */
  unread?: string[];
}

/** Value at (row, col), or null when outside the grid. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** Formula at (row, col), or null. */
export function formulaAt(sheet: SheetGrid, row: number, col: number): string | null {
  const r = sheet.formulas?.[row];
  if (!r) return null;
  const f = r[col];
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

/** True when the cell is null, undefined or a string of only whitespace. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The cell's value as trimmed text ("" for blank). Numbers keep JavaScript's rendering. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  return String(v);
}

/** Number of columns in the widest row. */
export function gridWidth(sheet: SheetGrid): number {
  let w = 0;
  for (const r of sheet.values) if (r.length > w) w = r.length;
  return w;
}

/** Number format code at (row, col), or null when none was read or it is "General". */
export function numberFormatAt(sheet: SheetGrid, row: number, col: number): string | null {
  const f = sheet.numberFormats?.[row]?.[col];
  return typeof f === "string" && f !== "" && f.toLowerCase() !== "general" ? f : null;
}
