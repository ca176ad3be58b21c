/**
 * Condition and indicator texts that Excel would take for a formula ("=", "+", "-", "@" first) are
 * written as text by both hosts, in every sheet the add-in writes, and no formula carries them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellValue, WorkbookGrids } from "../../src/core/grid";
import { analyse, planJobs } from "../../src/core/pipeline";
import { looksLikeFormula, type PlanCell, type WritePlan } from "../../src/core/plan";
import { planLaporan } from "../../src/core/report";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import {
  emptyPackage,
  readXlsxFile,
  readXlsxPackage,
  writePlanToXlsxFile,
} from "../../src/hosts/xlsx";
import { withCellsTyped } from "../helpers/xlsx";
import { FakeExcelHost } from "../../src/hosts/fake-excel";
import { applyPlan as applyOffice, cellInput, readWorkbookGrids } from "../../src/hosts/office";
import { SAMPLE } from "./helpers";

/** Prefixes that turn a typed entry into a formula; each with a payload a spreadsheet would run. */
const HOSTILE = [
  '=HYPERLINK("http://contoh.invalid","klik") ',
  "+62 ",
  "-1+1 ",
  "@SUM(1) ",
  "=cmd|' /C calc'!A0 ",
];

interface Edit {
  sheet: string;
  row: number;
  col: number;
  value: string;
}

/**
 * The sample's condition names (single-line CSF table cells and the outcome), indicator names on
 * both tables and definitions, each given a hostile prefix; returned as edits to apply to a host.
 */
function hostileEdits(wb: WorkbookGrids): Edit[] {
  const edits: Edit[] = [];
  let i = 0;
  const prefix = (sheet: string, row: number, col: number) => {
    const v = wb.sheets.find((s) => s.name === sheet)?.values[row]?.[col];
    if (typeof v !== "string" || v.includes("\n")) return;
    edits.push({ sheet, row, col, value: `${HOSTILE[i++ % HOSTILE.length]}${v}` });
  };
  const model = analyse(wb, DEFAULT_SETTINGS).model;
  prefix("CSF", 7, 0); // the outcome
  for (const node of model.nodes) {
    if (node.source.sheet === "CSF") prefix("CSF", node.source.row, node.source.col);
    for (const ind of node.indicators) {
      for (const c of [ind.textCells.name, ind.textCells.definition])
        if (c) prefix(c.sheet, c.row, c.col);
      const m = ind.measure;
      if (m?.columns.name !== undefined) prefix(m.sheet, m.row, m.columns.name);
    }
  }
  return edits;
}

function applyEditsToGrids(wb: WorkbookGrids, edits: readonly Edit[]): void {
  for (const e of edits) {
    const row = wb.sheets.find((s) => s.name === e.sheet)?.values[e.row] as CellValue[];
    row[e.col] = e.value;
  }
}

/** The plan cells holding formula-like text, checking the plan itself keeps them as values. */
function formulaLikeCells(plan: WritePlan): { sheet: string; cell: PlanCell; text: string }[] {
  const out: { sheet: string; cell: PlanCell; text: string }[] = [];
  for (const sp of plan.sheets)
    for (const c of sp.cells)
      if (typeof c.value === "string" && looksLikeFormula(c.value) && c.formula === undefined)
        out.push({ sheet: sp.sheet, cell: c, text: c.value });
  return out;
}

/** Every planned formula, so none can be shown to carry a hostile payload. */
function hostileInFormula(formulas: Iterable<string>): string[] {
  const payloads = HOSTILE.map((h) => h.trim());
  return [...formulas].filter((f) => payloads.some((p) => f.includes(p)));
}

let edits: Edit[];
let dir: string;
beforeAll(async () => {
  edits = hostileEdits(await readXlsxFile(SAMPLE));
  expect(edits.length).toBeGreaterThan(60);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-formula-text-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("formula-like condition and indicator texts", () => {
  it("are written as text by the package writer in every sheet, and read back as text", async () => {
    const input = path.join(dir, "contoh.xlsx");
    await withCellsTyped(SAMPLE, edits, input);
    const { grids, pkg } = await readXlsxPackage(input);
    const analysis = analyse(grids, DEFAULT_SETTINGS);
    const { plan, findings } = planJobs(grids, analysis, DEFAULT_SETTINGS, [
      "fill",
      "tree",
      "kertas-kerja",
      "report",
    ]);
    const laporan = planLaporan(
      [
        { file: "=cmd|' /C calc'!A0.xlsx", model: analysis.model, findings },
        { file: "-rusak.xlsx", model: analysis.model, findings: [] },
      ],
      "id"
    );
    const hostile = formulaLikeCells(plan);
    // The kertas kerja repeats the names and definitions: every prefix must reach it.
    const kk = hostile.filter((h) => h.sheet === "Kertas Kerja").map((h) => h.text[0]);
    expect(new Set(kk)).toEqual(new Set(["=", "+", "-", "@"]));
    const planned = [...plan.sheets, ...laporan.sheets].flatMap((s) => s.cells);
    expect(hostileInFormula(planned.flatMap((c) => (c.formula ? [c.formula] : [])))).toEqual([]);

    const written = path.join(dir, "contoh.hasil.xlsx");
    await writePlanToXlsxFile(pkg, plan, "id", grids, written);
    const back = await readXlsxFile(written);
    for (const h of hostile) {
      const sheet = back.sheets.find((s) => s.name === h.sheet);
      const at = `${h.sheet}!R${h.cell.row}C${h.cell.col}`;
      expect({ at, value: sheet?.values[h.cell.row]?.[h.cell.col] }).toEqual({ at, value: h.text });
      expect({ at, formula: sheet?.formulas?.[h.cell.row]?.[h.cell.col] ?? null }).toEqual({
        at,
        formula: null,
      });
    }
    const allFormulas = back.sheets.flatMap((s) =>
      (s.formulas ?? []).flatMap((r) => r.filter((f): f is string => typeof f === "string"))
    );
    expect(hostileInFormula(allFormulas)).toEqual([]);

    const lap = path.join(dir, "laporan.xlsx");
    await writePlanToXlsxFile(emptyPackage(), laporan, "id", { sheets: [] }, lap);
    const lapGrids = await readXlsxFile(lap);
    const texts = lapGrids.sheets.flatMap((s) => s.values.flat());
    expect(texts).toContain("=cmd|' /C calc'!A0.xlsx");
    expect(texts).toContain("-rusak.xlsx");
    expect(lapGrids.sheets.every((s) => (s.formulas ?? []).flat().every((f) => !f))).toBe(true);
  });

  it("are written as text by the Office host on the fake Excel host", async () => {
    const grids = await readXlsxFile(SAMPLE);
    applyEditsToGrids(grids, edits);
    const host = new FakeExcelHost(grids).install();
    const read = await readWorkbookGrids();
    const analysis = analyse(read, DEFAULT_SETTINGS);
    const { plan } = planJobs(read, analysis, DEFAULT_SETTINGS, [
      "fill",
      "tree",
      "kertas-kerja",
      "report",
    ]);
    const hostile = formulaLikeCells(plan);
    expect(new Set(hostile.map((h) => h.text[0]))).toEqual(new Set(["=", "+", "-", "@"]));
    // What the host sends: an apostrophe first, so Excel keeps the rest as typed.
    for (const h of hostile) expect(cellInput(h.cell)).toBe(`'${h.text}`);

    await applyOffice(plan, { grids: read });
    for (const h of hostile) {
      const sheet = host.sheet(h.sheet);
      const at = `${h.sheet}!R${h.cell.row}C${h.cell.col}`;
      expect({ at, value: sheet?.values[h.cell.row]?.[h.cell.col] }).toEqual({ at, value: h.text });
      expect({ at, formula: sheet?.formulas[h.cell.row]?.[h.cell.col] ?? null }).toEqual({
        at,
        formula: null,
      });
    }
    const allFormulas = host.workbook.sheets.flatMap((s) =>
      s.formulas.flatMap((r) => (r ?? []).filter((f): f is string => typeof f === "string"))
    );
    expect(hostileInFormula(allFormulas)).toEqual([]);
    // The user's own cells still hold the hostile texts as typed, not as formulas.
    for (const e of edits) {
      expect(host.sheet(e.sheet)?.values[e.row]?.[e.col]).toBe(e.value);
      expect(host.sheet(e.sheet)?.formulas[e.row]?.[e.col] ?? null).toBeNull();
    }
  });
});

describe("text cells beginning with '=' read through Office.js", () => {
  // Range.formulas returns such text as if it were a formula (office-js issue 6687). Below
  // ExcelApi 1.9 the host loads every cell's formulas and sees it there; from 1.9 it asks only
  // for the cells Excel calls formulas (getSpecialCells), which a text constant is not. Either
  // way, what the add-in concludes must not change because of it.
  it.each([
    ["1.8", "=100"],
    ["1.13", null],
  ])(
    "give the same findings and plans as the file at ExcelApi %s (formula read: %s)",
    async (maxApi, formulaSeen) => {
      const grids = await readXlsxFile(SAMPLE);
      grids.name = "contoh.xlsx";
      applyEditsToGrids(grids, edits);
      const tr = grids.sheets.find((s) => s.name === "Target & Realisasi");
      (tr?.values[6] as CellValue[])[5] = "=belum dihitung"; // Capaian typed as text
      (tr?.values[7] as CellValue[])[3] = "=100"; // Target typed as text
      new FakeExcelHost(grids, { maxApi }).install();
      const read = await readWorkbookGrids();
      const readTr = read.sheets.find((s) => s.name === "Target & Realisasi");
      expect(readTr?.values[7]?.[3]).toBe("=100");
      expect(readTr?.formulas?.[7]?.[3] ?? null).toBe(formulaSeen);
      read.name = grids.name;
      const jobs = ["fill", "tree", "kertas-kerja", "report"] as const;
      const fromFile = planJobs(grids, analyse(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS, jobs);
      const fromOffice = planJobs(read, analyse(read, DEFAULT_SETTINGS), DEFAULT_SETTINGS, jobs);
      const brief = (fs: readonly { rule: string; cell: string | null; message: string }[]) =>
        fs.map((f) => `${f.rule} ${f.cell} ${f.message}`);
      expect(brief(fromOffice.findings)).toEqual(brief(fromFile.findings));
      expect(fromOffice.plan.sheets.map((s) => s.cells)).toEqual(
        fromFile.plan.sheets.map((s) => s.cells)
      );
    }
  );
});
