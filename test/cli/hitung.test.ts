/**
 * `pokin hitung FILE -o OUT.xlsx` end to end: the filled copy, recalculated by LibreOffice,
 * shows the hand-computed capaian; typed capaian numbers come out untouched (unless
 * --ganti-capaian); the input file is never modified.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { recalculateWithLibreOffice } from "../helpers/libreoffice";
import { TARGET_REALISASI_HEADER } from "../helpers/headers";
import { fingerprint, runCli } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-hitung-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A Target & Realisasi table whose first two Capaian cells hold typed numbers (105 right, 50 wrong). */
async function typedBook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Target & Realisasi");
  ws.addRow(["Target dan Realisasi Indikator Kinerja Tahun 2024"]);
  ws.addRow(TARGET_REALISASI_HEADER);
  ws.addRow(["1.1", "Indeks Kepuasan Masyarakat", "Indeks", 80, 84, 105, "naik"]);
  ws.addRow(["1.2", "Nilai SAKIP", "Nilai", 70, 63.7, 50, null]);
  ws.addRow(["1.3", "Jumlah Kasus Hukum", "Kasus", 12, 9, null, "turun"]);
  ws.addRow(["1.4", "Jumlah Pengaduan", "Kasus", 0, 3, null, "turun"]);
  const file = path.join(dir, "ketik.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function recalculated(file: string): Promise<ExcelJS.Worksheet> {
  const { output } = await recalculateWithLibreOffice(
    file,
    path.join(dir, "recalc", path.parse(file).name)
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const ws = wb.getWorksheet("Target & Realisasi");
  if (!ws) throw new Error("sheet lost");
  return ws;
}

function shown(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value;
  return v && typeof v === "object" && "formula" in v ? (v.result ?? "") : v;
}

describe("pokin hitung", () => {
  it("keeps typed capaian numbers, fills the empty ones, and leaves the input file as it was", async () => {
    const file = await typedBook();
    const before = fingerprint(file);
    const out = path.join(dir, "ketik.hitung.xlsx");
    const run = await runCli(["hitung", file, "-o", out]);
    expect(run.code).toBe(0);
    expect(fingerprint(file)).toEqual(before);

    const ws = await recalculated(out);
    expect(ws.getCell("F3").value).toBe(105);
    expect(ws.getCell("F4").value).toBe(50);
    // (2 × 12 − 9) / 12 × 100 = 125; target 0 gives no capaian: "–".
    expect(shown(ws, "F5")).toBeCloseTo(125, 10);
    expect(shown(ws, "F6")).toBe("–");
  }, 240_000);

  it("replaces the typed capaian with the formula when asked to with --ganti-capaian", async () => {
    const file = await typedBook();
    const out = path.join(dir, "ketik.ganti.xlsx");
    expect((await runCli(["hitung", file, "-o", out, "--ganti-capaian"])).code).toBe(0);
    const ws = await recalculated(out);
    // 84 / 80 = 105; 63.7 / 70 = 91.
    expect(shown(ws, "F3")).toBeCloseTo(105, 10);
    expect(shown(ws, "F4")).toBeCloseTo(91, 10);
    expect(ws.getCell("F4").formula).toBeTruthy();
  }, 240_000);
});
