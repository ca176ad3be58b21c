import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import type { CsfModel } from "../../src/core/model";
import type { Finding } from "../../src/core/findings";
import type { SheetPlan } from "../../src/core/plan";
import { emptySheetPlan, generatedKind } from "../../src/core/plan";
import { describeWrite, planFindingsSheet, planLaporan, ruleName } from "../../src/core/report";

function model(outcome: string | null, conditions = 0, indicatorsEach = 0): CsfModel {
  const nodes = Array.from({ length: conditions }, (_, i) => ({
    id: `1.${i + 1}`,
    code: `1.${i + 1}`,
    name: `Kondisi ${i + 1}`,
    depth: 2,
    level: "antara" as const,
    parent: "1",
    parentId: null,
    cell: `'CSF'!C${i + 2}`,
    source: { sheet: "CSF", row: i + 1, col: 2 },
    explanation: null,
    problems: null,
    indicatorLine: null,
    impact: null,
    sectionCell: null,
    mentions: [],
    indicators: Array.from({ length: indicatorsEach }, () => ({
      name: "Indeks",
      definition: null,
      relevance: null,
      formula: null,
      dataSource: null,
      unit: null,
      target: null,
      actual: null,
      achievement: null,
      numerator: null,
      denominator: null,
      polarity: "higher" as const,
      polarityAssumed: true,
      cell: "'CSF'!A1",
      conditionCode: null,
      textSource: null,
      textCells: {},
      measure: null,
      values: {},
    })),
  }));
  return {
    file: "setda.xlsx",
    outcome,
    outcomeCell: null,
    organisation: null,
    nodes,
    orphans: [],
    tables: [],
    sheetsRead: [],
    findings: [],
  };
}

function f(
  severity: Finding["severity"],
  rule: Finding["rule"],
  cell: string | null,
  code: string | null,
  message: string
): Finding {
  return {
    rule,
    severity,
    sheet: cell ? (cell.split("!")[0] ?? "").replace(/'/g, "") : null,
    cell,
    code,
    message,
    params: {},
  };
}

const WB: WorkbookGrids = {
  name: "setda.xlsx",
  sheets: [
    { name: "CSF", values: [["CRITICAL SUCCESS FAKTOR (CSF)"]] },
    { name: "Target & Realisasi", values: [["Kode"]] },
  ],
};

/** The plan's cells as a 2D array of values (empty where nothing is written). */
function grid(plan: SheetPlan): CellValue[][] {
  const out: CellValue[][] = [];
  for (const c of plan.cells) {
    const row = (out[c.row] ??= []);
    row[c.col] = c.value ?? c.formula ?? null;
  }
  return out;
}

const FINDINGS: Finding[] = [
  f(
    "info",
    "level-naming",
    "'CSF'!C9",
    "1.1.1",
    "Kondisi operasional sebaiknya berupa sesuatu yang sudah dikerjakan."
  ),
  f(
    "error",
    "duplicate-code",
    "'CSF'!C20",
    "1.4.6",
    "Kode 1.4.6 dipakai dua kondisi yang berbeda."
  ),
  f(
    "warning",
    "manual-override",
    "'Target & Realisasi'!F7",
    "1.2",
    "Sel Capaian berisi nilai ketikan."
  ),
  f("error", "orphan", "'Hilang'!B2", "9.9", "Kode 9.9 tidak punya kondisi."),
  f("warning", "missing-outcome", null, null, "Outcome tidak ditemukan."),
];

describe("planFindingsSheet", () => {
  it("makes a 'Hasil Pemeriksaan' sheet of kind hasil whose A1 is the marker", () => {
    const plan = planFindingsSheet(
      FINDINGS,
      model("Meningkatnya Kualitas Pelayanan Publik"),
      WB,
      "id"
    );
    expect(plan.sheet).toBe("Hasil Pemeriksaan");
    expect(plan.mode).toBe("create");
    expect(plan.kind).toBe("hasil");
    expect(generatedKind({ name: plan.sheet, values: grid(plan) })).toBe("hasil");
  });

  it("never takes the name of a user's own sheet called Hasil Pemeriksaan, but replaces its own", () => {
    const userSheet = { name: "Hasil Pemeriksaan", values: [["catatan saya"]] };
    const withUser = { sheets: [...WB.sheets, userSheet] };
    expect(planFindingsSheet(FINDINGS, model(null), withUser, "id").sheet).toBe(
      "Hasil Pemeriksaan (2)"
    );
    const ownPlan = planFindingsSheet([], model(null), WB, "id");
    const withOwn = {
      sheets: [...WB.sheets, { name: "Hasil Pemeriksaan", values: grid(ownPlan) }],
    };
    expect(planFindingsSheet(FINDINGS, model(null), withOwn, "id").sheet).toBe("Hasil Pemeriksaan");
  });

  it("states the workbook, the outcome and the counts per severity on its summary line", () => {
    const plan = planFindingsSheet(
      FINDINGS,
      model("Meningkatnya Kualitas Pelayanan Publik"),
      WB,
      "id"
    );
    const summary = String(grid(plan)[2]?.[0]);
    expect(summary).toContain("setda.xlsx");
    expect(summary).toContain("Meningkatnya Kualitas Pelayanan Publik");
    expect(summary).toContain("2 kesalahan");
    expect(summary).toContain("2 peringatan");
    expect(summary).toContain("1 info");
  });

  it("lists one row per finding, errors first: the rule by its name, the cell as 'Sheet'!A1, the rule id last", () => {
    const rows = grid(planFindingsSheet(FINDINGS, model(null), WB, "id"));
    expect(rows[4]).toEqual(["No", "Tingkat", "Aturan", "Kode", "Sel", "Pesan", "ID aturan"]);
    expect(rows.slice(5).map((r) => [r[0], r[1], r[2], r[3], r[4], r[6]])).toEqual([
      [1, "Kesalahan", "Kode ganda", "1.4.6", "'CSF'!C20", "duplicate-code"],
      [2, "Kesalahan", "Induk tidak ditemukan", "9.9", "'Hilang'!B2", "orphan"],
      [3, "Peringatan", "Outcome tidak ditemukan", undefined, undefined, "missing-outcome"],
      [
        4,
        "Peringatan",
        "Capaian diketik manual",
        "1.2",
        "'Target & Realisasi'!F7",
        "manual-override",
      ],
      [5, "Info", "Rumusan kondisi", "1.1.1", "'CSF'!C9", "level-naming"],
    ]);
    expect(rows[5]?.[5]).toBe("Kode 1.4.6 dipakai dua kondisi yang berbeda.");
  });

  it("keeps a cell reference in a message on one line (no break at the space in a sheet name)", () => {
    const msg = "Sama dengan indikator di 'Uraian Kondisi'!D34 dan 'Target & Realisasi'!E27.";
    const rows = grid(
      planFindingsSheet([f("warning", "duplicate-text", null, null, msg)], model(null), WB, "id")
    );
    expect(rows[5]?.[5]).toBe(
      "Sama dengan indikator di 'Uraian\u00A0Kondisi'!D34 dan 'Target\u00A0&\u00A0Realisasi'!E27."
    );
  });

  it("prints the table without the marker and without the rule id column, and shows no gridlines", () => {
    const plan = planFindingsSheet(FINDINGS, model(null), WB, "id");
    expect(plan.gridlines).toBe(false);
    expect(plan.print?.area).toEqual({ top: 1, left: 0, bottom: 9, right: 5 });
    expect(grid(plan)[0]?.[0]).toContain("pokin-csf:hasil");
  });

  it("links each cell reference to the offending cell, unless its sheet is not in the workbook", () => {
    const plan = planFindingsSheet(FINDINGS, model(null), WB, "id");
    expect(plan.hyperlinks.map((h) => [h.row, h.col, h.target, h.text])).toEqual([
      [5, 4, "'CSF'!C20", "'CSF'!C20"],
      [8, 4, "'Target & Realisasi'!F7", "'Target & Realisasi'!F7"],
      [9, 4, "'CSF'!C9", "'CSF'!C9"],
    ]);
  });

  it("colours the severity cells, freezes the header, filters the table and prints A4 landscape one page wide", () => {
    const plan = planFindingsSheet(FINDINGS, model(null), WB, "id");
    const severityFormats = plan.formats.filter((x) => x.range.left === 1 && x.range.right === 1);
    expect(severityFormats.map((x) => [x.range.top, x.range.bottom, x.style.fill])).toEqual([
      [5, 6, "#FFC7CE"],
      [7, 8, "#FFEB9C"],
      [9, 9, "#DDEBF7"],
    ]);
    expect(plan.freeze).toEqual({ rows: 5, cols: 0 });
    expect(plan.autoFilter).toEqual({ top: 4, left: 0, bottom: 9, right: 6 });
    expect(plan.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      titleRows: { first: 4, last: 4 },
    });
    const messageWrap = plan.formats.find(
      (x) => x.range.left === 5 && x.style.wrap && x.range.top === 5
    );
    expect(messageWrap?.range.bottom).toBe(9);
    const widths = new Map(plan.columnWidths.map((w) => [w.col, w.width]));
    expect(widths.get(5)).toBeGreaterThanOrEqual(60);
    expect(widths.get(0)).toBeLessThanOrEqual(8);
  });

  it("makes the row of a long message or rule name tall enough for its wrapped lines, and leaves one-line rows alone", () => {
    const long = f("error", "orphan", "'CSF'!C3", "1.9", "Kata ".repeat(40).trim());
    const plan = planFindingsSheet([long, ...FINDINGS], model(null), WB, "id");
    const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    // 199 characters in a column 80 wide need three lines of about 15 points.
    expect(heights.get(5)).toBeGreaterThanOrEqual(45);
    expect(heights.get(5)).toBeLessThan(60);
    expect(heights.has(6)).toBe(false);
    const ruleFormats = plan.formats.filter((x) => x.range.left === 2 && x.range.right === 2);
    expect(ruleFormats.some((x) => x.style.wrap === true && x.range.top === 5)).toBe(true);
  });

  it("says there are no findings when there are none", () => {
    const rows = grid(planFindingsSheet([], model(null), WB, "id"));
    expect(rows[5]?.[1]).toBe("Tidak ada temuan.");
  });

  it("writes its headings in English when asked", () => {
    const plan = planFindingsSheet(FINDINGS, model(null), WB, "en");
    const rows = grid(plan);
    expect(rows[4]).toEqual(["No", "Severity", "Rule", "Code", "Cell", "Message", "Rule id"]);
    expect(rows[5]?.[1]).toBe("Error");
    expect(rows[5]?.[2]).toBe("Duplicate code");
    expect(String(rows[2]?.[0])).toContain("(not found)");
  });
});

describe("planLaporan", () => {
  const results = [
    {
      file: "setda.xlsx",
      model: model("Meningkatnya Kualitas Pelayanan Publik", 3, 2),
      findings: [FINDINGS[0] as Finding, FINDINGS[2] as Finding],
    },
    { file: "bappeda.xlsx", model: model(null, 1, 1), findings: [FINDINGS[1] as Finding] },
  ];

  it("makes a Ringkasan sheet with one row per workbook and its counts", () => {
    const plan = planLaporan(results, "id");
    expect(plan.sheets.map((s) => [s.sheet, s.mode, s.kind])).toEqual([
      ["Ringkasan", "create", "laporan"],
      ["Temuan", "create", "laporan"],
    ]);
    const rows = grid(plan.sheets[0] as SheetPlan);
    expect(generatedKind({ name: "Ringkasan", values: rows })).toBe("laporan");
    expect(rows[2]).toEqual([
      "Buku Kerja",
      "Outcome",
      "Status",
      "Kondisi",
      "Indikator",
      "Kesalahan",
      "Peringatan",
      "Info",
    ]);
    expect(rows[3]).toEqual([
      "setda.xlsx",
      "Meningkatnya Kualitas Pelayanan Publik",
      "Tanpa kesalahan",
      3,
      6,
      0,
      1,
      1,
    ]);
    expect(rows[4]).toEqual(["bappeda.xlsx", "(tidak ditemukan)", "Ada kesalahan", 1, 1, 1, 0, 0]);
  });

  it("makes a Temuan sheet with one row per finding across workbooks, sorted by severity", () => {
    const rows = grid(planLaporan(results, "id").sheets[1] as SheetPlan);
    expect(rows[2]).toEqual([
      "Buku Kerja",
      "Lembar",
      "Sel",
      "Kode",
      "Aturan",
      "Tingkat",
      "Pesan",
      "ID aturan",
    ]);
    expect(rows.slice(3).map((r) => [...r.slice(0, 6), r[7]])).toEqual([
      ["bappeda.xlsx", "CSF", "'CSF'!C20", "1.4.6", "Kode ganda", "Kesalahan", "duplicate-code"],
      [
        "setda.xlsx",
        "Target & Realisasi",
        "'Target & Realisasi'!F7",
        "1.2",
        "Capaian diketik manual",
        "Peringatan",
        "manual-override",
      ],
      ["setda.xlsx", "CSF", "'CSF'!C9", "1.1.1", "Rumusan kondisi", "Info", "level-naming"],
    ]);
  });

  it("turns filters on, freezes the header and sets readable widths on both sheets", () => {
    const plan = planLaporan(results, "id");
    for (const s of plan.sheets) {
      expect(s.freeze).toEqual({ rows: 3, cols: 0 });
      expect(s.autoFilter?.top).toBe(2);
      expect(s.columnWidths.length).toBeGreaterThan(0);
      for (const w of s.columnWidths) expect(w.width).toBeGreaterThanOrEqual(6);
    }
    expect(plan.sheets[1]?.autoFilter).toEqual({ top: 2, left: 0, bottom: 5, right: 7 });
  });

  it("prints both sheets A4 landscape, one page wide, with the header on every page, without the marker or the rule id", () => {
    const [summary, detail] = planLaporan(results, "id").sheets;
    for (const s of [summary, detail])
      expect(s?.print).toMatchObject({
        paper: "A4",
        orientation: "landscape",
        fitToWidth: 1,
        titleRows: { first: 2, last: 2 },
      });
    expect(summary?.print?.area).toEqual({ top: 2, left: 0, bottom: 4, right: 7 });
    expect(detail?.print?.area).toEqual({ top: 2, left: 0, bottom: 5, right: 6 });
  });
});

describe("ruleName", () => {
  it("names every rule in both languages, never by its id", () => {
    const ids = new Set(FINDINGS.map((x) => x.rule));
    for (const rule of ids)
      for (const lang of ["id", "en"] as const) {
        expect(ruleName(rule, lang)).not.toBe(rule);
        expect(ruleName(rule, lang)).not.toMatch(/^rule\./);
      }
    expect(ruleName("code-parent-mismatch", "id")).toBe("Kode tidak sesuai induk");
  });
});

describe("describeWrite", () => {
  it("says per sheet what was written: boxes, sections, findings, formulas", () => {
    const m = model("Outcome", 3, 2);
    const tree = emptySheetPlan("Pohon Kinerja", "create", "pohon");
    const kk = emptySheetPlan("Kertas Kerja", "create", "kertas-kerja");
    const hasil = emptySheetPlan("Hasil Pemeriksaan", "create", "hasil");
    const fill = emptySheetPlan("Target & Realisasi", "update");
    fill.cells.push(
      { row: 4, col: 5, formula: "=E5/D5*100" },
      { row: 5, col: 5, formula: "=E6/D6*100" },
      { row: 6, col: 5, value: "catatan" }
    );
    expect(describeWrite({ sheets: [fill, tree, kk, hasil] }, m, FINDINGS, "id")).toEqual([
      { sheet: "Target & Realisasi", text: "Target & Realisasi: 2 rumus capaian dan realisasi" },
      { sheet: "Pohon Kinerja", text: "Pohon Kinerja: 3 kotak, 6 indikator" },
      { sheet: "Kertas Kerja", text: "Kertas Kerja: 3 uraian kondisi, 6 indikator" },
      { sheet: "Hasil Pemeriksaan", text: "Hasil Pemeriksaan: 5 temuan" },
    ]);
  });
});

describe("a Hasil Pemeriksaan of very many findings", () => {
  it("is planned for 200,000 findings (column widths and print area measured without a stack overflow)", () => {
    const first = FINDINGS[0] as Finding;
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...first, cell: `'CSF'!C${i + 2}` }));
    const plan = planFindingsSheet(many, model(null), WB, "id");
    expect(plan.columnWidths.length).toBeGreaterThan(0);
    expect(plan.print?.area?.bottom ?? 0).toBeGreaterThanOrEqual(200_000);
  });
});
