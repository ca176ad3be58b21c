import path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { applyPlan, readWorkbookGrids } from "../../../src/hosts/office";
import { analyse, planJobs, type Job } from "../../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { WorkbookGrids } from "../../../src/core/grid";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

describe("each action on the sample workbook", () => {
  let sample: WorkbookGrids;
  beforeAll(async () => {
    sample = await readXlsxFile(SAMPLE);
  });

  it.each<Job>(["fill", "tree", "kertas-kerja", "report"])(
    "%s reads in 2 syncs, writes and sets up printing in 1, and writes its sheet",
    async (job) => {
      const host = new FakeExcelHost(sample).install();
      const grids = await readWorkbookGrids();
      expect(host.stats.syncs).toBe(2);
      const analysis = analyse(grids, DEFAULT_SETTINGS);
      const { plan } = planJobs(grids, analysis, DEFAULT_SETTINGS, [job]);
      await applyPlan(plan, { grids });
      expect(host.stats.syncs).toBe(3);
      for (const sp of plan.sheets) {
        const written = host.sheet(sp.sheet);
        expect(written).toBeDefined();
        for (const c of sp.cells.filter((x) => x.formula))
          expect(written?.formulas[c.row]?.[c.col]).toBe(c.formula);
      }
      expect(plan.sheets.length).toBeGreaterThan(0);
    }
  );

  it("reads the same values through Office.js as from the file", async () => {
    new FakeExcelHost(sample, { maxApi: "1.7" }).install();
    const grids = await readWorkbookGrids();
    const csf = grids.sheets.find((s) => s.name === "CSF");
    const fromFile = sample.sheets.find((s) => s.name === "CSF");
    expect(csf?.values.length).toBe(fromFile?.values.length);
    expect(csf?.values[5]?.[0]).toBe(fromFile?.values[5]?.[0] ?? null);
  });
});
