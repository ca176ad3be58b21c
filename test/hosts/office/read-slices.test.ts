/**
 * Excel on the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded). The read
 * leaves the add-in's own sheets unread and reads the rest in row slices whose responses stay
 * under the limit; number formats come with the values.
 */
import path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { FakeExcelHost, setCell } from "../../../src/hosts/fake-excel";
import {
  HostError,
  MAX_READ_CELLS,
  officeHost,
  readWorkbookGrids,
} from "../../../src/hosts/office";
import { runAction } from "../../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { markerText } from "../../../src/core/plan";
import { numberFormatAt, type WorkbookGrids } from "../../../src/core/grid";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

let sample: WorkbookGrids;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
});

describe("the read under a response limit", () => {
  it("reads the same grids in slices when Excel refuses larger responses", async () => {
    new FakeExcelHost(sample).install();
    const whole = await readWorkbookGrids();
    // Below what the walk reads ahead (59 KB of the sample), so that it is refused too.
    const limit = 30_000;
    const host = new FakeExcelHost(sample, { responseLimitBytes: limit }).install();
    const sliced = await readWorkbookGrids();
    expect(sliced).toEqual(whole);
    // Refused responses are answered with an error, not the data; those taken fit the limit.
    const taken = host.stats.responseBytes.filter((b) => b <= limit);
    expect(taken.length).toBeGreaterThan(2);
    expect(host.stats.responseBytes.length).toBe(host.stats.syncs);
  });

  it("sizes each request by each sheet's own bytes per cell: none over 5,000,000, none refused", async () => {
    // Short texts first, then a sheet whose every row holds a long formula (a filled capaian
    // column): a request sized by the first sheet's figure alone would be refused on the second.
    const texts = Array.from({ length: 40_000 }, (_, r) => [`Uraian ${r}`, `Penjelasan ${r}`, r]);
    const formula = (r: number) => `=IFERROR(${'NUMBERVALUE(B2,",",".")+'.repeat(12)}0,"–")${r}`;
    const book: WorkbookGrids = {
      sheets: [
        { name: "Uraian", values: texts },
        {
          name: "Target & Realisasi",
          values: Array.from({ length: 12_000 }, (_, r) => [`${r}`, 1, 2, 3]),
          formulas: Array.from({ length: 12_000 }, (_, r) => [null, null, null, formula(r)]),
        },
      ],
    };
    const host = new FakeExcelHost(book).install();
    const grids = await readWorkbookGrids();
    expect(grids.sheets[1]?.formulas?.[11_999]?.[3]).toBe(formula(11_999));
    expect(grids.sheets[0]?.values[39_999]?.[2]).toBe(39_999);
    const read = host.stats.responseBytes.reduce((a, b) => a + b, 0);
    expect(read).toBeGreaterThan(5_000_000);
    expect(Math.max(...host.stats.responseBytes)).toBeLessThanOrEqual(5_000_000);
    // The sheets' meta, then as few requests as the budget allows: none was refused and sent again.
    expect(host.stats.syncs).toBe(1 + Math.ceil(read / 4_600_000));
  });

  it("leaves the add-in's own sheets unread, holding their marker alone", async () => {
    const host = new FakeExcelHost(sample).install();
    for (const action of ["tree", "kertas-kerja"] as const)
      await runAction(action, officeHost, DEFAULT_SETTINGS);
    host.resetStats();
    const grids = await readWorkbookGrids();
    expect(grids.unread).toEqual(["Pohon Kinerja", "Kertas Kerja"]);
    const tree = grids.sheets.find((s) => s.name === "Pohon Kinerja");
    expect(tree?.values).toEqual([[markerText("pohon", "id")]]);
    const skipped = host.stats.responseBytes.reduce((a, b) => a + b, 0);
    host.resetStats();
    const all = await readWorkbookGrids({ generated: true });
    expect(all.unread).toBeUndefined();
    expect(all.sheets.find((s) => s.name === "Pohon Kinerja")?.values.length).toBeGreaterThan(10);
    expect(host.stats.responseBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * skipped);
  });

  it("reads a generated Kertas Kerja when no other sheet gives conditions", async () => {
    const host = new FakeExcelHost(sample).install();
    await runAction("kertas-kerja", officeHost, DEFAULT_SETTINGS);
    host.workbook.sheets = host.workbook.sheets.filter((s) => s.name === "Kertas Kerja");
    const outcome = await runAction("periksa", officeHost, DEFAULT_SETTINGS);
    expect(outcome.analysis.model.nodes.length).toBeGreaterThan(5);
  });

  it("refuses a sheet used beyond what the pane reads, naming it and its size", async () => {
    const wide: WorkbookGrids = {
      sheets: [
        { name: "CSF", values: [["Kode"]] },
        { name: "Catatan", values: [["x"]] },
      ],
    };
    const host = new FakeExcelHost(wide).install();
    const notes = host.sheet("Catatan");
    if (!notes) throw new Error("no Catatan");
    // One stray value far down and right, as when a cell was typed in by mistake.
    setCell(notes, 99_999, 40, "?", null);
    host.resetStats();
    const err = await readWorkbookGrids().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("tooLarge");
    const message = (err as HostError).userMessage("id");
    expect(message).toContain('"Catatan"');
    expect(message).toContain("100000 baris × 41 kolom");
    expect(message).toContain("AO100000");
    expect(100_000 * 41).toBeGreaterThan(MAX_READ_CELLS);
    // Refused after the first request: no cell was read.
    expect(host.stats.syncs).toBe(1);
  });

  it("reads sheet by sheet when the first request, a row of each sheet, is refused", async () => {
    const long = (c: string) => c.repeat(1500);
    const book: WorkbookGrids = {
      sheets: ["a", "b", "c"].map((c) => ({ name: `S${c}`, values: [[c], [long(c)]] })),
    };
    const host = new FakeExcelHost(book, { responseLimitBytes: 3000 }).install();
    const grids = await readWorkbookGrids();
    expect(grids.sheets.map((s) => s.values[1]?.[0])).toEqual(["a", "b", "c"].map(long));
    // Each refused request is made again at half its size: every response taken fits.
    const taken = host.stats.responseBytes.filter((b) => b <= 3000);
    expect(taken.length).toBeGreaterThanOrEqual(4);
    expect(host.stats.syncs).toBeLessThanOrEqual(8);
  });

  it("says plainly when one row alone is more than Excel will send", async () => {
    const long = "x".repeat(2000);
    const book: WorkbookGrids = { sheets: [{ name: "CSF", values: [[long, long, long]] }] };
    new FakeExcelHost(book, { responseLimitBytes: 3000 }).install();
    const err = await readWorkbookGrids().catch((e: unknown) => e);
    expect((err as HostError).code).toBe("responseTooLarge");
    expect((err as HostError).userMessage("id")).toContain("5 MB");
  });
});

describe("number formats and formulas", () => {
  const book: WorkbookGrids = {
    sheets: [
      {
        name: "Target & Realisasi",
        values: [
          ["Kode", "Target", "Realisasi", "Capaian"],
          ["1.1", 0.85, 0.8, 94.12],
          ["1.2", 12, "12,5", null],
        ],
        formulas: [[], [null, null, null, "=ROUND(C2/B2*100,2)"], []],
        numberFormats: [[], [null, "0%", "0.0%", "0.00"], ["@", "General", null, null]],
      },
    ],
  };

  it.each(["1.7", "1.9", "1.17"])("are read with the values at ExcelApi %s", async (maxApi) => {
    new FakeExcelHost(book, { maxApi }).install();
    const grids = await readWorkbookGrids();
    const s = grids.sheets[0];
    if (!s) throw new Error("no sheet");
    expect(numberFormatAt(s, 1, 1)).toBe("0%");
    expect(numberFormatAt(s, 1, 2)).toBe("0.0%");
    expect(numberFormatAt(s, 1, 3)).toBe("0.00");
    expect(numberFormatAt(s, 2, 1)).toBeNull();
    expect(s.formulas?.[1]?.[3]).toBe("=ROUND(C2/B2*100,2)");
    expect(s.formulas?.[1]?.[1]).toBeNull();
    expect(s.values[2]?.[2]).toBe("12,5");
    // Number formats of text cells matter to no one: read with numbers only from ExcelApi 1.9.
    if (maxApi === "1.7") expect(numberFormatAt(s, 2, 0)).toBe("@");
  });

  it("come in the response budget: a refused response is read again smaller", async () => {
    new FakeExcelHost(book).install();
    const whole = await readWorkbookGrids();
    // Enough for the sheets' meta, not for the cells in one response.
    const host = new FakeExcelHost(book, { responseLimitBytes: 300 }).install();
    await expect(readWorkbookGrids()).resolves.toEqual(whole);
    expect(host.stats.syncs).toBeGreaterThan(2);
  });
});

describe("merged areas (ExcelApi 1.13)", () => {
  const merged: WorkbookGrids = {
    sheets: [
      {
        name: "CSF",
        // Rows of 100 characters: a few to a response of 400 bytes.
        values: Array.from({ length: 8 }, (_, r) => [`${r}${"x".repeat(100)}`]),
        merges: [
          { top: 0, left: 0, bottom: 0, right: 3 },
          { top: 3, left: 0, bottom: 4, right: 1 },
        ],
      },
    ],
  };

  it.each(["top-left", "areas"] as const)(
    "are read whole whatever RangeAreas.address lists (%s), each once across slices",
    async (mergedAreasAddress) => {
      const host = new FakeExcelHost(merged, { mergedAreasAddress, responseLimitBytes: 400 });
      host.install();
      const grids = await readWorkbookGrids();
      expect(grids.sheets[0]?.merges).toEqual(merged.sheets[0]?.merges);
      expect(host.stats.syncs).toBeGreaterThan(3);
    }
  );
});
