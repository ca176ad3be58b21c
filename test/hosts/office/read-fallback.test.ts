/**
 * Office.js does not document what a method called on a null object does. If an Excel fails the
 * request instead of giving null objects, the one-trip read must fall back to the two-trip read.
 */
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { readWorkbookGrids } from "../../../src/hosts/office";
import type { WorkbookGrids } from "../../../src/core/grid";

const wb: WorkbookGrids = {
  sheets: [
    {
      name: "CSF",
      values: [
        ["No", "CSF"],
        [1, "Meningkatnya Tata Kelola"],
      ],
    },
    {
      name: "Target & Realisasi",
      values: [
        [null, "Target"],
        [null, 100],
      ],
    },
  ],
};

// ExcelApi 1.16: no read cache (it needs 1.17), so every read goes to Excel.
const maxApi = "1.16";

describe("readWorkbookGrids on an Excel that refuses calls on a null object", () => {
  it("reads the same grids the listing way, and keeps to that way for the session", async () => {
    const expected = await (async () => {
      new FakeExcelHost(wb, { maxApi }).install();
      return readWorkbookGrids();
    })();
    const strict = new FakeExcelHost(wb, { nullObjectCalls: "throw", maxApi }).install();
    await expect(readWorkbookGrids()).resolves.toEqual(expected);
    // The refused walk (1), the listing (2) and the cells (1).
    expect(strict.stats.syncs).toBe(4);
    strict.resetStats();
    await expect(readWorkbookGrids()).resolves.toEqual(expected);
    expect(strict.stats.syncs).toBe(3);
  });
});
