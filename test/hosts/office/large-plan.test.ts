import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { applyPlan } from "../../../src/hosts/office";
import { emptySheetPlan, markerText } from "../../../src/core/plan";

// A tree of 10,000 indicators plans about 250,000 one-cell connector formats; spreading that
// many steps into one push() call overflowed the call stack.
describe("a plan with hundreds of thousands of format steps", () => {
  it("is applied in chunks without overflowing the call stack", async () => {
    const host = new FakeExcelHost({ sheets: [{ name: "CSF", values: [["Kode"]] }] }).install();
    const sp = emptySheetPlan("Pohon Kinerja", "create", "pohon");
    sp.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") });
    for (let r = 1; r <= 500; r++)
      for (let c = 0; c < 400; c++)
        sp.formats.push({
          range: { top: r, left: c, bottom: r, right: c },
          style: { border: { left: { style: "thin" } } },
        });
    expect(sp.formats.length).toBe(200000);
    await applyPlan({ sheets: [sp] });
    expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    // Every one of the 200,000 cells got its left border (one record per range written).
    const lefts = host
      .sheet("Pohon Kinerja")
      ?.formats.filter((f) => f.path === "borders.EdgeLeft.style");
    const cells = new Set(lefts?.map((f) => `${f.range.top},${f.range.left}`));
    expect(cells.size).toBe(200000);
  });
});

describe("requests of a border-heavy plan", () => {
  it.each(["1.7", "1.9"])(
    "stay under Excel on the web's 5 MB limit, counted as Office.js sends them (ExcelApi %s)",
    async (maxApi) => {
      const host = new FakeExcelHost(
        { sheets: [{ name: "CSF", values: [["Kode"]] }] },
        { maxApi }
      ).install();
      const sp = emptySheetPlan("Pohon Kinerja (2)", "create", "pohon");
      sp.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") });
      const line = { style: "thin" as const, color: "#7F7F7F" };
      for (let r = 1; r <= 250; r++)
        for (let c = 0; c < 200; c++)
          sp.formats.push({
            range: { top: r, left: c, bottom: r, right: c },
            style: { border: { top: line, bottom: line, left: line, right: line } },
          });
      const result = await applyPlan({ sheets: [sp] });
      expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
      // Range by range (ExcelApi 1.7) the 50,000 bordered cells need several requests.
      if (maxApi === "1.7") expect(result.chunks).toBeGreaterThan(1);
      const tops = host
        .sheet("Pohon Kinerja (2)")
        ?.formats.filter((f) => f.path === "borders.EdgeTop.color");
      expect(new Set(tops?.map((f) => `${f.range.top},${f.range.left}`)).size).toBe(50000);
    }
  );
});
