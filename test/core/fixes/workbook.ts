/**
 * Kertas kerja workbooks in the sample's layout, written from a plain description, so a test can
 * say how each condition is written in each place (and so plant a mistake in one place only):
 * sheet "CSF" with the three CSF tables, "Uraian Kondisi" with one section per condition, and
 * "Target & Realisasi" with one row per indicator.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import { TARGET_REALISASI_HEADER } from "../../helpers/headers";

export interface WrittenIndicator {
  name: string;
  unit?: string;
  target?: CellValue;
  actual?: CellValue;
  polarity?: string | null;
}

/** A condition as written: its code and name in each place, its indicators, its children. */
export interface WrittenCondition {
  /** In the CSF table listing it ("Name (code)"). */
  code: string;
  name: string;
  /** Its section heading ("code. name"); the table's when absent, no section when null. */
  heading?: { code: string; name: string } | null;
  /** In the Kode column of Target & Realisasi; the table's code when absent. */
  kode?: string;
  indicators: WrittenIndicator[];
  /** The names the "tergambar dari indikator" line lists; the indicators' when absent. */
  line?: string[];
  children?: WrittenCondition[];
}

const _ = null;

export const OUTCOME = "Meningkatnya Kualitas Pelayanan Publik Bagian Uji";

/** The workbook for CSFs (depth 1) with their kondisi antara (2) and operasional (3). */
export function writtenWorkbook(csfs: readonly WrittenCondition[]): WorkbookGrids {
  return { name: "uji.xlsx", sheets: [csfSheet(csfs), sectionsSheet(csfs), measureSheet(csfs)] };
}

const listed = (c: WrittenCondition, csf: boolean) => `${c.name} (${csf ? "CSF " : ""}${c.code})`;

function csfSheet(csfs: readonly WrittenCondition[]): SheetGrid {
  const rows: CellValue[][] = [
    ["CRITICAL SUCCESS FAKTOR (CSF)"],
    ["BAGIAN UJI"],
    [_],
    ["Critical Success Factor (CSF) dari Outcome Kinerja"],
    [OUTCOME],
    [_],
    ["No.", "Faktor Penyebab", "Kondisi yang diperlukan"],
  ];
  csfs.forEach((c, i) => rows.push([`${i + 1}.`, `Belum optimalnya ${c.name}`, listed(c, true)]));
  rows.push([_], ["No.", "CSF", "Kondisi yang diperlukan (Antara)"]);
  csfs.forEach((c, i) =>
    rows.push([
      `${i + 1}.`,
      listed(c, true),
      (c.children ?? []).map((a) => listed(a, true)).join("\n"),
    ])
  );
  rows.push([_], ["No.", "CSF", "Kondisi yang diperlukan (Operasional)"]);
  let n = 0;
  for (const c of csfs)
    for (const a of c.children ?? []) {
      const ops = a.children ?? [];
      if (ops.length === 0) continue;
      rows.push([`${++n}.`, listed(a, true), ops.map((o) => listed(o, false)).join("\n")]);
    }
  return { name: "CSF", values: rows };
}

function* inTreeOrder(conditions: readonly WrittenCondition[]): Generator<WrittenCondition> {
  for (const c of conditions) {
    yield c;
    yield* inTreeOrder(c.children ?? []);
  }
}

function sectionsSheet(csfs: readonly WrittenCondition[]): SheetGrid {
  const rows: CellValue[][] = [];
  for (const c of inTreeOrder(csfs)) {
    const heading = c.heading === undefined ? { code: c.code, name: c.name } : c.heading;
    if (heading === null) continue;
    const names = c.line ?? c.indicators.map((i) => i.name);
    rows.push(
      [`${heading.code}. ${heading.name}`],
      ["Penjelasan"],
      [`${heading.name} merupakan kondisi yang ingin dicapai oleh bagian ini.`],
      ["Masalah terkait dengan kondisi ini antara lain (a) belum optimalnya koordinasi."],
      [
        `Terwujudnya kondisi ini dapat tergambar dari indikator ${names.map((x, i) => `(${i + 1}) ${x}`).join(" ")}`,
      ],
      [
        "Indikator Kinerja",
        "Definisi/Penjelasan",
        "Relevansi Menggambarkan Kondisi",
        "Formulasi/Rumus Perhitungan",
        "Sumber Data",
      ],
      ...c.indicators.map((i) => [
        i.name,
        `${i.name} yang dihasilkan dalam satu tahun anggaran`,
        `${i.name} menggambarkan tercapainya kondisi ini`,
        formulaText(i.name),
        "Bagian Uji",
      ]),
      [`Dengan tercapainya kondisi ini, kinerja ${heading.name} akan meningkat.`],
      [_]
    );
  }
  return { name: "Uraian Kondisi", values: rows };
}

/** A formula that agrees with the indicator's kind (Persentase: a ratio × 100). */
function formulaText(name: string): string {
  return /^persentase/i.test(name)
    ? `Jumlah ${name.slice(11)} terlaksana / jumlah ${name.slice(11)} direncanakan x 100%`
    : `Jumlah ${name.replace(/^jumlah\s+/i, "")} yang tersusun dalam satu tahun`;
}

function measureSheet(csfs: readonly WrittenCondition[]): SheetGrid {
  const rows: CellValue[][] = [
    ["Target dan Realisasi Indikator Kinerja"],
    [_],
    [...TARGET_REALISASI_HEADER],
  ];
  for (const c of inTreeOrder(csfs))
    c.indicators.forEach((i, k) =>
      rows.push([
        k === 0 ? (c.kode ?? c.code) : _,
        i.name,
        i.unit ?? "Dokumen",
        i.target ?? 10,
        i.actual ?? 9,
        _,
        i.polarity === undefined ? "naik" : i.polarity,
      ])
    );
  return { name: "Target & Realisasi", values: rows };
}

/** The text of a cell of a written workbook. */
export function valueAt(wb: WorkbookGrids, sheet: string, row: number, col: number): CellValue {
  return wb.sheets.find((s) => s.name === sheet)?.values[row]?.[col] ?? null;
}
