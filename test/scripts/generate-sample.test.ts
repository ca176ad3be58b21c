import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  buildSampleWorkbook,
  main,
  SHEET_CSF,
  SHEET_TARGET,
  SHEET_URAIAN,
  TARGET_HEADER,
} from "../../scripts/generate-sample";
import { parseSeed, type Seed } from "../../scripts/seed";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/kertas-kerja-setda-luwu-timur.xlsx");
const seedText = fs.readFileSync(
  path.join(ROOT, "examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt"),
  "utf8"
);

type Value = ExcelJS.CellValue;

async function loadFile(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The generator's workbook as ExcelJS reads it back from its bytes (what the committed file holds). */
async function generated(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buildSampleWorkbook(seedText) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything a person sees of a sheet: values by address, merges, widths and heights. */
function snapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const cells: Record<string, Value> = {};
  const heights: Record<number, number | undefined> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    heights[r] = row.height;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!cell.isMerged || cell.master.address === cell.address) cells[cell.address] = cell.value;
    });
  });
  return {
    cells,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    widths: ws.columns.map((c) => c.width),
    heights,
  };
}

function mergeOf(ws: ExcelJS.Worksheet, row: number, col: number): string | null {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  const address = ws.getCell(row, col).address;
  return merges.find((m) => m.split(":")[0] === address) ?? null;
}

/** The text a cell holds itself (ExcelJS answers a merged cell's master value for every cell of the range). */
function text(ws: ExcelJS.Worksheet, row: number, col: number): string | null {
  const { isMerged, address, value: v } = ws.getCell(row, col);
  if (isMerged && ws.getCell(row, col).master.address !== address) return null;
  if (v === null || v === undefined) return null;
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

describe("the committed sample", () => {
  it("is what the generator makes now, sheet by sheet and cell by cell", async () => {
    const [committed, fresh] = await Promise.all([loadFile(SAMPLE), generated()]);
    expect(committed.worksheets.map((ws) => ws.name)).toEqual(fresh.worksheets.map((w) => w.name));
    for (const ws of fresh.worksheets) {
      const other = committed.getWorksheet(ws.name);
      expect(other).toBeDefined();
      const want = snapshot(ws);
      expect(Object.keys(want.cells as object).length).toBeGreaterThan(50);
      expect(snapshot(other as ExcelJS.Worksheet)).toEqual(want);
    }
    expect(committed.created.toISOString()).toBe(fresh.created.toISOString());
  });

  it("has the three sheets of the layout contract", async () => {
    const wb = await loadFile(SAMPLE);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([SHEET_CSF, SHEET_URAIAN, SHEET_TARGET]);
  });

  it("is written by main() to the path it is given", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-sample-"));
    const out = await main([
      path.join(dir, "sample.xlsx"),
      path.join(ROOT, "examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt"),
    ]);
    const wb = await loadFile(out);
    expect(wb.getWorksheet(SHEET_CSF)?.getCell("A1").value).toBe("CRITICAL SUCCESS FAKTOR (CSF)");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the sample compared with the seed", () => {
  const seed: Seed = parseSeed(seedText);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await loadFile(SAMPLE);
  });
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };

  it("has the title rows merged across A:C and the outcome under its label on the CSF sheet", () => {
    const ws = sheet(SHEET_CSF);
    seed.titleLines.forEach((line, k) => {
      expect(text(ws, k + 1, 1)).toBe(line);
      expect(mergeOf(ws, k + 1, 1)).toBe(`A${k + 1}:C${k + 1}`);
    });
    const colA: Array<string | null> = [];
    for (let r = 1; r <= ws.rowCount; r++) colA.push(text(ws, r, 1));
    const doc = colA.indexOf(seed.documentTitle);
    const label = colA.indexOf(seed.outcomeLabel);
    expect(doc).toBeGreaterThan(2);
    expect(label).toBeGreaterThan(doc);
    expect(colA[label + 1]).toBe(seed.outcome);
  });

  it("has Table 1, Table 2 with the antara conditions in one cell, and Table 3 as the seed pages it", () => {
    const ws = sheet(SHEET_CSF);
    // Rows of the CSF sheet from Table 1's header on, blank rows marking breaks as in the seed.
    const rows: Array<[string | null, string | null, string | null]> = [];
    let start = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      if (text(ws, r, 1) === seed.table1.header[0] && text(ws, r, 2) === seed.table1.header[1]) {
        start = r;
        break;
      }
    }
    expect(start).toBeGreaterThan(0);
    for (let r = start; r <= ws.rowCount; r++)
      rows.push([text(ws, r, 1), text(ws, r, 2), text(ws, r, 3)]);

    const expected: Array<[string | null, string | null, string | null]> = [];
    const blank: [null, null, null] = [null, null, null];
    expected.push(seed.table1.header);
    for (const row of seed.table1.rows) expected.push([row.no, row.cause, row.condition]);
    expected.push(blank, [seed.table2Caption, null, null], blank, seed.table2.header);
    for (const row of seed.table2.rows) expected.push([row.no, row.csf, row.children.join("\n")]);
    seed.table3.headers.forEach((header, page) => {
      expected.push(blank, header);
      for (const item of seed.table3.items.filter((it) => it.page === page)) {
        item.rows.forEach((children, k) => {
          expected.push(
            k === 0 ? [item.no, item.csf, children.join("\n")] : [null, null, children.join("\n")]
          );
        });
      }
    });
    expect(rows).toEqual(expected);
  });

  it("merges No and CSF vertically over the rows of items 6 to 9", () => {
    const ws = sheet(SHEET_CSF);
    for (const item of seed.table3.items) {
      let r = 1;
      while (r <= ws.rowCount && !(text(ws, r, 1) === item.no && text(ws, r, 2) === item.csf)) r++;
      expect(r).toBeLessThanOrEqual(ws.rowCount);
      const span = item.rows.length;
      if (span > 1) {
        expect(mergeOf(ws, r, 1)).toBe(`A${r}:A${r + span - 1}`);
        expect(mergeOf(ws, r, 2)).toBe(`B${r}:B${r + span - 1}`);
      } else {
        expect(mergeOf(ws, r, 1)).toBeNull();
      }
    }
    expect(seed.table3.items.filter((i) => i.rows.length > 1).map((i) => i.no)).toEqual([
      "6.",
      "7.",
      "8",
      "9",
    ]);
  });

  it("has every section of the seed in order on the Uraian Kondisi sheet, paragraphs merged A:E", () => {
    const ws = sheet(SHEET_URAIAN);
    type Row = { cells: Array<string | null>; merged: boolean };
    const actual: Row[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const merged = mergeOf(ws, r, 1) === `A${r}:E${r}`;
      const cells = merged ? [text(ws, r, 1)] : [1, 2, 3, 4, 5].map((c) => text(ws, r, c));
      actual.push({ cells: cells.every((c) => c === null) ? [] : cells, merged });
    }
    const expected: Row[] = [];
    const para = (p: string): void => {
      expected.push({ cells: [p], merged: true });
    };
    seed.sections.forEach((s, n) => {
      if (n > 0) expected.push({ cells: [], merged: false });
      para(s.heading);
      para("Penjelasan");
      s.explanation.forEach(para);
      if (s.problems !== null) para(s.problems);
      s.indicatorLine.forEach(para);
      for (const t of s.tables) {
        expected.push({ cells: [...t.header], merged: false });
        for (const i of t.rows) {
          expected.push({
            cells: [i.name, i.definition, i.relevance, i.formula, i.dataSource],
            merged: false,
          });
        }
      }
      s.closing.forEach(para);
    });
    expect(actual).toEqual(expected);
  });

  it("lists every indicator once on the Target & Realisasi sheet with the Kode of its section", () => {
    const ws = sheet(SHEET_TARGET);
    const header = [1, 2, 3, 4, 5, 6, 7].map((c) => text(ws, 4, c));
    expect(header).toEqual([...TARGET_HEADER]);
    expect(`${text(ws, 1, 1)} ${text(ws, 2, 1)}`).toMatch(/ILUSTRASI/);

    let r = 5;
    let mergedKode = 0;
    let blankBelow = 0;
    seed.sections.forEach((s, n) => {
      const first = r;
      s.indicators.forEach((ind, k) => {
        expect(text(ws, r, 2)).toBe(ind.name);
        if (k === 0) expect(text(ws, r, 1)).toBe(s.code ?? `CSF ${n + 1}`);
        else
          expect(ws.getCell(r, 1).master.address === `A${first}` || text(ws, r, 1) === null).toBe(
            true
          );
        r++;
      });
      if (s.indicators.length > 1) {
        if (mergeOf(ws, first, 1) === `A${first}:A${r - 1}`) mergedKode++;
        else if (mergeOf(ws, first, 1) === null) blankBelow++;
      }
    });
    expect(r - 5).toBe(54);
    expect(text(ws, r, 2)).toBeNull();
    expect(mergedKode).toBeGreaterThan(0);
    expect(blankBelow).toBeGreaterThan(0);
  });

  it("gives illustrative numbers, an empty Capaian and a Polaritas for the Target & Realisasi rows", () => {
    const ws = sheet(SHEET_TARGET);
    const actualTexts: string[] = [];
    const polarities: Array<string | null> = [];
    for (let r = 5; r < 5 + 54; r++) {
      expect(text(ws, r, 3)).toMatch(/^(Dokumen|Laporan|%|Nilai|Indeks|Kasus|Orang|PD|Paket)$/);
      expect(typeof ws.getCell(r, 4).value).toBe("number");
      const actual = ws.getCell(r, 5).value;
      if (typeof actual === "string") actualTexts.push(actual);
      else expect(typeof actual).toBe("number");
      expect(ws.getCell(r, 6).value).toBeNull();
      polarities.push(text(ws, r, 7));
    }
    expect(actualTexts.sort()).toEqual(["-", "belum ada data"]);
    expect(new Set(polarities)).toEqual(new Set(["naik", "turun", null]));
    expect(polarities.filter((p) => p === "turun").length).toBeLessThan(6);
  });

  it("sets A4 print setup fitted to the page width on every sheet", () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
  });
});
