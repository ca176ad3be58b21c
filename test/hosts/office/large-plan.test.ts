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
    const result = await applyPlan({ sheets: [sp] });
    expect(result.chunks).toBeGreaterThan(1);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(host.sheet("Pohon Kinerja")).toBeDefined();
  });
});

describe("requests of a border-heavy plan", () => {
  it("stay under Excel on the web's 5 MB limit, counted as Office.js sends them", async () => {
    const host = new FakeExcelHost({ sheets: [{ name: "CSF", values: [["Kode"]] }] }).install();
    const sp = emptySheetPlan("Pohon Kinerja (2)", "create", "pohon");
    sp.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") });
    const line = { style: "thin" as const, color: "#7F7F7F" };
    for (let r = 1; r <= 250; r++)
      for (let c = 0; c < 200; c++)
        sp.formats.push({
          range: { top: r, left: c, bottom: r, right: c },
          style: { border: { top: line, bottom: line, left: line, right: line } },
        });
    await applyPlan({ sheets: [sp] });
    expect(host.stats.requestBytes.length).toBeGreaterThan(2);
    expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
  });
});
