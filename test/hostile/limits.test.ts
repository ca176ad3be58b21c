/**
 * Workbooks at the edges: cells at Excel's 32,767-character limit, hundreds of sheets, merged
 * areas that run from one table into the next, a user's sheets already named like the generated
 * ones, protected sheets and typed capaian values.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import { cellRef } from "../../src/core/address";
import { analyse, planJobs, type Job } from "../../src/core/pipeline";
import { generatedKind, markerText, type WritePlan } from "../../src/core/plan";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { readXlsxFile, readXlsxPackage, writePlanToXlsxFile } from "../../src/hosts/xlsx";
import { loadXlsxFile, sheetGrid } from "../hosts/xlsx/exceljs";
import { withCellsTyped } from "../helpers/xlsx";
import { fingerprint, runCli } from "../cli/run";
import { FakeExcelHost } from "../../src/hosts/fake-excel";
import {
  applyPlan as applyOffice,
  errorMessage,
  HostError,
  readWorkbookGrids,
} from "../../src/hosts/office";
import { LONG, LONG_KEYS, LONG_TEXT, overLimit, withLongTexts } from "./long-text";
import {
  findingProblems,
  MAX_CELL_CHARS,
  planProblems,
  SAMPLE,
  sampleGrids,
  setCell,
  sheetOf,
} from "./helpers";
import { TARGET_REALISASI_HEADER } from "../helpers/headers";

const ALL_JOBS: Job[] = ["fill", "tree", "kertas-kerja", "report"];
const TR = "Target & Realisasi";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function plan(wb: WorkbookGrids, jobs: Job[] = ALL_JOBS) {
  const analysis = analyse(wb, DEFAULT_SETTINGS);
  return { analysis, ...planJobs(wb, analysis, DEFAULT_SETTINGS, jobs) };
}

describe("cells at Excel's 32,767-character limit", () => {
  it("are read whole and checked, with well-formed findings", async () => {
    const wb = withLongTexts(await sampleGrids());
    const { analysis, findings } = plan(wb, ["fill"]);
    const node = analysis.model.nodes.find((n) => n.code === "1.7.1");
    const expectedName = LONG_TEXT.condition.slice(0, -" (1.7.1)".length);
    expect({ length: node?.name.length, same: node?.name === expectedName }).toEqual({
      length: expectedName.length,
      same: true,
    });
    const ind = analysis.model.nodes.find((n) => n.code === "1.1")?.indicators[0];
    expect(ind?.name.length).toBe(MAX_CELL_CHARS);
    expect(ind?.name === LONG_TEXT.indicatorName).toBe(true);
    expect(ind?.definition === LONG_TEXT.definition).toBe(true);
    expect(findingProblems(findings)).toEqual([]);
  });

  it("survive the fill through the package writer unchanged", async () => {
    const input = path.join(dir, "panjang.xlsx");
    await withCellsTyped(
      SAMPLE,
      LONG_KEYS.map((k) => ({ ...LONG[k], value: LONG_TEXT[k] })),
      input
    );
    const { grids, pkg } = await readXlsxPackage(input);
    const { plan: p } = plan(grids, ["fill"]);
    expect(planProblems(p)).toEqual([]);
    const file = path.join(dir, "panjang.hasil.xlsx");
    await writePlanToXlsxFile(pkg, p, "id", grids, file);
    const back = await readXlsxFile(file);
    expect(overLimit(back.sheets)).toEqual([]);
    for (const k of LONG_KEYS)
      expect(sheetOf(back, LONG[k].sheet).values[LONG[k].row]?.[LONG[k].col] === LONG_TEXT[k]).toBe(
        true
      );
  });
});

/** A unit's small sheet: a title and a Target/Realisasi table of three indicators. */
function unitSheet(k: number): SheetGrid {
  const values: CellValue[][] = [
    [`Target dan Realisasi Unit ${k}`],
    [],
    [...TARGET_REALISASI_HEADER],
  ];
  for (let i = 1; i <= 3; i++)
    values.push([`9.${k}.${i}`, `Jumlah dokumen unit ${k} nomor ${i}`, "Dokumen", 10 + i, 9 + i]);
  return { name: `Unit ${String(k).padStart(3, "0")}`, values };
}

describe("a workbook with hundreds of sheets", () => {
  it("is read from a file, analysed and planned, with every unit's indicators taken in", async () => {
    const book = new ExcelJS.Workbook();
    for (let k = 1; k <= 300; k++) {
      const s = unitSheet(k);
      const ws = book.addWorksheet(s.name);
      s.values.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    }
    const file = path.join(dir, "tiga-ratus.xlsx");
    await book.xlsx.writeFile(file);
    const wb = await readXlsxFile(file);
    expect(wb.sheets).toHaveLength(300);
    const { analysis, plan: p, findings } = plan(wb);
    const measured = [
      ...analysis.model.nodes.flatMap((n) => n.indicators),
      ...analysis.model.orphans.map((o) => o.indicator),
    ].filter((i) => i.measure?.sheet.startsWith("Unit "));
    expect(measured).toHaveLength(900);
    expect(new Set(measured.map((i) => i.measure?.sheet)).size).toBe(300);
    expect(findingProblems(findings)).toEqual([]);
    expect(planProblems(p)).toEqual([]);
    expect(p.sheets.filter((s) => s.mode === "create").map((s) => s.sheet)).toEqual([
      "Pohon Kinerja",
      "Kertas Kerja",
      "Hasil Pemeriksaan",
    ]);
  });
});

describe("merged areas spanning two tables", () => {
  /** The sample with A26:A29 of CSF merged (from table 2's row "6." down into table 3's first row),
   * and A17:E19 of Uraian Kondisi (a closing paragraph over the next section's heading), saved
   * by ExcelJS as another program would. */
  async function mergedAcross(): Promise<string> {
    const book = await loadXlsxFile(SAMPLE);
    const csf = book.getWorksheet("CSF")!;
    csf.unMergeCells("A26:A27");
    csf.mergeCells("A26:A29");
    const uraian = book.getWorksheet("Uraian Kondisi")!;
    uraian.unMergeCells("A17:E17");
    uraian.unMergeCells("A19:E19");
    uraian.mergeCells("A17:E19");
    const file = path.join(dir, "gabung.xlsx");
    await book.xlsx.writeFile(file);
    return file;
  }

  it("are read as the host gives them: the covered cells empty, the conditions still found", async () => {
    const grids = await readXlsxFile(await mergedAcross());
    const csf = sheetOf(grids, "CSF");
    expect(csf.merges).toContainEqual({ top: 25, left: 0, bottom: 28, right: 0 });
    expect(csf.values[28]?.[0] ?? null).toBeNull(); // table 3's "No." header, now covered
    const { analysis, plan: p, findings } = plan(grids);
    const codes = analysis.model.nodes.map((n) => n.code);
    for (const code of ["1.6.4", "1.7", "1.7.1", "1.7.2", "1.7.3", "1.8"])
      expect(codes).toContain(code);
    expect(findingProblems(findings)).toEqual([]);
    expect(planProblems(p)).toEqual([]);
  });

  it("make the swallowed section heading a finding: condition 1.1.1 has no section", async () => {
    const before = analyse(await sampleGrids(), DEFAULT_SETTINGS);
    const listed = before.model.nodes.find((n) => n.code === "1.1.1");
    expect(listed?.sectionCell).not.toBeNull();
    expect(before.findings.filter((f) => f.rule === "no-section" && f.code === "1.1.1")).toEqual(
      []
    );
    const after = analyse(await readXlsxFile(await mergedAcross()), DEFAULT_SETTINGS);
    const noSection = after.findings.filter((f) => f.rule === "no-section" && f.code === "1.1.1");
    expect(noSection.map((f) => f.cell)).toEqual([listed?.cell]);
  });

  it("are applied and saved by the package writer", async () => {
    const { grids, pkg } = await readXlsxPackage(await mergedAcross());
    const { plan: p } = plan(grids);
    const file = path.join(dir, "gabung.hasil.xlsx");
    await writePlanToXlsxFile(pkg, p, "id", grids, file);
    const back = await readXlsxFile(file);
    expect(sheetOf(back, "CSF").merges).toContainEqual({ top: 25, left: 0, bottom: 28, right: 0 });
    expect(back.sheets.map(generatedKind).filter((k) => k !== null)).toEqual([
      "pohon",
      "kertas-kerja",
      "hasil",
    ]);
  });
});

describe("a user's own sheets named like the generated ones", () => {
  const USER_SHEETS = ["Pohon Kinerja", "kertas kerja", "Hasil Pemeriksaan", "Pohon Kinerja (2)"];

  /** The user's sheets: notes, a number, a formula and a merge, nothing the add-in made. */
  function fillUserSheet(ws: ExcelJS.Worksheet): void {
    ws.getCell("A1").value = `Catatan saya di ${ws.name}`;
    ws.getCell("B2").value = 42;
    ws.getCell("C3").value = { formula: "B2*2", result: 84 } as ExcelJS.CellFormulaValue;
    ws.getCell("A5").value = "pokin-csf bukan penanda";
    ws.mergeCells("A6:C7");
    ws.getCell("A6").value = "Gabungan";
    ws.getCell("B2").font = { bold: true, color: { argb: "FFFF0000" } };
  }

  /** A sheet's content as plain data: values, formulas, merges and each cell's style. */
  function contentOf(ws: ExcelJS.Worksheet | undefined): unknown {
    if (!ws) return null;
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) =>
        cells.push([c.address, c.type, c.value, c.formula ?? null, JSON.stringify(c.style)])
      )
    );
    return { cells, merges: sheetGrid(ws).merges };
  }

  it("are never touched by pokin proses; the new sheets take other names", async () => {
    const book = await loadXlsxFile(SAMPLE);
    for (const name of USER_SHEETS) fillUserSheet(book.addWorksheet(name));
    const input = path.join(dir, "punya-pengguna.xlsx");
    await book.xlsx.writeFile(input);
    const before = fingerprint(input);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);

    const out = path.join(dir, "punya-pengguna.hasil.xlsx");
    const r = await runCli(["proses", input, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fingerprint(input)).toEqual(before);

    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(out);
    for (const name of USER_SHEETS)
      expect({ name, content: contentOf(result.getWorksheet(name)) }).toEqual({
        name,
        content: contentOf(original.getWorksheet(name)),
      });
    const grids = await readXlsxFile(out);
    const generated = grids.sheets
      .filter((s) => generatedKind(s) !== null)
      .map((s) => [s.name, generatedKind(s)]);
    expect(generated).toEqual([
      ["Pohon Kinerja (3)", "pohon"],
      ["Kertas Kerja (2)", "kertas-kerja"],
      ["Hasil Pemeriksaan (2)", "hasil"],
    ]);
  });

  it("are never touched by the Office host; the new sheets take other names", async () => {
    const wb = await sampleGrids();
    for (const name of USER_SHEETS)
      wb.sheets.push({
        name,
        values: [[`Catatan saya di ${name}`], [null, 42], [], [], ["pokin-csf bukan penanda"]],
      });
    const host = new FakeExcelHost(wb).install();
    const userBefore = structuredClone(
      host.workbook.sheets.filter((s) => USER_SHEETS.includes(s.name))
    );
    const grids = await readWorkbookGrids();
    const { plan: p } = plan(grids);
    await applyOffice(p, { grids });
    expect(host.workbook.sheets.filter((s) => USER_SHEETS.includes(s.name))).toEqual(userBefore);
    expect(p.sheets.filter((s) => s.mode === "create").map((s) => s.sheet)).toEqual([
      "Pohon Kinerja (3)",
      "Kertas Kerja (2)",
      "Hasil Pemeriksaan (2)",
    ]);
    expect(host.sheet("Kertas Kerja (2)")?.values[0]?.[0]).toBe(markerText("kertas-kerja", "id"));
  });
});

describe("protected sheets", () => {
  it("block the fill with a sheet-protected finding and no write to that sheet", async () => {
    const wb = await sampleGrids();
    sheetOf(wb, TR).protected = true;
    const { plan: p, findings } = plan(wb, ["fill", "report"]);
    expect(p.sheets.some((s) => s.sheet === TR)).toBe(false);
    const blocked = findings.filter((f) => f.rule === "sheet-protected");
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.sheet).toBe(TR);
    expect(blocked[0]?.message).toContain(TR);
    // The report sheet lists it, so the user sees why nothing was filled.
    const hasil = p.sheets.find((s) => s.kind === "hasil");
    expect(hasil?.cells.some((c) => c.value === blocked[0]?.message)).toBe(true);
  });

  it("make the Office host refuse a plan made before the protection, writing nothing", async () => {
    const wb = await sampleGrids();
    const host = new FakeExcelHost(wb).install();
    const unprotected = await readWorkbookGrids();
    const { plan: p } = plan(unprotected, ["fill", "tree"]);
    host.userProtect(TR); // the user protects the sheet meanwhile
    const before = structuredClone(host.workbook);
    host.resetStats();
    const error = await applyOffice(p).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("protected");
    expect(errorMessage(error, "id")).toBe(
      `Lembar "${TR}" diproteksi. Buka proteksinya (Tinjau → Buka Proteksi Lembar) lalu coba lagi. Tidak ada yang ditulis.`
    );
    expect(host.workbook).toEqual(before);
    expect(host.stats.requestBytes.length).toBeLessThanOrEqual(host.stats.syncs);
  });

  it("make the Office host refuse to replace a protected generated sheet, writing nothing", async () => {
    const wb = await sampleGrids();
    const host = new FakeExcelHost(wb).install();
    let grids = await readWorkbookGrids();
    await applyOffice(plan(grids, ["tree"]).plan, { grids });
    host.userProtect("Pohon Kinerja");
    grids = await readWorkbookGrids();
    const before = structuredClone(host.workbook);
    const error = await applyOffice(plan(grids, ["tree", "report"]).plan, { grids }).then(
      () => null,
      (e: unknown) => e
    );
    expect((error as HostError).code).toBe("protected");
    expect(errorMessage(error, "en")).toContain('"Pohon Kinerja" is protected');
    expect(host.workbook).toEqual(before);
  });

  it("leave pokin hitung's input untouched and its copy unfilled, with the protection kept", async () => {
    const book = await loadXlsxFile(SAMPLE);
    await book.getWorksheet(TR)!.protect("rahasia", {});
    const input = path.join(dir, "terkunci.xlsx");
    await book.xlsx.writeFile(input);
    const before = fingerprint(input);
    const out = path.join(dir, "terkunci.hasil.xlsx");
    const r = await runCli(["hitung", input, "-o", out]);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fingerprint(input)).toEqual(before);
    const back = await readXlsxFile(out);
    const tr = sheetOf(back, TR);
    expect(tr.protected).toBe(true);
    expect((tr.formulas ?? []).flat().filter((f) => f)).toEqual([]);
  });
});

describe("typed capaian values", () => {
  /**
   * Capaian (%) column F of Target & Realisasi: a number, a text and a user's formula that differ
   * from the computed capaian (92.5, 97.85, 100), and a number that agrees with it (100).
   */
  const DIFFERING: [number, CellValue, string | null][] = [
    [4, 95, null],
    [5, "97,8 %", null],
    [6, 50, "=E7/D7*50"],
  ];
  const AGREEING: [number, CellValue, string | null] = [8, 100, null];
  const TYPED = [...DIFFERING, AGREEING];

  function withTyped(wb: WorkbookGrids): WorkbookGrids {
    const tr = sheetOf(wb, TR);
    for (const [row, value, formula] of TYPED) {
      setCell(tr, row, 5, value);
      if (formula) {
        tr.formulas ??= [];
        while (tr.formulas.length <= row) tr.formulas.push([]);
        (tr.formulas[row] as (string | null)[])[5] = formula;
      }
    }
    return wb;
  }

  it("are left out of the fill; those differing from the computed capaian are reported as manual-override", async () => {
    const wb = withTyped(await sampleGrids());
    const { plan: p, findings } = plan(wb, ["fill"]);
    const fill = p.sheets.find((s) => s.sheet === TR);
    const written = new Set(fill?.cells.map((c) => `${c.row},${c.col}`));
    const overrides = (row: number) =>
      findings.filter((f) => f.rule === "manual-override" && f.cell === cellRef(TR, row, 5));
    for (const [row] of TYPED) expect(written.has(`${row},5`)).toBe(false);
    for (const [row] of DIFFERING) expect({ row, n: overrides(row).length }).toEqual({ row, n: 1 });
    expect(overrides(AGREEING[0])).toEqual([]);
    // The other capaian cells are still filled.
    expect(fill?.cells.filter((c) => c.col === 5 && c.formula).length).toBeGreaterThan(40);
  });

  it("stay as typed after the Office host applies every job", async () => {
    const host = new FakeExcelHost(withTyped(await sampleGrids())).install();
    const grids = await readWorkbookGrids();
    const p: WritePlan = plan(grids).plan;
    await applyOffice(p, { grids });
    const tr = host.sheet(TR);
    for (const [row, value, formula] of TYPED) {
      expect(tr?.values[row]?.[5]).toBe(value);
      expect(tr?.formulas[row]?.[5] ?? null).toBe(formula);
    }
  });
});
