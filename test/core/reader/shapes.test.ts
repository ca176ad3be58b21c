/**
 * Every shape of CSF worksheet the reader reads besides the seed's layout (issue 14), each read
 * from its .xlsx file through both hosts' readers and from its bare grid, with and without merges:
 * the whole model it gives (conditions, parents, depth, codes typed or given, indicators, the
 * cells of target and realisasi, the responsible unit) and the reader's own findings.
 */
import type { CsfModel } from "../../../src/core/model";
import { analyse } from "../../../src/core/pipeline";
import { readWorkbook } from "../../../src/core/reader";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import {
  flat,
  levelColumn,
  levelSheets,
  matrixCodes,
  matrixMerged,
  matrixRepeated,
  mixed,
  numberedFlat,
  matrixCascading,
  levelOutline,
} from "../../fixtures/reader/shapes";
import { gridsOf } from "../../fixtures/reader/fixtures";
import { readAllWays } from "./load";

/** code, where it came from, name, depth, level and parent of each condition, in reading order. */
function conditions(model: CsfModel) {
  return model.nodes.map((n) => [
    n.code,
    n.codeGiven ? "place" : "typed",
    n.name,
    n.depth,
    n.level,
    n.parent,
  ]);
}

/** Each indicator under its condition's code: name, target and its cell, realisasi and its cell, unit in charge. */
function indicators(model: CsfModel) {
  return model.nodes.flatMap((n) =>
    n.indicators.map((i) => [
      n.code,
      i.name,
      i.target,
      cell(i.values.target),
      i.actual,
      cell(i.values.actual),
      i.responsible ?? null,
    ])
  );
}

function cell(c: { sheet: string; row: number; col: number } | undefined): string | null {
  return c ? `${c.sheet}!${String.fromCharCode(65 + c.col)}${c.row + 1}` : null;
}

/** The reader's own findings: rule and cell. */
function readerFindings(model: CsfModel) {
  return model.findings.map((f) => [f.rule, f.cell]);
}

const CSF1 = "Meningkatnya Mutu Pelayanan Kesehatan";
const KA11 = "Meningkatnya Akreditasi Fasilitas Kesehatan";
const KO111 = "Terlaksananya Pendampingan Akreditasi";
const KO112 = "Tersusunnya Dokumen Mutu";
const KA12 = "Meningkatnya Kompetensi Tenaga Kesehatan";
const CSF2 = "Meningkatnya Cakupan Jaminan Kesehatan";
const KA21 = "Meningkatnya Kepesertaan JKN";
const KO211 = "Terlaksananya Pendataan Penduduk Miskin";
const OUTCOME = "Meningkatnya Derajat Kesehatan Masyarakat";

/** Six conditions over three levels, no code typed: every code given by place. */
const PLACED_TREE = [
  ["1", "place", CSF1, 1, "csf", null],
  ["1.1", "place", KA11, 2, "antara", "1"],
  ["1.1.1", "place", KO111, 3, "operasional", "1.1"],
  ["1.1.2", "place", KO112, 3, "operasional", "1.1"],
  ["1.2", "place", KA12, 2, "antara", "1"],
  ["2", "place", CSF2, 1, "csf", null],
];

/** The tree both plain matrices give: those six, and CSF 2's own antara and operasional. */
const MATRIX_TREE = [
  ...PLACED_TREE,
  ["2.1", "place", KA21, 2, "antara", "2"],
  ["2.1.1", "place", KO211, 3, "operasional", "2.1"],
];

function matrixIndicators(sheet: string, first: string) {
  const col = (c: string, r: number) =>
    `${sheet}!${String.fromCharCode(c.charCodeAt(0) + (first === "H" ? 0 : -1))}${r}`;
  return [
    [
      "1.1.1",
      "Persentase Puskesmas Terakreditasi Paripurna",
      60,
      col("H", 4),
      65,
      col("I", 4),
      "Bidang Yankes",
    ],
    ["1.1.1", "Jumlah Puskesmas Didampingi", 12, col("H", 5), 12, col("I", 5), "Bidang Yankes"],
    ["1.1.2", "Jumlah Dokumen Mutu Disusun", 5, col("H", 6), 4, col("I", 6), "Seksi Mutu"],
    ["1.2", "Persentase Tenaga Kesehatan Kompeten", 70, col("H", 7), 72, col("I", 7), "Bidang SDK"],
    ["2.1.1", "Persentase Penduduk Terdaftar JKN", 95, col("H", 8), 96.5, col("I", 8), "Bidang P2"],
  ];
}

describe("a matrix of level columns", () => {
  it("with level cells merged down reads the tree, its indicators and the outcome column", async () => {
    for (const [way, model] of await readAllWays(matrixMerged)) {
      expect([way, conditions(model)]).toEqual([way, MATRIX_TREE]);
      expect(indicators(model)).toEqual(matrixIndicators("Pohon Kinerja", "H"));
      expect([model.outcome, model.outcomeCell]).toEqual([OUTCOME, "'Pohon Kinerja'!B4"]);
      // "POHON KINERJA DINAS KESEHATAN TAHUN 2025": the organisation, without the year.
      expect(model.organisation).toBe("DINAS KESEHATAN");
      // Each level cell is where the condition is first named (a merged area's top-left cell).
      expect(model.nodes.map((n) => n.cell)).toEqual(
        ["C4", "D4", "E4", "E6", "D7", "C8", "D8", "E8"].map((c) => `'Pohon Kinerja'!${c}`)
      );
      expect(model.nodes.map((n) => n.responsible ?? null)).toEqual([
        null,
        null,
        "Bidang Yankes",
        "Seksi Mutu",
        "Bidang SDK",
        null,
        null,
        "Bidang P2",
      ]);
      expect(readerFindings(model)).toEqual([["codes-given", "'Pohon Kinerja'!A3"]]);
    }
  });

  it("with level cells typed again on every row gives the same tree; the outcome from its label", async () => {
    for (const [way, model] of await readAllWays(matrixRepeated)) {
      expect([way, conditions(model)]).toEqual([way, MATRIX_TREE]);
      expect(indicators(model)).toEqual(matrixIndicators("Matriks", "G"));
      expect([model.outcome, model.outcomeCell]).toEqual([OUTCOME, "'Matriks'!C1"]);
      expect(model.orphans).toEqual([]);
    }
  });

  it("takes codes typed in the level cells, reads two antara columns as two levels, the outcome from a title line", async () => {
    for (const [way, model] of await readAllWays(matrixCodes)) {
      expect([way, conditions(model)]).toEqual([
        way,
        [
          ["1", "typed", CSF1, 1, "csf", null],
          ["1.1", "typed", KA11, 2, "antara", "1"],
          ["1.1.1", "typed", "Meningkatnya Kesiapan Puskesmas", 3, "antara", "1.1"],
          ["1.1.1.1", "typed", KO111, 4, "operasional", "1.1.1"],
          ["1.1.1.2", "typed", KO112, 4, "operasional", "1.1.1"],
          ["1.2", "typed", KA12, 2, "antara", "1"],
        ],
      ]);
      expect(indicators(model).map((i) => [i[0], i[1]])).toEqual([
        ["1.1.1.1", "Jumlah Puskesmas Didampingi"],
        ["1.1.1.2", "Jumlah Dokumen Mutu Disusun"],
        ["1.2", "Persentase Tenaga Kesehatan Kompeten"],
      ]);
      expect([model.outcome, model.outcomeCell]).toEqual([OUTCOME, "'Pohon'!A1"]);
      expect(readerFindings(model)).toEqual([]);
    }
  });
});

describe("a cascading matrix: each level's indicator beside it", () => {
  it("gives each level's indicator to that level's condition, the measures to the deepest", async () => {
    for (const [way, model] of await readAllWays(matrixCascading)) {
      expect([way, conditions(model)]).toEqual([way, PLACED_TREE]);
      expect(
        indicators(model).map(([code, name, , targetAt, , actualAt]) => [
          code,
          name,
          targetAt,
          actualAt,
        ])
      ).toEqual([
        ["1", "Indeks Mutu Pelayanan", null, null],
        ["1.1", "Persentase Faskes Terakreditasi", null, null],
        ["1.1.1", "Jumlah Puskesmas Didampingi", "Cascading!G2", "Cascading!H2"],
        ["1.1.2", "Jumlah Dokumen Mutu", "Cascading!G3", "Cascading!H3"],
        ["1.2", "Persentase Nakes Kompeten", null, null],
        ["2", "Persentase Penduduk Terdaftar JKN", null, null],
      ]);
      // Merged or not, an indicator beside a merged level is read once: no duplicate, nothing skipped.
      expect(readerFindings(model)).toEqual([["codes-given", "'Cascading'!A1"]]);
    }
  });

  it("reads the level indicators typed again on every row once", () => {
    const fixture = matrixCascading.sheets[0];
    if (!fixture) throw new Error("fixture");
    const rows = fixture.rows.map((r) => [...r]);
    // Every row types its CSF and antara and their indicators again.
    for (let r = 2; r < 4; r++) {
      const row = rows[r] as (string | number | null)[];
      const above = rows[r - 1] as (string | number | null)[];
      for (const c of [0, 1]) row[c] = above[c] ?? null;
      if (r === 2) for (const c of [2, 3]) row[c] = above[c] ?? null;
    }
    const grids = gridsOf({ ...matrixCascading, sheets: [{ name: "Cascading", rows }] }, false);
    const model = readWorkbook(grids);
    expect(model.nodes.map((n) => [n.code, n.indicators.map((i) => i.name)])).toEqual([
      ["1", ["Indeks Mutu Pelayanan"]],
      ["1.1", ["Persentase Faskes Terakreditasi"]],
      ["1.1.1", ["Jumlah Puskesmas Didampingi"]],
      ["1.1.2", ["Jumlah Dokumen Mutu"]],
      ["1.2", ["Persentase Nakes Kompeten"]],
      ["2", ["Persentase Penduduk Terdaftar JKN"]],
    ]);
    expect(model.findings.map((f) => f.rule)).not.toContain("duplicate-indicator");
  });
});

describe("the organisation in a tree's title", () => {
  it.each([
    [
      "POHON KINERJA (CSF) BADAN KEPEGAWAIAN DAERAH TAHUN ANGGARAN 2025",
      "BADAN KEPEGAWAIAN DAERAH",
    ],
    ["Pohon Kinerja Dinas Sosial 2024 - 2026", "Dinas Sosial"],
    ["Kertas Kerja Pohon Kinerja Sekretariat DPRD", "Sekretariat DPRD"],
  ])("reads %p as %p", (title, organisation) => {
    const model = readWorkbook({
      sheets: [
        {
          name: "Pohon",
          values: [
            [title],
            [],
            ["Kode", "Kondisi", "Indikator Kinerja"],
            ["1", CSF1, "Indeks Mutu"],
          ],
        },
      ],
    });
    expect(model.organisation).toBe(organisation);
  });
});

describe("a CSF sheet typed as Kode | CSF | Indikator Kinerja | Target | Realisasi", () => {
  it("names the CSF conditions in its CSF column, under which the other levels' codes fall", () => {
    const model = readWorkbook({
      sheets: [
        {
          name: "CSF",
          values: [
            ["Kode", "CSF", "Indikator Kinerja", "Target", "Realisasi"],
            ["1", CSF1, "Indeks Mutu Pelayanan", 80, 81],
          ],
        },
        {
          name: "Antara",
          values: [
            ["Kode", "Kondisi Antara", "Indikator Kinerja", "Target", "Realisasi"],
            ["1.1", KA11, "Persentase Faskes Terakreditasi", 60, 65],
          ],
        },
      ],
    });
    expect(conditions(model)).toEqual([
      ["1", "typed", CSF1, 1, "csf", null],
      ["1.1", "typed", KA11, 2, "antara", "1"],
    ]);
    expect(model.nodes.map((n) => n.indicators.map((i) => [i.name, i.target]))).toEqual([
      [["Indeks Mutu Pelayanan", 80]],
      [["Persentase Faskes Terakreditasi", 60]],
    ]);
    expect(model.findings.map((f) => f.rule)).not.toContain("missing-parent");
  });
});

describe("an outline: a Level column, no codes, no parent column", () => {
  it("puts each row under the latest shallower row above it and gives codes from the places", async () => {
    for (const [way, model] of await readAllWays(levelOutline)) {
      expect([way, conditions(model)]).toEqual([way, PLACED_TREE]);
      expect(model.nodes.map((n) => n.indicators.map((i) => i.name))).toEqual([
        ["Indeks Mutu Pelayanan"],
        ["Persentase Faskes Terakreditasi"],
        ["Jumlah Puskesmas Didampingi"],
        ["Jumlah Dokumen Mutu"],
        ["Persentase Nakes Kompeten"],
        ["Persentase Penduduk Terdaftar JKN"],
      ]);
      expect(readerFindings(model)).toEqual([["codes-given", "'Pohon'!A1"]]);
      expect(model.findings.find((f) => f.rule === "codes-given")?.params["count"]).toBe(6);
    }
  });

  it("reads a table of conditions alone (Level | Kondisi) the same way", () => {
    const rows = (levelOutline.sheets[0]?.rows ?? []).map((r) => r.slice(0, 2));
    const model = readWorkbook(
      gridsOf({ ...levelOutline, sheets: [{ name: "Pohon", rows }] }, false)
    );
    expect(conditions(model)).toEqual(PLACED_TREE);
  });

  it("keeps the codes a table types, and then gives none", () => {
    const rows = (levelOutline.sheets[0]?.rows ?? []).map((r, i) => [
      i === 0 ? "Kode" : (["1", "1.1", "1.1.1", "1.1.2", "1.2", "2"][i - 1] ?? null),
      ...r,
    ]);
    const model = readWorkbook(
      gridsOf({ ...levelOutline, sheets: [{ name: "Pohon", rows }] }, false)
    );
    expect(conditions(model)).toEqual(
      PLACED_TREE.map(([code, , ...rest]) => [code, "typed", ...rest])
    );
    expect(model.findings.map((f) => f.rule)).not.toContain("codes-given");
  });
});

describe("one sheet per level with a parent column", () => {
  it("links each condition to the parent its row names, codes compared without their prefixes", async () => {
    for (const [way, model] of await readAllWays(levelSheets)) {
      expect([way, conditions(model)]).toEqual([
        way,
        [
          ["1", "typed", CSF1, 1, "csf", null],
          ["2", "typed", CSF2, 1, "csf", null],
          ["1.1", "typed", KA11, 2, "antara", "1"],
          ["1.2", "typed", KA12, 2, "antara", "1"],
          ["2.1", "typed", KA21, 2, "antara", "2"],
          ["1.1.1", "typed", KO111, 3, "operasional", "1.1"],
          ["1.1.2", "typed", KO112, 3, "operasional", "1.1"],
          // Under the parent its row names, not the one its code's shape suggests.
          ["1.3.1", "typed", KO211, 3, "operasional", "2.1"],
        ],
      ]);
      expect(model.nodes.map((n) => n.indicators.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
      expect(indicators(model)[7]).toEqual([
        "1.3.1",
        "Jumlah Keluarga Didata",
        900,
        "Kondisi Operasional!F4",
        950,
        "Kondisi Operasional!G4",
        null,
      ]);
    }
    // The code that does not extend its parent's is the check's to report.
    const { findings } = analyse(gridsOf(levelSheets, false), DEFAULT_SETTINGS);
    expect(findings.filter((f) => f.rule === "code-parent-mismatch").map((f) => f.code)).toEqual([
      "1.3.1",
    ]);
  });

  it("reads one sheet with a Level column, parents listed after their children", async () => {
    for (const [way, model] of await readAllWays(levelColumn)) {
      expect([way, conditions(model)]).toEqual([
        way,
        [
          ["1.1.1", "typed", KO111, 3, "operasional", "1.1"],
          ["1.1", "typed", KA11, 2, "antara", "1"],
          ["1", "typed", CSF1, 1, "csf", null],
          ["1.2", "typed", KA12, 2, "antara", "1"],
        ],
      ]);
      expect(model.nodes.map((n) => n.parentId)).toEqual(["1.1", "1", null, "1"]);
    }
  });
});

describe("a flat table typing the condition on each indicator row", () => {
  it("makes one condition per code, keeps a row with another name under it, skips a row typed twice", async () => {
    for (const [way, model] of await readAllWays(flat)) {
      expect([way, conditions(model)]).toEqual([
        way,
        [
          ["1", "typed", CSF1, 1, "csf", null],
          ["1.1", "typed", KA11, 2, "antara", "1"],
          ["2", "typed", CSF2, 1, "csf", null],
        ],
      ]);
      expect(indicators(model)).toEqual([
        ["1", "Indeks Mutu Pelayanan", 80, "Kertas Kerja!H2", 81, "Kertas Kerja!I2", "Sekretariat"],
        [
          "1.1",
          "Persentase Puskesmas Terakreditasi Paripurna",
          60,
          "Kertas Kerja!H3",
          65,
          "Kertas Kerja!I3",
          "Bidang Yankes",
        ],
        [
          "1.1",
          "Jumlah Puskesmas Didampingi",
          12,
          "Kertas Kerja!H4",
          12,
          "Kertas Kerja!I4",
          "Bidang Yankes",
        ],
        [
          "1.1",
          "Jumlah Dokumen Mutu Disusun",
          5,
          "Kertas Kerja!H5",
          4,
          "Kertas Kerja!I5",
          "Seksi Mutu",
        ],
        [
          "1.1",
          "Persentase Fasyankes Bermutu",
          50,
          "Kertas Kerja!H7",
          55,
          "Kertas Kerja!I7",
          "Bidang Yankes",
        ],
        [
          "2",
          "Persentase Penduduk Terdaftar JKN",
          95,
          "Kertas Kerja!H8",
          96.5,
          "Kertas Kerja!I8",
          "Bidang P2",
        ],
      ]);
      expect(model.nodes.map((n) => n.responsible ?? null)).toEqual([
        "Sekretariat",
        null,
        "Bidang P2",
      ]);
      expect(readerFindings(model)).toEqual([["duplicate-indicator", "'Kertas Kerja'!C6"]]);
    }
    // The other name under code 1.1 is the name-mismatch check's to report, in both languages.
    for (const lang of ["id", "en"] as const) {
      const { findings } = analyse(gridsOf(flat, false), { ...DEFAULT_SETTINGS, lang });
      const mismatch = findings.filter((f) => f.rule === "name-mismatch");
      expect(mismatch.map((f) => f.code)).toEqual(["1.1"]);
      const duplicate = findings.find((f) => f.rule === "duplicate-indicator");
      expect(duplicate?.message).toContain("Jumlah Puskesmas Didampingi");
      expect(duplicate?.message).toContain(lang === "id" ? "dilewati" : "skipped");
    }
  });
});

describe("a flat table numbered by code in its No column", () => {
  it("takes the No column's codes as the conditions' codes and the latest quarter's realisasi", async () => {
    for (const [way, model] of await readAllWays(numberedFlat)) {
      expect([way, conditions(model)]).toEqual([
        way,
        [
          ["1", "typed", CSF1, 1, "csf", null],
          ["1.1", "typed", KA11, 2, "antara", "1"],
          ["1.1.1", "typed", KO111, 3, "operasional", "1.1"],
          ["1.2", "typed", KA12, 2, "antara", "1"],
          ["2", "typed", CSF2, 1, "csf", null],
        ],
      ]);
      expect(
        indicators(model).map(([code, name, , , actual, at]) => [code, name, actual, at])
      ).toEqual([
        ["1", "Indeks Mutu Pelayanan", 75, "Pohon!F2"],
        ["1.1", "Persentase Puskesmas Terakreditasi", 55, "Pohon!F3"],
        ["1.1.1", "Jumlah Puskesmas Didampingi", 6, "Pohon!F4"],
        ["1.2", "Persentase Nakes Kompeten", 70, "Pohon!F5"],
        ["2", "Persentase Penduduk Terdaftar JKN", 92, "Pohon!F6"],
      ]);
      expect(model.findings.map((f) => f.rule)).not.toContain("unplaced-table");
    }
  });

  it("keeps a No column of row numbers as row numbers", () => {
    const rows = numberedFlat.sheets[0]?.rows ?? [];
    const renumbered = rows.map((r, i) => (i === 0 ? r : [i, ...r.slice(1)]));
    const grids = gridsOf(
      { ...numberedFlat, sheets: [{ name: "Pohon", rows: renumbered }] },
      false
    );
    const model = analyse(grids, DEFAULT_SETTINGS).model;
    // Row numbers are no codes: the conditions are read by name, none coded by its row.
    expect(model.nodes.map((n) => [n.code, n.name])).toEqual(
      [CSF1, KA11, KO111, KA12, CSF2].map((name) => [null, name])
    );
    // … and the reader says it could not tell their levels, instead of guessing silently.
    const unknown = model.findings.filter((f) => f.rule === "levels-unknown");
    expect(unknown.map((f) => [f.severity, f.cell, f.params["count"]])).toEqual([
      ["warning", "'Pohon'!A1", 5],
    ]);
  });
});

describe("the seed's layout on one sheet and a matrix on another", () => {
  it("give one model: the matrix finds the listed conditions, adds its own, and the disagreement is reported", async () => {
    for (const [way, model] of await readAllWays(mixed)) {
      expect([way, conditions(model)]).toEqual([
        way,
        [
          ["1", "typed", CSF1, 1, "csf", null],
          ["2", "typed", CSF2, 1, "csf", null],
          ["1.1", "typed", KA11, 2, "antara", "1"],
          ["1.2", "typed", KA12, 2, "antara", "1"],
          ["2.1", "typed", KA21, 2, "antara", "2"],
          ["1.1.1", "place", KO111, 3, "operasional", "1.1"],
        ],
      ]);
      expect(indicators(model).map((i) => [i[0], i[1]])).toEqual([
        ["1.2", "Persentase Tenaga Kesehatan Kompeten"],
        ["1.1.1", "Jumlah Puskesmas Didampingi"],
      ]);
      expect(readerFindings(model)).toEqual([
        ["parent-mismatch", "'Matriks'!B3"],
        ["codes-given", "'Matriks'!A1"],
      ]);
    }
  });
});
