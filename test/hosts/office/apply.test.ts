import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import {
  applyPlan,
  HostError,
  loadSettings,
  readWorkbookGrids,
  saveSettings,
  selectCell,
  SETTINGS_KEY,
} from "../../../src/hosts/office";
import { emptySheetPlan, markerText, type WritePlan } from "../../../src/core/plan";
import { blankCsfPlan } from "../../../src/core/blank";
import type { WorkbookGrids } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";

function install(grids: WorkbookGrids, opts = {}): FakeExcelHost {
  return new FakeExcelHost(grids, opts).install();
}

const userBook: WorkbookGrids = {
  sheets: [
    {
      name: "Target & Realisasi",
      values: [
        ["Kode", "Indikator", "Target", "Realisasi", "Capaian (%)"],
        ["1.1", "Indeks", 80, 72, null],
      ],
    },
  ],
};

function onePlan(sheet: string, mode: "create" | "update", kind?: "pohon"): WritePlan {
  const p = emptySheetPlan(sheet, mode, kind);
  return { sheets: [p] };
}

describe("readWorkbookGrids", () => {
  it("reads every sheet anchored at A1 with formulas and protection", async () => {
    install(
      {
        sheets: [
          {
            name: "A",
            values: [[], [null, null, "x", 2]],
            formulas: [[], [null, null, null, "=1+1"]],
          },
          { name: "B", values: [], protected: true },
        ],
      },
      { maxApi: "1.7" }
    );
    const grids = await readWorkbookGrids();
    expect(grids.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    expect(grids.sheets[0]?.values[1]).toEqual([null, null, "x", 2]);
    expect(grids.sheets[0]?.formulas?.[1]?.[3]).toBe("=1+1");
    expect(grids.sheets[0]?.values[0]).toEqual([]);
    expect(grids.sheets[1]?.protected).toBe(true);
    expect(grids.sheets[0]?.merges).toBeUndefined();
  });

  it("reads merges only when ExcelApi 1.13 is there", async () => {
    install(
      {
        sheets: [
          { name: "A", values: [["x"]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] },
        ],
      },
      { maxApi: "1.13" }
    );
    const grids = await readWorkbookGrids();
    expect(grids.sheets[0]?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });
});

describe("applyPlan", () => {
  it("writes text that looks like a formula as text, and formulas as formulas", async () => {
    const host = install(userBook);
    const plan = onePlan("Pohon Kinerja", "create", "pohon");
    const sheet = plan.sheets[0];
    sheet?.cells.push(
      { row: 0, col: 0, value: markerText("pohon", "id") },
      { row: 1, col: 0, value: "=HAPUS()" },
      { row: 1, col: 1, value: "-5 kasus" },
      { row: 1, col: 2, formula: "=1+2" },
      { row: 1, col: 3, value: 42 }
    );
    await applyPlan(plan);
    const out = host.sheet("Pohon Kinerja");
    expect(out?.values[1]?.[0]).toBe("=HAPUS()");
    expect(out?.formulas[1]?.[0]).toBeNull();
    expect(out?.values[1]?.[1]).toBe("-5 kasus");
    expect(out?.formulas[1]?.[2]).toBe("=1+2");
    expect(out?.values[1]?.[3]).toBe(42);
    expect(host.workbook.activeSheet).toBe("Pohon Kinerja");
  });

  it("refuses a protected target sheet and writes nothing at all", async () => {
    const host = install({
      sheets: [
        { name: "Baru", values: [] },
        { name: "Target", values: [["a"]], protected: true },
      ],
    });
    const plan: WritePlan = {
      sheets: [emptySheetPlan("Dulu", "create", "hasil"), emptySheetPlan("Target", "update")],
    };
    plan.sheets[0]?.cells.push({ row: 0, col: 0, value: "x" });
    plan.sheets[1]?.cells.push({ row: 0, col: 1, value: "y" });
    const before = JSON.stringify(host.workbook);
    await expect(applyPlan(plan)).rejects.toMatchObject({
      code: "protected",
      params: { sheet: "Target" },
    });
    expect(JSON.stringify(host.workbook)).toBe(before);
  });

  it("never touches a user's sheet named like a generated one", async () => {
    const host = install({ sheets: [{ name: "Pohon Kinerja", values: [["Catatan saya"]] }] });
    const plan = onePlan("Pohon Kinerja", "create", "pohon");
    plan.sheets[0]?.cells.push({ row: 0, col: 0, value: "baru" });
    const err = await applyPlan(plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("notGenerated");
    expect((err as HostError).userMessage("id")).toContain("Pohon Kinerja");
    expect(host.sheet("Pohon Kinerja")?.values[0]?.[0]).toBe("Catatan saya");
  });

  it("replaces the add-in's own sheet of the same kind, even when it is the only sheet", async () => {
    const host = install({
      sheets: [{ name: "Pohon Kinerja", values: [[markerText("pohon", "id")], ["lama"]] }],
    });
    const plan = onePlan("Pohon Kinerja", "create", "pohon");
    plan.sheets[0]?.cells.push(
      { row: 0, col: 0, value: markerText("pohon", "id") },
      { row: 2, col: 0, value: "baru" }
    );
    await applyPlan(plan);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["Pohon Kinerja"]);
    expect(host.sheet("Pohon Kinerja")?.values[1]?.[0] ?? null).toBeNull();
    expect(host.sheet("Pohon Kinerja")?.values[2]?.[0]).toBe("baru");
  });

  it("refuses an update when an expected cell changed since it was read", async () => {
    const host = install(userBook);
    const plan = onePlan("Target & Realisasi", "update");
    plan.sheets[0]?.cells.push({ row: 1, col: 4, formula: "=D2/C2*100" });
    if (plan.sheets[0]) plan.sheets[0].expect = [{ row: 1, col: 4, value: 95, formula: null }];
    await expect(applyPlan(plan)).rejects.toMatchObject({ code: "changed" });
    expect(host.sheet("Target & Realisasi")?.formulas[1]?.[4] ?? null).toBeNull();
  });

  it("writes only the listed cells of an update", async () => {
    const host = install(userBook);
    const plan = onePlan("Target & Realisasi", "update");
    plan.sheets[0]?.cells.push({ row: 1, col: 4, formula: "=D2/C2*100" });
    if (plan.sheets[0]) plan.sheets[0].expect = [{ row: 1, col: 4, value: null, formula: null }];
    await applyPlan(plan);
    const s = host.sheet("Target & Realisasi");
    expect(s?.formulas[1]?.[4]).toBe("=D2/C2*100");
    expect(s?.values[1]?.slice(0, 4)).toEqual(["1.1", "Indeks", 80, 72]);
  });

  it("splits a large plan into requests under 5 MB, one sync each", async () => {
    const host = install(userBook);
    const plan = onePlan("Besar", "create", "pohon");
    const text = "Meningkatnya kualitas tata kelola pemerintahan ".repeat(4);
    for (let row = 0; row < 20000; row++)
      for (let col = 0; col < 6; col++)
        plan.sheets[0]?.cells.push({ row, col, value: `${text}${row}` });
    const progress: number[] = [];
    const grids = await readWorkbookGrids();
    host.resetStats();
    const result = await applyPlan(plan, { grids, onProgress: (done) => progress.push(done) });
    const writes = host.stats.requestBytes;
    expect(result.chunks).toBeGreaterThan(1);
    expect(writes.length).toBe(result.chunks);
    expect(Math.max(...writes)).toBeLessThan(5 * 1024 * 1024);
    expect(writes.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(progress).toEqual(Array.from({ length: result.chunks }, (_, i) => i + 1));
    expect(host.sheet("Besar")?.values[19999]?.[5]).toBe(`${text}19999`);
  });

  it("skips print setup below ExcelApi 1.9 and says so", async () => {
    const host = install(userBook, { maxApi: "1.7" });
    const plan = onePlan("Hasil", "create", "pohon");
    plan.sheets[0]?.cells.push({ row: 0, col: 0, value: "x" });
    if (plan.sheets[0]) plan.sheets[0].print = { paper: "A4", orientation: "landscape" };
    const result = await applyPlan(plan);
    expect(result.skipped).toEqual(["print"]);
    expect(host.sheet("Hasil")?.print).toEqual({});
  });

  it("writes print setup, formats, merges, links and bands at ExcelApi 1.9", async () => {
    const host = install(userBook, { maxApi: "1.9" });
    const plan = onePlan("Hasil", "create", "pohon");
    const p = plan.sheets[0];
    if (!p) throw new Error("no plan");
    p.cells.push({ row: 0, col: 0, value: "x" });
    p.print = {
      paper: "A3",
      orientation: "landscape",
      fitToWidth: 1,
      titleRows: { first: 0, last: 1 },
    };
    p.merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
    p.formats.push({
      range: { top: 0, left: 0, bottom: 0, right: 3 },
      style: { bold: true, fill: "#FFEB9C" },
    });
    p.hyperlinks.push({ row: 2, col: 0, target: "'CSF'!B7", text: "1.1" });
    p.conditionalFormats.push({
      range: { top: 3, left: 5, bottom: 9, right: 5 },
      bands: [{ min: 91, fill: "#C6EFCE" }],
    });
    p.freeze = { rows: 2, cols: 0 };
    await applyPlan(plan);
    const s = host.sheet("Hasil");
    expect(s?.print).toMatchObject({
      paperSize: "A3",
      orientation: "Landscape",
      printTitleRows: "$1:$2",
    });
    expect(s?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(s?.formats).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "fill.color", value: "#FFEB9C" })])
    );
    expect(s?.hyperlinks[0]).toMatchObject({ row: 2, col: 0, documentReference: "'CSF'!B7" });
    // An expression rule that tests ISNUMBER, so an uncomputable capaian ("") stays plain.
    expect(s?.conditionalFormats[0]).toMatchObject({
      type: "Custom",
      fill: "#C6EFCE",
      formula: "=AND(ISNUMBER(F4),F4>=91)",
    });
    expect(s?.freeze).toEqual({ rows: 2, cols: 0 });
  });

  it("hides a new sheet's gridlines and sets typeface and indent where Excel has them", async () => {
    const styled = (maxApi: string) => {
      const host = install(userBook, { maxApi });
      const plan = onePlan("Hasil", "create", "pohon");
      plan.sheets[0]?.cells.push({ row: 0, col: 0, value: "x" });
      plan.sheets[0]?.formats.push({
        range: { top: 0, left: 0, bottom: 0, right: 0 },
        style: { fontName: "Arial", hAlign: "left", indent: 1 },
      });
      return { host, plan };
    };
    const paths = (host: FakeExcelHost) =>
      (host.sheet("Hasil")?.formats ?? []).map((f) => [f.path, f.value]);

    const recent = styled("1.9");
    await applyPlan(recent.plan);
    expect(recent.host.sheet("Hasil")?.showGridlines).toBe(false);
    expect(paths(recent.host)).toEqual(
      expect.arrayContaining([
        ["font.name", "Arial"],
        ["indentLevel", 1],
      ])
    );

    // Excel 2019 (ExcelApi 1.7): the typeface only; the gridlines and the indent stay as they are.
    const old = styled("1.7");
    await applyPlan(old.plan);
    expect(old.host.sheet("Hasil")?.showGridlines).toBeNull();
    expect(paths(old.host)).toContainEqual(["font.name", "Arial"]);
    expect(paths(old.host).some(([p]) => p === "indentLevel")).toBe(false);
  });
});

describe("settings, selection and the new kertas kerja", () => {
  it("stores settings in the document and reads them back over the defaults", async () => {
    const host = install(userBook, { displayLanguage: "en-US" });
    await saveSettings({ ...DEFAULT_SETTINGS, organisation: "Sekretariat Daerah", year: 2024 });
    expect(host.savedSettings[SETTINGS_KEY]).toMatchObject({
      organisation: "Sekretariat Daerah",
      year: 2024,
    });
    const back = loadSettings();
    expect(back.organisation).toBe("Sekretariat Daerah");
    expect(back.lang).toBe("en");
    expect(back.bands).toEqual(DEFAULT_SETTINGS.bands);
  });

  it("selects a cell on its sheet", async () => {
    const host = install({
      sheets: [
        { name: "A", values: [] },
        { name: "Uraian Kondisi", values: [] },
      ],
    });
    await selectCell("'Uraian Kondisi'!B7");
    expect(host.workbook.activeSheet).toBe("Uraian Kondisi");
    expect(host.workbook.selection).toBe("'Uraian Kondisi'!B7");
    await expect(selectCell("bukan alamat")).rejects.toMatchObject({ code: "badRef" });
    // A sheet deleted since the check ran: named in the message, not Excel's ItemNotFound.
    const gone = selectCell("'Dihapus'!A1");
    await expect(gone).rejects.toMatchObject({
      code: "missingSheet",
      params: { sheet: "Dihapus" },
    });
    await expect(gone).rejects.toThrow('The sheet "Dihapus" was not found in this workbook.');
  });

  it("adds empty CSF sheets with the headers, and beside them a second set under free names", async () => {
    const host = install({ sheets: [{ name: "Sheet1", values: [] }] });
    await applyPlan(blankCsfPlan("id", host.grids()));
    expect(host.workbook.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "CSF",
      "Uraian Kondisi",
      "Target & Realisasi",
    ]);
    const target = host.sheet("Target & Realisasi")?.values[2];
    expect(target).toEqual([
      "Kode",
      "Indikator Kinerja",
      "Satuan",
      "Target",
      "Realisasi",
      "Capaian (%)",
      "Polaritas",
    ]);
    const csf = host.grids().sheets.find((s) => s.name === "CSF");
    expect(csf?.values.some((r) => r[1] === "Faktor Penyebab")).toBe(true);
    await applyPlan(blankCsfPlan("id", host.grids()));
    expect(host.workbook.sheets.map((s) => s.name).slice(4)).toEqual([
      "CSF (2)",
      "Uraian Kondisi (2)",
      "Target & Realisasi (2)",
    ]);
    expect(host.sheet("CSF")?.values.some((r) => r[1] === "Faktor Penyebab")).toBe(true);
  });
});

describe("text that Excel would take for a number", () => {
  it("stays text: codes, years and percentages are written with a leading apostrophe", async () => {
    const host = new FakeExcelHost({ sheets: [{ name: "Data", values: [["x"]] }] }).install();
    const plan = emptySheetPlan("Pohon Kinerja", "create", "pohon");
    const texts = [
      "1.10",
      "2024",
      "10%",
      "TRUE",
      "-5",
      " 7 ",
      "1.1.1",
      "12345678901234567890123456789012345678901234567890",
      "2024 adalah tahun pertama pelaksanaan rencana strategis daerah",
    ];
    texts.forEach((value, col) => plan.cells.push({ row: 1, col, value }));
    plan.cells.push({ row: 2, col: 0, value: 3.5 });
    await applyPlan({ sheets: [plan] });
    const sheet = host.sheet("Pohon Kinerja");
    expect(sheet?.values[1]?.slice(0, texts.length)).toEqual(texts);
    expect(sheet?.values[2]?.[0]).toBe(3.5);
  });
});
