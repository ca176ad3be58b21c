/**
 * Range.copyFrom(…, "Formats") as the fake models it: every format property, number format and
 * merged area of the source range is put on the destination, as Excel's paste-formats does. The
 * fake models only what it can model exactly and throws otherwise: a same-sized source on the
 * same sheet, whose formats and merges each lie wholly inside or wholly outside it (no outside
 * border on its edge), with no link or rule on it, onto cells that have no format or merge yet.
 */
import { rangeWithin, type CellRange } from "../../core";
import { addMerge, formatsNear, mergeIndexOf } from "./model";
import { FakeOfficeError, overlaps } from "./proxy";
import { setNumberFormat, type FakeSheet, type FormatRecord, type HyperlinkRecord } from "./state";

function refuse(why: string): never {
  throw new FakeOfficeError("InvalidArgument", `The fake cannot model this copy: ${why}.`);
}

/** Copy the formats of `src` onto `dst` on one sheet; `withMerges` false drops merged areas. */
export function copyFormats(
  sheet: FakeSheet,
  src: CellRange,
  dst: CellRange,
  withMerges: boolean
): void {
  if (
    src.bottom - src.top !== dst.bottom - dst.top ||
    src.right - src.left !== dst.right - dst.left
  )
    refuse("source and destination of different sizes");
  if (overlaps(src, dst)) refuse("overlapping source and destination");
  const shift = { rows: dst.top - src.top, cols: dst.left - src.left };
  const formats = copiedRecords(sheet, src, dst, shift);
  const merges = copiedMerges(sheet, src, dst);
  if (sheet.conditionalFormats.some((c) => overlaps(c.range, src) || overlaps(c.range, dst)))
    refuse("conditional formats");
  if (sheet.hyperlinks.some((h) => linked(h, src) || linked(h, dst))) refuse("links");
  for (const f of formats) sheet.formats.push(f);
  if (withMerges) for (const m of merges) addMerge(sheet, moved(m, shift));
  copyNumberFormats(sheet, src, shift);
}

function moved(r: CellRange, shift: { rows: number; cols: number }): CellRange {
  return {
    top: r.top + shift.rows,
    left: r.left + shift.cols,
    bottom: r.bottom + shift.rows,
    right: r.right + shift.cols,
  };
}

function linked(h: HyperlinkRecord, o: CellRange): boolean {
  return h.row >= o.top && h.row <= o.bottom && h.col >= o.left && h.col <= o.right;
}

/** The source's format records moved onto the destination (which must have none). */
function copiedRecords(
  sheet: FakeSheet,
  src: CellRange,
  dst: CellRange,
  shift: { rows: number; cols: number }
): FormatRecord[] {
  for (const f of formatsNear(sheet, dst))
    if (overlaps(f.range, dst) || onEdge(f, dst)) refuse("a destination already formatted");
  const copied: FormatRecord[] = [];
  for (const f of formatsNear(sheet, src)) {
    if (rangeWithin(f.range, src))
      copied.push({ range: moved(f.range, shift), path: f.path, value: f.value });
    else if (overlaps(f.range, src) || onEdge(f, src)) refuse("a format across the source's edge");
  }
  return copied;
}

/** Whether a format record outside `o` draws a border on one of o's edges. */
function onEdge(f: FormatRecord, o: CellRange): boolean {
  const b = /^borders\.(\w+)\./.exec(f.path)?.[1];
  if (!b) return false;
  const { top, left, bottom, right } = f.range;
  const cols = left <= o.right && right >= o.left;
  const rows = top <= o.bottom && bottom >= o.top;
  const across = (b === "EdgeBottom" || b === "InsideHorizontal") && cols;
  if (
    across &&
    (bottom === o.top - 1 || (b === "InsideHorizontal" && top < o.top && bottom >= o.top))
  )
    return true;
  if (b === "EdgeTop" && cols && top === o.bottom + 1) return true;
  const down = (b === "EdgeRight" || b === "InsideVertical") && rows;
  if (
    down &&
    (right === o.left - 1 || (b === "InsideVertical" && left < o.left && right >= o.left))
  )
    return true;
  return b === "EdgeLeft" && rows && left === o.right + 1;
}

/** The merged areas inside the source (none may cross its edge; the destination has none). */
function copiedMerges(sheet: FakeSheet, src: CellRange, dst: CellRange): Set<CellRange> {
  const at = mergeIndexOf(sheet).at;
  for (let r = dst.top; r <= dst.bottom; r++)
    for (let c = dst.left; c <= dst.right; c++)
      if (at.has(r * 16384 + c)) refuse("a destination already merged");
  const merges = new Set<CellRange>();
  for (let r = src.top; r <= src.bottom; r++)
    for (let c = src.left; c <= src.right; c++) {
      const m = at.get(r * 16384 + c);
      if (m && !rangeWithin(m, src)) refuse("a merged area across the source's edge");
      if (m) merges.add(m);
    }
  return merges;
}

/** Each source cell's number format onto the destination cell (none clears it). */
function copyNumberFormats(
  sheet: FakeSheet,
  src: CellRange,
  shift: { rows: number; cols: number }
): void {
  for (let r = src.top; r <= src.bottom; r++)
    for (let c = src.left; c <= src.right; c++) {
      const nf = sheet.numberFormats[r]?.[c] ?? null;
      const row = sheet.numberFormats[r + shift.rows];
      if (nf !== null) setNumberFormat(sheet, r + shift.rows, c + shift.cols, nf);
      else if (row && row[c + shift.cols] != null) row[c + shift.cols] = null;
    }
}
