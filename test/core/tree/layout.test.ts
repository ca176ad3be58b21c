import {
  BOX_COLS,
  EDGE_BOTTOM,
  EDGE_LEFT,
  EDGE_RIGHT,
  EDGE_TOP,
  ROW_UNIT,
  layoutCols,
  layoutTree,
  pageBreaks,
  type BoxPlacement,
  type LayoutNode,
  type TreeLayout,
} from "../../../src/core/tree/layout";
import { COL_WIDTH, columnPoints, printableSize } from "../../../src/core/tree/plan";

/** A node with `rows` internal row heights (points). */
function n(id: string, children: LayoutNode[] = [], rows: number[] = [15, 30, 24, 14]): LayoutNode {
  return { id, rows, children };
}

/** The seed's shape: outcome, CSF 1, nine antara with 4,3,3,7,3,4,4,3,3 operasional (34). */
function seedShaped(): LayoutNode {
  const counts = [4, 3, 3, 7, 3, 4, 4, 3, 3];
  const antara = counts.map((k, i) =>
    n(
      `1.${i + 1}`,
      Array.from({ length: k }, (_, j) =>
        // Heights vary like real boxes: longer names, one to three indicators.
        n(
          `1.${i + 1}.${j + 1}`,
          [],
          [15, 27 + ((i * 7 + j * 5) % 4) * 12, 25, 14, ...(j % 3 === 0 ? [36, 14] : [])]
        )
      ),
      [15, 39, 36, 14, ...(i === 7 ? [25, 14, 25, 14, 36, 14] : [])]
    )
  );
  return n("outcome", [n("1", antara, [15, 39, 36, 14])], [15, 39]);
}

const byId = (l: TreeLayout, id: string): BoxPlacement => {
  const b = l.boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const inside = (b: BoxPlacement, r: number, c: number): boolean =>
  r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
const centre = (b: BoxPlacement): number => (b.left + b.right + 1) / 2;

function walk(node: LayoutNode, f: (parent: LayoutNode, child: LayoutNode) => void): void {
  for (const c of node.children) {
    f(node, c);
    walk(c, f);
  }
}

/** Every geometric promise of the layout, checked on any tree. */
function expectSoundGeometry(l: TreeLayout, root: LayoutNode, shelf: LayoutNode[] = []): void {
  // No two boxes overlap.
  const overlaps: string[] = [];
  for (let i = 0; i < l.boxes.length; i++) {
    for (let j = i + 1; j < l.boxes.length; j++) {
      const a = l.boxes[i] as BoxPlacement;
      const b = l.boxes[j] as BoxPlacement;
      const apart = a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top;
      if (!apart) overlaps.push(`${a.id} / ${b.id}`);
    }
  }
  expect(overlaps).toEqual([]);
  // Connectors never run through a box nor along its edge.
  const crossings: string[] = [];
  for (const [key, e] of l.edges) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    for (const b of l.boxes) {
      if (inside(b, r, c)) crossings.push(`${key} in ${b.id}`);
      if (e.left && inside(b, r, c - 1)) crossings.push(`${key} left edge on ${b.id}`);
      if (e.bottom && inside(b, r + 1, c)) crossings.push(`${key} bottom edge on ${b.id}`);
    }
  }
  expect(crossings).toEqual([]);
  // Every box is as wide as a box and its row heights hold its rows.
  const ids = new Map<string, LayoutNode>();
  ids.set(root.id, root);
  walk(root, (_p, c) => ids.set(c.id, c));
  for (const s of shelf) ids.set(s.id, s);
  for (const b of l.boxes) {
    expect(b.right - b.left + 1).toBe(BOX_COLS);
    const node = ids.get(b.id) as LayoutNode;
    expect(b.rowTops).toHaveLength(node.rows.length);
    expect(b.rowEnds).toHaveLength(node.rows.length);
    node.rows.forEach((h, k) => {
      // The rows an internal row spans are together at least as tall as it asked for.
      const from = b.rowTops[k] as number;
      const to = b.rowEnds[k] as number;
      let sum = 0;
      for (let r = from; r <= to; r++) sum += l.rowHeights[r - l.startRow] ?? 0;
      expect(sum).toBeGreaterThanOrEqual(h);
      if (k > 0) expect(from).toBe((b.rowEnds[k - 1] as number) + 1);
    });
    expect(b.top).toBe(b.rowTops[0]);
    expect(b.bottom).toBe(b.rowEnds[b.rowEnds.length - 1]);
  }
  // Parents and children: above, centred (side by side) or stacked on a spine, and connected.
  const hull = (node: LayoutNode): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    const visit = (x: LayoutNode): void => {
      const b = byId(l, x.id);
      lo = Math.min(lo, b.left);
      hi = Math.max(hi, b.right);
      x.children.forEach(visit);
    };
    visit(node);
    return [lo, hi];
  };
  const visitParent = (p: LayoutNode): void => {
    if (p.children.length === 0) return;
    const pb = byId(l, p.id);
    const kids = p.children.map((c) => byId(l, c.id));
    for (const k of kids) expect(k.top).toBeGreaterThan(pb.bottom);
    if (kids[0]?.stacked) {
      kids.forEach((k, i) => {
        expect(k.left).toBe(pb.left + 1);
        if (i > 0) expect(k.top).toBeGreaterThan((kids[i - 1] as BoxPlacement).bottom);
        // Spine on the parent's left edge down to the child, then a tick into it.
        for (let r = pb.bottom + 1; r <= k.top; r++)
          expect(l.edges.get(`${r},${pb.left}`)?.left).toBe(true);
        expect(l.edges.get(`${k.top},${pb.left}`)?.bottom).toBe(true);
      });
    } else {
      const first = kids[0] as BoxPlacement;
      const last = kids[kids.length - 1] as BoxPlacement;
      expect(centre(pb)).toBe((centre(first) + centre(last)) / 2);
      // A line leaves the parent's bottom at its centre, and one enters each child's top.
      expect(l.edges.get(`${pb.bottom + 1},${centre(pb)}`)?.left).toBe(true);
      for (const k of kids) expect(l.edges.get(`${k.top - 1},${centre(k)}`)?.left).toBe(true);
      // Sibling subtrees do not share columns.
      const hulls = p.children.map(hull);
      for (let i = 1; i < hulls.length; i++) {
        expect((hulls[i] as [number, number])[0]).toBeGreaterThan(
          (hulls[i - 1] as [number, number])[1]
        );
      }
    }
    p.children.forEach(visitParent);
  };
  visitParent(root);
}

describe("layoutTree", () => {
  it("puts one root over three leaves side by side, centred on the middle one", () => {
    const root = n("o", [n("a"), n("b"), n("c")]);
    const l = layoutTree(root, [], { startRow: 4 });
    expectSoundGeometry(l, root);
    expect(centre(byId(l, "o"))).toBe(centre(byId(l, "b")));
    expect(byId(l, "o").top).toBe(4);
    expect(l.slots).toBe(3);
  });

  it("stacks the deepest level under its parent and keeps the levels above side by side", () => {
    const root = n("o", [n("1", [n("1.1", [n("1.1.1"), n("1.1.2")]), n("1.2", [n("1.2.1")])])]);
    const l = layoutTree(root, [], { startRow: 0 });
    expectSoundGeometry(l, root);
    expect(byId(l, "1.1.1").stacked).toBe(true);
    expect(byId(l, "1.1.2").left).toBe(byId(l, "1.1.1").left);
    expect(byId(l, "1.2").stacked).toBe(false);
    expect(l.slots).toBe(2);
  });

  it("centres a parent over an even number of children between the middle two", () => {
    const root = n("o", [n("a"), n("b"), n("c"), n("d")]);
    const l = layoutTree(root, [], { startRow: 0 });
    expectSoundGeometry(l, root);
    expect(centre(byId(l, "o"))).toBe((centre(byId(l, "b")) + centre(byId(l, "c"))) / 2);
  });

  it("keeps uneven subtrees apart and the parent centred over its first and last child", () => {
    const root = n("o", [
      n("1", [n("1.1", [n("1.1.1")]), n("1.2", [n("1.2.1"), n("1.2.2")]), n("1.3", [])]),
      n("2", [n("2.1", [n("2.1.1"), n("2.1.2"), n("2.1.3")])]),
    ]);
    const l = layoutTree(root, [], { startRow: 0 });
    expectSoundGeometry(l, root);
    expect(byId(l, "1.3").stacked).toBe(false);
  });

  it("makes a box only as tall as its own rows even when its tier is taller", () => {
    const root = n("o", [n("1", [], [15, 20]), n("2", [], [15, 20, 40, 14, 40, 14])]);
    const l = layoutTree(root, [], { startRow: 0 });
    expectSoundGeometry(l, root);
    const height = (id: string): number => {
      const b = byId(l, id);
      let sum = 0;
      for (let r = b.top; r <= b.bottom; r++) sum += l.rowHeights[r - l.startRow] ?? 0;
      return sum;
    };
    // 15 + 20 points, in whole row units, no more.
    expect(height("1")).toBeGreaterThanOrEqual(35);
    expect(height("1")).toBeLessThan(35 + 2 * ROW_UNIT);
    expect(height("2")).toBeGreaterThanOrEqual(143);
  });

  it("hangs each stack straight under its own parent, not under the tallest box of the tier", () => {
    const tall = [15, 30, 25, 14, 25, 14, 25, 14, 25, 14];
    const root = n("o", [
      n("1", [n("1.1", [n("1.1.1"), n("1.1.2")], [15, 20]), n("1.2", [n("1.2.1")], tall)]),
    ]);
    const l = layoutTree(root, [], { startRow: 0 });
    expectSoundGeometry(l, root);
    const gap = (parent: string, child: string): number =>
      byId(l, child).top - byId(l, parent).bottom;
    expect(gap("1.1", "1.1.1")).toBe(gap("1.2", "1.2.1"));
    expect(byId(l, "1.1.1").top).toBeLessThan(byId(l, "1.2").bottom);
  });

  it("offers page breaks only on rows that no box straddles", () => {
    const root = seedShaped();
    const l = layoutTree(root, [], { startRow: 4 });
    expect(l.breakCandidates.length).toBeGreaterThan(10);
    for (const r of l.breakCandidates) {
      for (const b of l.boxes) expect(b.top < r && r <= b.bottom).toBe(false);
    }
  });

  it("moves stacked boxes off page ends so every page starts between boxes and fits", () => {
    const root = seedShaped();
    const pageHeight = 400;
    const l = layoutTree(root, [n("x")], { startRow: 4, pageHeight, firstPageUsed: 50 });
    expectSoundGeometry(l, root, [n("x")]);
    expect(l.pageBreaks.length).toBeGreaterThan(2);
    for (const r of l.pageBreaks) {
      for (const b of l.boxes)
        expect({ r, id: b.id, cut: b.top < r && r <= b.bottom }).toEqual({
          r,
          id: b.id,
          cut: false,
        });
    }
    const starts = [4, ...l.pageBreaks, l.endRow + 1];
    for (let i = 0; i + 1 < starts.length; i++) {
      let h = i === 0 ? 50 : 0;
      for (let r = starts[i] as number; r < (starts[i + 1] as number); r++)
        h += l.rowHeights[r - 4] ?? 0;
      expect(h).toBeLessThanOrEqual(pageHeight);
    }
  });

  it("draws the seed's 44 conditions nine slots wide, within an A3 landscape page at 70% or more", () => {
    const root = seedShaped();
    const l = layoutTree(root, [], { startRow: 4 });
    expectSoundGeometry(l, root);
    expect(l.boxes).toHaveLength(45);
    expect(l.slots).toBe(9);
    const widthPt = l.cols * columnPoints(COL_WIDTH);
    const a3 = printableSize("A3", "landscape");
    expect(widthPt * 0.7).toBeLessThanOrEqual(a3.width);
    // Seven stacked under 1.4: the tallest stack sets the number of stack tiers.
    expect(l.boxes.filter((b) => b.stacked)).toHaveLength(34);
  });

  it("puts boxes that cannot be placed on a shelf below the tree, under a title row", () => {
    const root = n("o", [n("1", [n("1.1")])]);
    const shelfNodes = [n("x"), n("y"), n("z")];
    const l = layoutTree(root, shelfNodes, { startRow: 0, shelfPerRow: 2 });
    expectSoundGeometry(l, root, shelfNodes);
    const treeBottom = Math.max(...l.boxes.filter((b) => !b.shelf).map((b) => b.bottom));
    expect(l.shelfTitleRow).not.toBeNull();
    expect(l.shelfTitleRow as number).toBeGreaterThan(treeBottom);
    const shelf = l.boxes.filter((b) => b.shelf);
    expect(shelf.map((b) => b.id)).toEqual(["x", "y", "z"]);
    for (const b of shelf) expect(b.top).toBeGreaterThan(l.shelfTitleRow as number);
    // Two per row: z goes below x.
    expect(byId(l, "z").top).toBeGreaterThan(byId(l, "x").bottom);
    expect(l.breakCandidates).toContain(l.shelfTitleRow);
    expect(l.breakCandidates).not.toContain((l.shelfTitleRow as number) + 1);
  });
});

describe("layoutCols", () => {
  it("gives the width layoutTree uses, for trees of every shape and with a shelf", () => {
    const cases: [LayoutNode, LayoutNode[], number | undefined][] = [
      [n("o"), [], undefined],
      [n("o", [n("1"), n("2")]), [], undefined],
      [seedShaped(), [], undefined],
      [n("o", [n("1", [n("1.1", [n("1.1.1"), n("1.1.2")]), n("1.2")]), n("2")]), [], undefined],
      [n("o", [n("1", [n("1.1")])]), [n("x"), n("y"), n("z"), n("w"), n("v")], undefined],
      [n("o", [n("1", [n("1.1")])]), [n("x"), n("y"), n("z")], 2],
    ];
    for (const [root, shelf, shelfPerRow] of cases) {
      const opts = shelfPerRow === undefined ? {} : { shelfPerRow };
      expect(layoutCols(root, shelf, opts)).toBe(
        layoutTree(root, shelf, { startRow: 4, ...opts }).cols
      );
    }
    // Five shelf boxes on a one-slot tree: the shelf (four across) is the widest part.
    expect(layoutCols(n("o", [n("1", [n("1.1")])]), [n("a"), n("b"), n("c"), n("d"), n("e")])).toBe(
      4 * 8
    );
  });
});

describe("TreeLayout connectors", () => {
  it("visits the same cells with the same sides as the edges map, in the same order", () => {
    const l = layoutTree(seedShaped(), [], { startRow: 4, pageHeight: 400 });
    const visited: [
      string,
      { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean },
    ][] = [];
    l.forEachConnector((r, c, bits) => {
      const e: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean } = {};
      if (bits & EDGE_TOP) e.top = true;
      if (bits & EDGE_BOTTOM) e.bottom = true;
      if (bits & EDGE_LEFT) e.left = true;
      if (bits & EDGE_RIGHT) e.right = true;
      visited.push([`${r},${c}`, e]);
    });
    expect(visited.length).toBeGreaterThan(100);
    expect(visited).toEqual([...l.edges]);
  });

  it("gives the lines as maximal straight runs that draw exactly the connector cells' sides", () => {
    // Two stacked levels' worth of shapes, a shelf, and page ends that move stacked boxes.
    for (const [root, pageHeight] of [
      [seedShaped(), 400],
      [seedShaped(), 10_000],
      [n("o", [n("1", [n("1.1", [n("1.1.1")]), n("1.2")]), n("2")]), 300],
      [n("o", [n("1"), n("2"), n("3")]), 300],
    ] as const) {
      const l = layoutTree(root, [n("x")], { startRow: 4, pageHeight });
      const fromCells = new Set<string>();
      l.forEachConnector((r, c, bits) => {
        for (const side of [EDGE_TOP, EDGE_BOTTOM, EDGE_LEFT, EDGE_RIGHT])
          if (bits & side) fromCells.add(`${r},${c},${side}`);
      });
      const fromRuns: string[] = [];
      const runs: [number, number, number, number, number][] = [];
      l.forEachConnectorRun((side, top, left, bottom, right) => {
        const vertical = side === EDGE_LEFT || side === EDGE_RIGHT;
        // One column for a left or right side, one row for a top or bottom side.
        expect(vertical ? left === right : top === bottom).toBe(true);
        runs.push([side, top, left, bottom, right]);
        for (let r = top; r <= bottom; r++)
          for (let c = left; c <= right; c++) fromRuns.push(`${r},${c},${side}`);
      });
      // Every side of every connector cell, each once: no run overlaps another.
      expect(fromRuns.length).toBe(new Set(fromRuns).size);
      expect(new Set(fromRuns)).toEqual(fromCells);
      // Maximal: no run could be extended by a cell carrying the same side.
      for (const [side, top, left, bottom, right] of runs) {
        const vertical = side === EDGE_LEFT || side === EDGE_RIGHT;
        const before = vertical ? `${top - 1},${left},${side}` : `${top},${left - 1},${side}`;
        const after = vertical ? `${bottom + 1},${left},${side}` : `${top},${right + 1},${side}`;
        expect(fromCells.has(before) || fromCells.has(after)).toBe(false);
      }
      expect(runs.length).toBeLessThan(fromCells.size);
    }
  });
});

describe("pageBreaks", () => {
  it("breaks only at candidate rows, before the page would overflow", () => {
    // Rows 0..9 of 10 pt; tiers start at 0, 3, 6, 8; a page holds 50 pt.
    const heights = Array.from({ length: 10 }, () => 10);
    expect(pageBreaks(heights, 0, [0, 3, 6, 8], 50)).toEqual([3, 8]);
  });

  it("gives no breaks when everything fits", () => {
    expect(pageBreaks([10, 10, 10], 0, [1, 2], 100)).toEqual([]);
  });
});
