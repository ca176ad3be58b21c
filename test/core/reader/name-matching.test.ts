import { readWorkbook } from "../../../src/core/reader";
import type { CellValue } from "../../../src/core/grid";

const LONG =
  "Meningkatnya Kualitas Koordinasi Perencanaan Penganggaran Pelaksanaan Evaluasi dan Pelaporan Kinerja Seluruh Perangkat Daerah Kabupaten Beserta Unit Pelaksana Teknis";

function workbook(uraian: CellValue[][], measure: CellValue[][] = []) {
  return {
    sheets: [
      {
        name: "CSF",
        values: [
          ["KERTAS KERJA POHON KINERJA DINAS CONTOH"],
          ["Outcome", "Meningkatnya Pelayanan Publik"],
          [],
          ["No.", "Faktor Penyebab", "Kondisi yang diperlukan"],
          ["1.", "Sebab satu", "Meningkatnya Kualitas Tata Kelola Pemerintahan Daerah (CSF 1)"],
          ["2.", "Sebab dua", `${LONG} (CSF 2)`],
          ["3.", "Sebab tiga", "Meningkatnya Layanan Café Rakyat (CSF 3)"],
        ] as CellValue[][],
      },
      { name: "Uraian", values: uraian },
      { name: "Target", values: measure },
    ],
  };
}

describe("matching section headings and measure rows to conditions by name", () => {
  it("takes a long line that is exactly a condition's name for its heading, accents included", () => {
    const model = readWorkbook(
      workbook([
        [LONG],
        ["Uraian panjang tentang koordinasi."],
        [],
        ["Meningkatnya layanan CAFÉ rakyat"],
        ["Penjelasan"],
        ["Layanan café merupakan kondisi."],
      ])
    );
    const byCode = new Map(model.nodes.map((n) => [n.code, n]));
    expect(byCode.get("2")?.sectionCell).toBe("'Uraian'!A1");
    expect(byCode.get("2")?.explanation).toBe("Uraian panjang tentang koordinasi.");
    expect(byCode.get("3")?.sectionCell).toBe("'Uraian'!A4");
    expect(byCode.get("3")?.explanation).toBe("Layanan café merupakan kondisi.");
  });

  it("matches a heading without a code by a close name, after title lines naming no condition", () => {
    const model = readWorkbook(
      workbook([
        ["URAIAN KONDISI DINAS CONTOH"],
        ["Meningkatnya Kualitas Tata Kelola Pemerintahan Daerah Kabupaten"],
        ["Tata kelola merupakan konsep."],
      ])
    );
    const csf1 = model.nodes.find((n) => n.code === "1");
    expect(csf1?.sectionCell).toBe("'Uraian'!A2");
    expect(csf1?.explanation).toBe("Tata kelola merupakan konsep.");
  });

  it("pairs a measure row with its indicator whatever the case and spacing of the name", () => {
    const model = readWorkbook(
      workbook(
        [
          ["3. Meningkatnya Layanan Café Rakyat"],
          ["Penjelasan"],
          ["Indikator Kinerja", "Definisi", "Relevansi", "Formulasi", "Sumber Data"],
          ["Persentase Layanan Café", "Def", "Rel", "A / B x 100", "Dinas"],
          ["Jumlah Menu Baru", "Def", "Rel", "Jumlah menu", "Dinas"],
        ],
        [
          ["Kode", "Indikator Kinerja", "Target", "Realisasi"],
          ["3", "PERSENTASE  layanan café", 80, 60],
          [null, "Jumlah Menu Baru", 10, 12],
        ]
      )
    );
    const csf3 = model.nodes.find((n) => n.code === "3");
    expect(
      csf3?.indicators.map((i) => [i.name, i.target, i.actual, i.measure?.sheet ?? null])
    ).toEqual([
      ["Persentase Layanan Café", 80, 60, "Target"],
      ["Jumlah Menu Baru", 10, 12, "Target"],
    ]);
    expect(model.orphans).toEqual([]);
  });

  it("pairs rows of a table without Kode by name alone, and reports a name measured twice", () => {
    const model = readWorkbook(
      workbook(
        [
          ["3. Meningkatnya Layanan Café Rakyat"],
          ["Penjelasan"],
          ["Indikator Kinerja", "Definisi", "Relevansi", "Formulasi", "Sumber Data"],
          ["Persentase Layanan Café", "Def", "Rel", "A / B x 100", "Dinas"],
          ["Jumlah Menu Baru", "Def", "Rel", "Jumlah menu", "Dinas"],
        ],
        [
          ["Indikator Kinerja", "Target", "Realisasi"],
          ["jumlah menu  BARU", 10, 12],
          ["Persentase Layanan Café", 80, 60],
          ["Jumlah Menu Baru", 11, 13],
        ]
      )
    );
    const csf3 = model.nodes.find((n) => n.code === "3");
    expect(csf3?.indicators.map((i) => [i.name, i.target, i.measure?.row])).toEqual([
      ["Persentase Layanan Café", 80, 2],
      ["Jumlah Menu Baru", 10, 1],
    ]);
    const measuredTwice = model.findings.filter((f) => f.params["name"] === "Jumlah Menu Baru");
    expect(measuredTwice.map((f) => [f.rule, f.cell])).toEqual([
      ["skipped-content", "'Target'!A4"],
    ]);
  });
});
