import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import type { CsfModel, Indicator, MeasureRow, Polarity } from "../../src/core/model";
import type { SheetPlan } from "../../src/core/plan";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import { numberCell } from "../helpers/model-builder";
import { bandRules, planFill } from "../../src/core/fill";
import { capaianFormula, ratioFormula, type CellRead } from "../../src/core/capaian";

/** A cell the formula reads as it is (it held a number or nothing when written). */
const plain = (ref: string): CellRead => ({ ref, kind: "number" });

// Columns of the literal table: A Kode, B Indikator, C Target, D Realisasi, E Capaian, F Polaritas.
const COLS = { code: 0, name: 1, target: 2, actual: 3, achievement: 4, polarity: 5 };

function indicator(
  name: string,
  row: number,
  opts: {
    polarity?: Polarity;
    achievement?: number | null;
    columns?: MeasureRow["columns"];
    lastCol?: number;
    sheet?: string;
  } = {}
): Indicator {
  const sheet = opts.sheet ?? "TR";
  return {
    name,
    definition: null,
    relevance: null,
    formula: null,
    dataSource: null,
    unit: null,
    target: null,
    actual: null,
    achievement: opts.achievement ?? null,
    numerator: null,
    denominator: null,
    polarity: opts.polarity ?? "higher",
    polarityAssumed: opts.polarity === undefined,
    cell: `'${sheet}'!B${row + 1}`,
    conditionCode: "1.1",
    textSource: null,
    textCells: {},
    measure: {
      sheet,
      row,
      headerRow: 0,
      lastCol: opts.lastCol ?? 5,
      columns: opts.columns ?? COLS,
    },
    values: {},
  };
}

function model(indicators: Indicator[]): CsfModel {
  return {
    file: null,
    outcome: null,
    outcomeCell: null,
    organisation: null,
    nodes: [
      {
        id: "1.1",
        code: "1.1",
        name: "Meningkatnya Kualitas Tata Kelola",
        depth: 2,
        level: "antara",
        parent: "1",
        parentId: null,
        cell: "'TR'!A2",
        source: { sheet: "TR", row: 1, col: 0 },
        explanation: null,
        problems: null,
        indicatorLine: null,
        impact: null,
        sectionCell: null,
        mentions: [],
        indicators,
      },
    ],
    orphans: [],
    tables: [],
    sheetsRead: ["TR"],
    findings: [],
  };
}

function wb(values: CellValue[][], extra: Partial<SheetGrid> = {}): WorkbookGrids {
  return { name: "uji.xlsx", sheets: [{ name: "TR", values, ...extra }] };
}

const HEADER: CellValue[] = [
  "Kode",
  "Indikator Kinerja",
  "Target",
  "Realisasi",
  "Capaian (%)",
  "Polaritas",
];

function cellsOf(plan: SheetPlan | undefined): Record<string, string | CellValue | undefined> {
  const out: Record<string, string | CellValue | undefined> = {};
  for (const c of plan?.cells ?? []) out[`${c.row},${c.col}`] = c.formula ?? c.value;
  return out;
}

describe("planFill", () => {
  it("writes a guarded, rounded realisasi/target formula for a higher-is-better row without a Polaritas column", () => {
    const cols = { code: 0, name: 1, target: 2, actual: 3, achievement: 4 };
    const grid = wb([
      ["Kode", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
      ["1.1", "Indeks Kepuasan", 80, 84, null],
    ]);
    const ind = indicator("Indeks Kepuasan", 1, { columns: cols, lastCol: 4, achievement: 105 });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(findings).toEqual([]);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.mode).toBe("update");
    expect(sheets[0]?.sheet).toBe("TR");
    expect(cellsOf(sheets[0])).toEqual({
      "1,4": '=IFERROR(ROUND((D2/C2*100)/(ISNUMBER(C2)*ISNUMBER(D2)),2),"–")',
    });
  });

  it("writes the lower-is-better formula (2T-R)/T, as 200-R/T, when the model says lower and there is no Polaritas column", () => {
    const cols = { code: 0, name: 1, target: 2, actual: 3, achievement: 4 };
    const grid = wb([
      ["Kode", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
      ["1.1", "Jumlah Kasus Hukum", 7, 6.5, null],
    ]);
    const ind = indicator("Jumlah Kasus Hukum", 1, {
      columns: cols,
      lastCol: 4,
      polarity: "lower",
    });
    const { sheets } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(cellsOf(sheets[0])["1,4"]).toBe(
      '=IFERROR(ROUND((200-D2/C2*100)/(ISNUMBER(C2)*ISNUMBER(D2)),2),"–")'
    );
  });

  it("follows the Polaritas cell live when the table has one and the model agrees with its text", () => {
    const grid = wb([
      HEADER,
      ["1.1", "Jumlah Kasus Hukum", 7, 6.5, null, "Turun"],
      ["1.1", "Indeks Kepuasan", 80, 84, null, "naik"],
      ["1.1", "Nilai SAKIP", 70, 72, null, null],
    ]);
    const inds = [
      indicator("Jumlah Kasus Hukum", 1, { polarity: "lower" }),
      indicator("Indeks Kepuasan", 2, { polarity: "higher" }),
      indicator("Nilai SAKIP", 3),
    ];
    const cells = cellsOf(planFill(model(inds), grid, DEFAULT_SETTINGS).sheets[0]);
    const live = (r: number) =>
      `=IFERROR(ROUND((IF(OR(LOWER(TRIM(F${r}))=` +
      `{"turun","menurun","negatif","semakin rendah semakin baik","minimal","minimum","min","rendah","lower","-"}),` +
      `200-D${r}/C${r}*100,D${r}/C${r}*100))/(ISNUMBER(C${r})*ISNUMBER(D${r})),2),"–")`;
    expect(cells["1,4"]).toBe(live(2));
    expect(cells["2,4"]).toBe(live(3));
    expect(cells["3,4"]).toBe(live(4));
  });

  it("fixes the formula to the model's polarity when the reader understood a Polaritas word the formula does not", () => {
    const grid = wb([HEADER, ["1.1", "Angka Kesalahan", 10, 8, null, "minimize"]]);
    const ind = indicator("Angka Kesalahan", 1, { polarity: "lower" });
    const cells = cellsOf(planFill(model([ind]), grid, DEFAULT_SETTINGS).sheets[0]);
    expect(cells["1,4"]).toBe(capaianFormula(plain("C2"), plain("D2"), "lower"));
  });

  it('fills rows whose target is 0, whose realisasi is missing or unreadable: the formula itself shows "–"', () => {
    const grid = wb([
      HEADER,
      ["1.1", "Indeks A", 0, 5, null, null],
      ["1.1", "Indeks B", 80, null, null, null],
      ["1.1", "Indeks C", 80, "belum ada data", null, null],
      ["1.1", "Indeks D", "-", 3, null, null],
    ]);
    const inds = [1, 2, 3, 4].map((r) => indicator(`Indeks ${r}`, r));
    const { sheets, findings } = planFill(model(inds), grid, DEFAULT_SETTINGS);
    expect(findings).toEqual([]);
    const cells = cellsOf(sheets[0]);
    // Rows 1–2 hold numbers or nothing: read as they are, guarded by ISNUMBER. Rows 3–4 hold
    // text: read as text numbers (which "belum ada data" and "-" are not). Every case without a
    // capaian is an error inside IFERROR, which shows "–".
    for (const r of [1, 2, 3, 4]) {
      const f = String(cells[`${r},4`]);
      expect(f.startsWith("=IFERROR(ROUND(")).toBe(true);
      expect(f.endsWith(',2),"–")')).toBe(true);
    }
    const live = (r: number) => ({ cell: `F${r}` });
    expect(cells["1,4"]).toBe(capaianFormula(plain("C2"), plain("D2"), live(2)));
    expect(cells["3,4"]).toBe(capaianFormula(plain("C4"), { ref: "D4", kind: "text" }, live(4)));
    expect(cells["4,4"]).toBe(capaianFormula({ ref: "C5", kind: "text" }, plain("D5"), live(5)));
  });

  it("gives every written capaian cell the 0.00 number format, grey text for its dash, and band conditional formatting", () => {
    const grid = wb([
      HEADER,
      ["1.1", "Indeks A", 80, 84, null, null],
      ["1.1", "Indeks B", 80, 70, null, null],
      ["1.1", "Indeks C", 80, 70, 55, null],
      ["1.1", "Indeks D", 80, 70, null, null],
    ]);
    const inds = [1, 2, 3, 4].map((r) => indicator(`Indeks ${r}`, r, { achievement: 87.5 }));
    const plan = planFill(model(inds), grid, DEFAULT_SETTINGS).sheets[0];
    // Row 3 holds a typed value and is left alone, so the ranges are rows 1–2 and 4.
    const ranges = [
      { top: 1, left: 4, bottom: 2, right: 4 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ];
    expect(plan?.formats).toEqual(
      ranges.map((range) => ({
        range,
        style: { numberFormat: "0.00", fontColor: "#808080", hAlign: "right" },
      }))
    );
    expect(plan?.conditionalFormats.map((c) => c.range)).toEqual(ranges);
    expect(plan?.conditionalFormats[0]?.bands).toEqual([
      // A finite top: Excel compares the "–" of an uncomputable capaian as greater than any number.
      { min: 91, max: 1e15, fill: "#C6EFCE", fontColor: "#006100" },
      { min: 76, max: 91, fill: "#DDEBF7", fontColor: "#1F4E78" },
      { min: 66, max: 76, fill: "#FFEB9C", fontColor: "#7F6000" },
      { min: 51, max: 66, fill: "#F8CBAD", fontColor: "#833C0B" },
      { max: 51, fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
  });

  it("uses the bands from the settings", () => {
    const settings = withDefaults({
      bands: [
        { min: 100, label: { id: "Tercapai", en: "Met" }, fill: "#00FF00", fontColor: "#000000" },
        { min: null, label: { id: "Belum", en: "Not met" }, fill: "#FF0000", fontColor: "#FFFFFF" },
      ],
    });
    expect(bandRules(settings.bands)).toEqual([
      { min: 100, max: 1e15, fill: "#00FF00", fontColor: "#000000" },
      { max: 100, fill: "#FF0000", fontColor: "#FFFFFF" },
    ]);
  });

  it("leaves a typed capaian that differs alone and reports manual-override at its cell", () => {
    const grid = wb([HEADER, ["1.1", "Indeks A", 80, 84, 99, null]]);
    const ind = indicator("Indeks A", 1, { achievement: 105 });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(sheets).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "manual-override",
      severity: "warning",
      sheet: "TR",
      cell: "'TR'!E2",
      code: "1.1",
    });
    expect(findings[0]?.message).toContain("99");
    expect(findings[0]?.message).toContain("105");
  });

  it("leaves a typed capaian that equals the computed one alone without a finding", () => {
    const grid = wb([
      HEADER,
      ["1.1", "Indeks A", 80, 84, 105, null],
      ["1.1", "Indeks B", 80, 70, 0.875, null],
    ]);
    const inds = [
      indicator("Indeks A", 1, { achievement: 105 }),
      indicator("Indeks B", 2, { achievement: 87.5 }),
    ];
    const { sheets, findings } = planFill(model(inds), grid, DEFAULT_SETTINGS);
    expect(sheets).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("leaves a formula of the user's own alone and reports it when its result differs", () => {
    const grid = wb([HEADER, ["1.1", "Indeks A", 80, 84, 100, null]], {
      formulas: [[], [null, null, null, null, "=D2/C2*100-5", null]],
    });
    const ind = indicator("Indeks A", 1, { achievement: 105 });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(sheets).toEqual([]);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["manual-override", "'TR'!E2"]]);
  });

  it("replaces typed capaian values with the formula when replaceOverrides is set, without reporting them", () => {
    const grid = wb([HEADER, ["1.1", "Indeks A", 80, 84, 99, null]]);
    const ind = indicator("Indeks A", 1, { achievement: 105 });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS, {
      replaceOverrides: true,
    });
    expect(findings).toEqual([]);
    expect(cellsOf(sheets[0])["1,4"]).toBe(
      capaianFormula(plain("C2"), plain("D2"), { cell: "F2" })
    );
    expect(sheets[0]?.expect).toEqual([{ row: 1, col: 4, value: 99, formula: null }]);
  });

  it("updates a capaian formula the add-in wrote, even written with $ anchors, spaces and another polarity", () => {
    const old =
      '= IF(AND(ISNUMBER($C$2), ISNUMBER($D$2)), IF($C$2<>0, ROUND(D2/C2*100, 2), ""), "")';
    const grid = wb([HEADER, ["1.1", "Angka Kesalahan", 10, 8, 80, "turun"]], {
      formulas: [[], [null, null, null, null, old, null]],
    });
    const ind = indicator("Angka Kesalahan", 1, { polarity: "lower", achievement: 120 });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(findings).toEqual([]);
    expect(cellsOf(sheets[0])["1,4"]).toBe(
      capaianFormula(plain("C2"), plain("D2"), { cell: "F2" })
    );
    expect(sheets[0]?.expect).toEqual([{ row: 1, col: 4, value: 80, formula: old }]);
  });

  it("recognises its live formula written with another list of Polaritas words, but not a user's variation", () => {
    const older =
      '=IF(AND(ISNUMBER(C2),ISNUMBER(D2)),IF(C2<>0,ROUND(IF(OR(LOWER(TRIM(F2))={"turun";"negatif"}),' +
      '(2*C2-D2)/C2*100,D2/C2*100),2),""),"")';
    const users =
      '=IF(AND(ISNUMBER(C3),ISNUMBER(D3)),IF(C3<>0,ROUND(IF(OR(LOWER(TRIM(F3))={"turun";"negatif"}),' +
      '(2*C3-D3)/C3*100,D3/C3*100)+5,2),""),"")';
    const grid = wb(
      [
        HEADER,
        ["1.1", "Angka Kesalahan", 10, 8, 120, "turun"],
        ["1.1", "Indeks B", 10, 8, 85, "naik"],
      ],
      {
        formulas: [
          [],
          [null, null, null, null, older, null],
          [null, null, null, null, users, null],
        ],
      }
    );
    const inds = [
      indicator("Angka Kesalahan", 1, { polarity: "lower", achievement: 120 }),
      indicator("Indeks B", 2, { achievement: 80 }),
    ];
    const { sheets, findings } = planFill(model(inds), grid, DEFAULT_SETTINGS);
    expect(cellsOf(sheets[0])).toEqual({
      "1,4": capaianFormula(plain("C2"), plain("D2"), { cell: "F2" }),
    });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["manual-override", "'TR'!E3"]]);
  });

  it("leaves placeholder text in a capaian that cannot be computed alone without a finding", () => {
    const grid = wb([HEADER, ["1.1", "Indeks A", 0, 84, "-", null]]);
    const ind = indicator("Indeks A", 1, { achievement: null });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(sheets).toEqual([]);
    expect(findings).toEqual([]);
  });

  it("records what every written cell held, so a host can refuse if the user changed it meanwhile", () => {
    const grid = wb([HEADER, ["1.1", "Indeks A", 80, 84, null, null]]);
    const plan = planFill(model([indicator("Indeks A", 1)]), grid, DEFAULT_SETTINGS).sheets[0];
    expect(plan?.expect).toEqual([{ row: 1, col: 4, value: null, formula: null }]);
  });

  it("adds a Capaian (%) column at the table's right edge when the table has none and those cells are empty", () => {
    const cols = { code: 0, name: 1, target: 2, actual: 3 };
    const grid = wb([
      ["Kode", "Indikator Kinerja", "Target", "Realisasi"],
      ["1.1", "Indeks A", 80, 84],
      ["1.1", "Indeks B", 50, 40],
    ]);
    const inds = [1, 2].map((r) => indicator(`Indeks ${r}`, r, { columns: cols, lastCol: 3 }));
    const { sheets, findings } = planFill(model(inds), grid, DEFAULT_SETTINGS);
    expect(findings).toEqual([]);
    expect(cellsOf(sheets[0])).toEqual({
      "0,4": "Capaian (%)",
      "1,4": capaianFormula(plain("C2"), plain("D2"), "higher"),
      "2,4": capaianFormula(plain("C3"), plain("D3"), "higher"),
    });
    expect(sheets[0]?.expect).toHaveLength(3);
    expect(sheets[0]?.formats[0]).toEqual({
      range: { top: 0, left: 4, bottom: 0, right: 4 },
      style: { bold: true, wrap: true, hAlign: "center", vAlign: "middle" },
    });
  });

  it("writes nothing for a table without a Capaian column when the column to its right is not empty, and reports fill-blocked", () => {
    const cols = { code: 0, name: 1, target: 2, actual: 3 };
    const grid = wb([
      ["Kode", "Indikator Kinerja", "Target", "Realisasi"],
      ["1.1", "Indeks A", 80, 84],
      ["1.1", "Indeks B", 50, 40, "catatan"],
    ]);
    const inds = [1, 2].map((r) => indicator(`Indeks ${r}`, r, { columns: cols, lastCol: 3 }));
    const { sheets, findings } = planFill(model(inds), grid, DEFAULT_SETTINGS);
    expect(sheets).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["fill-blocked", "warning", "'TR'!E3"],
    ]);
    expect(findings[0]?.message).toContain("TR");
  });

  it("writes the Persentase realisasi from Pembilang and Penyebut only into an empty realisasi or its own formula", () => {
    // A Kode, B Indikator, C Pembilang, D Penyebut, E Target, F Realisasi, G Capaian.
    const cols = {
      code: 0,
      name: 1,
      numerator: 2,
      denominator: 3,
      target: 4,
      actual: 5,
      achievement: 6,
    };
    const grid = wb(
      [
        ["Kode", "Indikator", "Pembilang", "Penyebut", "Target", "Realisasi", "Capaian (%)"],
        ["1.1", "Persentase dokumen tepat waktu", 9, 10, 100, null, null],
        ["1.1", "Persentase temuan selesai", 3, 4, 100, 80, null],
        ["1.1", "Persentase rekomendasi", 1, 2, 100, 50, null],
        ["1.1", "Jumlah dokumen", 1, 2, 5, null, null],
      ],
      {
        formulas: [
          [],
          [],
          [],
          [null, null, null, null, null, ratioFormula(plain("C4"), plain("D4")), null],
        ],
      }
    );
    const inds = [1, 2, 3, 4].map((r) =>
      indicator(
        [
          "",
          "Persentase dokumen tepat waktu",
          "Persentase temuan selesai",
          "Persentase rekomendasi",
          "Jumlah dokumen",
        ][r] ?? "",
        r,
        {
          columns: cols,
          lastCol: 6,
        }
      )
    );
    const cells = cellsOf(planFill(model(inds), grid, DEFAULT_SETTINGS).sheets[0]);
    expect(cells["1,5"]).toBe('=IFERROR(ROUND((C2/D2*100)/(ISNUMBER(C2)*ISNUMBER(D2)),2),"")');
    expect(cells["2,5"]).toBeUndefined(); // typed 80 stays
    expect(cells["3,5"]).toBe(ratioFormula(plain("C4"), plain("D4")));
    expect(cells["4,5"]).toBeUndefined(); // not a Persentase
    expect(cells["1,6"]).toBe(capaianFormula(plain("E2"), plain("F2"), "higher"));
  });

  it("points at a number typed as text, which the formula reads but is worth retyping, and not at text that is no number", () => {
    const grid = wb([
      HEADER,
      ["1.1", "Indeks A", "85,5", 84, null, null],
      ["1.1", "Indeks B", 80, "belum ada data", null, null],
    ]);
    const a = indicator("Indeks A", 1);
    a.values.target = {
      sheet: "TR",
      row: 1,
      col: 2,
      raw: "85,5",
      value: 85.5,
      readable: true,
      formula: null,
    };
    const b = indicator("Indeks B", 2);
    b.values.actual = {
      sheet: "TR",
      row: 2,
      col: 3,
      raw: "belum ada data",
      value: null,
      readable: false,
      formula: null,
    };
    const { sheets, findings } = planFill(model([a, b]), grid, DEFAULT_SETTINGS);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["invalid-number", "'TR'!C2"]]);
    expect(findings[0]?.message).toContain("85,5");
    expect(findings[0]?.message).toMatch(/Rumus capaian membacanya/);
    expect(Object.keys(cellsOf(sheets[0]))).toEqual(["1,4", "2,4"]);
    // The text target is read with the text reading; the realisasi number as it is.
    expect(cellsOf(sheets[0])["1,4"]).toBe(
      capaianFormula({ ref: "C2", kind: "text" }, plain("D2"), { cell: "F2" })
    );
  });

  it("says so when a number typed as text has a shape the formula cannot read (a unit in the cell)", () => {
    const grid = wb([HEADER, ["1.1", "Jumlah Dokumen", "5 Dokumen", 4, null, null]]);
    const ind = indicator("Jumlah Dokumen", 1);
    ind.values.target = numberCell({ sheet: "TR", row: 1, col: 2, raw: "5 Dokumen", value: 5 });
    const { sheets, findings } = planFill(model([ind]), grid, DEFAULT_SETTINGS);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["invalid-number", "'TR'!C2"]]);
    expect(findings[0]?.message).toMatch(/tidak dapat dibaca rumus capaian/);
    // The formula still reads the cell as text, and shows "–" while the unit is there.
    expect(cellsOf(sheets[0])["1,4"]).toBe(
      capaianFormula({ ref: "C2", kind: "text" }, plain("D2"), { cell: "F2" })
    );
  });

  it("reports a protected sheet once and writes nothing there", () => {
    const grid = wb(
      [HEADER, ["1.1", "Indeks A", 80, 84, null, null], ["1.1", "Indeks B", 80, 84, null, null]],
      { protected: true }
    );
    const inds = [indicator("Indeks A", 1), indicator("Indeks B", 2)];
    const { sheets, findings } = planFill(model(inds), grid, DEFAULT_SETTINGS);
    expect(sheets).toEqual([]);
    expect(findings.map((f) => [f.rule, f.sheet])).toEqual([["sheet-protected", "TR"]]);
  });

  it("renders its findings in English when the settings say so", () => {
    const grid = wb([HEADER, ["1.1", "Indeks A", 80, 84, 99, null]]);
    const ind = indicator("Indeks A", 1, { achievement: 105 });
    const { findings } = planFill(model([ind]), grid, withDefaults({ lang: "en" }));
    expect(findings[0]?.message).toMatch(/typed value 99/);
  });
});
