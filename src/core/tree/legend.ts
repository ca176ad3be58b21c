/**
 * The printed header of the tree: its title (organisation and year) and the legend of levels,
 * capaian bands and notes, both on the first page. Each is a block of rows placed where the tree
 * leaves room: the title beside the top of the tree (the outcome and a single CSF leave most of
 * the width empty), the legend beside it on the other side or under the shortest columns; where
 * there is no room, both go above the tree in rows of their own.
 */
import type { CellRange } from "../grid";
import { t, type MessageKey } from "../messages";
import type { CellStyle, SheetPlan } from "../plan";
import type { Settings } from "../settings";
import { CELL_PADDING, wrappedLines } from "../text-fit";
import { COL_POINTS, TREE_FONT, treeLine } from "./content";
import { BOX_BORDER, LEVEL_STYLE } from "./draw";
import { ROW_UNIT, type TreeLayout } from "./layout";

/** One row of a block: cells side by side (columns from the block's left), and its height. */
interface BlockRow {
  height: number;
  cells: { left: number; right: number; value: string; style: CellStyle }[];
}

/** A block of rows laid out in columns from its own left, before it is given rows. */
export interface Block {
  rows: BlockRow[];
  cols: number;
}

/** A block given its place: its left column and the first and last sheet row of each of its rows. */
export interface PlacedBlock {
  block: Block;
  left: number;
  spans: { top: number; bottom: number }[];
}

const TITLE_FONT = 12;
const LEGEND_FONT = 8;
/** Columns of the legend's parts: level swatch and label, band swatch and label, notes. */
const LEVEL = { swatch: 2, label: 9 };
const BAND = { swatch: 5, label: 7 };
const NOTES_COLS = 22;
const GAP_COLS = 1;

const base: CellStyle = {
  fontName: TREE_FONT,
  fontSize: LEGEND_FONT,
  vAlign: "middle",
  wrap: true,
};
const STYLES = {
  title: { ...base, bold: true, fontSize: TITLE_FONT, fontColor: "#1F3864", vAlign: "top" },
  heading: { ...base, bold: true },
  groupHead: { ...base, bold: true },
  label: base,
} satisfies Record<string, CellStyle>;

function swatch(fill: string, fontColor: string): CellStyle {
  const b = BOX_BORDER;
  return {
    ...base,
    fill,
    fontColor,
    hAlign: "center",
    wrap: false,
    border: { top: b, bottom: b, left: b, right: b },
  };
}

/** A row as tall as its tallest cell's text. */
function blockRow(cells: BlockRow["cells"]): BlockRow {
  let height = treeLine(LEGEND_FONT);
  for (const c of cells) {
    const size = c.style.fontSize ?? LEGEND_FONT;
    const font = { name: TREE_FONT, size, bold: c.style.bold === true };
    const width = (c.right - c.left + 1) * COL_POINTS - CELL_PADDING;
    height = Math.max(height, wrappedLines(c.value, width, font) * treeLine(size));
  }
  // As a box's lines: a line of 8 pt text is one row of the tree.
  return { height, cells };
}

/** The title: "POHON KINERJA", then the organisation and the year. */
export function titleBlock(settings: Settings, organisation: string, year: number | null): Block {
  const lang = settings.lang;
  const second = [
    organisation.toUpperCase(),
    year === null ? "" : t("tree.titleYear", { year }, lang),
  ]
    .filter((s) => s !== "")
    .join(" ");
  const text =
    second === "" ? t("tree.title", {}, lang) : `${t("tree.title", {}, lang)}\n${second}`;
  const cols = 44;
  return {
    rows: [blockRow([{ left: 0, right: cols - 1, value: text, style: STYLES.title }])],
    cols,
  };
}

type Cells = BlockRow["cells"];

/** The legend's three lists: levels (with the shelf's when there is one), bands, notes. */
function legendLists(
  settings: Settings,
  shows: LegendShows
): { levels: Cells[]; bands: Cells[]; notes: Cells[] } {
  const lang = settings.lang;
  const levelKeys: [keyof typeof LEVEL_STYLE, MessageKey][] = [
    ["outcome", "common.level.outcome"],
    ["csf", "common.level.csf"],
    ["antara", "common.level.antara"],
    ["operasional", "common.level.operasional"],
  ];
  if (shows.shelf) levelKeys.push(["shelf", "tree.shelfTitle"]);
  const levels = levelKeys.map(([k, key]): Cells => {
    const s = LEVEL_STYLE[k];
    const label = { left: LEVEL.swatch, right: LEVEL.swatch + LEVEL.label - 1 };
    return [
      { left: 0, right: LEVEL.swatch - 1, value: "", style: swatch(s.head, s.headFont) },
      { ...label, value: t(key, {}, lang), style: STYLES.label },
    ];
  });
  const sorted = [...settings.bands].sort((a, b) => (b.min ?? -Infinity) - (a.min ?? -Infinity));
  const bands = sorted.map((b, i): Cells => {
    const max = i > 0 ? (sorted[i - 1]?.min ?? null) : null;
    const range =
      b.min !== null && max === null
        ? t("tree.band.atLeast", { min: b.min }, lang)
        : b.min !== null && max !== null
          ? t("tree.band.between", { min: b.min, max }, lang)
          : t("tree.band.below", { max: max ?? 0 }, lang);
    const label = { left: BAND.swatch, right: BAND.swatch + BAND.label - 1 };
    return [
      { left: 0, right: BAND.swatch - 1, value: range, style: swatch(b.fill, b.fontColor) },
      { ...label, value: b.label[lang], style: STYLES.label },
    ];
  });
  const noteKeys: MessageKey[] = ["tree.note.indicator", "tree.note.values"];
  if (shows.responsible) noteKeys.push("tree.note.responsible");
  if (!settings.cleanPrint) noteKeys.push("tree.note.error");
  const notes = noteKeys.map((k): Cells => [
    { left: 0, right: NOTES_COLS - 1, value: t(k, {}, lang), style: STYLES.label },
  ]);
  return { levels, bands, notes };
}

/** Cells moved `by` columns to the right. */
function shifted(cells: Cells, by: number): Cells {
  return cells.map((c) => ({ ...c, left: c.left + by, right: c.right + by }));
}

/** Lists side by side, each under its heading, `gap` columns apart. */
function sideBySide(lists: { head: string; cols: number; entries: Cells[] }[]): BlockRow[] {
  const lefts: number[] = [];
  let left = 0;
  for (const l of lists) {
    lefts.push(left);
    left += l.cols + GAP_COLS;
  }
  const head = (l: (typeof lists)[number], i: number) => ({
    left: lefts[i] as number,
    right: (lefts[i] as number) + l.cols - 1,
    value: l.head,
    style: STYLES.groupHead,
  });
  const rows = [blockRow(lists.map(head))];
  const n = Math.max(...lists.map((l) => l.entries.length));
  for (let k = 0; k < n; k++)
    rows.push(blockRow(lists.flatMap((l, i) => shifted(l.entries[k] ?? [], lefts[i] as number))));
  return rows;
}

/** What the tree shows that its legend explains only when shown. */
export interface LegendShows {
  /** The shelf of conditions without a place in the tree. */
  shelf: boolean;
  /** A "PJ: …" line under an indicator. */
  responsible: boolean;
}

/**
 * The legend in three shapes, widest first: its lists side by side; levels and bands side by side
 * with the notes under them; every list under the one before.
 */
export function legendBlocks(settings: Settings, shows: LegendShows): Block[] {
  const lang = settings.lang;
  const { levels, bands, notes } = legendLists(settings, shows);
  const lists = {
    levels: {
      head: t("tree.legendLevels", {}, lang),
      cols: LEVEL.swatch + LEVEL.label,
      entries: levels,
    },
    bands: {
      head: t("tree.legendBands", {}, lang),
      cols: BAND.swatch + BAND.label,
      entries: bands,
    },
    notes: { head: t("tree.legendNotes", {}, lang), cols: NOTES_COLS, entries: notes },
  };
  const heading = (cols: number) =>
    blockRow([
      { left: 0, right: cols - 1, value: t("tree.legendTitle", {}, lang), style: STYLES.heading },
    ]);
  const shape = (groups: (typeof lists.levels)[][]): Block => {
    const cols = Math.max(
      ...groups.map((g) => g.reduce((n, l) => n + l.cols, 0) + (g.length - 1) * GAP_COLS)
    );
    return { rows: [heading(cols), ...groups.flatMap(sideBySide)], cols };
  };
  return [
    shape([[lists.levels, lists.bands, lists.notes]]),
    shape([[lists.levels, lists.bands], [lists.notes]]),
    shape([[lists.levels], [lists.bands], [lists.notes]]),
  ];
}

/** Points a block takes in rows of its own. */
export function blockHeight(b: Block): number {
  return b.rows.reduce((sum, r) => sum + r.height, 0);
}

/**
 * What the tree takes, column by column: the first and last row of anything in each column (its
 * boxes and connector lines, and blocks placed already). A block beside the tree must end above
 * the first, one under it start below the last.
 */
export class Taken {
  readonly first: Int32Array;
  readonly last: Int32Array;
  constructor(cols: number) {
    this.first = new Int32Array(cols + 2).fill(2 ** 30);
    this.last = new Int32Array(cols + 2).fill(-1);
  }

  add(r: CellRange): void {
    for (let c = Math.max(0, r.left); c <= Math.min(this.first.length - 1, r.right); c++) {
      if (r.top < (this.first[c] as number)) this.first[c] = r.top;
      if (r.bottom > (this.last[c] as number)) this.last[c] = r.bottom;
    }
  }

  /** First and last row taken in columns `left..right`, with a column to spare on each side. */
  span(left: number, right: number): { first: number; last: number } {
    let first = 2 ** 30;
    let last = -1;
    for (let c = Math.max(0, left - 1); c <= Math.min(this.first.length - 1, right + 1); c++) {
      first = Math.min(first, this.first[c] as number);
      last = Math.max(last, this.last[c] as number);
    }
    return { first, last };
  }
}

/** What the laid-out tree takes. */
export function takenBy(layout: TreeLayout): Taken {
  const taken = new Taken(layout.cols);
  for (const b of layout.boxes) taken.add(b);
  for (const l of layout.lines) taken.add(l);
  return taken;
}

/**
 * Rows for a block's rows from `top` on, each spanning rows until they are together as tall as
 * it (the tree's rows, then new rows of one unit, which `extra` collects).
 */
function spansFrom(
  b: Block,
  top: number,
  layout: TreeLayout,
  extra: number[]
): { top: number; bottom: number }[] {
  const heightOf = (r: number): number => {
    const i = r - layout.startRow;
    if (i < layout.rowHeights.length) return layout.rowHeights[i] as number;
    while (i - layout.rowHeights.length >= extra.length) extra.push(ROW_UNIT);
    return extra[i - layout.rowHeights.length] as number;
  };
  const spans: { top: number; bottom: number }[] = [];
  let r = top;
  for (const row of b.rows) {
    const first = r;
    let sum = 0;
    do sum += heightOf(r++);
    while (sum < row.height - 1e-9);
    spans.push({ top: first, bottom: r - 1 });
  }
  return spans;
}

/**
 * A place for `b` over the laid-out tree, at the first candidate left column that is free: the
 * top of the columns (beside the tree's top) with `where` "top", else the rows under what the
 * columns hold. Every place must end by row `lastRow`. New rows it needs go to `extra`.
 */
export function placeBlock(
  b: Block,
  layout: TreeLayout,
  taken: Taken,
  lefts: readonly number[],
  where: "top" | "bottom",
  lastRow: number,
  extra: number[]
): PlacedBlock | null {
  for (const left of lefts) {
    if (left < 0 || left + b.cols > layout.cols) continue;
    const { first, last } = taken.span(left, left + b.cols - 1);
    const tryExtra: number[] = [...extra];
    const top = where === "top" ? layout.startRow : Math.max(last + 2, layout.startRow);
    const spans = spansFrom(b, top, layout, tryExtra);
    const end = spans[spans.length - 1]?.bottom ?? top;
    if (end <= lastRow && (where === "bottom" || end < first - 1)) {
      extra.splice(0, extra.length, ...tryExtra);
      return { block: b, left, spans };
    }
  }
  return null;
}

/** The block's cells, merges and formats at its place. */
export function drawBlock(plan: SheetPlan, placed: PlacedBlock): void {
  placed.block.rows.forEach((row, i) => {
    const span = placed.spans[i];
    if (!span) return;
    for (const c of row.cells) {
      const range: CellRange = {
        top: span.top,
        left: placed.left + c.left,
        bottom: span.bottom,
        right: placed.left + c.right,
      };
      if (range.top !== range.bottom || range.left !== range.right) plan.merges.push(range);
      if (c.value !== "") plan.cells.push({ row: span.top, col: range.left, value: c.value });
      plan.formats.push({ range, style: c.style });
    }
  });
}
