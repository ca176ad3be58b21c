/** Small helpers on a row's cells and on the texts the reader keeps. */
import type { CellValue } from "../grid";
import { cellText, isBlank } from "../grid";

/** Column of the first non-blank cell at or after `from`, or -1. */
export function firstNonBlank(row: readonly CellValue[], from: number): number {
  for (let c = from; c < row.length; c++) if (!isBlank(row[c])) return c;
  return -1;
}

/** The trimmed text of column `c` of the row, or null when blank or there is no such column. */
export function textAt(row: readonly CellValue[], c: number | undefined): string | null {
  if (c === undefined) return null;
  const s = cellText(row[c] ?? null);
  return s === "" ? null : s;
}

/** A text as quoted in a message: one line, at most 80 characters. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

/** `b` as a new line after `a` (a text continued on another row). */
export function join(a: string | null, b: string): string {
  return a === null ? b : `${a}\n${b}`;
}

/** Like join, keeping `a` when `b` is null. */
export function joinNull(a: string | null, b: string | null): string | null {
  return b === null ? a : join(a, b);
}

/** Add `value` to the list of `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
