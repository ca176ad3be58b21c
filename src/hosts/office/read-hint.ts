/**
 * What a fresh pane reads on its first request, kept in the workbook's document settings: the
 * user's sheets and how many of their rows fit in one response, measured on the last read. A
 * fresh pane on a large workbook then reads most of a response's worth of cells on the sheet
 * walk's own request instead of a small guess, one round trip fewer (the 10k benchmark's
 * Periksa: 4 → 3). Saved only when the add-in writes into the workbook anyway, so a Periksa
 * alone never marks the document changed. A hint that no longer fits (a sheet renamed, grown,
 * narrower) only costs the rows read for nothing: the read checks every window against the
 * sheet's used range, as it does the walk's own.
 */
import { maxOf, utf8Length, type SheetGrid } from "../../core";
import { saveDocumentSettings } from "./settings";

export const READ_HINT_KEY = "pokin-csf.readHint";

/** One sheet read ahead: its name, and the rows and columns from A1. */
export interface HintedSheet {
  name: string;
  rows: number;
  columns: number;
}

/** Response bytes the hinted rows are planned at: below READ_BUDGET_BYTES, with the walk's own. */
const HINT_BUDGET = 4_200_000;
/** Margin over a sheet's bytes per row: more than the slices' (the sheet may have grown since). */
const SAFETY = 1.1;

/** The hint the workbook keeps, or null (none, or not one of ours). */
export function loadReadHint(): HintedSheet[] | null {
  const stored = Office.context.document?.settings?.get(READ_HINT_KEY) as unknown;
  if (!Array.isArray(stored)) return null;
  const ok = stored.filter(
    (h): h is HintedSheet =>
      typeof h === "object" &&
      h !== null &&
      typeof (h as HintedSheet).name === "string" &&
      Number.isInteger((h as HintedSheet).rows) &&
      Number.isInteger((h as HintedSheet).columns) &&
      (h as HintedSheet).rows > 0 &&
      (h as HintedSheet).columns > 0
  );
  return ok.length > 0 ? ok : null;
}

/**
 * The rows of each read sheet, in order, that fit in HINT_BUDGET by the bytes its cells take
 * (values and formulas as JSON, as Excel sends them): whole sheets first, the last one in part.
 */
export function readHintOf(sheets: readonly SheetGrid[]): HintedSheet[] {
  const out: HintedSheet[] = [];
  let left = HINT_BUDGET;
  for (const s of sheets) {
    const rows = s.values.length;
    // As wide as its widest row: a read window narrower than the used range is not taken.
    const columns = maxOf(
      s.values.map((r) => r.length),
      0
    );
    if (rows === 0 || columns === 0 || left <= 0) continue;
    const bytes = utf8Length(JSON.stringify(s.values)) + formulaBytes(s);
    const perRow = (SAFETY * bytes) / rows;
    const fit = Math.min(rows, Math.floor(left / perRow));
    if (fit <= 0) break;
    out.push({ name: s.name, rows: fit, columns });
    left -= fit * perRow;
  }
  return out;
}

function formulaBytes(s: SheetGrid): number {
  let n = 0;
  for (const row of s.formulas ?? [])
    for (const f of row) if (typeof f === "string" && f.startsWith("=")) n += f.length + 3;
  return n;
}

/** Keep the hint in the workbook's document settings (saved with the file). */
export function saveReadHint(hint: readonly HintedSheet[]): Promise<void> {
  Office.context.document.settings.set(READ_HINT_KEY, hint);
  return saveDocumentSettings();
}
