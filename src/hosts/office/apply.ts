/** Applying a host-neutral WritePlan through Office.js. */
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../core/grid";
import { cellAt, formulaAt } from "../../core/grid";
import { a1, a1Range, cellRef } from "../../core/address";
import {
  bandCondition,
  generatedKind,
  looksLikeFormula,
  withinExcelLimits,
  type BorderLine,
  type CellStyle,
  type PlanCell,
  type PrintSetup,
  type SheetPlan,
  type WritePlan,
} from "../../core/plan";
import { HostError, runExcel } from "./errors";
import { apiSupported, readWorkbookGrids } from "./read";

export interface ApplyOptions {
  /** Called after each chunk is written: (chunks done, chunks in all). */
  onProgress?: (done: number, total: number) => void;
  /**
   * The grids read at the start of this same action. The pre-write checks (protection,
   * generated-sheet marker, expected cells) run against them, saving a round trip; without
   * them the workbook is read first.
   */
  grids?: WorkbookGrids;
  /** Request budget per sync in bytes; below Excel on the web's 5 MB limit by default. */
  maxRequestBytes?: number;
}

export interface ApplyResult {
  /** Sheets written, in order. */
  sheets: string[];
  /** Number of write round trips (chunks). */
  chunks: number;
  /** Parts left out because this Excel lacks the requirement set (print and filter need 1.9). */
  skipped: ("print" | "autoFilter")[];
}

/** Default budget: well under 5 MB, since the estimate ignores Office.js' own envelope. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

/** One queued piece of work with its estimated request size. */
interface Step {
  sheet: string;
  bytes: number;
  /** Queue the work; a step that makes the sheet returns it for the steps after it. */
  queue(ws: Excel.Worksheet | null, context: Excel.RequestContext): Excel.Worksheet | void;
  /** True for the step that creates the sheet (no proxy to fetch before it). */
  creates?: boolean;
}

const STEP_OVERHEAD = 200;

/**
 * Write a plan: checks first (protected sheets, a user's sheet in the way, cells changed since
 * they were read) so a refusal writes nothing; then the writes in chunks under the request limit,
 * one sync per chunk, calculation suspended while writing.
 */
export async function applyPlan(planned: WritePlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const plan = withinExcelLimits(planned);
  if (!apiSupported("1.7")) throw new HostError("unsupported", { version: "1.7" });
  const grids = opts.grids ?? (await readWorkbookGrids());
  preflight(plan, grids);

  const canPrint = apiSupported("1.9");
  const skipped = new Set<"print" | "autoFilter">();
  const steps: Step[] = [];
  for (const sp of plan.sheets) {
    const existing = findSheet(grids, sp.sheet);
    // A loop, not push(...): a big tree has hundreds of thousands of steps (call stack limit).
    for (const step of sheetSteps(sp, existing, canPrint, skipped)) steps.push(step);
  }
  const created = plan.sheets.filter((s) => s.mode === "create");
  const activate = plan.activate ?? created[created.length - 1]?.sheet;
  if (activate)
    steps.push({ sheet: activate, bytes: STEP_OVERHEAD, queue: (ws) => ws?.activate() });

  const chunks = chunkSteps(steps, opts.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET);
  await runExcel(async (context) => {
    // One sync per chunk by design: each chunk must stay under Excel on the web's request limit.
    const writeChunk = async (i: number): Promise<void> => {
      const chunk = chunks[i];
      if (!chunk) return;
      context.application.suspendApiCalculationUntilNextSync();
      const sheets = new Map<string, Excel.Worksheet>();
      for (const step of chunk) {
        let ws = step.creates ? null : (sheets.get(step.sheet) ?? null);
        if (!ws && !step.creates) {
          ws = context.workbook.worksheets.getItem(step.sheet);
          sheets.set(step.sheet, ws);
        }
        const made = step.queue(ws, context);
        if (made) sheets.set(step.sheet, made);
      }
      await context.sync();
      opts.onProgress?.(i + 1, chunks.length);
      await writeChunk(i + 1);
    };
    await writeChunk(0);
  });
  return { sheets: plan.sheets.map((s) => s.sheet), chunks: chunks.length, skipped: [...skipped] };
}

function findSheet(grids: WorkbookGrids, name: string): SheetGrid | undefined {
  const lower = name.toLowerCase();
  return grids.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** Every check before anything is written; throws the first refusal. */
export function preflight(plan: WritePlan, grids: WorkbookGrids): void {
  for (const sp of plan.sheets) {
    const existing = findSheet(grids, sp.sheet);
    if (sp.mode === "update") {
      if (!existing) throw new HostError("missingSheet", { sheet: sp.sheet });
      if (existing.protected) throw new HostError("protected", { sheet: existing.name });
      for (const e of sp.expect ?? []) {
        const value = cellAt(existing, e.row, e.col);
        const formula = formulaAt(existing, e.row, e.col);
        if (!sameValue(value, e.value) || (formula ?? null) !== (e.formula ?? null))
          throw new HostError("changed", { cell: cellRef(existing.name, e.row, e.col) });
      }
    } else if (existing) {
      // Only the add-in's own sheet of the same kind may be replaced; a user's sheet never.
      if (!sp.kind || generatedKind(existing) !== sp.kind)
        throw new HostError("notGenerated", { sheet: existing.name });
      if (existing.protected) throw new HostError("protected", { sheet: existing.name });
    }
  }
}

function sameValue(a: CellValue, b: CellValue): boolean {
  const norm = (v: CellValue) => (v === "" ? null : v);
  return norm(a) === norm(b);
}

/** The value to put in Range.values/formulas for a plan cell: text never becomes a formula. */
export function cellInput(c: PlanCell): string | number | boolean {
  if (c.formula !== undefined && c.formula !== "") return c.formula;
  const v = c.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string" && (looksLikeFormula(v) || v.startsWith("'"))) return `'${v}`;
  return v;
}

function sizeOf(x: unknown): number {
  return JSON.stringify(x).length + STEP_OVERHEAD;
}

function sheetSteps(
  sp: SheetPlan,
  existing: SheetGrid | undefined,
  canPrint: boolean,
  skipped: Set<"print" | "autoFilter">
): Step[] {
  const name = sp.sheet;
  const steps: Step[] = [];
  const add = (bytes: number, queue: (ws: Excel.Worksheet) => void) =>
    steps.push({ sheet: name, bytes, queue: (ws) => (ws ? queue(ws) : undefined) });

  if (sp.mode === "create") {
    steps.push({
      sheet: name,
      bytes: STEP_OVERHEAD,
      creates: true,
      // The old generated sheet is renamed out of the way, the new one added, then the old one
      // deleted: this works even when it is the workbook's only sheet.
      queue: (_ws, context) => {
        const sheets = context.workbook.worksheets;
        const old = existing ? sheets.getItem(existing.name) : null;
        if (old) old.name = "pokin-csf-old";
        const made = sheets.add(name);
        old?.delete();
        return made;
      },
    });
  }
  for (const step of cellSteps(sp)) steps.push(step);
  for (const m of sp.merges) add(STEP_OVERHEAD, (ws) => ws.getRange(rangeA1(m)).merge(false));
  for (const f of sp.formats)
    for (const step of formatSteps(name, f.range, f.style)) steps.push(step);
  for (const h of sp.hyperlinks)
    add(sizeOf(h), (ws) => {
      const link: Excel.RangeHyperlink = { documentReference: h.target, textToDisplay: h.text };
      if (h.tip) link.screenTip = h.tip;
      ws.getRange(a1(h.row, h.col)).hyperlink = link;
    });
  for (const w of sp.columnWidths)
    add(STEP_OVERHEAD, (ws) => {
      ws.getRange(`${a1(0, w.col)}`).format.columnWidth = charsToPoints(w.width);
    });
  for (const h of sp.rowHeights)
    add(STEP_OVERHEAD, (ws) => {
      ws.getRange(a1(h.row, 0)).format.rowHeight = h.height;
    });
  for (const cf of sp.conditionalFormats)
    add(sizeOf(cf), (ws) => {
      const range = ws.getRange(rangeA1(cf.range));
      const ref = a1(cf.range.top, cf.range.left);
      // Highest band first: at a shared bound the earlier (higher-priority) rule wins.
      const bands = [...cf.bands].sort((x, y) => (y.min ?? -Infinity) - (x.min ?? -Infinity));
      for (const band of bands) {
        const f = range.conditionalFormats.add("Custom");
        f.custom.rule.formula = `=${bandCondition(ref, band)}`;
        f.custom.format.fill.color = band.fill;
        if (band.fontColor) f.custom.format.font.color = band.fontColor;
      }
    });
  if (sp.freeze && (sp.freeze.rows > 0 || sp.freeze.cols > 0)) {
    const { rows, cols } = sp.freeze;
    add(STEP_OVERHEAD, (ws) => {
      if (rows > 0 && cols > 0)
        ws.freezePanes.freezeAt(ws.getRange(a1Range(0, 0, rows - 1, cols - 1)));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else ws.freezePanes.freezeColumns(cols);
    });
  }
  if (sp.tabColor) {
    const color = sp.tabColor;
    add(STEP_OVERHEAD, (ws) => {
      ws.tabColor = color;
    });
  }
  if (sp.autoFilter) {
    const range = sp.autoFilter;
    if (canPrint) add(STEP_OVERHEAD, (ws) => ws.autoFilter.apply(ws.getRange(rangeA1(range))));
    else skipped.add("autoFilter");
  }
  if (sp.print) {
    const print = sp.print;
    if (canPrint) add(sizeOf(print), (ws) => queuePrint(ws, print));
    else skipped.add("print");
  }
  return steps;
}

function rangeA1(r: CellRange): string {
  return a1Range(r.top, r.left, r.bottom, r.right);
}

/** Excel column width in characters to Office.js points (7 px per character plus 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * The cells as blocks: for created sheets, row bands of the bounding rectangle (blank cells
 * written empty on the new sheet); for updates, runs of adjacent cells in a row, so no cell
 * outside the plan is touched. Blocks are split by rows to stay within the request budget.
 */
function cellSteps(sp: SheetPlan): Step[] {
  if (sp.cells.length === 0) return [];
  const name = sp.sheet;
  const blocks: {
    top: number;
    left: number;
    rows: (string | number | boolean)[][];
    formulas: boolean;
  }[] = [];
  if (sp.mode === "create") {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const c of sp.cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const grid: (string | number | boolean)[][] = Array.from({ length: bottom - top + 1 }, () =>
      new Array<string | number | boolean>(right - left + 1).fill("")
    );
    let hasFormula = false;
    for (const c of sp.cells) {
      const row = grid[c.row - top];
      if (row) row[c.col - left] = cellInput(c);
      if (c.formula) hasFormula = true;
    }
    // Split into bands of rows of about 256 KB each.
    let start = 0;
    let bytes = 0;
    grid.forEach((row, i) => {
      bytes += JSON.stringify(row).length;
      if (bytes > 256 * 1024 || i === grid.length - 1) {
        blocks.push({
          top: top + start,
          left,
          rows: grid.slice(start, i + 1),
          formulas: hasFormula,
        });
        start = i + 1;
        bytes = 0;
      }
    });
  } else {
    const sorted = [...sp.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let run: PlanCell[] = [];
    const flush = () => {
      const first = run[0];
      if (first)
        blocks.push({
          top: first.row,
          left: first.col,
          rows: [run.map(cellInput)],
          formulas: run.some((c) => c.formula),
        });
      run = [];
    };
    for (const c of sorted) {
      const last = run[run.length - 1];
      if (last && (last.row !== c.row || last.col + 1 !== c.col)) flush();
      run.push(c);
    }
    flush();
  }
  return blocks.map((b) => ({
    sheet: name,
    bytes: sizeOf(b.rows),
    queue: (ws: Excel.Worksheet | null) => {
      if (!ws) return;
      const width = b.rows[0]?.length ?? 1;
      const range = ws.getRange(
        a1Range(b.top, b.left, b.top + b.rows.length - 1, b.left + width - 1)
      );
      // Text arrives with its "'" prefix either way; formulas need the formulas property.
      if (b.formulas) range.formulas = b.rows;
      else range.values = b.rows;
    },
  }));
}

const BORDER_STYLE: Record<
  BorderLine["style"],
  { style: "Continuous" | "Dash" | "Dot"; weight: "Thin" | "Medium" | "Thick" }
> = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" },
  dashed: { style: "Dash", weight: "Thin" },
  dotted: { style: "Dot", weight: "Thin" },
};

function setBorder(border: Excel.RangeBorder, line: BorderLine): void {
  const s = BORDER_STYLE[line.style];
  border.style = s.style;
  border.weight = s.weight;
  border.color = line.color ?? "#000000";
}

/**
 * Office.js sends one action per property set, each naming its range: a border is three (style,
 * weight, colour). Estimating a format by its style's JSON undercounted a border-heavy tree's
 * requests by half (6.4 MB sent against a 4 MB budget), so count the property sets instead.
 */
const BYTES_PER_PROPERTY = 160;

function formatBytes(style: CellStyle, address: string): number {
  let props = 0;
  for (const key of ["bold", "italic", "underline", "fontSize", "fontColor", "fill"] as const)
    if (style[key] !== undefined) props++;
  if (style.hAlign) props++;
  if (style.vAlign) props++;
  if (style.wrap !== undefined) props++;
  const b = style.border ?? {};
  props += 3 * [b.top, b.bottom, b.left, b.right].filter(Boolean).length;
  if (style.innerBorder) props += 6;
  return STEP_OVERHEAD + props * (BYTES_PER_PROPERTY + address.length);
}

function formatSteps(sheet: string, r: CellRange, style: CellStyle): Step[] {
  const address = rangeA1(r);
  const steps: Step[] = [
    {
      sheet,
      bytes: formatBytes(style, `${sheet}!${address}`),
      queue: (ws) => {
        if (!ws) return;
        const f = ws.getRange(address).format;
        if (style.bold !== undefined) f.font.bold = style.bold;
        if (style.italic !== undefined) f.font.italic = style.italic;
        if (style.underline !== undefined) f.font.underline = style.underline ? "Single" : "None";
        if (style.fontSize !== undefined) f.font.size = style.fontSize;
        if (style.fontColor) f.font.color = style.fontColor;
        if (style.fill) f.fill.color = style.fill;
        if (style.hAlign)
          f.horizontalAlignment =
            style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
        if (style.vAlign)
          f.verticalAlignment =
            style.vAlign === "top" ? "Top" : style.vAlign === "middle" ? "Center" : "Bottom";
        if (style.wrap !== undefined) f.wrapText = style.wrap;
        const b = style.border;
        if (b?.top) setBorder(f.borders.getItem("EdgeTop"), b.top);
        if (b?.bottom) setBorder(f.borders.getItem("EdgeBottom"), b.bottom);
        if (b?.left) setBorder(f.borders.getItem("EdgeLeft"), b.left);
        if (b?.right) setBorder(f.borders.getItem("EdgeRight"), b.right);
        if (style.innerBorder) {
          if (r.bottom > r.top) setBorder(f.borders.getItem("InsideHorizontal"), style.innerBorder);
          if (r.right > r.left) setBorder(f.borders.getItem("InsideVertical"), style.innerBorder);
        }
      },
    },
  ];
  if (style.numberFormat) {
    const fmt = style.numberFormat;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    steps.push({
      sheet,
      bytes: rows * cols * (fmt.length + 3) + STEP_OVERHEAD,
      queue: (ws) => {
        if (!ws) return;
        ws.getRange(address).numberFormat = Array.from({ length: rows }, () =>
          new Array<string>(cols).fill(fmt)
        );
      },
    });
  }
  return steps;
}

function queuePrint(ws: Excel.Worksheet, p: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = p.paper;
  if (p.fitToWidth)
    layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight ?? 0 };
  if (p.area) layout.setPrintArea(rangeA1(p.area));
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  for (const row of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(a1(row, 0));
  if (p.footerCenter) layout.headersFooters.defaultForAllPages.centerFooter = p.footerCenter;
  if (p.margins) {
    layout.topMargin = p.margins.top * 72;
    layout.bottomMargin = p.margins.bottom * 72;
    layout.leftMargin = p.margins.left * 72;
    layout.rightMargin = p.margins.right * 72;
  }
  if (p.centerHorizontally !== undefined) layout.centerHorizontally = p.centerHorizontally;
}

/** Group steps into chunks whose estimated request stays under the budget. */
function chunkSteps(steps: Step[], budget: number): Step[][] {
  const chunks: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const s of steps) {
    if (current.length > 0 && bytes + s.bytes > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(s);
    bytes += s.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
