/**
 * Row heights for wrapped text. Excel does not autofit merged cells (and the ExcelJS host cannot
 * autofit at all), so the kertas kerja estimates the wrapped lines of each cell itself.
 */

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

/** Number of lines `text` wraps to in a cell of `width` character units at `fontSize` points. */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const cap = charsPerLine(width, fontSize);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines += 1;
      continue;
    }
    let used = 0;
    let count = 1;
    for (const word of words) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= cap) {
        used = need;
        continue;
      }
      if (used > 0) count += 1;
      // A word longer than the line breaks over as many lines as it needs.
      const extra = Math.ceil(word.length / cap) - 1;
      count += extra;
      used = word.length - extra * cap;
    }
    lines += count;
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
