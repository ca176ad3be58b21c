/**
 * Pure geometry of the pohon kinerja drawn in cells: where every box goes (rows and columns),
 * which cell edges carry connector lines, and how tall every row is. Knows nothing of the model.
 *
 * The grid: columns are all the same width and come in slots of SLOT_COLS columns. A box is
 * BOX_COLS columns wide. Rows come in tiers: one tier per level drawn side by side (outcome, CSF,
 * antara, …), then one tier per position in the stacks of the deepest level, then the shelf of
 * boxes that could not be placed. Boxes in one tier share its rows (a cell row has one height for
 * the whole sheet), so every box in a tier is as tall as the tier.
 */

/** Columns per slot (one leaf, or one parent with its stacked children). */
export const SLOT_COLS = 8;
/** Columns per box. Even, so that a box's centre is a column edge a connector can follow. */
export const BOX_COLS = 6;
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
  /** Sheet row of each of the box's internal rows (same length as its `rows`). */
  rowTops: number[];
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

export interface TreeLayout {
  boxes: BoxPlacement[];
  /** Connector borders per cell, keyed "row,col". Never on a cell inside a box. */
  edges: Map<string, EdgeSet>;
  /** Height in points of every row from `startRow` to `endRow` (index 0 = startRow). */
  rowHeights: number[];
  startRow: number;
  /** Last row used (inclusive). */
  endRow: number;
  /** Number of columns used, from column 0. */
  cols: number;
  /** Rows a page may start at without cutting a box (the first row of each tier, the shelf title). */
  breakCandidates: number[];
  /** The row for the shelf's title, when there is a shelf. */
  shelfTitleRow: number | null;
  /** Slots across the tree (its width in slots). */
  slots: number;
}

export interface LayoutOptions {
  /** Sheet row of the first tier. */
  startRow: number;
  /** Most boxes side by side on the shelf (default: the tree's width, at least 4). */
  shelfPerRow?: number;
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
  const deepest = maxDepth(root);
  // The deepest level is stacked only when there is a level above it to hang from (not the root).
  const stackDepth = deepest >= 2 ? deepest : Infinity;

  // Pass 1: widths in slots and centres (tidy: a parent centred over its first and last child).
  const tiers: Placed[][] = [];
  const stacks: Placed[][] = [];
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
        p.children.forEach((c, i) => {
          c.centre = p.centre;
          (stacks[i] ??= []).push(c);
        });
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
  const edges = new Map<string, EdgeSet>();
  const edge = (r: number, c: number, side: keyof EdgeSet): void => {
    const k = `${r},${c}`;
    const e = edges.get(k) ?? {};
    e[side] = true;
    edges.set(k, e);
  };
  const breakCandidates: number[] = [];

  /** Rows for one tier of boxes whose left columns are given; returns the tier's last row. */
  const drawTier = (
    items: { node: LayoutNode; left: number; placed?: Placed }[],
    flags: { stacked: boolean; shelf: boolean }
  ): number => {
    const count = Math.max(1, ...items.map((i) => i.node.rows.length));
    const tops: number[] = [];
    for (let j = 0; j < count; j++) {
      let h = 0;
      for (const it of items) h = Math.max(h, it.node.rows[j] ?? 0);
      tops.push(pushRow(h > 0 ? h : GAP_ROW_HEIGHT * 2));
    }
    const top = tops[0] ?? row;
    const bottom = tops[tops.length - 1] ?? top;
    breakCandidates.push(top);
    for (const it of items) {
      const own = tops.slice(0, Math.max(1, it.node.rows.length));
      const b: BoxPlacement = {
        id: it.node.id,
        top,
        // A box ends at its own last row; the tier's rows below it stay empty.
        bottom: own[own.length - 1] ?? top,
        left: it.left,
        right: it.left + BOX_COLS - 1,
        rowTops: own,
        stacked: flags.stacked,
        shelf: flags.shelf,
      };
      boxes.push(b);
      if (it.placed) byPlaced.set(it.placed, b);
    }
    return bottom;
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
        for (let r = (pb?.bottom ?? g1 - 1) + 1; r <= g1; r++) edge(r, pc, "left");
        const lo = Math.min(pc, ...cs);
        const hi = Math.max(pc, ...cs);
        for (let c = lo; c < hi; c++) edge(g1, c, "bottom");
        for (const c of cs) edge(g2, c, "left");
      }
    }
    drawTier(
      tier.map((p) => ({ node: p.node, left: centreCol(p.centre) - BOX_COLS / 2, placed: p })),
      { stacked: false, shelf: false }
    );
  }

  // Pass 3: the stacks, one tier per position; a spine on the parent's left edge, a tick per child.
  if (stacks.length > 0) {
    for (const tier of stacks) {
      pushRow(GAP_ROW_HEIGHT);
      drawTier(
        tier.map((p) => ({
          node: p.node,
          left: centreCol(p.centre) - BOX_COLS / 2 + 1,
          placed: p,
        })),
        { stacked: true, shelf: false }
      );
    }
    for (const parents of tiers) {
      for (const parent of parents) {
        if (!parent.children[0]?.stacked) continue;
        const pb = byPlaced.get(parent);
        const lastChild = byPlaced.get(parent.children[parent.children.length - 1] as Placed);
        if (!pb || !lastChild) continue;
        for (let r = pb.bottom + 1; r <= lastChild.top; r++) edge(r, pb.left, "left");
        for (const c of parent.children) {
          const cb = byPlaced.get(c);
          if (cb) edge(cb.top, pb.left, "bottom");
        }
      }
    }
  }

  // Pass 4: the shelf, in rows of at most `perRow` boxes, no connectors.
  let shelfTitleRow: number | null = null;
  if (shelf.length > 0) {
    pushRow(GAP_ROW_HEIGHT * 2);
    shelfTitleRow = pushRow(18);
    breakCandidates.push(shelfTitleRow);
    const perRow = Math.max(1, opts.shelfPerRow ?? Math.max(4, slots));
    for (let i = 0; i < shelf.length; i += perRow) {
      if (i > 0) pushRow(GAP_ROW_HEIGHT);
      const chunk = shelf.slice(i, i + perRow);
      drawTier(
        chunk.map((node, k) => ({ node, left: k * SLOT_COLS + (SLOT_COLS - BOX_COLS) / 2 })),
        { stacked: false, shelf: true }
      );
      // A shelf row's first row is a break candidate already; the title must stay with the first.
      if (i === 0) breakCandidates.pop();
    }
  }

  const shelfSlots =
    shelf.length > 0 ? Math.min(shelf.length, opts.shelfPerRow ?? Math.max(4, slots)) : 0;
  return {
    boxes,
    edges,
    rowHeights,
    startRow: start,
    endRow: row - 1,
    cols: Math.max(slots, shelfSlots) * SLOT_COLS,
    breakCandidates,
    shelfTitleRow,
    slots,
  };
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
