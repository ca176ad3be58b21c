/**
 * Continuation rows: a table row taller than a few lines is written as several rows, each cell's
 * text cut into consecutive pieces at the starts of its lines (as `wrappedLines` wraps it in
 * Excel's narrower column), the rows joined without a border between them.
 *
 * Why: a row cannot split across a page, so one tall row leaves the page before it half empty;
 * and a row sized for Excel shows a line or two to spare in LibreOffice, which draws the columns
 * 6 % wider: over a few lines that is less than one line, over thirty it is two.
 *
 * A piece cut between words keeps the spaces after it (invisible at the end of a line), a piece
 * cut at a line break ends before it: the reader joins a continued text on the spaces the piece
 * above ends with, else on a line break, so the sheet reads back to the same text. A line that
 * starts inside a word, after a hyphen or after an empty line is not a place to cut. A name is
 * cut only between words: its pieces but the last end in spaces, which is how the reader of a
 * kertas kerja the add-in wrote tells a name going on from the next indicator's (also across a
 * page break, where the table's header is written again).
 *
 * All texts of a row are cut after the same number of lines where they can be (no text then
 * ends above the row's bottom in Excel), preferring places where LibreOffice sets each piece in
 * as many lines too: a piece it sets shorter leaves a line's gap before the text goes on.
 *
 * A text shown live from the user's cell (a formula) is cut too, each piece a `MID` of the same
 * formula: the pieces stay live, and the last one shows the rest of the text however long it
 * grows, so nothing is lost when the source is edited (the pieces then break where the old text
 * broke, until the kertas kerja is made again). Keeping linked texts whole would leave the tall
 * rows as they are: in the sample every tall row is an indicator's linked texts.
 */
import { WIDE_RENDERER, lineStarts, wrappedLines } from "../text-fit";
import { cellRoom, fontFor, heightOf, row, type RowCell, type RowSpec } from "./layout";

/**
 * Lines a table row holds before its texts continue in a row below: the finer, the fuller the
 * pages (a row is the least a page break leaves over). Measured through LibreOffice's PDF on
 * the sample (see test/cli/print-libreoffice.test.ts).
 */
export const CONTINUE_AFTER = 8;

/**
 * Lines of the first of the rows a cut row is written as: few, so that a table can start at
 * the foot of a page with its header and the start of its first row (a page then ends full).
 */
export const FIRST_LINES = 4;

/** Lines of a text short enough never to be cut (a code, a unit, a source's name). */
const SHORT = 3;

/** Excel's longest text: a `MID` this long takes the rest of any text. */
const REST = 32767;

/** A cell's text being cut: its line starts in Excel, where the next piece starts. */
interface Cursor {
  cell: RowCell;
  starts: number[];
  /** Width the text wraps in in LibreOffice. */
  wide: number;
  /** Cut only between words (see tableRows). */
  wordsOnly: boolean;
  at: number;
  line: number;
}

const FONT = fontFor("td");

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

/** Where a piece of `cur` ending before line `j` ends, or -1 when the text is not cut there. */
function pieceEnd(cur: Cursor, j: number): number {
  const text = cur.cell.value;
  const s = cur.starts[j] ?? -1;
  if (s <= 0) return -1;
  const before = text[s - 1];
  if (isSpace(before)) return s;
  if (cur.wordsOnly || before !== "\n") return -1;
  return s >= 2 && !/\s/.test(text[s - 2] as string) ? s - 1 : -1;
}

/** Lines LibreOffice sets `cur`'s text from where it stands to `end` in. */
function wideLines(cur: Cursor, end: number): number {
  return wrappedLines(cur.cell.value.slice(cur.at, end), cur.wide, FONT);
}

/** True when LibreOffice sets the piece `lines` lines long in Excel in at most one line less. */
function closeEnough(cur: Cursor, end: number, lines: number): boolean {
  return lines <= 2 || wideLines(cur, end) >= lines - 1;
}

function done(c: Cursor): boolean {
  return c.at >= c.cell.value.length;
}

/** A cut of a cursor: the piece's end, where the next starts, the line it starts. */
interface Cut {
  end: number;
  next: number;
  line: number;
}

/**
 * The cuts that end every text's piece after `k` lines (a text ending within `k` lines ends),
 * or null when one cannot be cut there, when LibreOffice would set a piece that goes on below
 * in fewer lines than `k` (`slack` 0) or than `k - 1` (`slack` 1) (a piece shorter than its row
 * leaves a gap in the text before it goes on), or when it would set the row's tallest text in
 * two lines less (two lines to spare).
 */
function cutsAt(cursors: readonly Cursor[], k: number, slack: number): Cut[] | null {
  const cuts: Cut[] = [];
  let lines = 1;
  let wide = 0;
  for (const c of cursors) {
    const total = c.starts.length;
    const ends = total - c.line <= k;
    const end = ends ? c.cell.value.length : pieceEnd(c, c.line + k);
    if (end < 0) return null;
    const own = wideLines(c, end);
    if (!ends && own < k - slack) return null;
    const line = ends ? total : c.line + k;
    cuts.push({ end, next: ends ? end : (c.starts[line] as number), line });
    lines = Math.max(lines, line - c.line);
    wide = Math.max(wide, own);
  }
  return lines <= 2 || wide >= lines - 1 ? cuts : null;
}

/**
 * The next piece of `cur` on its own in a row of `cap` lines: as many whole lines as fit and
 * LibreOffice sets in at most one line less, cut at the last such place; more lines when there
 * is none before (the row grows to them).
 */
function nextPiece(cur: Cursor, cap: number): Cut {
  const text = cur.cell.value;
  const total = cur.starts.length;
  const rest = { end: text.length, next: text.length, line: total };
  if (total - cur.line <= cap && closeEnough(cur, text.length, total - cur.line)) return rest;
  let best = -1;
  for (let j = cur.line + 1; j < total; j++) {
    const end = pieceEnd(cur, j);
    if (end < 0) continue;
    if (j - cur.line <= cap ? closeEnough(cur, end, j - cur.line) : best < 0) best = j;
    if (j - cur.line >= cap && best >= 0) break;
  }
  if (best < 0) return rest;
  return { end: pieceEnd(cur, best), next: cur.starts[best] as number, line: best };
}

/**
 * Where the texts of a row `high` lines tall are cut: all after the same number of lines, the
 * most that LibreOffice sets in as many lines, else in one line less, but not fewer than `low`
 * (a few lines more when that ends them all, or when there is no such place); else each text on
 * its own (some then end above the row's bottom). A text of SHORT lines or fewer is not cut.
 */
function rowCuts(cursors: readonly Cursor[], high: number): Cut[] {
  // A last line or two is not worth a row of its own: the row takes them when that ends all.
  const all = cutsAt(cursors, high + 2, 0);
  if (all && cursors.every((c, i) => all[i]?.line === c.starts.length)) return all;
  let low = Math.ceil(high / 2);
  for (const c of cursors) {
    const rest = c.starts.length - c.line;
    if (rest <= SHORT) low = Math.max(low, rest);
  }
  for (const slack of [0, 1])
    for (let k = high; k >= Math.max(low, 1 + slack * 2); k--) {
      const cuts = cutsAt(cursors, k, slack);
      if (cuts) return cuts;
    }
  for (let k = high + 1; k <= high + 4; k++) {
    const cuts = cutsAt(cursors, k, 1);
    if (cuts) return cuts;
  }
  return cursors.map((c) => nextPiece(c, high));
}

/** A piece of a cell: its text, and for a live cell a `MID` of the cell's formula. */
function pieceCell(cell: RowCell, start: number, end: number): RowCell {
  if (start === 0 && end >= cell.value.length) return cell;
  const value = cell.value.slice(start, end);
  if (cell.formula === undefined) return { col: cell.col, right: cell.right, value };
  const length = end >= cell.value.length ? REST : end - start;
  const formula = `=MID(${cell.formula.slice(1)},${start + 1},${length})`;
  return { col: cell.col, right: cell.right, value, formula };
}

/**
 * A table body row ("td") as one row, or as several when its texts take more than
 * CONTINUE_AFTER lines or LibreOffice would set them in two lines less than Excel: each text
 * cut into pieces, the first row of FIRST_LINES lines (so that a table can start at the foot
 * of a page, its header kept with only these), the others of CONTINUE_AFTER, the pieces of each
 * text in consecutive rows. The cells `wordsOnly` says (the name, which the reader starts an
 * indicator at) are cut only between words, so that each of their pieces but the last ends in
 * the spaces it was cut at: how the reader tells a name going on from a new one. Every row has
 * all the cells (empty where a text has ended); the rows after the first are `continued`.
 */
export function tableRows(cells: RowCell[], wordsOnly: (cell: RowCell) => boolean): RowSpec[] {
  const cursors = cells.map((cell): Cursor => ({
    cell,
    starts: lineStarts(cell.value, cellRoom("td", cell), FONT),
    wide: cellRoom("td", cell, false, WIDE_RENDERER),
    wordsOnly: wordsOnly(cell),
    at: 0,
    line: 0,
  }));
  const fits = (c: Cursor) =>
    c.starts.length <= CONTINUE_AFTER && closeEnough(c, c.cell.value.length, c.starts.length);
  if (cursors.every(fits)) return [row("td", cells)];
  const rows: RowSpec[] = [];
  while (cursors.some((c) => !done(c))) {
    const open = cursors.filter((c) => !done(c));
    const cuts = rowCuts(open, rows.length === 0 ? FIRST_LINES : CONTINUE_AFTER);
    let lines = 1;
    const pieces = new Map<RowCell, RowCell>();
    open.forEach((c, i) => {
      const cut = cuts[i] as Cut;
      pieces.set(c.cell, pieceCell(c.cell, c.at, cut.end));
      lines = Math.max(lines, cut.line - c.line);
      c.at = cut.next;
      c.line = cut.line;
    });
    const rowCells = cells.map(
      (cell) => pieces.get(cell) ?? { col: cell.col, right: cell.right, value: "" }
    );
    const more = cursors.some((c) => !done(c));
    const spec: RowSpec = { kind: "td", cells: rowCells, height: heightOf("td", lines, more) };
    if (rows.length > 0) spec.continued = true;
    rows.push(spec);
  }
  return rows;
}
