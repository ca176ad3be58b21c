/**
 * Text measured the way Excel and LibreOffice wrap it, so that generated sheets can size their
 * rows: Excel does not autofit merged cells (and a file written without Excel is never autofit).
 *
 * Generated sheets are set in Arial or Calibri, whose widths are known here (`font-metrics.ts`)
 * and which LibreOffice replaces by the metric-compatible Liberation Sans and Carlito: the same
 * text wraps at the same words in both. Lines break at spaces and after a hyphen between letters
 * (greedy, as both do); a word longer than the line breaks where the line is full. Breaks
 * LibreOffice makes after a slash are not made here, so an estimate errs by a line too many,
 * never too few.
 */
import { ARIAL, CALIBRI, MEASURED_CODES, UNITS_PER_EM } from "./font-metrics";

/** The typefaces measured here. */
export type FontName = "Arial" | "Calibri";

/** Excel's largest row height (409 pt), on the 0.75 pt pixel grid. */
export const MAX_ROW_HEIGHT = 408.75;

/** A font to measure with: its size in points, bold or not (italic has the regular widths). */
export interface Font {
  name: FontName;
  size: number;
  bold?: boolean;
}

/** Widths in 1/2048 em by char code (0..0x2265), -1 where not measured; one table per weight. */
function widthTable(widths: readonly number[]): Int16Array {
  const table = new Int16Array(0x2266).fill(-1);
  MEASURED_CODES.forEach((code, i) => {
    const w = widths[i] ?? 0;
    if (w > 0) table[code] = w;
  });
  return table;
}
const TABLES: Record<FontName, { regular: Int16Array; bold: Int16Array }> = {
  Arial: { regular: widthTable(ARIAL.regular), bold: widthTable(ARIAL.bold) },
  Calibri: { regular: widthTable(CALIBRI.regular), bold: widthTable(CALIBRI.bold) },
};
/** The widest measured character: what an unmeasured one counts as (a line too many, not too few). */
const WIDEST = Math.max(...ARIAL.regular, ...ARIAL.bold, ...CALIBRI.regular, ...CALIBRI.bold);

function tableOf(font: Font): Int16Array {
  const t = TABLES[font.name];
  return font.bold ? t.bold : t.regular;
}

/**
 * Points a text area loses to the cell's own margins: LibreOffice starts text a point in, Excel
 * 2 px in on the left and 1 px before the right edge: 3 px.
 */
export const CELL_PADDING = 2.25;
/** Points of an indent level (`CellStyle.indent`): 10 px in Excel and LibreOffice. */
export const INDENT_POINTS = 7.5;

/**
 * Width in points of one column `width` characters wide, as Excel draws it for a workbook whose
 * default font is Calibri 11 or Arial 10 (7 px a character plus 5 px).
 */
export function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 5) * 0.75;
}

/**
 * How much wider LibreOffice draws the same columns: it takes the default font's digit width
 * unrounded (Carlito 11: 7.43 px, not 7). A page is filled to its width divided by this, so that
 * LibreOffice prints it at 100 % too (Excel leaves the difference as margin).
 */
export const WIDE_RENDERER = 1.062;

/** Width of one character in 1/2048 em. */
function charUnits(table: Int16Array, c: number): number {
  const w = c < table.length ? (table[c] as number) : -1;
  return w >= 0 ? w : WIDEST;
}

/** Width of `text` in points, set in `font`. */
export function textWidth(text: string, font: Font): number {
  const table = tableOf(font);
  let units = 0;
  for (let i = 0; i < text.length; i++) units += charUnits(table, text.charCodeAt(i));
  return (units * font.size) / UNITS_PER_EM;
}

/**
 * Number of lines `text` takes in a text area `width` points wide: each paragraph (a line break
 * starts one; "\r\n" is one break) wraps greedily at spaces. Scans the characters once without
 * splitting: a long document measures tens of thousands of cells.
 */
export function wrappedLines(text: string, width: number, font: Font): number {
  // Most cells hold one short line: no wrap can happen when even the widest characters fit.
  if (text.length * WIDEST <= roomUnits(width, font) && !text.includes("\n")) return 1;
  return wrap(text, width, font, null);
}

/**
 * Where each line of `text` wrapped as `wrappedLines` wraps it starts: the index of its first
 * character, or -1 for a line that starts inside a word too long for a line (its place is not
 * measured). One entry per line, the first 0.
 */
export function lineStarts(text: string, width: number, font: Font): number[] {
  const starts = [0];
  wrap(text, width, font, starts);
  return starts;
}

/** Room of a text area `width` points wide, in font units. */
function roomUnits(width: number, font: Font): number {
  return Math.max(1, (width * UNITS_PER_EM) / font.size);
}

/** The greedy wrap: the number of lines, and where each line after the first starts (into `starts`). */
function wrap(text: string, width: number, font: Font, starts: number[] | null): number {
  const table = tableOf(font);
  // In font units, so that the loop adds integers.
  const room = roomUnits(width, font);
  const space = charUnits(table, 32);
  let lines = 0;
  // The current line up to its last word, the spaces after it, the word being read (and where
  // it starts); lines of this paragraph. One loop, no closures: it runs over every character of
  // a long document.
  let used = 0;
  let gap = 0;
  let word = 0;
  let wordStart = 0;
  let count = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    // A hyphen between letters ends a piece of the word a line may break after ("perundang-
    // undangan"); before a digit it does not ("5-1317"), as in Unicode's line breaking.
    const hyphen = c === 45 && isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1));
    if (c !== 10 && c !== 32 && c !== 9) {
      if (c !== 13) {
        if (word === 0) wordStart = i;
        word += charUnits(table, c);
      }
      if (!hyphen) continue;
    }
    if (word > 0) {
      if (used > 0 && used + gap + word > room) {
        count += 1;
        used = 0;
        if (starts) starts.push(wordStart);
      } else if (used > 0) used += gap;
      used += word;
      // A word longer than the line breaks where the line is full.
      while (used > room) {
        count += 1;
        used -= room;
        if (starts) starts.push(-1);
      }
      word = 0;
      gap = 0;
    }
    if (c === 10) {
      lines += count;
      count = 1;
      used = 0;
      gap = 0;
      if (starts && i < text.length) starts.push(i + 1);
    } else if (!hyphen && used > 0) gap += space;
  }
  return lines;
}

/** A Latin letter (ASCII or Latin-1); NaN (outside the text) is none. */
function isLetter(c: number): boolean {
  const lower = c | 32;
  return (lower >= 97 && lower <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/**
 * Distance between the lines of wrapped text in points. Arial's line is 1.117 em in both Excel
 * (its Windows ascent and descent) and LibreOffice; Excel rounds it to whole pixels (15 px at
 * 10 pt, 12 px at 8 pt): 1.125 em. Calibri's is taken as Excel's row for it (15 pt at 11 pt, 1.36 em), but it is
 * 1 em in LibreOffice's Carlito: rows sized for Excel show blank lines in LibreOffice, which is
 * why documents whose rows follow their text are set in Arial.
 */
export function lineHeight(fontSize: number, name: FontName = "Arial"): number {
  return fontSize * (name === "Calibri" ? 1.36 : 1.125);
}

/** Points rounded up to whole screen pixels (0.75 pt), as Excel keeps row heights. */
export function toPixelGrid(points: number): number {
  return Math.ceil(points / 0.75 - 1e-9) * 0.75;
}

/** Row height in points that shows `lines` lines with the cell's margins, capped at Excel's maximum. */
export function heightForLines(lines: number, fontSize: number, name: FontName = "Arial"): number {
  return Math.min(MAX_ROW_HEIGHT, toPixelGrid(lines * lineHeight(fontSize, name) + 3));
}

/** Lines of `text` in a cell (or merged cells) of `columns` widths in characters. */
export function linesInColumns(text: string, columns: readonly number[], font: Font): number {
  let width = -CELL_PADDING;
  for (const c of columns) width += columnPoints(c);
  return wrappedLines(text, width, font);
}
