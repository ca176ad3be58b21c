/**
 * The fake's worksheet events: registered at the next sync, each at its ExcelApi version, fired
 * for the add-in's writes and the user's edits alike, delivered after the request that caused
 * them (or later), and not at all while context.runtime.enableEvents is off.
 */
import { FakeExcelHost, type FakeEventArgs } from "../../../src/hosts/fake-excel";
import type { WorkbookGrids } from "../../../src/core/grid";

const wb: WorkbookGrids = {
  sheets: [
    { name: "Data", values: [["a", 1]] },
    { name: "Lain", values: [["b"]] },
  ],
};

type Ctx = Excel.RequestContext;

function run<T>(host: FakeExcelHost, f: (ctx: Ctx) => Promise<T>): Promise<T> {
  return (host.Excel.run as (cb: (ctx: Ctx) => Promise<T>) => Promise<T>)(f);
}

/** Register a logging handler on every worksheet-collection event the fake fires. */
async function listen(host: FakeExcelHost): Promise<FakeEventArgs[]> {
  const seen: FakeEventArgs[] = [];
  const log = (args: unknown) => {
    seen.push(args as FakeEventArgs);
    return Promise.resolve();
  };
  await run(host, async (ctx) => {
    const ws = ctx.workbook.worksheets;
    for (const e of [ws.onChanged, ws.onFormatChanged, ws.onAdded, ws.onDeleted, ws.onNameChanged])
      e.add(log);
    await ctx.sync();
  });
  return seen;
}

describe("the fake's worksheet events", () => {
  it("fires onChanged for a write with the sheet's id and the written address", async () => {
    const host = new FakeExcelHost(wb).install();
    const seen = await listen(host);
    const id = host.sheet("Data")?.id;
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("B2:C2").values = [[1, 2]];
      ctx.workbook.worksheets.getItem("Data").getRange("A1").format.font.bold = true;
      await ctx.sync();
    });
    expect(seen).toEqual([
      expect.objectContaining({
        type: "WorksheetChanged",
        worksheetId: id,
        address: "B2:C2",
        changeType: "RangeEdited",
      }),
      expect.objectContaining({ type: "WorksheetFormatChanged", worksheetId: id, address: "A1" }),
    ]);
  });

  it("fires the structure events for sheets added, renamed and deleted", async () => {
    const host = new FakeExcelHost(wb).install();
    const seen = await listen(host);
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.add("Baru");
      ctx.workbook.worksheets.getItem("Lain").name = "Lainnya";
      ctx.workbook.worksheets.getItem("Data").delete();
      await ctx.sync();
    });
    expect(seen.map((e) => e.type)).toEqual([
      "WorksheetAdded",
      "WorksheetNameChanged",
      "WorksheetDeleted",
    ]);
  });

  it("fires for the user's edits, and not while events are off", async () => {
    const host = new FakeExcelHost(wb).install();
    const seen = await listen(host);
    host.userEdit("Data", "C3", 5);
    expect(host.sheet("Data")?.values[2]?.[2]).toBe(5);
    expect(seen).toEqual([expect.objectContaining({ address: "C3", source: "Local" })]);
    await run(host, async (ctx) => {
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    });
    host.userEdit("Data", "C4", 6);
    expect(seen).toHaveLength(1);
    const on = await run(host, async (ctx) => {
      ctx.runtime.load("enableEvents");
      await ctx.sync();
      return ctx.runtime.enableEvents;
    });
    expect(on).toBe(false);
  });

  it("delivers late events after the sync has resolved", async () => {
    const host = new FakeExcelHost(wb, { eventDelivery: "late" }).install();
    const seen = await listen(host);
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("Data").getRange("A2").values = [["x"]];
      await ctx.sync();
      expect(seen).toHaveLength(0);
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(1);
  });

  it("refuses a handler above the Excel's API version, as Office.js does", async () => {
    const host = new FakeExcelHost(wb, { maxApi: "1.16" }).install();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.onNameChanged.add(() => Promise.resolve());
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(host.handlerCount()).toBe(0);
  });
});
