import type { CellValue, WorkbookGrids } from "../../../src/core/grid";
import { fixOnce, ruleCodes, written } from "./helpers";
import { writtenWorkbook } from "./workbook";

const INDICATORS = [
  { name: "Jumlah Dokumen Perencanaan Daerah" },
  { name: "Jumlah Laporan Evaluasi Kinerja" },
];

/** CSF 1 whose line lists `line`; its section starts at row 0 of "Uraian Kondisi", line at row 4. */
function workbook(line: string[]): WorkbookGrids {
  return writtenWorkbook([
    { code: "1", name: "Meningkatnya Kualitas Tata Kelola", indicators: INDICATORS, line },
  ]);
}

function setRow(wb: WorkbookGrids, row: number, values: CellValue[]): void {
  const sheet = wb.sheets.find((s) => s.name === "Uraian Kondisi");
  if (sheet) sheet.values[row] = values;
}

describe("rewriting the 'tergambar dari indikator' line from the table", () => {
  it("lists the table's indicators, in its order, after the line's own words", () => {
    const r = fixOnce(workbook(["Jumlah Dokumen Perencanaan Daerah", "Jumlah Dokumen Renja"]));
    expect(r.fixes.map((f) => f.description)).toEqual([
      'Kalimat "tergambar dari indikator" kondisi 1 ditulis ulang dari tabel indikatornya (2 indikator)',
    ]);
    expect(written(r.edits)).toEqual([
      "Uraian Kondisi!4,0: Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Dokumen Perencanaan Daerah (2) Jumlah Laporan Evaluasi Kinerja",
    ]);
    expect(ruleCodes(r.before, "narrative-mismatch")).toHaveLength(2);
    expect(ruleCodes(r.after, "narrative-mismatch")).toEqual([]);
  });

  it("keeps letters as markers, and writes a line continued below into its first row", () => {
    const wb = workbook([]);
    setRow(wb, 4, [
      "Terwujudnya kondisi ini dapat tergambar dari indicator: (a) Jumlah Dokumen Renja",
    ]);
    wb.sheets[1]?.values.splice(5, 0, ["(b) Jumlah Laporan Evaluasi Kinerja"]);
    const r = fixOnce(wb);
    expect(written(r.edits)).toEqual([
      "Uraian Kondisi!4,0: Terwujudnya kondisi ini dapat tergambar dari indicator: (a) Jumlah Dokumen Perencanaan Daerah (b) Jumlah Laporan Evaluasi Kinerja",
      "Uraian Kondisi!5,0: null",
    ]);
    expect(ruleCodes(r.after, "narrative-mismatch")).toEqual([]);
  });

  it("rewrites a line typed inside another paragraph, and only that part of it", () => {
    const wb = workbook([]);
    setRow(wb, 3, [
      "Masalah terkait dengan kondisi ini antara lain (a) koordinasi. Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Dokumen Renja",
    ]);
    setRow(wb, 4, [null]);
    const r = fixOnce(wb);
    expect(written(r.edits)).toEqual([
      "Uraian Kondisi!3,0: Masalah terkait dengan kondisi ini antara lain (a) koordinasi. Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Dokumen Perencanaan Daerah (2) Jumlah Laporan Evaluasi Kinerja",
    ]);
    expect(ruleCodes(r.after, "narrative-mismatch")).toEqual([]);
  });

  it("has no fix for a section without the line", () => {
    const wb = workbook([]);
    setRow(wb, 4, [null]);
    const r = fixOnce(wb);
    expect(ruleCodes(r.before, "narrative-mismatch")).toEqual(["narrative-mismatch 1"]);
    expect(r.fixes).toEqual([]);
  });
});
