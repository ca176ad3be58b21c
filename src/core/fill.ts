/**
 * The fill: live capaian (and ratio realisasi) formulas written into the user's own sheets.
 *
 * The formulas come from the capaian module (`capaianFormula`, `ratioFormula`), which also
 * computes the check's capaian: what the sheet shows is what `periksa` reports. A cell holding a
 * number typed as text is read with the module's text reading; it is also reported
 * (`invalid-number`), since the text is worth retyping as a number.
 *
 * Polarity: when the table has a Polaritas column, the formula tests that cell's text live, so
 * changing "naik" to "turun" changes the capaian. When the model's polarity disagrees with what the
 * cell's current text would give (the reader knows a word or spelling the formula does not), or
 * there is no Polaritas column, the formula is fixed to the model's polarity.
 *
 * The add-in recognises its own formulas (`isOwnCapaianFormula`, `isOwnRatioFormula`, those of
 * earlier versions included); anything else in a Capaian cell is the user's and is left alone
 * unless `replaceOverrides`. Capaian cells show "–" in grey when there is no capaian.
 */
import { maxOf } from "./extent";
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "./grid";
import { cellAt, formulaAt, isBlank } from "./grid";
import { a1, cellRef } from "./address";
import type { CsfModel, Indicator, MeasureRow, Polarity } from "./model";
import { allIndicators } from "./model";
import type { Finding, RuleId, Severity } from "./findings";
import type { BandRule, SheetPlan } from "./plan";
import { emptySheetPlan } from "./plan";
import type { Band, Settings } from "./settings";
import { t, type Lang, type MessageKey } from "./messages";
import {
  capaianFormula,
  cellRead,
  type CellRead,
  isOwnCapaianFormula,
  isOwnRatioFormula,
  isPercentageIndicator,
  polarityInFormula,
  ratioFormula,
  sheetNumber,
} from "./capaian";

export interface FillOptions {
  /** Replace typed capaian values (those reported as manual-override) with the formula. */
  replaceOverrides?: boolean;
}

/** Tolerance when comparing a typed capaian with the computed one. */
const TOLERANCE = 0.01;

/**
 * Font colour of the capaian cells: the "–" of a missing capaian (set right, where its number
 * would be); the bands colour the numbers.
 */
export const NO_CAPAIAN_COLOR = "#808080";

/**
 * Upper bound of the highest band. Excel's cell-value rules compare text as greater than any
 * number, so an open "≥ 91" rule would colour the "–" of an uncomputable capaian as the best band;
 * a finite bound no capaian reaches keeps those cells plain.
 */
export const TOP_BAND_MAX = 1e15;

/** The band list as conditional-format rules: each band from its min up to the next band's min. */
export function bandRules(bands: readonly Band[]): BandRule[] {
  const rules: BandRule[] = [];
  let upper: number | undefined = TOP_BAND_MAX;
  for (const b of bands) {
    const rule: BandRule = { fill: b.fill, fontColor: b.fontColor };
    if (b.min !== null) rule.min = b.min;
    if (upper !== undefined) rule.max = upper;
    rules.push(rule);
    upper = b.min ?? undefined;
  }
  return rules;
}

/** Consecutive rows grouped into runs (sorted, unique). */
function rowRuns(rows: readonly number[]): { first: number; last: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: { first: number; last: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last === r - 1) last.last = r;
    else runs.push({ first: r, last: r });
  }
  return runs;
}

/** The merge that covers (row, col) without starting there, if any. */
function coveredByMerge(sheet: SheetGrid, row: number, col: number): CellRange | null {
  for (const m of sheet.merges ?? []) {
    const inside = row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;
    if (inside && !(row === m.top && col === m.left)) return m;
  }
  return null;
}

/** A cell that holds nothing at all: no value and no formula. */
function isEmptyCell(sheet: SheetGrid, row: number, col: number): boolean {
  return isBlank(cellAt(sheet, row, col)) && formulaAt(sheet, row, col) === null;
}

function formatNumber(v: number | null, lang: Lang): string {
  if (v === null) return "-";
  const s = String(Math.round(v * 100) / 100);
  return lang === "id" ? s.replace(".", ",") : s;
}

/** Collects the writes and findings for one sheet. */
class SheetWork {
  readonly plan: SheetPlan;
  readonly capaianCells: { row: number; col: number }[] = [];
  readonly ratioCells: { row: number; col: number }[] = [];

  constructor(readonly grid: SheetGrid) {
    this.plan = emptySheetPlan(grid.name, "update");
    this.plan.expect = [];
  }

  write(row: number, col: number, content: { formula: string } | { value: CellValue }): void {
    this.plan.cells.push({ row, col, ...content });
    this.plan.expect?.push({
      row,
      col,
      value: cellAt(this.grid, row, col),
      formula: formulaAt(this.grid, row, col),
    });
  }
}

interface Context {
  lang: Lang;
  replace: boolean;
  findings: Finding[];
}

function finding(
  ctx: Context,
  rule: RuleId,
  severity: Severity,
  sheet: string,
  row: number,
  col: number,
  code: string | null,
  key: MessageKey,
  params: Record<string, string | number>
): void {
  const cell = cellRef(sheet, row, col);
  const all = { cell, ...params };
  ctx.findings.push({
    rule,
    severity,
    sheet,
    cell,
    code,
    message: t(key, all, ctx.lang),
    params: all,
  });
}

/** The number a typed capaian cell reads as, or null for text that is not a number. */
function typedNumber(ind: Indicator, raw: CellValue, row: number, col: number): number | null {
  if (typeof raw === "number") return raw;
  const nc = ind.values.achievement;
  if (nc && nc.row === row && nc.col === col) return nc.value;
  return null;
}

/** True when a typed capaian agrees with the computed one (also when typed as a fraction with a % format). */
function agrees(typed: number, computed: number | null): boolean {
  if (computed === null) return false;
  return Math.abs(typed - computed) <= TOLERANCE || Math.abs(typed * 100 - computed) <= TOLERANCE;
}

/**
 * Numbers typed as text ("85,5" pasted as text): the reader understands them and the formula
 * reads the usual shapes, but a number typed as a number is what Excel sorts, sums and charts.
 * Say so at the cell, so the user retypes it.
 */
function reportTextNumbers(
  ctx: Context,
  work: SheetWork,
  ind: Indicator,
  m: MeasureRow,
  fields: readonly ("target" | "actual" | "numerator" | "denominator")[]
): void {
  for (const field of fields) {
    const col = m.columns[field];
    if (col === undefined) continue;
    const raw = cellAt(work.grid, m.row, col);
    const nc = ind.values[field];
    if (typeof raw !== "string" || isBlank(raw) || !nc || nc.row !== m.row || nc.col !== col)
      continue;
    if (!nc.readable || nc.value === null || formulaAt(work.grid, m.row, col) !== null) continue;
    const field_ = t(`capaian.field.${field}`, {}, ctx.lang);
    // Read by the formula, the text is still worth retyping; unread, it leaves the capaian "–".
    const key = sheetNumber(raw) !== null ? "capaian.textNumber" : "capaian.textNumberUnread";
    finding(ctx, "invalid-number", "warning", work.grid.name, m.row, col, ind.conditionCode, key, {
      field: field_,
      raw: raw.trim(),
    });
  }
}

/**
 * How the formula reads a number cell of the row: as the reader read it (text, or a number shown
 * as a percent) when the reader read this very cell, else from the grid.
 */
function readOf(
  grid: SheetGrid,
  ind: Indicator,
  m: MeasureRow,
  field: "target" | "actual" | "numerator" | "denominator",
  col: number
): CellRead {
  const cell = ind.values[field];
  const here = cell && cell.sheet === m.sheet && cell.row === m.row && cell.col === col;
  return cellRead(a1(m.row, col), here ? cell : { raw: cellAt(grid, m.row, col) });
}

/** Plan the ratio realisasi of one row, when the row has Pembilang and Penyebut columns. */
function planRatio(ctx: Context, work: SheetWork, ind: Indicator, m: MeasureRow): void {
  const { numerator, denominator, actual } = m.columns;
  if (numerator === undefined || denominator === undefined || actual === undefined) return;
  if (!isPercentageIndicator(ind.name)) return;
  const n = a1(m.row, numerator);
  const d = a1(m.row, denominator);
  const existing = formulaAt(work.grid, m.row, actual);
  // A typed realisasi (or a formula of the user's) is the user's figure: keep it.
  if (!isOwnRatioFormula(existing, n, d) && !isEmptyCell(work.grid, m.row, actual)) return;
  if (coveredByMerge(work.grid, m.row, actual)) return;
  const formula = ratioFormula(
    readOf(work.grid, ind, m, "numerator", numerator),
    readOf(work.grid, ind, m, "denominator", denominator)
  );
  work.write(m.row, actual, { formula });
  reportTextNumbers(ctx, work, ind, m, ["numerator", "denominator"]);
  work.ratioCells.push({ row: m.row, col: actual });
}

/** The rule of a row's formula: the Polaritas cell live when the formula reads it as the model does. */
function polarityRule(grid: SheetGrid, ind: Indicator, m: MeasureRow): Polarity | { cell: string } {
  const col = m.columns.polarity;
  if (col === undefined) return ind.polarity;
  const live = polarityInFormula(cellAt(grid, m.row, col)) === ind.polarity;
  return live ? { cell: a1(m.row, col) } : ind.polarity;
}

/** Plan the capaian of one row into column `col`. */
function planCapaian(
  ctx: Context,
  work: SheetWork,
  ind: Indicator,
  m: MeasureRow,
  col: number,
  added: boolean
): void {
  const { target, actual, polarity } = m.columns;
  if (target === undefined || actual === undefined) return;
  const tRef = a1(m.row, target);
  const rRef = a1(m.row, actual);
  const sheetName = work.grid.name;

  if (coveredByMerge(work.grid, m.row, col)) {
    finding(
      ctx,
      "fill-blocked",
      "warning",
      sheetName,
      m.row,
      col,
      ind.conditionCode,
      "capaian.fillBlocked.merged",
      {}
    );
    return;
  }

  const formula = capaianFormula(
    readOf(work.grid, ind, m, "target", target),
    readOf(work.grid, ind, m, "actual", actual),
    polarityRule(work.grid, ind, m)
  );

  if (!added) {
    const existing = formulaAt(work.grid, m.row, col);
    const raw = cellAt(work.grid, m.row, col);
    const polarityRef = polarity !== undefined ? a1(m.row, polarity) : null;
    const ours = isOwnCapaianFormula(existing, tRef, rRef, polarityRef);
    const empty = existing === null && isBlank(raw);
    if (!ours && !empty && !ctx.replace) {
      const typed = typedNumber(ind, raw, m.row, col);
      const computed = ind.achievement;
      const placeholder = typed === null && computed === null && existing === null;
      if (!placeholder && !(typed !== null && agrees(typed, computed))) {
        finding(
          ctx,
          "manual-override",
          "warning",
          sheetName,
          m.row,
          col,
          ind.conditionCode,
          "capaian.manualOverride",
          {
            typed: existing ?? (typed !== null ? formatNumber(typed, ctx.lang) : String(raw)),
            computed: formatNumber(computed, ctx.lang),
          }
        );
      }
      return;
    }
  }
  work.write(m.row, col, { formula });
  work.capaianCells.push({ row: m.row, col });
  // A realisasi the fill itself computes from Pembilang/Penyebut is a formula, never text.
  reportTextNumbers(ctx, work, ind, m, ["target", "actual"]);
}

/**
 * The fill plan: for every indicator measured in a Target/Realisasi table, a live capaian formula
 * in its Capaian cell (a Capaian column is added at the table's right edge when the table has
 * none and those cells are empty), and for Persentase indicators with Pembilang/Penyebut columns a
 * live realisasi formula where the Realisasi cell is empty or already the add-in's. Typed values
 * are never overwritten: a differing one is reported as `manual-override` unless
 * `opts.replaceOverrides`. One "update" SheetPlan per sheet touched, with `expect` entries for
 * every written cell; findings are `manual-override`, `fill-blocked` and `sheet-protected`.
 */
export function planFill(
  model: CsfModel,
  wb: WorkbookGrids,
  settings: Settings,
  opts: FillOptions = {}
): { sheets: SheetPlan[]; findings: Finding[] } {
  const ctx: Context = {
    lang: settings.lang,
    replace: opts.replaceOverrides === true,
    findings: [],
  };
  const works = new Map<string, SheetWork>();
  const protectedReported = new Set<string>();
  for (const table of measuredTables(model)) {
    const grid = wb.sheets.find((s) => s.name === table.sheet);
    const first = table.rows[0];
    if (!grid || !first) continue;
    if (grid.protected) {
      if (!protectedReported.has(grid.name)) {
        protectedReported.add(grid.name);
        const params = { sheet: grid.name };
        const { headerRow } = first.m;
        finding(
          ctx,
          "sheet-protected",
          "error",
          grid.name,
          headerRow,
          0,
          null,
          "capaian.sheetProtected",
          params
        );
      }
      continue;
    }
    const work = works.get(grid.name) ?? new SheetWork(grid);
    works.set(grid.name, work);
    const place = capaianColumn(ctx, grid, work, table);
    if (place === null) continue;
    for (const { ind, m } of table.rows) {
      planRatio(ctx, work, ind, m);
      planCapaian(ctx, work, ind, m, place.col, place.added);
    }
  }
  const rules = bandRules(settings.bands);
  const sheets: SheetPlan[] = [];
  for (const work of works.values()) {
    if (work.plan.cells.length === 0) continue;
    formatFilledColumns(work, rules);
    sheets.push(work.plan);
  }
  return { sheets, findings: ctx.findings };
}

/** A Target/Realisasi table (sheet and header row) and its measured rows, one indicator a row. */
interface MeasuredTable {
  sheet: string;
  rows: { ind: Indicator; m: MeasureRow }[];
}

/** The measured indicators grouped by table, attached ones first, then the orphans. */
function measuredTables(model: CsfModel): MeasuredTable[] {
  const tables = new Map<string, MeasuredTable>();
  const seenRows = new Set<string>();
  const indicators = [...allIndicators(model), ...model.orphans.map((o) => o.indicator)];
  for (const ind of indicators) {
    const m = ind.measure;
    if (!m) continue;
    const rowKey = `${m.sheet}|${m.row}`;
    if (seenRows.has(rowKey)) continue;
    seenRows.add(rowKey);
    const key = `${m.sheet}|${m.headerRow}`;
    const table = tables.get(key) ?? { sheet: m.sheet, rows: [] };
    table.rows.push({ ind, m });
    tables.set(key, table);
  }
  return [...tables.values()];
}

/**
 * The table's Capaian column: its own, else one added at the table's right edge (header written)
 * when every cell of it is empty; null, with a fill-blocked finding, when something is in the way.
 */
function capaianColumn(
  ctx: Context,
  grid: SheetGrid,
  work: SheetWork,
  table: MeasuredTable
): { col: number; added: boolean } | null {
  const existing = table.rows.find((r) => r.m.columns.achievement !== undefined);
  const own = existing?.m.columns.achievement;
  if (own !== undefined) return { col: own, added: false };
  const headerRow = table.rows[0]?.m.headerRow ?? 0;
  const col = maxOf(table.rows.map((r) => r.m.lastCol)) + 1;
  const lastRow = maxOf(table.rows.map((r) => r.m.row));
  for (let r = headerRow; r <= lastRow; r++) {
    if (isEmptyCell(grid, r, col) && !coveredByMerge(grid, r, col)) continue;
    const params = { sheet: grid.name, header: t("capaian.header", {}, ctx.lang) };
    finding(
      ctx,
      "fill-blocked",
      "warning",
      grid.name,
      r,
      col,
      null,
      "capaian.fillBlocked.column",
      params
    );
    return null;
  }
  work.write(headerRow, col, { value: t("capaian.header", {}, ctx.lang) });
  work.plan.formats.push({
    range: { top: headerRow, left: col, bottom: headerRow, right: col },
    style: { bold: true, wrap: true, hAlign: "center", vAlign: "middle" },
  });
  work.plan.columnWidths.push({ col, width: 12 });
  return { col, added: true };
}

/**
 * Number formats over each run of written rows: capaian cells right-aligned with the grey "–"
 * and the capaian bands, realisasi ratios as plain numbers.
 */
function formatFilledColumns(work: SheetWork, rules: BandRule[]): void {
  for (const { cells, banded } of [
    { cells: work.capaianCells, banded: true },
    { cells: work.ratioCells, banded: false },
  ]) {
    const byCol = new Map<number, number[]>();
    for (const c of cells) {
      const rows = byCol.get(c.col);
      if (rows) rows.push(c.row);
      else byCol.set(c.col, [c.row]);
    }
    for (const [col, rows] of byCol) {
      for (const run of rowRuns(rows)) {
        const range = { top: run.first, left: col, bottom: run.last, right: col };
        const style = banded
          ? { numberFormat: "0.00", fontColor: NO_CAPAIAN_COLOR, hAlign: "right" as const }
          : { numberFormat: "0.00" };
        work.plan.formats.push({ range, style });
        if (banded) work.plan.conditionalFormats.push({ range, bands: rules });
      }
    }
  }
}
