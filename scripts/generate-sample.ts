/**
 * Writes the sample workbook `examples/kertas-kerja-setda-luwu-timur.xlsx` from the seed text,
 * laid out the way a staff member keeps the kertas kerja pohon kinerja in Excel:
 * - "CSF": title, outcome and the three CSF tables (several children in one cell, merged No/CSF cells);
 * - "Uraian Kondisi": one section per condition (heading, Penjelasan, Masalah, indicator line,
 *   the five-column indicator table, closing paragraph);
 * - "Target & Realisasi": illustrative targets and realisasi for all indicators, Capaian (%) left empty.
 *
 * The seed's text is kept exactly as typed (see scripts/seed.ts for the only clean-ups). Written by
 * the package writer `pokin` ships, from an empty package (no ExcelJS).
 * Deterministic: fixed document dates, no randomness. Usage:
 *   node lib/scripts/generate-sample.js [out.xlsx] [seed.txt]
 */
import * as fs from "fs";
import * as path from "path";
import {
  type CellRange,
  emptySheetPlan,
  type CellStyle,
  type PrintSetup,
  type SheetPlan,
  type WritePlan,
} from "../src/core";
import { applyPlanToPackage, emptyPackage } from "../src/hosts/xlsx";
import { parseSeed, type Seed, type SeedIndicator, type SeedSection } from "./seed";

/** Where the sample and its source live, relative to the project root. */
export const SAMPLE_PATH = "examples/kertas-kerja-setda-luwu-timur.xlsx";
export const SEED_PATH = "examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt";

/** Sheet names of the sample (the layout contract with the reader). */
export const SHEET_CSF = "CSF";
export const SHEET_URAIAN = "Uraian Kondisi";
export const SHEET_TARGET = "Target & Realisasi";

/** Header of the Target & Realisasi table. */
export const TARGET_HEADER = [
  "Kode",
  "Indikator Kinerja",
  "Satuan",
  "Target",
  "Realisasi",
  "Capaian (%)",
  "Polaritas",
] as const;

/** Title rows of the Target & Realisasi sheet: they say the numbers are illustrative. */
export const TARGET_TITLE = "Target dan Realisasi Indikator Kinerja Tahun 2024";
export const TARGET_NOTE =
  "DATA ILUSTRASI — bukan data resmi, hanya untuk menunjukkan perhitungan capaian";

const FIXED_DATE = new Date(Date.UTC(2024, 9, 31, 8, 0, 0));
const LINE_HEIGHT = 15;

const FONT = "Calibri";
const thin = { style: "thin" } as const;
/** A table cell: boxed, wrapped, at the top. */
const TABLE_CELL: CellStyle = {
  border: { top: thin, bottom: thin, left: thin, right: thin },
  innerBorder: thin,
  wrap: true,
  vAlign: "top",
};
const HEADER_CELL: CellStyle = {
  ...TABLE_CELL,
  vAlign: "middle",
  hAlign: "center",
  fontName: FONT,
  fontSize: 11,
  bold: true,
  fill: "#D9E1F2",
};
const CENTRED_CELL: CellStyle = { ...TABLE_CELL, hAlign: "center" };
/** A paragraph of the Uraian Kondisi sheet: wrapped, at the top. */
const PARAGRAPH: CellStyle = { wrap: true, vAlign: "top" };

/** A sheet being laid out: its plan, its column widths and the next free row (0-based). */
interface Layout {
  plan: SheetPlan;
  widths: readonly number[];
  row: number;
}

/** A user's sheet (no marker, gridlines shown) with the given column widths. */
function layout(name: string, widths: readonly number[]): Layout {
  const plan = emptySheetPlan(name, "create");
  delete plan.gridlines;
  plan.columnWidths = widths.map((width, col) => ({ col, width }));
  return { plan, widths, row: 0 };
}

function range(top: number, left: number, bottom = top, right = left): CellRange {
  return { top, left, bottom, right };
}

/** Lines a text takes in a column of the given width (Excel width units ≈ characters). */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** A row height that shows every wrapped line (Excel does not auto-fit merged or generated rows). */
function fitRow(l: Layout, row: number, texts: Array<[string, number]>): void {
  const lines = Math.max(1, ...texts.map(([t, w]) => lineCount(t, w)));
  l.plan.rowHeights.push({ row, height: lines * LINE_HEIGHT + 3 });
}

/** One row of a table at the current row: values (null: empty) boxed, the header shaded. */
function tableRow(
  l: Layout,
  values: ReadonlyArray<string | number | null>,
  style: CellStyle,
  sizeBy: readonly number[] = values.map((_v, c) => c)
): void {
  const r = l.row++;
  values.forEach((value, col) => {
    if (value !== null) l.plan.cells.push({ row: r, col, value });
  });
  l.plan.formats.push({ range: range(r, 0, r, values.length - 1), style });
  fitRow(
    l,
    r,
    sizeBy.map((c) => [String(values[c] ?? ""), l.widths[c] ?? 10])
  );
}

/** A text across every column at the current row (merged), sized to fit. */
function mergedLine(l: Layout, text: string, style: CellStyle): void {
  const r = l.row++;
  const right = l.widths.length - 1;
  l.plan.merges.push(range(r, 0, r, right));
  l.plan.cells.push({ row: r, col: 0, value: text });
  l.plan.formats.push({ range: range(r, 0), style });
  fitRow(l, r, [[text, l.widths.reduce((a, b) => a + b, 0)]]);
}

/** The "No." as a staff member types it: "1." stays text, a bare "8" becomes the number 8. */
function noValue(no: string): string | number {
  return /^\d+$/.test(no) ? Number(no) : no;
}

/** A4, one page wide, centred, with the sample's margins. */
function print(orientation: "portrait" | "landscape"): PrintSetup {
  return {
    paper: "A4",
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    centerHorizontally: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
  };
}

const banner = (size: number): CellStyle => ({
  fontName: FONT,
  bold: true,
  fontSize: size,
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
});

function csfSheet(seed: Seed): SheetPlan {
  const l = layout(SHEET_CSF, [7, 45, 80]);
  for (const line of seed.titleLines) mergedLine(l, line, banner(14));
  l.row++;
  mergedLine(l, seed.documentTitle, banner(12));
  l.row++;
  mergedLine(l, seed.outcomeLabel, banner(11));
  mergedLine(l, seed.outcome, banner(12));
  l.row++;

  tableRow(l, seed.table1.header, HEADER_CELL);
  for (const row of seed.table1.rows)
    tableRow(l, [noValue(row.no), row.cause, row.condition], TABLE_CELL);
  l.row++;

  mergedLine(l, seed.table2Caption, banner(11));
  l.row++;
  tableRow(l, seed.table2.header, HEADER_CELL);
  for (const row of seed.table2.rows)
    tableRow(l, [noValue(row.no), row.csf, row.children.join("\n")], TABLE_CELL);

  // Table 3 as the seed pages it: the header repeated per page, a blank row between pages.
  seed.table3.headers.forEach((header, page) => {
    l.row++;
    tableRow(l, header, HEADER_CELL);
    for (const item of seed.table3.items.filter((it) => it.page === page)) {
      const first = l.row;
      // Merged No/CSF cells span several rows: only the children's text sets each row's height.
      const sizeBy = item.rows.length > 1 ? [2] : undefined;
      item.rows.forEach((children, k) => {
        const text = children.join("\n");
        const values = k === 0 ? [noValue(item.no), item.csf, text] : [null, null, text];
        tableRow(l, values, TABLE_CELL, sizeBy);
      });
      if (item.rows.length > 1)
        l.plan.merges.push(range(first, 0, l.row - 1, 0), range(first, 1, l.row - 1, 1));
    }
  });
  l.plan.print = print("portrait");
  return l.plan;
}

function uraianSheet(seed: Seed): SheetPlan {
  const l = layout(SHEET_URAIAN, [32, 44, 40, 34, 24]);
  const paragraph = (text: string, bold = false): void =>
    mergedLine(l, text, bold ? { ...PARAGRAPH, fontName: FONT, fontSize: 11, bold } : PARAGRAPH);
  seed.sections.forEach((section, n) => {
    if (n > 0) l.row++;
    paragraph(section.heading, true);
    paragraph("Penjelasan", true);
    for (const p of section.explanation) paragraph(p);
    if (section.problems !== null) paragraph(section.problems);
    for (const p of section.indicatorLine) paragraph(p);
    for (const table of section.tables) {
      tableRow(l, table.header, HEADER_CELL);
      for (const ind of table.rows)
        tableRow(
          l,
          [ind.name, ind.definition, ind.relevance, ind.formula, ind.dataSource],
          TABLE_CELL
        );
    }
    for (const p of section.closing) paragraph(p);
  });
  l.plan.print = print("landscape");
  return l.plan;
}

/** A plausible unit word for an indicator, from the kind its name starts with. */
export function unitOf(name: string): string {
  const rules: Array<[RegExp, string]> = [
    [/^(Persentase|Tingkat)/i, "%"],
    [/^Indeks/i, "Indeks"],
    [/^Nilai/i, "Nilai"],
    [/^Jumlah Laporan/i, "Laporan"],
    [/^Jumlah kasus/i, "Kasus"],
    [/^Jumlah Orang/i, "Orang"],
    [/^Jumlah PD/i, "PD"],
    [/^Jumlah (Paket|Pengadaan)/i, "Paket"],
  ];
  return rules.find(([re]) => re.test(name))?.[1] ?? "Dokumen";
}

/** Illustrative numbers for one indicator; n is its 0-based position, for deterministic variety. */
interface Measure {
  unit: string;
  target: number;
  actual: number | string;
  polarity: "naik" | "turun" | null;
}

function measureOf(ind: SeedIndicator, n: number): Measure {
  const unit = unitOf(ind.name);
  const pick = <T>(xs: T[]): T => xs[n % xs.length] as T;
  let target: number;
  let actual: number | string;
  let polarity: Measure["polarity"] = n % 7 === 3 ? null : "naik";

  if (/Inflasi/i.test(ind.name)) {
    // Lower inflation is better.
    [target, actual, polarity] = [3.5, 2.79, "turun"];
  } else if (unit === "Kasus") {
    // Fewer legal cases against the government is better.
    [target, actual, polarity] = [12, 9, "turun"];
  } else if (unit === "%") {
    target = 100;
    actual = pick([92.5, 100, 87.25, 95, 78.4, 100, 98.6]);
  } else if (/Penyelenggaraan Pemerintahan Daerah/i.test(ind.name)) {
    [target, actual] = [3.25, 3.18]; // LPPD/EPPD is scored 0–4
  } else if (unit === "Indeks" && !/Hukum/i.test(ind.name)) {
    [target, actual] = [4, 3.86]; // scored 1–5
  } else if (unit === "Nilai" || unit === "Indeks") {
    target = pick([80, 75, 85, 77.5]);
    actual = target + pick([-3.5, 2.25, -6, 1.75, 0.5]);
  } else if (unit === "Orang") {
    [target, actual] = [120, 134];
  } else {
    target = 4 + ((n * 5) % 20);
    actual = target - pick([0, 1, 0, 2, 0, -1]);
  }
  // Two rows as staff leave them when the figure is not in yet.
  if (ind.name === "Nilai Evaluasi Kelembagaan") actual = "belum ada data";
  if (ind.name.startsWith("Jumlah Dokumen Hasil Koordinasi, Sinkronisasi, dan Evaluasi"))
    actual = "-";
  return { unit, target, actual, polarity };
}

/** The Kode written for a section: its heading code without the trailing dot, "CSF 1" for the first. */
function kodeOf(section: SeedSection, n: number): string {
  return section.code ?? `CSF ${n + 1}`;
}

function targetSheet(seed: Seed): SheetPlan {
  const l = layout(SHEET_TARGET, [10, 62, 11, 11, 16, 13, 12]);
  mergedLine(l, TARGET_TITLE, banner(12));
  const { fontSize: _size, ...note } = banner(11);
  mergedLine(l, TARGET_NOTE, { ...note, italic: true, fontColor: "#C00000" });
  l.row++;
  const headerRow = l.row;
  tableRow(l, TARGET_HEADER, HEADER_CELL);
  l.plan.rowHeights.push({ row: headerRow, height: 20 });

  let n = 0;
  let multi = 0;
  seed.sections.forEach((section, s) => {
    const first = l.row;
    section.indicators.forEach((ind, k) => {
      const m = measureOf(ind, n++);
      const r = l.row;
      const kode = k === 0 ? kodeOf(section, s) : null;
      tableRow(l, [kode, ind.name, m.unit, m.target, m.actual, null, m.polarity], TABLE_CELL, [1]);
      l.plan.formats.push({ range: range(r, 2, r, 6), style: CENTRED_CELL });
    });
    // Both shapes staff use for a condition with several indicators: Kode merged, or blank below.
    if (section.indicators.length > 1 && multi++ % 2 === 0)
      l.plan.merges.push(range(first, 0, l.row - 1, 0));
  });

  l.plan.freeze = { rows: headerRow + 1, cols: 0 };
  l.plan.print = { ...print("portrait"), titleRows: { first: headerRow, last: headerRow } };
  return l.plan;
}

/**
 * The sample workbook's bytes, built from the seed text by the package writer `pokin` ships,
 * starting from an empty package.
 * @param seedText the content of examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt
 */
export function buildSampleWorkbook(seedText: string): Buffer {
  const seed = parseSeed(seedText);
  const plan: WritePlan = {
    sheets: [csfSheet(seed), uraianSheet(seed), targetSheet(seed)],
    activate: SHEET_CSF,
  };
  const book = emptyPackage({ creator: "pokin-csf", created: FIXED_DATE });
  return applyPlanToPackage(book, plan, "id", { sheets: [] }, { level: 9 });
}

/** Writes the sample: `generate-sample [out.xlsx] [seed.txt]`, defaults relative to the working directory. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<string> {
  const out = path.resolve(argv[0] ?? SAMPLE_PATH);
  const seedText = fs.readFileSync(path.resolve(argv[1] ?? SEED_PATH), "utf8");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buildSampleWorkbook(seedText));
  return out;
}

if (require.main === module) {
  main().then(
    (out) => console.log(out),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    }
  );
}
