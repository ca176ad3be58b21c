/**
 * The pane's read cache: a second action reads nothing when Excel's events say nothing changed,
 * reads again what the user changed (values, sheets added, renamed, deleted), never writes from a
 * stale read, and holds after the add-in's own writes exactly what a full read would.
 */
import { FakeExcelHost, type FakeOptions } from "../../../src/hosts/fake-excel";
import { officeHost, readWorkbookGrids, HostError } from "../../../src/hosts/office";
import { runAction, type ActionId } from "../../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { WorkbookGrids } from "../../../src/core/grid";
import { shapeFor, syntheticWorkbook } from "../../../bench/synthetic";
import { content } from "./content";

const TR = "Target & Realisasi";
/** The first indicator's row on the synthetic Target & Realisasi sheet: D4 target, F4 capaian. */
const TARGET = "D4";
const CAPAIAN = "F4";

let wb: WorkbookGrids;
beforeAll(() => {
  wb = syntheticWorkbook(shapeFor(300));
});

function run(action: ActionId) {
  return runAction(action, officeHost, DEFAULT_SETTINGS);
}

async function syncsOf(host: FakeExcelHost, action: ActionId): Promise<number> {
  host.resetStats();
  await run(action);
  return host.stats.syncs;
}

/** What a pane freshly opened on the same workbook reads (a new session: no cache). */
async function freshRead(host: FakeExcelHost, opts: FakeOptions = {}): Promise<WorkbookGrids> {
  const twin = new FakeExcelHost({ sheets: [] }, opts);
  twin.workbook = host.workbook;
  twin.install();
  try {
    return await readWorkbookGrids();
  } finally {
    host.install();
  }
}

function cell(grids: WorkbookGrids, sheet: string, row: number, col: number) {
  return grids.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null;
}

describe.each([",", ";"] as const)("the read cache, list separator '%s'", (listSeparator) => {
  it("serves a second action with no request, and after every action equals a full read", async () => {
    const host = new FakeExcelHost(wb, { listSeparator }).install();
    expect(await syncsOf(host, "periksa")).toBeGreaterThan(0);
    expect(await syncsOf(host, "periksa")).toBe(0);
    for (const action of ["fill", "tree", "kertas-kerja", "report", "fill"] as ActionId[]) {
      await run(action);
      host.resetStats();
      const cached = await readWorkbookGrids();
      // The add-in's own write does not make the next read go to Excel.
      expect(host.stats.syncs).toBe(0);
      expect(content(cached)).toEqual(content(await freshRead(host, { listSeparator })));
    }
  });

  it("at 2,000 indicators, each action of a session after the first Periksa within 3 round trips", async () => {
    const big = syntheticWorkbook(shapeFor(2000));
    const host = new FakeExcelHost(big, { listSeparator }).install();
    await run("periksa");
    const syncs: Record<string, number> = {};
    for (const action of ["fill", "tree", "kertas-kerja", "report", "periksa"] as ActionId[])
      syncs[action] = await syncsOf(host, action);
    expect(syncs).toEqual({ fill: 2, tree: 1, "kertas-kerja": 1, report: 1, periksa: 0 });
  });
});

describe("the read cache and the user's changes", () => {
  it("a user's edit between two actions is read by the second", async () => {
    const host = new FakeExcelHost(wb).install();
    const before = await run("periksa");
    host.userEdit(TR, TARGET, "sebelas");
    host.resetStats();
    const after = await run("periksa");
    expect(host.stats.syncs).toBeGreaterThan(0);
    expect(cell(after.grids, TR, 3, 3)).toBe("sebelas");
    expect(after.findings.length).not.toBe(before.findings.length);
    // Only the changed sheet's cells are read again, the others come from the cache.
    const fresh = await freshRead(host);
    expect(content(after.grids)).toEqual(content(fresh));
  });

  it("a user's edit inside what the add-in just wrote is read by the next action", async () => {
    const host = new FakeExcelHost(wb).install();
    await run("fill");
    host.userEdit(TR, CAPAIAN, 77);
    const after = await run("periksa");
    expect(cell(after.grids, TR, 3, 5)).toBe(77);
  });

  it("a fill never overwrites a capaian the user typed after the last read", async () => {
    const host = new FakeExcelHost(wb).install();
    await run("fill");
    host.userEdit(TR, CAPAIAN, 77);
    await run("fill").catch(() => undefined);
    expect(host.sheet(TR)?.values[3]?.[5]).toBe(77);
  });

  it("an edit whose event comes late is caught by the fill's own check, and nothing is written", async () => {
    const host = new FakeExcelHost(wb, { eventDelivery: "late" }).install();
    await run("fill");
    await new Promise((r) => setTimeout(r, 0));
    host.userEdit(TR, CAPAIAN, 77);
    // The event has not arrived: the read comes from the cache, the write checks afresh.
    const err = await run("fill").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("changed");
    expect(host.sheet(TR)?.values[3]?.[5]).toBe(77);
    await new Promise((r) => setTimeout(r, 0));
    // The refusal dropped the cache: the next read asks Excel (one request when the read hint the
    // fill kept covers the sheets) and sees the edit.
    host.resetStats();
    const grids = await readWorkbookGrids();
    expect(host.stats.syncs).toBeGreaterThan(0);
    expect(cell(grids, TR, 3, 5)).toBe(77);
  });

  it.each([
    ["added", (h: FakeExcelHost) => h.userAddSheet("Catatan")],
    ["renamed", (h: FakeExcelHost) => h.userRenameSheet(TR, "Target")],
    ["deleted", (h: FakeExcelHost) => h.userDeleteSheet("Uraian Kondisi")],
    ["protected", (h: FakeExcelHost) => h.userProtect(TR)],
    [
      "the add-in made, renamed,",
      (h: FakeExcelHost) => h.userRenameSheet("Pohon Kinerja", "Pohon"),
    ],
    ["the add-in made, protected,", (h: FakeExcelHost) => h.userProtect("Pohon Kinerja")],
  ])("a sheet %s between two actions is seen by the second", async (_what, change) => {
    const host = new FakeExcelHost(wb).install();
    await run("tree");
    change(host);
    host.resetStats();
    const grids = await readWorkbookGrids();
    expect(host.stats.syncs).toBeGreaterThan(0);
    expect(grids.sheets.map((s) => s.name)).toEqual(host.workbook.sheets.map((s) => s.name));
    expect(content(grids)).toEqual(content(await freshRead(host)));
  });

  it("with the add-in's events off, every read goes to Excel", async () => {
    const host = new FakeExcelHost(wb).install();
    host.enableEvents = false;
    await run("periksa");
    expect(await syncsOf(host, "periksa")).toBeGreaterThan(1);
    // Events on again: the next full read starts the cache.
    host.enableEvents = true;
    await run("periksa");
    expect(await syncsOf(host, "periksa")).toBe(0);
  });

  it("below ExcelApi 1.17 (no rename events) every read goes to Excel", async () => {
    const host = new FakeExcelHost(wb, { maxApi: "1.16" }).install();
    await run("periksa");
    expect(host.handlerCount()).toBe(0);
    expect(await syncsOf(host, "periksa")).toBeGreaterThan(1);
  });

  it("registers its handlers once a session", async () => {
    const host = new FakeExcelHost(wb).install();
    await run("periksa");
    const handlers = host.handlerCount();
    expect(handlers).toBeGreaterThan(0);
    host.userAddSheet("Catatan");
    await run("periksa");
    expect(host.handlerCount()).toBe(handlers);
  });

  it("a failed write drops the cache: the next read is a full one", async () => {
    const host = new FakeExcelHost(wb).install();
    await run("periksa");
    host.structureProtected = true;
    await expect(run("tree")).rejects.toBeInstanceOf(HostError);
    host.structureProtected = false;
    expect(await syncsOf(host, "periksa")).toBeGreaterThan(1);
  });
});
