import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import * as ExcelJS from "exceljs";
import { numberFormatAt, type WorkbookGrids } from "../../../../src/core/grid";
import { InputFileError, readXlsxPackage } from "../../../../src/hosts/xlsx";
import { loadXlsxFile, readWithExcelJs } from "../exceljs";
import { readZip, writeZip } from "../../../../src/hosts/xlsx/package/zip";
import { shapeFor, syntheticWorkbook } from "../../../../bench/synthetic";
import { badInputs, runCli, SAMPLE } from "../../../cli/run";
import { LIBREOFFICE_TIMEOUT_MS, recalculateWithLibreOffice } from "../../../helpers/libreoffice";

const ROOT = path.join(__dirname, "..", "..", "..", "..");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-pkg-read-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** ExcelJS's own codes for three built-in formats, where ECMA-376 gives another. */
const EXCELJS_BUILTIN_CODES: Record<string, string> = {
  "m/d/yy h:mm": 'm/d/yy "h":mm',
  "#,##0.00;(#,##0.00)": "#,##0.00 ;(#,##0.00)",
  "#,##0.00;[Red](#,##0.00)": "#,##0.00 ;[Red](#,##0.00)",
};

/**
 * The ExcelJS reader's grids with its bugs the package reader does not share put right: a
 * formula's cached 0 or FALSE reads as empty there, an empty shared string as "[object Object]",
 * a custom number format loses its backslashes ("0\%" becomes "0%", a percent format) and three
 * built-in formats have other codes.
 */
function withoutExcelJsBugs(expected: WorkbookGrids, actual: WorkbookGrids): WorkbookGrids {
  actual.sheets.forEach((sheet, s) =>
    sheet.numberFormats?.forEach((row, r) =>
      row.forEach((got, c) => {
        const want = expected.sheets[s]?.numberFormats?.[r]?.[c];
        if (got === null || want === undefined || want === null) return;
        if (want === got.replace(/\\(.)/g, "$1") || want === EXCELJS_BUILTIN_CODES[got])
          (expected.sheets[s]!.numberFormats![r] as (string | null)[])[c] = got;
      })
    )
  );
  actual.sheets.forEach((sheet, s) =>
    sheet.values.forEach((row, r) =>
      row.forEach((got, c) => {
        const rows = expected.sheets[s]?.values;
        const v = rows?.[r]?.[c] ?? null;
        const fixed =
          (v === null && sheet.formulas?.[r]?.[c] && (got === 0 || got === false)) ||
          (v === "[object Object]" && got === "");
        if (!fixed || !rows) return;
        while (rows.length <= r) rows.push([]);
        const at = rows[r]!;
        while (at.length < c) at.push(null);
        at[c] = got;
      })
    )
  );
  return expected;
}

/** Both readers on one file: the package reader must give exactly the ExcelJS reader's grids. */
async function expectSameGrids(file: string): Promise<WorkbookGrids> {
  const { grids } = await readXlsxPackage(file);
  const expected = withoutExcelJsBugs(await readWithExcelJs(file), grids);
  // Strict: absent and undefined keys, holes and nulls, 0 and -0 all differ. Jest's toEqual is
  // only asked for its diff when they do (it is slow on a million rows).
  if (!isDeepStrictEqual(grids, expected)) expect(grids).toEqual(expected);
  expect(isDeepStrictEqual(grids, expected)).toBe(true);
  return grids;
}

async function writeBook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface HandSheet {
  name: string;
  xml: string;
  state?: string;
  rels?: string;
}

/** A minimal package written by hand: the XML each case needs, nothing ExcelJS would add. */
function handBook(
  name: string,
  sheets: HandSheet[],
  extra: { sst?: string; styles?: string; workbookPr?: string } = {}
): string {
  const entries: [string, string][] = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
          )
          .join("") +
        (extra.sst
          ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          : "") +
        (extra.styles
          ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          : "") +
        "</Types>",
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${extra.workbookPr ?? ""}<sheets>` +
        sheets
          .map(
            (s, i) =>
              `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
          )
          .join("") +
        "</sheets></workbook>",
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_s, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
          )
          .join("") +
        `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>` +
        "</Relationships>",
    ],
  ];
  sheets.forEach((s, i) => {
    entries.push([`xl/worksheets/sheet${i + 1}.xml`, s.xml]);
    if (s.rels) entries.push([`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels]);
  });
  if (extra.sst) entries.push(["xl/sharedStrings.xml", extra.sst]);
  if (extra.styles) entries.push(["xl/styles.xml", extra.styles]);
  const file = path.join(dir, name);
  fs.writeFileSync(file, writeZip(entries));
  return file;
}

const sheetXml = (data: string, after = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${data}</sheetData>${after}</worksheet>`;

describe("readXlsxPackage gives the grids the ExcelJS reference gives", () => {
  const repoFiles = [
    ...fs
      .readdirSync(path.join(ROOT, "examples"))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(ROOT, "examples", f)),
    ...["checks", "reader"].flatMap((d) =>
      fs
        .readdirSync(path.join(ROOT, "test", "fixtures", d))
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(ROOT, "test", "fixtures", d, f))
    ),
  ];

  it("finds the repository's workbooks to compare", () => {
    expect(repoFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(repoFiles.map((f) => [path.relative(ROOT, f), f]))("%s", async (_label, file) => {
    const grids = await expectSameGrids(file);
    expect(grids.sheets.some((s) => s.values.length > 0)).toBe(true);
  });

  it("on the sample after pokin proses (formulas, links, merges, styles, the made sheets)", async () => {
    const out = path.join(dir, "hasil.xlsx");
    const r = await runCli(["proses", SAMPLE, "-o", out]);
    expect([0, 1]).toContain(r.code);
    const grids = await expectSameGrids(out);
    expect(grids.sheets.length).toBeGreaterThan(3);
    expect(grids.sheets.some((s) => (s.formulas ?? []).some((row) => row.some(Boolean)))).toBe(
      true
    );
  });

  it(
    "on the sample zipped again by writeZip, opened and saved by LibreOffice (its own XML)",
    async () => {
      const rezipped = path.join(dir, "rezip", "contoh.xlsx");
      fs.mkdirSync(path.dirname(rezipped), { recursive: true });
      fs.writeFileSync(rezipped, writeZip(readZip(fs.readFileSync(SAMPLE))));
      const { output } = await recalculateWithLibreOffice(rezipped, path.join(dir, "lo"));
      const grids = await expectSameGrids(output);
      const names = (await readWithExcelJs(SAMPLE)).sheets.map((s) => s.name);
      expect(grids.sheets.map((s) => s.name)).toEqual(names);
    },
    LIBREOFFICE_TIMEOUT_MS
  );

  it("on a small synthetic bench workbook written by ExcelJS", async () => {
    // bench/synthetic.ts is the generator the benchmark uses; 60 indicators keep this quick.
    const wb = syntheticWorkbook(shapeFor(60));
    const file = await writeBook("sintetis.xlsx", (book) => {
      for (const s of wb.sheets) {
        const ws = book.addWorksheet(s.name);
        for (const row of s.values) ws.addRow(row.map((v) => (v === null ? undefined : v)));
      }
    });
    const grids = await expectSameGrids(file);
    expect(grids.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
  });

  it("on every kind of value ExcelJS writes", async () => {
    const file = await writeBook("values.xlsx", (wb) => {
      const ws = wb.addWorksheet("CSF");
      ws.getCell("B2").value = "Meningkatnya\r\nKualitas & <Tata> \"Kelola\" 'x'";
      ws.getCell("C2").value = 82.5;
      ws.getCell("D2").value = true;
      ws.getCell("E2").value = new Date(Date.UTC(2024, 11, 31));
      ws.getCell("F2").value = new Date(Date.UTC(2024, 11, 31, 13, 45));
      ws.getCell("G2").value = -0.000123;
      ws.getCell("H2").value = false;
      ws.getCell("B3").value = {
        richText: [{ text: "Tata " }, { font: { bold: true }, text: "Kelola\nPemerintahan" }],
      };
      ws.getCell("C3").value = { formula: "C2*2", result: 165 };
      ws.getCell("D3").value = { error: "#DIV/0!" };
      ws.getCell("E3").value = { text: "Lihat", hyperlink: "https://example.org" };
      ws.getCell("F3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("G3").value = { formula: "C2-C2", result: 0 }; // ExcelJS reads it as empty; we read 0
      ws.getCell("H3").value = { formula: '"a"&"b"', result: "ab" };
      ws.getCell("I3").value = { formula: "TODAY()", result: new Date(Date.UTC(2025, 0, 2)) };
      ws.getCell("J3").value = { formula: "C2>1", result: true };
      ws.getCell("K3").value = { text: "Ke CSF", hyperlink: "#'CSF'!A1" };
      ws.getCell("A5").value = "_x000D_ literal";
      ws.getCell("B5").value = "😀 ä € Ω";
      ws.getCell("C5").value = "";
      ws.getCell("D5").value = "  spasi  ";
      ws.getCell("A6").value = "gabung";
      ws.mergeCells("A6:C7");
      ws.getCell("Z100").value = 1;
      const hidden = wb.addWorksheet("Tersembunyi", { state: "hidden" });
      hidden.getCell("A1").value = "rahasia";
      wb.addWorksheet("Kosong");
      wb.addWorksheet("Sangat", { state: "veryHidden" }).getCell("B1").value = 7;
    });
    const grids = await expectSameGrids(file);
    expect(grids.sheets.map((s) => s.name)).toEqual(["CSF", "Tersembunyi", "Kosong", "Sangat"]);
    expect(grids.sheets[0]!.values[2]![6]).toBe(0); // ExcelJS reads this cached 0 as empty
  });

  it("on shared formulas (ExcelJS's fillFormula) with relative and absolute references", async () => {
    const file = await writeBook("shared.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      for (let r = 1; r <= 6; r++) {
        ws.getCell(r, 1).value = r;
        ws.getCell(r, 2).value = r * 10;
      }
      ws.fillFormula("C1:C6", "A1*B1+$A$1+B$1+$B1+SUM(A1:B1)", (r) => r * r * 10 + 1);
    });
    const grids = await expectSameGrids(file);
    expect(grids.sheets[0]!.formulas?.[3]?.[2]).toBe("=A4*B4+$A$1+B$1+$B4+SUM(A4:B4)");
  });

  it("on a protected sheet", async () => {
    const file = await writeBook("protected.xlsx", (wb) => {
      wb.addWorksheet("Terkunci").getCell("A1").value = "x";
      wb.addWorksheet("Terbuka").getCell("A1").value = "y";
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.getWorksheet("Terkunci")!.protect("", {});
    await wb.xlsx.writeFile(file);
    const grids = await expectSameGrids(file);
    expect(grids.sheets[0]!.protected).toBe(true);
    expect(grids.sheets[1]!.protected).toBeUndefined();
  });

  it("on cells at Excel's limits and very long texts", async () => {
    const file = await writeBook("limits.xlsx", (wb) => {
      const ws = wb.addWorksheet("Batas");
      ws.getCell(20_000, 16_384).value = "pojok"; // row 1,048,576 is read by hand below
      ws.getCell(1, 1).value = "x".repeat(32_767);
      ws.getCell(2, 1).value = { formula: `LEN("${"y".repeat(8000)}")`, result: 8000 };
    });
    const grids = await expectSameGrids(file);
    expect(grids.sheets[0]!.values[19_999]![16_383]).toBe("pojok");
  });
});

describe("readXlsxPackage on XML ExcelJS does not write", () => {
  it("shared formulas written by Excel, inline strings, rich text, entities and _xHHHH_", async () => {
    const sst =
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="5" uniqueCount="5">` +
      "<si><t>Kode &amp; Nama</t></si>" +
      '<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Tata </t></r><r><t>Kelola_x000D__x000A_Baik</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
      "<si><t/></si>" +
      "<si><t>a_x005F_b_x00E4_c_x00e4_</t></si>" +
      "</sst>";
    const styles =
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>` +
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Rp&quot;#,##0"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs>' +
      '<dxfs><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs>' +
      "</styleSheet>";
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>' +
      '<c r="C2"><f t="shared" ref="C2:C5" si="0">A2*B2+$A$2+SUM(A2:B2)+LOG10(A2)</f><v>6</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>4</v></c><c r="C3"><f t="shared" si="0"/><v>19</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> inline &lt;b&gt; _x000D_ </t></is></c>' +
      '<c r="B4" t="inlineStr"><is><r><t>Run _x0041_</t></r><r><rPr><i/></rPr><t xml:space="preserve"> dua</t></r></is></c>' +
      '<c r="C4"><f t="shared" si="0"/><v>0</v></c>' +
      '<c r="D4" t="str"><f>"x"&amp;"y"</f><v>x&amp;amp;y</v></c>' +
      '<c r="E4" t="b"><v>1</v></c><c r="F4" t="e"><v>#N/A</v></c>' +
      '<c r="G4" s="1"><v>45292</v></c><c r="H4" s="2"><v>45292.5</v></c><c r="I4" s="3"><v>1500</v></c><c r="J4" s="4"><v>0.5</v></c>' +
      '<c r="K4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="L4" s="0"/><c r="M4" s="3"/></row>' +
      '<row r="5"><c r="A5"><v>  12.50 </v></c><c r="C5"><f t="shared" si="0"/><v>7</v></c>' +
      '<c r="D5"><f t="array" ref="D5:D6">SUM(A2:A3*B2:B3)</f><v>14</v></c><c r="E5"><v>1.5E-3</v></c></row>' +
      '<row r="6"><c r="D6"><v>14</v></c><c r="E6" t="str"><v>a&#13;&#10;b &#x1F600; &#228;</v></c></row>';
    const file = handBook(
      "hand.xlsx",
      [
        { name: "Kode &amp; Data", xml: sheetXml(data) },
        { name: "Lain", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), state: "hidden" },
      ],
      { sst, styles }
    );
    const grids = await expectSameGrids(file);
    const s = grids.sheets[0]!;
    expect(s.name).toBe("Kode & Data");
    expect(s.values[0]).toEqual([
      "Kode & Nama",
      "Tata Kelola\nBaik",
      "漢字",
      "",
      "a_b\u00e4c_x00e4_",
    ]);
    expect(s.formulas?.[2]?.[2]).toBe("=A3*B3+$A$2+SUM(A3:B3)+LOG10(A3)");
    expect(s.formulas?.[4]?.[2]).toBe("=A5*B5+$A$2+SUM(A5:B5)+LOG10(A5)");
    expect(s.values[3]?.[0]).toBe(" inline <b> _x000D_ ");
    expect(s.values[3]?.[1]).toBe("Run A dua");
    expect(s.values[3]?.[6]).toBe("2024-01-01");
    expect(s.values[3]?.[7]).toBe("2024-01-01T12:00:00.000Z");
    expect(s.values[3]?.[8]).toBe(1500);
    expect(s.formulas?.[4]?.[3]).toBe("=SUM(A2:A3*B2:B3)");
    expect(grids.sheets[1]!.name).toBe("Lain");
  });

  it("hyperlinks by relationship and by location, and a link on a formula cell", async () => {
    const data =
      '<row r="1"><c r="A1"><v>42</v></c><c r="B1" t="str"><f>"ke"&amp;"sana"</f><v>kesana</v></c><c r="C1" t="b"><v>0</v></c><c r="D1"><v>3</v></c></row>';
    const links =
      '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" location="\'Lain\'!A1"/><hyperlink ref="C1" location="A1"/></hyperlinks>';
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`;
    const file = handBook("links.xlsx", [
      { name: "Tautan", xml: sheetXml(data, links), rels },
      { name: "Lain", xml: sheetXml("") },
    ]);
    const grids = await expectSameGrids(file);
    expect(grids.sheets[0]!.values[0]).toEqual(["42", "kesana", "false", 3]);
    expect(grids.sheets[0]!.formulas).toBeUndefined();
  });

  it("merges, a self-closing sheetData and a 1904 workbook", async () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const data =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>induk</t></is></c><c r="B2"><v>5</v></c><c r="C2" s="1"><v>0</v></c></row>' +
      '<row r="3"><c r="A3"><v>9</v></c><c r="B3"><f>B2</f><v>5</v></c></row>';
    const merges =
      '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="B3:B3"/></mergeCells>';
    const file = handBook(
      "merges.xlsx",
      [
        { name: "Gabung", xml: sheetXml(data, merges) },
        {
          name: "Kosong",
          xml: `<worksheet ${NS}><sheetData/><sheetProtection sheet="1"/></worksheet>`,
        },
      ],
      { styles, workbookPr: '<workbookPr date1904="1"/>' }
    );
    const grids = await expectSameGrids(file);
    expect(grids.sheets[0]!.merges).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 1 },
    ]);
    expect(grids.sheets[0]!.values[1]).toEqual(["induk", 5, "1904-01-01"]);
    expect(grids.sheets[1]!.protected).toBe(true);
  });
});

describe("readXlsxPackage on workbooks ExcelJS cannot open", () => {
  it("reads x:-prefixed parts", async () => {
    const X = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const sst = `<x:sst ${X}><x:si><x:t>awalan</x:t></x:si></x:sst>`;
    const sheet =
      `<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>` +
      '<x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>';
    const file = handBook("prefixed.xlsx", [{ name: "P", xml: sheet }], { sst });
    // Rewrite workbook.xml with the prefix too.
    const parts = readZip(fs.readFileSync(file));
    parts.set(
      "xl/workbook.xml",
      Buffer.from(
        `<x:workbook ${X} xmlns:r="${REL}"><x:sheets><x:sheet name="P" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`
      )
    );
    fs.writeFileSync(file, writeZip(parts));
    const { grids } = await readXlsxPackage(file);
    expect(grids.sheets).toEqual([
      {
        name: "P",
        values: [["awalan", 2]],
        formulas: [[null, "=1+1"]],
        merges: [{ top: 0, left: 2, bottom: 0, right: 3 }],
      },
    ]);
  });

  it("reads a formula's cached 0 and FALSE and an empty shared string as they are (ExcelJS does not)", async () => {
    const data =
      '<row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1-A1</f><v>0</v></c>' +
      '<c r="C1" t="b"><f>A1&gt;9</f><v>0</v></c><c r="D1" t="s"><v>0</v></c>' +
      '<c r="E1" t="s"><v>1</v></c></row>';
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="2" uniqueCount="2"><si/><si><t>ada</t></si></sst>`;
    const { grids } = await readXlsxPackage(
      handBook("zero.xlsx", [{ name: "S", xml: sheetXml(data) }], { sst })
    );
    const sheet = grids.sheets[0]!;
    expect(sheet.values[0]!.slice(0, 5)).toEqual([5, 0, false, "", "ada"]);
    expect(sheet.formulas?.[0]?.slice(1, 3)).toEqual(["=A1-A1", "=A1>9"]);
  });

  it("reads the last cell of the last row (XFD1048576)", async () => {
    const data = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>pojok</t></is></c></row>';
    const { grids } = await readXlsxPackage(
      handBook("corner.xlsx", [{ name: "S", xml: sheetXml(data) }])
    );
    const values = grids.sheets[0]!.values;
    expect(values.length).toBe(1_048_576);
    expect(values[1_048_575]!.length).toBe(16_384);
    expect(values[1_048_575]![16_383]).toBe("pojok");
  });

  it("places rows and cells without r by their order", async () => {
    const data =
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>' +
      '<row r="4"><c r="B4"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>';
    const file = handBook("no-r.xlsx", [{ name: "S", xml: sheetXml(data) }]);
    const { grids } = await readXlsxPackage(file);
    expect(grids.sheets[0]!.values).toEqual([["a", 1], [], [], [null, 2, 3], [4]]);
  });
});

describe("readXlsxPackage keeps the package", () => {
  it("every part byte for byte, and the sheets with their ids, parts and states", async () => {
    const file = await writeBook("pkg.xlsx", (wb) => {
      wb.addWorksheet("CSF").getCell("A1").value = "x";
      wb.addWorksheet("Tersembunyi", { state: "hidden" });
    });
    const { grids, pkg } = await readXlsxPackage(file);
    const zipped = readZip(fs.readFileSync(file));
    expect([...pkg.parts.keys()].sort()).toEqual([...zipped.keys()].sort());
    for (const [k, v] of zipped)
      expect(Buffer.from(pkg.parts.get(k)!).equals(Buffer.from(v))).toBe(true);
    expect(pkg.workbookPart).toBe("xl/workbook.xml");
    expect(pkg.workbookRelsPart).toBe("xl/_rels/workbook.xml.rels");
    expect(pkg.date1904).toBe(false);
    expect(pkg.sheets).toEqual([
      expect.objectContaining({
        name: "CSF",
        sheetId: 1,
        state: "visible",
        kind: "worksheet",
        gridIndex: 0,
      }),
      expect.objectContaining({
        name: "Tersembunyi",
        sheetId: 2,
        state: "hidden",
        kind: "worksheet",
        gridIndex: 1,
      }),
    ]);
    for (const s of pkg.sheets) {
      expect(pkg.parts.has(s.part!)).toBe(true);
      expect(s.rId).toMatch(/^rId\d+$/);
    }
    expect(grids.name).toBe(file);
  });

  it("names parts without the leading slash some zip tools write", async () => {
    const file = await writeBook("slash.xlsx", (wb) => {
      wb.addWorksheet("CSF").getCell("A1").value = "x";
    });
    const parts = readZip(fs.readFileSync(file));
    fs.writeFileSync(file, writeZip([...parts].map(([k, v]) => [`/${k}`, v] as const)));
    const { grids, pkg } = await readXlsxPackage(file);
    expect([...pkg.parts.keys()].sort()).toEqual([...parts.keys()].sort());
    expect(grids.sheets[0]!.values).toEqual([["x"]]);
    await expectSameGrids(file);
  });

  it("reads bytes as well as a path, named only when asked", async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const { grids } = await readXlsxPackage(bytes);
    expect(grids.name).toBeUndefined();
    const named = await readXlsxPackage(bytes, { name: "contoh.xlsx" });
    expect(named.grids.name).toBe("contoh.xlsx");
    expect(named.grids.sheets).toEqual(grids.sheets);
  });
});

describe("readXlsxPackage refuses what loadXlsxFile refuses, the same way", () => {
  async function problemOf(read: () => Promise<unknown>): Promise<[string, string]> {
    const e = await read().then(
      () => null,
      (err: unknown) => err
    );
    expect(e).toBeInstanceOf(InputFileError);
    const err = e as InputFileError;
    expect(err.message).not.toContain("\n");
    return [err.problem, err.file];
  }

  it("for the CLI's bad inputs, a zip that is no workbook, a bare signature and a folder", async () => {
    const files: Record<string, string> = await badInputs(path.join(dir, "bad"));
    files["zip-not-xlsx"] = path.join(dir, "arsip.xlsx");
    fs.writeFileSync(files["zip-not-xlsx"], writeZip([["catatan.txt", "bukan buku kerja\n"]]));
    files["signature-only"] = path.join(dir, "terpotong.xlsx");
    fs.writeFileSync(files["signature-only"], Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    files["pk-junk"] = path.join(dir, "rusak2.xlsx");
    fs.writeFileSync(
      files["pk-junk"],
      Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)])
    );
    files.folder = dir;
    for (const [kind, file] of Object.entries(files)) {
      const expected = await problemOf(() => loadXlsxFile(file));
      const actual = await problemOf(() => readXlsxPackage(file));
      expect({ kind, problem: actual }).toEqual({ kind, problem: expected });
    }
  });

  it("with the message in the language asked", async () => {
    const file = path.join(dir, "tidak-ada.xlsx");
    const e = await readXlsxPackage(file, { lang: "en" }).catch((err: unknown) => err);
    expect((e as Error).message).toBe(`${file}: file not found.`);
  });

  it("for bytes, naming them as asked", async () => {
    const e = await readXlsxPackage(new Uint8Array(0), { name: "unggahan.xlsx" }).catch(
      (err: unknown) => err
    );
    expect(e).toBeInstanceOf(InputFileError);
    expect((e as InputFileError).problem).toBe("empty");
    expect((e as InputFileError).file).toBe("unggahan.xlsx");
  });

  it("for XML that is not well formed or a shared string that does not exist", async () => {
    const bad = handBook("bad-entity.xlsx", [
      { name: "S", xml: sheetXml('<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>') },
    ]);
    expect(await problemOf(() => readXlsxPackage(bad))).toEqual(["corrupt", bad]);
    const missing = handBook(
      "bad-sst.xlsx",
      [{ name: "S", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>3</v></c></row>') }],
      { sst: `<sst ${NS}><si><t>a</t></si></sst>` }
    );
    expect(await problemOf(() => readXlsxPackage(missing))).toEqual(
      await problemOf(() => loadXlsxFile(missing))
    );
    const cutXml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    for (const [label, xml] of [
      ["cut", cutXml.slice(0, cutXml.length - 30)],
      ["empty", ""],
      ["beyond XFD", sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>')],
    ] as const) {
      const file = handBook(`bad-${label.replace(" ", "-")}.xlsx`, [{ name: "S", xml }]);
      expect({ label, problem: await problemOf(() => readXlsxPackage(file)) }).toEqual({
        label,
        problem: await problemOf(() => loadXlsxFile(file)),
      });
    }
  });
});

describe("readXlsxPackage reads each cell's number format", () => {
  const styles =
    `<styleSheet ${NS}><numFmts count="3">` +
    '<numFmt numFmtId="164" formatCode="0.0%"/>' +
    '<numFmt numFmtId="165" formatCode="#,##0.00 &quot;Rp&quot;"/>' +
    '<numFmt numFmtId="166" formatCode="0\\%"/></numFmts>' +
    '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/>' +
    '<xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/><xf numFmtId="166"/>' +
    '<xf numFmtId="200"/></cellXfs></styleSheet>';

  it("0%, 0.00%, custom and built-in codes; none for General, empty cells or unknown ids", async () => {
    const file = handBook(
      "formats.xlsx",
      [
        {
          name: "Capaian",
          xml: sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>Capaian</t></is></c>' +
              '<c r="B1" s="1"><v>0.85</v></c><c r="C1" s="2"><v>0.8512</v></c>' +
              '<c r="D1" s="3"><v>0.9</v></c></row>' +
              '<row r="2"><c r="A2" s="4"><v>1500000</v></c><c r="B2" s="5"><v>12000</v></c>' +
              '<c r="C2" s="6"><v>85</v></c><c r="D2" s="7"><v>3</v></c>' +
              '<c r="E2" s="1"/><c r="F2" s="1"><f>B1*2</f><v>1.7</v></c></row>'
          ),
        },
      ],
      { styles }
    );
    const { grids } = await readXlsxPackage(file);
    const sheet = grids.sheets[0]!;
    expect(sheet.numberFormats).toEqual([
      [null, "0%", "0.00%", "0.0%"],
      ['#,##0.00 "Rp"', "#,##0", "0\\%", null, null, "0%"],
    ]);
    expect(numberFormatAt(sheet, 0, 0)).toBeNull();
    expect(numberFormatAt(sheet, 0, 1)).toBe("0%");
    expect(sheet.values[0]).toEqual(["Capaian", 0.85, 0.8512, 0.9]);
  });

  it("leaves numberFormats out when every cell is General", async () => {
    const file = handBook("general.xlsx", [
      { name: "A", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
    ]);
    const { grids } = await readXlsxPackage(file);
    expect(grids.sheets[0]!.numberFormats).toBeUndefined();
  });

  it("a cell covered by a merge has no format", async () => {
    const file = handBook(
      "merged-format.xlsx",
      [
        {
          name: "A",
          xml: sheetXml(
            '<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>0.7</v></c></row>',
            '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
          ),
        },
      ],
      { styles }
    );
    const { grids } = await readXlsxPackage(file);
    expect(grids.sheets[0]!.numberFormats).toEqual([["0%"]]);
  });
});

describe("readXlsxPackage against the ExcelJS reference on generated sheet XML", () => {
  /** A small deterministic generator (mulberry32), so a failure names its seed. */
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const TEXTS = [
    "Kode &amp; Nama",
    "baris\r\ndua",
    "baris\rtiga",
    " spasi ",
    "_x000D_ dan _x0041_",
    "&lt;b&gt; &quot;q&quot; &apos;a&apos;",
    "&#x1F600; &#228;",
    "",
    "Meningkatnya Kualitas",
  ];
  const FORMULAS = ["A1+B2", "SUM(A1:C3)*$B$2", 'IF(B1>0,"ya","tidak")', "Sheet2!A1+A$1"];

  function generatedBook(seed: number): string {
    const rand = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const sst = TEXTS.map((t, i) =>
      i % 3 === 2
        ? `<si><r><t>${t}</t></r><r><rPr><b/></rPr><t>!</t></r></si>`
        : `<si><t>${t}</t></si>`
    );
    const rows: string[] = [];
    const links: string[] = [];
    let shared = 0;
    // Excel writes a shared formula's other cells inside its ref: here, below it in its column.
    const masterOf = new Map<number, { si: number; until: number }>();
    for (let r = 1; r <= 14; r++) {
      if (rand() < 0.15) continue;
      const cells: string[] = [];
      let useR = true;
      for (let c = 1; c <= 8; c++) {
        if (rand() < 0.3) continue;
        const ref = `${String.fromCharCode(64 + c)}${r}`;
        const rAttr = useR ? ` r="${ref}"` : "";
        const s = rand() < 0.3 ? ` s="${Math.floor(rand() * 4)}"` : "";
        const master = masterOf.get(c);
        let kind = Math.floor(rand() * 10);
        if (master && r <= master.until && useR && rand() < 0.8) kind = 10;
        // Links on shared formulas' cells make ExcelJS throw; other cells may carry one.
        if (kind < 9 && useR && rand() < 0.08) links.push(ref);
        // Now and then a cell without r, after a cell ExcelJS keeps (it throws otherwise).
        useR = !(kind >= 0 && kind <= 5) || rand() < 0.9;
        let xml: string;
        if (kind === 0)
          xml = `<c${rAttr}${s} t="s"><v>${Math.floor(rand() * TEXTS.length)}</v></c>`;
        else if (kind === 1) xml = `<c${rAttr}${s}><v>${(rand() * 50000 - 100).toFixed(3)}</v></c>`;
        else if (kind === 2) xml = `<c${rAttr}${s}><v>${Math.floor(rand() * 3)}</v></c>`;
        else if (kind === 3) xml = `<c${rAttr}${s} t="b"><v>${Math.floor(rand() * 2)}</v></c>`;
        else if (kind === 4) xml = `<c${rAttr}${s} t="e"><v>#N/A</v></c>`;
        else if (kind === 5)
          xml = `<c${rAttr}${s} t="inlineStr"><is><t>${pick(TEXTS)}</t></is></c>`;
        else if (kind === 6)
          xml = `<c${rAttr}${s} t="inlineStr"><is><r><t>${pick(TEXTS)}</t></r><r><t>x</t></r></is></c>`;
        else if (kind === 7) {
          const result = pick(["", "<v>0</v>", "<v>12.5</v>", "<v>1</v>"]);
          xml = `<c${rAttr}${s}><f>${pick(FORMULAS).replace(/&/g, "&amp;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</f>${result}</c>`;
        } else if (kind === 8)
          xml = `<c${rAttr}${s} t="str"><f>A1&amp;"x"</f><v>${pick(TEXTS)}</v></c>`;
        else if (kind === 9 && rAttr) {
          const until = r + 3;
          xml = `<c${rAttr}${s}><f t="shared" ref="${ref}:${String.fromCharCode(64 + c)}${until}" si="${shared}">${pick(FORMULAS)}</f><v>3</v></c>`;
          masterOf.set(c, { si: shared, until });
          shared++;
        } else if (kind === 10 && master)
          xml = `<c${rAttr}${s}><f t="shared" si="${master.si}"/><v>${Math.floor(rand() * 2)}</v></c>`;
        else xml = `<c${rAttr}${s}/>`;
        cells.push(xml);
      }
      rows.push(`<row r="${r}">${cells.join("")}</row>`);
    }
    const merges =
      rand() < 0.5
        ? '<mergeCells count="2"><mergeCell ref="J1:K2"/><mergeCell ref="B16:D16"/></mergeCells>'
        : "";
    const hyperlinks = links.length
      ? `<hyperlinks>${links.map((l, i) => (i % 2 ? `<hyperlink ref="${l}" r:id="rId1"/>` : `<hyperlink ref="${l}" location="A1"/>`)).join("")}</hyperlinks>`
      : "";
    const protection = rand() < 0.3 ? '<sheetProtection sheet="1"/>' : "";
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`;
    const styles =
      `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="170" formatCode="[h]:mm &quot;jam&quot;"/></numFmts>` +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/><xf numFmtId="9"/></cellXfs></styleSheet>';
    return handBook(
      `acak-${seed}.xlsx`,
      [
        { name: "Acak", xml: sheetXml(rows.join(""), `${protection}${merges}${hyperlinks}`), rels },
        { name: "Sheet2", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      ],
      {
        sst: `<sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">${sst.join("")}</sst>`,
        styles,
        workbookPr: rand() < 0.3 ? '<workbookPr date1904="1"/>' : "",
      }
    );
  }

  it.each(Array.from({ length: 24 }, (_, i) => [i + 1]))("seed %i", async (seed) => {
    await expectSameGrids(generatedBook(seed));
  });
});
