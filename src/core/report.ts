/**
 * The "Hasil Pemeriksaan" sheet (findings written into the checked workbook) and the laporan
 * workbook of `pokin periksa --laporan` (one row per workbook, one row per finding).
 *
 * Every generated sheet has its marker in A1 (row 0); its table starts below it, so filters,
 * frozen panes and print titles never include the marker.
 */
import { maxOf } from "./extent";
import type { CellValue, WorkbookGrids } from "./grid";
import { parseCellRef } from "./address";
import type { CsfModel } from "./model";
import { allIndicators } from "./model";
import type { Finding, RuleId, Severity } from "./findings";
import { countBySeverity, sortFindings } from "./findings";
import type { CellStyle, GeneratedKind, SheetPlan, WritePlan } from "./plan";
import { emptySheetPlan, markerText, resolveSheetName, withinExcelLimits } from "./plan";
import { t, type Lang, type MessageKey } from "./messages";
import { heightForLines, linesInColumns, type Font } from "./text-fit";

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

/** The rule's name in the user's language ("Kode tidak sesuai induk"); JSON keeps the id. */
export function ruleName(rule: RuleId, lang: Lang): string {
  return t(`rule.${rule}`, {}, lang);
}

/**
 * `text` with the spaces inside its quoted cell references ("'Uraian Kondisi'!A20") made
 * non-breaking, so a wrapped message never splits a reference over two lines.
 */
export function unbreakableRefs(text: string): string {
  return text.replace(/'(?:[^'!]|'')+'![A-Z]{1,3}\d+/g, (ref) => ref.replace(/ /g, "\u00A0"));
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
    const longest = maxOf(
      rows.map((r) => String(r[col] ?? "").length),
      h.length
    );
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

/** Font size of the tables' text (Excel's default). */
const FONT_SIZE = 11;
/** The workbook's own font the report is set in (Calibri 11 in a new workbook). */
const FONT: Font = { name: "Calibri", size: FONT_SIZE };

/**
 * Give each body row the height its tallest wrapped cell needs, among the wrapped columns
 * `cols`; one-line rows keep the default height. Hosts do not autofit rows (Excel does not on
 * opening a file), so the plan says it.
 */
function fitRowHeights(
  plan: SheetPlan,
  firstRow: number,
  rows: CellValue[][],
  cols: number[]
): void {
  const widths = new Map(plan.columnWidths.map((w) => [w.col, w.width]));
  rows.forEach((r, i) => {
    let lines = 1;
    for (const col of cols) {
      const text = r[col];
      if (typeof text !== "string" || text === "") continue;
      lines = Math.max(lines, linesInColumns(text, [widths.get(col) ?? 80], FONT));
    }
    if (lines > 1)
      plan.rowHeights.push({
        row: firstRow + i,
        height: heightForLines(lines, FONT_SIZE, "Calibri"),
      });
  });
}

function markSheet(plan: SheetPlan, kind: GeneratedKind, lang: Lang): void {
  plan.cells.push({ row: 0, col: 0, value: markerText(kind, lang) });
  plan.formats.push({
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    style: { italic: true, fontSize: 8, fontColor: "#808080" },
  });
}

/** Columns of the Hasil Pemeriksaan table; the rule id sits right of the print area. */
const FINDING_COLUMNS = ["no", "severity", "rule", "code", "cell", "message", "ruleId"] as const;
const RULE_COL = 2;
const CELL_COL = 4;
const MESSAGE_COL = 5;
const LAST_PRINTED_COL = MESSAGE_COL;
const FINDINGS_HEADER_ROW = 4;

/** Title (row 1) and the summary line (row 2): workbook, outcome, counts per severity. */
function findingsTitle(
  plan: SheetPlan,
  findings: readonly Finding[],
  model: CsfModel,
  wb: WorkbookGrids,
  lang: Lang
): void {
  const counts = countBySeverity(findings);
  const summary = t(
    "report.hasil.summary",
    {
      workbook: model.file ?? wb.name ?? t("report.noWorkbook", {}, lang),
      outcome: model.outcome ?? t("report.noOutcome", {}, lang),
      errors: counts.error,
      warnings: counts.warning,
      info: counts.info,
    },
    lang
  );
  plan.cells.push({ row: 1, col: 0, value: t("report.hasil.title", {}, lang) });
  plan.cells.push({ row: 2, col: 0, value: summary });
  const right = LAST_PRINTED_COL;
  plan.merges.push({ top: 1, left: 0, bottom: 1, right }, { top: 2, left: 0, bottom: 2, right });
  plan.formats.push(
    { range: { top: 1, left: 0, bottom: 1, right }, style: { bold: true, fontSize: 14 } },
    { range: { top: 2, left: 0, bottom: 2, right }, style: { wrap: true, vAlign: "top" } }
  );
  const lines = linesInColumns(summary, [6, 14, 26, 12, 24, 80], FONT);
  plan.rowHeights.push({ row: 2, height: heightForLines(lines, FONT_SIZE, "Calibri") });
}

/** One row per finding: its severity and rule by name, its code, its cell, its message. */
function findingRows(sorted: readonly Finding[], lang: Lang): CellValue[][] {
  if (sorted.length === 0) return [["", t("report.none", {}, lang), "", "", "", "", ""]];
  return sorted.map((f, i) => [
    i + 1,
    severityLabel(f.severity, lang),
    ruleName(f.rule, lang),
    f.code ?? "",
    f.cell ?? "",
    unbreakableRefs(f.message),
    f.rule,
  ]);
}

/** Each cell reference links to its cell, when that sheet is in the workbook. */
function linkCells(
  plan: SheetPlan,
  sorted: readonly Finding[],
  wb: WorkbookGrids,
  firstRow: number,
  lang: Lang
): void {
  const sheetNames = new Set(wb.sheets.map((s) => s.name));
  sorted.forEach((f, i) => {
    const ref = f.cell ? parseCellRef(f.cell) : null;
    if (!f.cell || !ref || ref.sheet === null || !sheetNames.has(ref.sheet)) return;
    plan.hyperlinks.push({
      row: firstRow + i,
      col: CELL_COL,
      target: f.cell,
      text: f.cell,
      tip: t("report.linkTip", { cell: f.cell }, lang),
    });
  });
}

/**
 * The "Hasil Pemeriksaan" sheet: marker (A1), title, a summary line (workbook, outcome, counts per
 * severity), then one row per finding sorted by severity — No | Tingkat | Aturan | Kode | Sel |
 * Pesan, the rule by its name, the cell written 'Sheet'!A1 as everywhere and linked to the
 * offending cell when that sheet exists — and the stable rule id in a last column outside the
 * print area. Frozen header, autofilter, wrapped messages, rows as tall as their text, A4
 * landscape one page wide with the header repeated; the marker is not printed.
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
  findingsTitle(plan, findings, model, wb, lang);

  const headerRow = FINDINGS_HEADER_ROW;
  const sorted = sortFindings(findings);
  const rows = findingRows(sorted, lang);
  writeTable(
    plan,
    headerRow,
    FINDING_COLUMNS.map((c) => t(`report.col.${c}`, {}, lang)),
    rows,
    [
      { min: 5, max: 6 },
      { min: 11, max: 14 },
      { min: 12, max: 26 },
      { min: 8, max: 12 },
      { min: 10, max: 24 },
      { min: 80, max: 80 },
      { min: 12, max: 26 },
    ]
  );
  const firstBody = headerRow + 1;
  const bottom = headerRow + rows.length;
  plan.formats.push(
    { range: { top: firstBody, left: RULE_COL, bottom, right: RULE_COL }, style: { wrap: true } },
    {
      range: { top: firstBody, left: MESSAGE_COL, bottom, right: MESSAGE_COL },
      style: { wrap: true },
    },
    { range: { top: firstBody, left: 0, bottom, right: 0 }, style: { hAlign: "center" } },
    // The id is for filters and tools, not for readers: small and grey.
    {
      range: { top: firstBody, left: MESSAGE_COL + 1, bottom, right: MESSAGE_COL + 1 },
      style: { fontSize: 8, fontColor: "#808080" },
    }
  );
  colourSeverities(
    plan,
    firstBody,
    1,
    sorted.map((f) => f.severity)
  );
  fitRowHeights(plan, firstBody, rows, [RULE_COL, MESSAGE_COL]);
  linkCells(plan, sorted, wb, firstBody, lang);
  plan.print = {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    area: { top: 1, left: 0, bottom, right: LAST_PRINTED_COL },
    titleRows: { first: headerRow, last: headerRow },
    footerCenter: t("report.footer", {}, lang),
  };
  if (countBySeverity(findings).error > 0) plan.tabColor = SEVERITY_STYLE.error.fontColor;
  return plan;
}

/** One sheet a job wrote, and what it holds, for the pane's result and the CLI's output. */
export interface WrittenSheet {
  sheet: string;
  /** "Pohon Kinerja: 44 kotak, 54 indikator" */
  text: string;
}

/**
 * What a plan writes, sheet by sheet, in the user's words: the tree's boxes and indicators, the
 * kertas kerja's sections, the findings listed, the capaian formulas filled.
 */
export function describeWrite(
  plan: WritePlan,
  model: CsfModel,
  findings: readonly Finding[],
  lang: Lang
): WrittenSheet[] {
  const indicators = allIndicators(model).length;
  const conditions = model.nodes.length;
  return plan.sheets.map((sp) => {
    const sheet = sp.sheet;
    switch (sp.kind) {
      case "pohon":
        return { sheet, text: t("report.written.tree", { sheet, conditions, indicators }, lang) };
      case "kertas-kerja":
        return {
          sheet,
          text: t("report.written.kertasKerja", { sheet, conditions, indicators }, lang),
        };
      case "hasil":
        return {
          sheet,
          text: t("report.written.findings", { sheet, count: findings.length }, lang),
        };
      case "laporan":
        return { sheet, text: sheet };
      case undefined: {
        const formulas = sp.cells.filter((c) => c.formula !== undefined && c.formula !== "").length;
        return { sheet, text: t("report.written.fill", { sheet, formulas }, lang) };
      }
    }
  });
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

type LaporanEntry = WorkbookResult | UnreadableWorkbook;

/** Row of the laporan tables' header: below the marker (row 0) and a blank row. */
const LAPORAN_HEADER_ROW = 2;

function laporanColumn(c: string, lang: Lang): string {
  return t(`report.col.${c}` as MessageKey, {}, lang);
}

/**
 * "Ringkasan": one row per workbook with its counts; the status cell red when it has errors. A
 * workbook that could not be read has the reason where the outcome goes, its status in red.
 */
function laporanSummary(results: readonly LaporanEntry[], lang: Lang): SheetPlan {
  const summary = emptySheetPlan(t("report.laporan.summarySheet", {}, lang), "create", "laporan");
  markSheet(summary, "laporan", lang);
  const rows: CellValue[][] = results.map((r) => {
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
      (c) => laporanColumn(c, lang)
    ),
    rows,
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
  const first = LAPORAN_HEADER_ROW + 1;
  summary.formats.push({
    range: {
      top: first,
      left: 1,
      bottom: LAPORAN_HEADER_ROW + Math.max(results.length, 1),
      right: 1,
    },
    style: { wrap: true },
  });
  fitRowHeights(summary, first, rows, [1]);
  results.forEach((r, i) => {
    if (isUnreadable(r) || countBySeverity(r.findings).error > 0)
      summary.formats.push({
        range: { top: first + i, left: 2, bottom: first + i, right: 2 },
        style: SEVERITY_STYLE.error,
      });
  });
  return summary;
}

/**
 * "Temuan": one row per finding across the workbooks — workbook, sheet, cell ('Sheet'!A1), code,
 * rule by name, severity, message — with the rule id in a last column outside the print area.
 */
function laporanFindings(results: readonly LaporanEntry[], lang: Lang): SheetPlan {
  const detail = emptySheetPlan(t("report.laporan.findingsSheet", {}, lang), "create", "laporan");
  markSheet(detail, "laporan", lang);
  const all = results.flatMap((r, w) =>
    isUnreadable(r) ? [] : sortFindings(r.findings).map((f, i) => ({ f, w, i, file: r.file }))
  );
  all.sort(
    (a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.w - b.w || a.i - b.i
  );
  const rows: CellValue[][] = all.map(({ f, file }) => [
    file,
    f.sheet ?? (f.cell ? parseCellRef(f.cell)?.sheet : null) ?? "",
    f.cell ?? "",
    f.code ?? "",
    ruleName(f.rule, lang),
    severityLabel(f.severity, lang),
    unbreakableRefs(f.message),
    f.rule,
  ]);
  writeTable(
    detail,
    LAPORAN_HEADER_ROW,
    ["workbook", "sheet", "cell", "code", "rule", "severity", "message", "ruleId"].map((c) =>
      laporanColumn(c, lang)
    ),
    rows,
    [
      { min: 16, max: 40 },
      { min: 10, max: 24 },
      { min: 10, max: 24 },
      { min: 8, max: 12 },
      { min: 12, max: 26 },
      { min: 11, max: 14 },
      { min: 80, max: 80 },
      { min: 12, max: 26 },
    ]
  );
  const first = LAPORAN_HEADER_ROW + 1;
  const bottom = LAPORAN_HEADER_ROW + Math.max(all.length, 1);
  for (const col of [4, 6])
    detail.formats.push({
      range: { top: first, left: col, bottom, right: col },
      style: { wrap: true },
    });
  detail.formats.push({
    range: { top: first, left: 7, bottom, right: 7 },
    style: { fontSize: 8, fontColor: "#808080" },
  });
  colourSeverities(
    detail,
    first,
    5,
    all.map((x) => x.f.severity)
  );
  fitRowHeights(detail, first, rows, [4, 6]);
  return detail;
}

/**
 * The summary workbook of `pokin periksa --laporan`: sheet "Ringkasan" with one row per workbook
 * (file, outcome, status, conditions, indicators, errors, warnings, info) and sheet "Temuan" with
 * one row per finding (workbook, sheet, cell, code, rule, severity, message, rule id) sorted by
 * severity, then workbook, then the order `sortFindings` gives within a workbook. Both have the
 * marker in A1 (not printed) and their table from row 3, filters on, frozen header and widths
 * that fit their text. A workbook that could not be read has its row in "Ringkasan" only.
 */
export function planLaporan(results: readonly LaporanEntry[], lang: Lang): WritePlan {
  const summary = laporanSummary(results, lang);
  const detail = laporanFindings(results, lang);
  const printed: [SheetPlan, number][] = [
    [summary, 7],
    [detail, 6],
  ];
  for (const [sheet, lastCol] of printed) {
    const bottom = maxOf(sheet.cells.map((c) => c.row));
    sheet.print = {
      paper: "A4",
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      area: { top: LAPORAN_HEADER_ROW, left: 0, bottom, right: lastCol },
      titleRows: { first: LAPORAN_HEADER_ROW, last: LAPORAN_HEADER_ROW },
      footerCenter: t("report.footer", {}, lang),
    };
  }
  return withinExcelLimits({ sheets: [summary, detail], activate: summary.sheet });
}
