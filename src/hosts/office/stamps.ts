/**
 * Stamps: a created sheet's blocks (the tree's boxes) that look alike are written once and copied.
 * A box takes a dozen merges and number formats, each a request item of its own in Office.js;
 * one Range.copyFrom(template, "Formats") puts them all on another box of the same look.
 */
import { rangeWithin, type CellRange } from "../../core/grid";
import type { PlanFormat, SheetPlan } from "../../core/plan";

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

/**
 * Which blocks can be copied from which. A block qualifies only if every format and merge
 * touching its cells or outline lies inside it and no other block touches it (so copying its
 * formats decides exactly what the plan's own formats would); the first qualifying block of each
 * look is the template of the others. Null when the sheet has no blocks worth it.
 */
export function planStamps(sp: SheetPlan): Stamps | null {
  const blocks = sp.blocks ?? [];
  if (sp.mode !== "create" || blocks.length < 2) return null;
  let rows = 0;
  let cols = 0;
  for (const b of blocks) {
    if (b.top < 0 || b.left < 0 || b.bottom < b.top || b.right < b.left) return null;
    rows = Math.max(rows, b.bottom + 2);
    cols = Math.max(cols, b.right + 2);
  }
  if (rows * cols > MAX_INDEXED_CELLS) return null;
  // Block number + 1 of every cell (0: none).
  const owner = new Int32Array(rows * cols);
  const ok = blocks.map(() => true);
  const at = (r: number, c: number): number =>
    r < 0 || c < 0 || r >= rows || c >= cols ? 0 : (owner[r * cols + c] ?? 0);
  blocks.forEach((b, i) => {
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        const k = r * cols + c;
        const o = owner[k] ?? 0;
        if (o !== 0) ok[o - 1] = ok[i] = false;
        owner[k] = i + 1;
      }
  });
  // Blocks touching another block share its outline lines: neither is copied.
  blocks.forEach((b, i) => {
    const touch = (r: number, c: number) => {
      const o = at(r, c);
      if (o !== 0 && o !== i + 1) ok[i] = ok[o - 1] = false;
    };
    for (let c = b.left - 1; c <= b.right + 1; c++) (touch(b.top - 1, c), touch(b.bottom + 1, c));
    for (let r = b.top; r <= b.bottom; r++) (touch(r, b.left - 1), touch(r, b.right + 1));
  });
  // Cells outside every block that a format or merge touches (they cannot be in a copied region).
  const touched = new Uint8Array(rows * cols);
  /** The block holding `x` wholly, or -1; blocks it only touches are marked unfit. */
  const home = (x: CellRange, borders?: PlanFormat["style"]["border"]): number => {
    const o = at(x.top, x.left);
    const b = o !== 0 ? blocks[o - 1] : undefined;
    if (b && rangeWithin(x, b)) return o - 1;
    const spoil = (r: number, c: number) => {
      const p = at(r, c);
      if (p !== 0) ok[p - 1] = false;
      else if (r >= 0 && c >= 0 && r < rows && c < cols) touched[r * cols + c] = 1;
    };
    for (let r = Math.max(0, x.top); r <= Math.min(rows - 1, x.bottom); r++)
      for (let c = Math.max(0, x.left); c <= Math.min(cols - 1, x.right); c++) spoil(r, c);
    // A border on the outside of `x` is also the edge of the cell across it.
    if (borders?.top) for (let c = x.left; c <= x.right; c++) spoil(x.top - 1, c);
    if (borders?.bottom) for (let c = x.left; c <= x.right; c++) spoil(x.bottom + 1, c);
    if (borders?.left) for (let r = x.top; r <= x.bottom; r++) spoil(r, x.left - 1);
    if (borders?.right) for (let r = x.top; r <= x.bottom; r++) spoil(r, x.right + 1);
    return -1;
  };
  const mergeHome = sp.merges.map((m) => home(m));
  const formatHome = sp.formats.map((f) => home(f.range, f.style.border));

  // The look of each block: its merges and formats relative to its corner, in plan order.
  const styleKeys = new Map<object, string>();
  const styleKey = (s: object): string => {
    let k = styleKeys.get(s);
    if (k === undefined) {
      k = JSON.stringify(s);
      styleKeys.set(s, k);
    }
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
  // Looks as small numbers, to compare runs of blocks cheaply.
  const lookIds = new Map<string, number>();
  const lookOf = looks.map((l) => {
    const key = l.join("|");
    let id = lookIds.get(key);
    if (id === undefined) lookIds.set(key, (id = lookIds.size));
    return id;
  });
  /** Whether block `i` continues the column of blocks before it (a stack). */
  const follows = (i: number): boolean => {
    const a = blocks[i - 1];
    const b = blocks[i];
    return (
      !!a &&
      !!b &&
      ok[i - 1] === true &&
      a.left === b.left &&
      a.right === b.right &&
      b.top > a.bottom
    );
  };
  /** Cells of `r` outside the blocks from..to are free of formats, merges and other blocks. */
  const clean = (r: CellRange, from: number, to: number): boolean => {
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) {
        const o = at(row, c);
        if (o === 0 ? touched[row * cols + c] === 1 : o - 1 < from || o - 1 > to) return false;
      }
    return true;
  };
  const span = (from: number, to: number): CellRange => {
    const a = blocks[from] as CellRange;
    const b = blocks[to] as CellRange;
    return { top: a.top, left: a.left, bottom: b.bottom, right: a.right };
  };
  /** Blocks b..b+len-1 are laid out as a..a+len-1 (same looks, same spacing, one column). */
  const sameRun = (a: number, b: number, len: number): boolean => {
    const a0 = blocks[a] as CellRange;
    const b0 = blocks[b] as CellRange;
    for (let k = 0; k < len; k++) {
      const x = blocks[a + k];
      const y = blocks[b + k];
      if (!x || !y || !ok[b + k] || lookOf[a + k] !== lookOf[b + k]) return false;
      if (k > 0 && !follows(b + k)) return false;
      if (x.top - a0.top !== y.top - b0.top || x.bottom - a0.top !== y.bottom - b0.top)
        return false;
    }
    return (
      clean(span(a, a + len - 1), a, a + len - 1) && clean(span(b, b + len - 1), b, b + len - 1)
    );
  };
  const templateOf = new Map<number, number>();
  const role: ("template" | "copy" | "plain")[] = blocks.map(() => "plain");
  const copies: Stamps["copies"] = [];
  let stackStart = 0;
  for (let i = 0; i < blocks.length;) {
    const b = blocks[i] as CellRange;
    if (!ok[i]) {
      i++;
      continue;
    }
    if (!follows(i)) stackStart = i;
    // A run of blocks laid out like the ones just written above them: one copy of the lot,
    // doubling down a stack of boxes alike.
    let len = i - stackStart;
    while (len > 1 && !(i + len <= blocks.length && sameRun(i - len, i, len))) len >>= 1;
    if (len > 1) {
      copies.push({ source: span(i - len, i - 1), target: span(i, i + len - 1) });
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
      copies.push({ source, target: b });
    }
    i++;
  }
  if (copies.length === 0) return null;
  const roleOf = (h: number) => (h >= 0 ? (role[h] ?? "plain") : "plain");
  return {
    templateFormats: sp.formats.filter((_, i) => roleOf(formatHome[i] ?? -1) === "template"),
    otherFormats: sp.formats.filter((_, i) => roleOf(formatHome[i] ?? -1) === "plain"),
    merges: sp.merges.filter((_, i) => roleOf(mergeHome[i] ?? -1) !== "copy"),
    copies,
    copiedMerges: sp.merges.filter((_, i) => roleOf(mergeHome[i] ?? -1) === "copy"),
    copiedFormats: sp.formats.filter((_, i) => roleOf(formatHome[i] ?? -1) === "copy"),
  };
}
