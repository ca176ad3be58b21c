/** The year a kertas kerja is about, as its titles or its table headers give it. */
import { cellText, type WorkbookGrids } from "./grid";

/** Rows of each sheet looked at: titles and table headers sit at the top. */
const TOP_ROWS = 12;

const TITLE_YEAR = /\btahun\s+(?:anggaran\s+)?((?:19|20)\d{2})\b/i;
const HEADER_YEAR = /^(?:target|realisasi|capaian)\b.*?\b((?:19|20)\d{2})\b/i;

/**
 * The year named in the workbook: a title's "Tahun 2024" (or "Tahun Anggaran 2024") in the top
 * rows of any sheet, else the year most headers carry ("Target 2024", "Realisasi 2024"); null
 * when neither is found. Used to suggest the year setting; the user's setting always wins.
 */
export function workbookYear(wb: WorkbookGrids): number | null {
  const fromHeaders = new Map<number, number>();
  for (const sheet of wb.sheets) {
    for (const row of sheet.values.slice(0, TOP_ROWS)) {
      for (const value of row) {
        const text = cellText(value);
        if (text === "") continue;
        const title = TITLE_YEAR.exec(text);
        if (title?.[1]) return Number(title[1]);
        const header = HEADER_YEAR.exec(text);
        if (header?.[1]) {
          const year = Number(header[1]);
          fromHeaders.set(year, (fromHeaders.get(year) ?? 0) + 1);
        }
      }
    }
  }
  let best: number | null = null;
  let count = 0;
  for (const [year, n] of fromHeaders) {
    if (n > count) {
      best = year;
      count = n;
    }
  }
  return best;
}
