/**
 * The "Pohon Kinerja" sheet plan: the model's conditions as boxes in merged cells, placed by
 * the pure layout, with every text and number a formula on its source cell.
 */
import { isSpace } from "../chars";
import { a1, parseCellRef, quoteSheet } from "../address";
import type { CellRange, SheetGrid, WorkbookGrids } from "../grid";
import type { ConditionNode, CsfModel, Indicator, Level, SourceRef } from "../model";
import type { Finding } from "../findings";
import { capaianFormula, cellRead } from "../capaian";
import { t, type Lang, type MessageKey } from "../messages";
import {
  EXCEL_LIMITS,
  emptySheetPlan,
  markerText,
  resolveSheetName,
  type BandRule,
  type BorderLine,
  type CellStyle,
  type PlanCell,
  type SheetPlan,
} from "../plan";
import type { Band, Settings } from "../settings";
import {
  BOX_COLS,
  EDGE_BOTTOM,
  EDGE_LEFT,
  EDGE_TOP,
  ROW_UNIT,
  layoutCols,
  layoutTree,
  type BoxPlacement,
  type LayoutNode,
  type TreeLayout,
} from "./layout";

/** Width of every column of the tree, in Excel character units. */
export const COL_WIDTH = 3.3;
/** Font size of box text, in points. */
export const FONT_SIZE = 9;
const SMALL_FONT = 8;
/** Every line of a box (code, a line of text, values) is one layout row unit high. */
const LINE_HEIGHT = ROW_UNIT;
const CODE_ROW_HEIGHT = ROW_UNIT;
const VALUES_ROW_HEIGHT = ROW_UNIT;
/** First row of the tree (below marker, title, subtitle and a spacer). */
const TREE_START_ROW = 4;
/** Heights of the marker, title, subtitle and spacer rows above the tree, in points. */
const TITLE_HEIGHTS = [12, 20, 14, 10];
/** Columns the legend needs (three groups of 8, the notes 16 wide). */
const LEGEND_COLS = 32;
/** Margins in inches (left/right small: the tree is wide). */
const MARGINS = { top: 0.5, bottom: 0.6, left: 0.4, right: 0.4 };

/** Messages without parameters, rendered once per language (a big tree asks thousands of times). */
const fixedMessages: Record<Lang, Map<MessageKey, string>> = { id: new Map(), en: new Map() };
function fixed(key: MessageKey, lang: Lang): string {
  const byKey = fixedMessages[lang];
  let m = byKey.get(key);
  if (m === undefined) {
    m = t(key, {}, lang);
    byKey.set(key, m);
  }
  return m;
}

/** The link tip of a box's code, "… {cell} …" split once around its placeholder. */
function linkTip(cell: string, lang: Lang): string {
  const [before, after] = fixed("tree.linkTip", lang).split("{cell}", 2);
  return after === undefined ? t("tree.linkTip", { cell }, lang) : before + cell + after;
}

/** Fills of the code row (strong) and name row (tint) per level. */
const LEVEL_STYLE: Record<
  Level | "outcome" | "shelf",
  { head: string; headFont: string; tint: string }
> = {
  // Light heads: the code in the head is a link, which Excel and LibreOffice may show in blue.
  outcome: { head: "#F4B183", headFont: "#1F1F1F", tint: "#FBE5D6" },
  csf: { head: "#FFD966", headFont: "#1F1F1F", tint: "#FFF2CC" },
  antara: { head: "#9DC3E6", headFont: "#1F1F1F", tint: "#DEEBF7" },
  operasional: { head: "#A9D18E", headFont: "#1F1F1F", tint: "#E2F0D9" },
  shelf: { head: "#D9D9D9", headFont: "#1F1F1F", tint: "#F2F2F2" },
};
const BOX_BORDER: BorderLine = { style: "thin", color: "#595959" };
const ERROR_BORDER: BorderLine = { style: "medium", color: "#C00000" };
const CONNECTOR: BorderLine = { style: "thin", color: "#404040" };
const ERROR_FILL = "#C00000";

/** Page size in points (portrait). */
const PAPER_POINTS: Record<"A4" | "A3", { w: number; h: number }> = {
  A4: { w: 595.3, h: 841.9 },
  A3: { w: 841.9, h: 1190.6 },
};

/** Width in points of a column `width` characters wide (Calibri 11: 7 px a character plus 5 px padding). */
export function columnPoints(width: number): number {
  return Math.round(width * 7 + 5) * 0.75;
}

/** Printable width and height in points of the paper in the settings' orientation. */
export function printableSize(
  paper: "A4" | "A3",
  orientation: "portrait" | "landscape"
): { width: number; height: number } {
  const p = PAPER_POINTS[paper];
  const [w, h] = orientation === "landscape" ? [p.h, p.w] : [p.w, p.h];
  // Footer space is inside the bottom margin.
  return {
    width: w - (MARGINS.left + MARGINS.right) * 72,
    height: h - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/**
 * Lines a text needs when wrapped at `charsPerLine` (greedy word wrap, explicit line breaks kept).
 * An estimate: Excel does not tell us how it wraps. Scans the characters without splitting
 * (a big tree has tens of thousands of texts).
 */
export function estimateLines(text: string, charsPerLine: number, lead = ""): number {
  const cpl = Math.max(1, Math.floor(charsPerLine));
  // One pass over `lead` then `text` (without making the joined string), no closures: a big
  // tree measures tens of thousands of texts. A word ends at a space, a line break or the end.
  let lines = 0;
  let n = 1;
  let len = 0;
  let wordLen = 0;
  const total = lead.length + text.length;
  for (let i = 0; i <= total; i++) {
    const c =
      i === total ? 10 : i < lead.length ? lead.charCodeAt(i) : text.charCodeAt(i - lead.length);
    const ends = c === 10 || isSpace(c);
    if (!ends) {
      wordLen++;
      continue;
    }
    if (wordLen > 0) {
      if (len === 0) {
        n += Math.floor((wordLen - 1) / cpl);
        len = ((wordLen - 1) % cpl) + 1;
      } else if (len + 1 + wordLen <= cpl) {
        len += 1 + wordLen;
      } else {
        n += 1 + Math.floor((wordLen - 1) / cpl);
        len = ((wordLen - 1) % cpl) + 1;
      }
      wordLen = 0;
    }
    if (c === 10) {
      lines += n;
      n = 1;
      len = 0;
    }
  }
  return Math.max(1, lines);
}

/** Characters of `fontSize`-point text that fit on one line of a box (a little pessimistic). */
function charsPerLine(fontSize: number): number {
  const boxPx = BOX_COLS * (COL_WIDTH * 7 + 5) - 6;
  // Average width of a character of mixed-case Indonesian text ≈ 0.55 em (px = pt × 4/3).
  return boxPx / (fontSize * (4 / 3) * 0.55);
}

/**
 * The string flattened into one piece. V8 keeps a string built by concatenation as a tree of its
 * pieces until something reads it; reading a character flattens it. A big tree holds tens of
 * thousands of formulas: flat, they take a third of the memory and the garbage collector copies
 * far less.
 */
export function flat(s: string): string {
  return s.charCodeAt(0) >= 0 ? s : s;
}

const quoted = new Map<string, string>();
/** "'Sheet'!A1", the quoted sheet name made once per sheet (a big tree makes tens of thousands). */
function refOf(s: SourceRef): string {
  let q = quoted.get(s.sheet);
  if (q === undefined) {
    q = `${quoteSheet(s.sheet)}!`;
    quoted.set(s.sheet, q);
  }
  return q + a1(s.row, s.col);
}

/** Text shown for a source cell: a live formula where one can be made, else the text itself. */
interface LinkedText {
  formula?: string;
  value?: string;
  /** What the box shows today after `lead` (for the row height). */
  shown: string;
  lead: string;
}

const norm = (s: string): string => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The workbook's sheets by name, made once per workbook (the tree looks thousands up). */
const sheetsByName = new WeakMap<WorkbookGrids, Map<string, SheetGrid>>();
function sheetOf(wb: WorkbookGrids, name: string): SheetGrid | null {
  let byName = sheetsByName.get(wb);
  if (!byName) {
    byName = new Map();
    // The first sheet of a name wins, as `find` would give it.
    for (const s of wb.sheets) if (!byName.has(s.name)) byName.set(s.name, s);
    sheetsByName.set(wb, byName);
  }
  return byName.get(name) ?? null;
}

/**
 * A formula showing the source cell's text, `prefix` before it. A cell holding one line is
 * referred to directly (guarded so an empty source shows ""). A cell that lists several
 * conditions, one per line, would show them all: there the formula takes the line by position
 * with the portable SUBSTITUTE/MID idiom (Excel 2007+, LibreOffice), when exactly one line holds
 * `expected` and no line is too long for it; otherwise the text is written as it is (not live).
 */
export function linkedText(
  src: SourceRef | null,
  expected: string,
  wb: WorkbookGrids,
  prefix = ""
): LinkedText {
  const literal = (): LinkedText => ({ value: prefix + expected, shown: expected, lead: prefix });
  if (!src) return literal();
  const sheet = sheetOf(wb, src.sheet);
  const raw = sheet?.values[src.row]?.[src.col];
  if (!sheet || raw === undefined || raw === null) return literal();
  const ref = refOf(src);
  // Most cells hold one line: no trimmed copy is made to find that out.
  if (typeof raw !== "string" || raw.indexOf("\n") < 0 || !raw.trim().includes("\n")) {
    // "IK: "&ref would pass Excel's 32,767-character cell limit (and show #VALUE!): write the text.
    if (prefix && String(raw).length + prefix.length > EXCEL_LIMITS.cellChars) return literal();
    // The box shows text: ref&"" is "" for a blank cell and the cell's text otherwise (a number
    // as text). With a prefix, a blank cell shows "" rather than the prefix alone.
    return {
      formula: flat(
        prefix ? `=IF(ISBLANK(${ref}),"",${quotedPrefix(prefix)}${ref})` : `=${ref}&""`
      ),
      shown: String(raw).trim(),
      lead: prefix,
    };
  }
  if (raw.includes("\r")) return literal();
  const lines = raw.split("\n");
  const want = norm(expected);
  const hits = lines.map((l, i) => (want && norm(l).includes(want) ? i : -1)).filter((i) => i >= 0);
  const k = hits[0];
  if (hits.length !== 1 || k === undefined || lines.some((l) => l.length >= 999)) return literal();
  const pick = `TRIM(MID(SUBSTITUTE(${ref},CHAR(10),REPT(" ",999)),${k * 999 + 1},999))`;
  return {
    formula: flat(`=${prefix ? quotedPrefix(prefix) : ""}${pick}`),
    shown: (lines[k] ?? "").replace(/ +/g, " ").trim(),
    lead: prefix,
  };
}

const quotedPrefixes = new Map<string, string>();
/** `"IK: "&`: a prefix as a formula string joined to what follows, made once per prefix. */
function quotedPrefix(prefix: string): string {
  let q = quotedPrefixes.get(prefix);
  if (q === undefined) {
    q = `"${prefix.replace(/"/g, '""')}"&`;
    quotedPrefixes.set(prefix, q);
  }
  return q;
}

/** Where an indicator's number of `kind` is: the typed cell, else the measure row's column. */
function measureRef(ind: Indicator, kind: "target" | "actual" | "achievement"): SourceRef | null {
  // Named reads: `values[kind]` on objects of many shapes is a slow keyed lookup.
  const v =
    kind === "target"
      ? ind.values.target
      : kind === "actual"
        ? ind.values.actual
        : ind.values.achievement;
  if (v) return v;
  const m = ind.measure;
  if (!m) return null;
  const col =
    kind === "target"
      ? m.columns.target
      : kind === "actual"
        ? m.columns.actual
        : m.columns.achievement;
  return col !== undefined ? { sheet: m.sheet, row: m.row, col } : null;
}

/**
 * The capaian shown in a box: the capaian module's formula on the box's own target and
 * realisasi cells `t` and `r` (plain A1 references on the tree sheet, each showing its source cell
 * as it is), reading a source typed as text the way the fill does, with the indicator's polarity;
 * "–" when there is none, as in the table.
 */
export function achievementFormula(
  t: string,
  r: string,
  ind: Pick<Indicator, "polarity" | "values">
): string {
  const target = cellRead(t, ind.values.target ?? null);
  const actual = cellRead(r, ind.values.actual ?? null);
  return flat(capaianFormula(target, actual, ind.polarity));
}

/** The capaian from the sheet's own capaian cell alone (no target or realisasi cell). */
function typedAchievementFormula(c: SourceRef): string {
  return flat(`=IF(ISNUMBER(${refOf(c)}),${refOf(c)},"")`);
}

/**
 * A number cell shown as "T 5": the source cell as it is ("" when blank), or the model's number
 * when there is no cell. ISBLANK, not x="": LibreOffice takes 0="" as true.
 */
function numberCell(
  row: number,
  col: number,
  src: SourceRef | null,
  fallback: number | null
): PlanCell {
  if (src) {
    const ref = refOf(src);
    return { row, col, formula: flat(`=IF(ISBLANK(${ref}),"",${ref})`) };
  }
  return { row, col, value: fallback };
}

/** Band rules for conditional formats, from the settings' bands (highest first). */
export function bandRules(bands: readonly Band[]): BandRule[] {
  const sorted = [...bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  return sorted.map((b, i) => {
    const rule: BandRule = { fill: b.fill, fontColor: b.fontColor };
    if (b.min !== null) rule.min = b.min;
    const above = i > 0 ? sorted[i - 1] : undefined;
    if (above && above.min !== null) rule.max = above.min;
    return rule;
  });
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
interface ErrorIndex {
  byCode: Map<string, number>;
  byCell: Map<string, number>;
}

function indexErrors(errors: readonly Finding[]): ErrorIndex {
  const byCode = new Map<string, number>();
  const byCell = new Map<string, number>();
  for (const f of errors) {
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
  // Each of the node's cells once (a small array: a Set per node costs more than it saves).
  const cells: string[] = [node.cell];
  const add = (cell: string): void => {
    if (!cells.includes(cell)) cells.push(cell);
  };
  if (node.sectionCell) add(node.sectionCell);
  for (let i = 0; i < node.mentions.length; i++) add((node.mentions[i] as { cell: string }).cell);
  for (let i = 0; i < node.indicators.length; i++) add((node.indicators[i] as Indicator).cell);
  for (let i = 0; i < cells.length; i++) n += errors.byCell.get(cells[i] as string) ?? 0;
  return n;
}

/** Which nodes hang from the outcome (reachable from a top-level condition) and which cannot. */
export function splitPlaced(model: CsfModel): {
  roots: ConditionNode[];
  children: Map<string, ConditionNode[]>;
  shelf: ConditionNode[];
} {
  const ids = new Set(model.nodes.map((n) => n.id));
  const children = new Map<string, ConditionNode[]>();
  const roots: ConditionNode[] = [];
  for (const n of model.nodes) {
    if (n.parentId === null) {
      if (n.depth <= 1) roots.push(n);
    } else if (ids.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    }
  }
  const reached = new Set<string>();
  const walk = (n: ConditionNode): void => {
    if (reached.has(n.id)) return;
    reached.add(n.id);
    for (const c of children.get(n.id) ?? []) walk(c);
  };
  roots.forEach(walk);
  // Children lists keep only reachable nodes reached through their own parent (no cycles).
  const shelf = model.nodes.filter((n) => !reached.has(n.id));
  return { roots, children, shelf };
}

interface BoxContent {
  id: string;
  style: keyof typeof LEVEL_STYLE;
  code: string;
  link: SourceRef | null;
  name: LinkedText;
  bold: boolean;
  indicators: { name: LinkedText; ind: Indicator }[];
  errors: number;
  /** Internal row heights: code, name, then IK name and values per indicator (or one "none" row). */
  rows: number[];
}

function boxContent(
  node: ConditionNode | null,
  model: CsfModel,
  wb: WorkbookGrids,
  errors: ErrorIndex,
  lang: Lang,
  shelf: boolean
): BoxContent {
  // Bold text is about a tenth wider.
  const nameLines = (s: LinkedText, size: number, bold = false): number =>
    estimateLines(s.shown, charsPerLine(size) / (bold ? 1.12 : 1), s.lead) * LINE_HEIGHT;
  if (!node) {
    const src = model.outcomeCell ? parseSource(model.outcomeCell) : null;
    const name = model.outcome
      ? linkedText(src, model.outcome, wb)
      : {
          value: t("tree.outcomeMissing", {}, lang),
          shown: t("tree.outcomeMissing", {}, lang),
          lead: "",
        };
    return {
      id: "outcome",
      style: "outcome",
      code: t("common.level.outcome", {}, lang).toUpperCase(),
      link: src,
      name,
      bold: true,
      indicators: [],
      errors: 0,
      rows: [CODE_ROW_HEIGHT, nameLines(name, FONT_SIZE + 1, true)],
    };
  }
  const name = linkedText(node.source, node.name, wb);
  const prefix = fixed("tree.indicatorPrefix", lang);
  const indicators = node.indicators.map((ind) => ({
    ind,
    name: linkedText(ind.textCells.name ?? parseSource(ind.cell), ind.name, wb, prefix),
  }));
  const rows = [CODE_ROW_HEIGHT, nameLines(name, FONT_SIZE, node.level === "csf")];
  for (const i of indicators) {
    rows.push(nameLines(i.name, SMALL_FONT), VALUES_ROW_HEIGHT);
  }
  if (indicators.length === 0) rows.push(VALUES_ROW_HEIGHT);
  const codeText =
    node.code === null
      ? fixed("tree.noCode", lang)
      : node.depth <= 1
        ? `CSF ${node.code}`
        : node.code;
  return {
    id: node.id,
    style: shelf ? "shelf" : node.level,
    code: codeText,
    link: node.source,
    name,
    bold: node.level === "csf",
    indicators,
    errors: errorsFor(node, errors),
    rows,
  };
}

function parseSource(ref: string): SourceRef | null {
  const p = parseCellRef(ref);
  return p && p.sheet !== null ? { sheet: p.sheet, row: p.row, col: p.col } : null;
}

/** The tree laid out: every box's content and place, before anything is drawn. */
export interface PohonLayout {
  model: CsfModel;
  settings: Settings;
  sheetName: string;
  layout: TreeLayout;
  contents: ReadonlyMap<string, BoxContent>;
  /** Columns the drawing takes (the legend's at least). */
  cols: number;
  /** Height of a printed page in sheet points, at the print scale. */
  pageHeight: number;
}

/** Lay the tree out. See `layoutPohon` in ./index.ts. */
export function buildTreeLayout(
  model: CsfModel,
  findings: readonly Finding[],
  wb: WorkbookGrids,
  settings: Settings
): PohonLayout {
  const lang = settings.lang;
  const sheetName = resolveSheetName(t("tree.sheetName", {}, lang), wb, "pohon");
  // Sheets looked up afresh for every plan: the grids may have changed since the last one.
  sheetsByName.delete(wb);
  const errors = indexErrors(findings.filter((f) => f.severity === "error"));

  // Structure and box contents.
  const { roots, children, shelf } = splitPlaced(model);
  const contents = new Map<string, BoxContent>();
  const toLayout = (n: ConditionNode): LayoutNode => {
    const c = boxContent(n, model, wb, errors, lang, false);
    contents.set(n.id, c);
    return { id: n.id, rows: c.rows, children: (children.get(n.id) ?? []).map(toLayout) };
  };
  const outcome = boxContent(null, model, wb, errors, lang, false);
  contents.set(outcome.id, outcome);
  const root: LayoutNode = { id: outcome.id, rows: outcome.rows, children: roots.map(toLayout) };
  const shelfNodes = shelf.map((n) => {
    const c = boxContent(n, model, wb, errors, lang, true);
    // Shelf ids cannot clash with placed ids: every node id is unique.
    contents.set(n.id, c);
    return { id: n.id, rows: c.rows, children: [] };
  });
  // The width (hence the print scale, hence the page height in sheet points) comes first; the
  // layout then moves stacked boxes off page ends.
  const cols = Math.max(layoutCols(root, shelfNodes), LEGEND_COLS);
  const page = printableSize(settings.paper, settings.orientation);
  const scale = Math.min(1, page.width / (cols * columnPoints(COL_WIDTH)));
  const pageHeight = page.height / scale;
  const layout = layoutTree(root, shelfNodes, {
    startRow: TREE_START_ROW,
    pageHeight,
    firstPageUsed: TITLE_HEIGHTS.reduce((a, b) => a + b, 0),
  });
  return { model, settings, sheetName, layout, contents, cols, pageHeight };
}

/** Draw a laid-out tree as its sheet plan. See `planTree` in ./index.ts. */
export function buildTreePlan(laidOut: PohonLayout): SheetPlan {
  const { model, settings, sheetName, layout, contents, cols, pageHeight } = laidOut;
  const lang = settings.lang;
  const plan = emptySheetPlan(sheetName, "create", "pohon");
  plan.tabColor = LEVEL_STYLE.antara.head;
  const add = (range: CellRange, style: CellStyle): void => {
    plan.formats.push({ range, style });
  };
  const rng = (top: number, left: number, bottom = top, right = left): CellRange => ({
    top,
    left,
    bottom,
    right,
  });

  // Marker, title, subtitle.
  plan.cells.push({ row: 0, col: 0, value: markerText("pohon", lang) });
  add(rng(0, 0), { fontSize: 8, fontColor: "#808080", italic: true });
  const org = settings.organisation || model.organisation || "";
  plan.cells.push({
    row: 1,
    col: 0,
    value: org ? t("tree.titleOrg", { org: org.toUpperCase() }, lang) : t("tree.title", {}, lang),
  });
  add(rng(1, 0), { bold: true, fontSize: 14, fontColor: "#1F3864" });
  plan.cells.push({ row: 2, col: 0, value: t("tree.subtitle", {}, lang) });
  add(rng(2, 0), { italic: true, fontSize: 9, fontColor: "#595959" });

  // Boxes.
  const styles = boxStyles(lang);
  const blocks: CellRange[] = [];
  for (const box of layout.boxes) {
    const c = contents.get(box.id);
    if (!c) continue;
    drawBox(plan, box, c, styles);
    blocks.push({ top: box.top, left: box.left, bottom: box.bottom, right: box.right });
  }
  plan.blocks = blocks;
  capaianBands(plan, layout.boxes, contents, bandRules(settings.bands));

  // Connectors: one format per straight run of a line (a border on a range's edge is that edge
  // of every cell along it), one shared style per side.
  const connectorStyles = new Map<number, CellStyle>();
  layout.forEachConnectorRun((side, top, left, bottom, right) => {
    let style = connectorStyles.get(side);
    if (!style) {
      const border: NonNullable<CellStyle["border"]> = {};
      if (side === EDGE_TOP) border.top = CONNECTOR;
      else if (side === EDGE_BOTTOM) border.bottom = CONNECTOR;
      else if (side === EDGE_LEFT) border.left = CONNECTOR;
      else border.right = CONNECTOR;
      style = frozen({ border });
      connectorStyles.set(side, style);
    }
    plan.formats.push({ range: { top, left, bottom, right }, style });
  });

  // Shelf title.
  if (layout.shelfTitleRow !== null) {
    const r = layout.shelfTitleRow;
    plan.cells.push({ row: r, col: 0, value: t("tree.shelfTitle", {}, lang) });
    plan.cells.push({ row: r, col: 8, value: t("tree.shelfNote", {}, lang) });
    add(rng(r, 0), { bold: true, fontSize: 12, fontColor: ERROR_FILL });
    add(rng(r, 8), { italic: true, fontSize: 9, fontColor: "#595959" });
  }

  // Legend.
  const legendTop = layout.endRow + 3;
  const legendEnd = drawLegend(plan, legendTop, settings, lang);

  // Sheet geometry.
  for (let col = 0; col < cols; col++) plan.columnWidths.push({ col, width: COL_WIDTH });
  TITLE_HEIGHTS.forEach((height, row) => plan.rowHeights.push({ row, height }));
  layout.rowHeights.forEach((height, i) =>
    plan.rowHeights.push({ row: layout.startRow + i, height: round1(height) })
  );

  // Print: the whole drawing one page wide; pages start only between boxes (the layout's
  // breaks), and the legend goes to a page of its own when the last page has no room for it.
  const breaks = [...layout.pageBreaks];
  const rowH = new Map(plan.rowHeights.map((r) => [r.row, r.height]));
  const lastStart = breaks[breaks.length - 1] ?? 0;
  let lastPage = 0;
  for (let r = lastStart; r <= legendEnd; r++) lastPage += rowH.get(r) ?? 15;
  if (lastPage > pageHeight) breaks.push(legendTop - 1);
  plan.print = {
    paper: settings.paper,
    orientation: settings.orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    area: rng(0, 0, legendEnd, cols - 1),
    footerCenter: t("tree.footer", {}, lang),
    margins: { ...MARGINS },
    centerHorizontally: true,
  };
  if (breaks.length > 0) plan.print.rowBreaks = breaks;
  return plan;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

type BoxStyleKey = keyof typeof LEVEL_STYLE;

/**
 * The styles of every box, made once per plan and shared by all boxes (frozen: a big tree has
 * tens of thousands of boxes, and hosts only read styles). A box is first given its base (white,
 * small text, left and middle, its outline), then each of its rows what differs from the base:
 * a few formats per box instead of one per part.
 */
interface BoxStyles {
  lang: Lang;
  /** The whole box: white, small text left and middle, outlined (red and medium with errors). */
  base: CellStyle;
  errorBase: CellStyle;
  /** Code row per level, with and without the link's underline. */
  code: Record<BoxStyleKey, { linked: CellStyle; plain: CellStyle }>;
  errorMarker: CellStyle;
  /** Name row per level, plain and bold. */
  name: Record<BoxStyleKey, { plain: CellStyle; bold: CellStyle }>;
  indicatorName: CellStyle;
  target: CellStyle;
  actual: CellStyle;
  capaian: CellStyle;
  noIndicator: CellStyle;
}

function frozen(style: CellStyle): CellStyle {
  if (style.border) Object.freeze(style.border);
  return Object.freeze(style);
}

function boxStyles(lang: Lang): BoxStyles {
  const perLevel = <T>(make: (k: BoxStyleKey) => T): Record<BoxStyleKey, T> => ({
    outcome: make("outcome"),
    csf: make("csf"),
    antara: make("antara"),
    operasional: make("operasional"),
    shelf: make("shelf"),
  });
  const nameStyle = (k: BoxStyleKey, bold: boolean): CellStyle =>
    frozen({
      fill: LEVEL_STYLE[k].tint,
      wrap: true,
      vAlign: "top",
      fontSize: k === "outcome" ? FONT_SIZE + 1 : FONT_SIZE,
      bold: bold || k === "outcome",
    });
  const codeStyle = (k: BoxStyleKey, underline: boolean): CellStyle =>
    frozen({
      fill: LEVEL_STYLE[k].head,
      fontColor: LEVEL_STYLE[k].headFont,
      bold: true,
      fontSize: FONT_SIZE,
      underline,
    });
  const numberFormat = (prefix: string): string =>
    `"${prefix} "General;"${prefix} -"General;"${prefix} "0;"${prefix} "@`;
  const base = (line: BorderLine): CellStyle =>
    frozen({
      fill: "#FFFFFF",
      fontSize: SMALL_FONT,
      hAlign: "left",
      vAlign: "middle",
      border: { top: line, bottom: line, left: line, right: line },
    });
  return {
    lang,
    base: base(BOX_BORDER),
    errorBase: base(ERROR_BORDER),
    code: perLevel((k) => ({ linked: codeStyle(k, true), plain: codeStyle(k, false) })),
    // Over the code row's right end: not underlined like the linked code.
    errorMarker: frozen({
      fill: ERROR_FILL,
      fontColor: "#FFFFFF",
      bold: true,
      underline: false,
      hAlign: "center",
    }),
    name: perLevel((k) => ({ plain: nameStyle(k, false), bold: nameStyle(k, true) })),
    indicatorName: frozen({ wrap: true, vAlign: "top", italic: true }),
    target: frozen({
      numberFormat: numberFormat(t("tree.targetPrefix", {}, lang).replace(/"/g, "")),
    }),
    actual: frozen({
      numberFormat: numberFormat(t("tree.actualPrefix", {}, lang).replace(/"/g, "")),
    }),
    capaian: frozen({ bold: true, hAlign: "center", numberFormat: '0.00"%";-0.00"%";0"%";@' }),
    noIndicator: frozen({ italic: true, fontColor: "#7F7F7F", vAlign: "bottom" }),
  };
}

/** A merged area of more than one cell. */
function merge(plan: SheetPlan, top: number, left: number, bottom: number, right: number): void {
  if (top !== bottom || left !== right) plan.merges.push({ top, left, bottom, right });
}

function fmt(
  plan: SheetPlan,
  top: number,
  left: number,
  bottom: number,
  right: number,
  style: CellStyle
): void {
  plan.formats.push({ range: { top, left, bottom, right }, style });
}

/** A merged area and its format, sharing one range object (hosts only read plans). */
function area(
  plan: SheetPlan,
  top: number,
  left: number,
  bottom: number,
  right: number,
  style: CellStyle
): void {
  const range = { top, left, bottom, right };
  if (top !== bottom || left !== right) plan.merges.push(range);
  plan.formats.push({ range, style });
}

function drawBox(plan: SheetPlan, box: BoxPlacement, c: BoxContent, styles: BoxStyles): void {
  const { lang } = styles;
  const L = box.left;
  const R = box.right;
  const [codeRow, nameRow] = [box.rowTops[0] ?? box.top, box.rowTops[1] ?? box.top];
  const [codeEnd, nameEnd] = [box.rowEnds[0] ?? codeRow, box.rowEnds[1] ?? nameRow];

  // The whole box first: white (padding rows look part of it), small text, the outline (red and
  // thicker when the condition has errors). The rows below only set what differs.
  fmt(plan, box.top, L, box.bottom, R, c.errors > 0 ? styles.errorBase : styles.base);

  // Code row: code (linked to the source) on the left, the error marker on the right.
  const markerCols = 2;
  merge(plan, codeRow, L, codeEnd, R - markerCols);
  const markerRange = { top: codeRow, left: R - markerCols + 1, bottom: codeEnd, right: R };
  plan.merges.push(markerRange);
  plan.cells.push({ row: codeRow, col: L, value: c.code });
  fmt(
    plan,
    codeRow,
    L,
    codeEnd,
    R,
    c.link ? styles.code[c.style].linked : styles.code[c.style].plain
  );
  if (c.link) {
    const target = flat(refOf(c.link));
    plan.hyperlinks.push({
      row: codeRow,
      col: L,
      target,
      text: c.code,
      tip: linkTip(target, lang),
    });
  }
  if (c.errors > 0) {
    plan.cells.push({
      row: codeRow,
      col: R - markerCols + 1,
      value: t("tree.errorMarker", { n: c.errors }, lang),
    });
    plan.formats.push({ range: markerRange, style: styles.errorMarker });
  }

  // Name row: the condition's own text, live.
  if (box.rowTops.length > 1) {
    plan.cells.push(textCell(nameRow, L, c.name));
    area(
      plan,
      nameRow,
      L,
      nameEnd,
      R,
      c.bold ? styles.name[c.style].bold : styles.name[c.style].plain
    );
  }

  // Indicators: "IK: name" across the box, then T | R | capaian.
  const third = BOX_COLS / 3;
  for (let i = 0; i < c.indicators.length; i++) {
    const { name, ind } = c.indicators[i] as BoxContent["indicators"][number];
    const ikRow = box.rowTops[2 + 2 * i];
    const vRow = box.rowTops[3 + 2 * i];
    const ikEnd = box.rowEnds[2 + 2 * i];
    const vEnd = box.rowEnds[3 + 2 * i];
    if (ikRow === undefined || vRow === undefined || ikEnd === undefined || vEnd === undefined)
      continue;
    plan.cells.push(textCell(ikRow, L, name));
    area(plan, ikRow, L, ikEnd, R, styles.indicatorName);
    const tCol = L;
    const rCol = L + third;
    const cCol = L + 2 * third;
    const tSrc = measureRef(ind, "target");
    const rSrc = measureRef(ind, "actual");
    area(plan, vRow, tCol, vEnd, rCol - 1, styles.target);
    plan.cells.push(numberCell(vRow, tCol, tSrc, ind.target));
    area(plan, vRow, rCol, vEnd, cCol - 1, styles.actual);
    plan.cells.push(numberCell(vRow, rCol, rSrc, ind.actual));
    area(plan, vRow, cCol, vEnd, R, styles.capaian);
    // Computed from the box's own T and R cells, which show the source cells as they are.
    const cSrc = measureRef(ind, "achievement");
    const f =
      tSrc && rSrc
        ? achievementFormula(a1(vRow, tCol), a1(vRow, rCol), ind)
        : cSrc
          ? typedAchievementFormula(cSrc)
          : null;
    plan.cells.push(
      f ? { row: vRow, col: cCol, formula: f } : { row: vRow, col: cCol, value: ind.achievement }
    );
  }
  if (c.indicators.length === 0 && c.style !== "outcome") {
    const r = box.rowTops[2];
    const e = box.rowEnds[2];
    if (r !== undefined && e !== undefined) {
      plan.cells.push({ row: r, col: L, value: fixed("tree.noIndicator", lang) });
      area(plan, r, L, e, R, styles.noIndicator);
    }
  }
}

/**
 * The band colours of the capaian cells as a few conditional formats, each over a column strip
 * that holds no number but capaian: the capaian columns of a whole stack (its boxes' other cells
 * in those columns are the error marker's text and the hidden parts of merged rows; the gaps
 * between boxes are empty), and of each box drawn side by side in a tier or on the shelf, from its
 * first to its last values row. A stack's strip also takes in its parent's, one column to its
 * left: the parent's strip ends where the stack's columns begin, the column beside the parent is
 * empty down to the stack, and in the stack that column is the hidden half of the realisasi. The
 * rules test ISNUMBER, so "" (no capaian) stays plain.
 */
function capaianBands(
  plan: SheetPlan,
  boxes: readonly BoxPlacement[],
  contents: ReadonlyMap<string, BoxContent>,
  bands: BandRule[]
): void {
  const strips: CellRange[] = [];
  /** Strips of boxes side by side, by their box's left column; stacks' by their boxes' left. */
  const single = new Map<number, CellRange>();
  const stacks = new Map<number, CellRange>();
  for (const box of boxes) {
    const n = contents.get(box.id)?.indicators.length ?? 0;
    const top = box.rowTops[3];
    const bottom = box.rowEnds[1 + 2 * n];
    if (n === 0 || top === undefined || bottom === undefined) continue;
    const left = box.left + (2 * BOX_COLS) / 3;
    if (!box.stacked) {
      const range = { top, left, bottom, right: box.right };
      strips.push(range);
      if (!box.shelf) single.set(box.left, range);
      continue;
    }
    // Stacks never share columns: the box's left column names its stack.
    const strip = stacks.get(box.left);
    if (!strip) {
      const range = { top, left, bottom, right: box.right };
      stacks.set(box.left, range);
      strips.push(range);
    } else {
      strip.top = Math.min(strip.top, top);
      strip.bottom = Math.max(strip.bottom, bottom);
    }
  }
  // A stack hangs one column right of its parent, below it.
  const joined = new Set<CellRange>();
  for (const [left, strip] of stacks) {
    const parent = single.get(left - 1);
    if (!parent || parent.bottom >= strip.top || parent.right + 1 !== strip.right) continue;
    strip.top = parent.top;
    strip.left = parent.left;
    joined.add(parent);
  }
  for (const range of strips)
    if (!joined.has(range)) plan.conditionalFormats.push({ range, bands });
}

function textCell(
  row: number,
  col: number,
  lt: LinkedText
): { row: number; col: number; value?: string; formula?: string } {
  return lt.formula !== undefined
    ? { row, col, formula: lt.formula }
    : { row, col, value: lt.value ?? "" };
}

/** The legend of levels, bands and notes; returns its last row. */
function drawLegend(plan: SheetPlan, top: number, settings: Settings, lang: Lang): number {
  const lvl = (k: MessageKey): string => t(k, {}, lang);
  plan.cells.push({ row: top, col: 0, value: lvl("tree.legendTitle") });
  plan.formats.push({
    range: { top, left: 0, bottom: top, right: 0 },
    style: { bold: true, fontSize: 11 },
  });
  const head = top + 1;
  const heads: [number, MessageKey][] = [
    [0, "tree.legendLevels"],
    [8, "tree.legendBands"],
    [16, "tree.legendNotes"],
  ];
  for (const [col, key] of heads) {
    plan.cells.push({ row: head, col, value: lvl(key) });
    plan.formats.push({
      range: { top: head, left: col, bottom: head, right: col },
      style: { bold: true, fontSize: 9 },
    });
  }
  const swatch = (
    row: number,
    col: number,
    fill: string,
    font: string,
    text: string,
    label: string
  ): void => {
    plan.merges.push({ top: row, left: col, bottom: row, right: col + 1 });
    plan.merges.push({ top: row, left: col + 2, bottom: row, right: col + 7 });
    plan.cells.push({ row, col, value: text }, { row, col: col + 2, value: label });
    plan.formats.push(
      {
        range: { top: row, left: col, bottom: row, right: col + 1 },
        style: {
          fill,
          fontColor: font,
          fontSize: 8,
          hAlign: "center",
          border: { top: BOX_BORDER, bottom: BOX_BORDER, left: BOX_BORDER, right: BOX_BORDER },
        },
      },
      { range: { top: row, left: col + 2, bottom: row, right: col + 7 }, style: { fontSize: 9 } }
    );
  };
  const levels: [keyof typeof LEVEL_STYLE, string][] = [
    ["outcome", lvl("common.level.outcome")],
    ["csf", lvl("common.level.csf")],
    ["antara", lvl("common.level.antara")],
    ["operasional", lvl("common.level.operasional")],
    ["shelf", lvl("tree.shelfTitle")],
  ];
  levels.forEach(([k, label], i) => {
    const s = LEVEL_STYLE[k];
    swatch(head + 1 + i, 0, s.head, s.headFont, "", label);
  });
  const sorted = [...settings.bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  sorted.forEach((b, i) => {
    const above = i > 0 ? sorted[i - 1] : undefined;
    const max = above?.min ?? null;
    const range =
      b.min !== null && max === null
        ? t("tree.band.atLeast", { min: b.min }, lang)
        : b.min !== null && max !== null
          ? t("tree.band.between", { min: b.min, max }, lang)
          : t("tree.band.below", { max: max ?? 0 }, lang);
    swatch(head + 1 + i, 8, b.fill, b.fontColor, range, b.label[lang]);
  });
  const notes: MessageKey[] = [
    "tree.note.indicator",
    "tree.note.values",
    "tree.note.error",
    "tree.note.link",
  ];
  notes.forEach((k, i) => {
    const row = head + 1 + i;
    plan.merges.push({ top: row, left: 16, bottom: row, right: LEGEND_COLS - 1 });
    plan.cells.push({ row, col: 16, value: lvl(k) });
    plan.formats.push({
      range: { top: row, left: 16, bottom: row, right: 16 },
      style: { fontSize: 9 },
    });
  });
  const last = head + Math.max(levels.length, sorted.length, notes.length);
  for (let r = top; r <= last; r++) plan.rowHeights.push({ row: r, height: 15 });
  return last;
}

export type { TreeLayout };
