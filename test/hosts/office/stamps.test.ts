/** Which boxes of a created sheet the Office.js host copies from which (planStamps). */
import { planStamps } from "../../../src/hosts/office/stamps";
import { emptySheetPlan, type CellStyle, type SheetPlan } from "../../../src/core/plan";
import type { CellRange } from "../../../src/core/grid";

const line = { style: "thin", color: "#595959" } as const;
const outline: CellStyle = {
  fill: "#FFFFFF",
  border: { top: line, bottom: line, left: line, right: line },
};
const head: CellStyle = { fill: "#FFD966", bold: true };
const values: CellStyle = { numberFormat: '"T "General' };

/** A box of 4 rows and 3 columns at (top, left): outline, merged head, a number format. */
function box(sp: SheetPlan, top: number, left: number, headStyle = head): CellRange {
  const b = { top, left, bottom: top + 3, right: left + 2 };
  sp.formats.push({ range: b, style: outline });
  const h = { top, left, bottom: top, right: left + 2 };
  sp.merges.push(h);
  sp.formats.push({ range: h, style: headStyle });
  sp.formats.push({ range: { top: top + 3, left, bottom: top + 3, right: left }, style: values });
  (sp.blocks ??= []).push(b);
  return b;
}

describe("planStamps", () => {
  it("writes the first box of a look in full and copies it onto the others", () => {
    const sp = emptySheetPlan("Pohon", "create");
    const a = box(sp, 2, 1);
    const b = box(sp, 2, 10);
    const c = box(sp, 2, 20, { fill: "#9DC3E6" });
    const s = planStamps(sp);
    expect(s?.copies).toEqual([{ source: a, target: b }]);
    // The copied box's merge and formats are left to the copy; the others are written.
    expect(s?.merges).toEqual([sp.merges[0], sp.merges[2]]);
    expect(s?.templateFormats).toEqual(sp.formats.slice(0, 3).concat(sp.formats.slice(6, 9)));
    expect(s?.otherFormats).toEqual([]);
    expect(c.left).toBe(20);
  });

  it.each<[string, (sp: SheetPlan) => void]>([
    [
      "a format on one of its cells",
      (sp) =>
        sp.formats.push({
          range: { top: 3, left: 12, bottom: 3, right: 14 },
          style: { italic: true },
        }),
    ],
    [
      "a border drawn on its outline from the cell beside it",
      (sp) =>
        sp.formats.push({
          range: { top: 3, left: 13, bottom: 3, right: 13 },
          style: { border: { left: line } },
        }),
    ],
    [
      "a merge reaching into it",
      (sp) => sp.merges.push({ top: 5, left: 11, bottom: 6, right: 11 }),
    ],
    ["a box touching it", (sp) => box(sp, 2, 13)],
  ])("does not copy onto a box with %s", (_why, spoil) => {
    const sp = emptySheetPlan("Pohon", "create");
    box(sp, 2, 1);
    box(sp, 2, 10);
    spoil(sp);
    const s = planStamps(sp);
    const copied = (s?.copies ?? []).map((c) => c.target.left);
    expect(copied).not.toContain(10);
  });

  it("keeps a format outside every box that draws next to one, not on it", () => {
    const sp = emptySheetPlan("Pohon", "create");
    box(sp, 2, 1);
    box(sp, 2, 10);
    // A connector down the left edge of the column left of the box: not the box's outline.
    const spine = {
      range: { top: 2, left: 9, bottom: 9, right: 9 },
      style: { border: { left: line } },
    };
    sp.formats.push(spine);
    const s = planStamps(sp);
    expect(s?.copies.map((c) => c.target.left)).toEqual([10]);
    expect(s?.otherFormats).toEqual([spine]);
  });

  it("copies a stack of boxes alike in doubling runs", () => {
    const sp = emptySheetPlan("Pohon", "create");
    const boxes = Array.from({ length: 8 }, (_, i) => box(sp, 2 + 5 * i, 1));
    const s = planStamps(sp);
    const span = (from: number, to: number) => ({
      top: boxes[from]?.top,
      left: 1,
      bottom: boxes[to]?.bottom,
      right: 3,
    });
    expect(s?.copies).toEqual([
      { source: boxes[0], target: boxes[1] },
      { source: span(0, 1), target: span(2, 3) },
      { source: span(0, 3), target: span(4, 7) },
    ]);
    expect(s?.merges).toEqual([sp.merges[0]]);
  });

  it.each<[string, number[], boolean, boolean]>([
    ["spaced alike", [2, 7, 12, 17], false, true],
    ["spaced alike with a format between them", [2, 7, 12, 17], true, false],
    ["spaced differently", [2, 7, 12, 18], false, false],
  ])("copies two boxes at once only when %s", (_why, tops, between, run) => {
    const sp = emptySheetPlan("Pohon", "create");
    const boxes = tops.map((t) => box(sp, t, 1));
    if (between)
      sp.formats.push({
        range: { top: 16, left: 2, bottom: 16, right: 2 },
        style: { fill: "#EEEEEE" },
      });
    const s = planStamps(sp);
    const [b0, b1, b2, b3] = boxes as [CellRange, CellRange, CellRange, CellRange];
    expect(s?.copies).toEqual(
      run
        ? [
            { source: b0, target: b1 },
            { source: { ...b0, bottom: b1.bottom }, target: { ...b2, bottom: b3.bottom } },
          ]
        : [
            { source: b0, target: b1 },
            { source: b0, target: b2 },
            { source: b0, target: b3 },
          ]
    );
  });

  it("leaves sheets without blocks, updates and a single box alone", () => {
    const update = emptySheetPlan("CSF", "update");
    box(update, 2, 1);
    box(update, 2, 10);
    expect(planStamps(update)).toBeNull();
    const one = emptySheetPlan("Pohon", "create");
    box(one, 2, 1);
    expect(planStamps(one)).toBeNull();
    expect(planStamps(emptySheetPlan("Pohon", "create"))).toBeNull();
  });
});
