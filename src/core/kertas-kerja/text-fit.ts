/**
 * Row heights for wrapped text. Excel does not autofit merged cells (and the ExcelJS host cannot
 * autofit at all), so the kertas kerja estimates the wrapped lines of each cell itself.
 */

import { isSpace } from "../chars";

/** Excel's largest row height (409 pt), on the 0.75 pt pixel grid. */
export const MAX_ROW_HEIGHT = 408.75;

/**
 * Characters of ordinary text that fit on one line of a column `width` wide (Excel character
 * units, i.e. widths of "0" in Calibri 11). Proportional text averages a little narrower than "0";
 * the factor errs on the side of more lines so nothing is cut off.
 */
export function charsPerLine(width: number, fontSize: number): number {
  return Math.max(1, Math.floor((width - 1) * 1.1 * (11 / fontSize)));
}

/**
 * Number of lines `text` wraps to in a cell of `width` character units at `fontSize` points:
 * greedy word wrap per paragraph (line breaks kept). Scans the characters without splitting
 * (a long document has tens of thousands of cells).
 */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const cap = charsPerLine(width, fontSize);
  // Most cells hold one short line: no wrap can happen when the whole text fits.
  if (text.length <= cap && !text.includes("\n")) return 1;
  let lines = 0;
  let used = 0;
  let count = 1;
  let words = 0;
  let wordLen = 0;
  // One tight loop (no closures): it runs over every character of a long document.
  for (let i = 0; i <= text.length; i++) {
    // The end of the text ends the last paragraph like a line break.
    const c = i < text.length ? text.charCodeAt(i) : 10;
    // Printable characters first: most are neither spaces nor breaks.
    if (c > 32 && (c < 0xa0 || !isSpace(c))) {
      wordLen++;
      continue;
    }
    // "\r\n" ends a paragraph like "\n": the "\r" is a space, which only ends a word.
    if (c !== 10 && !isSpace(c)) {
      wordLen++;
      continue;
    }
    if (wordLen > 0) {
      words++;
      const need = used === 0 ? wordLen : used + 1 + wordLen;
      if (need <= cap) used = need;
      else {
        if (used > 0) count += 1;
        // A word longer than the line breaks over as many lines as it needs.
        const extra = Math.ceil(wordLen / cap) - 1;
        count += extra;
        used = wordLen - extra * cap;
      }
      wordLen = 0;
    }
    if (c === 10) {
      lines += words === 0 ? 1 : count;
      used = 0;
      count = 1;
      words = 0;
    }
  }
  return lines;
}

/** Line height in points for a font size (Calibri: 15 pt rows at 11 pt). */
export function lineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.36 * 10) / 10;
}

/** Points rounded up to whole screen pixels (0.75 pt), as Excel keeps row heights. */
export function toPixelGrid(points: number): number {
  return Math.ceil(points / 0.75 - 1e-9) * 0.75;
}

/** Row height in points that shows `lines` lines, capped at Excel's maximum. */
export function heightForLines(lines: number, fontSize: number): number {
  return Math.min(MAX_ROW_HEIGHT, toPixelGrid(lines * lineHeight(fontSize) + 3));
}
