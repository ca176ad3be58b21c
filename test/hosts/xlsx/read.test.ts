import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { InputFileError, readXlsxFile } from "../../../src/hosts/xlsx";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-read-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeBook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function expectProblem(file: string, problem: string, lang: "id" | "en" = "id") {
  const err = await readXlsxFile(file, lang).then(
    () => null,
    (e: unknown) => e
  );
  expect(err).toBeInstanceOf(InputFileError);
  const e = err as InputFileError;
  expect(e.problem).toBe(problem);
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  expect(e.message).not.toContain("\n");
  return e;
}

describe("readXlsxFile", () => {
  it("reads every kind of cell value as a plain value anchored at A1", async () => {
    const file = await writeBook("values.xlsx", (wb) => {
      const ws = wb.addWorksheet("CSF");
      ws.getCell("B2").value = "Meningkatnya\nKualitas";
      ws.getCell("C2").value = 82.5;
      ws.getCell("D2").value = true;
      ws.getCell("E2").value = new Date(Date.UTC(2024, 11, 31));
      ws.getCell("B3").value = {
        richText: [{ text: "Tata " }, { font: { bold: true }, text: "Kelola\nPemerintahan" }],
      };
      ws.getCell("C3").value = { formula: "C2*2", result: 165 };
      ws.getCell("D3").value = { error: "#DIV/0!" };
      ws.getCell("E3").value = { text: "Lihat", hyperlink: "https://example.org" };
      ws.getCell("F3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      wb.addWorksheet("Kosong");
    });
    const grids = await readXlsxFile(file);
    expect(grids.name).toBe(file);
    expect(grids.sheets.map((s) => s.name)).toEqual(["CSF", "Kosong"]);
    const csf = grids.sheets[0]!;
    expect(csf.values[0]).toEqual([]);
    expect(csf.values[1]).toEqual([null, "Meningkatnya\nKualitas", 82.5, true, "2024-12-31"]);
    expect(csf.values[2]).toEqual([
      null,
      "Tata Kelola\nPemerintahan",
      165,
      "#DIV/0!",
      "Lihat",
      "#DIV/0!",
    ]);
    expect(csf.formulas?.[2]?.[2]).toBe("=C2*2");
    expect(csf.formulas?.[2]?.[5]).toBe("=1/0");
    expect(csf.formulas?.[1]?.[2] ?? null).toBeNull();
    expect(grids.sheets[1]!.values).toEqual([]);
  });

  it("gives merged areas 0-based and leaves the covered cells empty", async () => {
    const file = await writeBook("merges.xlsx", (wb) => {
      const ws = wb.addWorksheet("CSF");
      ws.getCell("A1").value = "CRITICAL SUCCESS FAKTOR (CSF)";
      ws.mergeCells("A1:C1");
      ws.getCell("A3").value = "7.";
      ws.getCell("C3").value = "anak 1";
      ws.getCell("C4").value = "anak 2";
      ws.mergeCells("A3:A4");
    });
    const sheet = (await readXlsxFile(file)).sheets[0]!;
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 3, right: 0 },
    ]);
    expect(sheet.values[0]).toEqual(["CRITICAL SUCCESS FAKTOR (CSF)"]);
    expect(sheet.values[3]).toEqual([null, null, "anak 2"]);
  });

  it("marks a protected sheet", async () => {
    const file = await writeBook("protected.xlsx", (wb) => {
      wb.addWorksheet("Terkunci").getCell("A1").value = "x";
      wb.addWorksheet("Terbuka").getCell("A1").value = "y";
    });
    // ExcelJS's protect() is async; build the protected book by loading and re-saving.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.getWorksheet("Terkunci")!.protect("", {});
    await wb.xlsx.writeFile(file);
    const grids = await readXlsxFile(file);
    expect(grids.sheets[0]!.protected).toBe(true);
    expect(grids.sheets[1]!.protected).toBeUndefined();
  });

  it("leaves the input file's bytes and modification time unchanged", async () => {
    const file = await writeBook("untouched.xlsx", (wb) => {
      wb.addWorksheet("CSF").getCell("A1").value = "x";
    });
    const past = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    fs.utimesSync(file, past, past);
    const before = fs.readFileSync(file);
    await readXlsxFile(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.statSync(file).mtime.getTime()).toBe(past.getTime());
  });
});

describe("input files that are not readable workbooks", () => {
  it("names a missing file", async () => {
    const e = await expectProblem(path.join(dir, "tidak-ada.xlsx"), "missing");
    expect(e.message).toContain("tidak ditemukan");
  });

  it("names an empty file", async () => {
    const file = path.join(dir, "kosong.xlsx");
    fs.writeFileSync(file, "");
    await expectProblem(file, "empty");
  });

  it("recognises an old .xls by its content, whatever its extension", async () => {
    const file = path.join(dir, "lama.xlsx");
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    const e = await expectProblem(file, "xls", "en");
    expect(e.message).toContain(".xls");
  });

  it("refuses a CSV renamed .xlsx", async () => {
    const file = path.join(dir, "data.xlsx");
    fs.writeFileSync(file, "Kode;Indikator;Target\n1.1;Nilai SAKIP;80\n");
    await expectProblem(file, "not-zip");
  });

  it("refuses a corrupt zip and a truncated workbook", async () => {
    const junk = path.join(dir, "rusak.xlsx");
    fs.writeFileSync(junk, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 7)]));
    await expectProblem(junk, "corrupt");
    const good = await writeBook("utuh.xlsx", (wb) => {
      wb.addWorksheet("CSF").getCell("A1").value = "x";
    });
    const bytes = fs.readFileSync(good);
    const cut = path.join(dir, "terpotong.xlsx");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectProblem(cut, "corrupt");
  });

  it("refuses a folder given as a file", async () => {
    await expectProblem(dir, "directory");
  });

  it("writes the message in English when asked", async () => {
    const e = await expectProblem(path.join(dir, "missing.xlsx"), "missing", "en");
    expect(e.message).toBe(`${path.join(dir, "missing.xlsx")}: file not found.`);
  });
});
