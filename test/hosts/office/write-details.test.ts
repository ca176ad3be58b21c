/**
 * Smaller behaviours of real Excel the writes must respect: a link's text taken as typed,
 * calculation left to the add-in after it was suspended, a protected workbook structure, a paper
 * size the printer refuses, and a request Excel refuses although it is under the host's budget.
 */
import path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { FakeContext, FakeExcelHost, FakeOfficeError } from "../../../src/hosts/fake-excel";
import { applyPlan, HostError, officeHost, readWorkbookGrids } from "../../../src/hosts/office";
import { runAction, type ActionId } from "../../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { emptySheetPlan, markerText, type WritePlan } from "../../../src/core/plan";
import type { WorkbookGrids } from "../../../src/core/grid";
import { resolved } from "../../helpers/fake-sheet";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

let sample: WorkbookGrids;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
});

const book: WorkbookGrids = { sheets: [{ name: "CSF", values: [["Kode"], ["1.10"]] }] };

/** A generated sheet with a code linked to the CSF sheet. */
function linkPlan(): WritePlan {
  const sp = emptySheetPlan("Pohon Kinerja", "create", "pohon");
  sp.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") });
  sp.cells.push({ row: 2, col: 1, value: "1.10" });
  sp.hyperlinks.push({ row: 2, col: 1, target: "'CSF'!A2", text: "1.10", tip: "CSF!A2" });
  return { sheets: [sp] };
}

describe("writes", () => {
  it("leave a linked code's text as written: '1.10' stays text, not the number 1.1", async () => {
    const host = new FakeExcelHost(book).install();
    await applyPlan(linkPlan());
    expect(host.sheet("Pohon Kinerja")?.values[2]?.[1]).toBe("1.10");
    expect(host.sheet("Pohon Kinerja")?.hyperlinks[0]?.documentReference).toBe("'CSF'!A2");
  });

  it.each<ActionId>(["fill", "tree", "kertas-kerja", "report"])(
    "%s: recalculation is asked for after the last request",
    async (action) => {
      const host = new FakeExcelHost(sample).install();
      await runAction(action, officeHost, DEFAULT_SETTINGS);
      expect(host.uncalculated).toBe(false);
    }
  );

  it("the fake leaves writes made under suspended calculation uncalculated until asked", async () => {
    const host = new FakeExcelHost(book).install();
    await Excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem("CSF").getRange("B1").values = [[1]];
      await context.sync();
    });
    expect(host.uncalculated).toBe(true);
  });
});

describe("a workbook whose structure is protected", () => {
  it("refuses a new sheet before anything is written, and still takes the fill", async () => {
    const host = new FakeExcelHost(sample, { structureProtected: true }).install();
    const before = JSON.stringify(host.grids());
    const err = await runAction("tree", officeHost, DEFAULT_SETTINGS).catch((e: unknown) => e);
    expect((err as HostError).code).toBe("workbookProtected");
    expect((err as HostError).userMessage("id")).toContain("Proteksi Buku Kerja");
    // The read's two requests only.
    expect(host.stats.syncs).toBe(2);
    expect(JSON.stringify(host.grids())).toBe(before);
    await expect(runAction("fill", officeHost, DEFAULT_SETTINGS)).resolves.toBeDefined();
  });
});

describe("print setup", () => {
  it("ends the last write request; a paper size the printer refuses is skipped, not a failure", async () => {
    const run = async (refusedPaperSizes: string[]) => {
      const host = new FakeExcelHost(sample, { refusedPaperSizes }).install();
      const outcome = await runAction("tree", officeHost, DEFAULT_SETTINGS);
      return { host, outcome };
    };
    const accepted = await run([]);
    const { host, outcome } = await run(["A3"]);
    expect(accepted.outcome.result?.skipped).toEqual([]);
    expect(accepted.host.sheet("Pohon Kinerja")?.print.paperSize).toBe("A3");
    expect(outcome.result?.skipped).toEqual(["paper"]);
    // The refused setup costs one request more: the setup again, less its paper size.
    expect(host.stats.syncs).toBe(accepted.host.stats.syncs + 1);
    const print = host.sheet("Pohon Kinerja")?.print ?? {};
    expect(print.paperSize).toBeUndefined();
    expect(print.orientation).toBe("Landscape");
    expect(print.printArea).toBeDefined();
    expect(host.uncalculated).toBe(false);
    expect(resolved(host.sheet("Pohon Kinerja")!).values).toEqual(
      resolved(accepted.host.sheet("Pohon Kinerja")!).values
    );
  });

  it("a refusal that does not say it was the print setup undoes the write", async () => {
    const host = new FakeExcelHost(sample).install();
    const grids = await readWorkbookGrids();
    const plan = linkPlan();
    plan.sheets[0]!.print = { paper: "A4", orientation: "portrait" };
    // Excel fails the last request without naming where (no errorLocation).
    const sync = FakeContext.prototype.sync;
    jest.spyOn(FakeContext.prototype, "sync").mockImplementationOnce(async function (
      this: FakeContext
    ) {
      await sync.call(this);
      throw new FakeOfficeError("GeneralException", "Something failed.");
    });
    const err = await applyPlan(plan, { grids }).catch((e: unknown) => e);
    jest.restoreAllMocks();
    expect((err as HostError).code).toBe("writeRemoved");
    expect(host.sheet("Pohon Kinerja")).toBeUndefined();
  });

  it("left out whole when Excel refuses it even without the paper size", async () => {
    const host = new FakeExcelHost(sample, { refusedPaperSizes: ["A3"] }).install();
    const grids = await readWorkbookGrids();
    const plan: WritePlan = { sheets: [{ ...linkPlan().sheets[0]! }] };
    const sp = plan.sheets[0]!;
    // A page break on a row Excel cannot take (past the last row) fails the rest of the setup.
    sp.print = { paper: "A3", orientation: "landscape", rowBreaks: [2_000_000] };
    const result = await applyPlan(plan, { grids });
    expect(result.skipped).toEqual(["print"]);
    expect(host.sheet("Pohon Kinerja")?.values[2]?.[1]).toBe("1.10");
    expect(host.uncalculated).toBe(false);
  });
});

describe("a request Excel refuses under the host's budget", () => {
  it("is split and sent again, and the sheet ends as with one request", async () => {
    // A sheet of many small steps: 400 two-cell merges, each with a bold format.
    const plan = linkPlan();
    const sp = plan.sheets[0]!;
    for (let row = 4; row < 404; row++) {
      const r = { top: row, left: 0, bottom: row, right: 1 };
      sp.merges.push(r);
      sp.formats.push({ range: r, style: { bold: row % 2 === 0, italic: row % 3 === 0 } });
    }
    const write = async (limit?: number) => {
      const host = new FakeExcelHost(book, { maxApi: "1.8" }).install();
      const grids = await readWorkbookGrids();
      if (limit) host.requestLimitBytes = limit;
      host.resetStats();
      await applyPlan(plan, { grids });
      return { host, sheet: resolved(host.sheet("Pohon Kinerja")!) };
    };
    const whole = await write();
    const split = await write(20_000);
    expect(Math.max(...whole.host.stats.requestBytes)).toBeGreaterThan(20_000);
    expect(split.sheet).toEqual(whole.sheet);
    expect(split.host.stats.syncs).toBeGreaterThan(whole.host.stats.syncs + 2);
  });
});
