/**
 * The package writer on what only it promises: parts it does not understand survive byte for
 * byte, user cells keep their styles, shared and inline strings mix, the calculation chain goes,
 * and what it writes reads back the same with ExcelJS and with our package reader.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   these rules take ExcelJS's getCell() for Office.js proxies; ExcelJS cells are plain objects. */
import * as ExcelJS from "exceljs";
import { emptySheetPlan, markerText, type WritePlan } from "../../../../src/core/plan";
import { PlanRefusedError } from "../../../../src/hosts/xlsx";
import { gridsFromWorkbook } from "../exceljs";
import { readXlsxPackage } from "../../../../src/hosts/xlsx/package/read";
import { applyPlanToPackage, emptyPackage } from "../../../../src/hosts/xlsx/package/write";
import { readZip, writeZip } from "../../../../src/hosts/xlsx/package/zip";
import { storedWidth } from "../../../../src/hosts/xlsx/package/sheet-xml";

const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString("utf8") : "");

/** A user's workbook as ExcelJS writes it: shared strings, a bold filled cell, two sheets. */
async function userBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Target & Realisasi");
  ws.getCell("A1").value = "Kode";
  ws.getCell("B1").value = "Target";
  ws.getCell("C1").value = "Realisasi";
  ws.getCell("D1").value = "Capaian (%)";
  ws.getCell("A2").value = "1.1";
  ws.getCell("B2").value = 80;
  ws.getCell("C2").value = 84;
  ws.getCell("D2").font = { bold: true, name: "Arial", size: 10 };
  ws.getCell("D2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("A5").value = "catatan di bawah";
  wb.addWorksheet("CSF").getCell("A1").value = "CRITICAL SUCCESS FAKTOR (CSF)";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function gridsOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return gridsFromWorkbook(wb);
}

async function apply(bytes: Uint8Array, plan: WritePlan): Promise<Buffer> {
  return applyPlanToPackage({ parts: readZip(bytes) }, plan, "id", await gridsOf(bytes));
}

async function loadBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The fill's kind of plan: a formula, a number format and bands in a user's sheet. */
function fillPlan(): WritePlan {
  const p = emptySheetPlan("Target & Realisasi", "update");
  p.cells.push(
    { row: 1, col: 3, formula: '=IFERROR(C2/B2*100,"")' },
    { row: 2, col: 3, value: "teks =bukan rumus" }
  );
  p.formats.push({
    range: { top: 1, left: 3, bottom: 2, right: 3 },
    style: { numberFormat: "0.00" },
  });
  p.conditionalFormats.push({
    range: { top: 1, left: 3, bottom: 2, right: 3 },
    bands: [
      { min: 91, fill: "#C6EFCE" },
      { max: 91, fill: "#FFC7CE" },
    ],
  });
  p.columnWidths.push({ col: 3, width: 14 });
  p.expect = [{ row: 1, col: 3, value: null, formula: null }];
  return { sheets: [p] };
}

describe("the package writer", () => {
  it("copies parts it does not model byte for byte and keeps the sheet's drawing", async () => {
    const parts = readZip(await userBytes());
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250]);
    const drawing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`;
    const custom = `<?xml version="1.0"?><data xmlns="urn:pengguna">milik pengguna</data>`;
    parts.set("xl/media/image1.png", png);
    parts.set("xl/drawings/drawing1.xml", Buffer.from(drawing));
    parts.set(
      "xl/drawings/_rels/drawing1.xml.rels",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>`
      )
    );
    parts.set(
      "xl/worksheets/_rels/sheet1.xml.rels",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdD1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>`
      )
    );
    const sheet1 = text(parts.get("xl/worksheets/sheet1.xml"));
    parts.set(
      "xl/worksheets/sheet1.xml",
      Buffer.from(sheet1.replace("</worksheet>", `<drawing r:id="rIdD1"/></worksheet>`))
    );
    parts.set("customXml/item1.xml", Buffer.from(custom));
    parts.set("pengguna/tidak-dikenal.bin", Uint8Array.from([0, 1, 2, 3, 255]));
    const input = writeZip(parts);

    const out = readZip(await apply(input, fillPlan()));
    for (const name of [
      "xl/media/image1.png",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "customXml/item1.xml",
      "pengguna/tidak-dikenal.bin",
      "xl/theme/theme1.xml",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet2.xml",
    ])
      expect({
        name,
        same: Buffer.from(out.get(name) ?? []).equals(Buffer.from(parts.get(name)!)),
      }).toEqual({
        name,
        same: true,
      });
    const patched = text(out.get("xl/worksheets/sheet1.xml"));
    // The drawing stays the last element, after the conditional formats added before it.
    expect(patched).toMatch(/<conditionalFormatting[\s\S]*<drawing r:id="rIdD1"\/><\/worksheet>$/);
    expect(patched).toContain('<f>IFERROR(C2/B2*100,"")</f>');
  });

  it("keeps a user cell's own style when it adds a number format, and leaves existing style ids alone", async () => {
    const input = await userBytes();
    const before = text(readZip(input).get("xl/styles.xml"));
    const output = await apply(input, fillPlan());
    const after = text(readZip(output).get("xl/styles.xml"));
    const xfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    expect(xfs(after).startsWith(xfs(before))).toBe(true);

    const ws = (await loadBack(output)).getWorksheet("Target & Realisasi")!;
    const d2 = ws.getCell("D2");
    expect(d2.formula).toBe('IFERROR(C2/B2*100,"")');
    expect(d2.numFmt).toBe("0.00");
    expect(d2.font).toMatchObject({ bold: true, name: "Arial", size: 10 });
    expect(d2.fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    // Untouched cells keep their values; text that looks like a formula stays text.
    expect(ws.getCell("D3").value).toBe("teks =bukan rumus");
    expect(ws.getCell("D3").numFmt).toBe("0.00");
    expect(ws.getCell("A5").value).toBe("catatan di bawah");
    expect(ws.getCell("C2").value).toBe(84);
    expect(ws.getColumn(4).width).toBe(storedWidth(14));
  });

  it("mixes the user's shared strings with its own inline strings, read back alike by ExcelJS and the grids", async () => {
    const plan = fillPlan();
    const tree = emptySheetPlan("Pohon Kinerja", "create", "pohon");
    tree.cells.push(
      { row: 0, col: 0, value: markerText("pohon", "id") },
      { row: 1, col: 0, value: 'Meningkatnya <Kualitas> & "Tata" Kelola\nbaris dua' },
      { row: 1, col: 1, value: "  spasi di tepi  " },
      { row: 2, col: 0, value: 12.5 },
      { row: 2, col: 1, value: false }
    );
    plan.sheets.push(tree);
    const escapes = emptySheetPlan("Hasil Pemeriksaan", "create", "hasil");
    escapes.cells.push(
      { row: 0, col: 0, value: markerText("hasil", "id") },
      { row: 1, col: 0, value: "_x0041_ tetap" },
      { row: 1, col: 1, value: "ada\u0001kontrol" }
    );
    plan.sheets.push(escapes);
    const bytes = await apply(await userBytes(), plan);
    // Excel decodes _xHHHH_ in any string: a literal one is escaped, a control character encoded.
    const hasil = text(readZip(bytes).get("xl/worksheets/sheet4.xml"));
    expect(hasil).toContain(">_x005F_x0041_ tetap<");
    expect(hasil).toContain(">ada_x0001_kontrol<");
    const ours = (await readXlsxPackage(bytes)).grids;
    const grids = await gridsOf(bytes);
    // Our reader and ExcelJS read the written file alike.
    expect(ours.sheets).toEqual(grids.sheets);
    const tr = grids.sheets.find((s) => s.name === "Target & Realisasi")!;
    expect(tr.values[0]).toEqual(["Kode", "Target", "Realisasi", "Capaian (%)"]);
    expect(tr.values[2]?.[3]).toBe("teks =bukan rumus");
    expect(tr.formulas?.[1]?.[3]).toBe('=IFERROR(C2/B2*100,"")');
    const pohon = grids.sheets.find((s) => s.name === "Pohon Kinerja")!;
    for (const c of tree.cells)
      expect([c.row, c.col, pohon.values[c.row]?.[c.col]]).toEqual([c.row, c.col, c.value]);
  });

  it("drops a stale calculation chain with its relationship and content type, and asks for a full calculation", async () => {
    const parts = readZip(await userBytes());
    parts.set(
      "xl/calcChain.xml",
      Buffer.from(
        `<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D2" i="1"/></calcChain>`
      )
    );
    const rels = text(parts.get("xl/_rels/workbook.xml.rels"));
    parts.set(
      "xl/_rels/workbook.xml.rels",
      Buffer.from(
        rels.replace(
          "</Relationships>",
          `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`
        )
      )
    );
    const types = text(parts.get("[Content_Types].xml"));
    parts.set(
      "[Content_Types].xml",
      Buffer.from(
        types.replace(
          "</Types>",
          `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`
        )
      )
    );
    const out = readZip(await apply(writeZip(parts), fillPlan()));
    expect(out.has("xl/calcChain.xml")).toBe(false);
    expect(text(out.get("xl/_rels/workbook.xml.rels"))).not.toContain("calcChain");
    expect(text(out.get("[Content_Types].xml"))).not.toContain("calcChain");
    expect(text(out.get("xl/workbook.xml"))).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("drops the extended properties' sheet list once it adds a sheet, and leaves it when it only fills", async () => {
    const bytes = await userBytes();
    const before = text(readZip(bytes).get("docProps/app.xml"));
    expect(before).toContain("<TitlesOfParts>");
    const filled = readZip(await apply(bytes, fillPlan()));
    expect(text(filled.get("docProps/app.xml"))).toBe(before);
    const tree = emptySheetPlan("Pohon Kinerja", "create", "pohon");
    tree.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") });
    const made = readZip(await apply(bytes, { sheets: [tree] }));
    const app = text(made.get("docProps/app.xml"));
    // The list named two sheets of three; without it the properties are still valid.
    expect(app).not.toMatch(/TitlesOfParts|HeadingPairs/);
    expect(app).toContain("<Properties");
    expect((await loadBack(writeZip(made))).worksheets.map((w) => w.name)).toContain(
      "Pohon Kinerja"
    );
  });

  it("refuses before building anything when a typed cell changed under the plan", async () => {
    const plan = fillPlan();
    plan.sheets[0]!.expect = [{ row: 1, col: 2, value: 75, formula: null }];
    await expect(apply(await userBytes(), plan)).rejects.toThrow(PlanRefusedError);
  });

  it("builds a new workbook from nothing (the laporan) that ExcelJS reads", async () => {
    const p = emptySheetPlan("Laporan", "create", "laporan");
    p.cells.push(
      { row: 0, col: 0, value: markerText("laporan", "id") },
      { row: 1, col: 1, value: 3 }
    );
    p.formats.push({ range: { top: 1, left: 1, bottom: 1, right: 1 }, style: { bold: true } });
    const bytes = applyPlanToPackage(emptyPackage(), { sheets: [p] }, "id", { sheets: [] });
    const wb = await loadBack(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Laporan"]);
    expect(wb.getWorksheet("Laporan")!.getCell("B2").value).toBe(3);
    expect(wb.getWorksheet("Laporan")!.getCell("B2").font).toMatchObject({
      bold: true,
      name: "Calibri",
    });
  });
});

describe("the package writer on hand-written sheet XML", () => {
  /** The user's workbook with its first sheet's part replaced by `sheetXml`. */
  async function withSheet(sheetXml: string): Promise<Buffer> {
    const parts = readZip(await userBytes());
    parts.set("xl/worksheets/sheet1.xml", Buffer.from(sheetXml, "utf8"));
    return writeZip(parts);
  }
  const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

  it("patches rows and cells written without r, keeps existing merges, formats and links in schema order", async () => {
    const input = await withSheet(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:C2"/><sheetData>` +
        `<row><c t="inlineStr"><is><t>Kode</t></is></c><c><v>80</v></c><c><v>84</v></c></row>` +
        `<row spans="1:3"><c t="inlineStr"><is><t>1.1</t></is></c><c r="C2"><v>7</v></c></row>` +
        `</sheetData><mergeCells count="1"><mergeCell ref="E1:F1"/></mergeCells>` +
        `<conditionalFormatting sqref="B1"><cfRule type="expression" priority="4"><formula>B1&gt;1</formula></cfRule></conditionalFormatting>` +
        `<hyperlinks><hyperlink ref="A1" location="CSF!A1"/></hyperlinks>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
    );
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.cells.push(
      { row: 1, col: 1, value: 5 },
      { row: 1, col: 3, formula: "=C2/B2*100" },
      { row: 3, col: 0, value: "baris baru" }
    );
    p.conditionalFormats.push({
      range: { top: 1, left: 3, bottom: 1, right: 3 },
      bands: [{ min: 1, fill: "#00FF00" }],
    });
    p.hyperlinks.push({ row: 3, col: 1, target: "'CSF'!A1", text: "ke CSF" });
    p.merges.push({ top: 4, left: 0, bottom: 4, right: 1 });
    // ExcelJS cannot read rows without r: the grids are our reader's, as in pokin.
    const { grids, pkg } = await readXlsxPackage(input);
    const out = applyPlanToPackage(pkg, { sheets: [p] }, "id", grids);
    const xml = text(readZip(out).get("xl/worksheets/sheet1.xml"));
    const order = [
      "<sheetData",
      "<mergeCells",
      "<conditionalFormatting",
      "<hyperlinks",
      "<pageMargins",
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > (at[k - 1] as number)))).toBe(true);
    expect(xml).toContain(
      `<mergeCells count="2"><mergeCell ref="E1:F1"/><mergeCell ref="A5:B5"/></mergeCells>`
    );
    expect(xml).toMatch(/priority="5"/);
    expect(xml).toContain(`<dimension ref="A1:D4"/>`);

    const grid = (await readXlsxPackage(out)).grids.sheets[0]!;
    expect(grid.values.slice(0, 4)).toEqual([
      ["Kode", 80, 84],
      ["1.1", 5, 7],
      [],
      ["baris baru", "ke CSF"],
    ]);
    expect(grid.formulas?.[1]?.[3]).toBe("=C2/B2*100");
    expect(grid.merges).toEqual([
      { top: 0, left: 4, bottom: 0, right: 5 },
      { top: 4, left: 0, bottom: 4, right: 1 },
    ]);
    expect(xml).toContain(
      `<hyperlinks><hyperlink ref="A1" location="CSF!A1"/><hyperlink ref="B4" location="&apos;CSF&apos;!A1"/></hyperlinks>`
    );
  });

  it("gives the other cells of a shared formula their own formula when the plan replaces its master", async () => {
    const row = (n: number, f: string) =>
      `<row r="${n}"><c r="B${n}"><v>${n}</v></c><c r="C${n}"><v>${n * 10}</v></c><c r="D${n}">${f}<v>${n * 20}</v></c></row>`;
    const input = await withSheet(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>` +
        row(2, `<f t="shared" ref="D2:D4" si="0">C2*2</f>`) +
        row(3, `<f t="shared" si="0"/>`) +
        row(4, `<f t="shared" si="0"/>`) +
        `</sheetData></worksheet>`
    );
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.cells.push({ row: 1, col: 3, formula: "=C2/B2*100" });
    p.expect = [{ row: 1, col: 3, value: 40, formula: "=C2*2" }];
    const out = await apply(input, { sheets: [p] });
    const ws = (await loadBack(out)).getWorksheet("Target & Realisasi")!;
    expect([ws.getCell("D2").formula, ws.getCell("D3").formula, ws.getCell("D4").formula]).toEqual([
      "C2/B2*100",
      "C3*2",
      "C4*2",
    ]);
    expect(text(readZip(out).get("xl/worksheets/sheet1.xml"))).not.toContain('t="shared"');
  });

  it("writes into a sheet with no cells at all", async () => {
    const input = await withSheet(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData/></worksheet>`
    );
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.cells.push({ row: 2, col: 2, value: "isi" });
    p.columnWidths.push({ col: 2, width: 20 });
    const out = await apply(input, { sheets: [p] });
    const ws = (await loadBack(out)).getWorksheet("Target & Realisasi")!;
    expect(ws.getCell("C3").value).toBe("isi");
    expect(ws.getColumn(3).width).toBe(storedWidth(20));
  });

  it("refuses overlapping a merge the sheet already has", async () => {
    const input = await withSheet(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData/><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`
    );
    const p = emptySheetPlan("Target & Realisasi", "update");
    p.merges.push({ top: 1, left: 1, bottom: 2, right: 2 });
    await expect(apply(input, { sheets: [p] })).rejects.toThrow(/merge/);
  });
});
