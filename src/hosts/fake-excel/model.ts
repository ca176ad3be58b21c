/** The fake workbook's cell model: merges, format records and cell writes as Excel makes them. */
import type { CellRange, CellValue } from "../../core";
import { FakeOfficeError, overlaps } from "./proxy";
import { setCell, type FakeSheet, type FormatRecord } from "./state";

/** Per sheet, the merge covering each cell, for the merges array it was built from. */
const mergeIndexes = new WeakMap<
  FakeSheet,
  { merges: CellRange[]; count: number; at: Map<number, CellRange> }
>();

/** The merge covering each cell of a sheet, rebuilt when its merges were replaced. */
export function mergeIndexOf(sheet: FakeSheet): {
  merges: CellRange[];
  count: number;
  at: Map<number, CellRange>;
} {
  let index = mergeIndexes.get(sheet);
  if (!index || index.merges !== sheet.merges || index.count !== sheet.merges.length) {
    const at = new Map<number, CellRange>();
    for (const x of sheet.merges)
      for (let r = x.top; r <= x.bottom; r++)
        for (let c = x.left; c <= x.right; c++) at.set(r * 16384 + c, x);
    index = { merges: sheet.merges, count: sheet.merges.length, at };
    mergeIndexes.set(sheet, index);
  }
  return index;
}

/** Per sheet, format records by tile of 16×16 cells (a record is in every tile it or its edges touch). */
const formatTiles = new WeakMap<
  FakeSheet,
  { formats: FormatRecord[]; count: number; tiles: Map<number, FormatRecord[]> }
>();

/** The format records that may touch `o` or its edges (a superset; callers test each). */
export function formatsNear(sheet: FakeSheet, o: CellRange): Set<FormatRecord> {
  let index = formatTiles.get(sheet);
  if (!index || index.formats !== sheet.formats || index.count > sheet.formats.length) {
    index = { formats: sheet.formats, count: 0, tiles: new Map() };
    formatTiles.set(sheet, index);
  }
  const tile = (r: number, c: number) => (Math.max(0, r) >> 4) * 2048 + (Math.max(0, c) >> 4);
  for (; index.count < sheet.formats.length; index.count++) {
    const f = sheet.formats[index.count] as FormatRecord;
    // Sizes are not formats a copy carries; a whole column's width would fill every tile.
    if (f.path === "rowHeight" || f.path === "columnWidth") continue;
    for (let r = (f.range.top - 1) >> 4; r <= (f.range.bottom + 1) >> 4; r++)
      for (let c = (f.range.left - 1) >> 4; c <= (f.range.right + 1) >> 4; c++) {
        const k = tile(r << 4, c << 4);
        const list = index.tiles.get(k);
        if (list) list.push(f);
        else index.tiles.set(k, [f]);
      }
  }
  const out = new Set<FormatRecord>();
  for (let r = (o.top - 1) >> 4; r <= (o.bottom + 1) >> 4; r++)
    for (let c = (o.left - 1) >> 4; c <= (o.right + 1) >> 4; c++)
      for (const f of index.tiles.get(tile(r << 4, c << 4)) ?? []) out.add(f);
  return out;
}

/** Merge `m`, replacing the merges it overlaps, as Excel does (an index keeps this linear). */
export function addMerge(sheet: FakeSheet, m: CellRange): void {
  const index = mergeIndexOf(sheet);
  let overlapped = false;
  for (let r = m.top; r <= m.bottom && !overlapped; r++)
    for (let c = m.left; c <= m.right && !overlapped; c++) overlapped = index.at.has(r * 16384 + c);
  if (overlapped) {
    sheet.merges = sheet.merges.filter((x) => !overlaps(x, m));
    mergeIndexes.delete(sheet);
    sheet.merges.push(m);
    return;
  }
  sheet.merges.push(m);
  index.count++;
  for (let r = m.top; r <= m.bottom; r++)
    for (let c = m.left; c <= m.right; c++) index.at.set(r * 16384 + c, m);
}

export function checkDims(rect: CellRange, v: unknown[][]): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (
    !Array.isArray(v) ||
    v.length !== rows ||
    v.some((r) => !Array.isArray(r) || r.length !== cols)
  )
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${cols}).`
    );
}

/** Write a 2D block as Excel does: "=..." becomes a formula; a leading "'" makes text. */
export function writeBlock(t: { sheet: FakeSheet; rect: CellRange }, v: CellValue[][]): void {
  checkDims(t.rect, v);
  v.forEach((row, r) =>
    row.forEach((x, c) => {
      const rr = t.rect.top + r;
      const cc = t.rect.left + c;
      if (typeof x === "string" && x.startsWith("'")) setCell(t.sheet, rr, cc, x.slice(1), null);
      else if (typeof x === "string" && x.startsWith("=") && x.length > 1)
        setCell(t.sheet, rr, cc, null, x);
      else setCell(t.sheet, rr, cc, typeof x === "string" ? asTyped(x) : (x ?? null), null);
    })
  );
}

/**
 * What Excel makes of a string written without a leading "'": like typing it, a number, a
 * percentage or TRUE/FALSE becomes that value ("1.10" turns into the number 1.1). Dates and
 * currencies, which depend on the locale, are left out; the host must not rely on either.
 */
export function asTyped(x: string): CellValue {
  if (x === "") return null;
  const t = x.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return x;
}
