/**
 * Before a write into the user's sheets from cached grids (or from grids the Office read did not
 * make): the workbook's facts, the conditional formats of the sheets the write adds rules to,
 * and the cells it expects, read again on one request. Excel's events say what changed, but they
 * arrive a moment after the change (and some changes raise none), so a write that could
 * overwrite what the user typed checks it afresh.
 */
import {
  type CellRange,
  type SheetGrid,
  type WorkbookGrids,
  type WritePlan,
  rangeA1,
} from "../../core";
import { runExcel } from "./errors";
import {
  conditionalFormatFacts,
  loadRules,
  queueWorkbookFacts,
  workbookFacts,
  type WorkbookFacts,
} from "./facts";
import { toCellValue, toFormula } from "./read-slices";

interface ExpectedColumn {
  sheet: string;
  rect: CellRange;
  range: Excel.Range;
}

/**
 * The facts for `plan`'s write and the grids with its expected cells as they are now (the rest as
 * cached). `rules`: the existing sheets the write adds conditional formats to.
 */
export function checkAgain(
  plan: WritePlan,
  grids: WorkbookGrids,
  rules: string[]
): Promise<{ facts: WorkbookFacts; grids: WorkbookGrids }> {
  return runExcel(async (context) => {
    const queued = queueWorkbookFacts(context);
    const sheets = context.workbook.worksheets;
    const collections = rules.map((name) => {
      const cfs = sheets.getItem(name).getRange().conditionalFormats;
      loadRules(cfs);
      return { name, cfs };
    });
    // The updated sheets' protection: a change of it raises an event, but maybe too late.
    const protections = plan.sheets
      .filter((sp) => sp.mode === "update")
      .map((sp) => {
        const p = sheets.getItem(sp.sheet).protection;
        p.load("protected");
        return { sheet: sp.sheet, p };
      });
    const columns: ExpectedColumn[] = [];
    for (const sp of plan.sheets)
      for (const rect of expectedColumns(sp.expect ?? [])) {
        const range = sheets.getItem(sp.sheet).getRange(rangeA1(rect));
        range.load("values,formulas");
        columns.push({ sheet: sp.sheet, rect, range });
      }
    await context.sync();
    const facts = workbookFacts(queued);
    for (const { name, cfs } of collections)
      facts.conditionalFormats.set(name.toLowerCase(), conditionalFormatFacts(cfs));
    const checked = withColumns(grids, columns);
    for (const { sheet, p } of protections) {
      const i = checked.sheets.findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
      const s = checked.sheets[i];
      if (s) checked.sheets[i] = { ...s, protected: p.protected };
    }
    return { facts, grids: checked };
  });
}

/** One rectangle per column of the expected cells, from its first to its last row. */
function expectedColumns(expect: { row: number; col: number }[]): CellRange[] {
  const cols = new Map<number, CellRange>();
  for (const e of expect) {
    const r = cols.get(e.col);
    if (!r) cols.set(e.col, { top: e.row, left: e.col, bottom: e.row, right: e.col });
    else {
      r.top = Math.min(r.top, e.row);
      r.bottom = Math.max(r.bottom, e.row);
    }
  }
  return [...cols.values()];
}

/** Grids whose sheets have the columns read put over their cached cells. */
function withColumns(grids: WorkbookGrids, columns: ExpectedColumn[]): WorkbookGrids {
  const patched = new Map<string, SheetGrid>();
  for (const { sheet, rect, range } of columns) {
    const lower = sheet.toLowerCase();
    let g = patched.get(lower);
    if (!g) {
      const src = grids.sheets.find((s) => s.name.toLowerCase() === lower);
      if (!src) continue;
      g = { ...src, values: [...src.values], formulas: [...(src.formulas ?? [])] };
      patched.set(lower, g);
    }
    const values = range.values;
    const formulas = range.formulas;
    for (let r = 0; r <= rect.bottom - rect.top; r++) {
      const row = rect.top + r;
      const v = (g.values[row] = [...(g.values[row] ?? [])]);
      const f = ((g.formulas as (string | null)[][])[row] = [...(g.formulas?.[row] ?? [])]);
      v[rect.left] = toCellValue(values[r]?.[0]);
      f[rect.left] = toFormula(formulas[r]?.[0]);
    }
  }
  return {
    ...grids,
    sheets: grids.sheets.map((s) => patched.get(s.name.toLowerCase()) ?? s),
  };
}
