/** A1-style addresses, 0-based (row, col) in the core. */

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
