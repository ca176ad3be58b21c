/**
 * The sample kertas kerja filled through the pipeline and the xlsx host, then recalculated by
 * LibreOffice: every computable capaian on "Target & Realisasi" must equal realisasi/target × 100
 * (or (2 × target − realisasi)/target × 100 on "turun" rows), computed here from the raw cells.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { analyse, planJobs } from "../../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { recalculateWithLibreOffice } from "../../helpers/libreoffice";
import { HOSTS } from "./hosts";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");
const SHEET = "Target & Realisasi";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-fill-sample-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Round half away from zero to 2 decimals, cutting binary noise first as Excel does. */
function round2(x: number): number {
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  return (Math.sign(x) * Math.floor(scaled + 0.5)) / 100;
}

interface SampleRow {
  row: number;
  expected: number | "–";
}

/** The sample's indicator rows and their capaian computed by hand from Target, Realisasi, Polaritas. */
async function expectedFromSample(): Promise<SampleRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error(`no sheet ${SHEET}`);
  let header = 0;
  ws.eachRow((r, n) => {
    if (header === 0 && r.getCell(1).value === "Kode" && r.getCell(4).value === "Target")
      header = n;
  });
  expect(r(ws, header, 6)).toBe("Capaian (%)");
  const rows: SampleRow[] = [];
  for (let n = header + 1; n <= ws.rowCount; n++) {
    if (!r(ws, n, 2)) continue;
    const target = r(ws, n, 4);
    const actual = r(ws, n, 5);
    const lower =
      String(r(ws, n, 7) ?? "")
        .trim()
        .toLowerCase() === "turun";
    let expected: number | "–" = "–";
    if (typeof target === "number" && typeof actual === "number" && target !== 0) {
      expected = round2(lower ? ((2 * target - actual) / target) * 100 : (actual / target) * 100);
    }
    rows.push({ row: n, expected });
  }
  return rows;
}

function r(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.CellValue {
  return ws.getRow(row).getCell(col).value;
}

describe.each(HOSTS)("the fill on the sample kertas kerja, with the $name", (host) => {
  it("writes a capaian formula for every indicator row whose LibreOffice result is the hand-computed capaian", async () => {
    const expected = await expectedFromSample();
    expect(expected).toHaveLength(54);
    expect(expected.some((e) => e.expected === "–")).toBe(true);

    const grids = await readXlsxFile(SAMPLE);
    const analysis = analyse(grids, DEFAULT_SETTINGS, SAMPLE);
    const { plan, findings } = planJobs(grids, analysis, DEFAULT_SETTINGS, ["fill"]);
    expect(
      findings.filter((f) => f.rule === "fill-blocked" || f.rule === "manual-override")
    ).toEqual([]);
    const slug = host.name.replace(/\W+/g, "-");
    const filled = path.join(dir, `filled-${slug}`, "sample.xlsx");
    await host.applyFile(SAMPLE, plan, filled);
    const { output } = await recalculateWithLibreOffice(filled, path.join(dir, `recalc-${slug}`));
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(output);
    const ws = result.getWorksheet(SHEET);
    if (!ws) throw new Error("sheet lost");

    const got = expected.map(({ row }) => {
      const v = ws.getRow(row).getCell(6).value;
      const isFormula = !!v && typeof v === "object" && "formula" in v;
      const shown = isFormula ? ((v as ExcelJS.CellFormulaValue).result ?? "") : v;
      return { row, isFormula, shown };
    });
    expect(got.filter((g) => !g.isFormula).map((g) => g.row)).toEqual([]);
    for (const [i, e] of expected.entries()) {
      const shown = got[i]?.shown;
      if (e.expected === "–") expect({ row: e.row, shown }).toEqual({ row: e.row, shown: "–" });
      else
        expect({ row: e.row, diff: Math.abs(Number(shown) - e.expected) < 1e-9 }).toEqual({
          row: e.row,
          diff: true,
        });
    }
  }, 240_000);
});
