/**
 * Random and mutated grids through `analyse` and every job's plan: nothing throws, every finding
 * is well formed, every plan stays within Excel's limits, and a planted problem is reported at
 * exactly its cell. Run counts are small: one run of the whole pipeline on the sample is ~0.3 s.
 */
import fc from "fast-check";
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { cellAt, formulaAt, isBlank } from "../../src/core/grid";
import { cellRef } from "../../src/core/address";
import { analyse, planJobs, type Job } from "../../src/core/pipeline";
import { DEFAULT_SETTINGS, withDefaults } from "../../src/core/settings";
import {
  deleteRow,
  findingProblems,
  insertRow,
  planProblems,
  sampleGrids,
  setCell,
  sheetOf,
  swapRows,
} from "./helpers";
import { TARGET_REALISASI_HEADER } from "../helpers/headers";
import { CASCADING_HEADER } from "../fixtures/reader/shapes";

const ALL_JOBS: Job[] = ["fill", "tree", "kertas-kerja", "report"];
const EN = withDefaults({ lang: "en" });

/** Header rows the reader looks for, to plant where they do not belong. */
const HEADERS: CellValue[][] = [
  ["No.", "Faktor Penyebab", "Kondisi yang diperlukan"],
  ["No.", "CSF", "Kondisi yang diperlukan (Antara)"],
  ["No.", "CSF", "Kondisi yang diperlukan (Operasional)"],
  [
    "Indikator Kinerja",
    "Definisi/Penjelasan",
    "Relevansi Menggambarkan Kondisi",
    "Formulasi/Rumus Perhitungan",
    "Sumber Data",
  ],
  [...TARGET_REALISASI_HEADER],
  ["Penjelasan"],
  ["1.1. Meningkatnya Sesuatu"],
  ["Critical Success Factor (CSF) dari Outcome Kinerja"],
  // The other shapes' headers: a cascading matrix, an outline, a numbered flat table, a CSF sheet.
  CASCADING_HEADER,
  ["Level", "Kondisi", "Indikator Kinerja", "Target", "Realisasi"],
  ["No", "Uraian Kondisi", "Indikator", "Target", "Realisasi TW I", "Realisasi TW II"],
  ["Kode", "CSF", "Indikator Kinerja", "Target", "Realisasi"],
];

const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("-", "=SUM(A1)", "+62", "@x", "1.1.1", "CSF 1.2", "turun", "naik", "85,5 %"),
  fc.double({ noNaN: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.constantFrom(...HEADERS.flat())
);

/** One edit to a workbook; indexes are reduced modulo the sizes when applied. */
type Mutation =
  | { kind: "delete" | "duplicate" | "blank-row"; sheet: number; row: number }
  | { kind: "swap"; sheet: number; row: number; other: number }
  | { kind: "blank" | "split"; sheet: number; row: number; col: number }
  | { kind: "replace"; sheet: number; row: number; col: number; value: CellValue }
  | { kind: "header"; sheet: number; row: number; header: number }
  | { kind: "truncate"; sheet: number; keep: number }
  | { kind: "truncate-text"; sheet: number; row: number; col: number; keep: number }
  | { kind: "merge"; sheet: number; row: number; col: number; rows: number; cols: number };

const idx = fc.nat({ max: 10_000 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete", "duplicate", "blank-row"), sheet: idx, row: idx }),
  fc.record({ kind: fc.constant("swap"), sheet: idx, row: idx, other: idx }),
  fc.record({ kind: fc.constantFrom("blank", "split"), sheet: idx, row: idx, col: idx }),
  fc.record({ kind: fc.constant("replace"), sheet: idx, row: idx, col: idx, value: cellValueArb }),
  fc.record({ kind: fc.constant("header"), sheet: idx, row: idx, header: idx }),
  fc.record({ kind: fc.constant("truncate"), sheet: idx, keep: idx }),
  fc.record({ kind: fc.constant("truncate-text"), sheet: idx, row: idx, col: idx, keep: idx }),
  fc.record({
    kind: fc.constant("merge"),
    sheet: idx,
    row: idx,
    col: idx,
    rows: fc.nat({ max: 4 }),
    cols: fc.nat({ max: 3 }),
  })
);

/** A non-empty cell of the sheet picked by a random index (so edits mostly hit content). */
function pickCell(sheet: SheetGrid, row: number, col: number): { row: number; col: number } {
  const filled: { row: number; col: number }[] = [];
  sheet.values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (!isBlank(v)) filled.push({ row: i, col: j });
    })
  );
  if (filled.length === 0) return { row: 0, col: 0 };
  return filled[(row * 31 + col) % filled.length] as { row: number; col: number };
}

function mutate(wb: WorkbookGrids, m: Mutation): void {
  const sheet = wb.sheets[m.sheet % wb.sheets.length];
  if (!sheet) return;
  const n = Math.max(sheet.values.length, 1);
  switch (m.kind) {
    case "delete":
      deleteRow(sheet, m.row % n);
      break;
    case "duplicate":
      insertRow(sheet, (m.row % n) + 1, [...(sheet.values[m.row % n] ?? [])]);
      break;
    case "blank-row":
      insertRow(sheet, m.row % n, []);
      break;
    case "swap":
      swapRows(sheet, m.row % n, m.other % n);
      break;
    case "blank": {
      const c = pickCell(sheet, m.row, m.col);
      setCell(sheet, c.row, c.col, null);
      break;
    }
    case "replace": {
      const c = pickCell(sheet, m.row, m.col);
      setCell(sheet, c.row, c.col, m.value);
      break;
    }
    case "split": {
      // A multi-line cell spread over rows below it, as when a user "un-wraps" a cell.
      const c = pickCell(sheet, m.row, m.col);
      const v = cellAt(sheet, c.row, c.col);
      const lines = typeof v === "string" ? v.split("\n") : [];
      if (lines.length < 2) break;
      setCell(sheet, c.row, c.col, lines[0] ?? null);
      lines.slice(1).forEach((line, i) => {
        const cells: CellValue[] = [];
        cells[c.col] = line;
        insertRow(
          sheet,
          c.row + 1 + i,
          Array.from(cells, (x) => x ?? null)
        );
      });
      break;
    }
    case "header":
      insertRow(sheet, m.row % (n + 1), [...(HEADERS[m.header % HEADERS.length] ?? [])]);
      break;
    case "truncate": {
      const keep = m.keep % n;
      while (sheet.values.length > keep) deleteRow(sheet, sheet.values.length - 1);
      break;
    }
    case "truncate-text": {
      const c = pickCell(sheet, m.row, m.col);
      const v = cellAt(sheet, c.row, c.col);
      if (typeof v === "string") setCell(sheet, c.row, c.col, v.slice(0, m.keep % (v.length + 1)));
      break;
    }
    case "merge": {
      const c = pickCell(sheet, m.row, m.col);
      const area: CellRange = {
        top: c.row,
        left: c.col,
        bottom: c.row + m.rows,
        right: c.col + m.cols,
      };
      const overlaps = (sheet.merges ?? []).some(
        (x) =>
          x.top <= area.bottom &&
          area.top <= x.bottom &&
          x.left <= area.right &&
          area.left <= x.right
      );
      // Excel cannot hold overlapping merges; a single cell is no merge.
      if (!overlaps && (m.rows > 0 || m.cols > 0)) (sheet.merges ??= []).push(area);
      break;
    }
  }
}

/** Everything the pipeline must guarantee on any input; returns the problems found. */
function runEverything(wb: WorkbookGrids, lang: "id" | "en" = "id"): string[] {
  const settings = lang === "id" ? DEFAULT_SETTINGS : EN;
  const analysis = analyse(wb, settings, "acak.xlsx");
  const { plan, findings } = planJobs(wb, analysis, settings, ALL_JOBS);
  const problems = [...findingProblems(findings), ...planProblems(plan)];
  // The fill never writes over a value the user typed (only blanks and its own formulas).
  for (const sp of plan.sheets.filter((s) => s.mode === "update")) {
    const grid = wb.sheets.find((s) => s.name === sp.sheet);
    if (!grid) {
      problems.push(`update of missing sheet ${sp.sheet}`);
      continue;
    }
    for (const c of sp.cells)
      if (!isBlank(cellAt(grid, c.row, c.col)) && formulaAt(grid, c.row, c.col) === null)
        problems.push(`fill overwrites typed ${cellRef(sp.sheet, c.row, c.col)}`);
  }
  // A generated sheet never takes the name of a sheet that was there and is not generated.
  for (const sp of plan.sheets.filter((s) => s.mode === "create")) {
    const clash = wb.sheets.find((s) => s.name.toLowerCase() === sp.sheet.toLowerCase());
    const a1 = clash ? String(cellAt(clash, 0, 0) ?? "") : "";
    if (clash && !a1.includes(`pokin-csf:${sp.kind ?? "?"}`))
      problems.push(`plan replaces user sheet ${clash.name}`);
  }
  return problems;
}

// The pipeline is slow-ish on a loaded 2-core machine: keep runs few, timeouts generous.
// POKIN_HOSTILE_RUNS=10 runs each property ten times as often, to hunt for bugs by hand.
const FACTOR = Math.max(1, Number(process.env.POKIN_HOSTILE_RUNS ?? 1) || 1);
const runs = (n: number) => ({ numRuns: n * FACTOR });
jest.setTimeout(120_000 * FACTOR);

describe("mutated copies of the sample", () => {
  let sample: WorkbookGrids;
  beforeAll(async () => {
    sample = await sampleGrids();
  });

  it("never throw, and give well-formed findings and plans within Excel's limits", () => {
    fc.assert(
      fc.property(
        fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<"id" | "en">("id", "en"),
        (mutations, lang) => {
          const wb = structuredClone(sample);
          for (const m of mutations) mutate(wb, m);
          expect(runEverything(wb, lang)).toEqual([]);
        }
      ),
      runs(14)
    );
  });

  /** Rows of Target & Realisasi with an indicator name and a numeric Target and Realisasi. */
  function measuredRows(): number[] {
    return sheetOf(sample, "Target & Realisasi")
      .values.map((r, i) => ({ i, name: r[1], target: r[3], actual: r[4] }))
      .filter(
        (x) =>
          typeof x.name === "string" && typeof x.target === "number" && typeof x.actual === "number"
      )
      .map((x) => x.i);
  }

  it("report a non-numeric Target or Realisasi typed into any measured row as invalid-number at that cell", () => {
    const rows = measuredRows();
    expect(rows.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(
        fc.constantFrom(...rows),
        fc.constantFrom(3, 4),
        fc.stringMatching(/^[A-Za-z]{2,12}( [a-z]{2,8})?$/),
        (row, col, word) => {
          const wb = structuredClone(sample);
          setCell(sheetOf(wb, "Target & Realisasi"), row, col, word);
          const ref = cellRef("Target & Realisasi", row, col);
          const { findings } = analyse(wb, DEFAULT_SETTINGS);
          const at = findings.filter((f) => f.rule === "invalid-number" && f.cell === ref);
          expect(at).toHaveLength(1);
          expect(at[0]?.message).toContain(word);
        }
      ),
      runs(12)
    );
  });

  it("report a blanked Target of any measured row as missing-target at that cell", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...measuredRows()),
        fc.constantFrom<CellValue>(null, "", "  "),
        (row, blank) => {
          const wb = structuredClone(sample);
          setCell(sheetOf(wb, "Target & Realisasi"), row, 3, blank);
          const ref = cellRef("Target & Realisasi", row, 3);
          const { findings } = analyse(wb, DEFAULT_SETTINGS);
          expect(
            findings.filter((f) => f.rule === "missing-target" && f.cell === ref)
          ).toHaveLength(1);
        }
      ),
      runs(8)
    );
  });

  it("report a blanked Definisi of any indicator as missing-field at that cell", () => {
    const wb0 = structuredClone(sample);
    const model = analyse(wb0, DEFAULT_SETTINGS).model;
    const cells = model.nodes
      .flatMap((n) => n.indicators)
      .map((ind) => ind.textCells.definition)
      .filter((c): c is NonNullable<typeof c> => c !== undefined)
      .filter((c) => !isBlank(cellAt(sheetOf(wb0, c.sheet), c.row, c.col)));
    expect(cells.length).toBeGreaterThan(30);
    fc.assert(
      fc.property(
        fc.constantFrom(...cells),
        fc.constantFrom<CellValue>(null, "", "   ", "\n"),
        (c, blank) => {
          const wb = structuredClone(sample);
          setCell(sheetOf(wb, c.sheet), c.row, c.col, blank);
          const ref = cellRef(c.sheet, c.row, c.col);
          const { findings } = analyse(wb, DEFAULT_SETTINGS);
          expect(findings.filter((f) => f.rule === "missing-field" && f.cell === ref)).toHaveLength(
            1
          );
        }
      ),
      runs(12)
    );
  });
});

/** Sheet names a user may have: spaces, quotes, non-ASCII, the generated sheets' own names. */
const SHEET_NAMES = [
  "CSF",
  "Uraian Kondisi",
  "Target & Realisasi",
  "Pohon Kinerja",
  "Kertas Kerja",
  "Hasil Pemeriksaan",
  "O'Neil's",
  "Lembar 1",
  "Ĉapaian",
  "x",
];

const gridArb: fc.Arbitrary<SheetGrid[]> = fc
  .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.record({
          name: fc.constant(name),
          values: fc.array(
            fc.oneof(
              fc.array(cellValueArb, { maxLength: 8 }),
              fc.constantFrom(...HEADERS).map((h) => [...h])
            ),
            { maxLength: 14 }
          ),
          protected: fc.boolean(),
        })
      )
    )
  );

describe("random workbooks", () => {
  it("never throw, and give well-formed findings and plans within Excel's limits", () => {
    fc.assert(
      fc.property(gridArb, fc.array(mutationArb, { maxLength: 3 }), (sheets, mutations) => {
        const wb: WorkbookGrids = { sheets };
        for (const m of mutations) mutate(wb, m);
        expect(runEverything(wb)).toEqual([]);
      }),
      runs(60)
    );
  });

  it("of nothing but empty sheets still plan every job", () => {
    const wb: WorkbookGrids = { sheets: [{ name: "Sheet1", values: [] }] };
    const analysis = analyse(wb, DEFAULT_SETTINGS);
    expect(analysis.findings.some((f) => f.rule === "missing-outcome")).toBe(true);
    const { plan } = planJobs(wb, analysis, DEFAULT_SETTINGS, ALL_JOBS);
    expect(plan.sheets.map((s) => s.kind)).toEqual(["pohon", "kertas-kerja", "hasil"]);
    expect(planProblems(plan)).toEqual([]);
  });
});
