/**
 * The tree's boxes and connectors drawn into a sheet plan: each box a few merged areas and
 * formats (its styles made once per plan and shared), the capaian band colours as a few column
 * strips, the connector lines as one border per straight run.
 */
import { a1 } from "../address";
import type { CellRange } from "../grid";
import { t, type Lang } from "../messages";
import type { BandRule, BorderLine, CellStyle, PlanCell, SheetPlan } from "../plan";
import { achievementFormula, numberCell, typedAchievementFormula } from "./plan";
import {
  BADGE_COLS,
  BOX_FONT,
  CAPAIAN_COLS,
  TREE_FONT,
  valueCols,
  type BoxContent,
  type BoxPart,
  type BoxStyleKey,
  type IndicatorContent,
  type PartRole,
} from "./content";
import { connectorRuns, type BoxPlacement, type ConnectorLine } from "./layout";
import type { Sources } from "./text";

/** Fills of the code row (strong) and name row (tint) per level. */
export const LEVEL_STYLE: Record<BoxStyleKey, { head: string; headFont: string; tint: string }> = {
  // Light heads: the code in the head is a link, which Excel and LibreOffice may show in blue.
  outcome: { head: "#F4B183", headFont: "#1F1F1F", tint: "#FBE5D6" },
  csf: { head: "#FFD966", headFont: "#1F1F1F", tint: "#FFF2CC" },
  antara: { head: "#9DC3E6", headFont: "#1F1F1F", tint: "#DEEBF7" },
  operasional: { head: "#A9D18E", headFont: "#1F1F1F", tint: "#E2F0D9" },
  shelf: { head: "#D9D9D9", headFont: "#1F1F1F", tint: "#F2F2F2" },
};
export const BOX_BORDER: BorderLine = { style: "thin", color: "#595959" };
const ERROR_BORDER: BorderLine = { style: "medium", color: "#C00000" };
const CONTINUED_BORDER: BorderLine = { style: "dashed", color: "#595959" };
const CONNECTOR: BorderLine = { style: "thin", color: "#404040" };
export const ERROR_FILL = "#C00000";

/**
 * The styles of every box, made once per plan and shared by all boxes (frozen: a big tree has
 * tens of thousands of boxes, and hosts only read styles). A box is first given its base (white,
 * Arial 8, left and top, its outline), then each of its parts what differs from the base.
 */
export interface BoxStyles {
  lang: Lang;
  base: CellStyle;
  errorBase: CellStyle;
  continuedBase: CellStyle;
  /** Code row per level, with and without the link's underline. */
  code: Record<BoxStyleKey, { linked: CellStyle; plain: CellStyle }>;
  badge: CellStyle;
  /** Name rows per level, plain and bold. */
  name: Record<BoxStyleKey, { plain: CellStyle; bold: CellStyle }>;
  indicatorName: CellStyle;
  responsible: CellStyle;
  target: CellStyle;
  actual: CellStyle;
  capaian: CellStyle;
  noIndicator: CellStyle;
}

export function frozen(style: CellStyle): CellStyle {
  if (style.border) Object.freeze(style.border);
  return Object.freeze(style);
}

function perLevel<T>(make: (k: BoxStyleKey) => T): Record<BoxStyleKey, T> {
  return {
    outcome: make("outcome"),
    csf: make("csf"),
    antara: make("antara"),
    operasional: make("operasional"),
    shelf: make("shelf"),
  };
}

/** A number format that shows `prefix` before a number or a text: `"T "General;…`. */
function prefixedFormat(prefix: string): string {
  const p = prefix.replace(/"/g, "");
  return `"${p} "General;"${p} -"General;"${p} "0;"${p} "@`;
}

export function boxStyles(lang: Lang): BoxStyles {
  const outline = (line: BorderLine): CellStyle["border"] => ({
    top: line,
    bottom: line,
    left: line,
    right: line,
  });
  const base = (line: BorderLine): CellStyle =>
    frozen({
      fill: "#FFFFFF",
      fontName: TREE_FONT,
      fontSize: BOX_FONT,
      hAlign: "left",
      vAlign: "top",
      wrap: true,
      border: outline(line),
    });
  return {
    lang,
    base: base(BOX_BORDER),
    errorBase: base(ERROR_BORDER),
    continuedBase: base(CONTINUED_BORDER),
    code: perLevel((k) => {
      const code = (underline: boolean): CellStyle =>
        frozen({
          fill: LEVEL_STYLE[k].head,
          fontColor: LEVEL_STYLE[k].headFont,
          bold: true,
          underline,
          vAlign: "middle",
          wrap: false,
        });
      return { linked: code(true), plain: code(false) };
    }),
    // Over the code row's right end: not underlined like the linked code.
    badge: frozen({
      fill: ERROR_FILL,
      fontColor: "#FFFFFF",
      bold: true,
      underline: false,
      hAlign: "center",
    }),
    name: perLevel((k) => {
      const name = (bold: boolean): CellStyle =>
        frozen({
          fill: LEVEL_STYLE[k].tint,
          fontSize: k === "outcome" ? BOX_FONT + 1 : BOX_FONT,
          bold: bold || k === "outcome",
        });
      return { plain: name(false), bold: name(true) };
    }),
    indicatorName: frozen({ italic: true }),
    // The base (plain, wrapped): the unit wraps like the names when it is long.
    responsible: frozen({ fontColor: "#404040" }),
    target: frozen({ numberFormat: prefixedFormat(t("tree.targetPrefix", {}, lang)) }),
    actual: frozen({ numberFormat: prefixedFormat(t("tree.actualPrefix", {}, lang)) }),
    capaian: frozen({
      bold: true,
      hAlign: "center",
      wrap: false,
      numberFormat: '0.00"%";-0.00"%";0"%";@',
    }),
    noIndicator: frozen({ italic: true, fontColor: "#7F7F7F" }),
  };
}

/** A merged area of more than one cell. */
function merge(plan: SheetPlan, range: CellRange): void {
  if (range.top !== range.bottom || range.left !== range.right) plan.merges.push(range);
}

function fmt(plan: SheetPlan, range: CellRange, style: CellStyle): void {
  plan.formats.push({ range, style });
}

/** A merged area and its format, sharing one range object (hosts only read plans). */
function area(plan: SheetPlan, range: CellRange, style: CellStyle): void {
  merge(plan, range);
  fmt(plan, range, style);
}

/** The range of part `k` of a box from column `left` to `right`. */
function partRange(box: BoxPlacement, k: number, left = box.left, right = box.right): CellRange {
  const top = box.partTops[k] ?? box.top;
  return { top, left, bottom: box.partEnds[k] ?? top, right };
}

/** The code row: the code (linked to its source) and, with errors, the red badge at its right end. */
function drawHeader(
  plan: SheetPlan,
  box: BoxPlacement,
  c: BoxContent,
  styles: BoxStyles,
  sources: Sources
): void {
  const continued = box.kind === "continued";
  const text = continued ? t("tree.continued", { code: c.code }, styles.lang) : c.code;
  const badge = !continued && c.errors > 0;
  const codeRange = partRange(box, 0, box.left, badge ? box.right - BADGE_COLS : box.right);
  merge(plan, codeRange);
  plan.cells.push({ row: codeRange.top, col: box.left, value: text });
  const style = styles.code[c.style];
  fmt(plan, partRange(box, 0), c.link ? style.linked : style.plain);
  if (c.link) {
    const target = sources.ref(c.link);
    plan.hyperlinks.push({
      row: codeRange.top,
      col: box.left,
      target,
      text,
      tip: t("tree.linkTip", { cell: target }, styles.lang),
    });
  }
  if (badge) {
    const range = partRange(box, 0, box.right - BADGE_COLS + 1);
    merge(plan, range);
    plan.cells.push({
      row: range.top,
      col: range.left,
      value: t("tree.errorMarker", { n: c.errors }, styles.lang),
    });
    fmt(plan, range, styles.badge);
  }
}

/** A plan cell showing `shown` at (row, col). */
function shownCell(
  row: number,
  col: number,
  shown: { formula?: string; value: unknown }
): PlanCell {
  const value = shown.value as PlanCell["value"];
  return shown.formula !== undefined
    ? { row, col, formula: shown.formula, value }
    : { row, col, value };
}

/** The capaian cell of an indicator at `range` (on its values line, or over its two lines). */
function drawCapaian(
  plan: SheetPlan,
  range: CellRange,
  ind: IndicatorContent,
  cells: { target: string; actual: string },
  styles: BoxStyles,
  sources: Sources
): void {
  area(plan, range, styles.capaian);
  // Computed from the box's own T and R cells, which show the source cells as they are.
  const formula =
    ind.target && ind.actual
      ? achievementFormula(cells.target, cells.actual, ind.ind)
      : ind.achievement
        ? typedAchievementFormula(sources, ind.achievement)
        : null;
  const { top: row, left: col } = range;
  plan.cells.push(
    formula ? { row, col, formula, value: ind.capaianShown } : { row, col, value: ind.capaianShown }
  );
}

/** A target or realisasi cell over `range`. */
function drawNumber(
  plan: SheetPlan,
  range: CellRange,
  which: "target" | "actual",
  ind: IndicatorContent,
  styles: BoxStyles,
  sources: Sources
): void {
  area(plan, range, which === "target" ? styles.target : styles.actual);
  const src = which === "target" ? ind.target : ind.actual;
  const model = which === "target" ? ind.ind.target : ind.ind.actual;
  const shown = which === "target" ? ind.targetShown : ind.actualShown;
  plan.cells.push(numberCell(sources, range.top, range.left, src, model, shown));
}

/** An indicator's values: side by side on one line, or target and realisasi on two. */
function drawValues(
  plan: SheetPlan,
  box: BoxPlacement,
  parts: readonly BoxPart[],
  i: number,
  ind: IndicatorContent,
  styles: BoxStyles,
  sources: Sources
): void {
  const cCol = box.right - CAPAIAN_COLS + 1;
  const part = parts[i] as BoxPart;
  if (part.role === "values") {
    const rCol = box.left + valueCols(box.right - box.left + 1).target;
    drawNumber(plan, partRange(box, i, box.left, rCol - 1), "target", ind, styles, sources);
    drawNumber(plan, partRange(box, i, rCol, cCol - 1), "actual", ind, styles, sources);
    const cells = {
      target: a1(partRange(box, i).top, box.left),
      actual: a1(partRange(box, i).top, rCol),
    };
    drawCapaian(plan, partRange(box, i, cCol), ind, cells, styles, sources);
    return;
  }
  // "target" here, "actual" next: the capaian spans both lines.
  const t = partRange(box, i, box.left, cCol - 1);
  const r = partRange(box, i + 1, box.left, cCol - 1);
  drawNumber(plan, t, "target", ind, styles, sources);
  drawNumber(plan, r, "actual", ind, styles, sources);
  const cells = { target: a1(t.top, t.left), actual: a1(r.top, r.left) };
  drawCapaian(
    plan,
    { top: t.top, left: cCol, bottom: r.bottom, right: box.right },
    ind,
    cells,
    styles,
    sources
  );
}

/** One box: its base, header and name, then its other parts (a continued box: header and name only). */
export function drawBox(
  plan: SheetPlan,
  box: BoxPlacement,
  c: BoxContent,
  parts: readonly BoxPart[],
  styles: BoxStyles,
  sources: Sources
): void {
  // The whole box first: white, Arial 8, wrapped, its outline (red and thicker with errors,
  // dashed for a continued box). The parts below only set what differs.
  const base =
    box.kind === "continued" ? styles.continuedBase : c.errors > 0 ? styles.errorBase : styles.base;
  fmt(plan, { top: box.top, left: box.left, bottom: box.bottom, right: box.right }, base);
  parts.forEach((part, i) => {
    const range = partRange(box, i);
    const ind = c.indicators[part.k];
    switch (part.role) {
      case "code":
        drawHeader(plan, box, c, styles, sources);
        break;
      case "name":
        plan.cells.push(shownCell(range.top, box.left, c.name));
        area(plan, range, c.nameFont.bold ? styles.name[c.style].bold : styles.name[c.style].plain);
        break;
      case "indicator":
        if (!ind) break;
        plan.cells.push(shownCell(range.top, box.left, ind.name));
        area(plan, range, styles.indicatorName);
        break;
      case "responsible":
        if (!ind || ind.responsible === null) break;
        plan.cells.push(shownCell(range.top, box.left, ind.responsible));
        area(plan, range, styles.responsible);
        break;
      case "values":
      case "target":
        if (ind) drawValues(plan, box, parts, i, ind, styles, sources);
        break;
      case "none":
        plan.cells.push({
          row: range.top,
          col: box.left,
          value: t("tree.noIndicator", {}, styles.lang),
        });
        area(plan, range, styles.noIndicator);
        break;
      default:
        // "actual" is drawn with its "target".
        break;
    }
  });
}

/**
 * The band colours of the capaian cells as a few conditional formats, each over a column strip
 * that holds no number but capaian: the capaian columns of a whole stack (its boxes' other cells
 * in those columns are the error badge's text and the hidden parts of merged rows; the gaps
 * between boxes are empty), and of each box drawn side by side in a tier or on the shelf, from its
 * first to its last values row. The rules test ISNUMBER, so "" (no capaian) stays plain.
 */
export function capaianBands(
  plan: SheetPlan,
  boxes: readonly BoxPlacement[],
  partsOf: (box: BoxPlacement) => readonly BoxPart[],
  bands: BandRule[]
): void {
  const strips: CellRange[] = [];
  /** A stack's strip, by its boxes' left column (stacks never share columns). */
  const stacks = new Map<number, CellRange>();
  for (const box of boxes) {
    const parts = partsOf(box);
    const rows = parts.flatMap((p, i) => (VALUE_ROLES.has(p.role) ? [i] : []));
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined) continue;
    const top = box.partTops[first] as number;
    const bottom = box.partEnds[last] as number;
    const left = box.right - CAPAIAN_COLS + 1;
    const strip = box.kind === "stacked" ? stacks.get(box.left) : undefined;
    if (strip) {
      strip.top = Math.min(strip.top, top);
      strip.bottom = Math.max(strip.bottom, bottom);
      continue;
    }
    const range = { top, left, bottom, right: box.right };
    strips.push(range);
    if (box.kind === "stacked") stacks.set(box.left, range);
  }
  for (const range of strips) plan.conditionalFormats.push({ range, bands });
}

/** Parts that hold capaian cells. */
const VALUE_ROLES = new Set<PartRole>(["values", "target", "actual"]);

/**
 * The connector lines as formats: one per straight run of a line (a border on a range's edge is
 * that edge of every cell along it), one shared style per side.
 */
export function drawConnectors(plan: SheetPlan, lines: readonly ConnectorLine[]): void {
  const bySide = new Map<string, CellStyle>();
  for (const run of connectorRuns(lines)) {
    let style = bySide.get(run.side);
    if (!style) {
      style = frozen({ border: { [run.side]: CONNECTOR } });
      bySide.set(run.side, style);
    }
    const { top, left, bottom, right } = run;
    plan.formats.push({ range: { top, left, bottom, right }, style });
  }
}
