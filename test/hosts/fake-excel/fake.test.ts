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

  it("walks the sheets in tab order; past the last one everything is a null object", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      const first = ctx.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      const fourth = third.getNextOrNullObject();
      for (const ws of [first, second, third, fourth]) ws.load("name");
      const used = third.getUsedRangeOrNullObject(true);
      used.load("address,values");
      const merged = fourth.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      await ctx.sync();
      expect([first.name, second.name]).toEqual(["CSF", "Kunci"]);
      expect([third.isNullObject, fourth.isNullObject]).toEqual([true, true]);
      expect(used.isNullObject).toBe(true);
      expect(merged.isNullObject).toBe(true);
      expect(() => third.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("needs ExcelApi 1.5 to walk the sheets", async () => {
    const host = fake({ maxApi: "1.4" });
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getFirst().load("name");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("sets a RangeAreas format on each of its areas, as on each range (ExcelApi 1.9)", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("CSF").getRanges("A1:B2,D4");
      areas.format.fill.color = "#FFEB9C";
      areas.format.borders.getItem("EdgeTop").style = "Continuous";
      areas.format.rowHeight = 30;
      await ctx.sync();
    });
    const formats = host.sheet("CSF")?.formats.map((f) => [f.path, f.range]);
    const a = { top: 0, left: 0, bottom: 1, right: 1 };
    const d = { top: 3, left: 3, bottom: 3, right: 3 };
    expect(formats).toEqual([
      ["fill.color", a],
      ["fill.color", d],
      ["borders.EdgeTop.style", a],
      ["borders.EdgeTop.style", d],
      ["rowHeight", a],
      ["rowHeight", d],
    ]);
  });

  it("sends a RangeAreas address once, not with every property set", async () => {
    const host = fake();
    const address = Array.from({ length: 500 }, (_, i) => `A${2 * i + 1}`).join(",");
    await run(host, async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("CSF").getRanges(address).format;
      f.font.bold = true;
      f.font.italic = true;
      f.fill.color = "#FFFFFF";
      await ctx.sync();
    });
    expect(host.stats.requestBytes[0]).toBeGreaterThan(address.length);
    expect(host.stats.requestBytes[0]).toBeLessThan(address.length + 1000);
  });

  it("refuses getRanges below ExcelApi 1.9 and addresses over 8,192 characters", async () => {
    await expect(
      run(fake({ maxApi: "1.8" }), async (ctx) => {
        ctx.workbook.worksheets.getItem("CSF").getRanges("A1,B2").format.font.bold = true;
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    await expect(
      run(fake(), async (ctx) => {
        ctx.workbook.worksheets.getItem("CSF").getRanges(long).format.font.bold = true;
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("merges each row on its own with merge(true), the whole range with merge()", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("CSF");
      ws.getRange("A5:C7").merge(true);
      ws.getRange("E5:F7").merge();
      await ctx.sync();
    });
    expect(host.sheet("CSF")?.merges).toEqual([
      { top: 4, left: 0, bottom: 4, right: 2 },
      { top: 5, left: 0, bottom: 5, right: 2 },
      { top: 6, left: 0, bottom: 6, right: 2 },
      { top: 4, left: 4, bottom: 6, right: 5 },
    ]);
  });

  it("applies a single number format to every cell of a range", async () => {
    const host = fake();
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("CSF").getRange("B3:C4").numberFormat = [["0.00"]];
      await ctx.sync();
    });
    const nf = host.sheet("CSF")?.numberFormats;
    expect([nf?.[2]?.[1], nf?.[2]?.[2], nf?.[3]?.[1], nf?.[3]?.[2]]).toEqual([
      "0.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
    expect(nf?.[2]?.[0] ?? null).toBeNull();
  });
});
