import type { WorkbookGrids } from "../../src/core/grid";
import { emptySheetPlan, markerText, type SheetPlan } from "../../src/core/plan";
import { planRefusals, sameValue } from "../../src/core/plan-guard";

function update(sheet: string, expect: SheetPlan["expect"]): SheetPlan {
  const sp = emptySheetPlan(sheet, "update");
  sp.expect = expect;
  return sp;
}

const grids: WorkbookGrids = {
  sheets: [
    {
      name: "Target",
      values: [
        ["Kode", "Indikator"],
        ["1.1", 82.5],
      ],
      formulas: [[], [null, null]],
    },
    { name: "Pohon Kinerja", values: [[markerText("pohon", "id")]] },
    { name: "Kunci", values: [[markerText("hasil", "id")]], protected: true },
    { name: "Catatan", values: [["milik saya"]] },
  ],
};

describe("the pre-write guard", () => {
  it("lets through a plan whose sheets are free, its own, and unchanged", () => {
    const plan = {
      sheets: [
        emptySheetPlan("pohon kinerja", "create", "pohon"),
        emptySheetPlan("Baru", "create", "kertas-kerja"),
        update("target", [{ row: 1, col: 1, value: 82.5, formula: null }]),
      ],
    };
    expect(planRefusals(plan, grids)).toEqual([]);
  });

  it("names every refusal with its sheet as the workbook spells it, in the plan's order", () => {
    const plan = {
      sheets: [
        emptySheetPlan("catatan", "create", "hasil"),
        emptySheetPlan("Pohon Kinerja", "create", "hasil"),
        emptySheetPlan("kunci", "create", "hasil"),
        update("Hilang", []),
        update("Kunci", []),
        update("Target", [
          { row: 1, col: 1, value: 80, formula: null },
          { row: 0, col: 0, value: "Kode", formula: null },
        ]),
      ],
    };
    expect(planRefusals(plan, grids)).toEqual([
      { reason: "notGenerated", sheet: "Catatan", kind: "hasil" },
      { reason: "notGenerated", sheet: "Pohon Kinerja", kind: "hasil" },
      { reason: "protected", sheet: "Kunci" },
      { reason: "missingSheet", sheet: "Hilang" },
      { reason: "protected", sheet: "Kunci" },
      {
        reason: "changed",
        sheet: "Target",
        row: 1,
        col: 1,
        cell: "'Target'!B2",
        expected: 80,
        actual: 82.5,
      },
    ]);
  });

  it("refuses a sheet added to a workbook whose structure is protected, first", () => {
    const plan = { sheets: [update("Target", []), emptySheetPlan("Baru", "create", "pohon")] };
    expect(planRefusals(plan, grids, { structureProtected: true })).toEqual([
      { reason: "workbookProtected", sheet: "Baru" },
    ]);
    expect(
      planRefusals({ sheets: [update("Target", [])] }, grids, { structureProtected: true })
    ).toEqual([]);
  });

  it("refuses a cell whose formula changed though its value did not", () => {
    const withFormula: WorkbookGrids = {
      sheets: [{ name: "T", values: [[2]], formulas: [["=1+1"]] }],
    };
    const plan = { sheets: [update("T", [{ row: 0, col: 0, value: 2, formula: null }])] };
    expect(planRefusals(plan, withFormula)).toMatchObject([
      { reason: "changed", cell: "'T'!A1", expected: 2, actual: "=1+1" },
    ]);
  });
});

describe("sameValue", () => {
  it("takes blanks alike and numbers within a file's rounding, nothing else", () => {
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(1000, 1000.01)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue("82,5", 82.5)).toBe(false);
    expect(sameValue(true, "TRUE")).toBe(false);
  });
});
