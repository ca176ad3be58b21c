/**
 * The host-neutral write plan. Everything the add-in writes is first one of these;
 * the Office.js host and the .xlsx package host each apply it, after the pre-write guard
 * (plan-guard.ts). Rows and columns are 0-based.
 */
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "./grid";
import { cellText } from "./grid";
import { t, type Lang } from "./messages";

/** Kinds of sheet the add-in makes itself (and may therefore replace). */
export type GeneratedKind = "pohon" | "kertas-kerja" | "hasil" | "laporan";

export type BorderStyle = "thin" | "medium" | "thick" | "dashed" | "dotted";

export interface BorderLine {
  style: BorderStyle;
  /** "#RRGGBB"; black when absent. */
  color?: string;
}

/** Style applied to every cell of a range. Absent properties are left as they are. */
export interface CellStyle {
  /** Typeface ("Arial"); the cell's own (the workbook's default) when absent. */
  fontName?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** Background fill "#RRGGBB". */
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Indent level of left-aligned text (Excel: 10 px a level), so text keeps off the border. */
  indent?: number;
  /** Excel number format code, e.g. "0.00", "@". */
  numberFormat?: string;
  /** Borders on the outline of the range (top edge of the top row, etc.). */
  border?: { top?: BorderLine; bottom?: BorderLine; left?: BorderLine; right?: BorderLine };
  /** Borders between the cells inside the range too (grid). */
  innerBorder?: BorderLine;
}

/**
 * One cell to write. `value` strings are literal text: hosts must write them so that
 * Excel never reads them as a formula (a name starting with "=", "+", "-" or "@").
 * `formula` is an English-function formula starting with "=" (Range.formulas, never formulasLocal).
 */
export interface PlanCell {
  row: number;
  col: number;
  value?: CellValue;
  formula?: string;
}

export interface PlanFormat {
  range: CellRange;
  style: CellStyle;
}

export interface PlanHyperlink {
  row: number;
  col: number;
  /** Internal target "'Sheet'!A1". */
  target: string;
  /** Text shown; the cell's value. */
  text: string;
  tip?: string;
}

/** One band of a capaian colour scale: min ≤ value < max (open ends allowed). */
export interface BandRule {
  min?: number;
  max?: number;
  fill: string;
  fontColor?: string;
}

export interface PlanConditionalFormat {
  range: CellRange;
  bands: BandRule[];
}

export interface PrintSetup {
  paper: "A4" | "A3";
  orientation: "portrait" | "landscape";
  /** Fit to this many pages wide (0/undefined: no fit). */
  fitToWidth?: number;
  /** Fit to this many pages tall; 0 means as many as needed. */
  fitToHeight?: number;
  area?: CellRange;
  /** Rows repeated at the top of every page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Manual page breaks: a break is inserted above each of these rows. */
  rowBreaks?: number[];
  /** Footer text; "&P" page number and "&N" page count as in Excel header/footer codes. */
  footerCenter?: string;
  /** Margins in inches. */
  margins?: { top: number; bottom: number; left: number; right: number };
  centerHorizontally?: boolean;
}

/** What to do to one sheet. */
export interface SheetPlan {
  /** Final sheet name (already resolved against existing sheets). */
  sheet: string;
  /**
   * "create": make the sheet new; if a sheet of this name exists it must be one the add-in made
   * (hosts check the marker and refuse otherwise) and is replaced.
   * "update": write into an existing sheet (the fill), touching only the cells listed.
   */
  mode: "create" | "update";
  /** For created sheets: what the add-in made (for recognising it later). */
  kind?: GeneratedKind;
  cells: PlanCell[];
  formats: PlanFormat[];
  merges: CellRange[];
  hyperlinks: PlanHyperlink[];
  /** Width in Excel character units. */
  columnWidths: { col: number; width: number }[];
  /** Height in points. */
  rowHeights: { row: number; height: number }[];
  conditionalFormats: PlanConditionalFormat[];
  /**
   * Created sheets: rectangles (the tree's boxes) that each hold their own formats and merges:
   * every format and merge touching a block's cells or its outline lies inside it. Blocks with
   * the same formats and merges, relative to their corner, look the same, so a host may write one
   * and copy its formats onto the others (Office.js: one copyFrom instead of a dozen merges and
   * number formats). A hint only: the formats and merges are all listed above as well.
   */
  blocks?: CellRange[];
  freeze?: { rows: number; cols: number };
  autoFilter?: CellRange;
  print?: PrintSetup;
  tabColor?: string;
  /** False: the sheet shows no gridlines (the add-in's own sheets, made to be read and printed). */
  gridlines?: boolean;
  /**
   * For "update" plans: the cells' values as they were read, so a host can check nothing changed
   * under it before writing (and refuse rather than overwrite what the user typed meanwhile).
   */
  expect?: { row: number; col: number; value: CellValue; formula: string | null }[];
}

/** A whole write: sheets in order; the last created one is activated unless `activate` says otherwise. */
export interface WritePlan {
  sheets: SheetPlan[];
  activate?: string;
}

/** What a host reports after applying a plan. */
export interface ApplyResult {
  /** Sheets written, in order. */
  sheets: string[];
  /** Number of write round trips. */
  chunks: number;
  /**
   * Parts left out because this Excel cannot do them: print setup and filters need ExcelApi 1.9
   * ("print", "autoFilter"); "paper": the paper size was refused, the rest of the print setup set.
   */
  skipped: ("print" | "autoFilter" | "paper")[];
}

/** An empty sheet plan to fill in. */
export function emptySheetPlan(
  sheet: string,
  mode: "create" | "update",
  kind?: GeneratedKind
): SheetPlan {
  const p: SheetPlan = {
    sheet,
    mode,
    cells: [],
    formats: [],
    merges: [],
    hyperlinks: [],
    columnWidths: [],
    rowHeights: [],
    conditionalFormats: [],
  };
  if (kind) p.kind = kind;
  if (mode === "create") p.gridlines = false;
  return p;
}

/** The text of the marker the add-in writes into A1 of every sheet it makes. */
export function markerTag(kind: GeneratedKind): string {
  return `pokin-csf:${kind}`;
}

/** The A1 text of a generated sheet, in the user's language. */
export function markerText(kind: GeneratedKind, lang: Lang): string {
  return t("common.generatedMarker", { marker: markerTag(kind) }, lang);
}

/** The kind of generated sheet this is, from its A1 marker, or null for a user's sheet. */
export function generatedKind(sheet: SheetGrid): GeneratedKind | null {
  const m = /pokin-csf:(pohon|kertas-kerja|hasil|laporan)\b/.exec(
    cellText(sheet.values[0]?.[0] ?? null)
  );
  return m ? (m[1] as GeneratedKind) : null;
}

/**
 * The name to give a generated sheet: `desired` when free or when it is the add-in's own sheet of
 * the same kind (to be replaced); otherwise "desired (2)", "desired (3)", ... never a user's sheet.
 */
export function resolveSheetName(
  desired: string,
  workbook: WorkbookGrids,
  kind: GeneratedKind
): string {
  const byName = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s]));
  for (let i = 1; ; i++) {
    const name = i === 1 ? desired : `${desired} (${i})`;
    const existing = byName.get(name.toLowerCase());
    if (!existing || generatedKind(existing) === kind) return name;
  }
}

/** True when a string would be taken as a formula (or a formula-like entry) if typed into Excel. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Excel's limits: characters in a cell, row height in points, column width in characters. */
export const EXCEL_LIMITS = { cellChars: 32767, rowHeight: 409, columnWidth: 255 } as const;

/**
 * The plan with every text value, row height and column width within Excel's limits. A text
 * longer than a cell can hold (a generated line quoting a 32,767-character name, say) is cut and
 * ends with "…", since Excel would refuse the whole write otherwise. Every function that makes a
 * WritePlan (planJobs, planLaporan, planEdits, planUndo, blankCsfPlan) returns it through this;
 * hosts write plans as they are.
 */
export function withinExcelLimits(plan: WritePlan): WritePlan {
  const max = EXCEL_LIMITS.cellChars;
  const cut = (text: string) => `${text.slice(0, max - 1)}…`;
  const clampSheet = (sp: SheetPlan): SheetPlan => {
    const tooLong =
      sp.cells.some((c) => typeof c.value === "string" && c.value.length > max) ||
      sp.hyperlinks.some((h) => h.text.length > max);
    const tallRow = sp.rowHeights.some((r) => r.height > EXCEL_LIMITS.rowHeight);
    const wideCol = sp.columnWidths.some((c) => c.width > EXCEL_LIMITS.columnWidth);
    if (!tooLong && !tallRow && !wideCol) return sp;
    return {
      ...sp,
      cells: tooLong
        ? sp.cells.map((c) =>
            typeof c.value === "string" && c.value.length > max ? { ...c, value: cut(c.value) } : c
          )
        : sp.cells,
      hyperlinks: tooLong
        ? sp.hyperlinks.map((h) => (h.text.length > max ? { ...h, text: cut(h.text) } : h))
        : sp.hyperlinks,
      rowHeights: tallRow
        ? sp.rowHeights.map((r) => ({ ...r, height: Math.min(r.height, EXCEL_LIMITS.rowHeight) }))
        : sp.rowHeights,
      columnWidths: wideCol
        ? sp.columnWidths.map((c) => ({ ...c, width: Math.min(c.width, EXCEL_LIMITS.columnWidth) }))
        : sp.columnWidths,
    };
  };
  return { ...plan, sheets: plan.sheets.map(clampSheet) };
}

/**
 * The condition of a capaian band as an Excel formula (without "="), relative to the range's
 * first cell `ref`: "AND(ISNUMBER(F5),F5>=91,F5<1E+15)". Hosts write bands as such expression
 * rules, never as "cell value" rules: Excel ranks text above every number, so a value rule would
 * colour the "" an uncomputable capaian shows.
 */
export function bandCondition(ref: string, band: BandRule): string {
  const parts = [`ISNUMBER(${ref})`];
  if (band.min !== undefined) parts.push(`${ref}>=${band.min}`);
  if (band.max !== undefined) parts.push(`${ref}<${band.max}`);
  return `AND(${parts.join(",")})`;
}

/**
 * Whether a conditional-format formula is one of the add-in's band conditions (as
 * `bandCondition` writes it, with or without the leading "="): the only rules a host may replace.
 */
export function isBandCondition(formula: string): boolean {
  const m =
    /^=?AND\(ISNUMBER\(([A-Z]{1,3}\d+)\)((?:,[A-Z]{1,3}\d+(?:>=|<)-?[\d.]+(?:E[+-]?\d+)?)*)\)$/i.exec(
      formula.trim()
    );
  if (!m) return false;
  const ref = (m[1] ?? "").toUpperCase();
  const tests = (m[2] ?? "").split(",").filter((x) => x !== "");
  return tests.every((x) => x.toUpperCase().startsWith(ref) && /^(>=|<)/.test(x.slice(ref.length)));
}
