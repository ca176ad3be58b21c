import type { WorkbookGrids } from "../../../src/core/grid";
import { analyse } from "../../../src/core/pipeline";
import { fixOnce, ruleCodes, SETTINGS, written } from "./helpers";
import { writtenWorkbook } from "./workbook";

/** CSF 1 with two indicators, their Polaritas cells left blank; target 8, realisasi 6. */
function workbook(): WorkbookGrids {
  return writtenWorkbook([
    {
      code: "1",
      name: "Meningkatnya Kualitas Tata Kelola",
      indicators: [
        { name: "Angka Temuan Audit Pemerintahan", polarity: null, target: 8, actual: 6 },
        { name: "Jumlah Dokumen Tata Kelola", polarity: null, target: 8, actual: 6 },
      ],
    },
  ]);
}

/** The same without a Polaritas column. */
function withoutColumn(): WorkbookGrids {
  const wb = workbook();
  const measures = wb.sheets.find((s) => s.name === "Target & Realisasi");
  if (measures) measures.values = measures.values.map((row) => row.slice(0, 6));
  return wb;
}

const capaian = (wb: WorkbookGrids) =>
  analyse(wb, SETTINGS).model.nodes[0]?.indicators.map((i) => i.achievement);

describe("confirming an indicator's polarity", () => {
  it("writes naik by default in its blank Polaritas cell: the capaian stays, the finding goes", () => {
    const r = fixOnce(workbook());
    expect(r.fixes.map((f) => [f.description, f.choice?.options])).toEqual([
      ['Polaritas indikator "Angka Temuan Audit Pemerintahan" → naik', ["naik", "turun"]],
      ['Polaritas indikator "Jumlah Dokumen Tata Kelola" → naik', ["naik", "turun"]],
    ]);
    expect(written(r.edits)).toEqual([
      "Target & Realisasi!3,6: naik",
      "Target & Realisasi!4,6: naik",
    ]);
    expect(ruleCodes(r.after, "polarity-assumed")).toEqual([]);
    expect(capaian(r.grids)).toEqual(capaian(workbook()));
  });

  it("writes turun when the user picks it, and the capaian follows", () => {
    const id = "polarity-assumed|'Target & Realisasi'!G4|1";
    const r = fixOnce(workbook(), ["polarity-assumed"], { choices: { [id]: 1 } });
    expect(written(r.edits)).toEqual([
      "Target & Realisasi!3,6: turun",
      "Target & Realisasi!4,6: naik",
    ]);
    // (2 × 8 − 6) / 8 × 100 for the first; 6 / 8 × 100 for the second.
    expect(capaian(r.grids)).toEqual([125, 75]);
  });

  it("adds a Polaritas column to a table without one, its header written once", () => {
    const r = fixOnce(withoutColumn());
    expect(r.fixes.map((f) => f.description)).toEqual([
      'Polaritas indikator "Angka Temuan Audit Pemerintahan" → naik (kolom Polaritas ditambahkan pada tabel)',
      'Polaritas indikator "Jumlah Dokumen Tata Kelola" → naik (kolom Polaritas ditambahkan pada tabel)',
    ]);
    expect(written(r.edits)).toEqual([
      "Target & Realisasi!2,6: Polaritas",
      "Target & Realisasi!3,6: naik",
      "Target & Realisasi!4,6: naik",
    ]);
    expect(ruleCodes(r.after, "polarity-assumed")).toEqual([]);
  });

  it("adds no column where the cells beside the table are taken", () => {
    const wb = withoutColumn();
    const row = wb.sheets.find((s) => s.name === "Target & Realisasi")?.values[3];
    if (row) row[6] = "catatan pengguna";
    const r = fixOnce(wb);
    expect(r.fixes.map((f) => f.findings[0]?.cell)).toEqual([]);
  });
});
