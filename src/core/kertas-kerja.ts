/**
 * The kertas kerja document sheet, written from the model in the seed's layout: title block,
 * outcome, the three CSF tables, one section per condition in code order, the signature block.
 * Everything comes from the model, so a name fixed once is fixed in every table, heading and
 * indicator line; the indicator table's texts are formulas on the cells they were read from
 * (with the text as their value), so they follow later edits. The layout is the one the reader
 * reads, so the sheet reads back to the model.
 */
import type { SheetGrid, WorkbookGrids } from "./grid";
import type { ConditionNode, CsfModel, Indicator, SourceRef } from "./model";
import { a1, quoteSheet } from "./address";
import {
  emptySheetPlan,
  generatedKind,
  markerText,
  resolveSheetName,
  type CellStyle,
  type SheetPlan,
} from "./plan";
import type { Settings } from "./settings";
import { t, type Lang } from "./messages";
import { MAX_ROW_HEIGHT, heightForLines } from "./text-fit";
import {
  BODY_FONT,
  HEADING_FONT,
  LAST_COL,
  PAGE_HEIGHT,
  TITLE_FONT,
  WIDTHS,
  fitVerticalMerges,
  placeUnits,
  row,
  spacer,
  spanWidth,
  wide,
  wrappedLines,
  wideLines,
  type Placed,
  type RowCell,
  type RowKind,
  type RowSpec,
  type Unit,
} from "./kertas-kerja/layout";

/** Compare two codes segment by segment, numerically where both are numbers ("1.10" after "1.9"). */
export function compareCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareSegments(a.split("."), b.split("."));
}

function compareSegments(pa: readonly string[], pb: readonly string[]): number {
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const d =
      x !== "" && y !== "" && Number.isFinite(nx) && Number.isFinite(ny)
        ? nx - ny
        : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

/** The model's conditions in code order; equal codes keep their reading order, no code goes last. */
export function nodesInCodeOrder(model: CsfModel): ConditionNode[] {
  // Each code split once, not at every comparison.
  return model.nodes
    .map((n, i) => ({ n, i, parts: n.code === null ? null : n.code.split(".") }))
    .sort((a, b) => {
      let d = 0;
      if (a.n.code !== b.n.code) {
        if (a.parts === null) d = 1;
        else if (b.parts === null) d = -1;
        else d = compareSegments(a.parts, b.parts);
      }
      return d || a.i - b.i;
    })
    .map((x) => x.n);
}

/** A condition's name followed by its code as the tables write it: "Name (CSF 1)", "Name (1.1)". */
export function tableLabel(node: ConditionNode): string {
  if (node.code === null) return node.name;
  return node.level === "csf" ? `${node.name} (CSF ${node.code})` : `${node.name} (${node.code})`;
}

/** A section heading: "1.1. Name" ("1. Name" for a CSF; the name alone when there is no code). */
export function sectionHeading(node: ConditionNode): string {
  return node.code === null ? node.name : `${node.code}. ${node.name}`;
}

/** The "Terwujudnya kondisi ini dapat tergambar dari indikator (1) … (2) …" line, from the indicators. */
export function indicatorLine(indicators: readonly Indicator[], lang: Lang): string {
  const list = indicators.map((ind, i) => `(${i + 1}) ${ind.name}`).join(" ");
  return t("kertasKerja.indicatorLine", { list }, lang);
}

/**
 * A paragraph as one or more rows: one row unless its text would need more than Excel's largest
 * row height, in which case it is cut at line breaks (or, failing those, between sentences).
 */
function paragraphRows(text: string): RowSpec[] {
  const width = spanWidth(0, LAST_COL);
  const linesOf = (s: string): number => wrappedLines(s, width, BODY_FONT);
  const fits = (lines: number): boolean => heightForLines(lines, BODY_FONT) < MAX_ROW_HEIGHT;
  // The usual case: one row, its lines counted once (the row's height reuses them).
  const lines = linesOf(text);
  if (fits(lines)) return [wideLines("para", text, lines)];
  let pieces = text.split(/\r?\n/);
  // Sentences: split after each full stop (no regex lookbehind: Safari before 16.4 lacks it).
  if (pieces.length === 1)
    pieces = text.split(/\.\s+/).map((p, i, all) => (i < all.length - 1 ? `${p}.` : p));
  const out: string[] = [];
  let current = "";
  const sep = text.includes("\n") ? "\n" : " ";
  for (const p of pieces) {
    const joined = current === "" ? p : `${current}${sep}${p}`;
    if (current !== "" && !fits(linesOf(joined))) {
      out.push(current);
      current = p;
    } else current = joined;
  }
  if (current !== "") out.push(current);
  return out.map((s) => wide("para", s));
}

function unitOf(rows: RowSpec[], keepWithNext = false): Unit {
  return keepWithNext ? { rows, keepWithNext } : { rows };
}

/** A table's header row (written again where the table continues on a new page). */
function tableHeader(cells: { col: number; right: number; value: string }[]): {
  header: RowSpec[];
} {
  return { header: [row("th", cells, true)] };
}

/** The three CSF tables' column headers: No. | second | third (C:E). */
function csfTableHeader(second: string, third: string, lang: Lang) {
  return tableHeader([
    { col: 0, right: 0, value: t("kertasKerja.col.no", {}, lang) },
    { col: 1, right: 1, value: second },
    { col: 2, right: LAST_COL, value: third },
  ]);
}

/** Tallest run of children kept under one merged parent: a page less a header and some room. */
const MAX_RUN_HEIGHT = PAGE_HEIGHT - 80;

/** Units of a CSF table listing `children` one per row under their parents (merged over them). */
function cascadeTable(
  children: readonly ConditionNode[],
  byId: ReadonlyMap<string, ConditionNode>,
  header: { header: RowSpec[] }
): Unit[] {
  // Children whose parent is unknown come first, under an empty CSF cell: further down, an empty
  // CSF cell reads as "same parent as the row above".
  const groups = new Map<string, ConditionNode[]>([["", []]]);
  for (const c of children) {
    const key = c.parentId !== null && byId.has(c.parentId) ? c.parentId : "";
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const units: Unit[] = [
    { rows: header.header, keepWithNext: true, table: { ...header, isHeader: true } },
  ];
  let no = 0;
  for (const [parentId, kids] of groups) {
    if (kids.length === 0) continue;
    no += 1;
    const parent = byId.get(parentId);
    const cells = (kid: ConditionNode, first: boolean) => {
      const child = { col: 2, right: LAST_COL, value: tableLabel(kid) };
      if (!first) return [child];
      return [
        { col: 0, right: 0, value: `${no}.` },
        { col: 1, right: 1, value: parent ? tableLabel(parent) : "" },
        child,
      ];
    };
    // A parent with more children than a page holds is cut into page-sized runs, each opening
    // with the parent again, so that no merged cell runs over a page break.
    // Each child's own row (its height without the parent's text), computed once.
    const runs: RowSpec[][] = [[]];
    let runHeight = 0;
    for (const kid of kids) {
      const r = row("td", cells(kid, false));
      const run = runs[runs.length - 1] as RowSpec[];
      if (run.length > 0 && runHeight + r.height > MAX_RUN_HEIGHT) {
        runs.push([r]);
        runHeight = r.height;
      } else {
        run.push(r);
        runHeight += r.height;
      }
    }
    let k = 0;
    for (const run of runs) {
      // The parent's No. and name go in the first row only; the merge covers the others, and
      // over several rows the parent's text spreads over all of them (fitVerticalMerges).
      const first = k;
      k += run.length;
      const rows = run.map((r, i) => {
        if (i > 0) return r;
        const kid = kids[first] as ConditionNode;
        const own = run.length === 1 ? row("td", cells(kid, true)) : r;
        own.cells = cells(kid, true);
        return own;
      });
      const unit: Unit = { rows, table: header };
      if (rows.length > 1) unit.vmergeCols = [0, 1];
      fitVerticalMerges(unit);
      units.push(unit);
    }
  }
  return units;
}

/** The indicator table's columns, A to E. */
const INDICATOR_TEXTS = ["name", "definition", "relevance", "formula", "dataSource"] as const;

/** The rows every section repeats, made once per document (their text and height never vary). */
interface SectionParts {
  lang: Lang;
  explanation: RowSpec;
  indicatorHeader: RowSpec;
  link: (ref: SourceRef | undefined, text: string) => string | undefined;
}

function sectionParts(lang: Lang, wb: WorkbookGrids): SectionParts {
  return {
    lang,
    explanation: wide("label", t("kertasKerja.explanation", {}, lang)),
    indicatorHeader: row(
      "th",
      INDICATOR_TEXTS.map((k, c) => ({
        col: c,
        right: c,
        value: t(`kertasKerja.ind.${k}`, {}, lang),
      })),
      true
    ),
    link: sourceLinker(wb),
  };
}

/**
 * A formula showing a text live from the cell it was read from (`='Uraian Kondisi'!B12&""`), or
 * undefined where the text must be written as it is: the cell must hold exactly that text (not
 * one joined from several rows, not trimmed), on a sheet of the user's own (a generated sheet
 * may be the one being replaced). `&""` shows a cell emptied later as empty rather than 0.
 * Some 25 characters instead of a paragraph keep the sheet's write small; the row heights are
 * the text's, so the printout is the same.
 */
export function sourceLinker(
  wb: WorkbookGrids
): (ref: SourceRef | undefined, text: string) => string | undefined {
  const sheets = new Map<string, { grid: SheetGrid; prefix: string } | null>();
  return (ref, text) => {
    if (!ref || text === "") return undefined;
    let sheet = sheets.get(ref.sheet);
    if (sheet === undefined) {
      const grid = wb.sheets.find((s) => s.name === ref.sheet);
      sheet =
        grid && generatedKind(grid) === null
          ? { grid, prefix: `=${quoteSheet(grid.name)}!` }
          : null;
      sheets.set(ref.sheet, sheet);
    }
    if (!sheet || sheet.grid.values[ref.row]?.[ref.col] !== text) return undefined;
    return `${sheet.prefix}${a1(ref.row, ref.col)}&""`;
  };
}

/** Units of one condition's section. */
function sectionUnits(node: ConditionNode, parts: SectionParts, units: Unit[]): void {
  units.push(unitOf([wide("heading", sectionHeading(node))], true));
  if (node.explanation !== null) {
    units.push(unitOf([parts.explanation], true));
    for (const r of paragraphRows(node.explanation)) units.push(unitOf([r]));
  }
  if (node.problems !== null) for (const r of paragraphRows(node.problems)) units.push(unitOf([r]));
  if (node.indicators.length > 0) {
    units.push(unitOf([wide("para", indicatorLine(node.indicators, parts.lang))], true));
    // Each table its own header list: a header is written again only within its own table.
    const header = { header: [parts.indicatorHeader] };
    units.push({ rows: header.header, keepWithNext: true, table: { ...header, isHeader: true } });
    for (const ind of node.indicators) {
      const cell = (col: number, key: (typeof INDICATOR_TEXTS)[number]): RowCell => {
        const value = ind[key] ?? "";
        const formula = parts.link(ind.textCells[key], value);
        return formula === undefined
          ? { col, right: col, value }
          : { col, right: col, value, formula };
      };
      const r = row(
        "td",
        INDICATOR_TEXTS.map((key, col) => cell(col, key))
      );
      units.push({ rows: [r], table: header });
    }
  }
  if (node.impact !== null) for (const r of paragraphRows(node.impact)) units.push(unitOf([r]));
  units.push(unitOf([spacer()]));
}

/** The signature block in D:E, or nothing when no signatory is set. */
function signatureUnit(settings: Settings, lang: Lang): Unit | null {
  const s = settings.signatory;
  const placeDate = [s.place.trim(), s.date.trim()].filter((x) => x !== "").join(", ");
  if (placeDate === "" && s.position.trim() === "" && s.name.trim() === "") return null;
  const cell = (value: string) => [{ col: 3, right: LAST_COL, value }];
  const rows: RowSpec[] = [spacer(15)];
  if (placeDate !== "") rows.push(row("sign", cell(placeDate), true));
  if (s.position.trim() !== "") rows.push(row("sign", cell(s.position.trim()), true));
  rows.push(spacer(54));
  if (s.name.trim() !== "") rows.push(row("signName", cell(s.name.trim()), true));
  if (s.nip.trim() !== "")
    rows.push(row("sign", cell(t("kertasKerja.signature.nip", { nip: s.nip.trim() }, lang)), true));
  return { rows };
}

const THIN = { style: "thin" as const };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** One shared (frozen) style per row kind and alignment: a long document has thousands of rows. */
const STYLES = new Map<RowKind, [CellStyle | undefined, CellStyle | undefined]>();

function styleFor(kind: RowKind, center: boolean): CellStyle {
  let pair = STYLES.get(kind);
  if (!pair) STYLES.set(kind, (pair = [undefined, undefined]));
  const i = center ? 1 : 0;
  let style = pair[i];
  if (!style) pair[i] = style = Object.freeze(makeStyle(kind, center));
  return style;
}

/**
 * The style of a block of rows of one kind. Properties equal to a new sheet's defaults are left
 * out (text aligns left, no underline); tables are styled as whole blocks, so a border is an
 * outline plus the grid inside (the lines inside a merged cell do not show).
 */
function makeStyle(kind: RowKind, center: boolean): CellStyle {
  const base: CellStyle = { wrap: true, vAlign: "top", fontSize: BODY_FONT };
  if (center) base.hAlign = "center";
  switch (kind) {
    case "title":
      return { ...base, bold: true, fontSize: TITLE_FONT };
    case "heading":
      return { ...base, bold: true, fontSize: HEADING_FONT };
    case "label":
      return { ...base, bold: true };
    case "signName":
      return { ...base, bold: true, underline: true };
    case "th":
      return {
        ...base,
        bold: true,
        vAlign: "middle",
        fill: "#D9D9D9",
        border: GRID,
        innerBorder: THIN,
      };
    case "td":
      return { ...base, border: GRID, innerBorder: THIN };
    default:
      return base;
  }
}

/**
 * Writes the placed rows into the plan: cells, merges, row heights, and the formats as few
 * rectangles, one per run of consecutive rows that share a style and columns (a table's body
 * on one page is one format, not one per cell). Rows are contiguous from the first placed row.
 */
function writeRows(plan: SheetPlan, placed: Placed): void {
  let run: { style: CellStyle; top: number; left: number; right: number } | null = null;
  let runBottom = 0;
  const flush = (): void => {
    if (run)
      plan.formats.push({
        range: { top: run.top, left: run.left, bottom: runBottom, right: run.right },
        style: run.style,
      });
    run = null;
  };
  for (let i = 0; i < placed.rows.length; i++) {
    const spec = placed.rows[i] as RowSpec;
    const r = placed.firstRow + i;
    plan.rowHeights.push({ row: r, height: Math.min(MAX_ROW_HEIGHT, spec.height) });
    const cells = spec.cells;
    if (cells.length === 0) {
      // A spacer: nothing to write or style. It is merged across A:E like the text rows around
      // it, so a section's closing lines, the spacer and the next section's opening lines are
      // one stack of one-row merges, which Excel takes in one merge-across call.
      plan.merges.push({ top: r, left: 0, bottom: r, right: LAST_COL });
      flush();
      continue;
    }
    let left = LAST_COL;
    let right = 0;
    for (const c of cells) {
      if (c.formula !== undefined)
        plan.cells.push({ row: r, col: c.col, value: c.value, formula: c.formula });
      else if (c.value !== "") plan.cells.push({ row: r, col: c.col, value: c.value });
      if (c.right > c.col) plan.merges.push({ top: r, left: c.col, bottom: r, right: c.right });
      if (c.col < left) left = c.col;
      if (c.right > right) right = c.right;
    }
    // Table rows span A:E: the columns a row leaves out are under its parent's vertical merge.
    if (spec.kind === "th" || spec.kind === "td") {
      left = 0;
      right = LAST_COL;
    }
    const style = styleFor(spec.kind, spec.center === true);
    const current = run as { style: CellStyle; left: number; right: number } | null;
    if (
      current &&
      current.style === style &&
      current.left === left &&
      current.right === right &&
      runBottom === r - 1
    ) {
      runBottom = r;
      continue;
    }
    flush();
    run = { style, top: r, left, right };
    runBottom = r;
  }
  flush();
  for (const m of placed.vmerges) plan.merges.push(m);
}

/**
 * The "Kertas Kerja" sheet plan: the document written from the model in the seed's layout,
 * A4 portrait, wrapped text with computed row heights, page breaks between sections and table
 * headers written again where a table continues on a new page, "Halaman x dari y" in the footer.
 * Formats are few rectangles (one per run of rows sharing a style; none overlap), so the plan
 * stays small on a document of tens of thousands of rows.
 * It replaces only a sheet the add-in made itself (resolveSheetName and the A1 marker).
 */
export function planKertasKerja(model: CsfModel, wb: WorkbookGrids, settings: Settings): SheetPlan {
  const lang = settings.lang;
  const name = resolveSheetName(t("kertasKerja.sheetName", {}, lang), wb, "kertas-kerja");
  const plan = emptySheetPlan(name, "create", "kertas-kerja");
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const ordered = nodesInCodeOrder(model);
  const organisation = (settings.organisation.trim() || model.organisation || "").trim();

  const units: Unit[] = [];
  const titleRows = [wide("title", t("kertasKerja.title", {}, lang), true)];
  if (organisation !== "") titleRows.push(wide("title", organisation.toUpperCase(), true));
  // "Tahun 2024" in ordinary case: a line in capitals would read back as part of the organisation.
  if (settings.year !== null)
    titleRows.push(wide("title", t("kertasKerja.year", { year: settings.year }, lang), true));
  units.push(unitOf([...titleRows, spacer()], true));
  // Without an outcome the heading is left out too: the line after it is read as the outcome.
  if (model.outcome !== null) {
    units.push(unitOf([wide("heading", t("kertasKerja.outcomeHeading", {}, lang))], true));
    units.push(unitOf([wide("heading", model.outcome)], true));
  }
  units.push(unitOf([spacer()], true));

  // Table 1: No. | Faktor Penyebab | Kondisi yang diperlukan — one row per CSF.
  const h1 = csfTableHeader(
    t("kertasKerja.col.cause", {}, lang),
    t("kertasKerja.col.required", {}, lang),
    lang
  );
  units.push({ rows: h1.header, keepWithNext: true, table: { ...h1, isHeader: true } });
  ordered
    .filter((n) => n.level === "csf")
    .forEach((n, i) => {
      const r = row("td", [
        { col: 0, right: 0, value: `${i + 1}.` },
        { col: 1, right: 1, value: n.cause ?? "" },
        { col: 2, right: LAST_COL, value: tableLabel(n) },
      ]);
      units.push({ rows: [r], table: h1 });
    });
  units.push(unitOf([spacer()]));

  // Tables 2 and 3: the cascade, parents merged over their children.
  units.push(unitOf([wide("heading", t("kertasKerja.cascadeHeading", {}, lang))], true));
  const csf = t("kertasKerja.col.csf", {}, lang);
  for (const [level, key] of [
    ["antara", "kertasKerja.col.antara"],
    ["operasional", "kertasKerja.col.operasional"],
  ] as const) {
    const children = ordered.filter((n) => n.level === level);
    if (children.length === 0) continue;
    units.push(...cascadeTable(children, byId, csfTableHeader(csf, t(key, {}, lang), lang)));
    units.push(unitOf([spacer()]));
  }

  const parts = sectionParts(lang, wb);
  for (const n of ordered) sectionUnits(n, parts, units);
  const sign = signatureUnit(settings, lang);
  if (sign) units.push(sign);

  const placed = placeUnits(units, 1);

  plan.cells.push({ row: 0, col: 0, value: markerText("kertas-kerja", lang) });
  plan.formats.push({
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    style: { italic: true, fontSize: 8, fontColor: "#808080", wrap: false },
  });
  writeRows(plan, placed);
  plan.columnWidths = WIDTHS.map((width, col) => ({ col, width }));
  plan.print = {
    paper: "A4",
    orientation: "portrait",
    area: { top: 1, left: 0, bottom: Math.max(1, placed.lastRow), right: LAST_COL },
    rowBreaks: placed.breaks,
    footerCenter: t("kertasKerja.footer", {}, lang),
    margins: { top: 0.75, bottom: 0.75, left: 0.55, right: 0.5 },
    centerHorizontally: true,
    // One page wide: at 100 % where Calibri is installed; scaled down where a wider font stands in.
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return plan;
}
