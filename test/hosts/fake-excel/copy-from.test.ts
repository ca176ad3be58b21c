/** The fake's Range.copyFrom(source, "Formats"): what it copies, and what it refuses to model. */
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import type { WorkbookGrids } from "../../../src/core/grid";

const book: WorkbookGrids = { sheets: [{ name: "Pohon", values: [["x"]] }] };

function run<T>(host: FakeExcelHost, cb: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return (host.Excel as unknown as typeof Excel).run(cb);
}

/** A box in B2:D4: outlined, a filled merged head, a number format in its last row. */
function drawBox(ws: Excel.Worksheet): void {
  const box = ws.getRange("B2:D4").format;
  box.borders.getItem("EdgeTop").style = "Continuous";
  box.borders.getItem("EdgeBottom").style = "Continuous";
  ws.getRange("B2:D2").merge(false);
  ws.getRange("B2:D2").format.fill.color = "#FFD966";
  ws.getRange("B4").numberFormat = [['"T "General']];
}

describe("the fake's copyFrom with formats", () => {
  it("puts the source's formats, merges and number formats on the destination, values untouched", async () => {
    const host = new FakeExcelHost(book);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Pohon");
      ws.getRange("F7").values = [["tetap"]];
      drawBox(ws);
      ws.getRange("F6:H8").copyFrom(ws.getRange("B2:D4"), "Formats");
      await ctx.sync();
    });
    const s = host.sheet("Pohon");
    expect(s?.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 5, left: 5, bottom: 5, right: 7 },
    ]);
    const moved = s?.formats.filter((f) => f.range.top >= 5) ?? [];
    expect(moved).toEqual(
      expect.arrayContaining([
        {
          range: { top: 5, left: 5, bottom: 7, right: 7 },
          path: "borders.EdgeTop.style",
          value: "Continuous",
        },
        { range: { top: 5, left: 5, bottom: 5, right: 7 }, path: "fill.color", value: "#FFD966" },
      ])
    );
    expect(moved).toHaveLength(3);
    expect(s?.numberFormats[7]?.[5]).toBe('"T "General');
    expect(s?.values[6]?.[5]).toBe("tetap");
  });

  it.each([
    ["a destination of another size", "F6:H9", undefined],
    ["a copy type other than formats", "F6:H8", "All"],
  ] as const)("refuses %s", async (_why, target, type) => {
    const host = new FakeExcelHost(book);
    await expect(
      run(host, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Pohon");
        drawBox(ws);
        ws.getRange(target).copyFrom(ws.getRange("B2:D4"), type ?? "Formats");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it.each([
    [
      "a format across the source's edge",
      (ws: Excel.Worksheet) => (ws.getRange("A2:B2").format.fill.color = "#FF0000"),
    ],
    [
      "a border outside the source drawn on its edge",
      (ws: Excel.Worksheet) =>
        (ws.getRange("B1").format.borders.getItem("EdgeBottom").style = "Continuous"),
    ],
    [
      "a merged area across the source's edge",
      (ws: Excel.Worksheet) => ws.getRange("D3:E3").merge(false),
    ],
    [
      "a destination already formatted",
      (ws: Excel.Worksheet) => (ws.getRange("G7").format.font.bold = true),
    ],
    ["a destination already merged", (ws: Excel.Worksheet) => ws.getRange("G7:G8").merge(false)],
    [
      "a link in the source",
      (ws: Excel.Worksheet) => (ws.getRange("B3").hyperlink = { documentReference: "'Pohon'!A1" }),
    ],
  ])("refuses to guess with %s", async (_why, spoil) => {
    const host = new FakeExcelHost(book);
    await expect(
      run(host, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Pohon");
        drawBox(ws);
        spoil(ws);
        ws.getRange("F6:H8").copyFrom(ws.getRange("B2:D4"), "Formats");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("needs ExcelApi 1.9", async () => {
    const host = new FakeExcelHost(book, { maxApi: "1.8" });
    await expect(
      run(host, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Pohon");
        ws.getRange("F6:H8").copyFrom(ws.getRange("B2:D4"), "Formats");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
