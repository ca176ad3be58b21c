/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read before load and sync on purpose, to see the fake throw as Office.js does. */
import { FakeExcelHost, FakeOfficeError } from "../../../src/hosts/fake-excel";
import type { WorkbookGrids } from "../../../src/core/grid";

const book: WorkbookGrids = {
  sheets: [
    {
      name: "CSF",
      values: [
        ["No", "CSF"],
        [1, "Meningkatnya kualitas"],
      ],
    },
    { name: "Kunci", values: [["x"]], protected: true },
  ],
};

function fake(opts = {}) {
  return new FakeExcelHost(book, opts);
}

// The fake's Excel.run, typed as the real one so the tests use the real API's names.
function run<T>(host: FakeExcelHost, cb: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return (host.Excel as unknown as typeof Excel).run(cb);
}

describe("the strict fake Excel host", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("CSF").getRange("A1:B2");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([
        ["No", "CSF"],
        [1, "Meningkatnya kualitas"],
      ]);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("applies writes only at sync and counts syncs with their request sizes", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("CSF").getRange("C1").values = [["Baru"]];
      expect(host.sheet("CSF")?.values[0]?.[2] ?? null).toBeNull();
      await ctx.sync();
      await ctx.sync();
    });
    expect(host.sheet("CSF")?.values[0]?.[2]).toBe("Baru");
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.requestBytes[0]).toBeGreaterThan(10);
    expect(host.stats.requestBytes[1]).toBe(2); // "[]"
  });

  it("turns a value starting with = into a formula and keeps a leading apostrophe as text", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("CSF").getRange("A3:B3").values = [["=1+1", "'=SUM(A1)"]];
      await ctx.sync();
    });
    const csf = host.sheet("CSF");
    expect(csf?.formulas[2]?.[0]).toBe("=1+1");
    expect(csf?.values[2]?.[1]).toBe("=SUM(A1)");
    expect(csf?.formulas[2]?.[1]).toBeNull();
  });

  it("fails a request over the payload limit and applies nothing of it", async () => {
    const host = fake({ requestLimitBytes: 1000 });
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("CSF").getRange("A5").values = [["x".repeat(2000)]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.sheet("CSF")?.values[4]).toBeUndefined();
  });

  it("refuses writes to a protected sheet with AccessDenied", async () => {
    const host = fake();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("Kunci").getRange("A1").values = [["y"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.sheet("Kunci")?.values[0]?.[0]).toBe("x");
  });

  it("reports null objects only after sync", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Tidak Ada");
      const present = ctx.workbook.worksheets.getItemOrNullObject("CSF");
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("rejects page layout below ExcelApi 1.9 with ApiNotFound", async () => {
    const host = fake({ maxApi: "1.7" });
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("CSF").pageLayout.orientation = "Landscape";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("loads the used range with its address, empty cells as empty strings", async () => {
    const host = new FakeExcelHost({ sheets: [{ name: "S", values: [[], [null, null, "x"]] }] });
    await run(host, async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(true);
      used.load("address,values");
      await ctx.sync();
      expect(used.address).toBe("S!C2");
      expect(used.values).toEqual([["x"]]);
    });
  });

  it("rejects a block whose size does not match the range", async () => {
    const host = fake();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("CSF").getRange("A1:B1").values = [["only one"]];
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
