import type { WorkbookGrids } from "../../../src/core/grid";
import {
  combineFixes,
  composeEdits,
  gridsWithEdits,
  planEdits,
  planUndo,
  type CellEdit,
  type Fix,
} from "../../../src/core/fixes";

const TEXT = "A (2.1)\nB (2.2)";

const splice = (from: number, to: number, text: string, after: string): CellEdit => ({
  sheet: "CSF",
  row: 19,
  col: 2,
  before: TEXT,
  after,
  splices: [{ from, to, text }],
});

const fix = (id: string, ...edits: CellEdit[]): Fix => ({
  id,
  rule: "code-parent-mismatch",
  findings: [],
  cell: null,
  code: null,
  edits,
  description: id,
  params: {},
});

const number: CellEdit = {
  sheet: "Target & Realisasi",
  row: 5,
  col: 3,
  before: "82,5",
  after: 82.5,
  numberFormat: "0.0",
  numberFormatBefore: null,
};

describe("putting fixes together", () => {
  it("merges fixes changing different parts of one cell into one edit", () => {
    const a = fix("a", splice(3, 6, "1.2.1", "A (1.2.1)\nB (2.2)"));
    const b = fix("b", splice(11, 14, "1.2.2", "A (2.1)\nB (1.2.2)"));
    const { edits, applied, skipped } = combineFixes([a, b]);
    expect(edits.map((e) => e.after)).toEqual(["A (1.2.1)\nB (1.2.2)"]);
    expect([applied.length, skipped.length]).toEqual([2, 0]);
  });

  it("leaves out a fix wanting the same characters as one before it", () => {
    const a = fix("a", splice(3, 6, "1.2.1", "A (1.2.1)\nB (2.2)"));
    const b = fix("b", splice(3, 6, "1.3.1", "A (1.3.1)\nB (2.2)"), number);
    const { edits, skipped } = combineFixes([a, b]);
    expect(skipped.map((f) => f.id)).toEqual(["b"]);
    // Nothing of a skipped fix is written, not even its other cells.
    expect(edits.map((e) => e.after)).toEqual(["A (1.2.1)\nB (2.2)"]);
  });
});

describe("the write plan of the edits", () => {
  it("updates each sheet, expecting every cell to hold what the check read", () => {
    const plan = planEdits([splice(3, 6, "1.2.1", "A (1.2.1)\nB (2.2)"), number]);
    expect(plan.sheets.map((s) => [s.sheet, s.mode, s.cells, s.expect, s.formats])).toEqual([
      [
        "CSF",
        "update",
        [{ row: 19, col: 2, value: "A (1.2.1)\nB (2.2)" }],
        [{ row: 19, col: 2, value: TEXT, formula: null }],
        [],
      ],
      [
        "Target & Realisasi",
        "update",
        [{ row: 5, col: 3, value: 82.5 }],
        [{ row: 5, col: 3, value: "82,5", formula: null }],
        [{ range: { top: 5, left: 3, bottom: 5, right: 3 }, style: { numberFormat: "0.0" } }],
      ],
    ]);
  });

  it("undoes them: the values read put back where the fix's values still are", () => {
    const plan = planUndo([number]);
    expect(plan.sheets.map((s) => [s.cells, s.expect, s.formats])).toEqual([
      [
        [{ row: 5, col: 3, value: "82,5" }],
        [{ row: 5, col: 3, value: 82.5, formula: null }],
        [{ range: { top: 5, left: 3, bottom: 5, right: 3 }, style: { numberFormat: "General" } }],
      ],
    ]);
  });
});

describe("the grids after the edits", () => {
  it("hold the new values and formats and leave the grids read unchanged", () => {
    const wb: WorkbookGrids = {
      sheets: [
        { name: "CSF", values: [["x"]] },
        { name: "Target & Realisasi", values: [] },
      ],
    };
    const after = gridsWithEdits(wb, [number]);
    expect(after.sheets[1]?.values[5]?.[3]).toBe(82.5);
    expect(after.sheets[1]?.numberFormats?.[5]?.[3]).toBe("0.0");
    expect(after.sheets[0]).toBe(wb.sheets[0]);
    expect(wb.sheets[1]?.values).toEqual([]);
  });
});

describe("edits of two rounds", () => {
  it("become one edit per cell, from the first value read to the last written", () => {
    const first = splice(3, 6, "1.2.1", "A (1.2.1)\nB (2.2)");
    const second: CellEdit = { ...first, before: first.after, after: "A2 (1.2.1)\nB (2.2)" };
    expect(composeEdits([first, number], [second])).toEqual([
      { sheet: "CSF", row: 19, col: 2, before: TEXT, after: "A2 (1.2.1)\nB (2.2)" },
      number,
    ]);
  });
});
