/**
 * Worksheet XML: a created sheet built as one string, and a user's sheet patched in place (only
 * the listed cells, rows and elements change; every other byte is copied). Elements are placed
 * in the order CT_Worksheet requires.
 */
import {
  a1,
  a1Range,
  columnIndex,
  columnLetters,
  type CellRange,
  type BandRule,
  type CellStyle,
  type PlanCell,
  type PlanConditionalFormat,
  type PlanHyperlink,
  type PrintSetup,
  type SheetPlan,
  bandCondition,
} from "../../../core";
import { ascii, ByteWriter } from "./byte-writer";
import { slideFormula } from "./read";
import { toFileFormula } from "./future-functions";
import { argb, BOTTOM, EMPTY_BASE, LEFT, RIGHT, StyleBook, TOP } from "./styles";
import {
  attrsText,
  escapeAttr,
  escapeText,
  localName,
  parseAttrs,
  setAttr,
  topLevelElements,
  unescapeXml,
} from "./xml-text";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** CT_Worksheet's children in schema order. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** What a sheet contributes to workbook.xml's defined names. */
export interface SheetNames {
  printArea?: CellRange;
  titleRows?: { first: number; last: number };
  filter?: CellRange;
}

/** A cell's type attribute and content. */
interface Content {
  t: string | null;
  inner: string;
}

/** The XML of one plan cell's value or formula; text is never a formula. */
function cellContent(c: PlanCell): Content {
  if (c.formula !== undefined) {
    const f = `<f>${escapeText(toFileFormula(c.formula.replace(/^=/, "")))}</f>`;
    const v = c.value;
    if (typeof v === "number" && Number.isFinite(v)) return { t: null, inner: `${f}<v>${v}</v>` };
    if (typeof v === "boolean") return { t: "b", inner: `${f}<v>${v ? 1 : 0}</v>` };
    if (typeof v === "string") return { t: "str", inner: `${f}<v>${escapeText(v)}</v>` };
    return { t: null, inner: f };
  }
  return valueContent(c.value);
}

function valueContent(v: PlanCell["value"]): Content {
  if (v === undefined || v === null) return { t: null, inner: "" };
  if (typeof v === "number" && Number.isFinite(v)) return { t: null, inner: `<v>${v}</v>` };
  if (typeof v === "boolean") return { t: "b", inner: `<v>${v ? 1 : 0}</v>` };
  // The raw text: escaped and wrapped only when written (a kertas kerja holds megabytes of it).
  return { t: "inlineStr", inner: String(v) };
}

function cellXml(ref: string, s: number, content: Content | null): string {
  const sAttr = s > 0 ? ` s="${s}"` : "";
  if (content?.t === "inlineStr")
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(content.inner)}</t></is></c>`;
  if (!content || content.inner === "") return `<c r="${ref}"${sAttr}/>`;
  const tAttr = content.t ? ` t="${content.t}"` : "";
  return `<c r="${ref}"${sAttr}${tAttr}>${content.inner}</c>`;
}

/** Covered cells of the plan's merges; throws on overlapping areas as ExcelJS does. */
function mergeCover(
  merges: readonly CellRange[],
  existing: readonly CellRange[]
): {
  slaves: Set<number>;
  areas: CellRange[];
} {
  const covered = new Set<number>();
  const slaves = new Set<number>();
  const areas: CellRange[] = [];
  if (merges.every((m) => m.top === m.bottom && m.left === m.right)) return { slaves, areas };
  const cover = (m: CellRange, check: boolean) => {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const k = key(r, c);
        if (check && covered.has(k)) throw new Error("Cannot merge already merged cells");
        covered.add(k);
        if (check && (r > m.top || c > m.left)) slaves.add(k);
      }
  };
  for (const m of existing) cover(m, false);
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    cover(m, true);
    areas.push(m);
  }
  return { slaves, areas };
}

const ROW_OPEN = ascii(`<row r="`);
const ROW_CLOSE = ascii(`</row>`);
const CELL_OPEN = ascii(`<c r="`);
const SELF_CLOSE = ascii(`/>`);
const GT = ascii(`>`);
const INLINE_OPEN = ascii(` t="inlineStr"><is><t xml:space="preserve">`);
const INLINE_CLOSE = ascii(`</t></is></c>`);

/** No cell at this position of a created sheet's dense rows. */
const NO_CELL = -2;

/**
 * The plan's merge areas (single cells skipped) and, over a width × height grid, 1 at every
 * covered cell other than an area's top-left; throws on overlapping areas as ExcelJS does.
 */
function mergeAreas(
  merges: readonly CellRange[],
  width: number,
  height: number
): { list: CellRange[]; slaves: Uint8Array | null } {
  const list = merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  if (list.length === 0) return { list, slaves: null };
  const covered = new Uint8Array(width * height);
  for (const m of list)
    for (let r = m.top; r <= m.bottom; r++) {
      const base = r * width;
      for (let c = m.left; c <= m.right; c++) {
        if (covered[base + c] !== 0) throw new Error("Cannot merge already merged cells");
        covered[base + c] = r > m.top || c > m.left ? 1 : 2;
      }
    }
  return { list, slaves: covered };
}

function key(r: number, c: number): number {
  return r * 16384 + c;
}

/** The edge flags of (r, c) in `range`. */
function edgesOf(range: CellRange, r: number, c: number): number {
  return (
    (r === range.top ? TOP : 0) |
    (r === range.bottom ? BOTTOM : 0) |
    (c === range.left ? LEFT : 0) |
    (c === range.right ? RIGHT : 0)
  );
}

function hasBorder(style: CellStyle): boolean {
  return style.innerBorder !== undefined || Object.keys(style.border ?? {}).length > 0;
}

function hyperlinkXml(h: PlanHyperlink): string {
  const tip = h.tip ? ` tooltip="${escapeAttr(h.tip)}"` : "";
  return `<hyperlink ref="${a1(h.row, h.col)}" location="${escapeAttr(h.target)}"${tip}/>`;
}

/** Bands as expression rules, by descending lower bound (the higher band wins at a bound). */
function conditionalXml(
  cf: PlanConditionalFormat,
  styles: StyleBook,
  priority: () => number
): string {
  const lower = (b: BandRule) => b.min ?? -Infinity;
  const bands = [...cf.bands].sort((a, b) => lower(b) - lower(a));
  if (bands.length === 0) return "";
  const ref = a1(cf.range.top, cf.range.left);
  const rules = bands
    .map(
      (b) =>
        `<cfRule type="expression" dxfId="${styles.bandDxf(b)}" priority="${priority()}"><formula>${escapeText(
          bandCondition(ref, b)
        )}</formula></cfRule>`
    )
    .join("");
  return `<conditionalFormatting sqref="${rangeText(cf.range)}">${rules}</conditionalFormatting>`;
}

function rangeText(r: CellRange): string {
  return a1Range(r.top, r.left, r.bottom, r.right);
}

/**
 * A plan's column width (characters shown, as Excel's Column Width box says) as the file stores
 * it: with the 5 px of cell padding, in 256ths of a 7 px character (ECMA-376 18.3.1.13).
 */
export function storedWidth(chars: number): number {
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

/** `<col>` elements: the existing ones with the plan's widths set (ranges split where needed). */
function colsXml(existing: string[], widths: readonly { col: number; width: number }[]): string {
  if (existing.length === 0) {
    // A created sheet: one <col> per column (the last width given wins), in order.
    const byCol = new Map(widths.map((w) => [w.col, w.width]));
    const cols = [...byCol].sort((x, y) => x[0] - y[0]);
    return cols.length > 0
      ? `<cols>${cols
          .map(
            ([c, w]) =>
              `<col min="${c + 1}" max="${c + 1}" width="${storedWidth(w)}" customWidth="1"/>`
          )
          .join("")}</cols>`
      : "";
  }
  type Col = { min: number; max: number; attrs: Map<string, string> };
  let cols: Col[] = existing.map((x) => {
    const a = parseAttrs(x);
    return { min: Number(a.get("min")), max: Number(a.get("max")), attrs: a };
  });
  for (const w of widths) {
    const c = w.col + 1;
    const next: Col[] = [];
    let found = false;
    for (const col of cols) {
      if (c < col.min || c > col.max) {
        next.push(col);
        continue;
      }
      found = true;
      if (col.min < c)
        next.push({ ...col, max: c - 1, attrs: withRange(col.attrs, col.min, c - 1) });
      const a = withRange(col.attrs, c, c);
      a.set("width", String(storedWidth(w.width)));
      a.set("customWidth", "1");
      next.push({ min: c, max: c, attrs: a });
      if (col.max > c)
        next.push({ ...col, min: c + 1, attrs: withRange(col.attrs, c + 1, col.max) });
    }
    if (!found)
      next.push({
        min: c,
        max: c,
        attrs: new Map([
          ["min", String(c)],
          ["max", String(c)],
          ["width", String(storedWidth(w.width))],
          ["customWidth", "1"],
        ]),
      });
    cols = next.sort((a, b) => a.min - b.min);
  }
  return cols.length > 0
    ? `<cols>${cols.map((c) => `<col${attrsText(c.attrs)}/>`).join("")}</cols>`
    : "";
}

function withRange(attrs: Map<string, string>, min: number, max: number): Map<string, string> {
  const a = new Map(attrs);
  a.set("min", String(min));
  a.set("max", String(max));
  return a;
}

function paneXml(freeze: { rows: number; cols: number }): string {
  const { rows, cols } = freeze;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const x = cols > 0 ? ` xSplit="${cols}"` : "";
  const y = rows > 0 ? ` ySplit="${rows}"` : "";
  const tl = a1(rows, cols);
  return `<pane${x}${y} topLeftCell="${tl}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/>`;
}

function printXml(p: PrintSetup | undefined): {
  options: string;
  margins: string;
  setup: string;
  footer: string;
  breaks: string;
} {
  const m = p?.margins;
  const margins = m
    ? `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`
    : `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  if (!p) return { options: "", margins, setup: "", footer: "", breaks: "" };
  const fitW = p.fitToWidth ?? 0;
  const fitH = p.fitToHeight ?? 0;
  const fit = fitW > 0 || fitH > 0 ? ` fitToWidth="${fitW}" fitToHeight="${fitH}"` : "";
  const setup = `<pageSetup paperSize="${p.paper === "A3" ? 8 : 9}" orientation="${p.orientation}"${fit}/>`;
  const options = p.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "";
  const footer = p.footerCenter
    ? `<headerFooter><oddFooter>${escapeText(`&C${p.footerCenter}`)}</oddFooter></headerFooter>`
    : "";
  // A break "above row r" (0-based) is Excel's break after 1-based row r.
  const rows = (p.rowBreaks ?? []).filter((r) => r > 0);
  const breaks =
    rows.length > 0
      ? `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows
          .map((r) => `<brk id="${r}" max="16383" man="1"/>`)
          .join("")}</rowBreaks>`
      : "";
  return { options, margins, setup, footer, breaks };
}

/**
 * A created sheet's cells as dense rows over the plan's extent: style ids (NO_CELL where no cell
 * is) and contents. A tree touches millions of cells through its formats, and maps of objects
 * cost seconds there.
 */
interface DenseSheet {
  width: number;
  height: number;
  styleRows: (Int32Array | undefined)[];
  /** Contents per row, where a row has any. */
  contentRows: ((Content | null)[] | undefined)[];
  /** Characters of content, to size the output buffer. */
  contentChars: number;
}

/** Columns and rows the plan's cells, formats, merges and links reach (at least one column). */
function planExtent(sp: SheetPlan): { width: number; height: number } {
  let width = 1;
  let height = 0;
  const extend = (bottom: number, right: number) => {
    if (right + 1 > width) width = right + 1;
    if (bottom + 1 > height) height = bottom + 1;
  };
  for (const c of sp.cells) extend(c.row, c.col);
  for (const f of sp.formats) extend(f.range.bottom, f.range.right);
  for (const m of sp.merges) extend(m.bottom, m.right);
  for (const h of sp.hyperlinks) extend(h.row, h.col);
  return { width, height };
}

function emptyDenseSheet(width: number, height: number): DenseSheet {
  return {
    width,
    height,
    styleRows: new Array<Int32Array | undefined>(height),
    contentRows: new Array<(Content | null)[] | undefined>(height),
    contentChars: 0,
  };
}

function styleRow(d: DenseSheet, r: number): Int32Array {
  let row = d.styleRows[r];
  if (!row) d.styleRows[r] = row = new Int32Array(d.width).fill(NO_CELL);
  return row;
}

function setContent(d: DenseSheet, r: number, c: number, content: Content | null): void {
  const row = styleRow(d, r);
  if (row[c] === NO_CELL) row[c] = EMPTY_BASE;
  let cr = d.contentRows[r];
  if (!cr) d.contentRows[r] = cr = new Array<Content | null>(d.width).fill(null);
  cr[c] = content;
  if (content) d.contentChars += content.inner.length;
}

/** Contents dropped from merged cells other than an area's top-left, as ExcelJS does. */
function dropCoveredContents(d: DenseSheet, slaves: Uint8Array | null): void {
  if (!slaves) return;
  const width = d.width;
  d.contentRows.forEach((cr, r) => {
    if (cr) for (let c = 0; c < width; c++) if (slaves[r * width + c] === 1) cr[c] = null;
  });
}

/** Each format derived over the style of every cell of its range, in order. */
function applyFormats(d: DenseSheet, formats: SheetPlan["formats"], styles: StyleBook): void {
  for (const f of formats) {
    const border = hasBorder(f.style);
    const { top, left, bottom, right } = f.range;
    // Neighbouring cells mostly share a base style and edges: derive once per run of them.
    let lastBase = NaN;
    let lastEdges = -1;
    let lastId = 0;
    for (let r = top; r <= bottom; r++) {
      const row = styleRow(d, r);
      for (let c = left; c <= right; c++) {
        const cur = row[c] as number;
        const base = cur === NO_CELL ? EMPTY_BASE : cur;
        const edges = border ? edgesOf(f.range, r, c) : 0;
        if (base !== lastBase || edges !== lastEdges) {
          lastId = styles.derive(base, f.style, edges);
          lastBase = base;
          lastEdges = edges;
        }
        row[c] = lastId;
      }
    }
  }
}

/** Heights by row (NaN: none), as an array: a kertas kerja sets one on each of 55,000 rows. */
function rowHeights(sp: SheetPlan, height: number): Float64Array {
  let lastRow = height - 1;
  for (const h of sp.rowHeights) if (h.row > lastRow) lastRow = h.row;
  const heights = new Float64Array(lastRow + 1).fill(NaN);
  for (const h of sp.rowHeights) heights[h.row] = h.height;
  return heights;
}

/** The last row and column holding a cell (-1 when none), for `<dimension>`. */
function cellExtent(d: DenseSheet): { maxRow: number; maxCol: number } {
  let maxRow = -1;
  let maxCol = -1;
  d.styleRows.forEach((row, r) => {
    if (!row) return;
    for (let c = d.width - 1; c >= 0; c--)
      if (row[c] !== NO_CELL) {
        maxRow = r;
        if (c > maxCol) maxCol = c;
        break;
      }
  });
  return { maxRow, maxCol };
}

function cellCount(d: DenseSheet): number {
  let cells = 0;
  for (const row of d.styleRows)
    if (row) for (let c = 0; c < d.width; c++) if (row[c] !== NO_CELL) cells++;
  return cells;
}

/** `<sheetViews>` of a created sheet: selected or not, gridlines, frozen panes. */
function sheetViewsXml(sp: SheetPlan, tabSelected: boolean): string {
  const freeze = sp.freeze && (sp.freeze.rows > 0 || sp.freeze.cols > 0) ? paneXml(sp.freeze) : "";
  const grid = sp.gridlines === false ? ` showGridLines="0"` : "";
  return `<sheetViews><sheetView${tabSelected ? ` tabSelected="1"` : ""}${grid} workbookViewId="0"${
    freeze ? `>${freeze}</sheetView>` : "/>"
  }</sheetViews>`;
}

/** A created sheet's XML up to and including `<sheetData>`. */
function createdHeadXml(sp: SheetPlan, tabSelected: boolean, d: DenseSheet): string {
  const sheetPr: string[] = [];
  if (sp.tabColor) sheetPr.push(`<tabColor rgb="${argb(sp.tabColor)}"/>`);
  const fit = (sp.print?.fitToWidth ?? 0) > 0 || (sp.print?.fitToHeight ?? 0) > 0;
  if (fit) sheetPr.push(`<pageSetUpPr fitToPage="1"/>`);
  const { maxRow, maxCol } = cellExtent(d);
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`,
    sheetPr.length > 0 ? `<sheetPr>${sheetPr.join("")}</sheetPr>` : "",
    `<dimension ref="${maxRow < 0 ? "A1" : a1Range(0, 0, maxRow, Math.max(maxCol, 0))}"/>`,
    sheetViewsXml(sp, tabSelected),
    `<sheetFormatPr defaultRowHeight="15"/>`,
    colsXml([], sp.columnWidths),
    `<sheetData>`,
  ].join("");
}

/**
 * The rows of a created sheet, written byte by byte: `<c r="` letters row `" s="` id `"` then
 * `/>` or the content.
 */
function writeCreatedRows(w: ByteWriter, d: DenseSheet, heights: Float64Array): void {
  const letters = Array.from({ length: d.width }, (_, c) => ascii(columnLetters(c)));
  const styleAttr = new Map<number, Uint8Array>();
  const sBytes = (st: number) => {
    let b = styleAttr.get(st);
    if (!b) styleAttr.set(st, (b = ascii(st > 0 ? `" s="${st}"` : `"`)));
    return b;
  };
  for (let r = 0; r < heights.length; r++) {
    const h = heights[r] as number;
    const row = d.styleRows[r];
    if (!row && Number.isNaN(h)) continue;
    const n = r + 1;
    w.bytes(ROW_OPEN);
    w.uint(n);
    w.text(Number.isNaN(h) ? `"` : `" ht="${h}" customHeight="1"`);
    if (!row) {
      w.bytes(SELF_CLOSE);
      continue;
    }
    w.bytes(GT);
    const cr = d.contentRows[r];
    for (let c = 0; c < d.width; c++) {
      const st = row[c] as number;
      if (st === NO_CELL) continue;
      w.bytes(CELL_OPEN);
      w.bytes(letters[c] as Uint8Array);
      w.uint(n);
      w.bytes(sBytes(st));
      writeCreatedContent(w, cr ? cr[c] : null);
    }
    w.bytes(ROW_CLOSE);
  }
}

/** A created cell's content after its `s` attribute, through its end. */
function writeCreatedContent(w: ByteWriter, content: Content | null | undefined): void {
  if (content?.t === "inlineStr") {
    w.bytes(INLINE_OPEN);
    w.text(escapeText(content.inner));
    w.bytes(INLINE_CLOSE);
  } else if (!content || content.inner === "") w.bytes(SELF_CLOSE);
  else w.text(`${content.t ? ` t="${content.t}"` : ""}>${content.inner}</c>`);
}

/** A created sheet's XML after `</sheetData>`: filter, merges, conditional formats, links, print. */
function createdTailXml(sp: SheetPlan, styles: StyleBook, merges: readonly CellRange[]): string {
  let priority = 0;
  const next = () => ++priority;
  const cfs = sp.conditionalFormats.map((cf) => conditionalXml(cf, styles, next)).join("");
  const print = printXml(sp.print);
  return [
    `</sheetData>`,
    sp.autoFilter ? `<autoFilter ref="${rangeText(sp.autoFilter)}"/>` : "",
    merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges
          .map((m) => `<mergeCell ref="${rangeText(m)}"/>`)
          .join("")}</mergeCells>`
      : "",
    cfs,
    sp.hyperlinks.length > 0
      ? `<hyperlinks>${sp.hyperlinks.map(hyperlinkXml).join("")}</hyperlinks>`
      : "",
    print.options,
    print.margins,
    print.setup,
    print.footer,
    print.breaks,
    `</worksheet>`,
  ].join("");
}

/** What a created sheet gives workbook.xml's defined names. */
function createdNames(sp: SheetPlan): SheetNames {
  const names: SheetNames = {};
  if (sp.print?.area) names.printArea = sp.print.area;
  if (sp.print?.titleRows) names.titleRows = sp.print.titleRows;
  if (sp.autoFilter) names.filter = sp.autoFilter;
  return names;
}

/**
 * A created sheet's XML. Values first, then merges (a value in a merged cell other than the
 * top-left is dropped, as ExcelJS does), then formats in order (later ones merge over earlier
 * ones), then links.
 */
export function buildSheetXml(
  sp: SheetPlan,
  styles: StyleBook,
  tabSelected: boolean
): { xml: Uint8Array; names: SheetNames } {
  const { width, height } = planExtent(sp);
  const d = emptyDenseSheet(width, height);
  for (const c of sp.cells) setContent(d, c.row, c.col, cellContent(c));
  const areas = mergeAreas(sp.merges, width, height);
  dropCoveredContents(d, areas.slaves);
  applyFormats(d, sp.formats, styles);
  for (const h of sp.hyperlinks) setContent(d, h.row, h.col, valueContent(h.text));
  const heights = rowHeights(sp, height);

  // Room for every row and cell up front: growing a buffer of tens of megabytes copies it.
  const w = new ByteWriter(
    Math.max(1 << 16, heights.length * 64 + cellCount(d) * 28 + Math.ceil(d.contentChars * 1.2))
  );
  w.text(createdHeadXml(sp, tabSelected, d));
  writeCreatedRows(w, d, heights);
  w.text(createdTailXml(sp, styles, areas.list));
  return { xml: w.result(), names: createdNames(sp) };
}

/** The head of a worksheet (everything before its `<sheetData>`), its root's start and end. */
function worksheetBounds(xml: string): {
  rootStart: number;
  sdStart: number;
  sdEnd: number;
  rootEnd: number;
} {
  const root = /<([\w]+:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error("worksheet part without a worksheet element");
  const rootStart = root.index + root[0].length;
  const rootEnd = xml.lastIndexOf("</");
  const sd = /<([\w]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml.slice(rootStart));
  if (!sd) return { rootStart, sdStart: rootEnd, sdEnd: rootEnd, rootEnd };
  const sdStart = rootStart + sd.index;
  if (sd[2] === "/") return { rootStart, sdStart, sdEnd: sdStart + sd[0].length, rootEnd };
  const close = xml.indexOf(`</${sd[1] ?? ""}sheetData>`, sdStart);
  return { rootStart, sdStart, sdEnd: close + `</${sd[1] ?? ""}sheetData>`.length, rootEnd };
}

/**
 * The worksheet with `element` inserted where CT_Worksheet puts an element called `name` (after
 * every existing element that precedes it in the schema). `from`/`to` bound the search.
 */
function insertElement(
  xml: string,
  name: string,
  element: string,
  from: number,
  to: number
): string {
  if (element === "") return xml;
  const rank = WORKSHEET_ORDER.indexOf(name);
  for (const e of topLevelElements(xml, from, to)) {
    const r = WORKSHEET_ORDER.indexOf(localName(e.name));
    if (r > rank) return `${xml.slice(0, e.start)}${element}${xml.slice(e.start)}`;
  }
  return `${xml.slice(0, to)}${element}${xml.slice(to)}`;
}

/** The first top-level element called `name` between `from` and `to`, if any. */
function findElement(xml: string, name: string, from: number, to: number) {
  return topLevelElements(xml, from, to).find((e) => localName(e.name) === name);
}

/**
 * The head of a worksheet (before sheetData) with the first sheet view selected or not; null
 * when nothing changes. Only the head is decoded and patched: sheet data may be megabytes.
 */
export function patchTabSelected(head: string, selected: boolean): string | null {
  const view = /<([\w]+:)?sheetView\b[^>]*?\/?>/.exec(head);
  if (!view) {
    if (!selected) return null;
    const root = /<([\w]+:)?worksheet\b[^>]*>/.exec(head);
    if (!root) return null;
    const views = `<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>`;
    return insertElement(head, "sheetViews", views, root.index + root[0].length, head.length);
  }
  const attrs = parseAttrs(view[0]);
  const on = attrs.get("tabSelected") === "1" || attrs.get("tabSelected") === "true";
  if (on === selected) return null;
  const tag = setAttr(view[0], "tabSelected", selected ? "1" : null);
  return `${head.slice(0, view.index)}${tag}${head.slice(view.index + view[0].length)}`;
}

/** A change to one existing or new cell of a user's sheet. */
interface CellPatch {
  content?: Content;
  formats: { style: CellStyle; edges: number }[];
}

/** The plan's changes to a user's sheet by row, then column. */
type Patches = Map<number, Map<number, CellPatch>>;

function patchAt(patches: Patches, r: number, c: number): CellPatch {
  let row = patches.get(r);
  if (!row) patches.set(r, (row = new Map()));
  let p = row.get(c);
  if (!p) row.set(c, (p = { formats: [] }));
  return p;
}

/** The merge areas of a `<mergeCells>` element's XML. */
function mergeRefs(el: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of el.matchAll(/ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g)) {
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1] as string);
    out.push({
      top,
      left,
      bottom: m[4] ? Number(m[4]) - 1 : top,
      right: m[3] ? columnIndex(m[3]) : left,
    });
  }
  return out;
}

/**
 * The plan's cells, formats and links as patches, and its merge areas to add; a value the plan
 * puts in a merged cell other than the top-left is emptied, as ExcelJS does.
 */
function planPatches(
  sp: SheetPlan,
  existingMerges: readonly CellRange[]
): { patches: Patches; areas: CellRange[] } {
  const patches: Patches = new Map();
  for (const c of sp.cells) patchAt(patches, c.row, c.col).content = cellContent(c);
  const { slaves, areas } = mergeCover(sp.merges, existingMerges);
  for (const f of sp.formats) {
    const border = hasBorder(f.style);
    for (let r = f.range.top; r <= f.range.bottom; r++)
      for (let c = f.range.left; c <= f.range.right; c++)
        patchAt(patches, r, c).formats.push({
          style: f.style,
          edges: border ? edgesOf(f.range, r, c) : 0,
        });
  }
  for (const h of sp.hyperlinks) patchAt(patches, h.row, h.col).content = valueContent(h.text);
  if (slaves.size > 0)
    for (const [r, row] of patches)
      for (const [c, p] of row)
        if (slaves.has(key(r, c)) && p.content) p.content = { t: null, inner: "" };
  return { patches, areas };
}

/** The `<col>` elements of a sheet's `<cols>` and the style each column gives a new cell. */
function columnStyles(
  xml: string,
  b: { rootStart: number; sdStart: number }
): { colItems: string[]; colStyle: (c: number) => number } {
  const colStyles: { min: number; max: number; s: number }[] = [];
  const colsEl = findElement(xml, "cols", b.rootStart, b.sdStart);
  const colItems = colsEl
    ? [...xml.slice(colsEl.start, colsEl.end).matchAll(/<(?:\w+:)?col\b[^>]*\/?>/g)].map(
        (m) => m[0]
      )
    : [];
  for (const c of colItems) {
    const a = parseAttrs(c);
    const s = a.get("style");
    if (s) colStyles.push({ min: Number(a.get("min")), max: Number(a.get("max")), s: Number(s) });
  }
  const colStyle = (c: number) => colStyles.find((x) => c + 1 >= x.min && c + 1 <= x.max)?.s ?? 0;
  return { colItems, colStyle };
}

/** The rows and columns the patches reach (maxRow -1 when there is none). */
function patchExtent(patches: Patches): CellRange {
  let maxRow = -1;
  let maxCol = -1;
  let minRow = Infinity;
  let minCol = Infinity;
  for (const [r, row] of patches) {
    maxRow = Math.max(maxRow, r);
    minRow = Math.min(minRow, r);
    for (const c of row.keys()) {
      maxCol = Math.max(maxCol, c);
      minCol = Math.min(minCol, c);
    }
  }
  return { top: minRow, left: minCol, bottom: maxRow, right: maxCol };
}

/** What rewriting a user's rows needs besides the XML. */
interface RowJob {
  patches: Patches;
  heights: Map<number, number>;
  styles: StyleBook;
  colStyle: (c: number) => number;
  /** The namespace prefix of the sheet's elements ("" or "x:"). */
  prefix: string;
  /** Shared-formula masters the patches replaced, filled in while rows are written. */
  masters: SharedMaster[];
}

/** The element `<sheetData>` of a user's sheet: its prefix and where its content lies. */
function sheetDataBody(
  xml: string,
  b: { sdStart: number; sdEnd: number }
): { prefix: string; bodyStart: number; bodyEnd: number } {
  const sdOpen = /<([\w]+:)?sheetData\b[^>]*?(\/?)>/.exec(xml.slice(b.sdStart, b.sdEnd));
  const prefix = sdOpen?.[1] ?? "";
  const selfClosing = !sdOpen || sdOpen[2] === "/";
  const bodyStart = selfClosing ? b.sdEnd : b.sdStart + (sdOpen?.[0].length ?? 0);
  const bodyEnd = selfClosing ? b.sdEnd : b.sdEnd - `</${prefix}sheetData>`.length;
  return { prefix, bodyStart, bodyEnd };
}

/**
 * The content of `<sheetData>` with the target rows (those with patches or heights) rewritten or
 * inserted in order; every other row is copied as it is.
 */
function patchedRows(xml: string, bodyStart: number, bodyEnd: number, job: RowJob): string {
  const { prefix, patches, heights } = job;
  const targets = [...new Set([...patches.keys(), ...heights.keys()])].sort((x, y) => x - y);
  const out: string[] = [];
  let copyFrom = bodyStart;
  let ti = 0;
  let pos = bodyStart;
  let implicitRow = 0;
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const rowWith = (r: number, tag: string | null, body: string) =>
    rowXml(r, tag, body, patches.get(r), heights.get(r), job);
  while (ti < targets.length) {
    const at = xml.indexOf(rowOpen, pos);
    if (at < 0 || at >= bodyEnd) break;
    if (!endsTagName(xml[at + rowOpen.length])) {
      pos = at + rowOpen.length;
      continue;
    }
    const gt = xml.indexOf(">", at);
    const tag = xml.slice(at, gt + 1);
    const rm = /\sr\s*=\s*"(\d+)"/.exec(tag);
    const r = rm ? Number(rm[1]) - 1 : implicitRow;
    implicitRow = r + 1;
    const end = tag.endsWith("/>") ? gt + 1 : xml.indexOf(rowClose, gt) + rowClose.length;
    pos = end;
    // New rows before this one.
    for (; ti < targets.length && (targets[ti] as number) < r; ti++) {
      out.push(xml.slice(copyFrom, at), rowWith(targets[ti] as number, null, ""));
      copyFrom = at;
    }
    if (targets[ti] === r) {
      const body = tag.endsWith("/>") ? "" : xml.slice(gt + 1, end - rowClose.length);
      out.push(xml.slice(copyFrom, at), rowWith(r, tag, body));
      copyFrom = end;
      ti++;
    }
  }
  out.push(xml.slice(copyFrom, bodyEnd));
  for (; ti < targets.length; ti++) out.push(rowWith(targets[ti] as number, null, ""));
  return out.join("");
}

/** The sheet's tail (after sheet data) with the plan's merge areas added to `<mergeCells>`. */
function tailWithMerges(tail: string, areas: readonly CellRange[], prefix: string): string {
  if (areas.length === 0) return tail;
  const tailLen = tail.lastIndexOf("</");
  const items = areas.map((m) => `<mergeCell ref="${rangeText(m)}"/>`).join("");
  const el = findElement(tail, "mergeCells", 0, tailLen);
  if (!el)
    return insertElement(
      tail,
      "mergeCells",
      `<mergeCells count="${areas.length}">${items}</mergeCells>`,
      0,
      tailLen
    );
  const old = tail.slice(el.start, el.end);
  const count = (old.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length + areas.length;
  const open = setAttr(/<[^>]*>/.exec(old)?.[0] ?? "<mergeCells>", "count", String(count));
  const inner = old.endsWith("/>") ? "" : old.slice(old.indexOf(">") + 1, old.lastIndexOf("</"));
  const openTag = open.endsWith("/>") ? `${open.slice(0, -2).trimEnd()}>` : open;
  return `${tail.slice(0, el.start)}${openTag}${inner}${items}</${prefix}mergeCells>${tail.slice(el.end)}`;
}

/** The tail with the plan's conditional formats, numbered after the sheet's own. */
function tailWithConditionalFormats(tail: string, sp: SheetPlan, styles: StyleBook): string {
  if (sp.conditionalFormats.length === 0) return tail;
  let priority = 0;
  for (const m of tail.matchAll(/priority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
  const next = () => ++priority;
  const cfs = sp.conditionalFormats.map((cf) => conditionalXml(cf, styles, next)).join("");
  return insertElement(tail, "conditionalFormatting", cfs, 0, tail.lastIndexOf("</"));
}

/** The tail with the plan's links added to `<hyperlinks>`. */
function tailWithHyperlinks(tail: string, links: readonly PlanHyperlink[]): string {
  if (links.length === 0) return tail;
  const items = links.map(hyperlinkXml).join("");
  const el = findElement(tail, "hyperlinks", 0, tail.lastIndexOf("</"));
  if (el && !tail.slice(el.start, el.end).endsWith("/>")) {
    const close = tail.lastIndexOf("</", el.end - 1);
    return `${tail.slice(0, close)}${items}${tail.slice(close)}`;
  }
  if (el) return `${tail.slice(0, el.start)}<hyperlinks>${items}</hyperlinks>${tail.slice(el.end)}`;
  return insertElement(
    tail,
    "hyperlinks",
    `<hyperlinks>${items}</hyperlinks>`,
    0,
    tail.lastIndexOf("</")
  );
}

/** The head (before sheet data) with `<dimension>` grown to hold `reach`. */
function headWithDimension(head: string, rootStart: number, reach: CellRange, prefix: string) {
  if (reach.bottom < 0) return head;
  const dim = findElement(head, "dimension", rootStart, head.length);
  const ref = dim ? (parseAttrs(head.slice(dim.start, dim.end)).get("ref") ?? "A1") : "A1";
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  const top = m ? Number(m[2]) - 1 : 0;
  const left = m ? columnIndex(m[1] as string) : 0;
  const bottom = m ? Number(m[4] ?? m[2]) - 1 : 0;
  const right = m ? columnIndex((m[3] ?? m[1]) as string) : 0;
  const nr = a1Range(
    Math.min(top, reach.top),
    Math.min(left, reach.left),
    Math.max(bottom, reach.bottom),
    Math.max(right, reach.right)
  );
  const el = `<${prefix}dimension ref="${nr}"/>`;
  return dim
    ? `${head.slice(0, dim.start)}${el}${head.slice(dim.end)}`
    : insertElement(head, "dimension", el, rootStart, head.length);
}

/** The head with the plan's column widths set in `<cols>`. */
function headWithWidths(
  head: string,
  rootStart: number,
  colItems: string[],
  widths: SheetPlan["columnWidths"]
): string {
  if (widths.length === 0) return head;
  const cols = colsXml(colItems, widths);
  const el = findElement(head, "cols", rootStart, head.length);
  return el
    ? `${head.slice(0, el.start)}${cols}${head.slice(el.end)}`
    : insertElement(head, "cols", cols, rootStart, head.length);
}

/**
 * A user's sheet with the plan's cells written: only listed cells are replaced or inserted (in
 * column order, in their row, created when missing); a cell keeps its style unless a format of
 * the plan applies, which derives a new style from the old one. Also widths, heights, merges,
 * conditional formats and links.
 */
export function patchSheetXml(xml: string, sp: SheetPlan, styles: StyleBook): string {
  if (sp.freeze || sp.autoFilter || sp.print || sp.tabColor)
    throw new Error(
      `update plan for ${sp.sheet}: freeze, filter, print or tab colour not supported`
    );
  const b = worksheetBounds(xml);
  const mergeEl = findElement(xml, "mergeCells", b.sdEnd, b.rootEnd);
  const existingMerges = mergeEl ? mergeRefs(xml.slice(mergeEl.start, mergeEl.end)) : [];
  const { patches, areas } = planPatches(sp, existingMerges);
  const { colItems, colStyle } = columnStyles(xml, b);
  const { prefix, bodyStart, bodyEnd } = sheetDataBody(xml, b);
  const heights = new Map(sp.rowHeights.map((h) => [h.row, h.height]));
  const job: RowJob = { patches, heights, styles, colStyle, prefix, masters: [] };
  const rows = `<${prefix}sheetData>${patchedRows(xml, bodyStart, bodyEnd, job)}</${prefix}sheetData>`;
  const sheetData = job.masters.length > 0 ? unshare(rows, job.masters) : rows;

  let tail = tailWithMerges(xml.slice(b.sdEnd), areas, prefix);
  tail = tailWithConditionalFormats(tail, sp, styles);
  tail = tailWithHyperlinks(tail, sp.hyperlinks);

  let head = xml.slice(0, b.sdStart);
  const { rootStart } = worksheetBounds(`${head}<sheetData/></worksheet>`);
  head = headWithDimension(head, rootStart, patchExtent(patches), prefix);
  head = headWithWidths(head, rootStart, colItems, sp.columnWidths);
  return `${head}${sheetData}${tail}`;
}

/** The cells of a user's row body, each with its column, and what follows them (extLst). */
function rowCells(
  body: string,
  r: number,
  prefix: string
): { cells: { col: number; xml: string }[]; trailing: string } {
  const cells: { col: number; xml: string }[] = [];
  let pos = 0;
  let implicit = 0;
  const cOpen = `<${prefix}c`;
  const cClose = `</${prefix}c>`;
  while (pos < body.length) {
    const at = body.indexOf(cOpen, pos);
    if (at < 0) return { cells, trailing: body.slice(pos) };
    // Another element (extLst): keep it after the cells.
    if (!endsTagName(body[at + cOpen.length])) return { cells, trailing: body.slice(at) };
    const gt = body.indexOf(">", at);
    const ctag = body.slice(at, gt + 1);
    const end = ctag.endsWith("/>") ? gt + 1 : body.indexOf(cClose, gt) + cClose.length;
    const rm = /\sr\s*=\s*"([A-Z]+)\d+"/.exec(ctag);
    const col = rm ? columnIndex(rm[1] as string) : implicit;
    implicit = col + 1;
    let xml = body.slice(at, end);
    if (!rm) xml = `${setAttr(ctag, "r", a1(r, col))}${xml.slice(ctag.length)}`;
    cells.push({ col, xml });
    pos = end;
  }
  return { cells, trailing: "" };
}

/** A row's start tag with its number, its height if given, and no `spans`. */
function patchedRowTag(r: number, tag: string | null, height: number | undefined, prefix: string) {
  let open = tag ?? `<${prefix}row r="${r + 1}">`;
  if (open.endsWith("/>")) open = `${open.slice(0, -2).trimEnd()}>`;
  if (!/\sr\s*=/.test(open)) open = setAttr(open, "r", String(r + 1));
  // Spans are a hint that new cells could contradict.
  open = setAttr(open, "spans", null);
  if (height !== undefined) {
    open = setAttr(open, "ht", String(height));
    open = setAttr(open, "customHeight", "1");
  }
  return open;
}

/** One cell of a user's row with its patch applied (`old` null: a new cell). */
function patchedCell(
  r: number,
  col: number,
  old: string | null,
  p: CellPatch,
  inherited: number,
  job: RowJob
): string {
  const oldTag = old ? (/^<[^>]*>/.exec(old)?.[0] ?? "") : null;
  let s = oldTag ? Number(parseAttrs(oldTag).get("s") ?? 0) : inherited;
  for (const f of p.formats) s = job.styles.derive(s, f.style, f.edges);
  if (p.content) {
    const master = old ? sharedMaster(old, r, col) : null;
    if (master) job.masters.push(master);
    return cellXml(a1(r, col), s, p.content);
  }
  if (old && oldTag)
    return `${setAttr(oldTag, "s", s > 0 ? String(s) : null)}${old.slice(oldTag.length)}`;
  return cellXml(a1(r, col), s, null);
}

/** One row of a user's sheet with its patches applied (`tag` null: a new row). */
function rowXml(
  r: number,
  tag: string | null,
  body: string,
  patches: Map<number, CellPatch> | undefined,
  height: number | undefined,
  job: RowJob
): string {
  const open = patchedRowTag(r, tag, height, job.prefix);
  const rowAttrs = parseAttrs(open);
  // A new cell takes the row's style when the row has one, else its column's.
  const rowStyle =
    rowAttrs.get("customFormat") === "1" || rowAttrs.get("customFormat") === "true"
      ? Number(rowAttrs.get("s") ?? 0)
      : null;
  const { cells, trailing } = rowCells(body, r, job.prefix);
  if (patches) {
    const byCol = new Map(cells.map((c, i) => [c.col, i]));
    for (const [col, p] of patches) {
      const i = byCol.get(col);
      const old = i === undefined ? null : (cells[i] as { col: number; xml: string }).xml;
      const xml = patchedCell(r, col, old, p, rowStyle ?? job.colStyle(col), job);
      if (i === undefined) cells.push({ col, xml });
      else cells[i] = { col, xml };
    }
    cells.sort((x, y) => x.col - y.col);
  }
  return `${open}${cells.map((c) => c.xml).join("")}${trailing}</${job.prefix}row>`;
}

/** The master cell of a shared formula that the plan replaces: its group's other cells need it. */
interface SharedMaster {
  si: string;
  formula: string;
  row: number;
  col: number;
}

/** The shared-formula group `cell` is the master of (`<f t="shared" ref=… si=…>text</f>`), if any. */
function sharedMaster(cell: string, row: number, col: number): SharedMaster | null {
  const f = /<(?:\w+:)?f\b([^>]*)>([^<]*)<\/(?:\w+:)?f>/.exec(cell);
  if (!f) return null;
  const a = parseAttrs(`<f${f[1] ?? ""}>`);
  const si = a.get("si");
  if (a.get("t") !== "shared" || !a.has("ref") || si === undefined) return null;
  return { si, formula: unescapeXml(f[2] ?? ""), row, col };
}

/**
 * Sheet data where the cells that shared a replaced master's formula hold their own formula
 * (the master's, slid to the cell), as Excel would have computed it: without the master a
 * shared group is broken and Excel repairs the file.
 */
function unshare(sheetData: string, masters: SharedMaster[]): string {
  const bySi = new Map(masters.map((m) => [m.si, m]));
  return sheetData.replace(
    /<((?:\w+:)?c)\b([^>]*?)>(<(?:\w+:)?f\b[^>]*?(?:\/>|>[^<]*<\/(?:\w+:)?f>))/g,
    (whole: string, c: string, attrs: string, f: string) => {
      const fa = parseAttrs(f.slice(0, f.indexOf(">") + 1));
      const master = bySi.get(fa.get("si") ?? "");
      if (!master || fa.get("t") !== "shared" || fa.has("ref")) return whole;
      const ref = /\sr\s*=\s*"([A-Z]+)(\d+)"/.exec(attrs);
      if (!ref) return whole;
      const to = { row: Number(ref[2]) - 1, col: columnIndex(ref[1] as string) };
      const own = slideFormula(master.formula, { row: master.row, col: master.col }, to);
      const fName = c.replace(/c$/, "f");
      return `<${c}${attrs}><${fName}>${escapeText(own)}</${fName}>`;
    }
  );
}

/** True when `ch`, the character after "<row" or "<c", ends the tag name (so not "<rowBreaks"). */
function endsTagName(ch: string | undefined): boolean {
  return ch === " " || ch === ">" || ch === "/" || ch === "\n" || ch === "\t" || ch === "\r";
}
