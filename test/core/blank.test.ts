import { blankCsfPlan } from "../../src/core/blank";
import { readWorkbook } from "../../src/core/reader";
import { planToGrids } from "../helpers/plan-to-grids";

describe("blankCsfPlan (Kertas kerja baru)", () => {
  it("makes CSF, Uraian Kondisi and Target & Realisasi in an empty workbook, CSF active", () => {
    const plan = blankCsfPlan("id", { sheets: [{ name: "Sheet1", values: [] }] });
    expect(plan.sheets.map((s) => [s.sheet, s.mode])).toEqual([
      ["CSF", "create"],
      ["Uraian Kondisi", "create"],
      ["Target & Realisasi", "create"],
    ]);
    expect(plan.activate).toBe("CSF");
    // Sheets to type into keep their gridlines; the add-in's own sheets have none.
    expect(plan.sheets.map((s) => s.gridlines)).toEqual([true, true, true]);
  });

  it("never takes a name the workbook already has: all three move to the first free suffix", () => {
    const taken = ["csf", "Target & Realisasi (2)"].map((name) => ({ name, values: [] }));
    const plan = blankCsfPlan("id", { sheets: taken });
    expect(plan.sheets.map((s) => s.sheet)).toEqual([
      "CSF (3)",
      "Uraian Kondisi (3)",
      "Target & Realisasi (3)",
    ]);
    expect(plan.activate).toBe("CSF (3)");
  });

  it("writes headers the reader recognises as the three CSF tables", () => {
    const plan = blankCsfPlan("id", { sheets: [] });
    const model = readWorkbook(planToGrids(...plan.sheets));
    expect(model.tables.length).toBeGreaterThanOrEqual(3);
  });
});
