/**
 * What each box of the tree shows, made from the model before anything is placed: the code, the
 * name and every indicator (name, target, realisasi, capaian) as live formulas with today's
 * values, the level's colours and the number of errors; and how tall its parts are at a width.
 */
import { parseCellRef } from "../address";
import type { CellValue } from "../grid";
import type { ConditionNode, CsfModel, Indicator, Level, SourceRef } from "../model";
import type { Finding } from "../findings";
import { t, type Lang } from "../messages";
import {
  CELL_PADDING,
  columnPoints,
  textWidth,
  wrappedLines,
  type Font,
  type FontName,
} from "../text-fit";
import { NO_CAPAIAN, computeCapaian, sheetNumber } from "../capaian";
import { ROW_UNIT } from "./layout";
import { linkedText, type LinkedText, type Sources } from "./text";

/** Width of every column of the tree, in Excel character units (12 px, 9 pt). */
export const COL_WIDTH = 1;
/** Points of one column of the tree. */
export const COL_POINTS = columnPoints(COL_WIDTH);
/**
 * The tree's typeface: Calibri, narrower than Arial. Every line of a box is a row of ROW_UNIT,
 * which holds a line of 8 pt Calibri in Excel (13 px) and in LibreOffice, so their different line
 * spacing does not matter here.
 */
export const TREE_FONT: FontName = "Calibri";
/** Font sizes in points: names and indicators; the outcome's name. */
export const BOX_FONT = 8;
export const OUTCOME_FONT = 9;

/**
 * Height of a line of `size`-point box text: a row of the tree for 8 pt (Calibri's 1.22 em in
 * Excel, 13 px), in proportion for other sizes.
 */
export function treeLine(size: number): number {
  return (ROW_UNIT * size) / BOX_FONT;
}
/** Columns of a box's capaian cell (wide enough for "100.00%" in bold); the error badge's. */
export const CAPAIAN_COLS = 4;
export const BADGE_COLS = 3;

/** The words every box repeats, in the user's language, looked up once per tree. */
export interface Labels {
  lang: Lang;
  /** "IK: " before an indicator's name; "T" and "R" before its target and realisasi. */
  indicator: string;
  target: string;
  actual: string;
  /** "PJ: " before an indicator's responsible unit. */
  responsible: string;
  noCode: string;
}

export function labels(lang: Lang): Labels {
  return {
    lang,
    indicator: t("tree.indicatorPrefix", {}, lang),
    target: t("tree.targetPrefix", {}, lang),
    actual: t("tree.actualPrefix", {}, lang),
    responsible: t("tree.responsiblePrefix", {}, lang),
    noCode: t("tree.noCode", {}, lang),
  };
}

/** Colour sets of the boxes: one per level, the shelf's, and a continued box's (its parent's). */
export type BoxStyleKey = Level | "outcome" | "shelf";

/** An indicator as its box shows it. */
export interface IndicatorContent {
  ind: Indicator;
  name: LinkedText;
  /** Where the target, realisasi and typed capaian are (null: the model's number is written). */
  target: SourceRef | null;
  actual: SourceRef | null;
  achievement: SourceRef | null;
  /** What the target and realisasi cells show today ("" when blank). */
  targetShown: CellValue;
  actualShown: CellValue;
  /** The capaian the box computes today, or "" when it cannot. */
  capaianShown: CellValue;
  /**
   * "PJ: <unit>" when the indicator names a responsible unit, else null (no line); live from the
   * unit's cell when the workbook has one.
   */
  responsible: LinkedText | null;
}

export interface BoxContent {
  id: string;
  style: BoxStyleKey;
  code: string;
  link: SourceRef | null;
  name: LinkedText;
  nameFont: Font;
  indicators: IndicatorContent[];
  /** Error findings on the condition (0 in a clean print). */
  errors: number;
}

/** A condition code compared loosely: "CSF 1.1." and "1.1" are the same. */
function normCode(code: string | null): string | null {
  if (code === null) return null;
  const c = code
    .replace(/^\s*csf\s*/i, "")
    .replace(/\s+/g, "")
    .replace(/\.+$/, "");
  return c === "" ? null : c;
}

/** Error findings counted by normalised code, and (findings without a code) by cell. */
export interface ErrorIndex {
  byCode: Map<string, number>;
  byCell: Map<string, number>;
}

/** The error findings (warnings and notes are not marked in the tree), indexed. */
export function indexErrors(findings: readonly Finding[]): ErrorIndex {
  const byCode = new Map<string, number>();
  const byCell = new Map<string, number>();
  for (const f of findings) {
    if (f.severity !== "error") continue;
    const fc = normCode(f.code);
    if (fc !== null) byCode.set(fc, (byCode.get(fc) ?? 0) + 1);
    else if (f.cell !== null) byCell.set(f.cell, (byCell.get(f.cell) ?? 0) + 1);
  }
  return { byCode, byCell };
}

/** Error findings that concern a node: by its code, or (findings without a code) by one of its cells. */
function errorsFor(node: ConditionNode, errors: ErrorIndex): number {
  // A finding that names a code belongs to that code only: its cell may be a cell that lists
  // several conditions. Findings without a code are matched by cell.
  if (errors.byCode.size === 0 && errors.byCell.size === 0) return 0;
  const code = normCode(node.code);
  let n = code !== null ? (errors.byCode.get(code) ?? 0) : 0;
  if (errors.byCell.size === 0) return n;
  // Each of the node's cells once: a few, so a list does.
  const cells: string[] = [];
  const add = (cell: string): void => {
    if (!cells.includes(cell)) cells.push(cell);
  };
  add(node.cell);
  if (node.sectionCell) add(node.sectionCell);
  for (const m of node.mentions) add(m.cell);
  for (const ind of node.indicators) add(ind.cell);
  for (const cell of cells) n += errors.byCell.get(cell) ?? 0;
  return n;
}

export function parseSource(ref: string): SourceRef | null {
  const p = parseCellRef(ref);
  return p && p.sheet !== null ? { sheet: p.sheet, row: p.row, col: p.col } : null;
}

/** Where an indicator's number of `kind` is: the typed cell, else the measure row's column. */
function measureRef(ind: Indicator, kind: "target" | "actual" | "achievement"): SourceRef | null {
  const v = ind.values[kind];
  if (v) return v;
  const m = ind.measure;
  const col = m?.columns[kind];
  return m && col !== undefined ? { sheet: m.sheet, row: m.row, col } : null;
}

/** What a number cell of the box shows: its source as it is ("" when blank), else the model's number. */
function shownNumber(sources: Sources, src: SourceRef | null, fallback: number | null): CellValue {
  if (!src) return fallback;
  const raw = sources.raw(src);
  return raw === undefined || raw === null ? "" : raw;
}

/** A box's number cell as its capaian formula reads it (see `cellRead`): a percent × 100, a text by `sheetNumber`. */
function readShown(v: CellValue, percent: boolean | undefined): number | null {
  if (typeof v === "number") return percent ? v * 100 : v;
  return sheetNumber(v);
}

/**
 * The capaian a box shows today, as its formula computes it (see `achievementFormula`): from the
 * two numbers as the sheet reads them, the target not 0; else "–".
 */
function capaianToday(target: CellValue, actual: CellValue, ind: Indicator): CellValue {
  const c = computeCapaian(
    readShown(target, ind.values.target?.percent),
    readShown(actual, ind.values.actual?.percent),
    ind.polarity
  );
  return c ?? NO_CAPAIAN;
}

function indicatorContent(sources: Sources, ind: Indicator, words: Labels): IndicatorContent {
  const prefix = words.indicator;
  const nameSrc = ind.textCells.name ?? parseSource(ind.cell);
  const target = measureRef(ind, "target");
  const actual = measureRef(ind, "actual");
  const achievement = measureRef(ind, "achievement");
  const targetShown = shownNumber(sources, target, ind.target);
  const actualShown = shownNumber(sources, actual, ind.actual);
  const typed = achievement ? shownNumber(sources, achievement, null) : ind.achievement;
  const unit = ind.responsible?.trim() ?? "";
  return {
    ind,
    name: linkedText(sources, nameSrc, ind.name, prefix),
    target,
    actual,
    achievement,
    targetShown,
    actualShown,
    capaianShown:
      target && actual
        ? capaianToday(targetShown, actualShown, ind)
        : achievement
          ? typeof typed === "number"
            ? typed
            : ""
          : ind.achievement,
    responsible:
      unit === ""
        ? null
        : linkedText(sources, ind.textCells.responsible ?? null, unit, words.responsible),
  };
}

/** The outcome's box (at the top of the tree). */
export function outcomeContent(model: CsfModel, sources: Sources, lang: Lang): BoxContent {
  const src = model.outcomeCell ? parseSource(model.outcomeCell) : null;
  const missing = t("tree.outcomeMissing", {}, lang);
  return {
    id: "outcome",
    style: "outcome",
    code: t("common.level.outcome", {}, lang).toUpperCase(),
    link: src,
    name: model.outcome
      ? linkedText(sources, src, model.outcome)
      : { value: missing, text: missing },
    nameFont: { name: TREE_FONT, size: OUTCOME_FONT, bold: true },
    indicators: [],
    errors: 0,
  };
}

/** A condition's box; on the shelf when it cannot be placed in the tree. */
export function conditionContent(
  node: ConditionNode,
  sources: Sources,
  errors: ErrorIndex,
  words: Labels,
  shelf: boolean
): BoxContent {
  const code = node.code === null ? words.noCode : node.depth <= 1 ? `CSF ${node.code}` : node.code;
  return {
    id: node.id,
    style: shelf ? "shelf" : node.level,
    code,
    link: node.source,
    name: linkedText(sources, node.source, node.name, "", true),
    nameFont: { name: TREE_FONT, size: BOX_FONT, bold: node.level === "csf" },
    indicators: node.indicators.map((ind) => indicatorContent(sources, ind, words)),
    errors: errorsFor(node, errors),
  };
}

/** Columns of a box's target and realisasi cells side by side (the capaian takes the rest). */
export function valueCols(boxCols: number): { target: number; actual: number } {
  const rest = boxCols - CAPAIAN_COLS;
  return { target: Math.ceil(rest / 2), actual: Math.floor(rest / 2) };
}

/**
 * What a part of a box holds: the code row, the name, an indicator's name, its values on one
 * line (target, realisasi and capaian side by side), or on two (target, then realisasi, each as
 * wide as the box less the capaian, which spans both) when they do not fit side by side, its
 * responsible unit ("PJ: …", only when it has one), or the line saying there is no indicator.
 */
export type PartRole =
  "code" | "name" | "indicator" | "responsible" | "values" | "target" | "actual" | "none";

/** A part of a box: what it holds (`k`: which indicator) and its height in points. */
export interface BoxPart {
  role: PartRole;
  k: number;
  height: number;
}

/** What a number cell shows with its "T "/"R " prefix (numbers as General shows them). */
function valueText(prefix: string, v: CellValue): string {
  if (v === null || v === "") return prefix;
  let shown = String(v);
  // General shows about ten significant digits; most numbers are short already.
  if (typeof v === "number" && shown.length > 11) shown = String(Number(v.toPrecision(10)));
  return `${prefix} ${shown}`;
}

/** Points of text room in `cols` columns. */
function room(cols: number): number {
  return cols * COL_POINTS - CELL_PADDING;
}

/** Height in points of `text` wrapped in `cols` columns. */
function textHeight(text: string, cols: number, font: Font): number {
  return wrappedLines(text, room(cols), font) * treeLine(font.size);
}

/** True when `text` stands on one line in `cols` columns (a number cannot wrap). */
function onOneLine(text: string, cols: number, font: Font): boolean {
  return textWidth(text, font) <= room(cols);
}

/**
 * The parts of a box at `boxCols` columns, top to bottom: the code row, the name, then per
 * indicator its name, its responsible unit when it has one, and its values, or one line saying
 * there is no indicator.
 */
export function boxParts(c: BoxContent, boxCols: number, words: Labels): BoxPart[] {
  const font: Font = { name: TREE_FONT, size: BOX_FONT };
  const line = treeLine(BOX_FONT);
  const parts: BoxPart[] = [
    { role: "code", k: 0, height: ROW_UNIT },
    { role: "name", k: 0, height: textHeight(c.name.text, boxCols, c.nameFont) },
  ];
  if (c.style === "outcome") return parts;
  const cols = valueCols(boxCols);
  const wide = boxCols - CAPAIAN_COLS;
  const tPrefix = words.target;
  const rPrefix = words.actual;
  c.indicators.forEach((ind, k) => {
    parts.push({ role: "indicator", k, height: textHeight(ind.name.text, boxCols, font) });
    if (ind.responsible !== null)
      parts.push({
        role: "responsible",
        k,
        height: textHeight(ind.responsible.text, boxCols, font),
      });
    const target = valueText(tPrefix, ind.targetShown);
    const actual = valueText(rPrefix, ind.actualShown);
    if (onOneLine(target, cols.target, font) && onOneLine(actual, cols.actual, font)) {
      parts.push({ role: "values", k, height: line });
      return;
    }
    parts.push({ role: "target", k, height: textHeight(target, wide, font) });
    parts.push({ role: "actual", k, height: textHeight(actual, wide, font) });
  });
  if (c.indicators.length === 0) parts.push({ role: "none", k: 0, height: line });
  return parts;
}

/** The parts of the box repeating a parent where its stack goes on: the code row and the name. */
export function continuedParts(c: BoxContent, boxCols: number): BoxPart[] {
  return [
    { role: "code", k: 0, height: ROW_UNIT },
    { role: "name", k: 0, height: textHeight(c.name.text, boxCols, c.nameFont) },
  ];
}
