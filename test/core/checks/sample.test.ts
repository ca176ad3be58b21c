/**
 * Acceptance: the checks on the sample workbook. The expected findings were written from reading
 * the seed text (shared/seed/…txt, copied to examples/source/), not from the checker's output;
 * each line says where in the seed the inconsistency is.
 */
import * as path from "path";
import { cellRef } from "../../../src/core/address";
import { applyCapaian } from "../../../src/core/capaian";
import { checkModel } from "../../../src/core/checks";
import type { Finding, RuleId } from "../../../src/core/findings";
import { cellText, type WorkbookGrids } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/reader";
import { readXlsxFile } from "../../../src/hosts/xlsx";

const root = path.join(__dirname, "../../..");

let grids: WorkbookGrids;
let findings: Finding[];

beforeAll(async () => {
  grids = await readXlsxFile(path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx"));
  const model = readWorkbook(grids, { file: "kertas-kerja-setda-luwu-timur.xlsx" });
  applyCapaian(model);
  findings = checkModel(model, grids);
});

/** Codes of the findings of one rule (and severity), sorted, duplicates kept. */
function codes(rule: RuleId, severity?: Finding["severity"]): (string | null)[] {
  return findings
    .filter((f) => f.rule === rule && (severity === undefined || f.severity === severity))
    .map((f) => f.code)
    .sort();
}

const sorted = (xs: string[]): string[] => [...xs].sort();

describe("checking the sample workbook", () => {
  it("reports the two codes Table 3 gives to two different conditions (1.4.6 twice, 1.7.3 twice)", () => {
    expect(codes("duplicate-code")).toEqual(["1.4.6", "1.7.3"]);
    expect(
      findings.filter((f) => f.rule === "duplicate-code").every((f) => f.severity === "error")
    ).toBe(true);
  });

  it("reports (2.1)/(2.2)/(2.3) listed under CSF 1.2 and (3.1.1)/(3.1.2)/(3.1.3) under CSF 1.3", () => {
    expect(codes("code-parent-mismatch")).toEqual(
      sorted(["2.1", "2.2", "2.3", "3.1.1", "3.1.2", "3.1.3"])
    );
  });

  it("reports every condition whose name differs between Table 2, Table 3 and its section heading", () => {
    expect(codes("name-mismatch")).toEqual(
      sorted([
        // CSF 1: "… Tata Kelola Pemerintahan Sekretariat Daerah" vs heading "… Tata kelola Pemerintahan"
        "1",
        // Table 2 "Terselenggaranya Fasilitasi dan Koordinasi Hukum" vs Table 3/heading "Meningkatnya Kualitas Penyelenggaraan …"
        "1.3",
        // "Meningkatnya Fasilitasi … Perekonomian dan Pembangunan" vs heading "Meningkatnya Fasilitas … dan administrasi Pembangunan"
        "1.4",
        // "Meningkatnya ITKP" vs "… Pengelolaan Barang dan Jasa" (Table 3) vs "… Pengelolaan Pengadaan Barang dan Jasa" (heading)
        "1.5",
        "1.5",
        // "Kualitas SAKIP SETDA" vs "Nilai LAKIP Sekretariat Daerah" (Table 3) vs "kualitas SAKIP Sekretariat Daerah" (heading)
        "1.6",
        "1.6",
        // "Kualitas Layanan SETDA" vs "Kualitas Layanan Sekretariat Daerah" (Table 3 and heading alike)
        "1.7",
        // "Tersedianya Dokumen Hasil Fasilitasi …" vs heading "Terlaksannya Fasilitasi Pelaksanaan Otonomi Daerah"
        "1.1.2",
        // "Pengelolaan Adm. Kewilayahan" vs "Pengelolaan Administrasi Kewilayahan"
        "1.1.3",
        // "Laporan Keuangan Sekretariat Daerah" vs "Laporan Keuangan Perangkat Daerah"
        "1.6.3",
        // "… Analisis Jabatan PD" vs "… Analisis Jabatan"
        "1.8.1",
        // "Keprotokoleran" vs "Keprotokolan"
        "1.9.1",
        // "Pendokumentasian Tugas Pimpinan" vs "Fasilitasi Dokumentasi Pimpinan"
        "1.9.3",
      ])
    );
  });

  it("does not count case, spacing or '&' for 'dan' as a different name (1.1.1, 1.8.2, 1.8.3)", () => {
    // "Penataan Administrasi" vs "penataan administrasi"; "Tata laksana" vs "Tatalaksana"; "&" vs "dan"
    const quiet = findings.filter(
      (f) => f.rule === "name-mismatch" && ["1.1.1", "1.8.2", "1.8.3"].includes(f.code ?? "")
    );
    expect(quiet).toEqual([]);
  });

  it("says both names in the name-mismatch message", () => {
    const f = findings.find((x) => x.rule === "name-mismatch" && x.code === "1.9.3");
    expect(f?.message).toContain("Terlaksananya Pendokumentasian Tugas Pimpinan");
    expect(f?.message).toContain("Terlaksananya Fasilitasi Dokumentasi Pimpinan");
  });

  it("reports the Persentase indicator of 1.8 whose formula is a report, not a ratio", () => {
    // "Persentase Implementasi RB General dan RB Tematik" — "Laporan Hasil Evaluasi Pelaksanaan Reformasi Birokrasi"
    expect(codes("formula-type-mismatch")).toEqual(["1.8"]);
  });

  it("reports formulas copied word for word from an indicator with another name", () => {
    expect(codes("duplicate-text")).toEqual(
      sorted([
        // 1.1.3's formula is 1.1.2's ("Jumlah dokumen hasil fasilitasi penyelenggaraan otonomi daerah …")
        "1.1.3",
        // 1.2.3 (listed as (2.3) in Table 3) copies 1.2.2's "… terkait kesejahteraan sosial …"
        "2.3",
        // three 1.8 indicators share "Laporan Hasil Evaluasi Pelaksanaan Reformasi Birokrasi"
        "1.8",
        "1.8",
        "1.8",
      ])
    );
  });

  it("reports indicator lines that name another indicator, but takes '% Kebijakan …' for 'Persentase Kebijakan …'", () => {
    expect(codes("narrative-mismatch", "warning")).toEqual(
      sorted([
        // 1.4's line names "Persentase Pengendalian Inflasi daerah"; the table has "Tingkat Pengendalian Inflasi"
        "1.4",
        "1.4",
        // 1.4.6's line repeats 1.4.5's indicator (Jumlah Laporan … Pelaksanaan Pembangunan)
        "1.4.6",
        "1.4.6",
        // 1.7's line names "Jumlah Pengadaan dan Pemeliharaan BMD"; the table has "Persentase BMD Dalam Kondisi Baik"
        "1.7",
        "1.7",
      ])
    );
    // 1.2: "% Kebijakan Kesejahteraan Rakyat yang dilaksanakan sesuai ketentuan yang berlaku" is the table's indicator.
    expect(codes("narrative-mismatch").filter((c) => c === "1.2")).toEqual([]);
  });

  it("notes the sections of 1.8 and its children, which have no indicator line", () => {
    expect(codes("narrative-mismatch", "info")).toEqual(["1.8", "1.8.1", "1.8.2", "1.8.3"]);
  });

  it("notes the antara condition 1.3 named as an activity done (Terselenggaranya …)", () => {
    expect(codes("level-naming")).toEqual(["1.3"]);
  });

  it("reports each Realisasi typed as words at its cell, and its capaian as uncomputable", () => {
    const expected = textRealisasiCells(grids);
    expect(expected.length).toBeGreaterThan(0);
    const invalid = findings.filter((f) => f.rule === "invalid-number").map((f) => f.cell);
    expect(sorted(invalid.map(String))).toEqual(sorted(expected.map((e) => e.actual)));
    const uncomputable = findings
      .filter((f) => f.rule === "achievement-uncomputable")
      .map((f) => f.cell);
    expect(sorted(uncomputable.map(String))).toEqual(sorted(expected.map((e) => e.capaian)));
  });

  it("finds none of the problems the seed does not have", () => {
    const absent: RuleId[] = [
      "missing-outcome",
      "missing-field",
      "no-indicator",
      "no-section",
      "orphan",
      "numbering-gap",
      "missing-target",
      "manual-override",
    ];
    expect(findings.filter((f) => absent.includes(f.rule))).toEqual([]);
  });
});

/**
 * The Realisasi cells of "Target & Realisasi" that hold text instead of a number, read straight
 * from the grid (the sample's illustrative data), with the Capaian cell of the same row.
 */
function textRealisasiCells(wb: WorkbookGrids): { actual: string; capaian: string }[] {
  const sheet = wb.sheets.find((s) => s.name === "Target & Realisasi");
  if (!sheet) throw new Error("no Target & Realisasi sheet");
  const header = sheet.values.findIndex((r) => r.some((v) => cellText(v) === "Realisasi"));
  const row = sheet.values[header] ?? [];
  const col = (label: string): number => row.findIndex((v) => cellText(v).startsWith(label));
  const actualCol = col("Realisasi");
  const capaianCol = col("Capaian");
  const out: { actual: string; capaian: string }[] = [];
  for (let r = header + 1; r < sheet.values.length; r++) {
    const v = sheet.values[r]?.[actualCol];
    if (typeof v === "string" && v.trim() !== "" && !/^[\d.,]+\s*%?$/.test(v.trim()))
      out.push({
        actual: cellRef(sheet.name, r, actualCol),
        capaian: cellRef(sheet.name, r, capaianCol),
      });
  }
  return out;
}
