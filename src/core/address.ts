/**
 * A1-style addresses, 0-based (row, col) in the core: the one place where addresses are parsed,
 * formatted and sheet names quoted, for the core, the Office.js host and the fake Excel host.
 */
import type { CellRange } from "./grid";

/** Rows and columns of an Excel worksheet (since Excel 2007). */
export const EXCEL_ROWS = 1048576;
export const EXCEL_COLUMNS = 16384;

const LETTERS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));

/** Column letters for a 0-based column index (0 → "A", 26 → "AA"). */
export function columnLetters(col: number): string {
  if (col >= 0 && col < 26 && Number.isInteger(col)) return LETTERS[col] ?? "";
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index for letters ("A" → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7" for (6, 1). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7:D9" for a range (a single cell gives "B7"). */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  return top === bottom && left === right ? start : `${start}:${a1(bottom, right)}`;
}

/** "B7:D9" for a rectangle (a single cell gives "B7"). */
export function rangeA1(r: CellRange): string {
  return a1Range(r.top, r.left, r.bottom, r.right);
}

/** Sheet name quoted for references: 'Kertas Kerja' (inner quotes doubled). Always quoted, as Excel accepts. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet'!B7" — the form every finding, node and indicator uses. */
export function cellRef(sheet: string, row: number, col: number): string {
  // The same few sheet names are quoted tens of thousands of times in one read.
  if (sheet !== lastSheet) {
    lastSheet = sheet;
    lastQuoted = `${quoteSheet(sheet)}!`;
  }
  return `${lastQuoted}${columnLetters(col)}${row + 1}`;
}

let lastSheet: string | null = null;
let lastQuoted = "";

/** Parse "'Sheet'!B7" or "Sheet!B7" or "B7" into parts; null when it is not a single-cell reference. */
export function parseCellRef(
  ref: string
): { sheet: string | null; row: number; col: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  return { sheet, row: Number(m[4]) - 1, col: columnIndex(m[3] ?? "A") };
}

/**
 * The sheet name as Excel writes it in an address it returns: bare when it is a plain name
 * ("CSF!C20"), quoted otherwise ("'Target & Realisasi'!A1").
 */
export function addressSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : quoteSheet(name);
}

/** The part of an address after its sheet ("'S'!$B$3:C4" → "$B$3:C4"), quotes respected. */
function localPart(address: string): string {
  const trimmed = address.trim();
  if (!trimmed.startsWith("'")) return trimmed.slice(trimmed.lastIndexOf("!") + 1);
  for (let i = 1; i < trimmed.length; i++) {
    if (trimmed[i] !== "'") continue;
    if (trimmed[i + 1] === "'") i++;
    else return trimmed.slice(i + 1).replace(/^!/, "");
  }
  return trimmed;
}

const CELL = /^([A-Za-z]{1,3})(\d+)$/;
const ROW = /^(\d+)$/;
const COLUMN = /^([A-Za-z]{1,3})$/;

/** One end of an area: a cell, a whole row (col -1) or a whole column (row -1). */
function areaEnd(part: string): { row: number; col: number } | null {
  const p = part.replace(/\$/g, "");
  const cell = CELL.exec(p);
  if (cell) return { row: Number(cell[2]) - 1, col: columnIndex(cell[1] ?? "A") };
  const row = ROW.exec(p);
  if (row) return { row: Number(row[1]) - 1, col: -1 };
  const col = COLUMN.exec(p);
  if (col) return { row: -1, col: columnIndex(col[1] ?? "A") };
  return null;
}

/**
 * The rectangle of one area, its sheet and "$" signs ignored: "B3", "'My Sheet'!$B$3:$D$10",
 * whole rows "5:9", whole columns "B:D". Null when it is not one area inside the worksheet.
 */
export function parseRange(address: string): CellRange | null {
  const ends = localPart(address).split(":");
  if (ends.length > 2) return null;
  const a = areaEnd(ends[0] ?? "");
  const b = ends.length === 2 ? areaEnd(ends[1] ?? "") : a;
  if (!a || !b || a.row < 0 !== b.row < 0 || a.col < 0 !== b.col < 0) return null;
  // A single row or column number alone ("5", "B") is not an address.
  if (ends.length === 1 && (a.row < 0 || a.col < 0)) return null;
  const r: CellRange = {
    top: a.row < 0 ? 0 : Math.min(a.row, b.row),
    left: a.col < 0 ? 0 : Math.min(a.col, b.col),
    bottom: a.row < 0 ? EXCEL_ROWS - 1 : Math.max(a.row, b.row),
    right: a.col < 0 ? EXCEL_COLUMNS - 1 : Math.max(a.col, b.col),
  };
  if (r.top < 0 || r.left < 0 || r.bottom >= EXCEL_ROWS || r.right >= EXCEL_COLUMNS) return null;
  return r;
}

/**
 * The areas of a multi-area address ("S!A1:C1,S!A5:B6"), split at `separator` outside quoted
 * sheet names. Null when one of them is not an area.
 */
export function parseAreas(address: string, separator = ","): CellRange[] | null {
  const out: CellRange[] = [];
  for (const part of splitOutsideQuotes(address, separator)) {
    if (part.trim() === "") continue;
    const r = parseRange(part);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** `text` split at `separator`, except inside single-quoted sheet names. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
