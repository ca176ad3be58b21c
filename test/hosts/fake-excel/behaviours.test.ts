/**
 * The real-Excel behaviours the fake models (docs/excel-behaviours.md), each on its own: the
 * host's tests rely on them, so they are pinned here against the fake directly.
 */
import { FakeExcelHost, type FakeOptions } from "../../../src/hosts/fake-excel";
import type { WorkbookGrids } from "../../../src/core/grid";

const book: WorkbookGrids = {
  sheets: [
    {
      name: "CSF",
      values: [
        ["Kode", "Nilai"],
        ["1.1", 5],
        ["1.2", "lima"],
        [null, 7],
      ],
      formulas: [[], [], [], [null, "=B2+2"]],
      merges: [{ top: 0, left: 2, bottom: 1, right: 3 }],
    },
  ],
};

async function run<T>(opts: FakeOptions, batch: (context: Excel.RequestContext) => Promise<T>) {
  const host = new FakeExcelHost(book, opts).install();
  const out = await Excel.run(batch);
  return { host, out };
}

describe("the fake Excel host", () => {
  it.each([
    [",", "A1,B2", true],
    [",", "A1;B2", false],
    [";", "A1;B2", true],
    [";", "A1,B2", false],
    [";", "A1:B2", true],
  ] as const)("with list separator '%s', getRanges('%s') works: %s", async (sep, address, ok) => {
    const attempt = run({ listSeparator: sep }, async (context) => {
      context.workbook.worksheets.getItem("CSF").getRanges(address).format.fill.color = "#FF0000";
      await context.sync();
    });
    if (ok) await expect(attempt).resolves.toBeDefined();
    else await expect(attempt).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a response over its limit, after counting it", async () => {
    const attempt = run({ responseLimitBytes: 50 }, async (context) => {
      context.workbook.worksheets.getItem("CSF").getRange("A1:B4").load("values,formulas");
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("adds every conditional format at the top priority, never replacing one", async () => {
    const { host } = await run({}, async (context) => {
      const rules = context.workbook.worksheets.getItem("CSF").getRange("B2:B4").conditionalFormats;
      for (const formula of ["=B2>1", "=B2>1", "=B2>2"])
        rules.add("Custom").custom.rule.formula = formula;
      await context.sync();
    });
    expect(host.sheet("CSF")?.conditionalFormats.map((c) => c.formula)).toEqual([
      "=B2>2",
      "=B2>1",
      "=B2>1",
    ]);
  });

  it("gives special cells as areas down each column, and a null object when there are none", async () => {
    const { out } = await run({}, async (context) => {
      const range = context.workbook.worksheets.getItem("CSF").getRange("A1:B4");
      const numbers = range.getSpecialCellsOrNullObject("Constants", "Numbers");
      numbers.areas.load("items/address");
      const formulas = range.getSpecialCellsOrNullObject("Formulas");
      formulas.areas.load("items/address,items/formulas");
      const none = context.workbook.worksheets
        .getItem("CSF")
        .getRange("A3")
        .getSpecialCellsOrNullObject("Formulas");
      none.load("address");
      await context.sync();
      return {
        numbers: numbers.areas.items.map((a) => a.address),
        formulas: formulas.areas.items.map((a) => a.formulas),
        none: none.isNullObject,
      };
    });
    expect(out).toEqual({ numbers: ["CSF!B2"], formulas: [[["=B2+2"]]], none: true });
  });

  it("gives a range's merged areas whose top-left cell is in it, their address as top-left cells", async () => {
    const { out } = await run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem("CSF");
      const from = ws.getRange("1:1").getMergedAreasOrNullObject();
      from.load("address");
      from.areas.load("items/address");
      const below = ws.getRange("2:2").getMergedAreasOrNullObject();
      below.load("address");
      await context.sync();
      return {
        address: from.address,
        areas: from.areas.items.map((a) => a.address),
        below: below.isNullObject,
      };
    });
    expect(out).toEqual({ address: "CSF!C1", areas: ["CSF!C1:D2"], below: true });
  });

  it("refuses sheets added, deleted or renamed in a workbook whose structure is protected", async () => {
    const attempt = run({ structureProtected: true }, async (context) => {
      context.workbook.worksheets.add("Baru");
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "AccessDenied" });
    const { out } = await run({ structureProtected: true }, async (context) => {
      const p = context.workbook.protection;
      p.load("protected");
      await context.sync();
      return p.protected;
    });
    expect(out).toBe(true);
  });

  it("refuses a paper size the printer cannot take", async () => {
    const attempt = run({ refusedPaperSizes: ["A3"] }, async (context) => {
      context.workbook.worksheets.getItem("CSF").pageLayout.paperSize = "A3";
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({
      debugInfo: { errorLocation: "PageLayout.paperSize" },
    });
  });

  it("names where a refused page break failed, and keeps what ran before it", async () => {
    const { host } = await run({}, async () => undefined);
    const attempt = Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("CSF");
      ws.getRange("A5").values = [["ditulis"]];
      ws.horizontalPageBreaks.add("A2000000");
      await context.sync();
    });
    await expect(attempt).rejects.toMatchObject({
      code: "InvalidArgument",
      debugInfo: { errorLocation: "PageBreakCollection.add" },
    });
    expect(host.sheet("CSF")?.values[4]?.[0]).toBe("ditulis");
  });

  it("takes a link's textToDisplay as typed, and leaves the cell alone without one", async () => {
    const { host } = await run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem("CSF");
      ws.getRange("A2").hyperlink = { documentReference: "'CSF'!B2", textToDisplay: "1.10" };
      ws.getRange("A3").hyperlink = { documentReference: "'CSF'!B3" };
      await context.sync();
    });
    expect(host.sheet("CSF")?.values[1]?.[0]).toBe(1.1);
    expect(host.sheet("CSF")?.values[2]?.[0]).toBe("1.2");
  });

  it("tells its culture's decimal separator (ExcelApi 1.11)", async () => {
    const decimal = async (opts: FakeOptions) =>
      (
        await run(opts, async (context) => {
          const culture = context.application.cultureInfo;
          culture.load("numberFormat/numberDecimalSeparator");
          await context.sync();
          return culture.numberFormat.numberDecimalSeparator;
        })
      ).out;
    await expect(decimal({})).resolves.toBe(".");
    await expect(decimal({ listSeparator: ";" })).resolves.toBe(",");
  });
});
