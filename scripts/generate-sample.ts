/**
 * Writes the sample workbook `examples/kertas-kerja-setda-luwu-timur.xlsx` from the seed text,
 * laid out the way a staff member keeps the kertas kerja pohon kinerja in Excel:
 * - "CSF": title, outcome and the three CSF tables (several children in one cell, merged No/CSF cells);
 * - "Uraian Kondisi": one section per condition (heading, Penjelasan, Masalah, indicator line,
 *   the five-column indicator table, closing paragraph);
 * - "Target & Realisasi": illustrative targets and realisasi for all indicators, Capaian (%) left empty.
 *
 * The seed's text is kept exactly as typed (see scripts/seed.ts for the only clean-ups).
 * Deterministic: fixed document dates, no randomness. Usage:
 *   node lib/scripts/generate-sample.js [out.xlsx] [seed.txt]
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
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

const thin: Partial<ExcelJS.Border> = { style: "thin" };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};
const FONT = "Calibri";
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/** Lines a text takes in a column of the given width (Excel width units ≈ characters). */
function lineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** Sets a row height that shows every wrapped line (Excel does not auto-fit merged or generated rows). */
function fitRow(row: ExcelJS.Row, texts: Array<[string, number]>): void {
  const lines = Math.max(1, ...texts.map(([t, w]) => lineCount(t, w)));
  row.height = lines * LINE_HEIGHT + 3;
}

function styleTableCell(cell: ExcelJS.Cell, header = false): void {
  cell.border = BORDER;
  cell.alignment = header ? { ...WRAP_TOP, vertical: "middle", horizontal: "center" } : WRAP_TOP;
  if (header) {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
  }
}

/** The "No." as a staff member types it: "1." stays text, a bare "8" becomes the number 8. */
function noValue(no: string): string | number {
  return /^\d+$/.test(no) ? Number(no) : no;
}

function print(ws: ExcelJS.Worksheet, orientation: "portrait" | "landscape"): void {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function writeCsfSheet(wb: ExcelJS.Workbook, seed: Seed): void {
  const ws = wb.addWorksheet(SHEET_CSF);
  const widths = [7, 45, 80];
  ws.columns = widths.map((width) => ({ width }));
  const wAll = widths.reduce((a, b) => a + b, 0);
  let r = 1;

  const banner = (text: string, size: number, bold = true): void => {
    ws.mergeCells(r, 1, r, 3);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, bold, size };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    fitRow(ws.getRow(r), [[text, wAll]]);
    r++;
  };
  // sizeBy: the columns whose text sets the row height (merged No/CSF cells span several rows).
  const tableRow = (
    values: Array<string | number | null>,
    header = false,
    sizeBy: number[] = [0, 1, 2]
  ): void => {
    const row = ws.getRow(r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== null) cell.value = v;
      styleTableCell(cell, header);
    });
    fitRow(
      row,
      sizeBy.map((c) => [String(values[c] ?? ""), widths[c] ?? 10])
    );
    r++;
  };

  for (const line of seed.titleLines) banner(line, 14);
  r++;
  banner(seed.documentTitle, 12);
  r++;
  banner(seed.outcomeLabel, 11);
  banner(seed.outcome, 12);
  r++;

  tableRow(seed.table1.header, true);
  for (const row of seed.table1.rows) tableRow([noValue(row.no), row.cause, row.condition]);
  r++;

  banner(seed.table2Caption, 11);
  r++;
  tableRow(seed.table2.header, true);
  for (const row of seed.table2.rows) {
    tableRow([noValue(row.no), row.csf, row.children.join("\n")]);
  }

  // Table 3 as the seed pages it: the header repeated per page, a blank row between pages.
  seed.table3.headers.forEach((header, page) => {
    r++;
    tableRow(header, true);
    for (const item of seed.table3.items.filter((it) => it.page === page)) {
      const first = r;
      const sizeBy = item.rows.length > 1 ? [2] : undefined;
      item.rows.forEach((children, k) => {
        const text = children.join("\n");
        const values = k === 0 ? [noValue(item.no), item.csf, text] : [null, null, text];
        tableRow(values, false, sizeBy);
      });
      if (item.rows.length > 1) {
        ws.mergeCells(first, 1, r - 1, 1);
        ws.mergeCells(first, 2, r - 1, 2);
      }
    }
  });

  print(ws, "portrait");
}

function writeUraianSheet(wb: ExcelJS.Workbook, seed: Seed): void {
  const ws = wb.addWorksheet(SHEET_URAIAN);
  const widths = [32, 44, 40, 34, 24];
  ws.columns = widths.map((width) => ({ width }));
  const wAll = widths.reduce((a, b) => a + b, 0);
  let r = 1;

  const paragraph = (text: string, bold = false): void => {
    ws.mergeCells(r, 1, r, 5);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.alignment = { ...WRAP_TOP, horizontal: "justify" };
    if (bold) cell.font = { name: FONT, size: 11, bold: true };
    fitRow(ws.getRow(r), [[text, wAll]]);
    r++;
  };
  const tableRow = (values: string[], header: boolean): void => {
    const row = ws.getRow(r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      styleTableCell(cell, header);
    });
    fitRow(
      row,
      values.map((v, c) => [v, widths[c] ?? 10])
    );
    r++;
  };

  seed.sections.forEach((section, n) => {
    if (n > 0) r++;
    paragraph(section.heading, true);
    paragraph("Penjelasan", true);
    for (const p of section.explanation) paragraph(p);
    if (section.problems !== null) paragraph(section.problems);
    for (const p of section.indicatorLine) paragraph(p);
    for (const table of section.tables) {
      tableRow(table.header, true);
      for (const ind of table.rows) {
        tableRow([ind.name, ind.definition, ind.relevance, ind.formula, ind.dataSource], false);
      }
    }
    for (const p of section.closing) paragraph(p);
  });

  print(ws, "landscape");
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

function writeTargetSheet(wb: ExcelJS.Workbook, seed: Seed): void {
  const ws = wb.addWorksheet(SHEET_TARGET);
  const widths = [10, 62, 11, 11, 16, 13, 12];
  ws.columns = widths.map((width) => ({ width }));
  const wAll = widths.reduce((a, b) => a + b, 0);

  [TARGET_TITLE, TARGET_NOTE].forEach((text, k) => {
    ws.mergeCells(k + 1, 1, k + 1, widths.length);
    const cell = ws.getCell(k + 1, 1);
    cell.value = text;
    cell.font =
      k === 0
        ? { name: FONT, bold: true, size: 12 }
        : { name: FONT, bold: true, italic: true, color: { argb: "FFC00000" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    fitRow(ws.getRow(k + 1), [[text, wAll]]);
  });
  const headerRow = 4;
  TARGET_HEADER.forEach((h, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    cell.value = h;
    styleTableCell(cell, true);
  });
  ws.getRow(headerRow).height = 20;

  let r = headerRow + 1;
  let n = 0;
  let multi = 0;
  seed.sections.forEach((section, s) => {
    const first = r;
    section.indicators.forEach((ind, k) => {
      const m = measureOf(ind, n++);
      const row = ws.getRow(r);
      const values: Array<string | number | null> = [
        k === 0 ? kodeOf(section, s) : null,
        ind.name,
        m.unit,
        m.target,
        m.actual,
        null,
        m.polarity,
      ];
      values.forEach((v, c) => {
        const cell = row.getCell(c + 1);
        if (v !== null) cell.value = v;
        styleTableCell(cell);
        if (c >= 2) cell.alignment = { ...WRAP_TOP, horizontal: "center" };
      });
      fitRow(row, [[ind.name, widths[1] ?? 10]]);
      r++;
    });
    // Both shapes staff use for a condition with several indicators: Kode merged, or blank below.
    if (section.indicators.length > 1 && multi++ % 2 === 0) ws.mergeCells(first, 1, r - 1, 1);
  });

  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow }];
  print(ws, "portrait");
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

/**
 * Builds the sample workbook from the seed text.
 * @param seedText the content of examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt
 */
export function buildSampleWorkbook(seedText: string): ExcelJS.Workbook {
  const seed = parseSeed(seedText);
  const wb = new ExcelJS.Workbook();
  wb.creator = "pokin-csf";
  wb.lastModifiedBy = "pokin-csf";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  writeCsfSheet(wb, seed);
  writeUraianSheet(wb, seed);
  writeTargetSheet(wb, seed);
  return wb;
}

/** Writes the sample: `generate-sample [out.xlsx] [seed.txt]`, defaults relative to the working directory. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<string> {
  const out = path.resolve(argv[0] ?? SAMPLE_PATH);
  const seedText = fs.readFileSync(path.resolve(argv[1] ?? SEED_PATH), "utf8");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await buildSampleWorkbook(seedText).xlsx.writeFile(out);
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
