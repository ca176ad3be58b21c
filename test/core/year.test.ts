import { workbookYear } from "../../src/core/year";
import type { CellValue } from "../../src/core/grid";

const book = (...sheets: CellValue[][][]) => ({
  sheets: sheets.map((values, i) => ({ name: `S${i}`, values })),
});

describe("workbookYear", () => {
  it("takes the year of a title's 'Tahun 2024' or 'Tahun Anggaran 2025'", () => {
    expect(workbookYear(book([["Target dan Realisasi Indikator Kinerja Tahun 2024"]]))).toBe(2024);
    expect(workbookYear(book([[null, "KERTAS KERJA TAHUN ANGGARAN 2025"]]))).toBe(2025);
  });

  it("else the year most Target/Realisasi headers carry", () => {
    const headers = [["Kode", "Indikator", "Target 2023", "Realisasi 2023", "Target 2024"]];
    expect(workbookYear(book(headers))).toBe(2023);
  });

  it("gives null when no title or header names a year, and ignores years deep in the text", () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, () => ["Penjelasan"]);
    rows.push(["Peraturan Daerah Nomor 3 Tahun 2019"]);
    expect(workbookYear(book(rows))).toBeNull();
    expect(workbookYear(book([["Jumlah 2024 dokumen"]]))).toBeNull();
  });
});
