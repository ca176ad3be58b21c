/**
 * Stamps: a created sheet's blocks (the tree's boxes) that look alike are written once and copied.
 * A box takes a dozen merges and number formats, each a request item of its own in Office.js;
 * one Range.copyFrom(template, "Formats") puts them all on another box of the same look.
 */
import { rangeWithin, type CellRange, type PlanFormat, type SheetPlan } from "../../core";

export interface Stamps {
  /** Formats of the blocks written in full (templates), in plan order. */
  templateFormats: PlanFormat[];
  /** Every other format not covered by a copy, in plan order. */
  otherFormats: PlanFormat[];
  /** Merges still to write (templates' and the rest), in plan order. */
  merges: CellRange[];
  /** Copies, each after its template's formats: the template's range and the block's. */
  copies: { source: CellRange; target: CellRange }[];
  /** What the copies stand for: the copied blocks' own merges and formats, in plan order. */
  copiedMerges: CellRange[];
  copiedFormats: PlanFormat[];
}

/** Largest area of cells indexed to find blocks (5 bytes a cell; a bigger sheet goes without copies). */
const MAX_INDEXED_CELLS = 8_000_000;

/** Which block owns each cell, and which blocks may still be copied. */
interface BlockIndex {
  blocks: CellRange[];
  rows: number;
  cols: number;
  /** Block number + 1 of every cell (0: none). */
  owner: Int32Array;
  /** Per block: nothing outside it touches it (so far). */
  ok: boolean[];
  /** Cells outside every block that a format or merge touches. */
  touched: Uint8Array;
}

type Role = "template" | "copy" | "plain";

/**
 * Which blocks can be copied from which. A block qualifies only if every format and merge
 * touching its cells or outline lies inside it and no other block touches it (so copying its
 * formats decides exactly what the plan's own formats would); the first qualifying block of each
 * look is the template of the others. Null when the sheet has no blocks worth it.
 */
export function planStamps(sp: SheetPlan): Stamps | null {
  const index = sp.mode === "create" ? indexBlocks(sp.blocks ?? []) : null;
  if (!index) return null;
  const mergeHome = sp.merges.map((m) => homeOf(index, m));
  const formatHome = sp.formats.map((f) => homeOf(index, f.range, f.style.border));
  const lookOf = blockLooks(sp, index.blocks, mergeHome, formatHome);
  const { copies, role } = assignCopies(index, lookOf);
  if (copies.length === 0) return null;
  const roleOf = (h: number | undefined): Role =>
    h !== undefined && h >= 0 ? (role[h] ?? "plain") : "plain";
  return {
    templateFormats: sp.formats.filter((_, i) => roleOf(formatHome[i]) === "template"),
    otherFormats: sp.formats.filter((_, i) => roleOf(formatHome[i]) === "plain"),
    merges: sp.merges.filter((_, i) => roleOf(mergeHome[i]) !== "copy"),
    copies,
    copiedMerges: sp.merges.filter((_, i) => roleOf(mergeHome[i]) === "copy"),
    copiedFormats: sp.formats.filter((_, i) => roleOf(formatHome[i]) === "copy"),
  };
}

/** The block index, or null when there are too few blocks, odd ones, or too many cells. */
function indexBlocks(blocks: CellRange[]): BlockIndex | null {
  if (blocks.length < 2) return null;
  let rows = 0;
  let cols = 0;
  for (const b of blocks) {
    if (b.top < 0 || b.left < 0 || b.bottom < b.top || b.right < b.left) return null;
    rows = Math.max(rows, b.bottom + 2);
    cols = Math.max(cols, b.right + 2);
  }
  if (rows * cols > MAX_INDEXED_CELLS) return null;
  const index: BlockIndex = {
    blocks,
    rows,
    cols,
    owner: new Int32Array(rows * cols),
    ok: blocks.map(() => true),
    touched: new Uint8Array(rows * cols),
  };
  blocks.forEach((b, i) => claimCells(index, b, i));
  // Blocks touching another block share its outline lines: neither is copied.
  blocks.forEach((b, i) => spoilNeighbours(index, b, i));
  return index;
}

/** Block number + 1 at (r, c), 0 outside every block or the index. */
function ownerAt(index: BlockIndex, r: number, c: number): number {
  if (r < 0 || c < 0 || r >= index.rows || c >= index.cols) return 0;
  return index.owner[r * index.cols + c] ?? 0;
}

/** Mark block `i`'s cells as its own; overlapping blocks are both unfit. */
function claimCells(index: BlockIndex, b: CellRange, i: number): void {
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = b.left; c <= b.right; c++) {
      const k = r * index.cols + c;
      const o = index.owner[k] ?? 0;
      if (o !== 0) index.ok[o - 1] = index.ok[i] = false;
      index.owner[k] = i + 1;
    }
}

/** Blocks next to block `i` (sharing an outline line) make both unfit. */
function spoilNeighbours(index: BlockIndex, b: CellRange, i: number): void {
  const touch = (r: number, c: number) => {
    const o = ownerAt(index, r, c);
    if (o !== 0 && o !== i + 1) index.ok[i] = index.ok[o - 1] = false;
  };
  for (let c = b.left - 1; c <= b.right + 1; c++) {
    touch(b.top - 1, c);
    touch(b.bottom + 1, c);
  }
  for (let r = b.top; r <= b.bottom; r++) {
    touch(r, b.left - 1);
    touch(r, b.right + 1);
  }
}

/**
 * The block holding `x` wholly, or -1. A range not wholly in one block marks every block it
 * touches unfit, and the other cells it touches as touched (they cannot be in a copied region).
 */
function homeOf(index: BlockIndex, x: CellRange, borders?: PlanFormat["style"]["border"]): number {
  const o = ownerAt(index, x.top, x.left);
  const b = o !== 0 ? index.blocks[o - 1] : undefined;
  if (b && rangeWithin(x, b)) return o - 1;
  const spoil = (r: number, c: number) => {
    const p = ownerAt(index, r, c);
    if (p !== 0) index.ok[p - 1] = false;
    else if (r >= 0 && c >= 0 && r < index.rows && c < index.cols)
      index.touched[r * index.cols + c] = 1;
  };
  for (let r = Math.max(0, x.top); r <= Math.min(index.rows - 1, x.bottom); r++)
    for (let c = Math.max(0, x.left); c <= Math.min(index.cols - 1, x.right); c++) spoil(r, c);
  // A border on the outside of `x` is also the edge of the cell across it.
  if (borders?.top) for (let c = x.left; c <= x.right; c++) spoil(x.top - 1, c);
  if (borders?.bottom) for (let c = x.left; c <= x.right; c++) spoil(x.bottom + 1, c);
  if (borders?.left) for (let r = x.top; r <= x.bottom; r++) spoil(r, x.left - 1);
  if (borders?.right) for (let r = x.top; r <= x.bottom; r++) spoil(r, x.right + 1);
  return -1;
}

/**
 * The look of each block as a small number: its size and its merges and formats relative to its
 * corner, in plan order. Blocks with the same number look the same.
 */
function blockLooks(
  sp: SheetPlan,
  blocks: CellRange[],
  mergeHome: number[],
  formatHome: number[]
): number[] {
  const styleKeys = new Map<object, string>();
  const styleKey = (s: object): string => {
    let k = styleKeys.get(s);
    if (k === undefined) styleKeys.set(s, (k = JSON.stringify(s)));
    return k;
  };
  const looks: string[][] = blocks.map((b) => [`${b.bottom - b.top},${b.right - b.left}`]);
  const rel = (x: CellRange, b: CellRange) =>
    `${x.top - b.top},${x.left - b.left},${x.bottom - b.top},${x.right - b.left}`;
  sp.merges.forEach((m, i) => {
    const h = mergeHome[i] ?? -1;
    const b = blocks[h];
    if (b) looks[h]?.push(`m${rel(m, b)}`);
  });
  sp.formats.forEach((f, i) => {
    const h = formatHome[i] ?? -1;
    const b = blocks[h];
    if (b) looks[h]?.push(`f${rel(f.range, b)}:${styleKey(f.style)}`);
  });
  const ids = new Map<string, number>();
  return looks.map((l) => {
    const key = l.join("|");
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
}

/**
 * Walk the blocks in plan order: a run of blocks laid out like the ones just above them in the
 * same stack is one copy of the lot (doubling down a stack of boxes alike); otherwise a block is
 * the template of its look, or a copy of that template.
 */
function assignCopies(
  index: BlockIndex,
  lookOf: number[]
): { copies: Stamps["copies"]; role: Role[] } {
  const { blocks, ok } = index;
  const runs = new StackRuns(index, lookOf);
  const templateOf = new Map<number, number>();
  const role: Role[] = blocks.map(() => "plain");
  const copies: Stamps["copies"] = [];
  let stackStart = 0;
  for (let i = 0; i < blocks.length;) {
    if (!ok[i]) {
      i++;
      continue;
    }
    if (!runs.follows(i)) stackStart = i;
    const len = runs.longestRepeat(stackStart, i);
    if (len > 1) {
      copies.push({ source: runs.span(i - len, i - 1), target: runs.span(i, i + len - 1) });
      for (let k = i; k < i + len; k++) role[k] = "copy";
      i += len;
      continue;
    }
    const look = lookOf[i] ?? -1;
    const t = templateOf.get(look);
    const source = t === undefined ? undefined : blocks[t];
    if (source === undefined) {
      templateOf.set(look, i);
      role[i] = "template";
    } else {
      role[i] = "copy";
      copies.push({ source, target: blocks[i] as CellRange });
    }
    i++;
  }
  return { copies, role };
}

/** Stacks of blocks (one column of boxes, one under the other) and runs that repeat in them. */
class StackRuns {
  constructor(
    private readonly index: BlockIndex,
    private readonly lookOf: number[]
  ) {}

  /** Whether block `i` continues the column of blocks before it (a stack). */
  follows(i: number): boolean {
    const a = this.index.blocks[i - 1];
    const b = this.index.blocks[i];
    return (
      !!a &&
      !!b &&
      this.index.ok[i - 1] === true &&
      a.left === b.left &&
      a.right === b.right &&
      b.top > a.bottom
    );
  }

  /** The rectangle from block `from`'s top to block `to`'s bottom. */
  span(from: number, to: number): CellRange {
    const a = this.index.blocks[from] as CellRange;
    const b = this.index.blocks[to] as CellRange;
    return { top: a.top, left: a.left, bottom: b.bottom, right: a.right };
  }

  /**
   * The longest run starting at `i` that repeats the run just before it in the stack, halving
   * from the whole stack so far; 1 or less when none does.
   */
  longestRepeat(stackStart: number, i: number): number {
    let len = i - stackStart;
    while (len > 1 && !(i + len <= this.index.blocks.length && this.sameRun(i - len, i, len)))
      len >>= 1;
    return len;
  }

  /** Blocks b..b+len-1 are laid out as a..a+len-1 (same looks, same spacing, one column). */
  private sameRun(a: number, b: number, len: number): boolean {
    const { blocks, ok } = this.index;
    const a0 = blocks[a] as CellRange;
    const b0 = blocks[b] as CellRange;
    for (let k = 0; k < len; k++) {
      const x = blocks[a + k];
      const y = blocks[b + k];
      if (!x || !y || !ok[b + k] || this.lookOf[a + k] !== this.lookOf[b + k]) return false;
      if (k > 0 && !this.follows(b + k)) return false;
      if (x.top - a0.top !== y.top - b0.top || x.bottom - a0.top !== y.bottom - b0.top)
        return false;
    }
    return this.clean(a, a + len - 1) && this.clean(b, b + len - 1);
  }

  /** The span of blocks from..to holds no format, merge or block but theirs. */
  private clean(from: number, to: number): boolean {
    const r = this.span(from, to);
    const { cols, touched } = this.index;
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) {
        const o = ownerAt(this.index, row, c);
        if (o === 0 ? touched[row * cols + c] === 1 : o - 1 < from || o - 1 > to) return false;
      }
    return true;
  }
}
