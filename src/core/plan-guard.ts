/**
 * The one pre-write guard: what a host must refuse before writing a plan, found on the grids it
 * read. Every host (Office.js, the .xlsx package) asks this and only reports the answer, so a
 * plan means the same everywhere and a refusal writes nothing.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "./grid";
import { cellAt, formulaAt } from "./grid";
import { cellRef } from "./address";
import { generatedKind, type GeneratedKind, type WritePlan } from "./plan";

/** One thing a plan would do that must not be done; the sheet is named as the workbook spells it. */
export type PlanRefusal =
  /** The plan adds sheets to a workbook whose structure is protected. */
  | { reason: "workbookProtected"; sheet: string }
  /** An "update" plan names a sheet the workbook does not have. */
  | { reason: "missingSheet"; sheet: string }
  /** The sheet to write (or replace) is protected. */
  | { reason: "protected"; sheet: string }
  /**
   * A "create" plan would replace a user's sheet (or the add-in's sheet of another kind); `kind`
   * is what the plan makes.
   */
  | { reason: "notGenerated"; sheet: string; kind: GeneratedKind | null }
  /** A cell the plan expected is not as it was read: the user changed it meanwhile. */
  | {
      reason: "changed";
      sheet: string;
      row: number;
      col: number;
      /** "'Sheet'!B4" */
      cell: string;
      expected: CellValue;
      actual: CellValue;
    };

/** What the host knows of the workbook beyond its grids. */
export interface WorkbookGuardFacts {
  /** Sheets cannot be added, removed or renamed. */
  structureProtected?: boolean;
}

/**
 * Every refusal of `plan` against `grids` (the workbook as read in the same action), in the
 * plan's order, the workbook's own first. Empty when the plan may be written. A "create" may only
 * replace the add-in's own sheet of the same kind, unprotected; an "update" sheet must exist,
 * unprotected, with each `expect`ed cell holding the value (and formula) it was read with.
 */
export function planRefusals(
  plan: WritePlan,
  grids: WorkbookGrids,
  facts: WorkbookGuardFacts = {}
): PlanRefusal[] {
  const out: PlanRefusal[] = [];
  const created = plan.sheets.find((sp) => sp.mode === "create");
  if (facts.structureProtected && created)
    out.push({ reason: "workbookProtected", sheet: created.sheet });
  for (const sp of plan.sheets) {
    const existing = findSheet(grids, sp.sheet);
    if (sp.mode === "create") {
      if (!existing) continue;
      if (!sp.kind || generatedKind(existing) !== sp.kind)
        out.push({ reason: "notGenerated", sheet: existing.name, kind: sp.kind ?? null });
      else if (existing.protected) out.push({ reason: "protected", sheet: existing.name });
      continue;
    }
    if (!existing) out.push({ reason: "missingSheet", sheet: sp.sheet });
    else if (existing.protected) out.push({ reason: "protected", sheet: existing.name });
    else out.push(...changedCells(existing, sp.expect ?? []));
  }
  return out;
}

type Expected = NonNullable<WritePlan["sheets"][number]["expect"]>[number];

function changedCells(sheet: SheetGrid, expected: readonly Expected[]): PlanRefusal[] {
  const out: PlanRefusal[] = [];
  for (const e of expected) {
    const value = cellAt(sheet, e.row, e.col);
    const formula = formulaAt(sheet, e.row, e.col) ?? null;
    if (sameValue(value, e.value) && formula === (e.formula ?? null)) continue;
    out.push({
      reason: "changed",
      sheet: sheet.name,
      row: e.row,
      col: e.col,
      cell: cellRef(sheet.name, e.row, e.col),
      expected: e.formula ?? e.value,
      actual: formula ?? value,
    });
  }
  return out;
}

function findSheet(grids: WorkbookGrids, name: string): SheetGrid | undefined {
  const lower = name.toLowerCase();
  return grids.sheets.find((s) => s.name.toLowerCase() === lower);
}

/**
 * Whether a cell still holds what a plan expected: blanks ("" and empty) alike, numbers within
 * the rounding of a file's round trip (a decimal written and read back as text).
 */
export function sameValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === "";
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}
