/** One sheet's plan as steps: the sheet, its cells, merges, formats, links, sizes, rules, layout. */
import {
  a1,
  a1Range,
  rangeA1,
  rangeWithin,
  type CellRange,
  type SheetGrid,
  bandCondition,
  type PlanConditionalFormat,
  type SheetPlan,
} from "../../core";
import { areaAddresses, areasTarget } from "./areas";
import { cellSteps } from "./cells";
import { formatSteps } from "./formats";
import { planStamps, type Stamps } from "./stamps";
import {
  ACTION_BYTES,
  OBJECT_BYTES,
  STEP_OVERHEAD,
  jsonBytes,
  sheetStep,
  type Step,
} from "./steps";
import { printSteps } from "./print";
import { OLD_SHEET_NAME } from "./undo";
import { apiSupported } from "./api";

/**
 * A check that Excel's copies carried the merged areas (Office.js documents that copyFrom copies
 * formatting, not that merged areas travel with it, as they do in Excel's paste-formats): the
 * merged areas of one copied range are read in the last write request; if they are not the
 * expected ones, the copied boxes' merges and formats are written one by one after all.
 */
export interface CopyCheck {
  sheet: string;
  target: string;
  /** Expected merged areas in the target, sorted A1 addresses. */
  expected: string[];
  /** The copied boxes' merges and formats as steps, made only if they are needed. */
  repair: () => Step[];
  areas?: Excel.RangeAreas;
}

/** What the steps of every sheet share: what this Excel can do, and what they found. */
export interface StepContext {
  /** RangeAreas, print setup and filters (ExcelApi 1.9). */
  canAreas: boolean;
  /** This Excel's list separator between a RangeAreas address's areas; null: one range each. */
  separator: string | null;
  /** Indexes of the add-in's own band rules on an existing sheet, highest first. */
  ownBands: (sheet: string) => number[];
  skipped: Set<"print" | "autoFilter" | "paper">;
  checks: CopyCheck[];
  /** Print setups, written in a request of their own after everything else. */
  print: Step[];
}

/** Every step of one sheet's plan, in the order they are written. */
export function sheetSteps(
  sp: SheetPlan,
  existing: SheetGrid | undefined,
  ctx: StepContext
): Step[] {
  const steps: Step[] = [];
  const add = (more: Step[]) => {
    // A loop, not push(...): a big tree has hundreds of thousands of steps (call stack limit).
    for (const s of more) steps.push(s);
  };
  if (sp.mode === "create") steps.push(createStep(sp.sheet, existing));
  add(cellSteps(sp));
  add(stampedSteps(sp, ctx));
  add(hyperlinkSteps(sp));
  add(sizeSteps(sp.sheet, columnWidths(sp), "column", ctx));
  add(sizeSteps(sp.sheet, rowHeights(sp), "row", ctx));
  if (sp.mode === "update" && sp.conditionalFormats.length > 0) {
    const own = ctx.ownBands(sp.sheet);
    if (own.length > 0) steps.push(removeBandsStep(sp.sheet, own));
  }
  for (const cf of sp.conditionalFormats) steps.push(bandStep(sp.sheet, cf));
  add(layoutSteps(sp, ctx));
  if (sp.print && ctx.canAreas) for (const s of printSteps(sp.sheet, sp.print)) ctx.print.push(s);
  else if (sp.print) ctx.skipped.add("print");
  return steps;
}

/**
 * The sheet made new. The old generated sheet is renamed out of the way, the new one added, then
 * the old one deleted: this works even when it is the workbook's only sheet.
 */
function createStep(name: string, existing: SheetGrid | undefined): Step {
  return {
    sheet: name,
    bytes: 4 * STEP_OVERHEAD + 2 * jsonBytes(name),
    creates: true,
    queue: (_ws, context) => {
      const sheets = context.workbook.worksheets;
      const old = existing ? sheets.getItem(existing.name) : null;
      if (old) old.name = OLD_SHEET_NAME;
      const made = sheets.add(name);
      old?.delete();
      return made;
    },
  };
}

/**
 * Merges and formats. At ExcelApi 1.9 boxes that look alike are written once and their formats
 * copied onto the others; a check that the copies carried the merged areas rides on the last
 * request.
 */
function stampedSteps(sp: SheetPlan, ctx: StepContext): Step[] {
  const name = sp.sheet;
  const stamps = ctx.canAreas ? planStamps(sp) : null;
  if (!stamps)
    return [
      ...mergeSteps(name, sp.merges),
      ...formatSteps(name, sp.formats, ctx.canAreas, ctx.separator),
    ];
  const steps = [
    ...mergeSteps(name, stamps.merges),
    ...formatSteps(name, stamps.templateFormats, true, ctx.separator),
    ...copySteps(name, stamps.copies),
    ...formatSteps(name, stamps.otherFormats, true, ctx.separator),
  ];
  const check = copyCheck(name, stamps, ctx.separator);
  if (check) ctx.checks.push(check);
  return steps;
}

function copyCheck(name: string, stamps: Stamps, separator: string | null): CopyCheck | null {
  const first = stamps.copies[0];
  if (!first) return null;
  const t = first.target;
  return {
    sheet: name,
    target: rangeA1(t),
    expected: stamps.copiedMerges
      .filter((m) => rangeWithin(m, t))
      .map((m) => rangeA1(m))
      .sort(),
    // Every copied box's merges and formats, as if there had been no copies.
    repair: () => [
      ...mergeSteps(name, stamps.copiedMerges),
      ...formatSteps(name, stamps.copiedFormats, true, separator),
    ],
  };
}

/**
 * Copies of a template block's formats (merges and number formats included) onto the blocks
 * that look like it. The template's range is one proxy per request, shared by its copies.
 */
function copySteps(sheet: string, copies: Stamps["copies"]): Step[] {
  return copies.map(({ source, target }) => {
    const from = rangeA1(source);
    const to = rangeA1(target);
    const key = `copy:${sheet}!${from}`;
    return {
      sheet,
      // The call's arguments: the template's object path id, the copy type and two flags.
      bytes: STEP_OVERHEAD + jsonBytes(to) + 40,
      shares: { key, bytes: OBJECT_BYTES + jsonBytes(from) },
      queue: (ws, _context, shared) => {
        if (!ws) return;
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

/**
 * Merges: one-row merges stacked on consecutive rows with the same columns become one
 * merge(true) over their union, which Excel defines as merging each row on its own; the others
 * one merge each. Only when no two merges overlap (then their order cannot matter).
 */
export function mergeSteps(sheet: string, merges: CellRange[]): Step[] {
  const step = (r: CellRange, across: boolean): Step => {
    const address = rangeA1(r);
    return sheetStep(sheet, STEP_OVERHEAD + jsonBytes(address), (ws) =>
      ws.getRange(address).merge(across)
    );
  };
  if (mergesOverlap(merges)) return merges.map((m) => step(m, false));
  return mergeRuns(merges).map((run) => step(run.range, run.rows > 1));
}

function mergesOverlap(merges: CellRange[]): boolean {
  const seen = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const key = r * 16384 + c;
        if (seen.has(key)) return true;
        seen.add(key);
      }
  return false;
}

/** Stacks of one-row merges (rows > 0) and the other merges (rows 0), by column then row. */
function mergeRuns(merges: CellRange[]): { range: CellRange; rows: number }[] {
  const sorted = [...merges].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const runs: { range: CellRange; rows: number }[] = [];
  for (const m of sorted) {
    const oneRow = m.top === m.bottom;
    const run = runs[runs.length - 1];
    const r = run?.range;
    if (
      run &&
      r &&
      oneRow &&
      run.rows > 0 &&
      r.left === m.left &&
      r.right === m.right &&
      r.bottom + 1 === m.top
    ) {
      run.range = { ...r, bottom: m.bottom };
      run.rows++;
    } else runs.push({ range: { ...m }, rows: oneRow ? 1 : 0 });
  }
  return runs;
}

/**
 * Internal links: the link only (documentReference and tip). The cell's text is written with the
 * cells; `textToDisplay` is left out, since Excel takes it as typed and would turn a code such as
 * "1.10" into the number 1.1.
 */
function hyperlinkSteps(sp: SheetPlan): Step[] {
  return sp.hyperlinks.map((h) => {
    const link: Excel.RangeHyperlink = { documentReference: h.target };
    if (h.tip) link.screenTip = h.tip;
    const address = a1(h.row, h.col);
    return sheetStep(sp.sheet, STEP_OVERHEAD + jsonBytes(address) + jsonBytes(link), (ws) => {
      ws.getRange(address).hyperlink = link;
    });
  });
}

/** Excel column width in characters to Office.js points (7 px per character plus 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function columnWidths(sp: SheetPlan): Map<number, number> {
  const widths = new Map<number, number>();
  for (const w of sp.columnWidths) widths.set(w.col, charsToPoints(w.width));
  return widths;
}

function rowHeights(sp: SheetPlan): Map<number, number> {
  const heights = new Map<number, number>();
  for (const h of sp.rowHeights) heights.set(h.row, h.height);
  return heights;
}

/**
 * Row heights or column widths: runs of adjacent rows (columns) of one size are one range; at
 * ExcelApi 1.9 every run of a size goes in one RangeAreas (cut at the address limit).
 */
function sizeSteps(
  sheet: string,
  sizes: Map<number, number>,
  kind: "row" | "column",
  ctx: StepContext
): Step[] {
  const steps: Step[] = [];
  for (const [size, indexes] of bySize(sizes)) {
    const runs = indexRuns(indexes).map(([first, last]) =>
      kind === "row" ? a1Range(first, 0, last, 0) : a1Range(0, first, 0, last)
    );
    const bytes = 2 * OBJECT_BYTES + ACTION_BYTES + jsonBytes(size);
    const separator = ctx.canAreas ? ctx.separator : null;
    for (const address of separator ? areaAddresses(runs, separator) : runs) {
      const step = sheetStep(sheet, bytes + jsonBytes(address), (ws) => {
        const f = areasTarget(ws, address, separator).format;
        if (kind === "row") f.rowHeight = size;
        else f.columnWidth = size;
      });
      if (separator && address.includes(separator)) step.areas = true;
      steps.push(step);
    }
  }
  return steps;
}

function bySize(sizes: Map<number, number>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [index, size] of sizes) {
    const list = out.get(size);
    if (list) list.push(index);
    else out.set(size, [index]);
  }
  return out;
}

/** Sorted indexes as [first, last] runs of consecutive numbers. */
function indexRuns(indexes: number[]): [number, number][] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * The add-in's own band rules already on the sheet, removed before the new ones are added (every
 * `conditionalFormats.add` adds a rule; adding the same bands again would stack them). Deleted
 * from the highest index down, so the indexes read stay right; the user's rules are left alone.
 */
function removeBandsStep(sheet: string, indexes: number[]): Step {
  return sheetStep(
    sheet,
    indexes.length * (2 * OBJECT_BYTES + 2 * ACTION_BYTES) + OBJECT_BYTES,
    (ws) => {
      const rules = ws.getRange().conditionalFormats;
      for (const i of indexes) rules.getItemAt(i).delete();
    }
  );
}

/** The capaian colour bands as expression rules, highest band first. */
function bandStep(sheet: string, cf: PlanConditionalFormat): Step {
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
  return sheetStep(sheet, bytes, (ws) => {
    const range = ws.getRange(address);
    for (const { band, formula } of rules) {
      const f = range.conditionalFormats.add("Custom");
      f.custom.rule.formula = formula;
      f.custom.format.fill.color = band.fill;
      if (band.fontColor) f.custom.format.font.color = band.fontColor;
    }
  });
}

/** Frozen panes, tab colour and filter. */
function layoutSteps(sp: SheetPlan, ctx: StepContext): Step[] {
  const steps: Step[] = [];
  const freeze = sp.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    const { rows, cols } = freeze;
    steps.push(
      sheetStep(sp.sheet, 3 * STEP_OVERHEAD, (ws) => {
        if (rows > 0 && cols > 0)
          ws.freezePanes.freezeAt(ws.getRange(a1Range(0, 0, rows - 1, cols - 1)));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
        else ws.freezePanes.freezeColumns(cols);
      })
    );
  }
  const color = sp.tabColor;
  if (color)
    steps.push(
      sheetStep(sp.sheet, STEP_OVERHEAD, (ws) => {
        ws.tabColor = color;
      })
    );
  // Gridlines are shown or hidden from ExcelApi 1.8; older Excel keeps them.
  const gridlines = sp.gridlines;
  if (gridlines !== undefined && apiSupported("1.8"))
    steps.push(
      sheetStep(sp.sheet, STEP_OVERHEAD, (ws) => {
        ws.showGridlines = gridlines;
      })
    );
  const filter = sp.autoFilter;
  if (filter && ctx.canAreas)
    steps.push(
      sheetStep(sp.sheet, 3 * STEP_OVERHEAD, (ws) =>
        ws.autoFilter.apply(ws.getRange(rangeA1(filter)))
      )
    );
  else if (filter) ctx.skipped.add("autoFilter");
  return steps;
}
