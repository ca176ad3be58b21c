/**
 * Every pane action on a bench synthetic workbook of about 2,000 indicators, against the strict
 * fake as the bench drives it: round trips per action and the size of every request.
 */
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { officeHost } from "../../../src/hosts/office";
import { runAction, type ActionId } from "../../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { WorkbookGrids } from "../../../src/core/grid";
import { indicatorCount, shapeFor, syntheticWorkbook } from "../../../bench/synthetic";

/**
 * Round trips per action: the read takes two (the sheets' names, used ranges and A1, then the
 * cells of the user's sheets, under 4.6 MB a response), the write one (the tree gets there by
 * copying boxes that look alike instead of writing each), ending with the print setup.
 */
const MAX_SYNCS: Record<ActionId, number> = {
  periksa: 2,
  fill: 3,
  tree: 3,
  "kertas-kerja": 3,
  report: 3,
  all: 5,
};

describe("pane actions on a synthetic workbook of 2,000 indicators", () => {
  let wb: WorkbookGrids;
  beforeAll(() => {
    wb = syntheticWorkbook(shapeFor(2000));
    expect(indicatorCount(wb)).toBeGreaterThanOrEqual(1900);
  });

  it.each(Object.keys(MAX_SYNCS) as ActionId[])(
    "%s: within its round trips, every request under 5 MB",
    async (action) => {
      const host = new FakeExcelHost(wb).install();
      const outcome = await runAction(action, officeHost, DEFAULT_SETTINGS);
      expect(host.stats.syncs).toBeLessThanOrEqual(MAX_SYNCS[action]);
      expect(Math.max(...host.stats.requestBytes)).toBeLessThanOrEqual(5_000_000);
      expect(Math.max(...host.stats.responseBytes)).toBeLessThanOrEqual(5_000_000);
      if (action !== "periksa") expect(outcome.result?.sheets.length).toBeGreaterThan(0);
    }
  );
});
