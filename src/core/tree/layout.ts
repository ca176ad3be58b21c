/**
 * Pure geometry of the pohon kinerja drawn in cells: where every box goes (rows and columns),
 * which cell edges carry connector lines, and how tall every row is. Knows nothing of the model.
 *
 * The grid: columns are all the same width and come in slots of SLOT_COLS columns. A box is
 * BOX_COLS columns wide. Rows come in tiers: one tier per level drawn side by side (outcome, CSF,
 * antara, …), then the stacks of the deepest level, each straight under its parent, then the shelf of
 * boxes that could not be placed. Boxes in one tier share its rows (a cell row has one height for
 * the whole sheet), so every box in a tier is as tall as the tier.
 */

/** Columns per slot (one leaf, or one parent with its stacked children). */
export const SLOT_COLS = 8;
/** Columns per box. Even, so that a box's centre is a column edge a connector can follow. */
export const BOX_COLS = 6;
/**
 * Height of every row inside a tier of boxes, in points: box rows are whole multiples of it. One
 * line of box text: a box's parts are whole lines, so boxes side by side share rows without
 * padding and a big tree has few rows (every row is cells, merges and bytes to write).
 */
export const ROW_UNIT = 13;
/** Empty row units between a parent and its first stacked child, and between stacked children. */
const STACK_GAP_UNITS = 1;
/** Height of the thin rows that carry connectors, in points. */
export const GAP_ROW_HEIGHT = 7;

/** A box to place: its internal row heights (points) and its children. */
export interface LayoutNode {
  id: string;
  /** Height in points of each internal row of the box, top to bottom (at least one). */
  rows: number[];
  children: LayoutNode[];
}

/** Where a box went; rows and columns 0-based and inclusive, in sheet coordinates. */
export interface BoxPlacement {
  id: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** First sheet row of each of the box's internal rows (same length as its `rows`). */
  rowTops: number[];
  /** Last sheet row of each internal row (an internal row spans whole units of ROW_UNIT). */
  rowEnds: number[];
  /** True when the box stands in a stack under its parent (deepest level). */
  stacked: boolean;
  /** True when the box is on the shelf of boxes that could not be placed. */
  shelf: boolean;
}

/** Connector lines drawn as borders on one cell. */
export interface EdgeSet {
  top?: boolean;
  bottom?: boolean;
  left?: boolean;
  right?: boolean;
}

/** Bits given by `TreeLayout.forEachConnector`: which sides of a cell carry a connector line. */
export const EDGE_TOP = 1;
export const EDGE_BOTTOM = 2;
export const EDGE_LEFT = 4;
export const EDGE_RIGHT = 8;

const EDGE_BITS: Record<keyof EdgeSet, number> = {
  top: EDGE_TOP,
  bottom: EDGE_BOTTOM,
  left: EDGE_LEFT,
  right: EDGE_RIGHT,
};

export interface TreeLayout {
  boxes: BoxPlacement[];
  /**
   * Connector borders per cell, keyed "row,col". Never on a cell inside a box. The same cells as
   * `forEachConnector` visits, in the same order; built on first use (a big tree has hundreds of
   * thousands of them).
   */
  readonly edges: Map<string, EdgeSet>;
  /** Visit every connector cell with its EDGE_* bits, in the order the cells were first drawn. */
  forEachConnector(visit: (row: number, col: number, sides: number) => void): void;
  /**
   * Visit the connector lines as runs: every maximal run of cells in one column carrying the same
   * left (or right) side, and every maximal run in one row carrying the same top (or bottom)
   * side, each once with its side's EDGE_* bit. A range's left edge is every one of its cells'
   * left edges, so a border on each run's range draws exactly the cells' sides. Runs come in the
   * order their first cell was drawn.
   */
  forEachConnectorRun(
    visit: (side: number, top: number, left: number, bottom: number, right: number) => void
  ): void;
  /** Height in points of every row from `startRow` to `endRow` (index 0 = startRow). */
  rowHeights: number[];
  startRow: number;
  /** Last row used (inclusive). */
  endRow: number;
  /** Number of columns used, from column 0. */
  cols: number;
  /** Rows a page may start at without cutting a box (no box has rows above and below it). */
  breakCandidates: number[];
  /** The row for the shelf's title, when there is a shelf. */
  shelfTitleRow: number | null;
  /** Slots across the tree (its width in slots). */
  slots: number;
  /** Rows each printed page after the first starts at (empty without `pageHeight`). */
  pageBreaks: number[];
}

export interface LayoutOptions {
  /** Sheet row of the first tier. */
  startRow: number;
  /** Most boxes side by side on the shelf (default: the tree's width, at least 4). */
  shelfPerRow?: number;
  /**
   * Height of a printed page in sheet points (the printable height divided by the print scale).
   * When given, stacked boxes that would be cut by a page end move down to the next page and
   * `pageBreaks` says where pages start.
   */
  pageHeight?: number;
  /** Points of the first page already used above `startRow` (title rows). */
  firstPageUsed?: number;
}

interface Placed {
  node: LayoutNode;
  depth: number;
  /** Centre in slot units (a leaf in slot k has centre k + 0.5). */
  centre: number;
  stacked: boolean;
  parent: Placed | null;
  children: Placed[];
}

/** The deepest depth of a tree (root = 0). */
function maxDepth(n: LayoutNode, d = 0): number {
  let m = d;
  for (const c of n.children) m = Math.max(m, maxDepth(c, d + 1));
  return m;
}

/** Column of the left edge a connector follows for a box centred at `centre` slots. */
export function centreCol(centre: number): number {
  return Math.round(centre * SLOT_COLS);
}

/** The depth whose boxes are stacked under their parent: the deepest, when it hangs below a level. */
function stackDepthOf(root: LayoutNode): number {
  const deepest = maxDepth(root);
  return deepest >= 2 ? deepest : Infinity;
}

/** Boxes side by side on one shelf row. */
function shelfPerRowOf(opts: { shelfPerRow?: number }, slots: number): number {
  return Math.max(1, opts.shelfPerRow ?? Math.max(4, slots));
}

/**
 * The number of columns `layoutTree` uses for this tree and shelf (its `cols`), without laying
 * anything out: a leaf, or a parent of a stack, takes one slot.
 */
export function layoutCols(
  root: LayoutNode,
  shelf: readonly LayoutNode[],
  opts: { shelfPerRow?: number } = {}
): number {
  const stackDepth = stackDepthOf(root);
  const count = (node: LayoutNode, depth: number): number => {
    if (node.children.length === 0 || depth + 1 === stackDepth) return 1;
    let n = 0;
    for (const c of node.children) n += count(c, depth + 1);
    return n;
  };
  const slots = Math.max(1, count(root, 0));
  const shelfSlots =
    shelf.length > 0 ? Math.min(shelf.length, opts.shelfPerRow ?? Math.max(4, slots)) : 0;
  return Math.max(slots, shelfSlots) * SLOT_COLS;
}

/**
 * Lay out a tree top-down: levels above the deepest side by side, the deepest level stacked
 * under its parent with a spine on the left; then `shelf` boxes (no connectors) below.
 * Deterministic; the order of children is kept.
 */
export function layoutTree(
  root: LayoutNode,
  shelf: readonly LayoutNode[],
  opts: LayoutOptions
): TreeLayout {
  // The deepest level is stacked only when there is a level above it to hang from (not the root).
  const stackDepth = stackDepthOf(root);

  // Pass 1: widths in slots and centres (tidy: a parent centred over its first and last child).
  const tiers: Placed[][] = [];
  let nextSlot = 0;
  const place = (node: LayoutNode, depth: number, parent: Placed | null): Placed => {
    const p: Placed = {
      node,
      depth,
      centre: 0,
      stacked: depth === stackDepth,
      parent,
      children: [],
    };
    if (p.stacked) return p;
    (tiers[depth] ??= []).push(p);
    const stackChildren = depth + 1 === stackDepth;
    if (node.children.length === 0 || stackChildren) {
      p.centre = nextSlot + 0.5;
      nextSlot += 1;
      if (stackChildren) {
        p.children = node.children.map((c) => place(c, depth + 1, p));
        for (const c of p.children) c.centre = p.centre;
      }
    } else {
      p.children = node.children.map((c) => place(c, depth + 1, p));
      const first = p.children[0];
      const last = p.children[p.children.length - 1];
      p.centre = first && last ? (first.centre + last.centre) / 2 : nextSlot + 0.5;
    }
    return p;
  };
  place(root, 0, null);
  const slots = Math.max(1, nextSlot);

  const rowHeights: number[] = [];
  const start = opts.startRow;
  let row = start;
  const pushRow = (h: number): number => {
    rowHeights.push(h);
    return row++;
  };
  const boxes: BoxPlacement[] = [];
  const byPlaced = new Map<Placed, BoxPlacement>();
  // Connector lines are kept as the straight runs they are drawn as (a big tree has hundreds of
  // thousands of connector cells but a few thousand lines); cells are made from them only when
  // asked. Connectors run only under the tree's slots: `width` columns.
  const width = slots * SLOT_COLS + 1;
  /** side, top, left, bottom, right of each line, in drawing order. */
  const lines: number[] = [];
  const line = (side: keyof EdgeSet, top: number, left: number, bottom: number, right: number) => {
    if (bottom < top || right < left) return;
    if (top !== bottom && left !== right)
      throw new Error("a connector line is one row or one column");
    if (left < 0 || right >= width)
      throw new Error(`connector outside the tree: column ${left < 0 ? left : right}`);
    lines.push(EDGE_BITS[side], top, left, bottom, right);
  };
  const forEachConnector = (visit: (row: number, col: number, sides: number) => void): void => {
    // One byte of side bits per cell, the cells in first-drawn order.
    const sideRows: (Uint8Array | undefined)[] = [];
    const drawn: number[] = [];
    for (let i = 0; i < lines.length; i += 5) {
      const [side, top, left, bottom, right] = lines.slice(i, i + 5) as [
        number,
        number,
        number,
        number,
        number,
      ];
      for (let r = top; r <= bottom; r++) {
        // Rows filled in order: an array written far past its end turns into a slow dictionary.
        while (sideRows.length <= r) sideRows.push(undefined);
        const sides = (sideRows[r] ??= new Uint8Array(width));
        for (let c = left; c <= right; c++) {
          if (sides[c] === 0) drawn.push(r * width + c);
          sides[c] = (sides[c] ?? 0) | side;
        }
      }
    }
    for (const k of drawn) {
      const r = Math.floor(k / width);
      const c = k - r * width;
      visit(r, c, sideRows[r]?.[c] ?? 0);
    }
  };
  const forEachConnectorRun = (
    visit: (side: number, top: number, left: number, bottom: number, right: number) => void
  ): void => {
    // Every line is one column (left, right) or one row (top, bottom). Lines of one side on one
    // column (or row) that overlap or touch are one run: sort them by side, line and start,
    // join neighbours, then visit the runs in the order their first line was drawn.
    interface Run {
      side: number;
      top: number;
      left: number;
      bottom: number;
      right: number;
      order: number;
    }
    const runs: Run[] = [];
    for (let i = 0; i < lines.length; i += 5) {
      runs.push({
        side: lines[i] ?? 0,
        top: lines[i + 1] ?? 0,
        left: lines[i + 2] ?? 0,
        bottom: lines[i + 3] ?? 0,
        right: lines[i + 4] ?? 0,
        order: i,
      });
    }
    const vertical = (x: Run): boolean => x.side === EDGE_LEFT || x.side === EDGE_RIGHT;
    runs.sort((x, y) =>
      vertical(x)
        ? x.side - y.side || x.left - y.left || x.top - y.top
        : x.side - y.side || x.top - y.top || x.left - y.left
    );
    const joined: Run[] = [];
    for (const x of runs) {
      const last = joined[joined.length - 1];
      if (last && last.side === x.side) {
        const v = vertical(x);
        if (
          v
            ? last.left === x.left && x.top <= last.bottom + 1
            : last.top === x.top && x.left <= last.right + 1
        ) {
          last.bottom = Math.max(last.bottom, x.bottom);
          last.right = Math.max(last.right, x.right);
          last.order = Math.min(last.order, x.order);
          continue;
        }
      }
      joined.push(x);
    }
    joined.sort((x, y) => x.order - y.order);
    for (const x of joined) visit(x.side, x.top, x.left, x.bottom, x.right);
  };

  /** Place one box with its first row at `top`; its internal rows span whole row units. */
  const placeBox = (
    node: LayoutNode,
    top: number,
    left: number,
    flags: { stacked: boolean; shelf: boolean },
    placed?: Placed
  ): BoxPlacement => {
    const rowTops: number[] = [];
    const rowEnds: number[] = [];
    let r = top;
    for (const h of node.rows.length > 0 ? node.rows : [ROW_UNIT]) {
      const n = Math.max(1, Math.ceil(h / ROW_UNIT - 1e-9));
      rowTops.push(r);
      rowEnds.push(r + n - 1);
      r += n;
    }
    const b: BoxPlacement = {
      id: node.id,
      top,
      bottom: r - 1,
      left,
      right: left + BOX_COLS - 1,
      rowTops,
      rowEnds,
      stacked: flags.stacked,
      shelf: flags.shelf,
    };
    boxes.push(b);
    if (placed) byPlaced.set(placed, b);
    return b;
  };
  /** Unit rows until `last` exists. */
  const ensureRows = (last: number): void => {
    while (row <= last) pushRow(ROW_UNIT);
  };

  /**
   * One tier of boxes side by side, all starting on its first row. Every row of a tier is one
   * unit high, so boxes of different shapes share the rows without padding each other; a box
   * ends at its own last row. Returns the tier's last row.
   */
  const drawTier = (
    items: { node: LayoutNode; left: number; placed?: Placed }[],
    flags: { stacked: boolean; shelf: boolean }
  ): number => {
    const top = row;
    let bottom = top;
    for (const it of items)
      bottom = Math.max(bottom, placeBox(it.node, top, it.left, flags, it.placed).bottom);
    ensureRows(bottom);
    return bottom;
  };

  // Pagination: pages start only on rows no box straddles.
  const cap = opts.pageHeight;
  const breaks: number[] = [];
  let pageStart = start;
  const heightOf = (r: number): number => rowHeights[r - start] ?? ROW_UNIT;
  /** The first row that no longer fits on the page starting at `ps` (rows not made yet are units). */
  const overflowRow = (ps: number): number => {
    if (cap === undefined) return Infinity;
    const room = cap - (ps === start ? (opts.firstPageUsed ?? 0) : 0);
    let acc = 0;
    for (let r = ps; ; r++) {
      acc += heightOf(r);
      if (acc > room) return Math.max(r, ps + 1);
    }
  };
  const straddles = (r: number): boolean => boxes.some((b) => b.top < r && r <= b.bottom);
  /** Greedy breaks on clean rows up to row `end`. */
  const paginateTo = (end: number): void => {
    for (;;) {
      const b = overflowRow(pageStart);
      if (b > end) return;
      let c = b;
      while (c > pageStart + 1 && straddles(c)) c--;
      if (c <= pageStart + 1 && straddles(c)) c = b;
      breaks.push(c);
      pageStart = c;
    }
  };
  /** Page starts after `r` while placing stacks: each the first row that overflows the last. */
  const boundaries: number[] = [];
  const nextBoundaryAfter = (r: number): number => {
    if (cap === undefined) return Infinity;
    for (;;) {
      const found = boundaries.find((b) => b > r);
      if (found !== undefined) return found;
      boundaries.push(overflowRow(boundaries[boundaries.length - 1] ?? pageStart));
    }
  };

  // Pass 2: the tiers side by side, with a bus between each tier and the next.
  for (let d = 0; d < tiers.length; d++) {
    const tier = tiers[d] ?? [];
    if (d > 0) {
      const g1 = pushRow(GAP_ROW_HEIGHT);
      const g2 = pushRow(GAP_ROW_HEIGHT);
      for (const parent of tiers[d - 1] ?? []) {
        if (parent.children.length === 0 || parent.children[0]?.stacked) continue;
        const pc = centreCol(parent.centre);
        const cs = parent.children.map((c) => centreCol(c.centre));
        // From the parent's own bottom (it may be shorter than its tier) down to the bus.
        const pb = byPlaced.get(parent);
        line("left", (pb?.bottom ?? g1 - 1) + 1, pc, g1, pc);
        const lo = Math.min(pc, ...cs);
        const hi = Math.max(pc, ...cs);
        line("bottom", g1, lo, g1, hi - 1);
        for (const c of cs) line("left", g2, c, g2, c);
      }
    }
    drawTier(
      tier.map((p) => ({ node: p.node, left: centreCol(p.centre) - BOX_COLS / 2, placed: p })),
      { stacked: false, shelf: false }
    );
  }

  paginateTo(row - 1);

  // Pass 3: each stack straight under its own parent (stacks never share columns), a spine on
  // the parent's left edge and a tick into each child.
  for (const parents of tiers) {
    for (const parent of parents) {
      if (!parent.children[0]?.stacked) continue;
      const pb = byPlaced.get(parent);
      if (!pb) continue;
      let top = pb.bottom + 1 + STACK_GAP_UNITS;
      let last = top;
      for (const c of parent.children) {
        // A box that a page end would cut starts on the next page instead (if it fits on one).
        const units = (c.node.rows.length > 0 ? c.node.rows : [ROW_UNIT]).reduce(
          (a, h) => a + Math.max(1, Math.ceil(h / ROW_UNIT - 1e-9)),
          0
        );
        const b = nextBoundaryAfter(top);
        if (b <= top + units - 1 && units * ROW_UNIT <= (cap ?? Infinity)) top = b;
        const cb = placeBox(c.node, top, pb.left + 1, { stacked: true, shelf: false }, c);
        ensureRows(cb.bottom);
        line("bottom", cb.top, pb.left, cb.top, pb.left);
        last = cb.top;
        top = cb.bottom + 1 + STACK_GAP_UNITS;
      }
      line("left", pb.bottom + 1, pb.left, last, pb.left);
    }
  }

  for (const b of boundaries) {
    if (b > row - 1) break;
    breaks.push(b);
    pageStart = b;
  }

  // Pass 4: the shelf, in rows of at most `perRow` boxes, no connectors.
  let shelfTitleRow: number | null = null;
  if (shelf.length > 0) {
    pushRow(GAP_ROW_HEIGHT * 2);
    shelfTitleRow = pushRow(18);
    const perRow = shelfPerRowOf(opts, slots);
    for (let i = 0; i < shelf.length; i += perRow) {
      if (i > 0) pushRow(GAP_ROW_HEIGHT);
      const chunk = shelf.slice(i, i + perRow);
      drawTier(
        chunk.map((node, k) => ({ node, left: k * SLOT_COLS + (SLOT_COLS - BOX_COLS) / 2 })),
        { stacked: false, shelf: true }
      );
    }
  }

  paginateTo(row - 1);

  // A page may start on any row that no box straddles, except between the shelf title and its boxes.
  // Rows from `start`, marked where a box straddles them (a big tree stacks thousands of boxes).
  const straddled = new Uint8Array(Math.max(0, row - start));
  for (const b of boxes) straddled.fill(1, b.top + 1 - start, b.bottom + 1 - start);
  const breakCandidates: number[] = [];
  for (let r = start + 1; r < row; r++) {
    if (!straddled[r - start] && (shelfTitleRow === null || r !== shelfTitleRow + 1))
      breakCandidates.push(r);
  }
  const shelfSlots =
    shelf.length > 0 ? Math.min(shelf.length, opts.shelfPerRow ?? Math.max(4, slots)) : 0;
  let edges: Map<string, EdgeSet> | null = null;
  return {
    boxes,
    get edges(): Map<string, EdgeSet> {
      return (edges ??= edgeSets(forEachConnector));
    },
    forEachConnector,
    forEachConnectorRun,
    rowHeights,
    startRow: start,
    endRow: row - 1,
    cols: Math.max(slots, shelfSlots) * SLOT_COLS,
    breakCandidates,
    shelfTitleRow,
    slots,
    pageBreaks: breaks,
  };
}

/** The string-keyed form of compact connectors ("row,col" → sides), in the same order. */
function edgeSets(forEachConnector: TreeLayout["forEachConnector"]): Map<string, EdgeSet> {
  const out = new Map<string, EdgeSet>();
  forEachConnector((r, c, bits) => {
    const e: EdgeSet = {};
    for (const side of ["top", "bottom", "left", "right"] as const)
      if (bits & EDGE_BITS[side]) e[side] = true;
    out.set(`${r},${c}`, e);
  });
  return out;
}

/** Greedy page breaks: rows to break above so no page is taller than `pageHeight` points. */
export function pageBreaks(
  heights: readonly number[],
  firstRow: number,
  candidates: readonly number[],
  pageHeight: number
): number[] {
  const sorted = [...new Set(candidates)].filter((c) => c > firstRow).sort((a, b) => a - b);
  const lastRow = firstRow + heights.length - 1;
  const h = (from: number, to: number): number => {
    let s = 0;
    for (let r = from; r <= to; r++) s += heights[r - firstRow] ?? 0;
    return s;
  };
  const breaks: number[] = [];
  let pageStart = firstRow;
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i] as number;
    const segEnd = (sorted[i + 1] ?? lastRow + 1) - 1;
    if (h(pageStart, segEnd) > pageHeight && c > pageStart) {
      breaks.push(c);
      pageStart = c;
    }
  }
  return breaks;
}
