/**
 * `pokin perbaiki` on the sample: the fixed copy checks without the code errors, every cell no fix
 * names keeps its value, and the tree and kertas kerja made from it carry the corrected codes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellRef } from "../../src/core/address";
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import { fixAll } from "../../src/core/fixes";
import { withDefaults } from "../../src/core/settings";
import { readXlsxPackage } from "../../src/hosts/xlsx/package/read";
import { writeFixtures } from "../fixtures/fixture-workbook";
import { writtenWorkbook } from "../core/fixes/workbook";
import { fingerprint, runCli, SAMPLE } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-perbaiki-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const grids = async (file: string) => (await readXlsxPackage(file, { lang: "id" })).grids;

/** Every non-blank cell as "'Sheet'!A1" → value. */
function cells(wb: WorkbookGrids): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const s of wb.sheets)
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== "") out.set(cellRef(s.name, r, c), v);
      })
    );
  return out;
}

interface JsonFinding {
  rule: string;
  code: string | null;
}

describe("pokin perbaiki on the sample", () => {
  let fixed: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  const before = fingerprint(SAMPLE);

  beforeAll(async () => {
    fixed = path.join(dir, "diperbaiki.xlsx");
    run = await runCli(["perbaiki", SAMPLE, "-o", fixed]);
  });

  it("prints one line per fix and exits 0: no error-level finding remains", () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("'CSF'!C20 Kode tidak sesuai induk: Kode 2.1 → 1.2.1 di 1 tempat");
    expect(run.stdout).toContain("'CSF'!C24 Kode ganda: Kode 1.4.6 → 1.4.7 di 1 tempat");
    expect(run.stdout).toContain("'CSF'!C33 Kode ganda: Kode 1.7.3 → 1.7.4 di 1 tempat");
    expect(run.stdout).toMatch(/\d+ perbaikan, \d+ sel diubah\./);
    expect(fingerprint(SAMPLE)).toEqual(before);
  });

  it("then periksa finds no code-parent-mismatch and no duplicate-code", async () => {
    const r = await runCli(["periksa", fixed, "--json"]);
    const found = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(
      found.filter((f) => f.rule === "code-parent-mismatch" || f.rule === "duplicate-code")
    ).toEqual([]);
    expect(found.filter((f) => f.rule === "invalid-number").map((f) => f.code)).toEqual([
      "1.4.7",
      "1.8",
    ]);
    expect(r.code).toBe(0);
  });

  it("changes exactly the cells the fixes name, to the values they name", async () => {
    const input = await grids(SAMPLE);
    const { edits } = fixAll(input, withDefaults({}));
    const expected = new Map(edits.map((e) => [cellRef(e.sheet, e.row, e.col), e.after]));
    const a = cells(input);
    const b = cells(await grids(fixed));
    const changed = new Map<string, CellValue>();
    for (const key of new Set([...a.keys(), ...b.keys()]))
      if (a.get(key) !== b.get(key)) changed.set(key, b.get(key) ?? null);
    expect(changed).toEqual(expected);
    expect(changed.size).toBe(8);
  });

  it("gives a tree and a kertas kerja with 1.2.1–1.2.3, 1.3.1–1.3.3, 1.4.7 and 1.7.4", async () => {
    const out = path.join(dir, "proses.xlsx");
    expect((await runCli(["proses", fixed, "-o", out])).code).toBe(0);
    const wb = await grids(out);
    const texts = (sheet: string) =>
      (wb.sheets.find((s) => s.name === sheet)?.values ?? []).flat().map((v) => String(v ?? ""));
    const codes = ["1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.3.3", "1.4.7", "1.7.4"];
    const tree = texts("Pohon Kinerja");
    const document = texts("Kertas Kerja");
    for (const code of codes) {
      expect(tree).toContain(code);
      expect(document.some((t) => t.startsWith(`${code}. `))).toBe(true);
    }
    for (const gone of ["2.1", "3.1.1"]) expect(tree).not.toContain(gone);
  });
});

describe("pokin perbaiki options", () => {
  it("--coba prints the fixes and writes nothing", async () => {
    const out = path.join(dir, "coba.xlsx");
    const r = await runCli(["perbaiki", SAMPLE, "--coba", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Kode 2.1 → 1.2.1");
    expect(r.stdout).toContain("Coba saja: tidak ada berkas yang ditulis.");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--aturan applies only the named rules; exit 1 when errors remain", async () => {
    const r = await runCli(["perbaiki", SAMPLE, "--coba", "--aturan", "duplicate-code"]);
    expect(r.stdout).toContain("Kode 1.4.6 → 1.4.7");
    expect(r.stdout).not.toContain("Kode 2.1 →");
    expect(r.stdout).toContain("Masih ada 6 kesalahan yang harus diperbaiki sendiri:");
    expect(r.code).toBe(1);
  });

  it("--aturan polarity-assumed writes naik in each blank Polaritas cell", async () => {
    const r = await runCli(["perbaiki", SAMPLE, "--coba", "--aturan", "polarity-assumed"]);
    expect(r.stdout).toContain(
      "'Target & Realisasi'!G15 Polaritas dianggap naik: Polaritas indikator \"Indeks Reformasi Hukum (IRH)\" → naik"
    );
    expect(r.stdout).not.toContain("Kode 2.1 →");
  });

  it("--aturan name-mismatch writes the CSF table's name, which no default run does", async () => {
    const named = await runCli(["perbaiki", SAMPLE, "--coba", "--aturan", "name-mismatch"]);
    expect(named.stdout).toContain('Nama kondisi 1.5 → "Meningkatnya ITKP" di 2 tempat');
    const plain = await runCli(["perbaiki", SAMPLE, "--coba"]);
    expect(plain.stdout).not.toContain("Nama kondisi");
  });

  it("refuses a rule that has no fix, and a missing -o", async () => {
    const bad = await runCli(["perbaiki", SAMPLE, "--aturan", "orphan", "-o", "x.xlsx"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("orphan");
    const noOut = await runCli(["perbaiki", SAMPLE]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("-o");
  });
});

describe("pokin perbaiki on numbers typed as text", () => {
  it("writes the numbers with formats showing them as typed, and the fill reports no text", async () => {
    const wb = writtenWorkbook([
      {
        code: "1",
        name: "Meningkatnya Kualitas Tata Kelola",
        indicators: [{ name: "Jumlah Dokumen Tata Kelola", target: "1.200", actual: "82,5" }],
      },
    ]);
    await writeFixtures(
      [{ file: "teks.xlsx", sheets: wb.sheets.map((s) => ({ name: s.name, rows: s.values })) }],
      dir
    );
    const out = path.join(dir, "teks-diperbaiki.xlsx");
    const r = await runCli(["perbaiki", path.join(dir, "teks.xlsx"), "-o", out]);
    expect(r.stdout).toContain(
      "'Target & Realisasi'!D4 Bukan angka: Target \"1.200\" → angka 1200"
    );
    const measures = (await grids(out)).sheets.find((s) => s.name === "Target & Realisasi");
    expect([measures?.values[3]?.[3], measures?.values[3]?.[4]]).toEqual([1200, 82.5]);
    expect([measures?.numberFormats?.[3]?.[3], measures?.numberFormats?.[3]?.[4]]).toEqual([
      "#,##0",
      "0.0",
    ]);
    // The fill is what reports numbers typed as text (its formulas need numbers).
    const fill = async (file: string) =>
      (await runCli(["hitung", file, "-o", path.join(dir, "dihitung.xlsx")])).stdout;
    // The text output names the rule (invalid-number) as users read it.
    expect(await fill(path.join(dir, "teks.xlsx"))).toContain("Bukan angka");
    expect(await fill(out)).not.toContain("Bukan angka");
  });
});
