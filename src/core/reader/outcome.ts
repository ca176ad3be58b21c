/** The outcome where it is labelled: a cell "Outcome" / "Outcome Kinerja" beside or above it. */
import type { CellValue, SheetGrid } from "../grid";
import { cellText, isBlank } from "../grid";
import { cellRef } from "../address";
import type { Draft } from "./draft";
import { normalise } from "./text";

/** "Outcome: Meningkatnya …" in one cell (a title line or a labelled cell). */
const INLINE = /^\s*outcome(?:\s+kinerja)?\s*[:\-–]\s*(\S[\s\S]*)$/i;

/** How far below its label the outcome may be. */
const ROWS_BELOW = 5;

/**
 * For each "Outcome" label in row `r`: the value is the next non-blank cell to the right, else the
 * first below it. The first outcome found is kept; label and value are marked as consumed.
 */
export function scanOutcomeLabel(
  draft: Draft,
  sheet: SheetGrid,
  r: number,
  row: readonly CellValue[]
): void {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== "string") continue;
    const inline = INLINE.exec(v);
    if (inline) {
      takeOutcome(draft, sheet, r, c, (inline[1] ?? "").trim());
      continue;
    }
    if (v.length > 30) continue;
    const n = normalise(v);
    if (n !== "outcome" && n !== "outcome kinerja") continue;
    draft.consume(sheet.name, r, c);
    const found = valueRightOf(row, r, c) ?? valueBelow(sheet, r, c);
    if (found && draft.outcome === null) {
      draft.outcome = cellText(sheet.values[found.row]?.[found.col] ?? null);
      draft.outcomeCell = cellRef(sheet.name, found.row, found.col);
      draft.consume(sheet.name, found.row, found.col);
    }
  }
}

function valueRightOf(
  row: readonly CellValue[],
  r: number,
  c: number
): { row: number; col: number } | null {
  for (let cc = c + 1; cc < row.length; cc++) if (!isBlank(row[cc])) return { row: r, col: cc };
  return null;
}

function valueBelow(sheet: SheetGrid, r: number, c: number): { row: number; col: number } | null {
  const end = Math.min(sheet.values.length, r + 1 + ROWS_BELOW);
  for (let rr = r + 1; rr < end; rr++)
    if (!isBlank(sheet.values[rr]?.[c])) return { row: rr, col: c };
  return null;
}

/** The outcome given with its label in one cell; the first one found is kept. */
function takeOutcome(draft: Draft, sheet: SheetGrid, r: number, c: number, text: string): void {
  draft.consume(sheet.name, r, c);
  if (draft.outcome !== null) return;
  draft.outcome = text;
  draft.outcomeCell = cellRef(sheet.name, r, c);
}
