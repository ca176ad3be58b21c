/**
 * End to end: a workbook with Target/Realisasi, filled through the pipeline and the xlsx host,
 * recalculated by LibreOffice headless; the capaian it computes must equal the hand-computed ones.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { analyse, planJobs } from "../../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { recalculateWithLibreOffice } from "../../helpers/libreoffice";
import { TARGET_REALISASI_HEADER } from "../../helpers/headers";
import { HOSTS, type XlsxHost } from "./hosts";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-fill-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Row = [
  string,
  string,
  string,
  number | string | null,
  number | string | null,
  number | string | null,
  string | null,
];

const HEADER = TARGET_REALISASI_HEADER;

async function writeBook(name: string, rows: Row[], header: string[] = HEADER): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Target & Realisasi");
  ws.addRow(["Target dan Realisasi Indikator Kinerja Tahun 2024"]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(header.length === HEADER.length ? r : r.slice(0, header.length));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Fill `file` the way `pokin hitung` does, recalculate with LibreOffice, return the result workbook. */
async function fillAndRecalculate(host: XlsxHost, file: string) {
  const grids = await readXlsxFile(file);
  const analysis = analyse(grids, DEFAULT_SETTINGS, file);
  const { plan, findings } = planJobs(grids, analysis, DEFAULT_SETTINGS, ["fill"]);
  const slug = host.name.replace(/\W+/g, "-");
  const filled = path.join(dir, `filled-${slug}`, path.basename(file));
  await host.applyFile(file, plan, filled);
  const { output } = await recalculateWithLibreOffice(filled, path.join(dir, `recalc-${slug}`));
  const result = new ExcelJS.Workbook();
  await result.xlsx.readFile(output);
  const ws = result.getWorksheet("Target & Realisasi");
  if (!ws) throw new Error("sheet lost");
  return { ws, findings, plan, output };
}

/** What a cell shows after recalculation: the formula's result, or the value typed. */
function shown(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value;
  if (v && typeof v === "object" && "formula" in v) return v.result ?? "";
  if (v && typeof v === "object" && "sharedFormula" in v) return v.result ?? "";
  return v;
}

function formulaOf(ws: ExcelJS.Worksheet, address: string): string | null {
  const v = ws.getCell(address).value;
  return v && typeof v === "object" && "formula" in v ? (v.formula ?? null) : null;
}

describe.each(HOSTS)("the fill with the $name, recalculated by LibreOffice", (host) => {
  it('computes every capaian as realisasi/target, or (2T-R)/T for turun rows, and shows "–" where there is none', async () => {
    const file = await writeBook("hitung.xlsx", [
      ["1.1", "Indeks Kepuasan Masyarakat", "Indeks", 80, 84, null, "naik"],
      ["1.2", "Nilai SAKIP", "Nilai", 70, 63.7, null, null],
      ["1.3", "Jumlah Kasus Hukum", "Kasus", 7, 6.5, null, "turun"],
      ["1.4", "Jumlah Pengaduan", "Kasus", 8, 9, null, "Turun"],
      ["1.5", "Persentase Dokumen Tepat Waktu", "%", 0, 50, null, "naik"],
      ["1.6", "Persentase Temuan Selesai", "%", 90, null, null, "naik"],
      ["1.7", "Persentase Rekomendasi", "%", 90, "belum ada data", null, null],
      ["1.8", "Indeks Reformasi Birokrasi", "Indeks", 3, 2, null, "naik"],
    ]);
    const { ws, output } = await fillAndRecalculate(host, file);
    // By hand: 84/80 = 105; 63.7/70 = 91; (14-6.5)/7 = 107.142… → 107.14; (16-9)/8 = 87.5;
    // target 0, realisasi blank, realisasi text: "–"; 2/3 = 66.666… → 66.67.
    expect(shown(ws, "F3")).toBeCloseTo(105, 10);
    expect(shown(ws, "F4")).toBeCloseTo(91, 10);
    expect(shown(ws, "F5")).toBeCloseTo(107.14, 10);
    expect(shown(ws, "F6")).toBeCloseTo(87.5, 10);
    expect(shown(ws, "F7")).toBe("–");
    expect(shown(ws, "F8")).toBe("–");
    expect(shown(ws, "F9")).toBe("–");
    expect(shown(ws, "F10")).toBeCloseTo(66.67, 10);
    expect(ws.getCell("F3").numFmt).toBe("0.00");
    // The live formula follows the Polaritas cell.
    expect(formulaOf(ws, "F5")).toContain("G5");

    // Filled again after LibreOffice saved it: the formulas are still recognised as the add-in's.
    const again = await readXlsxFile(output);
    const refill = planJobs(again, analyse(again, DEFAULT_SETTINGS, output), DEFAULT_SETTINGS, [
      "fill",
    ]);
    expect(refill.findings.filter((f) => f.rule === "manual-override")).toEqual([]);
    const rewritten = refill.plan.sheets[0]?.cells.filter((c) => c.col === 5).map((c) => c.row);
    expect(rewritten).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  }, 240_000);

  it("leaves typed capaian numbers untouched and reports the one that differs", async () => {
    const file = await writeBook("ketik.xlsx", [
      ["1.1", "Indeks Kepuasan Masyarakat", "Indeks", 80, 84, 105, "naik"],
      ["1.2", "Nilai SAKIP", "Nilai", 70, 63.7, 50, null],
      ["1.3", "Jumlah Kasus Hukum", "Kasus", 7, 6.5, null, "turun"],
    ]);
    const { ws, findings } = await fillAndRecalculate(host, file);
    expect(ws.getCell("F3").value).toBe(105);
    expect(ws.getCell("F4").value).toBe(50);
    expect(shown(ws, "F5")).toBeCloseTo(107.14, 10);
    const overrides = findings.filter((f) => f.rule === "manual-override").map((f) => f.cell);
    expect(overrides).toEqual(["'Target & Realisasi'!F4"]);
  }, 240_000);

  it("computes the realisasi of a Persentase indicator from Pembilang and Penyebut, and its capaian from that", async () => {
    const wb = new ExcelJS.Workbook();
    const ws0 = wb.addWorksheet("Target & Realisasi");
    ws0.addRow(["Target dan Realisasi Indikator Kinerja Tahun 2024"]);
    ws0.addRow([
      "Kode",
      "Indikator Kinerja",
      "Pembilang",
      "Penyebut",
      "Target",
      "Realisasi",
      "Capaian (%)",
    ]);
    ws0.addRow(["1.1", "Persentase Dokumen Tepat Waktu", 9, 12, 80, null, null]);
    ws0.addRow(["1.2", "Persentase Temuan Selesai", 3, 0, 90, null, null]);
    ws0.addRow(["1.3", "Persentase Rekomendasi Ditindaklanjuti", 1, 2, 100, 70, null]);
    const file = path.join(dir, "rasio.xlsx");
    await wb.xlsx.writeFile(file);
    const { ws } = await fillAndRecalculate(host, file);
    // 9/12 = 75 % realisasi, capaian 75/80 = 93.75; penyebut 0: nothing; typed 70 stays: 70/100 = 70.
    expect(shown(ws, "F3")).toBeCloseTo(75, 10);
    expect(shown(ws, "G3")).toBeCloseTo(93.75, 10);
    expect(shown(ws, "F4")).toBe("");
    expect(shown(ws, "G4")).toBe("–");
    expect(ws.getCell("F5").value).toBe(70);
    expect(shown(ws, "G5")).toBeCloseTo(70, 10);
  }, 240_000);

  it("adds a Capaian (%) column to a table that has none", async () => {
    const file = await writeBook(
      "tanpa-capaian.xlsx",
      [
        ["1.1", "Indeks Kepuasan Masyarakat", "Indeks", 80, 84, null, null],
        ["1.2", "Jumlah Kasus Hukum", "Kasus", 7, 6.5, null, null],
      ],
      HEADER.slice(0, 5)
    );
    const { ws } = await fillAndRecalculate(host, file);
    expect(ws.getCell("F2").value).toBe("Capaian (%)");
    expect(shown(ws, "F3")).toBeCloseTo(105, 10);
    expect(shown(ws, "F4")).toBeCloseTo(92.86, 10);
  }, 240_000);
});
