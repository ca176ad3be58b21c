/**
 * The read hint: a write keeps in the document settings which rows of the user's sheets a fresh
 * pane reads on its first request; a fresh pane with it reads in fewer round trips exactly what
 * one without it reads, and a hint that no longer fits costs nothing but the rows read for nothing.
 */
import { FakeExcelHost, type FakeOptions } from "../../../src/hosts/fake-excel";
import { officeHost, readWorkbookGrids } from "../../../src/hosts/office";
import { READ_HINT_KEY, type HintedSheet } from "../../../src/hosts/office/read-hint";
import { runAction } from "../../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { WorkbookGrids } from "../../../src/core/grid";
import { shapeFor, syntheticWorkbook } from "../../../bench/synthetic";
import { content } from "./content";

let wb: WorkbookGrids;
beforeAll(() => {
  wb = syntheticWorkbook(shapeFor(2000));
});

/** A pane opened afresh on `host`'s workbook with these document settings: its read and syncs. */
async function freshPane(host: FakeExcelHost, opts: FakeOptions) {
  const twin = new FakeExcelHost({ sheets: [] }, opts);
  twin.workbook = host.workbook;
  twin.install();
  try {
    twin.resetStats();
    const grids = await readWorkbookGrids();
    return { grids, syncs: twin.stats.syncs };
  } finally {
    host.install();
  }
}

describe.each([",", ";"] as const)("the read hint, list separator '%s'", (listSeparator) => {
  it("is kept by a write, not by a Periksa, and names the user's sheets only", async () => {
    const host = new FakeExcelHost(wb, { listSeparator }).install();
    await runAction("periksa", officeHost, DEFAULT_SETTINGS);
    expect(host.savedSettings[READ_HINT_KEY]).toBeUndefined();
    await runAction("tree", officeHost, DEFAULT_SETTINGS);
    const hint = host.savedSettings[READ_HINT_KEY] as HintedSheet[];
    expect(hint.map((h) => h.name)).toEqual(wb.sheets.map((s) => s.name));
    for (const h of hint) expect(h.rows).toBeGreaterThan(0);
  });

  it("makes a fresh pane read the same grids in fewer round trips", async () => {
    const host = new FakeExcelHost(wb, { listSeparator }).install();
    await runAction("kertas-kerja", officeHost, DEFAULT_SETTINGS);
    const settings = { ...host.savedSettings };
    const without = await freshPane(host, { listSeparator });
    const withHint = await freshPane(host, { listSeparator, settings });
    expect(content(withHint.grids)).toEqual(content(without.grids));
    expect(without.syncs).toBeGreaterThan(1);
    expect(withHint.syncs).toBeLessThan(without.syncs);
  });

  it("that no longer fits (a sheet gone, another grown narrower) still reads what a fresh pane reads", async () => {
    const host = new FakeExcelHost(wb, { listSeparator }).install();
    await runAction("fill", officeHost, DEFAULT_SETTINGS);
    const hint = host.savedSettings[READ_HINT_KEY] as HintedSheet[];
    const stale: HintedSheet[] = [
      { name: "Tidak Ada", rows: 50, columns: 4 },
      ...hint.map((h) => ({ ...h, columns: Math.max(1, h.columns - 1) })),
    ];
    const without = await freshPane(host, { listSeparator });
    const withStale = await freshPane(host, {
      listSeparator,
      settings: { ...host.savedSettings, [READ_HINT_KEY]: stale },
    });
    expect(content(withStale.grids)).toEqual(content(without.grids));
  });
});
