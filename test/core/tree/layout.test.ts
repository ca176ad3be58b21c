import {
  ROW_UNIT,
  balancedRuns,
  connectorRuns,
  layoutTree,
  slotCols,
  type BoxPlacement,
  type ConnectorLine,
  type LayoutNode,
  type LayoutOptions,
  type TreeLayout,
} from "../../../src/core/tree/layout";

const BOX = 10;

/** A node whose parts are the given heights in points. */
function n(
  id: string,
  children: LayoutNode[] = [],
  parts: number[] = [9.75, 18.4, 27.6, 9.2]
): LayoutNode {
  return { id, parts, children };
}

function lay(
  root: LayoutNode,
  shelf: LayoutNode[] = [],
  opts: Partial<LayoutOptions> = {}
): TreeLayout {
  return layoutTree(root, shelf, { startRow: 4, boxCols: BOX, ...opts });
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
          [9.75, 27.6 + ((i * 7 + j * 5) % 4) * 9.2, 27.6, 9.2, ...(j % 3 === 0 ? [36.8, 9.2] : [])]
        )
      ),
      [9.75, 27.6, 27.6, 9.2, ...(i === 7 ? [18.4, 9.2, 18.4, 9.2, 27.6, 9.2] : [])]
    )
  );
  return n("outcome", [n("1", antara, [9.75, 27.6, 27.6, 9.2])], [9.75, 18.4]);
}

const byId = (l: TreeLayout, id: string, kind?: BoxPlacement["kind"]): BoxPlacement => {
  const b = l.boxes.find((x) => x.id === id && (kind === undefined || x.kind === kind));
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const inside = (b: BoxPlacement, r: number, c: number): boolean =>
  r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
const centre = (b: BoxPlacement): number => (b.left + b.right + 1) / 2;

/** Every side of every cell the lines draw, as "row,col,side". */
function sides(lines: readonly ConnectorLine[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines)
    for (let r = l.top; r <= l.bottom; r++)
      for (let c = l.left; c <= l.right; c++) out.add(`${r},${c},${l.side}`);
  return out;
}

function walk(node: LayoutNode, f: (parent: LayoutNode, child: LayoutNode) => void): void {
  for (const c of node.children) {
    f(node, c);
    walk(c, f);
  }
}

/** Every geometric promise of the layout, checked on any tree. */
function expectSoundGeometry(l: TreeLayout, root: LayoutNode, shelf: LayoutNode[] = []): void {
  // No two boxes overlap or touch.
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
  for (const key of sides(l.lines)) {
    const [r, c, side] = key.split(",") as [string, string, string];
    const row = Number(r);
    const col = Number(c);
    for (const b of l.boxes) {
      if (inside(b, row, col)) crossings.push(`${key} in ${b.id}`);
      if (side === "left" && inside(b, row, col - 1)) crossings.push(`${key} on ${b.id}`);
      if (side === "bottom" && inside(b, row + 1, col)) crossings.push(`${key} on ${b.id}`);
    }
  }
  expect(crossings).toEqual([]);
  // Every box's rows hold its parts; stacked and shelf boxes are a box wide, others at least.
  const ids = new Map<string, LayoutNode>([[root.id, root]]);
  walk(root, (_p, c) => ids.set(c.id, c));
  for (const s of shelf) ids.set(s.id, s);
  for (const b of l.boxes) {
    const width = b.right - b.left + 1;
    if (b.kind === "stacked" || b.kind === "shelf") expect(width).toBe(BOX);
    else expect(width).toBeGreaterThanOrEqual(BOX);
    const node = ids.get(b.id) as LayoutNode;
    const parts = b.kind === "continued" ? node.parts.slice(0, 2) : node.parts;
    expect(b.partTops).toHaveLength(parts.length);
    parts.forEach((h, k) => {
      const from = b.partTops[k] as number;
      const to = b.partEnds[k] as number;
      let sum = 0;
      for (let r = from; r <= to; r++) sum += l.rowHeights[r - l.startRow] ?? 0;
      expect(sum).toBeGreaterThanOrEqual(h - 1e-9);
      if (k > 0) expect(from).toBe((b.partEnds[k - 1] as number) + 1);
    });
    expect(b.top).toBe(b.partTops[0]);
    expect(b.bottom).toBe(b.partEnds[b.partEnds.length - 1]);
  }
}

/** Parents over their children: centred and joined by a bus, or a stack on a spine. */
function expectConnected(l: TreeLayout, root: LayoutNode): void {
  const drawn = sides(l.lines);
  walk(root, (p, _c) => {
    const pb = byId(l, p.id, "tier");
    const kids = p.children.map((c) => byId(l, c.id));
    for (const k of kids) expect(k.top).toBeGreaterThan(pb.bottom);
    if (kids[0]?.kind === "stacked") {
      for (const k of kids) expect(drawn.has(`${k.top},${k.left - 1},bottom`)).toBe(true);
    } else {
      const first = kids[0] as BoxPlacement;
      const last = kids[kids.length - 1] as BoxPlacement;
      // Centred over its first and last child, on a whole column (the left one of a half).
      expect(centre(pb)).toBe(Math.floor((centre(first) + centre(last)) / 2));
      expect(drawn.has(`${pb.bottom + 1},${centre(pb)},left`)).toBe(true);
      for (const k of kids) expect(drawn.has(`${k.top - 1},${centre(k)},left`)).toBe(true);
    }
  });
}

describe("layoutTree", () => {
  it("puts one root over three leaves side by side, centred on the middle one", () => {
    const root = n("o", [n("a"), n("b"), n("c")]);
    const l = lay(root);
    expectSoundGeometry(l, root);
    expectConnected(l, root);
    expect(centre(byId(l, "o"))).toBe(centre(byId(l, "b")));
    expect(byId(l, "o").top).toBe(4);
    expect(l.cols).toBe(3 * slotCols(BOX));
  });

  it("stacks the leaves of a parent under it and keeps the levels above side by side", () => {
    const root = n("o", [n("1", [n("1.1", [n("1.1.1"), n("1.1.2")]), n("1.2", [n("1.2.1")])])]);
    const l = lay(root);
    expectSoundGeometry(l, root);
    expectConnected(l, root);
    expect(byId(l, "1.1.1").kind).toBe("stacked");
    expect(byId(l, "1.1.1").left).toBe(byId(l, "1.1").left + 1);
    expect(byId(l, "1.1.2").left).toBe(byId(l, "1.1.1").left);
    expect(byId(l, "1.2").kind).toBe("tier");
  });

  it("lays out trees of any depth, each parent of leaves stacking its own", () => {
    // Four levels under the outcome in one branch, two in the other: every level between the
    // CSF and the leaves is drawn side by side, the leaves stacked wherever they are.
    const root = n("o", [
      n("1", [
        n("1.1", [n("1.1.1", [n("1.1.1.1"), n("1.1.1.2")]), n("1.1.2")]),
        n("1.2", [n("1.2.1")]),
      ]),
      n("2", [n("2.1"), n("2.2")]),
    ]);
    const l = lay(root);
    expectSoundGeometry(l, root);
    expectConnected(l, root);
    expect(byId(l, "1.1.1.1").kind).toBe("stacked");
    expect(byId(l, "1.2.1").kind).toBe("stacked");
    expect(byId(l, "2.1").kind).toBe("stacked");
    // A leaf beside a parent of leaves stays in its tier.
    expect(byId(l, "1.1.2").kind).toBe("tier");
  });

  it("makes a parent over a wide subtree wider than a box, within its subtree's columns", () => {
    const root = seedShaped();
    const l = lay(root);
    expectSoundGeometry(l, root);
    const outcome = byId(l, "outcome");
    expect(outcome.right - outcome.left + 1).toBeGreaterThan(2 * BOX);
    // An antara with its stack keeps a box's width.
    expect(byId(l, "1.1").right - byId(l, "1.1").left + 1).toBe(BOX);
  });

  it("makes a box only as tall as its own parts even when its tier is taller", () => {
    const root = n("o", [n("1", [], [9.75, 18.4]), n("2", [], [9.75, 18.4, 36.8, 9.2, 36.8, 9.2])]);
    const l = lay(root);
    expectSoundGeometry(l, root);
    expect(byId(l, "1").bottom - byId(l, "1").top + 1).toBe(3);
    expect(byId(l, "2").bottom - byId(l, "2").top + 1).toBe(1 + 2 + 4 + 1 + 4 + 1);
  });

  it("hangs each stack straight under its own parent, not under the tallest box of the tier", () => {
    const tall = [9.75, 27.6, 18.4, 9.2, 18.4, 9.2, 18.4, 9.2];
    const root = n("o", [
      n("1", [n("1.1", [n("1.1.1"), n("1.1.2")], [9.75, 9.2]), n("1.2", [n("1.2.1")], tall)]),
    ]);
    const l = lay(root);
    expectSoundGeometry(l, root);
    const gap = (parent: string, child: string): number =>
      byId(l, child).top - byId(l, parent).bottom;
    expect(gap("1.1", "1.1.1")).toBe(gap("1.2", "1.2.1"));
    expect(byId(l, "1.1.1").top).toBeLessThan(byId(l, "1.2").bottom);
  });

  it("folds a stack into columns under a bus, the parent centred over them", () => {
    const root = seedShaped();
    const folds = new Map([["1.4", 2]]);
    const l = lay(root, [], { folds });
    expectSoundGeometry(l, root);
    const kids = root.children[0]?.children[3]?.children.map((c) => byId(l, c.id)) ?? [];
    const columns = [...new Set(kids.map((k) => k.left))];
    expect(columns).toHaveLength(2);
    // Down each column in order: the first children in the left column, the rest in the right.
    const left = kids.filter((k) => k.left === Math.min(...columns));
    expect(left.map((k) => k.id)).toEqual(kids.slice(0, left.length).map((k) => k.id));
    for (let i = 1; i < left.length; i++)
      expect((left[i] as BoxPlacement).top).toBeGreaterThan((left[i - 1] as BoxPlacement).bottom);
    // Two slots wide, and the folded stack is shorter than the unfolded one.
    expect(l.cols).toBe(10 * slotCols(BOX));
    const unfolded = lay(root);
    expect(Math.max(...kids.map((k) => k.bottom))).toBeLessThan(
      Math.max(...root.children[0]!.children[3]!.children.map((c) => byId(unfolded, c.id).bottom))
    );
    // Every child hangs from a spine by a tick.
    const drawn = sides(l.lines);
    for (const k of kids) expect(drawn.has(`${k.top},${k.left - 1},bottom`)).toBe(true);
  });

  it("moves stacked boxes off page ends, continuing each stack under a repeated parent", () => {
    const root = seedShaped();
    const pageHeight = 400;
    const shelf = [n("x")];
    const l = lay(root, shelf, { pageHeight, firstPageUsed: 50 });
    expectSoundGeometry(l, root, shelf);
    expect(l.pageBreaks.length).toBeGreaterThan(2);
    for (const r of l.pageBreaks)
      for (const b of l.boxes)
        expect({ r, id: b.id, cut: b.top < r && r <= b.bottom }).toEqual({
          r,
          id: b.id,
          cut: false,
        });
    const starts = [4, ...l.pageBreaks, l.endRow + 1];
    for (let i = 0; i + 1 < starts.length; i++) {
      let h = i === 0 ? 50 : 0;
      for (let r = starts[i] as number; r < (starts[i + 1] as number); r++)
        h += l.rowHeights[r - 4] ?? 0;
      expect(h).toBeLessThanOrEqual(pageHeight);
    }
    // A stack that goes on past a page end starts the next page with its parent repeated,
    // and every continued box opens a page, in its parent's columns.
    const continued = l.boxes.filter((b) => b.kind === "continued");
    expect(continued.length).toBeGreaterThan(0);
    for (const c of continued) {
      expect(l.pageBreaks).toContain(c.top);
      expect(c.left).toBe(byId(l, c.id, "tier").left);
    }
  });

  it("puts boxes that cannot be placed on a shelf below the tree, under a title row", () => {
    const root = n("o", [n("1", [n("1.1")])]);
    const shelfNodes = [n("x"), n("y"), n("z")];
    const l = lay(root, shelfNodes, { shelfPerRow: 2 });
    expectSoundGeometry(l, root, shelfNodes);
    const treeBottom = Math.max(...l.boxes.filter((b) => b.kind !== "shelf").map((b) => b.bottom));
    expect(l.shelfTitleRow).not.toBeNull();
    expect(l.shelfTitleRow as number).toBeGreaterThan(treeBottom);
    const shelf = l.boxes.filter((b) => b.kind === "shelf");
    expect(shelf.map((b) => b.id)).toEqual(["x", "y", "z"]);
    for (const b of shelf) expect(b.top).toBeGreaterThan(l.shelfTitleRow as number);
    // Two per row: z goes below x.
    expect(byId(l, "z").top).toBeGreaterThan(byId(l, "x").bottom);
  });

  it("keeps every row below the tiers one unit high, so any box can start on any of them", () => {
    const l = lay(seedShaped());
    const lastTier = Math.max(...l.boxes.filter((b) => b.kind === "tier").map((b) => b.top));
    for (let r = lastTier; r <= l.endRow; r++) expect(l.rowHeights[r - l.startRow]).toBe(ROW_UNIT);
  });
});

describe("balancedRuns", () => {
  it("cuts a list into runs whose tallest is as short as it can be, none empty", () => {
    expect(balancedRuns([1, 1, 1, 1], 2)).toEqual([2, 2]);
    expect(balancedRuns([5, 1, 1, 1, 1, 1], 2)).toEqual([1, 5]);
    expect(balancedRuns([3, 3, 3], 3)).toEqual([1, 1, 1]);
    expect(balancedRuns([1, 2], 5)).toEqual([1, 1]);
    for (let seed = 1; seed < 200; seed++) {
      const heights = Array.from(
        { length: 2 + (seed % 9) },
        (_, i) => 1 + ((seed * 7 + i * 13) % 11)
      );
      const k = 2 + (seed % 3);
      const runs = balancedRuns(heights, k);
      expect(runs.reduce((a, b) => a + b, 0)).toBe(heights.length);
      expect(runs.every((r) => r > 0)).toBe(true);
      // No other cut into at most k runs has a shorter tallest run (checked by brute force).
      const tallest = (cut: number[]): number => {
        let i = 0;
        return Math.max(...cut.map((c) => heights.slice(i, (i += c)).reduce((a, b) => a + b, 0)));
      };
      const best = (from: number, left: number): number => {
        if (from === heights.length) return 0;
        if (left === 1) return heights.slice(from).reduce((a, b) => a + b, 0);
        let b = Infinity;
        for (let end = from + 1; end <= heights.length; end++)
          b = Math.min(
            b,
            Math.max(
              heights.slice(from, end).reduce((x, y) => x + y, 0),
              best(end, left - 1)
            )
          );
        return b;
      };
      expect(tallest(runs)).toBe(best(0, k));
    }
  });
});

describe("connectorRuns", () => {
  it("gives the lines as maximal straight runs that draw exactly the lines' cell sides", () => {
    for (const [root, pageHeight] of [
      [seedShaped(), 400],
      [seedShaped(), 10_000],
      [n("o", [n("1", [n("1.1", [n("1.1.1")]), n("1.2")]), n("2")]), 300],
      [n("o", [n("1"), n("2"), n("3")]), 300],
    ] as const) {
      const l = lay(root, [n("x")], { pageHeight });
      const runs = connectorRuns(l.lines);
      const fromRuns: string[] = [];
      for (const run of runs) {
        const vertical = run.side === "left" || run.side === "right";
        // One column for a left or right side, one row for a top or bottom side.
        expect(vertical ? run.left === run.right : run.top === run.bottom).toBe(true);
        for (let r = run.top; r <= run.bottom; r++)
          for (let c = run.left; c <= run.right; c++) fromRuns.push(`${r},${c},${run.side}`);
      }
      // Every side of every connector cell, each once: no run overlaps another.
      expect(fromRuns.length).toBe(new Set(fromRuns).size);
      const cells = sides(l.lines);
      expect(new Set(fromRuns)).toEqual(cells);
      // Maximal: no run could be extended by a cell carrying the same side.
      for (const { side, top, left, bottom, right } of runs) {
        const vertical = side === "left" || side === "right";
        const before = vertical ? `${top - 1},${left},${side}` : `${top},${left - 1},${side}`;
        const after = vertical ? `${bottom + 1},${left},${side}` : `${top},${right + 1},${side}`;
        expect(cells.has(before) || cells.has(after)).toBe(false);
      }
      expect(runs.length).toBeLessThanOrEqual(l.lines.length);
    }
  });
});
