/**
 * The kertas kerja's placed rows written into a sheet plan: cells, merges, row heights, and the
 * formats as few shared styles over few rectangles.
 */
import type { CellStyle, SheetPlan } from "../plan";
import { MAX_ROW_HEIGHT } from "../text-fit";
import {
  BODY_FONT,
  FONT_NAME,
  HEADING_FONT,
  LAST_COL,
  TITLE_FONT,
  type Placed,
  type RowKind,
  type RowSpec,
} from "./layout";

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
  const base: CellStyle = { fontName: FONT_NAME, wrap: true, vAlign: "top", fontSize: BODY_FONT };
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
      // Indented off the left border (centred text keeps off it anyway).
      return center
        ? { ...base, border: GRID, innerBorder: THIN }
        : { ...base, hAlign: "left", indent: 1, border: GRID, innerBorder: THIN };
    default:
      return base;
  }
}

/**
 * A table row and its continuation rows: each column its own rectangle, bordered round, so the
 * rows read as one (no line between them) while the columns keep their lines.
 */
const JOINED: CellStyle = Object.freeze(withoutInner(makeStyle("td", false)));

function withoutInner(style: CellStyle): CellStyle {
  const { innerBorder: _inner, ...rest } = style;
  return rest;
}

/** Cells, merges and the row's height of one placed row. */
function writeCells(plan: SheetPlan, r: number, spec: RowSpec): void {
  plan.rowHeights.push({ row: r, height: Math.min(MAX_ROW_HEIGHT, spec.height) });
  for (const c of spec.cells) {
    if (c.formula !== undefined)
      plan.cells.push({ row: r, col: c.col, value: c.value, formula: c.formula });
    else if (c.value !== "") plan.cells.push({ row: r, col: c.col, value: c.value });
    if (c.right > c.col) plan.merges.push({ top: r, left: c.col, bottom: r, right: c.right });
  }
}

/**
 * Index of the last row joined to `rows[i]` (itself when none): the continuation rows that
 * follow it on the same page. Across a page break each page's part is bordered round.
 */
function joinedEnd(placed: Placed, breaks: ReadonlySet<number>, i: number): number {
  let e = i;
  while (placed.rows[e + 1]?.continued && !breaks.has(placed.firstRow + e + 1)) e += 1;
  return e;
}

/**
 * Writes the placed rows into the plan: cells, merges, row heights, and the formats as few
 * rectangles, one per run of consecutive rows that share a style and columns (a table's body
 * on one page is one format, not one per cell). Rows are contiguous from the first placed row.
 */
export function writeRows(plan: SheetPlan, placed: Placed): void {
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
  const breaks = new Set(placed.breaks);
  for (let i = 0; i < placed.rows.length; i++) {
    const spec = placed.rows[i] as RowSpec;
    const r = placed.firstRow + i;
    writeCells(plan, r, spec);
    const cells = spec.cells;
    if (cells.length === 0) {
      // A spacer: nothing to write or style. It is merged across A:E like the text rows around
      // it, so a section's closing lines, the spacer and the next section's opening lines are
      // one stack of one-row merges, which Excel takes in one merge-across call.
      plan.merges.push({ top: r, left: 0, bottom: r, right: LAST_COL });
      flush();
      continue;
    }
    const end = spec.kind === "td" ? joinedEnd(placed, breaks, i) : i;
    if (end > i) {
      flush();
      for (let k = i + 1; k <= end; k++)
        writeCells(plan, placed.firstRow + k, placed.rows[k] as RowSpec);
      const bottom = placed.firstRow + end;
      for (const c of cells)
        plan.formats.push({
          range: { top: r, left: c.col, bottom, right: c.right },
          style: JOINED,
        });
      i = end;
      continue;
    }
    let left = LAST_COL;
    let right = 0;
    for (const c of cells) {
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
