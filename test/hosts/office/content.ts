/** Comparing two reads of a workbook. */
import type { SheetGrid, WorkbookGrids } from "../../../src/core/grid";

/** A sheet's content with trailing blanks trimmed, to compare two reads. */
export function content(grids: WorkbookGrids) {
  const trim = <T>(rows: (T | null)[][] | undefined) => {
    const out = (rows ?? []).map((r) => {
      const row = r.map((x) => (x === undefined || x === "" ? null : x));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      return row;
    });
    while (out.length > 0 && (out[out.length - 1] as unknown[]).length === 0) out.pop();
    return out;
  };
  return {
    unread: grids.unread ?? [],
    sheets: grids.sheets.map((s: SheetGrid) => ({
      name: s.name,
      protected: s.protected === true,
      values: trim(s.values),
      formulas: trim(s.formulas),
      numberFormats: trim(s.numberFormats),
      merges: [...(s.merges ?? [])].map((m) => JSON.stringify(m)).sort(),
    })),
  };
}
