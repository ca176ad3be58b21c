/**
 * The reference writer: a host-neutral WritePlan applied to an ExcelJS workbook, and the file
 * written. The product writes through the package writer (src/hosts/xlsx/package/write.ts); the
 * apply tests run against both, so the two agree on what a plan means.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   these rules take ExcelJS's getCell() for Office.js proxies; ExcelJS cells are plain objects. */
import { promises as fs } from "fs";
import * as nodePath from "path";
import * as ExcelJS from "exceljs";
import { a1, a1Range } from "../../../../src/core/address";
import type { CellRange } from "../../../../src/core/grid";
import type { Lang } from "../../../../src/core/messages";
import {
  bandCondition,
  type BandRule,
  type BorderLine,
  type CellStyle,
  type PlanConditionalFormat,
  type PrintSetup,
  type SheetPlan,
  type WritePlan,
} from "../../../../src/core/plan";
import { installExcelJsPatches } from "./patches";
import { sheetGrid } from "./read";
import { refusePlan } from "../../../../src/hosts/xlsx/package/write";
import { storedWidth } from "../../../../src/hosts/xlsx/package/sheet-xml";
import { toFileFormula } from "../../../../src/hosts/xlsx/package/future-functions";

/** ExcelJS keeps sheet order in an untyped `orderNo`. */
type OrderedSheet = ExcelJS.Worksheet & { orderNo: number };

/**
 * Apply `plan` to `wb`. Everything is checked first (a "create" may only replace a sheet of the
 * same generated kind; an "update" sheet must exist and its `expect` cells must be unchanged);
 * if any check fails a PlanRefusedError is thrown and nothing has been written.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan, lang: Lang = "id"): void {
  installExcelJsPatches();
  checkPlan(wb, plan, lang);
  let lastCreated: string | null = null;
  let wroteFormula = false;
  for (const sp of plan.sheets) {
    const ws =
      sp.mode === "create" ? createSheet(wb, sp) : (findSheet(wb, sp.sheet) as OrderedSheet);
    if (sp.mode === "create") lastCreated = ws.name;
    wroteFormula = applySheetPlan(ws, sp) || wroteFormula;
  }
  // Formulas are written without cached results; have Excel compute them on opening.
  if (wroteFormula) wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  const active = plan.activate ?? lastCreated;
  if (active) activateSheet(wb, active);
}

/** Write the workbook to `path` (its folder is created); written beside it first, then renamed. */
export async function writeXlsxFile(wb: ExcelJS.Workbook, path: string): Promise<void> {
  installExcelJsPatches();
  const dir = nodePath.dirname(nodePath.resolve(path));
  await fs.mkdir(dir, { recursive: true });
  // Fast deflate: the default level costs seconds on large sheets for a few percent of size.
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
  } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  const tmp = nodePath.join(dir, `.${nodePath.basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, new Uint8Array(buffer as ArrayBuffer));
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const lower = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
}

/** The product's guard (the core's, as the package writer reports it) on the sheets the plan names. */
function checkPlan(wb: ExcelJS.Workbook, plan: WritePlan, lang: Lang): void {
  const named = new Set(plan.sheets.map((sp) => sp.sheet.toLowerCase()));
  const sheets = wb.worksheets.filter((ws) => named.has(ws.name.toLowerCase())).map(sheetGrid);
  refusePlan(plan, { sheets }, lang);
}

/** A new sheet at the end, or in place of the generated sheet of the same name (same position). */
function createSheet(wb: ExcelJS.Workbook, sp: SheetPlan): OrderedSheet {
  const existing = findSheet(wb, sp.sheet) as OrderedSheet | undefined;
  if (!existing) return wb.addWorksheet(sp.sheet) as OrderedSheet;
  const orderNo = existing.orderNo;
  wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(sp.sheet) as OrderedSheet;
  ws.orderNo = orderNo;
  return ws;
}

/** Write one sheet's plan; true when it wrote a formula. */
function applySheetPlan(ws: ExcelJS.Worksheet, sp: SheetPlan): boolean {
  let wroteFormula = false;
  // Values before merges: ExcelJS forwards a write into a merged cell to its master.
  for (const c of sp.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) {
      cell.value = {
        formula: toFileFormula(c.formula.replace(/^=/, "")),
      } as ExcelJS.CellFormulaValue;
      wroteFormula = true;
    } else {
      // A string is stored as text (shared string) even when it starts with "=", "+", "-" or "@".
      cell.value = c.value === undefined ? null : c.value;
    }
  }
  mergeAll(ws, sp.merges);
  // Formats after merges, so the merged cells' own borders are not overwritten by the master's.
  for (const f of sp.formats) applyStyle(ws, f.range, f.style);
  for (const h of sp.hyperlinks) {
    const value: ExcelJS.CellHyperlinkValue = {
      text: h.text,
      hyperlink: `#${h.target}`,
    };
    if (h.tip) value.tooltip = h.tip;
    ws.getCell(h.row + 1, h.col + 1).value = value;
  }
  for (const w of sp.columnWidths) ws.getColumn(w.col + 1).width = storedWidth(w.width);
  for (const h of sp.rowHeights) ws.getRow(h.row + 1).height = h.height;
  for (const cf of sp.conditionalFormats) addBands(ws, cf);
  if (sp.freeze && (sp.freeze.rows > 0 || sp.freeze.cols > 0)) {
    const { rows, cols } = sp.freeze;
    const view: Partial<ExcelJS.WorksheetView> = {
      state: "frozen",
      xSplit: cols,
      ySplit: rows,
      topLeftCell: a1(rows, cols),
    };
    ws.views = [
      {
        ...((ws.views as ExcelJS.WorksheetView[] | null)?.[0] ?? {}),
        ...view,
      } as ExcelJS.WorksheetView,
    ];
  }
  if (sp.autoFilter) ws.autoFilter = rangeText(sp.autoFilter);
  if (sp.print) applyPrint(ws, sp.print);
  if (sp.tabColor) ws.properties.tabColor = { argb: argb(sp.tabColor) };
  if (sp.gridlines !== undefined) {
    const first = (ws.views as ExcelJS.WorksheetView[] | null)?.[0] ?? {};
    ws.views = [{ ...first, showGridLines: sp.gridlines } as ExcelJS.WorksheetView];
  }
  return wroteFormula;
}

type MergeRange = { top: number; left: number; bottom: number; right: number };
type RangeClass = new (top: number, left: number, bottom: number, right: number) => MergeRange;
type MergeCell = ExcelJS.Cell & { merge(master: ExcelJS.Cell): void };

/**
 * Merge many areas. ExcelJS's mergeCells checks every new area against every existing one
 * (quadratic: minutes for a large tree), so overlaps are checked here with a set of covered
 * cells and the areas are registered the way ExcelJS's own merge does.
 */
function mergeAll(ws: ExcelJS.Worksheet, merges: readonly CellRange[]): void {
  if (merges.length === 0) return;

  const Range = require("exceljs/lib/doc/range") as RangeClass;
  const internal = (ws as unknown as { _merges: Record<string, MergeRange> })._merges;
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * 16384 + c;
  const cover = (m: MergeRange, check: boolean) => {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (check && covered.has(key(r, c))) throw new Error("Cannot merge already merged cells");
        covered.add(key(r, c));
      }
  };
  for (const m of Object.values(internal)) cover(m, false);
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    const area = new Range(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    cover(area, true);
    const master = ws.getCell(area.top, area.left);
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (r > area.top || c > area.left) (ws.getRow(r).getCell(c) as MergeCell).merge(master);
    internal[master.address] = area;
  }
}

function absoluteRange(r: CellRange): string {
  return rangeText(r).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function rangeText(r: CellRange): string {
  return a1Range(r.top, r.left, r.bottom, r.right);
}

/** "#RRGGBB" → "FFRRGGBB". */
function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, "0")}`;
}

function borderOf(line: BorderLine): Partial<ExcelJS.Border> {
  return { style: line.style, color: { argb: argb(line.color ?? "#000000") } };
}

/** Apply `style` to every cell of `range`, merging with what each cell already has. */
function applyStyle(ws: ExcelJS.Worksheet, range: CellRange, style: CellStyle): void {
  const fontPatch: Partial<ExcelJS.Font> = {};
  if (style.fontName !== undefined) fontPatch.name = style.fontName;
  if (style.bold !== undefined) fontPatch.bold = style.bold;
  if (style.italic !== undefined) fontPatch.italic = style.italic;
  if (style.underline !== undefined) fontPatch.underline = style.underline;
  if (style.fontSize !== undefined) fontPatch.size = style.fontSize;
  if (style.fontColor !== undefined) fontPatch.color = { argb: argb(style.fontColor) };
  const hasFont = Object.keys(fontPatch).length > 0;
  const alignPatch: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignPatch.horizontal = style.hAlign;
  if (style.vAlign) alignPatch.vertical = style.vAlign;
  if (style.wrap !== undefined) alignPatch.wrapText = style.wrap;
  if (style.indent !== undefined) {
    alignPatch.indent = style.indent;
    if (style.indent > 0) alignPatch.horizontal ??= "left";
  }
  const hasAlign = Object.keys(alignPatch).length > 0;
  const outline = style.border ?? {};
  const inner = style.innerBorder;
  const hasBorder = inner !== undefined || Object.keys(outline).length > 0;

  /** The new style for a cell whose style is `base`, at an edge (flags) of the range or inside. */
  const derive = (base: Partial<ExcelJS.Style>, edges: number): ExcelJS.Style => {
    const s: Partial<ExcelJS.Style> = { ...base };
    // A font without a name makes LibreOffice (and some Excel builds) fall back to a serif face.
    if (hasFont) s.font = { name: "Calibri", size: 11, ...(s.font ?? {}), ...fontPatch };
    if (style.fill)
      s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (hasAlign) s.alignment = { ...(s.alignment ?? {}), ...alignPatch };
    if (style.numberFormat !== undefined) s.numFmt = style.numberFormat;
    if (hasBorder) {
      const b: Partial<ExcelJS.Borders> = { ...(s.border ?? {}) };
      if (inner) {
        if (!(edges & TOP)) b.top = borderOf(inner);
        if (!(edges & BOTTOM)) b.bottom = borderOf(inner);
        if (!(edges & LEFT)) b.left = borderOf(inner);
        if (!(edges & RIGHT)) b.right = borderOf(inner);
      }
      if (outline.top && edges & TOP) b.top = borderOf(outline.top);
      if (outline.bottom && edges & BOTTOM) b.bottom = borderOf(outline.bottom);
      if (outline.left && edges & LEFT) b.left = borderOf(outline.left);
      if (outline.right && edges & RIGHT) b.right = borderOf(outline.right);
      s.border = b;
    }
    return s as ExcelJS.Style;
  };
  // Cells with the same style before get the same (never mutated) style object after: fewer
  // objects, and ExcelJS's writer recognises a style it has seen by identity. Kept per plan style
  // object across ranges: plans share one style object among many formats (a tree's connectors).
  let cache = DERIVED.get(style);
  if (!cache) DERIVED.set(style, (cache = new Map()));
  for (let r = range.top; r <= range.bottom; r++) {
    // Through the row: ws.getCell(r, c) builds and parses an "A1" address for every cell.
    const row = ws.getRow(r + 1);
    for (let c = range.left; c <= range.right; c++) {
      const cell = row.getCell(c + 1);
      const current = cell.style as Partial<ExcelJS.Style> | undefined;
      const base = current && Object.keys(current).length > 0 ? current : EMPTY_STYLE;
      const edges = hasBorder
        ? (r === range.top ? TOP : 0) |
          (r === range.bottom ? BOTTOM : 0) |
          (c === range.left ? LEFT : 0) |
          (c === range.right ? RIGHT : 0)
        : 0;
      let byEdges = cache.get(base);
      if (!byEdges) cache.set(base, (byEdges = new Map()));
      let next = byEdges.get(edges);
      if (!next) byEdges.set(edges, (next = derive(base, edges)));
      cell.style = next;
    }
  }
}

const EMPTY_STYLE: Partial<ExcelJS.Style> = {};
/** Derived ExcelJS styles per plan style, then per base style and edge flags (see applyStyle). */
const DERIVED = new WeakMap<CellStyle, Map<object, Map<number, ExcelJS.Style>>>();
const TOP = 1;
const BOTTOM = 2;
const LEFT = 4;
const RIGHT = 8;

/**
 * Capaian bands as expression rules that test ISNUMBER first: a "cell value" rule would colour the
 * "" an uncomputable capaian shows, since Excel ranks text above every number. Rules are ordered
 * by descending lower bound and stop at the first match, so the higher band wins at a bound.
 */
function addBands(ws: ExcelJS.Worksheet, cf: PlanConditionalFormat): void {
  const lower = (b: BandRule) => b.min ?? -Infinity;
  const bands = [...cf.bands].sort((a, b) => lower(b) - lower(a));
  const ref = a1(cf.range.top, cf.range.left);
  const rules = bands.map((b): ExcelJS.ConditionalFormattingRule => {
    const style: Partial<ExcelJS.Style> = {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(b.fill) } },
    };
    if (b.fontColor) style.font = { color: { argb: argb(b.fontColor) } };
    return {
      type: "expression",
      formulae: [bandCondition(ref, b)],
      style,
    } as ExcelJS.ConditionalFormattingRule;
  });
  // Priorities are left to ExcelJS, which numbers rules in this order after the sheet's own.
  if (rules.length > 0) ws.addConditionalFormatting({ ref: rangeText(cf.range), rules });
}

function applyPrint(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  const fitW = p.fitToWidth ?? 0;
  const fitH = p.fitToHeight ?? 0;
  const setup: Partial<ExcelJS.PageSetup> = {
    paperSize: (p.paper === "A3" ? 8 : 9) as ExcelJS.PaperSize,
    orientation: p.orientation,
    fitToPage: fitW > 0 || fitH > 0,
  };
  if (setup.fitToPage) {
    setup.fitToWidth = fitW;
    setup.fitToHeight = fitH;
  }
  // Absolute anchors: LibreOffice ignores a print area written as "$A2:$E474" or "A2:E474".
  if (p.area) setup.printArea = absoluteRange(p.area);
  if (p.titleRows) setup.printTitlesRow = `${p.titleRows.first + 1}:${p.titleRows.last + 1}`;
  if (p.margins) setup.margins = { ...p.margins, header: 0.3, footer: 0.3 };
  if (p.centerHorizontally !== undefined) setup.horizontalCentered = p.centerHorizontally;
  Object.assign(ws.pageSetup, setup);
  if (p.footerCenter) ws.headerFooter.oddFooter = `&C${p.footerCenter}`;
  // A break "above row r" (0-based) is Excel's break after 1-based row r.
  for (const r of p.rowBreaks ?? []) if (r > 0) ws.getRow(r).addPageBreak();
}

/** Make `name` the active and only selected tab (several selected tabs would group them). */
function activateSheet(wb: ExcelJS.Workbook, name: string): void {
  const sheets = wb.worksheets;
  const index = sheets.findIndex((ws) => ws.name.toLowerCase() === name.toLowerCase());
  if (index < 0) return;
  sheets.forEach((ws, i) => {
    // Sheets read from a file may have no views at all (null).
    const first = (ws.views as ExcelJS.WorksheetView[] | null)?.[0];
    if (i === index)
      ws.views = [{ ...(first ?? {}), tabSelected: true } as unknown as ExcelJS.WorksheetView];
    else if (first)
      ws.views = [{ ...first, tabSelected: false } as unknown as ExcelJS.WorksheetView];
  });
  const view = (wb.views as ExcelJS.WorkbookView[] | null)?.[0] ?? {
    x: 0,
    y: 0,
    width: 12000,
    height: 24000,
    visibility: "visible",
  };
  wb.views = [{ ...view, activeTab: index, firstSheet: 0 } as ExcelJS.WorkbookView];
}
