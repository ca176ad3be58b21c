/**
 * Pure geometry of the pohon kinerja drawn in cells: where every box goes (rows and columns),
 * which cell edges carry connector lines, how tall every row is and where pages break. Knows
 * nothing of the model: boxes are ids with the heights of their parts.
 *
 * Columns are all the same width and come in slots of `boxCols + 2` columns: one leaf box, or
 * one parent with its stack, per slot (a folded stack takes several slots). Levels above the
 * stacks are tiers of boxes side by side, each parent centred over its children, joined by a bus
 * in two gap rows; a parent whose children are all leaves stacks them under itself on a spine.
 * Every box part spans whole rows, at least as tall as the part asks; boxes side by side share
 * rows, so rows below the tiers are all one unit high and any box can start on any of them.
 *
 * The passes, with plain data between them: `assignSlots` (columns), `placeTiers` (rows of the
 * levels side by side and their buses), `placeStacks` (the stacks, each moved off a page end and
 * continued under a repeated parent box), `placeShelf` (boxes that could not be placed), and
 * `connectorRuns` (the connector lines as maximal straight runs).
 */
import { maxOf, minOf } from "../extent";

/** Height of the rows below the tiers, in points: one line of 8 pt box text (13 px). */
export const ROW_UNIT = 9.75;
/** Height of the two rows that carry a bus between tiers, in points. */
export const GAP_ROW_HEIGHT = 7;
/** Columns between the slots of neighbouring boxes (one on each side of a stack). */
export const SLOT_GAP_COLS = 2;
/** Rows between a parent and its first stacked child, and between stacked children. */
const STACK_GAP_ROWS = 1;

/** A box to place: the heights of its parts in points, top to bottom, and its children. */
export interface LayoutNode {
  id: string;
  parts: number[];
  children: LayoutNode[];
}

export type BoxKind = "tier" | "stacked" | "continued" | "shelf";

/** Where a box went; rows and columns 0-based and inclusive, in sheet coordinates. */
export interface BoxPlacement {
  /** The node's id; a continued box has the id of the parent it repeats. */
  id: string;
  kind: BoxKind;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** First and last sheet row of each of the box's parts (a continued box: code and name). */
  partTops: number[];
  partEnds: number[];
}

export type Side = "top" | "bottom" | "left" | "right";

/**
 * A connector line drawn as one side of a straight run of cells: the left (or right) side of the
 * cells of one column from `top` to `bottom`, or the top (or bottom) side of the cells of one row
 * from `left` to `right`.
 */
export interface ConnectorLine {
  side: Side;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TreeLayout {
  boxes: BoxPlacement[];
  /** Connector lines in the order they were drawn; `connectorRuns` joins them into runs. */
  lines: ConnectorLine[];
  /** Height in points of every row from `startRow` to `endRow` (index 0 = startRow). */
  rowHeights: number[];
  startRow: number;
  /** Last row used (inclusive). */
  endRow: number;
  /** Number of columns used, from column 0. */
  cols: number;
  /** The row of the shelf's title, when there is a shelf. */
  shelfTitleRow: number | null;
  /** Rows each printed page after the first starts at (none without `pageHeight`). */
  pageBreaks: number[];
}

export interface LayoutOptions {
  /** Sheet row of the first tier. */
  startRow: number;
  /** Columns of a box; even, so that a box's centre is a column edge a connector can follow. */
  boxCols: number;
  /** Stacks folded into several columns side by side: parent id → number of columns. */
  folds?: ReadonlyMap<string, number>;
  /** Most boxes side by side on the shelf (default: as many slots as the tree, at least 4). */
  shelfPerRow?: number;
  /**
   * Height of a printed page in points. When given, a stacked box that a page end would cut
   * starts the next page instead, under a repeated box of its parent (`continuedParts`), and
   * `pageBreaks` says where pages start.
   */
  pageHeight?: number;
  /** Points of the first page used above `startRow`. */
  firstPageUsed?: number;
  /** Parts of the box that repeats a parent at the top of a page its stack continues on. */
  continuedParts?: (id: string) => number[];
}

/** A node in its columns: its centre, its box's width, and, for a parent of a stack, its slot. */
interface Slotted {
  node: LayoutNode;
  depth: number;
  /** Column of the vertical line through the box's centre (its left edge in that column). */
  centre: number;
  /** Columns of the box: wider than the others for a parent over a wide subtree. */
  cols: number;
  /** First column of the slot and number of stack columns, for a parent of a stack. */
  slotLeft: number;
  folds: number;
  /** Children side by side in the next tier, or stacked (all leaves) under this box. */
  children: Slotted[];
  stacks: boolean;
}

/** The columns of a slot (one leaf or one stack column). */
export function slotCols(boxCols: number): number {
  return boxCols + SLOT_GAP_COLS;
}

/** Widest box, in box widths: a parent over a wide subtree gets room for its name on few lines. */
const WIDE_BOXES = 3;

/** True when a node's children are stacked under it: all leaves, and the node is not the root. */
function stacksChildren(node: LayoutNode, depth: number): boolean {
  return (
    depth > 0 && node.children.length > 0 && node.children.every((c) => c.children.length === 0)
  );
}

/** An even width of at most `cols` and of the widest box, at least `boxCols`. */
function boxWidth(cols: number, boxCols: number): number {
  const w = Math.min(cols, WIDE_BOXES * boxCols);
  return Math.max(boxCols, w - (w % 2));
}

/**
 * Pass 1: the columns. A leaf, or a parent of a stack, takes one slot (a folded stack as many as
 * its columns); a parent of boxes side by side is centred over its first and last child, as wide
 * as its subtree allows around that centre (up to WIDE_BOXES box widths). Returns the tiers (the
 * boxes side by side, by depth) and the number of columns.
 */
export function assignSlots(
  root: LayoutNode,
  boxCols: number,
  folds: ReadonlyMap<string, number> = new Map()
): { tiers: Slotted[][]; cols: number } {
  const slot = slotCols(boxCols);
  const tiers: Slotted[][] = [];
  let next = 0;
  const visit = (node: LayoutNode, depth: number): Slotted => {
    const left = next;
    const s: Slotted = {
      node,
      depth,
      centre: 0,
      cols: boxCols,
      slotLeft: left,
      folds: 1,
      children: [],
      stacks: false,
    };
    (tiers[depth] ??= []).push(s);
    if (node.children.length === 0 || stacksChildren(node, depth)) {
      s.stacks = node.children.length > 0;
      s.folds = s.stacks ? Math.max(1, folds.get(node.id) ?? 1) : 1;
      s.centre = left + (s.folds * slot) / 2;
      s.cols = boxWidth(s.folds * slot - SLOT_GAP_COLS, boxCols);
      next += s.folds * slot;
      return s;
    }
    s.children = node.children.map((c) => visit(c, depth + 1));
    const first = s.children[0] as Slotted;
    const last = s.children[s.children.length - 1] as Slotted;
    // A whole column: the children's centres may be an odd number of columns apart (a leaf beside
    // a stack folded in two), and a box or a line cannot start half-way through a column.
    s.centre = Math.floor((first.centre + last.centre) / 2);
    // Half a box each side of the centre, one column inside the subtree's columns.
    const half = Math.min(s.centre - left - 1, next - 1 - s.centre);
    s.cols = boxWidth(2 * half, boxCols);
    return s;
  };
  visit(root, 0);
  return { tiers, cols: Math.max(slot, next) };
}

/** The width in columns of every box of the tree placed with `boxCols` and `folds` (by id). */
export function boxWidths(
  root: LayoutNode,
  boxCols: number,
  folds?: ReadonlyMap<string, number>
): Map<string, number> {
  const widths = new Map<string, number>();
  for (const tier of assignSlots(root, boxCols, folds).tiers)
    for (const s of tier) widths.set(s.node.id, s.cols);
  return widths;
}

/** The rows of the sheet from the layout's first row, made as boxes need them. */
class Rows {
  readonly heights: number[] = [];
  constructor(readonly start: number) {}
  /** The next row to be made. */
  get end(): number {
    return this.start + this.heights.length;
  }
  heightOf(row: number): number {
    return this.heights[row - this.start] ?? ROW_UNIT;
  }
  push(height: number): number {
    this.heights.push(height);
    return this.end - 1;
  }
  /** Unit rows until `last` exists. */
  ensure(last: number): void {
    while (this.end <= last) this.push(ROW_UNIT);
  }
}

/**
 * A box with its first row at `top`: each part spans rows from where the last ended until they
 * are together at least as tall as the part (rows not made yet are units).
 */
function placeBox(
  rows: Rows,
  id: string,
  kind: BoxKind,
  parts: readonly number[],
  top: number,
  left: number,
  boxCols: number
): BoxPlacement {
  const partTops: number[] = [];
  const partEnds: number[] = [];
  let r = top;
  for (const need of parts.length > 0 ? parts : [ROW_UNIT]) {
    partTops.push(r);
    let h = 0;
    do h += rows.heightOf(r++);
    while (h < need - 1e-9);
    partEnds.push(r - 1);
  }
  rows.ensure(r - 1);
  return { id, kind, top, bottom: r - 1, left, right: left + boxCols - 1, partTops, partEnds };
}

/** Rows a box of `parts` takes when every row is a unit. */
function unitsOf(parts: readonly number[]): number {
  let n = 0;
  for (const h of parts.length > 0 ? parts : [ROW_UNIT])
    n += Math.max(1, Math.ceil(h / ROW_UNIT - 1e-9));
  return n;
}

/** Everything the passes after the first add to: rows, boxes and lines. */
interface Drawing {
  rows: Rows;
  boxes: BoxPlacement[];
  lines: ConnectorLine[];
  boxCols: number;
  /** Columns a connector may use (the tree's width and one more edge). */
  width: number;
}

function line(
  d: Drawing,
  side: Side,
  top: number,
  left: number,
  bottom: number,
  right: number
): void {
  if (bottom < top || right < left) return;
  if (top !== bottom && left !== right)
    throw new Error("a connector line is one row or one column");
  if (left < 0 || right >= d.width)
    throw new Error(`connector outside the tree: column ${left < 0 ? left : right}`);
  d.lines.push({ side, top, left, bottom, right });
}

/**
 * Pass 2: the tiers, each starting below the one above and its bus; every box of a tier starts
 * on the tier's first row and ends on its own last row. Returns where each box went.
 */
function placeTiers(d: Drawing, tiers: readonly Slotted[][]): Map<Slotted, BoxPlacement> {
  const placed = new Map<Slotted, BoxPlacement>();
  for (let depth = 0; depth < tiers.length; depth++) {
    const tier = tiers[depth] ?? [];
    if (depth > 0) drawBuses(d, tiers[depth - 1] ?? [], placed);
    const top = d.rows.end;
    for (const s of tier) {
      const left = s.centre - s.cols / 2;
      const box = placeBox(d.rows, s.node.id, "tier", s.node.parts, top, left, s.cols);
      d.boxes.push(box);
      placed.set(s, box);
    }
    d.rows.ensure(top);
  }
  return placed;
}

/** The two gap rows below a tier and the bus from each parent's bottom to its children's tops. */
function drawBuses(
  d: Drawing,
  parents: readonly Slotted[],
  placed: ReadonlyMap<Slotted, BoxPlacement>
): void {
  const g1 = d.rows.push(GAP_ROW_HEIGHT);
  const g2 = d.rows.push(GAP_ROW_HEIGHT);
  for (const parent of parents) {
    if (parent.children.length === 0) continue;
    const pc = parent.centre;
    const cs = parent.children.map((c) => c.centre);
    // From the parent's own bottom (it may be shorter than its tier) down to the bus.
    line(d, "left", (placed.get(parent)?.bottom ?? g1 - 1) + 1, pc, g1, pc);
    line(d, "bottom", g1, minOf(cs, pc), g1, maxOf(cs, pc) - 1);
    for (const c of cs) line(d, "left", g2, c, g2, c);
  }
}

/** Where pages start while the stacks are placed: pages of `pageHeight` points from `firstStart`. */
class Pages {
  private readonly starts: number[] = [];
  constructor(
    private readonly rows: Rows,
    private readonly pageHeight: number | undefined,
    private readonly firstPageRoom: number,
    private readonly firstStart: number
  ) {}

  /** The first row that no longer fits on the page starting at `start`. */
  overflow(start: number): number {
    if (this.pageHeight === undefined) return Infinity;
    const room = start === this.rows.start ? this.firstPageRoom : this.pageHeight;
    let used = 0;
    for (let r = start; ; r++) {
      used += this.rows.heightOf(r);
      if (used > room) return Math.max(r, start + 1);
    }
  }

  /** The first page start after row `r` (pages made as needed). */
  nextAfter(r: number): number {
    if (this.pageHeight === undefined) return Infinity;
    for (;;) {
      const found = this.starts.find((s) => s > r);
      if (found !== undefined) return found;
      this.starts.push(this.overflow(this.starts[this.starts.length - 1] ?? this.firstStart));
    }
  }

  /** The page starts up to row `last`. */
  upTo(last: number): number[] {
    return this.starts.filter((s) => s <= last);
  }

  fits(height: number): boolean {
    return this.pageHeight === undefined || height <= this.pageHeight;
  }
}

/**
 * Pass 3: each stack under its own parent (stacks never share columns), in one column on a spine
 * from the parent's left edge, or folded into columns under a bus. A box a page end would cut
 * starts the next page under a continued box of its parent, from which the spine goes on.
 */
function placeStacks(
  d: Drawing,
  tiers: readonly Slotted[][],
  placed: ReadonlyMap<Slotted, BoxPlacement>,
  pages: Pages,
  continuedParts: (id: string) => number[]
): void {
  for (const tier of tiers) {
    for (const parent of tier) {
      const pb = placed.get(parent);
      if (!parent.stacks || !pb) continue;
      if (parent.folds > 1) placeFoldedStack(d, parent, pb);
      else placeStack(d, parent.node, pb, pages, continuedParts);
    }
  }
}

/** One stack in one column under its parent's box `pb`, continued on the pages it runs onto. */
function placeStack(
  d: Drawing,
  parent: LayoutNode,
  pb: BoxPlacement,
  pages: Pages,
  continuedParts: (id: string) => number[]
): void {
  const spine = pb.left;
  /** The spine's current segment starts below `from`'s box; `above` is the last box placed. */
  let from = pb.bottom + 1;
  let above = pb.bottom;
  let last = -1;
  for (const child of parent.children) {
    let top = above + 1 + STACK_GAP_ROWS;
    const units = unitsOf(child.parts);
    const pageStart = pages.nextAfter(above);
    if (pageStart <= top + units - 1 && pages.fits((units + 4) * ROW_UNIT)) {
      // The spine so far ends at the last child; the stack goes on under a repeated parent.
      line(d, "left", from, spine, last, spine);
      const parts = continuedParts(parent.id);
      const width = pb.right - pb.left + 1;
      const cont = placeBox(d.rows, parent.id, "continued", parts, pageStart, pb.left, width);
      d.boxes.push(cont);
      from = cont.bottom + 1;
      top = cont.bottom + 1 + STACK_GAP_ROWS;
    }
    const cb = placeBox(d.rows, child.id, "stacked", child.parts, top, spine + 1, d.boxCols);
    d.boxes.push(cb);
    line(d, "bottom", cb.top, spine, cb.top, spine);
    last = cb.top;
    above = cb.bottom;
  }
  line(d, "left", from, spine, last, spine);
}

/**
 * A stack folded into columns: the children split into `folds` runs of about equal height, each
 * run a column on its own spine, the spines joined to the parent's centre by a bus at the foot of
 * the row under the parent. Folded stacks are for trees that fit one page: no page ends to avoid.
 */
function placeFoldedStack(d: Drawing, parent: Slotted, pb: BoxPlacement): void {
  const slot = slotCols(d.boxCols);
  const runs = balancedRuns(
    parent.node.children.map((c) => unitsOf(c.parts) + STACK_GAP_ROWS),
    parent.folds
  );
  const bus = pb.bottom + 1;
  d.rows.ensure(bus);
  const spines = runs.map((_, j) => parent.slotLeft + j * slot + 1);
  line(d, "left", bus, parent.centre, bus, parent.centre);
  line(d, "bottom", bus, minOf(spines, parent.centre), bus, maxOf(spines, parent.centre) - 1);
  let k = 0;
  runs.forEach((count, j) => {
    const spine = spines[j] as number;
    // A row between the bus and the first box: the bus must not run along the box's top.
    let top = bus + 1 + STACK_GAP_ROWS;
    let last = top;
    for (let i = 0; i < count; i++) {
      const child = parent.node.children[k++] as LayoutNode;
      const cb = placeBox(d.rows, child.id, "stacked", child.parts, top, spine + 1, d.boxCols);
      d.boxes.push(cb);
      line(d, "bottom", cb.top, spine, cb.top, spine);
      last = cb.top;
      top = cb.bottom + 1 + STACK_GAP_ROWS;
    }
    line(d, "left", bus + 1, spine, last, spine);
  });
}

/**
 * `heights` cut into `n` consecutive runs whose tallest is as short as possible (the number of
 * items in each run). Folded stacks are short lists: every cut is tried.
 */
export function balancedRuns(heights: readonly number[], n: number): number[] {
  const runs = Math.max(1, Math.min(n, heights.length));
  const total = heights.reduce((a, b) => a + b, 0);
  // The smallest limit for which a greedy cut needs no more than `runs` runs.
  const cut = (limit: number): number[] | null => {
    const out: number[] = [];
    let sum = 0;
    let count = 0;
    for (const h of heights) {
      if (count > 0 && sum + h > limit) {
        out.push(count);
        sum = 0;
        count = 0;
      }
      sum += h;
      count += 1;
    }
    out.push(count);
    return out.length <= runs ? out : null;
  };
  let lo = maxOf(heights, Math.ceil(total / runs));
  while (!cut(lo)) lo += 1;
  const out = cut(lo) as number[];
  // Leave no column empty: split the longest run while columns are left.
  while (out.length < runs) {
    const i = out.indexOf(maxOf(out));
    const c = out[i] as number;
    if (c < 2) break;
    out.splice(i, 1, Math.ceil(c / 2), Math.floor(c / 2));
  }
  return out;
}

/** Pass 4: the shelf, below the tree under its title row, in rows of at most `perRow` boxes. */
function placeShelf(d: Drawing, shelf: readonly LayoutNode[], perRow: number): number | null {
  if (shelf.length === 0) return null;
  const slot = slotCols(d.boxCols);
  d.rows.push(GAP_ROW_HEIGHT * 2);
  const title = d.rows.push(18);
  for (let i = 0; i < shelf.length; i += perRow) {
    if (i > 0) d.rows.push(GAP_ROW_HEIGHT);
    const top = d.rows.end;
    shelf.slice(i, i + perRow).forEach((node, k) => {
      d.boxes.push(
        placeBox(d.rows, node.id, "shelf", node.parts, top, k * slot + SLOT_GAP_COLS / 2, d.boxCols)
      );
    });
  }
  return title;
}

/** Rows no box straddles (a page may start there), from `from` to `to`, as a lookup. */
function cleanRows(
  boxes: readonly BoxPlacement[],
  from: number,
  to: number
): (r: number) => boolean {
  const cut = new Uint8Array(Math.max(0, to - from + 1));
  for (const b of boxes)
    if (b.bottom > b.top)
      cut.fill(1, Math.max(0, b.top + 1 - from), Math.max(0, b.bottom + 1 - from));
  return (r) => r < from || r > to || cut[r - from] === 0;
}

/** Greedy page starts from `start` to `last`, each on a clean row, no page taller than its room. */
function paginate(
  pages: Pages,
  start: number,
  last: number,
  clean: (r: number) => boolean
): number[] {
  const breaks: number[] = [];
  let pageStart = start;
  for (;;) {
    const over = pages.overflow(pageStart);
    if (over > last) return breaks;
    let r = over;
    while (r > pageStart + 1 && !clean(r)) r--;
    if (!clean(r)) r = over;
    breaks.push(r);
    pageStart = r;
  }
}

/**
 * Lay a tree out top-down: the levels above the stacks side by side, each parent of leaves with
 * its leaves stacked under it; then `shelf` boxes (no connectors) below. Deterministic; the
 * order of children is kept.
 */
export function layoutTree(
  root: LayoutNode,
  shelf: readonly LayoutNode[],
  opts: LayoutOptions
): TreeLayout {
  const { tiers, cols: treeCols } = assignSlots(root, opts.boxCols, opts.folds);
  const slot = slotCols(opts.boxCols);
  const perRow = Math.max(1, opts.shelfPerRow ?? Math.max(4, treeCols / slot));
  const cols = Math.max(treeCols, shelf.length > 0 ? Math.min(shelf.length, perRow) * slot : 0);
  const rows = new Rows(opts.startRow);
  const d: Drawing = { rows, boxes: [], lines: [], boxCols: opts.boxCols, width: cols + 1 };
  const firstRoom = (opts.pageHeight ?? Infinity) - (opts.firstPageUsed ?? 0);
  const pagesFrom = (start: number) => new Pages(rows, opts.pageHeight, firstRoom, start);

  const placed = placeTiers(d, tiers);
  const tierEnd = rows.end - 1;
  const breaks = paginate(pagesFrom(opts.startRow), opts.startRow, tierEnd, (r) =>
    isClean(d.boxes, r)
  );
  const stackPages = pagesFrom(breaks[breaks.length - 1] ?? opts.startRow);
  const continued = opts.continuedParts ?? ((id: string) => nodeParts(root, id).slice(0, 2));
  placeStacks(d, tiers, placed, stackPages, continued);
  breaks.push(...stackPages.upTo(rows.end - 1));
  const shelfTitleRow = placeShelf(d, shelf, perRow);
  const last = rows.end - 1;
  if (shelfTitleRow !== null) {
    const clean = cleanRows(d.boxes, opts.startRow, last);
    const from = breaks[breaks.length - 1] ?? opts.startRow;
    breaks.push(
      ...paginate(pagesFrom(from), from, last, (r) => r !== shelfTitleRow + 1 && clean(r))
    );
  }
  return {
    boxes: d.boxes,
    lines: d.lines,
    rowHeights: rows.heights,
    startRow: opts.startRow,
    endRow: last,
    cols,
    shelfTitleRow,
    pageBreaks: breaks,
  };
}

/** True when no box straddles row `r` (a page may start there). For the few rows of the tiers. */
function isClean(boxes: readonly BoxPlacement[], r: number): boolean {
  return !boxes.some((b) => b.top < r && r <= b.bottom);
}

/** The parts of the node `id` of the tree (for the default continued box: code and name). */
function nodeParts(root: LayoutNode, id: string): number[] {
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop() as LayoutNode;
    if (n.id === id) return n.parts;
    stack.push(...n.children);
  }
  return [ROW_UNIT];
}

/** A connector run: one side of a straight run of cells, with where its first line was drawn. */
interface Run extends ConnectorLine {
  order: number;
}

/**
 * The lines as maximal runs: lines of one side on one column (or row) that overlap or touch are
 * one run, so a border on each run's range draws exactly the cells' sides, each once. Runs come
 * in the order their first line was drawn.
 */
export function connectorRuns(lines: readonly ConnectorLine[]): ConnectorLine[] {
  const vertical = (x: ConnectorLine): boolean => x.side === "left" || x.side === "right";
  const runs: Run[] = lines.map((l, order) => ({ ...l, order }));
  runs.sort((x, y) =>
    x.side !== y.side
      ? x.side.localeCompare(y.side)
      : vertical(x)
        ? x.left - y.left || x.top - y.top
        : x.top - y.top || x.left - y.left
  );
  const joined: Run[] = [];
  for (const x of runs) {
    const prev = joined[joined.length - 1];
    const touches =
      prev !== undefined &&
      prev.side === x.side &&
      (vertical(x)
        ? prev.left === x.left && x.top <= prev.bottom + 1
        : prev.top === x.top && x.left <= prev.right + 1);
    if (prev && touches) {
      prev.bottom = Math.max(prev.bottom, x.bottom);
      prev.right = Math.max(prev.right, x.right);
      prev.order = Math.min(prev.order, x.order);
    } else joined.push(x);
  }
  joined.sort((x, y) => x.order - y.order);
  return joined.map(({ side, top, left, bottom, right }) => ({ side, top, left, bottom, right }));
}
