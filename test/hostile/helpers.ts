/** Shared pieces of the hostile-input tests: the sample as grids, grid edits, and the invariants. */
import * as path from "path";
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import type { Finding, RuleId } from "../../src/core/findings";
import type { WritePlan } from "../../src/core/plan";
import { readXlsxFile } from "../../src/hosts/xlsx";

export const ROOT = path.join(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "examples", "kertas-kerja-setda-luwu-timur.xlsx");

/** Excel's limits (specifications and limits page): rows, columns, characters in a cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const MAX_CELL_CHARS = 32_767;
export const MAX_FORMULA_CHARS = 8_192;

/** Every rule id of src/core/findings.ts: a Record, so a rule added there and not here does not compile. */
const RULES: Record<RuleId, true> = {
  "missing-field": true,
  "no-indicator": true,
  "duplicate-code": true,
  orphan: true,
  "code-parent-mismatch": true,
  "numbering-gap": true,
  "name-mismatch": true,
  "formula-type-mismatch": true,
  "narrative-mismatch": true,
  "duplicate-text": true,
  "invalid-number": true,
  "missing-target": true,
  "achievement-uncomputable": true,
  "manual-override": true,
  "polarity-assumed": true,
  "missing-outcome": true,
  "no-section": true,
  "level-naming": true,
  "skipped-content": true,
  "fill-blocked": true,
  "sheet-protected": true,
  "duplicate-indicator": true,
  "parent-mismatch": true,
  "codes-given": true,
  "levels-unknown": true,
  "measure-columns": true,
  "unplaced-table": true,
  "mapping-outdated": true,
};
export const KNOWN_RULES = Object.keys(RULES) as readonly RuleId[];

let sample: WorkbookGrids | null = null;

/** The sample workbook as the xlsx host reads it; a fresh deep copy on every call. */
export async function sampleGrids(): Promise<WorkbookGrids> {
  sample ??= await readXlsxFile(SAMPLE);
  return cloneGrids(sample);
}

export function cloneGrids(wb: WorkbookGrids): WorkbookGrids {
  return structuredClone(wb);
}

export function sheetOf(wb: WorkbookGrids, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Set one cell, growing the grid as needed (and clearing a formula there). */
export function setCell(sheet: SheetGrid, row: number, col: number, v: CellValue): void {
  while (sheet.values.length <= row) sheet.values.push([]);
  const r = sheet.values[row] as CellValue[];
  while (r.length <= col) r.push(null);
  r[col] = v;
  const f = sheet.formulas?.[row];
  if (f && col < f.length) f[col] = null;
}

/** Delete row `row`: rows below move up; merges shrink or move with them. */
export function deleteRow(sheet: SheetGrid, row: number): void {
  if (row >= sheet.values.length) return;
  sheet.values.splice(row, 1);
  if (sheet.formulas && row < sheet.formulas.length) sheet.formulas.splice(row, 1);
  sheet.merges = (sheet.merges ?? [])
    .map((m) => ({
      ...m,
      top: m.top > row ? m.top - 1 : m.top,
      bottom: m.bottom >= row ? m.bottom - 1 : m.bottom,
    }))
    .filter((m) => m.bottom >= m.top && (m.bottom > m.top || m.right > m.left));
}

/** Insert `cells` as a new row at `row`: rows from there move down; merges grow or move. */
export function insertRow(sheet: SheetGrid, row: number, cells: CellValue[]): void {
  const at = Math.min(row, sheet.values.length);
  sheet.values.splice(at, 0, [...cells]);
  if (sheet.formulas && at <= sheet.formulas.length) sheet.formulas.splice(at, 0, []);
  sheet.merges = (sheet.merges ?? []).map((m) => ({
    ...m,
    top: m.top >= at ? m.top + 1 : m.top,
    bottom: m.bottom >= at ? m.bottom + 1 : m.bottom,
  }));
}

/** Swap two rows; merges touching either are dropped (a merge cannot follow a swapped row). */
export function swapRows(sheet: SheetGrid, a: number, b: number): void {
  const n = sheet.values.length;
  if (a >= n || b >= n || a === b) return;
  const ra = sheet.values[a] as CellValue[];
  sheet.values[a] = sheet.values[b] as CellValue[];
  sheet.values[b] = ra;
  const f = sheet.formulas;
  if (f) {
    while (f.length < n) f.push([]);
    const fa = f[a] as (string | null)[];
    f[a] = f[b] as (string | null)[];
    f[b] = fa;
  }
  const touches = (m: CellRange, r: number) => m.top <= r && r <= m.bottom;
  sheet.merges = (sheet.merges ?? []).filter((m) => !touches(m, a) && !touches(m, b));
}

/** Errors in the invariants every analysis must keep; empty when it keeps them all. */
export function findingProblems(findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    const where = `${f.rule} at ${f.cell ?? "-"}`;
    if (!KNOWN_RULES.includes(f.rule)) problems.push(`unknown rule ${where}`);
    if (!["error", "warning", "info"].includes(f.severity))
      problems.push(`bad severity ${f.severity} on ${where}`);
    if (typeof f.message !== "string" || f.message.trim() === "")
      problems.push(`empty message on ${where}`);
    else if (/\{\w+\}|undefined|NaN|\[object Object\]/.test(f.message))
      problems.push(`unrendered message on ${where}: ${f.message.slice(0, 120)}`);
    if (f.cell !== null && !/^'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+$/.test(f.cell))
      problems.push(`malformed cell on ${where}`);
  }
  return problems;
}

function rangeProblems(where: string, r: CellRange): string[] {
  const bad =
    r.top < 0 ||
    r.left < 0 ||
    r.top > r.bottom ||
    r.left > r.right ||
    r.bottom >= MAX_ROWS ||
    r.right >= MAX_COLS ||
    !Number.isInteger(r.top + r.bottom + r.left + r.right);
  return bad ? [`${where}: range ${JSON.stringify(r)} outside the sheet`] : [];
}

/** Errors in a write plan that Excel would refuse or truncate; empty when it is within limits. */
export function planProblems(plan: WritePlan): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const sp of plan.sheets) {
    const name = sp.sheet;
    if (sp.mode === "create") {
      if (names.has(name.toLowerCase())) problems.push(`sheet ${name} planned twice`);
      names.add(name.toLowerCase());
    }
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name))
      problems.push(`sheet name ${JSON.stringify(name)} not allowed by Excel`);
    for (const c of sp.cells) {
      const at = `${name}!R${c.row}C${c.col}`;
      if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.col < 0)
        problems.push(`${at}: not a cell`);
      if (c.row >= MAX_ROWS || c.col >= MAX_COLS) problems.push(`${at}: beyond Excel's grid`);
      if (typeof c.value === "string" && c.value.length > MAX_CELL_CHARS)
        problems.push(`${at}: text of ${c.value.length} characters`);
      if (typeof c.value === "number" && !Number.isFinite(c.value))
        problems.push(`${at}: number ${c.value}`);
      if (c.formula !== undefined && !c.formula.startsWith("="))
        problems.push(`${at}: formula without "="`);
      if (c.formula !== undefined && c.formula.length > MAX_FORMULA_CHARS)
        problems.push(`${at}: formula of ${c.formula.length} characters`);
    }
    for (const m of sp.merges) problems.push(...rangeProblems(`${name} merge`, m));
    for (const f of sp.formats) problems.push(...rangeProblems(`${name} format`, f.range));
    for (const cf of sp.conditionalFormats)
      problems.push(...rangeProblems(`${name} conditional format`, cf.range));
    for (const h of sp.hyperlinks) {
      if (h.row >= MAX_ROWS || h.col >= MAX_COLS) problems.push(`${name} link beyond the grid`);
      if (h.text.length > MAX_CELL_CHARS) problems.push(`${name} link text too long`);
    }
    for (const h of sp.rowHeights)
      if (!(h.height >= 0 && h.height <= 409)) problems.push(`${name} row height ${h.height}`);
    for (const w of sp.columnWidths)
      if (!(w.width >= 0 && w.width <= 255)) problems.push(`${name} column width ${w.width}`);
  }
  return problems;
}
