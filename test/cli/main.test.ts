import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import * as pipeline from "../../src/core/pipeline";
import { generatedKind } from "../../src/core/plan";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { readZip } from "../../src/hosts/xlsx/package/zip";
import { badInputs, fingerprint, runCli, SAMPLE } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pkg = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
) as { version: string };

describe("pokin --help and --version", () => {
  it("prints the help in Indonesian by default", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pemakaian:");
    expect(r.stdout).toContain("pokin periksa");
    expect(r.stderr).toBe("");
  });

  it("prints the help in English with --lang en or an English LANG", async () => {
    expect((await runCli(["--help", "--lang", "en"])).stdout).toContain("Usage:");
    expect((await runCli(["--help"], { LANG: "en_US.UTF-8" })).stdout).toContain("Usage:");
    expect((await runCli(["--help"], { LANG: "id_ID.UTF-8" })).stdout).toContain("Pemakaian:");
  });

  it("prints the help when no command is given", async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("pokin info");
  });

  it("prints the version from package.json", async () => {
    const r = await runCli(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});

describe("wrong usage", () => {
  it.each([
    [["hapus", "a.xlsx"], "hapus"],
    [["info", "--verbose", "a.xlsx"], "--verbose"],
    [["hitung", SAMPLE], "-o"],
    [["periksa"], "periksa"],
    [["info", "--json", SAMPLE], "--json"],
    [["periksa", SAMPLE, "--lang", "fr"], "fr"],
    [["proses", SAMPLE, "-o"], "-o"],
  ])("%j prints the usage on stderr and exits with 2", async (argv, mention) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toContain(mention);
    expect(r.stderr).toContain("Pemakaian:");
  });
});

describe("pokin info", () => {
  it("prints each sheet's used size and range", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Data");
    a.getCell("B2").value = "x";
    a.getCell("D5").value = 1;
    wb.addWorksheet("Kosong");
    const file = path.join(dir, "info.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await runCli(["info", file]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      `${file}: 2 lembar`,
      "  Data: 4 baris × 3 kolom (B2:D5)",
      "  Kosong: kosong",
      "",
    ]);
  });

  it("lists the three sheets of the sample", async () => {
    const r = await runCli(["info", SAMPLE, "--lang", "en"]);
    expect(r.code).toBe(0);
    for (const name of ["CSF", "Uraian Kondisi", "Target & Realisasi"])
      expect(r.stdout).toContain(`  ${name}: `);
  });
});

describe("unreadable input", () => {
  it.each(["missing", "empty", "xls", "csv", "corrupt"])(
    "a %s file gets one line naming it, exit 2, and is left untouched",
    async (kind) => {
      const files = await badInputs(path.join(dir, `bad-${kind}`));
      const file = files[kind]!;
      const before = fingerprint(file);
      for (const argv of [
        ["info", file],
        ["periksa", file],
        ["proses", file, "-o", path.join(dir, `bad-${kind}`, "out.xlsx")],
      ]) {
        const r = await runCli(argv);
        expect(r.code).toBe(2);
        const lines = r.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(file);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
      expect(fingerprint(file)).toEqual(before);
      expect(fs.existsSync(path.join(dir, `bad-${kind}`, "out.xlsx"))).toBe(false);
    }
  );

  it("names a folder that holds no .xlsx", async () => {
    const empty = path.join(dir, "folder-kosong");
    fs.mkdirSync(empty, { recursive: true });
    fs.writeFileSync(path.join(empty, "catatan.txt"), "bukan xlsx");
    const r = await runCli(["periksa", empty]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `${empty}: folder ini tidak berisi berkas .xlsx.`,
    ]);
  });

  it("refuses an output path equal to the input and leaves the input alone", async () => {
    const copy = path.join(dir, "same.xlsx");
    fs.copyFileSync(SAMPLE, copy);
    const before = fingerprint(copy);
    const r = await runCli(["proses", copy, "-o", path.join(dir, ".", "same.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(fingerprint(copy)).toEqual(before);
  });

  it("names a settings file that is not JSON", async () => {
    const bad = path.join(dir, "pengaturan.json");
    fs.writeFileSync(bad, "{ lang: en");
    const r = await runCli(["periksa", SAMPLE, "--settings", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(bad);
  });
});

describe("bugs", () => {
  afterEach(() => jest.restoreAllMocks());

  it("prints a short message asking for a report and exits with 3, without a stack trace", async () => {
    jest.spyOn(pipeline, "analyse").mockImplementation(() => {
      throw new Error("kaboom");
    });
    const r = await runCli(["periksa", SAMPLE]);
    expect(r.code).toBe(3);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("kaboom");
    expect(r.stderr).toContain("laporkan");
  });

  it("shows the stack trace with POKIN_DEBUG=1", async () => {
    jest.spyOn(pipeline, "analyse").mockImplementation(() => {
      throw new Error("kaboom");
    });
    const r = await runCli(["periksa", SAMPLE, "--lang", "en"], { POKIN_DEBUG: "1" });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\n\s+at /);
    expect(r.stderr).toContain("Please report");
  });
});

describe("pokin periksa on the sample", () => {
  it("prints one JSON object for one file and exits with 1 for the seed's errors", async () => {
    const r = await runCli(["periksa", SAMPLE, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as {
      file: string;
      outcome: string;
      nodes: { code: string | null; depth: number; indicators: unknown[] }[];
      findings: { rule: string; severity: string; code: string | null }[];
    };
    expect(json.file).toBe(SAMPLE);
    expect(json.outcome).toBe("Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah");
    // The seed: nine kondisi antara and 54 indicators; "1.4.6" and "1.7.3" are each used twice.
    expect(json.nodes.filter((n) => n.depth === 2)).toHaveLength(9);
    expect(json.nodes.reduce((s, n) => s + n.indicators.length, 0)).toBe(54);
    const duplicates = json.findings.filter((f) => f.rule === "duplicate-code").map((f) => f.code);
    expect(duplicates).toEqual(expect.arrayContaining(["1.4.6", "1.7.3"]));
    expect(json.findings.some((f) => f.severity === "error")).toBe(true);
  });

  it("prints the summary and the findings list without --json", async () => {
    const r = await runCli(["periksa", SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah");
    // The rule by its name in the user's language; the id is for --json.
    expect(r.stdout).toMatch(/\[Kesalahan\] '[^']+'![A-Z]+\d+ Kode ganda: /);
    expect(r.stdout).not.toContain("duplicate-code");
  });

  it("checks a folder recursively, skipping lock files, and goes on past a bad file", async () => {
    const folder = path.join(dir, "unit-kerja");
    fs.mkdirSync(path.join(folder, "bagian"), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(folder, "bagian", "setda.xlsx"));
    fs.copyFileSync(SAMPLE, path.join(folder, "~$setda.xlsx"));
    fs.writeFileSync(path.join(folder, "rusak.xlsx"), "bukan xlsx");
    const r = await runCli(["periksa", folder, "--json"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { file: string; error?: string }[];
    expect(json.map((j) => j.file)).toEqual([
      path.join(folder, "bagian", "setda.xlsx"),
      path.join(folder, "rusak.xlsx"),
    ]);
    expect(json[0]!.error).toBeUndefined();
    expect(r.stderr.trimEnd().split("\n")).toEqual([json[1]!.error]);
    expect(json[1]!.error).toContain(path.join(folder, "rusak.xlsx"));
  });

  it("writes the laporan workbook with --laporan", async () => {
    const out = path.join(dir, "ringkasan.xlsx");
    const r = await runCli(["periksa", SAMPLE, SAMPLE, "--laporan", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`ringkasan.xlsx`);
    const grids = await readXlsxFile(out);
    expect(grids.sheets.length).toBeGreaterThan(0);
    expect(grids.sheets.some((s) => generatedKind(s) === "laporan")).toBe(true);
  });
});

describe("the jobs on the sample", () => {
  const untouched = fingerprint(SAMPLE);

  it.each([
    ["hitung", []],
    ["pohon", ["pohon"]],
    ["kertas-kerja", ["kertas-kerja"]],
    ["proses", ["pohon", "kertas-kerja", "hasil"]],
  ])("%s writes a copy with its sheets and leaves the input alone", async (command, kinds) => {
    const out = path.join(dir, `${command}-keluaran.xlsx`);
    const r = await runCli([command, SAMPLE, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`Hasil ditulis ke ${out}`);
    expect(r.stdout).toContain("54 indikator");
    const grids = await readXlsxFile(out);
    const names = grids.sheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(["CSF", "Uraian Kondisi", "Target & Realisasi"]);
    expect(grids.sheets.map(generatedKind).filter((k) => k !== null)).toEqual(kinds);
    expect(fingerprint(SAMPLE)).toEqual(untouched);
  });

  it("hitung says why a protected sheet was not filled", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    await book.getWorksheet("Target & Realisasi")!.protect("", {});
    const input = path.join(dir, "terkunci.xlsx");
    await book.xlsx.writeFile(input);
    const out = path.join(dir, "terkunci.hasil.xlsx");
    const r = await runCli(["hitung", input, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\] 'Target & Realisasi'!A\d+ Lembar diproteksi: /);
    // Nothing was written into the protected sheet: its part is the input's, byte for byte.
    const before = readZip(fs.readFileSync(input));
    const after = readZip(fs.readFileSync(out));
    const part = [...before.keys()].find((k) =>
      /sheetProtection/.test(Buffer.from(before.get(k)!).toString("utf8"))
    )!;
    expect(part).toMatch(/^xl\/worksheets\//);
    expect(Buffer.from(after.get(part)!).equals(Buffer.from(before.get(part)!))).toBe(true);
  });

  it("proses keeps every part of the input it does not have to change, byte for byte", async () => {
    const out = path.join(dir, "utuh.xlsx");
    expect((await runCli(["proses", SAMPLE, "-o", out])).code).toBe(0);
    const before = readZip(fs.readFileSync(SAMPLE));
    const after = readZip(fs.readFileSync(out));
    const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");
    // Edited on purpose: the workbook's sheet list, names and calculation, its relationships and
    // content types, the styles (appended to), the extended properties (their sheet list goes),
    // and the sheet the fill writes its formulas into.
    const edited = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      "docProps/app.xml",
    ]);
    const changed: string[] = [];
    for (const [name, bytes] of before) {
      const now = after.get(name);
      expect({ name, kept: now !== undefined || name === "xl/calcChain.xml" }).toEqual({
        name,
        kept: true,
      });
      if (!now || Buffer.from(now).equals(Buffer.from(bytes)) || edited.has(name)) continue;
      // Another sheet may only lose its tab selection (the new sheet is the selected one).
      const unselect = (x: string) => x.replace(/ tabSelected="(1|true)"/, "");
      if (unselect(text(bytes)) === unselect(text(now))) continue;
      changed.push(name);
    }
    const grids = await readXlsxFile(SAMPLE);
    const filled = grids.sheets.findIndex((s) => s.name === "Target & Realisasi");
    expect(changed).toEqual([`xl/worksheets/sheet${filled + 1}.xml`]);
  });

  it("hitung fills the empty Capaian (%) cells with formulas", async () => {
    const out = path.join(dir, "hitung-rumus.xlsx");
    expect((await runCli(["hitung", SAMPLE, "-o", out])).code).toBe(0);
    const before = (await readXlsxFile(SAMPLE)).sheets.find(
      (s) => s.name === "Target & Realisasi"
    )!;
    const after = (await readXlsxFile(out)).sheets.find((s) => s.name === "Target & Realisasi")!;
    const header = before.values.findIndex((row) => row.includes("Capaian (%)"));
    const col = before.values[header]!.indexOf("Capaian (%)");
    const formulas = after.values
      .map((_, r) => after.formulas?.[r]?.[col] ?? null)
      .filter((f) => f !== null);
    expect(before.formulas?.some((row) => row?.[col])).toBeFalsy();
    expect(formulas.length).toBeGreaterThanOrEqual(50);
  });

  it("running proses on its own output replaces the generated sheets instead of adding more", async () => {
    const first = path.join(dir, "ulang-satu.xlsx");
    const second = path.join(dir, "ulang-dua.xlsx");
    expect((await runCli(["proses", SAMPLE, "-o", first])).code).toBe(0);
    expect((await runCli(["proses", first, "-o", second])).code).toBe(0);
    const a = (await readXlsxFile(first)).sheets.map((s) => s.name);
    const b = (await readXlsxFile(second)).sheets.map((s) => s.name);
    expect(b).toEqual(a);
  });

  it("takes settings from --settings and the language from them", async () => {
    const settings = path.join(dir, "pengaturan-en.json");
    fs.writeFileSync(settings, JSON.stringify({ lang: "en", paper: "A4" }));
    const out = path.join(dir, "en.xlsx");
    const r = await runCli(["pohon", SAMPLE, "-o", out, "--settings", settings]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`Result written to ${out}`);
  });
});
