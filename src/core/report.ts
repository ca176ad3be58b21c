/**
 * The "Hasil Pemeriksaan" sheet (findings written into the checked workbook) and the laporan
 * workbook of `pokin periksa --laporan` (one row per workbook, one row per finding).
 *
 * Every generated sheet has its marker in A1 (row 0); its table starts below it, so filters,
 * frozen panes and print titles never include the marker.
 */
import type { CellValue, WorkbookGrids } from "./grid";
import { a1, parseCellRef } from "./address";
import type { CsfModel } from "./model";
import { allIndicators } from "./model";
import type { Finding, Severity } from "./findings";
import { countBySeverity, sortFindings } from "./findings";
import type { CellStyle, GeneratedKind, SheetPlan, WritePlan } from "./plan";
import { emptySheetPlan, markerText, resolveSheetName } from "./plan";
import { t, type Lang, type MessageKey } from "./messages";

/** Colours of the severity cells: the same reds, yellows and blues as Excel's built-in styles. */
export const SEVERITY_STYLE: Record<Severity, { fill: string; fontColor: string }> = {
  error: { fill: "#FFC7CE", fontColor: "#9C0006" },
  warning: { fill: "#FFEB9C", fontColor: "#7F6000" },
  info: { fill: "#DDEBF7", fontColor: "#1F4E78" },
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: "#1F4E78",
  fontColor: "#FFFFFF",
  vAlign: "middle",
  wrap: true,
  border: { bottom: { style: "thin" } },
};

const thin = { style: "thin" as const, color: "#BFBFBF" };

function severityLabel(s: Severity, lang: Lang): string {
  return t(`common.severity.${s}` as MessageKey, {}, lang);
}

/** "Sheet!B7" for display: Excel would swallow the leading quote of "'Sheet'!B7" as a text prefix. */
function displayRef(cell: string): string {
  const p = parseCellRef(cell);
  if (!p) return cell;
  return p.sheet === null ? a1(p.row, p.col) : `${p.sheet}!${a1(p.row, p.col)}`;
}

/** Write a table (header row + body rows) at `top` and give it widths that fit its text. */
function writeTable(
  plan: SheetPlan,
  top: number,
  header: string[],
  rows: CellValue[][],
  widths: { min: number; max: number }[]
): void {
  header.forEach((h, col) => plan.cells.push({ row: top, col, value: h }));
  rows.forEach((r, i) =>
    r.forEach((value, col) => {
      if (value !== null && value !== "") plan.cells.push({ row: top + 1 + i, col, value });
    })
  );
  const right = header.length - 1;
  const bottom = top + Math.max(rows.length, 1);
  plan.formats.push({ range: { top, left: 0, bottom: top, right }, style: HEADER_STYLE });
  plan.formats.push({
    range: { top: top + 1, left: 0, bottom, right },
    style: {
      vAlign: "top",
      border: { top: thin, bottom: thin, left: thin, right: thin },
      innerBorder: thin,
    },
  });
  header.forEach((h, col) => {
    const longest = Math.max(h.length, ...rows.map((r) => String(r[col] ?? "").length));
    const w = widths[col] ?? { min: 8, max: 40 };
    plan.columnWidths.push({ col, width: Math.min(w.max, Math.max(w.min, longest + 2)) });
  });
  plan.freeze = { rows: top + 1, cols: 0 };
  plan.autoFilter = { top, left: 0, bottom, right };
}

/** Colour the severity column by runs of equal severity (rows are sorted by severity). */
function colourSeverities(
  plan: SheetPlan,
  firstRow: number,
  col: number,
  severities: Severity[]
): void {
  let start = 0;
  for (let i = 1; i <= severities.length; i++) {
    const s = severities[start];
    if (s === undefined) return;
    if (i === severities.length || severities[i] !== s) {
      plan.formats.push({
        range: { top: firstRow + start, left: col, bottom: firstRow + i - 1, right: col },
        style: { ...SEVERITY_STYLE[s], bold: true },
      });
      start = i;
    }
  }
}

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/**
 * A row height that shows all of a wrapped text in a column `width` characters wide. Hosts do not
 * autofit rows (ExcelJS cannot, and Excel does not on opening a file), so the plan says it.
 */
export function wrappedRowHeight(text: string, width: number): number {
  // A column of width w holds about 1.1·w characters of ordinary text.
  const perLine = Math.max(1, Math.floor(width * 1.1));
  const lines = text
    .split("\n")
    .reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
  return Math.max(1, lines) * LINE_HEIGHT;
}

/** Give each body row the height its wrapped message needs (only rows of more than one line). */
function fitRowHeights(plan: SheetPlan, firstRow: number, messages: string[], col: number): void {
  const width = plan.columnWidths.find((w) => w.col === col)?.width ?? 80;
  messages.forEach((m, i) => {
    const height = wrappedRowHeight(m, width);
    if (height > LINE_HEIGHT) plan.rowHeights.push({ row: firstRow + i, height });
  });
}

function markSheet(plan: SheetPlan, kind: GeneratedKind, lang: Lang): void {
  plan.cells.push({ row: 0, col: 0, value: markerText(kind, lang) });
  plan.formats.push({
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    style: { italic: true, fontSize: 8, fontColor: "#808080" },
  });
}

/**
 * The "Hasil Pemeriksaan" sheet: marker (A1), title, a summary line (workbook, outcome, counts per
 * severity), then one row per finding sorted by severity — No | Tingkat | Aturan | Kode | Sel |
 * Pesan — whose Sel is a hyperlink to the offending cell when that sheet exists. Frozen header,
 * autofilter, wrapped messages, A4 landscape fitted to one page wide with the header repeated.
 * The name is resolved so a user's own sheet called "Hasil Pemeriksaan" is never touched.
 */
export function planFindingsSheet(
  findings: readonly Finding[],
  model: CsfModel,
  wb: WorkbookGrids,
  lang: Lang
): SheetPlan {
  const name = resolveSheetName(t("report.hasil.sheetName", {}, lang), wb, "hasil");
  const plan = emptySheetPlan(name, "create", "hasil");
  markSheet(plan, "hasil", lang);

  const counts = countBySeverity(findings);
  plan.cells.push({ row: 1, col: 0, value: t("report.hasil.title", {}, lang) });
  plan.cells.push({
    row: 2,
    col: 0,
    value: t(
      "report.hasil.summary",
      {
        workbook: model.file ?? wb.name ?? t("report.noWorkbook", {}, lang),
        outcome: model.outcome ?? t("report.noOutcome", {}, lang),
        errors: counts.error,
        warnings: counts.warning,
        info: counts.info,
      },
      lang
    ),
  });
  plan.formats.push({
    range: { top: 1, left: 0, bottom: 1, right: 5 },
    style: { bold: true, fontSize: 14 },
  });
  plan.merges.push(
    { top: 1, left: 0, bottom: 1, right: 5 },
    { top: 2, left: 0, bottom: 2, right: 5 }
  );
  plan.formats.push({
    range: { top: 2, left: 0, bottom: 2, right: 5 },
    style: { wrap: true, vAlign: "top" },
  });
  plan.rowHeights.push({ row: 2, height: 30 });

  const headerRow = 4;
  const sorted = sortFindings(findings);
  const sheetNames = new Set(wb.sheets.map((s) => s.name));
  const rows: CellValue[][] = sorted.map((f, i) => [
    i + 1,
    severityLabel(f.severity, lang),
    f.rule,
    f.code ?? "",
    f.cell ? displayRef(f.cell) : "",
    f.message,
  ]);
  if (rows.length === 0) rows.push(["", t("report.none", {}, lang), "", "", "", ""]);
  writeTable(
    plan,
    headerRow,
    ["no", "severity", "rule", "code", "cell", "message"].map((c) =>
      t(`report.col.${c}` as MessageKey, {}, lang)
    ),
    rows,
    [
      { min: 5, max: 6 },
      { min: 11, max: 14 },
      { min: 12, max: 26 },
      { min: 8, max: 12 },
      { min: 10, max: 30 },
      { min: 80, max: 80 },
    ]
  );
  const firstBody = headerRow + 1;
  const bottom = headerRow + rows.length;
  plan.formats.push({
    range: { top: firstBody, left: 5, bottom, right: 5 },
    style: { wrap: true },
  });
  plan.formats.push({
    range: { top: firstBody, left: 0, bottom, right: 0 },
    style: { hAlign: "center" },
  });
  colourSeverities(
    plan,
    firstBody,
    1,
    sorted.map((f) => f.severity)
  );
  fitRowHeights(
    plan,
    firstBody,
    sorted.map((f) => f.message),
    5
  );
  sorted.forEach((f, i) => {
    const ref = f.cell ? parseCellRef(f.cell) : null;
    if (!f.cell || !ref || ref.sheet === null || !sheetNames.has(ref.sheet)) return;
    const text = displayRef(f.cell);
    plan.hyperlinks.push({
      row: firstBody + i,
      col: 4,
      target: f.cell,
      text,
      tip: t("report.linkTip", { cell: text }, lang),
    });
  });
  plan.print = {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows: { first: headerRow, last: headerRow },
    footerCenter: t("report.footer", {}, lang),
  };
  if (counts.error > 0) plan.tabColor = SEVERITY_STYLE.error.fontColor;
  return plan;
}

/** What the laporan needs of one checked workbook. */
export interface WorkbookResult {
  file: string;
  model: CsfModel;
  findings: Finding[];
}

/** A workbook of the batch that could not be read (corrupt, too large, …): the one-line reason. */
export interface UnreadableWorkbook {
  file: string;
  error: string;
}

/** True for a workbook that could not be read. */
export function isUnreadable(r: WorkbookResult | UnreadableWorkbook): r is UnreadableWorkbook {
  return "error" in r;
}

/** Row of the laporan tables' header: below the marker (row 0) and a blank row. */
const LAPORAN_HEADER_ROW = 2;

/**
 * The summary workbook of `pokin periksa --laporan`: sheet "Ringkasan" with one row per workbook
 * (file, outcome, status, conditions, indicators, errors, warnings, info) and sheet "Temuan" with
 * one row per finding (workbook, sheet, cell, code, rule, severity, message) sorted by severity,
 * then workbook, then the order `sortFindings` gives within a workbook. Both have the marker in
 * A1 and their table from row 3, filters on, frozen header and widths that fit their text.
 * A workbook that could not be read has its row in "Ringkasan": the reason where the outcome
 * goes, its status in red.
 */
export function planLaporan(
  results: readonly (WorkbookResult | UnreadableWorkbook)[],
  lang: Lang
): WritePlan {
  const col = (c: string): string => t(`report.col.${c}` as MessageKey, {}, lang);

  const summary = emptySheetPlan(t("report.laporan.summarySheet", {}, lang), "create", "laporan");
  markSheet(summary, "laporan", lang);
  const summaryRows: CellValue[][] = results.map((r) => {
    if (isUnreadable(r))
      return [
        r.file,
        r.error,
        t("report.status.unreadable", {}, lang),
        null,
        null,
        null,
        null,
        null,
      ];
    const c = countBySeverity(r.findings);
    return [
      r.file,
      r.model.outcome ?? t("report.noOutcome", {}, lang),
      t(c.error > 0 ? "report.status.errors" : "report.status.clean", {}, lang),
      r.model.nodes.length,
      allIndicators(r.model).length + r.model.orphans.length,
      c.error,
      c.warning,
      c.info,
    ];
  });
  writeTable(
    summary,
    LAPORAN_HEADER_ROW,
    ["workbook", "outcome", "status", "conditions", "indicators", "errors", "warnings", "info"].map(
      col
    ),
    summaryRows,
    [
      { min: 16, max: 50 },
      { min: 16, max: 60 },
      { min: 12, max: 18 },
      { min: 9, max: 12 },
      { min: 9, max: 12 },
      { min: 9, max: 12 },
      { min: 9, max: 12 },
      { min: 7, max: 10 },
    ]
  );
  summary.formats.push({
    range: {
      top: LAPORAN_HEADER_ROW + 1,
      left: 1,
      bottom: LAPORAN_HEADER_ROW + Math.max(results.length, 1),
      right: 1,
    },
    style: { wrap: true },
  });
  results.forEach((r, i) => {
    if (isUnreadable(r) || countBySeverity(r.findings).error > 0)
      summary.formats.push({
        range: {
          top: LAPORAN_HEADER_ROW + 1 + i,
          left: 2,
          bottom: LAPORAN_HEADER_ROW + 1 + i,
          right: 2,
        },
        style: SEVERITY_STYLE.error,
      });
  });

  const detail = emptySheetPlan(t("report.laporan.findingsSheet", {}, lang), "create", "laporan");
  markSheet(detail, "laporan", lang);
  const all = results.flatMap((r, w) =>
    isUnreadable(r) ? [] : sortFindings(r.findings).map((f, i) => ({ f, w, i, file: r.file }))
  );
  all.sort(
    (a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.w - b.w || a.i - b.i
  );
  const detailRows: CellValue[][] = all.map(({ f, file }) => {
    const ref = f.cell ? parseCellRef(f.cell) : null;
    return [
      file,
      f.sheet ?? ref?.sheet ?? "",
      ref ? a1(ref.row, ref.col) : "",
      f.code ?? "",
      f.rule,
      severityLabel(f.severity, lang),
      f.message,
    ];
  });
  writeTable(
    detail,
    LAPORAN_HEADER_ROW,
    ["workbook", "sheet", "cell", "code", "rule", "severity", "message"].map(col),
    detailRows,
    [
      { min: 16, max: 40 },
      { min: 10, max: 24 },
      { min: 6, max: 8 },
      { min: 8, max: 12 },
      { min: 12, max: 26 },
      { min: 11, max: 14 },
      { min: 80, max: 80 },
    ]
  );
  detail.formats.push({
    range: {
      top: LAPORAN_HEADER_ROW + 1,
      left: 6,
      bottom: LAPORAN_HEADER_ROW + Math.max(all.length, 1),
      right: 6,
    },
    style: { wrap: true },
  });
  colourSeverities(
    detail,
    LAPORAN_HEADER_ROW + 1,
    5,
    all.map((x) => x.f.severity)
  );
  fitRowHeights(
    detail,
    LAPORAN_HEADER_ROW + 1,
    all.map((x) => x.f.message),
    6
  );

  for (const sheet of [summary, detail]) {
    sheet.print = {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { first: LAPORAN_HEADER_ROW, last: LAPORAN_HEADER_ROW },
      footerCenter: t("report.footer", {}, lang),
    };
  }
  return { sheets: [summary, detail], activate: summary.sheet };
}
