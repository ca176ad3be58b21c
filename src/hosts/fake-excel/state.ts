/**
 * The fake workbook's committed state: what "Excel" holds after each sync.
 * Plain data so it can be exported for assertions and shipped to a browser as JSON.
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../core";

/** One property written on a range's format, e.g. { path: "font.bold", value: true }. */
export interface FormatRecord {
  range: CellRange;
  path: string;
  value: unknown;
}

export interface HyperlinkRecord {
  row: number;
  col: number;
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface ConditionalFormatRecord {
  range: CellRange;
  type: string;
  rule?: { formula1: string; formula2?: string; operator: string };
  /** The formula of a custom (expression) rule. */
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeSheet {
  name: string;
  /** Worksheet.id: stable through renames, what Excel's events name a sheet by. */
  id: string;
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  protected: boolean;
  formats: FormatRecord[];
  merges: CellRange[];
  hyperlinks: HyperlinkRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  /** Page layout properties and calls written (ExcelApi 1.9), by name. */
  print: Record<string, unknown>;
  freeze: { rows: number; cols: number } | null;
  tabColor: string | null;
  /** Worksheet.showGridlines as written (ExcelApi 1.8); null when never set. */
  showGridlines: boolean | null;
  autoFilter: CellRange | null;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  activeSheet: string | null;
  selection: string | null;
}

/** A new fake workbook holding the given grids (values, formulas, merges, protection). */
export function workbookFromGrids(grids: WorkbookGrids): FakeWorkbook {
  const sheets = grids.sheets.map((g) => sheetFromGrid(g));
  return { sheets, activeSheet: sheets[0]?.name ?? null, selection: null };
}

let sheetsMade = 0;

export function emptySheet(name: string): FakeSheet {
  sheetsMade++;
  return {
    name,
    id: `{00000000-0000-0000-0000-${String(sheetsMade).padStart(12, "0")}}`,
    values: [],
    formulas: [],
    numberFormats: [],
    protected: false,
    formats: [],
    merges: [],
    hyperlinks: [],
    conditionalFormats: [],
    print: {},
    freeze: null,
    tabColor: null,
    showGridlines: null,
    autoFilter: null,
  };
}

function sheetFromGrid(g: SheetGrid): FakeSheet {
  const s = emptySheet(g.name);
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = g.formulas?.[r]?.[c] ?? null;
      setCell(s, r, c, v ?? null, typeof f === "string" && f.startsWith("=") ? f : null);
    })
  );
  g.formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f === "string" && f.startsWith("=")) setCell(s, r, c, cellValue(s, r, c), f);
    })
  );
  g.numberFormats?.forEach((row, r) =>
    row.forEach((f, c) => {
      if (typeof f === "string" && f !== "") setNumberFormat(s, r, c, f);
    })
  );
  s.merges = (g.merges ?? []).map((m) => ({ ...m }));
  s.protected = g.protected === true;
  return s;
}

export function cellValue(s: FakeSheet, r: number, c: number): CellValue {
  return s.values[r]?.[c] ?? null;
}

export function cellFormula(s: FakeSheet, r: number, c: number): string | null {
  return s.formulas[r]?.[c] ?? null;
}

export function setCell(
  s: FakeSheet,
  r: number,
  c: number,
  value: CellValue,
  formula: string | null
): void {
  (s.values[r] ??= [])[c] = value;
  (s.formulas[r] ??= [])[c] = formula;
}

export function setNumberFormat(s: FakeSheet, r: number, c: number, fmt: string): void {
  (s.numberFormats[r] ??= [])[c] = fmt;
}

/** The smallest rectangle holding every non-empty cell (values only or formats too), or null. */
export function usedRect(s: FakeSheet, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const see = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  s.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      const f = s.formulas[r]?.[c];
      if ((v !== null && v !== undefined && v !== "") || f) see(r, c);
    })
  );
  if (!valuesOnly) {
    for (const f of s.formats) {
      see(f.range.top, f.range.left);
      see(f.range.bottom, f.range.right);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** The sheet back as a grid anchored at A1 (what a host reader would produce), for assertions. */
export function sheetToGrid(s: FakeSheet): SheetGrid {
  const used = usedRect(s, true);
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  if (used) {
    for (let r = 0; r <= used.bottom; r++) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      for (let c = 0; c <= used.right; c++) {
        vr.push(cellValue(s, r, c));
        fr.push(cellFormula(s, r, c));
      }
      values.push(vr);
      formulas.push(fr);
    }
  }
  return {
    name: s.name,
    values,
    formulas,
    merges: s.merges.map((m) => ({ ...m })),
    protected: s.protected,
  };
}

/** The whole fake workbook back as grids. */
export function workbookToGrids(wb: FakeWorkbook): WorkbookGrids {
  return { sheets: wb.sheets.map(sheetToGrid) };
}
