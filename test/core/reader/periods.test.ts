/**
 * Measures as offices type them (issue 14): a column per year, quarter or semester, baselines,
 * percent-formatted cells; read through both hosts' readers and from the bare grid.
 */
import type { CsfModel } from "../../../src/core/model";
import { applyCapaian } from "../../../src/core/capaian";
import { modelToJson } from "../../../src/core/json";
import { readWorkbook } from "../../../src/core/reader";
import { chooseColumn, chooseYear, periodOf } from "../../../src/core/reader/periods";
import { gridsOf } from "../../fixtures/reader/fixtures";
import { percent, periodsLatest, periodsQuarters, periodsYear } from "../../fixtures/reader/shapes";
import { readAllWays } from "./load";

/** name → [target, its cell, realisasi, its cell] as the JSON says them. */
function measured(model: CsfModel) {
  const json = modelToJson(model, [], null);
  return Object.fromEntries(
    json.nodes.flatMap((n) =>
      n.indicators.map((i) => [i.name, [i.target, i.targetCell, i.actual, i.actualCell]])
    )
  );
}

function columnsMessages(model: CsfModel): string[] {
  return model.findings.filter((f) => f.rule === "measure-columns").map((f) => f.message);
}

describe("a column per year", () => {
  it("reads the year the title names, never the baseline or an earlier year's capaian", async () => {
    for (const [way, model] of await readAllWays(periodsYear)) {
      expect([way, measured(model)]).toEqual([
        way,
        {
          "Indeks Mutu Pelayanan": [80, "'Capaian'!G4", 81, "'Capaian'!H4"],
          "Persentase Penduduk Terdaftar JKN": [95, "'Capaian'!G5", 96.5, "'Capaian'!H5"],
        },
      ]);
      // The 2024 capaian is not this year's: no Capaian column is taken (the fill adds one).
      expect(model.nodes[0]?.indicators[0]?.measure?.columns.achievement).toBeUndefined();
      expect(columnsMessages(model)).toEqual([
        'Kolom yang dibaca dari tabel di \'Capaian\'!A3 untuk tahun 2025: target dari kolom G "Target Tahun 2025", realisasi dari kolom H "Realisasi 2025"; tidak dipakai: C "Kondisi Awal", D "Target 2024", E "Realisasi 2024", F "Capaian 2024".',
      ]);
    }
  });

  it("reads the year the settings give when no title names one the table has", () => {
    const grids = gridsOf(periodsYear, false);
    const title = grids.sheets[0]?.values[0];
    if (title) title[0] = "Target dan Realisasi Kinerja";
    const model = readWorkbook(grids, { year: 2024 });
    expect(measured(model)["Indeks Mutu Pelayanan"]).toEqual([
      75,
      "'Capaian'!D4",
      76,
      "'Capaian'!E4",
    ]);
  });

  it("without a year named, reads the latest year with both target and realisasi", async () => {
    for (const [way, model] of await readAllWays(periodsLatest)) {
      expect([way, measured(model)]).toEqual([
        way,
        { "Indeks Mutu Pelayanan": [75, "'Data'!F2", 76, "'Data'!G2"] },
      ]);
      expect(columnsMessages(model)[0]).toContain("tahun 2024");
    }
  });
});

describe("quarters and semesters", () => {
  it("read the cumulative column, else the latest quarter filled, else the latest semester", async () => {
    for (const [way, model] of await readAllWays(periodsQuarters)) {
      expect([way, measured(model)]).toEqual([
        way,
        {
          // Realisasi over TW I … TW IV and s.d. TW IV: a two-row header.
          "Indeks Mutu Pelayanan": [80, "'Triwulan'!C3", 81, "'Triwulan'!H3"],
          // TW IV not filled yet: TW III.
          "Persentase Penduduk Terdaftar JKN": [95, "'Triwulan'!C6", 94, "'Triwulan'!F6"],
          "Persentase Puskesmas Terakreditasi Paripurna": [
            60,
            "'Triwulan'!C9",
            62,
            "'Triwulan'!E9",
          ],
        },
      ]);
      expect(columnsMessages(model)).toHaveLength(3);
      expect(model.findings.filter((f) => f.rule === "skipped-content")).toEqual([]);
    }
  });

  it("names only the columns it has, and no unused ones when none are left", () => {
    const model = readWorkbook({
      sheets: [
        {
          name: "Pohon",
          values: [
            ["Kode", "Kondisi", "Indikator Kinerja", "Target 2025", "Realisasi 2025"],
            ["1", "Meningkatnya Mutu Layanan", "Indeks Mutu", 80, 82],
          ],
        },
      ],
    });
    expect(columnsMessages(model)).toEqual([
      'Kolom yang dibaca dari tabel di \'Pohon\'!A1 untuk tahun 2025: target dari kolom D "Target 2025", realisasi dari kolom E "Realisasi 2025".',
    ]);
  });

  it("says which columns were used in English too", () => {
    const model = readWorkbook(gridsOf(periodsQuarters, false), { lang: "en" });
    expect(columnsMessages(model)[1]).toBe(
      'Columns read from the table at \'Triwulan\'!A5: target from column C "Target", realisasi from column F "Realisasi Triwulan III"; not used: D "Realisasi Triwulan I", E "Realisasi Triwulan II", G "Realisasi Triwulan IV".'
    );
  });
});

describe("period headers", () => {
  it.each([
    ["target 2025", { year: 2025, quarter: null, semester: null, cumulative: false }],
    ["target tahun 2025", { year: 2025, quarter: null, semester: null, cumulative: false }],
    ["realisasi tw iii", { year: null, quarter: 3, semester: null, cumulative: false }],
    ["realisasi triwulan 2 2025", { year: 2025, quarter: 2, semester: null, cumulative: false }],
    ["realisasi semester ii", { year: null, quarter: null, semester: 2, cumulative: false }],
    ["realisasi s d tw iv", { year: null, quarter: 4, semester: null, cumulative: true }],
    ["realisasi kumulatif", { year: null, quarter: null, semester: null, cumulative: true }],
    ["realisasi tahunan", { year: null, quarter: null, semester: null, cumulative: true }],
  ])("reads %p", (key, period) => {
    expect(periodOf(key)).toEqual(period);
  });

  it("reads no period in a plain header", () => {
    expect(periodOf("realisasi")).toBeNull();
  });

  it("prefers the workbook's year, then the latest with both, and the plain column of a year", () => {
    const col = (c: number, year: number | null) => ({
      col: c,
      period: year ? { year, quarter: null, semester: null, cumulative: false } : null,
      filled: true,
    });
    const targets = [col(1, 2024), col(3, 2025)];
    const actuals = [col(2, 2024)];
    expect(chooseYear(targets, actuals, [2025])).toBe(2025);
    expect(chooseYear(targets, actuals, [2030, null])).toBe(2024);
    expect(chooseYear([col(1, null)], [col(2, null)], [2025])).toBeNull();
    expect(chooseColumn(targets, 2025)).toBe(3);
    expect(chooseColumn(actuals, 2025)).toBeNull();
  });
});

describe("percent-formatted cells", () => {
  it("read as the percent they show, said in the JSON, and computed on one scale", async () => {
    for (const [way, model] of await readAllWays(percent)) {
      applyCapaian(model);
      const json = modelToJson(model, [], null);
      const [layanan, jkn] = json.nodes.map((n) => n.indicators[0]);
      expect([way, layanan?.target, layanan?.actual, layanan?.achievement]).toEqual([
        way,
        80,
        85,
        106.25,
      ]);
      expect([layanan?.targetPercent, layanan?.actualPercent]).toEqual([true, true]);
      // A typed 95 beside 0.965 shown as 96.5 %: one scale.
      expect([jkn?.target, jkn?.actual, jkn?.achievement]).toEqual([95, 96.5, 101.58]);
      expect([jkn?.targetPercent, jkn?.actualPercent]).toEqual([false, true]);
      expect(json.nodes.map((n) => n.responsible)).toEqual(["Bidang Yankes", "Bidang P2"]);
    }
  });
});
