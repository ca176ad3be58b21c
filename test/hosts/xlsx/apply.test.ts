/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   these rules take ExcelJS's getCell() for Office.js proxies; ExcelJS cells are plain objects. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  emptySheetPlan,
  markerText,
  withinExcelLimits,
  type SheetPlan,
  type WritePlan,
} from "../../../src/core/plan";
import { PlanRefusedError, readXlsxFile } from "../../../src/hosts/xlsx";
import { applyPlan } from "./exceljs";
import { convertWithLibreOffice } from "../../helpers/libreoffice";
import { HOSTS, type XlsxHost } from "./hosts";
import { storedWidth } from "../../../src/hosts/xlsx/package/sheet-xml";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-apply-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** ExcelJS keeps the read conditional formats in an untyped array. */
function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

/** A user's workbook: a "Target & Realisasi" sheet with typed numbers. */
function userBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Target & Realisasi");
  ws.getCell("A1").value = "Kode";
  ws.getCell("B1").value = "Target";
  ws.getCell("C1").value = "Realisasi";
  ws.getCell("D1").value = "Capaian (%)";
  ws.getCell("A2").value = "1.1";
  ws.getCell("B2").value = 80;
  ws.getCell("C2").value = 84;
  wb.addWorksheet("CSF").getCell("A1").value = "CRITICAL SUCCESS FAKTOR (CSF)";
  return wb;
}

let serial = 0;

/** `wb` saved as a user's file (ExcelJS writes it, as Excel would have). */
async function userFile(wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, `user-${++serial}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

/** Apply `plan` with `host` to `wb` saved as a file; the written file's path. */
async function applyToFile(
  host: XlsxHost,
  wb: ExcelJS.Workbook | string,
  plan: WritePlan,
  name: string,
  lang: "id" | "en" = "id"
): Promise<string> {
  const input = typeof wb === "string" ? wb : await userFile(wb);
  const out = path.join(dir, `${host.name.replace(/\W+/g, "-")}-${name}`);
  await host.applyFile(input, plan, out, lang);
  return out;
}

/** Apply and read the result back with ExcelJS. */
async function applyAndLoad(
  host: XlsxHost,
  wb: ExcelJS.Workbook | string,
  plan: WritePlan,
  name: string
): Promise<ExcelJS.Workbook> {
  return load(await applyToFile(host, wb, plan, name));
}

/** A generated sheet using every feature of the plan. */
function fullSheetPlan(): SheetPlan {
  const p = emptySheetPlan("Pohon Kinerja", "create", "pohon");
  p.cells.push(
    { row: 0, col: 0, value: markerText("pohon", "id") },
    { row: 2, col: 1, value: "=SUM(A1)" },
    { row: 2, col: 2, value: "+62" },
    { row: 2, col: 3, value: "-" },
    { row: 2, col: 4, value: "@x" },
    { row: 3, col: 1, value: 91 },
    { row: 3, col: 2, formula: "=B4*2" },
    { row: 3, col: 3, value: true },
    { row: 4, col: 1, value: "Meningkatnya Kualitas\nTata Kelola" }
  );
  p.formats.push(
    {
      range: { top: 2, left: 1, bottom: 3, right: 3 },
      style: {
        bold: true,
        italic: true,
        fontSize: 14,
        fontColor: "#1F4E78",
        fill: "#DDEBF7",
        hAlign: "center",
        vAlign: "middle",
        wrap: true,
        numberFormat: "0.00",
        border: { top: { style: "medium" }, bottom: { style: "thick", color: "#FF0000" } },
        innerBorder: { style: "thin", color: "#808080" },
      },
    },
    {
      range: { top: 4, left: 1, bottom: 4, right: 4 },
      style: { border: { left: { style: "thin" }, right: { style: "dashed" } } },
    },
    { range: { top: 5, left: 2, bottom: 5, right: 2 }, style: { fontName: "Arial", indent: 1 } }
  );
  p.merges.push({ top: 4, left: 1, bottom: 4, right: 4 });
  p.hyperlinks.push({
    row: 5,
    col: 1,
    target: "'Target & Realisasi'!C2",
    text: "'Target & Realisasi'!C2",
    tip: "Buka sel",
  });
  p.columnWidths.push({ col: 1, width: 42 });
  p.rowHeights.push({ row: 4, height: 33 });
  p.conditionalFormats.push({
    range: { top: 3, left: 1, bottom: 3, right: 2 },
    bands: [
      { min: 91, fill: "#C6EFCE", fontColor: "#006100" },
      { min: 76, max: 91, fill: "#DDEBF7" },
      { max: 51, fill: "#FFC7CE" },
    ],
  });
  p.freeze = { rows: 3, cols: 1 };
  p.autoFilter = { top: 2, left: 1, bottom: 4, right: 4 };
  p.print = {
    paper: "A3",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    area: { top: 0, left: 0, bottom: 9, right: 5 },
    titleRows: { first: 0, last: 2 },
    rowBreaks: [6],
    footerCenter: "Halaman &P dari &N",
    margins: { top: 0.5, bottom: 0.6, left: 0.4, right: 0.3 },
    centerHorizontally: true,
  };
  p.tabColor = "#70AD47";
  return p;
}

describe.each(HOSTS)("applying a plan with the $name", (host) => {
  it("writes every feature of a sheet plan so that ExcelJS reads it back", async () => {
    const back = await applyAndLoad(host, userBook(), { sheets: [fullSheetPlan()] }, "full.xlsx");
    const ws = back.getWorksheet("Pohon Kinerja")!;
    expect(back.worksheets.map((s) => s.name)).toEqual([
      "Target & Realisasi",
      "CSF",
      "Pohon Kinerja",
    ]);

    // Strings that look like formulas stay strings.
    for (const [addr, text] of [
      ["B3", "=SUM(A1)"],
      ["C3", "+62"],
      ["D3", "-"],
      ["E3", "@x"],
    ])
      expect(ws.getCell(addr!).value).toBe(text);
    expect(ws.getCell("B4").value).toBe(91);
    expect(ws.getCell("C4").formula).toBe("B4*2");
    expect(ws.getCell("D4").value).toBe(true);

    const styled = ws.getCell("C3");
    expect(styled.font).toMatchObject({
      bold: true,
      italic: true,
      size: 14,
      color: { argb: "FF1F4E78" },
    });
    expect(styled.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(styled.alignment).toMatchObject({
      horizontal: "center",
      vertical: "middle",
      wrapText: true,
    });
    expect(styled.numFmt).toBe("0.00");
    // Outline on the edges, inner grid between cells.
    expect(ws.getCell("C3").border.top).toMatchObject({ style: "medium" });
    expect(ws.getCell("C3").border.bottom).toMatchObject({
      style: "thin",
      color: { argb: "FF808080" },
    });
    expect(ws.getCell("C4").border.bottom).toMatchObject({
      style: "thick",
      color: { argb: "FFFF0000" },
    });
    expect(ws.getCell("B3").border.left).toBeUndefined();
    expect(ws.getCell("B3").border.right).toMatchObject({ style: "thin" });
    expect(ws.getCell("E5").border.right).toMatchObject({ style: "dashed" });

    // A typeface of its own, and text indented off the left border.
    expect(ws.getCell("C6").font).toMatchObject({ name: "Arial" });
    expect(ws.getCell("C6").alignment).toMatchObject({ horizontal: "left", indent: 1 });

    expect(ws.getCell("B5").value).toBe("Meningkatnya Kualitas\nTata Kelola");
    expect(ws.getCell("E5").isMerged).toBe(true);
    expect(ws.getCell("E5").master.address).toBe("B5");

    expect(ws.getCell("B6").value).toEqual({
      text: "'Target & Realisasi'!C2",
      hyperlink: "#'Target & Realisasi'!C2",
    });
    // The file stores the width with its 5 px of padding (ECMA-376 18.3.1.13).
    expect(ws.getColumn(2).width).toBe(storedWidth(42));
    expect(ws.getRow(5).height).toBe(33);

    const cf = conditionalFormats(ws)[0]!;
    expect(cf.ref).toBe("B4:C4");
    // Expression rules that test ISNUMBER first, so the "" of an uncomputable capaian stays plain.
    expect(cf.rules.map((r) => [r.type, (r as ExcelJS.ExpressionRuleType).formulae])).toEqual([
      ["expression", ["AND(ISNUMBER(B4),B4>=91)"]],
      ["expression", ["AND(ISNUMBER(B4),B4>=76,B4<91)"]],
      ["expression", ["AND(ISNUMBER(B4),B4<51)"]],
    ]);
    const priorities = cf.rules.map((r) => r.priority);
    expect(priorities[0]!).toBeLessThan(priorities[1]!);
    expect(cf.rules[0]!.style?.fill).toMatchObject({ bgColor: { argb: "FFC6EFCE" } });
    expect(cf.rules[0]!.style?.font).toMatchObject({ color: { argb: "FF006100" } });

    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3, topLeftCell: "B4" });
    // A sheet the add-in makes shows no gridlines.
    expect(ws.views[0]?.showGridLines).toBe(false);
    expect(ws.autoFilter).toBe("B3:E5");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 8,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:F10",
      printTitlesRow: "1:3",
      horizontalCentered: true,
    });
    expect(ws.pageSetup.margins).toMatchObject({ top: 0.5, bottom: 0.6, left: 0.4, right: 0.3 });
    expect(ws.headerFooter.oddFooter).toBe("&CHalaman &P dari &N");
    expect(ws.properties.tabColor).toEqual({ argb: "FF70AD47" });
    // The generated sheet is the active and only selected tab.
    expect(back.views[0]!.activeTab).toBe(2);
  });

  it("writes internal links as a location without an external relationship, and a page break above the row", async () => {
    const file = await applyToFile(host, userBook(), { sheets: [fullSheetPlan()] }, "xml.xlsx");
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
    expect(xml).toMatch(
      /<hyperlink ref="B6" location="&apos;Target &amp; Realisasi&apos;!C2" tooltip="Buka sel"\/>/
    );
    expect(xml).toContain('<brk id="6"');
    const rels = zip.file("xl/worksheets/_rels/sheet3.xml.rels");
    const relsXml = rels ? await rels.async("string") : "";
    expect(relsXml).not.toContain("Realisasi");
    // Formulas go without cached results, so Excel is told to compute on opening.
    const book = await zip.file("xl/workbook.xml")!.async("string");
    expect(book).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("updates only the listed cells of a user's sheet", async () => {
    const wb = userBook();
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.cells.push({ row: 1, col: 3, formula: '=IFERROR(C2/B2*100,"")' });
    p.expect = [
      { row: 1, col: 1, value: 80, formula: null },
      { row: 1, col: 2, value: 84, formula: null },
      { row: 1, col: 3, value: null, formula: null },
    ];
    const back = await applyAndLoad(host, wb, { sheets: [p] }, "update.xlsx");
    const ws = back.getWorksheet("Target & Realisasi")!;
    expect(ws.getCell("D2").formula).toBe('IFERROR(C2/B2*100,"")');
    expect(ws.getCell("B2").value).toBe(80);
    expect(ws.getCell("C2").value).toBe(84);
    expect(ws.getCell("D1").value).toBe("Capaian (%)");
  });

  it("replaces its own generated sheet in place and keeps the other sheets intact", async () => {
    const wb = await applyAndLoad(host, userBook(), { sheets: [fullSheetPlan()] }, "first.xlsx");
    wb.addWorksheet("Catatan").getCell("A1").value = "catatan pengguna";
    const again = emptySheetPlan("Pohon Kinerja", "create", "pohon");
    again.cells.push(
      { row: 0, col: 0, value: markerText("pohon", "en") },
      { row: 1, col: 0, value: "baru" }
    );
    const back = await applyAndLoad(host, wb, { sheets: [again] }, "replaced.xlsx");
    expect(back.worksheets.map((s) => s.name)).toEqual([
      "Target & Realisasi",
      "CSF",
      "Pohon Kinerja",
      "Catatan",
    ]);
    const ws = back.getWorksheet("Pohon Kinerja")!;
    expect(ws.getCell("A2").value).toBe("baru");
    expect(ws.getCell("B3").value).toBeNull();
    expect(conditionalFormats(ws)).toEqual([]);
    expect(back.getWorksheet("Catatan")!.getCell("A1").value).toBe("catatan pengguna");
    expect(back.getWorksheet("Target & Realisasi")!.getCell("C2").value).toBe(84);
  });

  it("applies onto a workbook read from a file, whose sheets have no views", async () => {
    const loaded = await load(await userFile(userBook()));
    const back = await applyAndLoad(
      host,
      loaded,
      { sheets: [fullSheetPlan()] },
      "user-applied.xlsx"
    );
    expect(back.worksheets.map((s) => s.name)).toEqual([
      "Target & Realisasi",
      "CSF",
      "Pohon Kinerja",
    ]);
    expect(back.views[0]!.activeTab).toBe(2);
    expect(back.getWorksheet("Pohon Kinerja")!.getCell("B3").value).toBe("=SUM(A1)");
  });

  it("refuses to replace a user's sheet of the same name and writes nothing", async () => {
    const wb = userBook();
    wb.addWorksheet("Pohon Kinerja").getCell("A1").value = "pohon saya sendiri";
    const input = await userFile(wb);
    const before = fs.readFileSync(input);
    const out = path.join(dir, `${host.name}-refused.xlsx`);
    await expect(host.applyFile(input, { sheets: [fullSheetPlan()] }, out)).rejects.toThrow(
      PlanRefusedError
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("refuses a generated sheet of another kind", async () => {
    const wb = userBook();
    wb.addWorksheet("Pohon Kinerja").getCell("A1").value = markerText("laporan", "id");
    await expect(applyToFile(host, wb, { sheets: [fullSheetPlan()] }, "kind.xlsx")).rejects.toThrow(
      /Pohon Kinerja/
    );
  });

  it("refuses the whole plan and writes nothing when an expected cell changed", async () => {
    const created = fullSheetPlan();
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.cells.push({ row: 1, col: 3, formula: "=C2/B2*100" });
    p.expect = [{ row: 1, col: 2, value: 75, formula: null }];
    const plan: WritePlan = { sheets: [created, p] };
    const out = path.join(dir, `${host.name}-changed.xlsx`);
    await expect(host.applyFile(await userFile(userBook()), plan, out, "en")).rejects.toThrow(
      /'Target & Realisasi'!C2.*75.*84/
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("merges many areas and refuses areas that overlap", async () => {
    const p = emptySheetPlan("Kertas Kerja", "create", "kertas-kerja");
    p.cells.push({ row: 0, col: 0, value: markerText("kertas-kerja", "id") });
    for (let r = 1; r < 400; r += 2) p.merges.push({ top: r, left: 0, bottom: r + 1, right: 3 });
    const file = await applyToFile(host, userBook(), { sheets: [p] }, "many-merges.xlsx");
    const back = await load(file);
    const grid = (await readXlsxFile(file)).sheets.find((s) => s.name === "Kertas Kerja")!;
    expect(grid.merges).toHaveLength(200);
    expect(back.getWorksheet("Kertas Kerja")!.getCell("D401").master.address).toBe("A400");
    const overlapping = emptySheetPlan("Lain", "create", "laporan");
    overlapping.merges.push(
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 1, left: 1, bottom: 2, right: 2 }
    );
    await expect(
      applyToFile(host, userBook(), { sheets: [overlapping] }, "overlap.xlsx")
    ).rejects.toThrow(/merge/);
  });

  it("writes a plan kept within Excel's limits (where plans are made) as it is", async () => {
    const wb = userBook();
    const p = emptySheetPlan("Hasil Pemeriksaan", "create", "hasil");
    p.cells.push(
      { row: 0, col: 0, value: markerText("hasil", "id") },
      { row: 1, col: 0, value: "x".repeat(40000) },
      { row: 2, col: 0, value: "y".repeat(32767) }
    );
    p.rowHeights.push({ row: 1, height: 5610 }, { row: 2, height: 30 });
    const plan = withinExcelLimits({ sheets: [p] });
    const back = await applyAndLoad(host, wb, plan, "limits.xlsx");
    const ws = back.getWorksheet("Hasil Pemeriksaan")!;
    const cut = ws.getCell("A2").value as string;
    expect(cut).toHaveLength(32767);
    expect(cut.endsWith("x…")).toBe(true);
    expect(ws.getCell("A3").value).toBe("y".repeat(32767));
    expect(ws.getRow(2).height).toBe(409);
    expect(ws.getRow(3).height).toBe(30);
  });

  it("refuses an update of a sheet that does not exist", async () => {
    await expect(
      applyToFile(host, userBook(), { sheets: [emptySheetPlan("Tidak Ada", "update")] }, "no.xlsx")
    ).rejects.toThrow(PlanRefusedError);
  });

  it("activates the sheet the plan names", async () => {
    const plan = { sheets: [fullSheetPlan()], activate: "CSF" };
    const back = await applyAndLoad(host, userBook(), plan, "activate.xlsx");
    expect(back.views[0]!.activeTab).toBe(1);
  });

  it("writes a file that LibreOffice opens, computing the formula and keeping text as text", async () => {
    const file = await applyToFile(host, userBook(), { sheets: [fullSheetPlan()] }, "libre.xlsx");
    const { output } = await convertWithLibreOffice(
      file,
      "xlsx:Calc MS Excel 2007 XML",
      path.join(dir, `lo-out-${host.name.replace(/\W+/g, "-")}`)
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(output);
    const ws = back.getWorksheet("Pohon Kinerja")!;
    expect(ws.getCell("B3").value).toBe("=SUM(A1)");
    expect(ws.getCell("C3").value).toBe("+62");
    expect(ws.getCell("E3").value).toBe("@x");
    expect((ws.getCell("C4").value as ExcelJS.CellFormulaValue).result).toBe(182);
    const grids = await readXlsxFile(output);
    expect(grids.sheets.map((s) => s.name)).toContain("Pohon Kinerja");
  });
});

describe("applyPlan on an ExcelJS workbook in memory", () => {
  it("leaves the workbook as it was when it refuses to replace a user's sheet", () => {
    const wb = userBook();
    wb.addWorksheet("Pohon Kinerja").getCell("A1").value = "pohon saya sendiri";
    expect(() => applyPlan(wb, { sheets: [fullSheetPlan()] })).toThrow(PlanRefusedError);
    expect(wb.getWorksheet("Pohon Kinerja")!.getCell("A1").value).toBe("pohon saya sendiri");
    expect(wb.getWorksheet("Pohon Kinerja")!.getCell("B3").value).toBeNull();
  });

  it("creates nothing when an expected cell changed", () => {
    const wb = userBook();
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.cells.push({ row: 1, col: 3, formula: "=C2/B2*100" });
    p.expect = [{ row: 1, col: 2, value: 75, formula: null }];
    expect(() => applyPlan(wb, { sheets: [fullSheetPlan(), p] }, "en")).toThrow(PlanRefusedError);
    expect(wb.getWorksheet("Pohon Kinerja")).toBeUndefined();
    expect(wb.getWorksheet("Target & Realisasi")!.getCell("D2").value).toBeNull();
  });
});
