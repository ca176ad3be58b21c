/** Texts at Excel's 32,767-character limit planted in the sample, shared by the limit tests. */
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import { cellRef } from "../../src/core/address";
import { MAX_CELL_CHARS, setCell, sheetOf } from "./helpers";

/** Words repeated to exactly `length` characters ending in `tail`, without doubled spaces. */
export function longText(words: string, length: number, tail = ""): string {
  const body = words
    .repeat(Math.ceil(length / words.length))
    .slice(0, length - tail.length)
    .trimEnd();
  return body + "x".repeat(length - tail.length - body.length) + tail;
}

/** Where the sample's first indicator (of 1.1) keeps its name and definition, and 1.7.1's name. */
export const LONG = {
  indicatorName: { sheet: "Uraian Kondisi", row: 15, col: 0 },
  definition: { sheet: "Uraian Kondisi", row: 15, col: 1 },
  condition: { sheet: "CSF", row: 29, col: 2 },
};
export const LONG_KEYS = ["indicatorName", "definition", "condition"] as const;
export const LONG_TEXT: Record<(typeof LONG_KEYS)[number], string> = {
  indicatorName: longText("Nilai Laporan Penyelenggaraan Pemerintahan Daerah ", MAX_CELL_CHARS),
  definition: longText("Definisi yang sangat panjang. ", MAX_CELL_CHARS),
  condition: longText("Terlaksananya kegiatan Administrasi Umum ", MAX_CELL_CHARS, " (1.7.1)"),
};

/** The grids with the three long texts in place. */
export function withLongTexts(wb: WorkbookGrids): WorkbookGrids {
  for (const k of LONG_KEYS)
    setCell(sheetOf(wb, LONG[k].sheet), LONG[k].row, LONG[k].col, LONG_TEXT[k]);
  return wb;
}

/** Every string cell longer than Excel allows, as "'Sheet'!A1: length". */
export function overLimit(sheets: { name: string; values: CellValue[][] }[]): string[] {
  const out: string[] = [];
  for (const s of sheets)
    s.values.forEach((row, r) =>
      (row ?? []).forEach((v, c) => {
        if (typeof v === "string" && v.length > MAX_CELL_CHARS)
          out.push(`${cellRef(s.name, r, c)}: ${v.length}`);
      })
    );
  return out;
}
