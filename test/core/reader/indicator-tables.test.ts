import { kodeColumn, oddHeaders } from "../../fixtures/reader/fixtures";
import { indicatorNamed, nodeById, outline, readBoth } from "./load";

describe("reading indicator tables", () => {
  it("matches headers whatever their case, spacing, line breaks, punctuation and order, ignoring extra columns", async () => {
    for (const [, model] of await readBoth(oddHeaders)) {
      const ik = indicatorNamed(model, "Indeks Kepuasan");
      expect({
        definition: ik.definition,
        relevance: ik.relevance,
        formula: ik.formula,
        dataSource: ik.dataSource,
        cell: ik.cell,
        conditionCode: ik.conditionCode,
      }).toEqual({
        definition: "Definisi IK",
        relevance: "Relevan",
        formula: "Nilai survei",
        dataSource: "Survei",
        cell: "'Indikator'!D4",
        conditionCode: "1",
      });
      expect(ik.textCells).toEqual({
        name: { sheet: "Indikator", row: 3, col: 3 },
        definition: { sheet: "Indikator", row: 3, col: 5 },
        relevance: { sheet: "Indikator", row: 3, col: 4 },
        formula: { sheet: "Indikator", row: 3, col: 6 },
        dataSource: { sheet: "Indikator", row: 3, col: 0 },
      });
      // "CSF 1" in a Kode column is code "1"; "1.1." is "1.1".
      expect(nodeById(model, "1").indicators.map((i) => i.name)).toEqual(["Indeks Kepuasan"]);
      expect(nodeById(model, "1.1").indicators.map((i) => i.name)).toEqual([
        "Persentase Aduan Selesai",
      ]);
      // The Capaian (%) column makes the row the place where capaian is written.
      expect(ik.measure).toEqual({
        sheet: "Indikator",
        row: 3,
        headerRow: 2,
        lastCol: 7,
        columns: { code: 1, name: 3, achievement: 7 },
      });
    }
  });

  it("reads a Kode | Kondisi table with depth and parent from the codes", async () => {
    for (const [, model] of await readBoth(kodeColumn)) {
      expect(outline(model)).toEqual([
        ["1", "Meningkatnya Tata Kelola", 1, "csf", null],
        ["1.1", "Meningkatnya Akuntabilitas", 2, "antara", "1"],
        ["1.1.1", "Tersusunnya Laporan Kinerja", 3, "operasional", "1.1"],
        ["1.2", "Meningkatnya Pelayanan", 2, "antara", "1"],
      ]);
    }
  });

  it("gives several rows to one condition through a merged or blank Kode cell", async () => {
    for (const [, model] of await readBoth(kodeColumn)) {
      expect(nodeById(model, "1.1").indicators.map((i) => i.name)).toEqual([
        "Nilai SAKIP",
        "Nilai LAKIP",
      ]);
      expect(nodeById(model, "1.1.1").indicators.map((i) => [i.name, i.definition])).toEqual([
        ["Jumlah Laporan", "D3"],
        ["Jumlah Rapat", "D4"],
      ]);
    }
  });

  it("attaches rows of a table with a Kondisi column by code or by name", async () => {
    for (const [, model] of await readBoth(kodeColumn)) {
      expect(nodeById(model, "1.2").indicators.map((i) => i.name)).toEqual([
        "Indeks Kepuasan Masyarakat",
      ]);
      expect(nodeById(model, "1").indicators.map((i) => i.name)).toEqual(["Indeks RB"]);
    }
  });

  it("keeps a row whose code names no condition as an orphan that says which code it names", async () => {
    for (const [, model] of await readBoth(kodeColumn)) {
      expect(model.orphans.map((o) => [o.indicator.name, o.refersTo])).toEqual([
        ["Indikator Nyasar", "9.9"],
      ]);
    }
  });
});
