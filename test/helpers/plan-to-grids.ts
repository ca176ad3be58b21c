/**
 * A sheet plan laid out as the grid a host would read back: values in place, merges kept,
 * a formula cell showing the value the plan gives for it (null when it gives none).
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import type { SheetPlan } from "../../src/core/plan";

export function planToSheetGrid(plan: SheetPlan): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let hasFormula = false;
  for (const c of plan.cells) {
    while (values.length <= c.row) values.push([]);
    while (formulas.length <= c.row) formulas.push([]);
    const r = values[c.row] as CellValue[];
    const f = formulas[c.row] as (string | null)[];
    while (r.length <= c.col) r.push(null);
    while (f.length <= c.col) f.push(null);
    r[c.col] = c.value ?? null;
    if (c.formula !== undefined) {
      f[c.col] = c.formula;
      hasFormula = true;
    }
  }
  const grid: SheetGrid = { name: plan.sheet, values, merges: plan.merges.map((m) => ({ ...m })) };
  if (hasFormula) grid.formulas = formulas;
  return grid;
}

/** A workbook holding the plans' sheets only (e.g. the kertas kerja read on its own). */
export function planToGrids(...plans: SheetPlan[]): WorkbookGrids {
  return { sheets: plans.map(planToSheetGrid) };
}
