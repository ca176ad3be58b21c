import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { readWorkbookGrids } from "../../../src/hosts/office";
import type { WorkbookGrids } from "../../../src/core/grid";

/** A workbook of `n` sheets, each with a value, a formula, and every third one protected. */
function book(n: number): WorkbookGrids {
  return {
    sheets: Array.from({ length: n }, (_, i) => ({
      name: `S${i + 1}`,
      values: i % 5 === 4 ? [] : [[], [null, `v${i}`, 3]],
      formulas: i % 5 === 4 ? [] : [[], [null, null, "=1+2"]],
      protected: i % 3 === 0,
      merges: i === 1 ? [{ top: 1, left: 1, bottom: 1, right: 2 }] : [],
    })),
  };
}

async function readAt(wb: WorkbookGrids, maxApi: string) {
  const host = new FakeExcelHost(wb, { maxApi }).install();
  const grids = await readWorkbookGrids();
  return { grids, syncs: host.stats.syncs };
}

describe("readWorkbookGrids round trips", () => {
  // The sheets' meta (walked 32 a trip at ExcelApi 1.5, else listed in two), then their cells;
  // the first rows of the first 8 sheets are read on the walk's own request.
  it.each([
    [1, 1],
    [32, 2],
    [33, 3],
    [70, 4],
  ])(
    "reads %i sheets in %i round trip(s) at ExcelApi 1.5+, as the listing read does",
    async (n, trips) => {
      const wb = book(n);
      const walked = await readAt(wb, "1.13");
      const listed = await readAt(wb, "1.4");
      expect(walked.syncs).toBe(trips);
      expect(listed.syncs).toBe(3);
      // Merges are read at 1.13 only; otherwise the same grids.
      expect(walked.grids.sheets.map(({ merges: _m, ...s }) => s)).toEqual(listed.grids.sheets);
      expect(walked.grids.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
      if (n > 1)
        expect(walked.grids.sheets[1]?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
      expect(walked.grids.sheets[0]?.protected).toBe(true);
      expect(walked.grids.sheets[0]?.formulas?.[1]?.[2]).toBe("=1+2");
    }
  );
});
