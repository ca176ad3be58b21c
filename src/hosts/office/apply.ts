/** Applying a host-neutral WritePlan through Office.js. */
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../core/grid";
import { cellAt, formulaAt, rangeWithin } from "../../core/grid";
import { a1, a1Range, cellRef } from "../../core/address";
import {
  bandCondition,
  looksLikeFormula,
  generatedKind,
  withinExcelLimits,
  type BorderLine,
  type CellStyle,
  type PlanCell,
  type PlanFormat,
  type PrintSetup,
  type SheetPlan,
  type WritePlan,
} from "../../core/plan";
import { HostError, runExcel } from "./errors";
import { apiSupported, readWorkbookGrids } from "./read";
import { utf8Length } from "../../core/chars";
import { planStamps, type Stamps } from "./stamps";

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

/**
 * Default budget per request: 4.5 MiB (4,718,592 bytes). Step sizes are estimated as Office.js
 * serialises them (object paths and actions as JSON, with their ids and names), rounded up, so
 * the rest of Excel on the web's 5 MB limit is left for the request's own envelope.
 */
export const DEFAULT_REQUEST_BUDGET = 4.5 * 1024 * 1024;

/**
 * A check that Excel's copies carried the merged areas (Office.js documents that copyFrom copies
 * formatting, not that merged areas travel with it, as they do in Excel's paste-formats): the
 * merged areas of one copied range are read in the last write request; if they are not the
 * expected ones, the copied boxes' merges and formats are written one by one after all.
 */
interface CopyCheck {
  sheet: string;
  target: string;
  /** Expected merged areas in the target, as A1 addresses, sorted. */
  expected: string[];
  /** The copied boxes' merges and formats as steps, made only if they are needed. */
  repair: () => Step[];
  areas?: Excel.RangeAreas;
}

/** One queued piece of work with its estimated request size. */
interface Step {
  sheet: string;
  bytes: number;
  /**
   * Queue the work; a step that makes the sheet returns it for the steps after it. `shared` holds
   * proxies made once per request and used by several steps (a copy's template range).
   */
  queue(
    ws: Excel.Worksheet | null,
    context: Excel.RequestContext,
    shared: Map<string, unknown>
  ): Excel.Worksheet | void;
  /** True for the step that creates the sheet (no proxy to fetch before it). */
  creates?: boolean;
  /** A proxy this step shares with others in the same request, and its bytes (counted once). */
  shares?: { key: string; bytes: number };
}

/**
 * Office.js' request is JSON: an object path per proxy ({"Id":…,"ObjectPathType":…,"Name":
 * "GetRange","ParentObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}} plus the action that
 * instantiates it) and an action per property set or method call ({"Id":…,"ActionType":4,
 * "Name":"Bold","ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}). These are their sizes
 * without the arguments, rounded up for six-digit ids and long names.
 */
const OBJECT_BYTES = 170;
const ACTION_BYTES = 130;
const STEP_OVERHEAD = OBJECT_BYTES + ACTION_BYTES;

/**
 * Longest address given to one getRanges call. Excel cuts getRange/getRanges addresses at 8,192
 * characters (Office docs, "Troubleshooting Excel add-ins"); longer RangeAreas fail
 * (OfficeDev/office-js#5198), so stay below with a margin.
 */
const AREAS_ADDRESS_CHARS = 8000;

function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x));
}

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

  // Print setup, filters and RangeAreas all came with ExcelApi 1.9.
  const canAreas = apiSupported("1.9");
  const skipped = new Set<"print" | "autoFilter">();
  const steps: Step[] = [];
  const checks: CopyCheck[] = [];
  for (const sp of plan.sheets) {
    const existing = findSheet(grids, sp.sheet);
    // A loop, not push(...): a big tree has hundreds of thousands of steps (call stack limit).
    for (const step of sheetSteps(sp, existing, canAreas, skipped, checks)) steps.push(step);
  }
  const created = plan.sheets.filter((s) => s.mode === "create");
  const activate = plan.activate ?? created[created.length - 1]?.sheet;
  if (activate)
    steps.push({ sheet: activate, bytes: STEP_OVERHEAD, queue: (ws) => ws?.activate() });

  // Merged areas can be read back from ExcelApi 1.13; the reads ride on the last request.
  const probing = apiSupported("1.13") ? checks : [];
  for (const check of probing)
    steps.push({
      sheet: check.sheet,
      bytes: 2 * OBJECT_BYTES + 2 * ACTION_BYTES + jsonBytes(check.target),
      queue: (ws) => {
        if (!ws) return;
        check.areas = ws.getRange(check.target).getMergedAreasOrNullObject();
        check.areas.load("address");
      },
    });
  const budget = opts.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const chunks = chunkSteps(steps, budget);
  let written = 0;
  let repaired = false;
  await runExcel(async (context) => {
    // One sync per chunk by design: each chunk must stay under Excel on the web's request limit.
    const writeChunk = async (i: number): Promise<void> => {
      const chunk = chunks[i];
      if (!chunk) return;
      context.application.suspendApiCalculationUntilNextSync();
      const sheets = new Map<string, Excel.Worksheet>();
      const shared = new Map<string, unknown>();
      for (const step of chunk) {
        let ws = step.creates ? null : (sheets.get(step.sheet) ?? null);
        if (!ws && !step.creates) {
          ws = context.workbook.worksheets.getItem(step.sheet);
          sheets.set(step.sheet, ws);
        }
        const made = step.queue(ws, context, shared);
        if (made) sheets.set(step.sheet, made);
      }
      await context.sync();
      written++;
      opts.onProgress?.(i + 1, chunks.length);
      if (i + 1 < chunks.length) {
        await writeChunk(i + 1);
        return;
      }
      // After the last request (once): copies that lost their merged areas are written out in full.
      if (repaired) return;
      repaired = true;
      const repair = probing.filter((c) => !copiedAsPlanned(c)).flatMap((c) => c.repair());
      if (repair.length === 0) return;
      const start = chunks.length;
      for (const chunk of chunkSteps(repair, budget)) chunks.push(chunk);
      await writeChunk(start);
    };
    await writeChunk(0);
  });
  return { sheets: plan.sheets.map((s) => s.sheet), chunks: written, skipped: [...skipped] };
}

/** Whether the checked copy has exactly the merged areas its template has. */
function copiedAsPlanned(check: CopyCheck): boolean {
  const areas = check.areas;
  if (!areas) return true;
  const found = areas.isNullObject
    ? []
    : areas.address
        .split(",")
        .map((a) =>
          a
            .slice(a.lastIndexOf("!") + 1)
            .replace(/\$/g, "")
            .trim()
            .toUpperCase()
        )
        .filter((a) => a !== "")
        .sort();
  return found.length === check.expected.length && found.every((a, i) => a === check.expected[i]);
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

/**
 * The value to put in Range.values/formulas for a plan cell. Excel takes a written string as if
 * typed, so "=..." would become a formula and a code such as "1.10" the number 1.1, a year
 * "2024" a number, "1/2" or "5 Jan" a date in some locales: texts go with a leading "'". Only a
 * long sentence (over 40 characters, with a letter and a space, not formula-like) goes as it is,
 * since no number, date or boolean is typed like that; on a large kertas kerja the apostrophes
 * would otherwise cost a request.
 */
export function cellInput(c: PlanCell): string | number | boolean {
  if (c.formula !== undefined && c.formula !== "") return c.formula;
  const v = c.value;
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string") return plainSentence(v) ? v : `'${v}`;
  return v;
}

function plainSentence(v: string): boolean {
  return (
    v.length > 40 &&
    !looksLikeFormula(v) &&
    !v.startsWith("'") &&
    v.includes(" ") &&
    /\p{L}/u.test(v)
  );
}

function sheetSteps(
  sp: SheetPlan,
  existing: SheetGrid | undefined,
  canAreas: boolean,
  skipped: Set<"print" | "autoFilter">,
  checks: CopyCheck[]
): Step[] {
  const name = sp.sheet;
  const steps: Step[] = [];
  const add = (bytes: number, queue: (ws: Excel.Worksheet) => void) =>
    steps.push({ sheet: name, bytes, queue: (ws) => (ws ? queue(ws) : undefined) });

  if (sp.mode === "create") {
    steps.push({
      sheet: name,
      bytes: 4 * STEP_OVERHEAD + 2 * jsonBytes(name),
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
  // Boxes that look alike: one written in full, its formats copied onto the others (1.9).
  const stamps = canAreas ? planStamps(sp) : null;
  for (const step of mergeSteps(name, stamps ? stamps.merges : sp.merges)) steps.push(step);
  if (stamps) {
    for (const step of formatSteps(name, stamps.templateFormats, canAreas)) steps.push(step);
    for (const step of copySteps(name, stamps.copies)) steps.push(step);
    for (const step of formatSteps(name, stamps.otherFormats, canAreas)) steps.push(step);
    const first = stamps.copies[0];
    if (first) {
      const t = first.target;
      checks.push({
        sheet: name,
        target: rangeA1(t),
        expected: stamps.copiedMerges
          .filter((m) => rangeWithin(m, t))
          .map((m) => rangeA1(m))
          .sort(),
        // Every copied box's merges and formats, as if there had been no copies.
        repair: () => [
          ...mergeSteps(name, stamps.copiedMerges),
          ...formatSteps(name, stamps.copiedFormats, canAreas),
        ],
      });
    }
  } else for (const step of formatSteps(name, sp.formats, canAreas)) steps.push(step);
  for (const h of sp.hyperlinks) {
    const link: Excel.RangeHyperlink = { documentReference: h.target, textToDisplay: h.text };
    if (h.tip) link.screenTip = h.tip;
    const address = a1(h.row, h.col);
    add(STEP_OVERHEAD + jsonBytes(address) + jsonBytes(link), (ws) => {
      ws.getRange(address).hyperlink = link;
    });
  }
  const widths = new Map<number, number>();
  for (const w of sp.columnWidths) widths.set(w.col, charsToPoints(w.width));
  for (const step of sizeSteps(name, widths, "column", canAreas)) steps.push(step);
  const heights = new Map<number, number>();
  for (const h of sp.rowHeights) heights.set(h.row, h.height);
  for (const step of sizeSteps(name, heights, "row", canAreas)) steps.push(step);
  for (const cf of sp.conditionalFormats) {
    const address = rangeA1(cf.range);
    const ref = a1(cf.range.top, cf.range.left);
    // Highest band first: at a shared bound the earlier (higher-priority) rule wins.
    const bands = [...cf.bands].sort((x, y) => (y.min ?? -Infinity) - (x.min ?? -Infinity));
    const rules = bands.map((band) => ({ band, formula: `=${bandCondition(ref, band)}` }));
    let bytes = STEP_OVERHEAD + jsonBytes(address) + OBJECT_BYTES;
    for (const { band, formula } of rules)
      bytes +=
        6 * OBJECT_BYTES +
        2 * ACTION_BYTES +
        jsonBytes(formula) +
        jsonBytes(band.fill) +
        (band.fontColor ? OBJECT_BYTES + ACTION_BYTES + jsonBytes(band.fontColor) : 0);
    add(bytes, (ws) => {
      const range = ws.getRange(address);
      for (const { band, formula } of rules) {
        const f = range.conditionalFormats.add("Custom");
        f.custom.rule.formula = formula;
        f.custom.format.fill.color = band.fill;
        if (band.fontColor) f.custom.format.font.color = band.fontColor;
      }
    });
  }
  if (sp.freeze && (sp.freeze.rows > 0 || sp.freeze.cols > 0)) {
    const { rows, cols } = sp.freeze;
    add(3 * STEP_OVERHEAD, (ws) => {
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
    if (canAreas) add(3 * STEP_OVERHEAD, (ws) => ws.autoFilter.apply(ws.getRange(rangeA1(range))));
    else skipped.add("autoFilter");
  }
  if (sp.print) {
    const print = sp.print;
    // Page layout, its zoom and footer objects, about a dozen property sets, a call per break.
    const bytes =
      4 * OBJECT_BYTES +
      14 * ACTION_BYTES +
      (print.rowBreaks?.length ?? 0) * STEP_OVERHEAD +
      jsonBytes(print);
    if (canAreas) add(bytes, (ws) => queuePrint(ws, print));
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

type Block = { top: number; left: number; rows: (string | number | boolean)[][] };

/**
 * JSON bytes around cells in a block: a blank in a row `"",`, a blank down a column `[""],`, and
 * what a cell down a column costs more than in a row (its own brackets). A blank stretch down a
 * column longer than BLANK_RUN is cheaper as a new block.
 */
const BLANK_IN_ROW = 3;
const BLANK_IN_COLUMN = 5;
const COLUMN_CELL_EXTRA = 2;
const BLANK_RUN = Math.ceil(STEP_OVERHEAD / BLANK_IN_COLUMN);

/**
 * The cells as blocks. For created sheets, row bands of the bounding rectangle (blank cells
 * written empty on the new sheet), or, when it is smaller, runs down each column that skip long
 * blank stretches (a tree's cells are a few columns of each box, far apart). For updates, runs of
 * adjacent cells down a column (a fill's capaian column is one block), then along a row for the
 * rest, so no cell outside the plan is touched. Blocks are cut to about 256 KB so chunks can be
 * filled up to the budget.
 */
function cellSteps(sp: SheetPlan): Step[] {
  if (sp.cells.length === 0) return [];
  const name = sp.sheet;
  const hasFormula = sp.cells.some((c) => c.formula);
  const blocks: Block[] = [];
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
    // The last value given to a cell wins, as in the rectangle.
    const byColumn = new Map<number, Map<number, string | number | boolean>>();
    for (const c of sp.cells) {
      let col = byColumn.get(c.col);
      if (!col) byColumn.set(c.col, (col = new Map()));
      col.set(c.row, cellInput(c));
    }
    // Blank cells each way: the rectangle, or the column runs plus a block's cost per run.
    const runs: { col: number; top: number; bottom: number }[] = [];
    let runCost = 0;
    for (const [col, cells] of byColumn) {
      const rows = [...cells.keys()].sort((a, b) => a - b);
      let first = rows[0] ?? 0;
      let last = first;
      let filled = 0;
      const flush = () => {
        runs.push({ col, top: first, bottom: last });
        runCost +=
          STEP_OVERHEAD +
          (last - first + 1 - filled) * BLANK_IN_COLUMN +
          filled * COLUMN_CELL_EXTRA;
        filled = 0;
      };
      for (const r of rows) {
        if (r - last > BLANK_RUN) {
          flush();
          first = r;
        }
        last = r;
        filled++;
      }
      flush();
    }
    let distinct = 0;
    for (const cells of byColumn.values()) distinct += cells.size;
    const height = bottom - top + 1;
    const rectCost = (height * (right - left + 1) - distinct) * BLANK_IN_ROW + height * 3;
    if (runCost < rectCost) {
      runs.sort((a, b) => a.col - b.col || a.top - b.top);
      for (const run of runs) {
        const cells = byColumn.get(run.col);
        const column: (string | number | boolean)[][] = [];
        for (let r = run.top; r <= run.bottom; r++) column.push([cells?.get(r) ?? ""]);
        for (const b of bands(column))
          blocks.push({ top: run.top + b.start, left: run.col, rows: b.rows });
      }
    } else {
      const grid: (string | number | boolean)[][] = Array.from({ length: bottom - top + 1 }, () =>
        new Array<string | number | boolean>(right - left + 1).fill("")
      );
      for (const c of sp.cells) {
        const row = grid[c.row - top];
        if (row) row[c.col - left] = cellInput(c);
      }
      for (const b of bands(grid)) blocks.push({ top: top + b.start, left, rows: b.rows });
    }
  } else {
    // Stable sorts: a cell listed twice keeps its later value last.
    const byColumn = [...sp.cells].sort((a, b) => a.col - b.col || a.row - b.row);
    const single: PlanCell[] = [];
    let run: PlanCell[] = [];
    const flushColumn = () => {
      const first = run[0];
      if (run.length === 1 && first) single.push(first);
      else if (first)
        for (const b of bands(run.map((c) => [cellInput(c)])))
          blocks.push({ top: first.row + b.start, left: first.col, rows: b.rows });
      run = [];
    };
    for (const c of byColumn) {
      const last = run[run.length - 1];
      if (last && (last.col !== c.col || last.row + 1 !== c.row)) flushColumn();
      run.push(c);
    }
    flushColumn();
    single.sort((a, b) => a.row - b.row || a.col - b.col);
    const flushRow = () => {
      const first = run[0];
      if (first) blocks.push({ top: first.row, left: first.col, rows: [run.map(cellInput)] });
      run = [];
    };
    for (const c of single) {
      const last = run[run.length - 1];
      if (last && (last.row !== c.row || last.col + 1 !== c.col)) flushRow();
      run.push(c);
    }
    flushRow();
  }
  return blocks.map((b) => {
    const width = b.rows[0]?.length ?? 1;
    const address = a1Range(b.top, b.left, b.top + b.rows.length - 1, b.left + width - 1);
    return {
      sheet: name,
      bytes: STEP_OVERHEAD + jsonBytes(address) + jsonBytes(b.rows),
      queue: (ws: Excel.Worksheet | null) => {
        if (!ws) return;
        const range = ws.getRange(address);
        // Text arrives with its "'" prefix either way; formulas need the formulas property.
        if (hasFormula) range.formulas = b.rows;
        else range.values = b.rows;
      },
    };
  });
}

/**
 * Copies of a template block's formats (merges and number formats included) onto the blocks
 * that look like it. The template's range is one proxy per request, shared by its copies.
 */
function copySteps(sheet: string, copies: Stamps["copies"]): Step[] {
  return copies.map(({ source, target }) => {
    const from = rangeA1(source);
    const to = rangeA1(target);
    return {
      sheet,
      // The call's arguments: the template's object path id, the copy type and two flags.
      bytes: STEP_OVERHEAD + jsonBytes(to) + 40,
      shares: { key: `copy:${sheet}!${from}`, bytes: OBJECT_BYTES + jsonBytes(from) },
      queue: (ws, _context, shared) => {
        if (!ws) return;
        const key = `copy:${sheet}!${from}`;
        let template = shared.get(key) as Excel.Range | undefined;
        if (!template) {
          template = ws.getRange(from);
          shared.set(key, template);
        }
        ws.getRange(to).copyFrom(template, "Formats");
      },
    };
  });
}

/** Consecutive rows of a grid in bands of about 256 KB. */
function bands<T>(grid: T[][]): { start: number; rows: T[][] }[] {
  const out: { start: number; rows: T[][] }[] = [];
  let start = 0;
  let bytes = 0;
  grid.forEach((row, i) => {
    bytes += jsonBytes(row);
    if (bytes > 256 * 1024 || i === grid.length - 1) {
      out.push({ start, rows: grid.slice(start, i + 1) });
      start = i + 1;
      bytes = 0;
    }
  });
  return out;
}

/**
 * Merges: one-row merges stacked on consecutive rows with the same columns become one
 * merge(true) over their union, which Excel defines as merging each row on its own; the others
 * one merge each. Only when no two merges overlap (then their order cannot matter).
 */
function mergeSteps(sheet: string, merges: CellRange[]): Step[] {
  const step = (r: CellRange, across: boolean): Step => {
    const address = rangeA1(r);
    return {
      sheet,
      bytes: STEP_OVERHEAD + jsonBytes(address),
      queue: (ws) => ws?.getRange(address).merge(across),
    };
  };
  const seen = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const key = r * 16384 + c;
        if (seen.has(key)) return merges.map((x) => step(x, false));
        seen.add(key);
      }
  const sorted = [...merges].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const steps: Step[] = [];
  // The run being built: a stack of one-row merges (rows > 0) or any other merge (rows 0).
  const run = { range: null as CellRange | null, rows: 0 };
  for (const m of sorted) {
    const oneRow = m.top === m.bottom;
    const r = run.range;
    if (
      r &&
      oneRow &&
      run.rows > 0 &&
      r.left === m.left &&
      r.right === m.right &&
      r.bottom + 1 === m.top
    ) {
      run.range = { ...r, bottom: m.bottom };
      run.rows++;
      continue;
    }
    if (r) steps.push(step(r, run.rows > 1));
    run.range = { ...m };
    run.rows = oneRow ? 1 : 0;
  }
  if (run.range) steps.push(step(run.range, run.rows > 1));
  return steps;
}

/**
 * Row heights or column widths: runs of adjacent rows (columns) of one size are one range; at
 * ExcelApi 1.9 every run of a size goes in one RangeAreas (cut at the address limit).
 */
function sizeSteps(
  sheet: string,
  sizes: Map<number, number>,
  kind: "row" | "column",
  canAreas: boolean
): Step[] {
  const bySize = new Map<number, number[]>();
  for (const [index, size] of sizes) {
    const list = bySize.get(size);
    if (list) list.push(index);
    else bySize.set(size, [index]);
  }
  const steps: Step[] = [];
  for (const [size, indexes] of bySize) {
    indexes.sort((a, b) => a - b);
    const runs: string[] = [];
    let first = indexes[0] ?? 0;
    let last = first;
    const flush = () =>
      runs.push(kind === "row" ? a1Range(first, 0, last, 0) : a1Range(0, first, 0, last));
    for (const i of indexes.slice(1)) {
      if (i === last + 1) last = i;
      else {
        flush();
        first = i;
        last = i;
      }
    }
    flush();
    const set = (f: Excel.RangeFormat) => {
      if (kind === "row") f.rowHeight = size;
      else f.columnWidth = size;
    };
    const bytes = 2 * OBJECT_BYTES + ACTION_BYTES + jsonBytes(size);
    for (const address of canAreas ? areaAddresses(runs) : runs)
      steps.push({
        sheet,
        bytes: bytes + jsonBytes(address),
        queue: (ws) => {
          if (ws)
            set(address.includes(",") ? ws.getRanges(address).format : ws.getRange(address).format);
        },
      });
  }
  return steps;
}

/** Addresses joined by commas, each join within the getRanges limit. */
function areaAddresses(addresses: string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > AREAS_ADDRESS_CHARS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
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

/** One property set of a style: the objects it goes through and the value sent. */
interface PropertySet {
  path: ("font" | "fill" | "borders" | `border:${string}`)[];
  value: unknown;
  set(f: Excel.RangeFormat): void;
}

/** A style's property sets on a range; inside borders only where the range has them. */
function propertySets(style: CellStyle, inside: { rows: boolean; cols: boolean }): PropertySet[] {
  const out: PropertySet[] = [];
  const font = (value: unknown, set: (f: Excel.RangeFont) => void) =>
    out.push({ path: ["font"], value, set: (f) => set(f.font) });
  if (style.bold !== undefined) font(style.bold, (f) => (f.bold = style.bold === true));
  if (style.italic !== undefined) font(style.italic, (f) => (f.italic = style.italic === true));
  if (style.underline !== undefined) {
    const u = style.underline ? "Single" : "None";
    font(u, (f) => (f.underline = u));
  }
  const size = style.fontSize;
  if (size !== undefined) font(size, (f) => (f.size = size));
  const color = style.fontColor;
  if (color) font(color, (f) => (f.color = color));
  const fill = style.fill;
  if (fill) out.push({ path: ["fill"], value: fill, set: (f) => (f.fill.color = fill) });
  if (style.hAlign) {
    const h = style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
    out.push({ path: [], value: h, set: (f) => (f.horizontalAlignment = h) });
  }
  if (style.vAlign) {
    const v = style.vAlign === "top" ? "Top" : style.vAlign === "middle" ? "Center" : "Bottom";
    out.push({ path: [], value: v, set: (f) => (f.verticalAlignment = v) });
  }
  const wrap = style.wrap;
  if (wrap !== undefined) out.push({ path: [], value: wrap, set: (f) => (f.wrapText = wrap) });
  const border = (index: Excel.BorderIndex | `${Excel.BorderIndex}`, line: BorderLine) => {
    const s = BORDER_STYLE[line.style];
    const lineColor = line.color ?? "#000000";
    const path: PropertySet["path"] = ["borders", `border:${index}`];
    out.push({ path, value: s.style, set: (f) => (f.borders.getItem(index).style = s.style) });
    out.push({ path, value: s.weight, set: (f) => (f.borders.getItem(index).weight = s.weight) });
    out.push({ path, value: lineColor, set: (f) => (f.borders.getItem(index).color = lineColor) });
  };
  const b = style.border;
  if (b?.top) border("EdgeTop", b.top);
  if (b?.bottom) border("EdgeBottom", b.bottom);
  if (b?.left) border("EdgeLeft", b.left);
  if (b?.right) border("EdgeRight", b.right);
  if (style.innerBorder) {
    if (inside.rows) border("InsideHorizontal", style.innerBorder);
    if (inside.cols) border("InsideVertical", style.innerBorder);
  }
  return out;
}

/** Request bytes of a style's property sets on one range or RangeAreas proxy. */
function propertyBytes(sets: PropertySet[]): number {
  const objects = new Set<string>(["format"]);
  let bytes = 0;
  for (const p of sets) {
    for (const o of p.path) objects.add(o);
    bytes += ACTION_BYTES + jsonBytes(p.value);
  }
  // A border item's object path carries its index as an argument.
  return bytes + objects.size * (OBJECT_BYTES + 20);
}

/** Queue a style's property sets; borders fetched once per index. */
function applySets(f: Excel.RangeFormat, sets: PropertySet[]): void {
  for (const p of sets) p.set(f);
}

/** A group of ranges taking one style, written together (internal to formatSteps). */
interface FormatGroup {
  key: string;
  /** Position in the order groups are written. */
  order: number;
  sets: PropertySet[];
  bytes: number;
  ranges: CellRange[];
}

/** Formats deciding more places than this are written on their own instead of being tracked. */
const TRACKED_CELLS = 200000;

/**
 * The formats. Below ExcelApi 1.9 one step per format, in plan order. At 1.9, formats with the
 * same style are written together through RangeAreas (a property set on RangeAreas is set on
 * each of its ranges): a tree's thousands of boxes and connectors share a few dozen styles.
 * Grouping must not change what any cell ends up with, so a format is written after every
 * earlier format that gave one of its cells, or one of the grid lines its borders draw (the line
 * under a cell is the one over the next), another value. Number formats, which RangeAreas lacks,
 * are one assignment per range, in plan order (they only meet each other).
 */
function formatSteps(sheet: string, formats: PlanFormat[], canAreas: boolean): Step[] {
  const steps: Step[] = [];
  const signatures = new Map<CellStyle, { key: string; cell: string | null }>();
  // One value for the whole range: Office.js applies a single number format to every cell.
  const numberFormatStep = (r: CellRange, fmt: string) => {
    const address = rangeA1(r);
    steps.push({
      sheet,
      bytes: STEP_OVERHEAD + jsonBytes(address) + jsonBytes(fmt) + 4,
      queue: (ws) => {
        if (ws) ws.getRange(address).numberFormat = [[fmt]];
      },
    });
  };
  const emit = (ranges: CellRange[], sets: PropertySet[], bytes: number) => {
    const addresses = ranges.map(rangeA1);
    for (const address of canAreas ? areaAddresses(addresses) : addresses)
      steps.push({
        sheet,
        bytes: OBJECT_BYTES + jsonBytes(address) + bytes,
        queue: (ws) => {
          if (!ws) return;
          const target = address.includes(",") ? ws.getRanges(address) : ws.getRange(address);
          applySets(target.format, sets);
        },
      });
  };
  // Groups are written in order of creation. A format joins the latest group of its style only
  // if every group it must follow (one that gave one of its places another value) was created
  // before that group; otherwise it starts a new group, written after all the others so far.
  const latest = new Map<string, FormatGroup>();
  const groups: FormatGroup[] = [];
  // Per cell (its look) and per grid line (its border): the value last written there and the
  // groups that wrote that same value since it last changed.
  const written = new Map<number, { value: string; groups: FormatGroup[] }>();
  // Formats too large to track are a barrier: nothing later joins a group made before them.
  let floor = -1;
  const newGroup = (key: string, sets: PropertySet[]): FormatGroup => {
    const g = { key, order: groups.length, sets, bytes: propertyBytes(sets), ranges: [] };
    groups.push(g);
    latest.set(key, g);
    return g;
  };
  for (const f of formats) {
    const r = f.range;
    const style = f.style;
    if (style.numberFormat) numberFormatStep(r, style.numberFormat);
    const inside = { rows: r.bottom > r.top, cols: r.right > r.left };
    const sets = propertySets(style, inside);
    if (sets.length === 0) continue;
    if (!canAreas) {
      emit([r], sets, propertyBytes(sets));
      continue;
    }
    let sig = signatures.get(style);
    if (!sig) {
      sig = styleSignature(style);
      signatures.set(style, sig);
    }
    const key = style.innerBorder ? `${sig.key}|${inside.rows}|${inside.cols}` : sig.key;
    const marks = footprint(r, style, sig.cell);
    if (!marks) {
      const barrier = newGroup(`barrier:${groups.length}`, sets);
      barrier.ranges.push(r);
      floor = barrier.order;
      continue;
    }
    let after = floor;
    for (const [at, value] of marks) {
      const w = written.get(at);
      if (w && w.value !== value) for (const g of w.groups) after = Math.max(after, g.order);
    }
    const candidate = latest.get(key);
    const group = candidate && candidate.order > after ? candidate : newGroup(key, sets);
    group.ranges.push(r);
    for (const [at, value] of marks) {
      const w = written.get(at);
      if (w && w.value === value) {
        if (w.groups[w.groups.length - 1] !== group) w.groups.push(group);
      } else written.set(at, { value, groups: [group] });
    }
  }
  for (const g of groups) emit(g.ranges, g.sets, g.bytes);
  return steps;
}

/** A style's grouping key and the signature of what it sets on a cell besides borders. */
function styleSignature(style: CellStyle): { key: string; cell: string | null } {
  const { numberFormat: _n, border: _b, innerBorder: _i, ...cell } = style;
  const cellSig = Object.keys(cell).length > 0 ? JSON.stringify(cell) : null;
  return { key: JSON.stringify({ ...style, numberFormat: undefined }), cell: cellSig };
}

const H_LINE = 1;
const V_LINE = 2;

/**
 * What a format decides, as (place, value) pairs: each cell's look, and each grid line a border
 * draws (the line under a cell is the line over the next one, as Excel shares it). Null when the
 * format is too large to track.
 */
function footprint(r: CellRange, style: CellStyle, cell: string | null): [number, string][] | null {
  const marks: [number, string][] = [];
  // A place: cells as (row, col); a horizontal line below row `row`, a vertical one right of `col`.
  const place = (kind: number, row: number, col: number) =>
    ((row + 1) * 16385 + (col + 1)) * 3 + kind;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (rows * cols * (cell ? 1 : 0) + 2 * (rows + 1) * (cols + 1) > TRACKED_CELLS) return null;
  if (cell)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) marks.push([place(0, row, col), cell]);
  const line = (l: BorderLine) => `${l.style}${l.color ?? "#000000"}`;
  const across = (row: number, l: BorderLine) => {
    for (let col = r.left; col <= r.right; col++) marks.push([place(H_LINE, row, col), line(l)]);
  };
  const down = (col: number, l: BorderLine) => {
    for (let row = r.top; row <= r.bottom; row++) marks.push([place(V_LINE, row, col), line(l)]);
  };
  const b = style.border;
  if (b?.top) across(r.top - 1, b.top);
  if (b?.bottom) across(r.bottom, b.bottom);
  if (b?.left) down(r.left - 1, b.left);
  if (b?.right) down(r.right, b.right);
  if (style.innerBorder) {
    for (let row = r.top; row < r.bottom; row++) across(row, style.innerBorder);
    for (let col = r.left; col < r.right; col++) down(col, style.innerBorder);
  }
  return marks;
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

/**
 * Group steps into chunks whose estimated request stays under the budget. A proxy shared by
 * several steps is counted in each request that uses it.
 */
function chunkSteps(steps: Step[], budget: number): Step[][] {
  const chunks: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  let keys = new Set<string>();
  for (const s of steps) {
    const extra = s.shares && !keys.has(s.shares.key) ? s.shares.bytes : 0;
    if (current.length > 0 && bytes + s.bytes + extra > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
      keys = new Set();
    }
    current.push(s);
    bytes += s.bytes;
    if (s.shares && !keys.has(s.shares.key)) {
      keys.add(s.shares.key);
      bytes += s.shares.bytes;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
