/**
 * Fixes to write plans: the edits of several fixes put together (fixes touching different parts
 * of one cell's text are merged; two fixes wanting the same characters cannot both be applied),
 * the "update" plan with every cell's expected value (hosts refuse it when a cell changed since
 * the check read it), the plan undoing it, and the grids as they will read after it.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { emptySheetPlan, withinExcelLimits, type SheetPlan, type WritePlan } from "../plan";
import { applySplices, splicesOverlap } from "./cell-text";
import { addTo, editText } from "./context";
import type { CellEdit, Fix } from "./types";

const cellKey = (e: Pick<CellEdit, "sheet" | "row" | "col">) =>
  `${e.sheet.toLowerCase()}\u0000${e.row}\u0000${e.col}`;

/**
 * The edits of `fixes` as one list, one edit per cell. A fix whose edits cannot be put together
 * with those of the fixes before it (the same characters, or a whole value written twice) is
 * left out and listed in `skipped`.
 */
export function combineFixes(fixes: readonly Fix[]): {
  edits: CellEdit[];
  applied: Fix[];
  skipped: Fix[];
} {
  const byCell = new Map<string, CellEdit>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const merged = fix.edits.map((e) => mergeEdit(byCell.get(cellKey(e)), e));
    if (merged.some((e) => e === null)) {
      skipped.push(fix);
      continue;
    }
    for (const e of merged) if (e) byCell.set(cellKey(e), e);
    applied.push(fix);
  }
  return { edits: [...byCell.values()], applied, skipped };
}

/** `next` on top of the edit already planned for its cell; null when they cannot be combined. */
function mergeEdit(held: CellEdit | undefined, next: CellEdit): CellEdit | null {
  if (!held) return next;
  if (held.after === next.after && held.numberFormat === next.numberFormat) return held;
  if (!held.splices || !next.splices || splicesOverlap(held.splices, next.splices)) return null;
  const splices = [...held.splices, ...next.splices];
  return { ...held, splices, after: applySplices(editText(held.before), splices) };
}

/** The edits as "update" sheet plans, with the expected current value of every cell written. */
export function planEdits(edits: readonly CellEdit[]): WritePlan {
  return withinExcelLimits({
    sheets: sheetPlans(
      edits,
      (e) => e.before,
      (e) => e.after,
      (e) => e.numberFormat
    ),
  });
}

/** The plan putting back what `edits` replaced, refused when a cell no longer holds its `after`. */
export function planUndo(edits: readonly CellEdit[]): WritePlan {
  return withinExcelLimits({
    sheets: sheetPlans(
      edits,
      (e) => e.after,
      (e) => e.before,
      (e) => (e.numberFormat === undefined ? undefined : (e.numberFormatBefore ?? "General"))
    ),
  });
}

function sheetPlans(
  edits: readonly CellEdit[],
  expected: (e: CellEdit) => CellValue,
  written: (e: CellEdit) => CellValue,
  format: (e: CellEdit) => string | undefined
): SheetPlan[] {
  const bySheet = new Map<string, SheetPlan>();
  for (const e of edits) {
    let sp = bySheet.get(e.sheet);
    if (!sp) {
      sp = emptySheetPlan(e.sheet, "update");
      sp.expect = [];
      bySheet.set(e.sheet, sp);
    }
    sp.cells.push({ row: e.row, col: e.col, value: written(e) });
    // A fix never writes over a formula, so every cell it touches holds none.
    sp.expect?.push({ row: e.row, col: e.col, value: expected(e), formula: null });
    const numberFormat = format(e);
    if (numberFormat !== undefined)
      sp.formats.push({
        range: { top: e.row, left: e.col, bottom: e.row, right: e.col },
        style: { numberFormat },
      });
  }
  return [...bySheet.values()];
}

/** The workbook as it will read once `edits` are written (the grids are copied, not changed). */
export function gridsWithEdits(wb: WorkbookGrids, edits: readonly CellEdit[]): WorkbookGrids {
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) {
    const key = e.sheet.toLowerCase();
    addTo(bySheet, key, e);
  }
  return {
    ...wb,
    sheets: wb.sheets.map((s) => {
      const mine = bySheet.get(s.name.toLowerCase());
      return mine ? sheetWithEdits(s, mine) : s;
    }),
  };
}

function sheetWithEdits(sheet: SheetGrid, edits: readonly CellEdit[]): SheetGrid {
  const values = sheet.values.map((r) => [...r]);
  const numberFormats = sheet.numberFormats?.map((r) => [...r]);
  let formats = numberFormats;
  for (const e of edits) {
    while (values.length <= e.row) values.push([]);
    const row = values[e.row] as CellValue[];
    while (row.length <= e.col) row.push(null);
    row[e.col] = e.after;
    if (e.numberFormat === undefined) continue;
    formats ??= [];
    while (formats.length <= e.row) formats.push([]);
    const fr = formats[e.row] as (string | null)[];
    while (fr.length <= e.col) fr.push(null);
    fr[e.col] = e.numberFormat;
  }
  const out: SheetGrid = { ...sheet, values };
  if (formats) out.numberFormats = formats;
  return out;
}
