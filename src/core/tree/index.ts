/**
 * The pohon kinerja sheet: a linked, printable tree drawn in cells. `layoutPohon` makes every
 * box's content and finds the geometry (the whole tree on one page when it fits at the box text's
 * own size, else pages that continue the stacks under a repeated parent); `drawTree` turns it into
 * the sheet plan; `planTree` does both.
 */
import { maxOf } from "../extent";
import type { CellRange, WorkbookGrids } from "../grid";
import type { ConditionNode, CsfModel } from "../model";
import type { Finding } from "../findings";
import { t } from "../messages";
import { emptySheetPlan, markerText, resolveSheetName, type SheetPlan } from "../plan";
import type { Settings } from "../settings";
import { workbookYear } from "../year";
import { WIDE_RENDERER } from "../text-fit";
import {
  COL_POINTS,
  COL_WIDTH,
  boxParts,
  conditionContent,
  continuedParts,
  indexErrors,
  labels,
  outcomeContent,
  type BoxContent,
  type BoxPart,
  type Labels,
} from "./content";
import { boxStyles, capaianBands, drawBox, drawConnectors, ERROR_FILL, LEVEL_STYLE } from "./draw";
import {
  ROW_UNIT,
  SLOT_GAP_COLS,
  assignSlots,
  boxWidths,
  layoutTree,
  slotCols,
  type BoxPlacement,
  type LayoutNode,
  type TreeLayout,
} from "./layout";
import {
  drawBlock,
  legendBlocks,
  placeBlock,
  takenBy,
  titleBlock,
  type Block,
  type PlacedBlock,
} from "./legend";
import { bandRules } from "./plan";
import { Sources } from "./text";
import { splitPlaced } from "./structure";

export type { TreeLayout } from "./layout";

/** Rows above the printed tree: the marker (row 0) and the instructions (row 1). */
const FIRST_PRINTED_ROW = 2;
const SCREEN_ROW_HEIGHTS = [12, 12];
/** Margins in inches: small, the tree is wide; the footer sits in the bottom one. */
const MARGINS = { top: 0.3, bottom: 0.45, left: 0.25, right: 0.25 };
/** Box widths in columns: narrow enough for a wide tree, wide enough for a few words a line. */
const MIN_BOX_COLS = 10;
const MAX_BOX_COLS = 20;
/** Points between the header and the tree when the header has rows of its own. */
const HEADER_GAP = 8;
/** Trees up to this many boxes are tried in folded shapes to fit one page. */
const FIT_MAX_BOXES = 400;
const FIT_ATTEMPTS = 12;

/** Page size in points (portrait). */
const PAPER_POINTS: Record<"A4" | "A3", { w: number; h: number }> = {
  A4: { w: 595.3, h: 841.9 },
  A3: { w: 841.9, h: 1190.6 },
};

/** Printable width and height in points of the paper in the settings' orientation. */
export function printableSize(
  paper: "A4" | "A3",
  orientation: "portrait" | "landscape"
): { width: number; height: number } {
  const p = PAPER_POINTS[paper];
  const [w, h] = orientation === "landscape" ? [p.h, p.w] : [p.w, p.h];
  return {
    width: w - (MARGINS.left + MARGINS.right) * 72,
    height: h - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/** The tree laid out: every box's content and place and the header's, before anything is drawn. */
export interface PohonLayout {
  settings: Settings;
  sheetName: string;
  sources: Sources;
  contents: ReadonlyMap<string, BoxContent>;
  /** Every box's parts as measured for its place (a continued box: its parent's code and name). */
  parts: ReadonlyMap<string, BoxPart[]>;
  continued: ReadonlyMap<string, BoxPart[]>;
  layout: TreeLayout;
  /** The title and the legend in their places. */
  blocks: PlacedBlock[];
  /** Heights of the rows from the first printed row that the title and legend have of their own. */
  ownRows: number[];
  /** Heights of rows after the tree's last that the legend needs. */
  extraRows: number[];
  /** Columns the drawing takes. */
  cols: number;
  /** True when the whole tree prints on one page. */
  onePage: boolean;
}

/** The tree's structure and every box's content. */
interface Structure {
  /** The tree's shape without parts (for counting slots and box widths before measuring). */
  bare: LayoutNode;
  words: Labels;
  outcome: BoxContent;
  roots: ConditionNode[];
  children: Map<string, ConditionNode[]>;
  shelf: ConditionNode[];
  contents: Map<string, BoxContent>;
}

function structure(
  model: CsfModel,
  findings: readonly Finding[],
  sources: Sources,
  settings: Settings
): Structure {
  const lang = settings.lang;
  const words = labels(lang);
  const errors = indexErrors(settings.cleanPrint ? [] : findings);
  const { roots, children, shelf } = splitPlaced(model);
  const onShelf = new Set(shelf.map((n) => n.id));
  const contents = new Map<string, BoxContent>();
  const outcome = outcomeContent(model, sources, lang);
  contents.set(outcome.id, outcome);
  for (const n of model.nodes)
    contents.set(n.id, conditionContent(n, sources, errors, words, onShelf.has(n.id)));
  const bare = (id: string, kids: readonly ConditionNode[]): LayoutNode => ({
    id,
    parts: [],
    children: kids.map((k) => bare(k.id, children.get(k.id) ?? [])),
  });
  return { bare: bare(outcome.id, roots), words, outcome, roots, children, shelf, contents };
}

/** Slots across the tree with `folds`. */
function slotsOf(tree: LayoutNode, folds?: ReadonlyMap<string, number>): number {
  return assignSlots(tree, MIN_BOX_COLS, folds).cols / slotCols(MIN_BOX_COLS);
}

/** The tree as layout nodes, each box's parts measured at its width. */
interface Measured {
  boxCols: number;
  /** Each box's width in columns. */
  widths: Map<string, number>;
  root: LayoutNode;
  shelf: LayoutNode[];
  parts: Map<string, BoxPart[]>;
}

function measured(s: Structure, boxCols: number, folds?: ReadonlyMap<string, number>): Measured {
  const widths = boxWidths(s.bare, boxCols, folds);
  const parts = new Map<string, BoxPart[]>();
  const node = (c: BoxContent, kids: readonly ConditionNode[]): LayoutNode => {
    const own = boxParts(c, widths.get(c.id) ?? boxCols, s.words);
    parts.set(c.id, own);
    return {
      id: c.id,
      parts: own.map((p) => p.height),
      children: kids.map((k) =>
        node(s.contents.get(k.id) as BoxContent, s.children.get(k.id) ?? [])
      ),
    };
  };
  const root = node(s.outcome, s.roots);
  const shelf = s.shelf.map((n) => node(s.contents.get(n.id) as BoxContent, []));
  return { boxCols, widths, root, shelf, parts };
}

/** Even box width for a tree `slots` slots wide on a page `pageCols` columns wide. */
function boxColsFor(pageCols: number, slots: number): number {
  const fit = Math.floor(pageCols / Math.max(1, slots)) - SLOT_GAP_COLS;
  const even = fit - (fit % 2);
  return Math.min(MAX_BOX_COLS, Math.max(MIN_BOX_COLS, even));
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** The title and the legend to place: the title, then the legend's shapes, widest first. */
interface Header {
  title: Block;
  legends: Block[];
}

/** Title and legend placed over a laid-out tree, and the rows after it they need. */
interface Decoration {
  blocks: PlacedBlock[];
  extra: number[];
}

/** The last row of the first page: its rows (then unit rows) up to `room` points. */
function lastRowWithin(layout: TreeLayout, room: number): number {
  if (layout.pageBreaks.length > 0) return (layout.pageBreaks[0] as number) - 1;
  let used = 0;
  let r = layout.startRow;
  for (; ; r++) {
    used += layout.rowHeights[r - layout.startRow] ?? ROW_UNIT;
    if (used > room) return r - 1;
  }
}

/**
 * The title beside the tree's top on the left, the legend beside it on the right or under the
 * columns that end highest (from the right), all on the first page; null where there is no room.
 */
function decorate(layout: TreeLayout, h: Header, room: number, boxCols: number): Decoration | null {
  const lastRow = lastRowWithin(layout, room);
  const extra: number[] = [];
  const taken = takenBy(layout);
  const title = placeBlock(h.title, layout, taken, [0], "top", lastRow, extra);
  if (!title) return null;
  const titleEnd = title.spans[title.spans.length - 1]?.bottom ?? layout.startRow;
  taken.add({ top: layout.startRow, left: 0, bottom: titleEnd, right: title.block.cols - 1 });
  const slot = slotCols(boxCols);
  for (const legend of h.legends) {
    const right = layout.cols - legend.cols;
    const top = placeBlock(legend, layout, taken, [right], "top", lastRow, extra);
    if (top) return { blocks: [title, top], extra };
  }
  for (const legend of h.legends) {
    const lefts: number[] = [];
    for (let left = layout.cols - legend.cols; left >= 0; left -= slot) lefts.push(left);
    const under = placeBlock(legend, layout, taken, lefts, "bottom", lastRow, extra);
    if (under) return { blocks: [title, under], extra };
  }
  return null;
}

/** The title and the widest legend in rows of their own above the tree, from the first printed row. */
function above(h: Header): { blocks: PlacedBlock[]; ownRows: number[] } {
  const ownRows: number[] = [];
  const blocks = [h.title, h.legends[0] as Block].map((block): PlacedBlock => {
    const spans = block.rows.map((row) => {
      const r = FIRST_PRINTED_ROW + ownRows.length;
      ownRows.push(row.height);
      return { top: r, bottom: r };
    });
    ownRows.push(HEADER_GAP);
    return { block, left: 0, spans };
  });
  return { blocks, ownRows };
}

/** A tree laid out with its title and legend placed. */
interface Placed {
  m: Measured;
  layout: TreeLayout;
  blocks: PlacedBlock[];
  ownRows: number[];
  extra: number[];
  continued?: Map<string, BoxPart[]>;
}

/**
 * The tree on one page, if it fits: the box width from the number of slots, and, while the tree
 * is too tall, the stack that reaches lowest folded into one more column (narrower boxes for
 * all). Null when no shape fits (or the tree is too big to try).
 */
function onePage(
  s: Structure,
  settings: Settings,
  pageCols: number,
  room: number,
  h: Header
): Placed | null {
  if (s.contents.size > FIT_MAX_BOXES) return null;
  const parentOf = new Map<string, string>();
  for (const [parent, kids] of s.children) for (const k of kids) parentOf.set(k.id, parent);
  const folds = new Map<string, number>();
  for (let attempt = 0; attempt < FIT_ATTEMPTS; attempt++) {
    const slots = slotsOf(s.bare, folds);
    const boxCols = boxColsFor(pageCols, slots);
    if (slots * slotCols(boxCols) > pageCols) return null;
    const m = measured(s, boxCols, folds);
    const layout = layoutTree(m.root, m.shelf, { startRow: FIRST_PRINTED_ROW, boxCols, folds });
    const height = sum(layout.rowHeights);
    const beside = height <= room ? decorate(layout, h, room, boxCols) : null;
    if (beside) return { m, layout, blocks: beside.blocks, ownRows: [], extra: beside.extra };
    const own = above(h);
    if (height + sum(own.ownRows) <= room) {
      const opts = { startRow: FIRST_PRINTED_ROW + own.ownRows.length, boxCols, folds };
      return { m, layout: layoutTree(m.root, m.shelf, opts), ...own, extra: [] };
    }
    // Fold the stack whose box reaches lowest, if it has a child to spare.
    let lowest: { bottom: number; parent: string } | null = null;
    for (const b of layout.boxes) {
      const parent = parentOf.get(b.id);
      if (b.kind === "stacked" && parent && (!lowest || b.bottom > lowest.bottom))
        lowest = { bottom: b.bottom, parent };
    }
    if (!lowest) return null;
    const n = (folds.get(lowest.parent) ?? 1) + 1;
    if (n > (s.children.get(lowest.parent)?.length ?? 0)) return null;
    folds.set(lowest.parent, n);
  }
  return null;
}

/** The tree over pages one page wide, each stack continued under a repeated parent. */
function paged(
  s: Structure,
  settings: Settings,
  pageCols: number,
  page: { width: number; height: number },
  h: Header
): Placed {
  const slots = slotsOf(s.bare);
  const m = measured(s, boxColsFor(pageCols, slots));
  const cols = Math.max(slots * slotCols(m.boxCols), h.title.cols);
  // A tree wider than the page prints smaller: a page holds more of its points.
  const scale = Math.min(1, page.width / WIDE_RENDERER / (cols * COL_POINTS));
  const room = page.height / scale;
  const continued = new Map<string, BoxPart[]>();
  const continuedHeights = (id: string): number[] => {
    let parts = continued.get(id);
    const content = s.contents.get(id) as BoxContent;
    if (!parts) continued.set(id, (parts = continuedParts(content, m.widths.get(id) ?? m.boxCols)));
    return parts.map((p) => p.height);
  };
  const lay = (startRow: number, firstPageUsed: number) =>
    layoutTree(m.root, m.shelf, {
      startRow,
      boxCols: m.boxCols,
      pageHeight: room,
      firstPageUsed,
      continuedParts: continuedHeights,
    });
  const first = lay(FIRST_PRINTED_ROW, 0);
  const beside = decorate(first, h, room, m.boxCols);
  if (beside)
    return { m, layout: first, blocks: beside.blocks, ownRows: [], extra: beside.extra, continued };
  const own = above(h);
  const layout = lay(FIRST_PRINTED_ROW + own.ownRows.length, sum(own.ownRows));
  return { m, layout, ...own, extra: [], continued };
}

/** Lay the tree out. See the module's comment. */
export function layoutPohon(
  model: CsfModel,
  findings: readonly Finding[],
  wb: WorkbookGrids,
  settings: Settings
): PohonLayout {
  const lang = settings.lang;
  const sources = new Sources(wb);
  const s = structure(model, findings, sources, settings);
  const organisation = (settings.organisation.trim() || model.organisation || "").trim();
  const h: Header = {
    title: titleBlock(settings, organisation, settings.year ?? workbookYear(wb)),
    legends: legendBlocks(settings, {
      shelf: s.shelf.length > 0,
      responsible: model.nodes.some((n) => n.indicators.some((i) => i.responsible?.trim())),
    }),
  };
  const page = printableSize(settings.paper, settings.orientation);
  const pageCols = Math.floor(page.width / WIDE_RENDERER / COL_POINTS);
  const one = onePage(s, settings, pageCols, page.height, h);
  const placed = one ?? paged(s, settings, pageCols, page, h);
  const blockCols = maxOf(placed.blocks.map((b) => b.left + b.block.cols));
  return {
    settings,
    sheetName: resolveSheetName(t("tree.sheetName", {}, lang), wb, "pohon"),
    sources,
    contents: s.contents,
    parts: placed.m.parts,
    continued: placed.continued ?? new Map<string, BoxPart[]>(),
    layout: placed.layout,
    blocks: placed.blocks,
    ownRows: placed.ownRows,
    extraRows: placed.extra,
    cols: Math.max(placed.layout.cols, blockCols),
    onePage: one !== null,
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The sheet plan of a laid-out tree (see `planTree`). */
export function drawTree(laidOut: PohonLayout): SheetPlan {
  const { settings, layout, contents, sources } = laidOut;
  const lang = settings.lang;
  const plan = emptySheetPlan(laidOut.sheetName, "create", "pohon");
  plan.tabColor = LEVEL_STYLE.antara.head;

  // On screen only: the marker and how the sheet works, above the print area.
  plan.cells.push({ row: 0, col: 0, value: markerText("pohon", lang) });
  plan.cells.push({ row: 1, col: 0, value: t("tree.instructions", {}, lang) });
  plan.formats.push({
    range: { top: 0, left: 0, bottom: 1, right: 0 },
    style: { fontSize: 8, fontColor: "#808080", italic: true },
  });
  for (const block of laidOut.blocks) drawBlock(plan, block);

  const styles = boxStyles(lang);
  const partsOf = (box: BoxPlacement): BoxPart[] =>
    (box.kind === "continued" ? laidOut.continued : laidOut.parts).get(box.id) ?? [];
  const blocks: CellRange[] = [];
  for (const box of layout.boxes) {
    const c = contents.get(box.id);
    if (!c) continue;
    drawBox(plan, box, c, partsOf(box), styles, sources);
    blocks.push({ top: box.top, left: box.left, bottom: box.bottom, right: box.right });
  }
  plan.blocks = blocks;
  capaianBands(plan, layout.boxes, partsOf, bandRules(settings.bands));
  drawConnectors(plan, layout.lines);
  if (layout.shelfTitleRow !== null) {
    const r = layout.shelfTitleRow;
    plan.cells.push({ row: r, col: 0, value: t("tree.shelfTitle", {}, lang) });
    plan.cells.push({ row: r, col: 12, value: t("tree.shelfNote", {}, lang) });
    plan.formats.push(
      {
        range: { top: r, left: 0, bottom: r, right: 0 },
        style: { bold: true, fontSize: 11, fontColor: ERROR_FILL },
      },
      {
        range: { top: r, left: 12, bottom: r, right: 12 },
        style: { italic: true, fontSize: 8, fontColor: "#595959" },
      }
    );
  }

  for (let col = 0; col < laidOut.cols; col++) plan.columnWidths.push({ col, width: COL_WIDTH });
  SCREEN_ROW_HEIGHTS.forEach((height, row) => plan.rowHeights.push({ row, height }));
  const heights = [...laidOut.ownRows, ...layout.rowHeights, ...laidOut.extraRows];
  heights.forEach((height, i) =>
    plan.rowHeights.push({ row: FIRST_PRINTED_ROW + i, height: round2(height) })
  );
  const lastRow = FIRST_PRINTED_ROW + heights.length - 1;
  plan.print = {
    paper: settings.paper,
    orientation: settings.orientation,
    fitToWidth: 1,
    fitToHeight: laidOut.onePage ? 1 : 0,
    area: { top: FIRST_PRINTED_ROW, left: 0, bottom: lastRow, right: laidOut.cols - 1 },
    footerCenter: t("tree.footer", {}, lang),
    margins: { ...MARGINS },
    centerHorizontally: true,
  };
  if (layout.pageBreaks.length > 0) plan.print.rowBreaks = [...layout.pageBreaks];
  return plan;
}

/**
 * The "Pohon Kinerja" sheet plan: one box per condition in merged cells (outcome at the top, each
 * parent of leaves with its leaves stacked under it), connectors as cell borders, every text and
 * number a formula on its source cell with today's value, each box's code a link to its source.
 * Conditions with error findings carry a red "⚠ n" (not in a clean print); conditions that cannot
 * be placed go on a "Tidak terhubung" shelf. The sheet takes the name "Pohon Kinerja" unless a
 * user's own sheet has it (then "Pohon Kinerja (2)", …) and starts with the generated-sheet marker
 * in A1, above the print area.
 */
export function planTree(
  model: CsfModel,
  findings: readonly Finding[],
  wb: WorkbookGrids,
  settings: Settings
): SheetPlan {
  return drawTree(layoutPohon(model, findings, wb, settings));
}
