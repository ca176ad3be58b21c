/** A plan's cells as blocks of Range.values / Range.formulas writes. */
import { a1Range, looksLikeFormula, type PlanCell, type SheetPlan } from "../../core";
import { STEP_OVERHEAD, jsonBytes, type Step } from "./steps";

type Input = string | number | boolean;

/** A rectangle of inputs anchored at (top, left). */
interface Block {
  top: number;
  left: number;
  rows: Input[][];
}

/**
 * The value to put in Range.values/formulas for a plan cell. Excel takes a written string as if
 * typed, so "=..." would become a formula and a code such as "1.10" the number 1.1, a year
 * "2024" a number, "1/2" or "5 Jan" a date in some locales: texts go with a leading "'". Only a
 * long sentence (over 40 characters, with a letter and a space, not formula-like) goes as it is,
 * since no number, date or boolean is typed like that; on a large kertas kerja the apostrophes
 * would otherwise cost a request.
 */
export function cellInput(c: PlanCell): Input {
  if (c.formula !== undefined && c.formula !== "") return c.formula;
  const v = c.value;
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "string") return plainSentence(v) ? v : `'${v}`;
  return v;
}

function plainSentence(v: string): boolean {
  return (
    v.length > 40 &&
    !looksLikeFormula(v) &&
    !v.startsWith("'") &&
    v.includes(" ") &&
    /\p{L}/u.test(v)
  );
}

/**
 * JSON bytes around cells in a block: a blank in a row `"",`, a blank down a column `[""],`, and
 * what a cell down a column costs more than in a row (its own brackets). A blank stretch down a
 * column longer than BLANK_RUN is cheaper as a new block.
 */
const BLANK_IN_ROW = 3;
const BLANK_IN_COLUMN = 5;
const COLUMN_CELL_EXTRA = 2;
const BLANK_RUN = Math.ceil(STEP_OVERHEAD / BLANK_IN_COLUMN);

/** Blocks are cut to about this many bytes so chunks can be filled up to the budget. */
const BAND_BYTES = 256 * 1024;

/**
 * The cells as steps writing blocks. For created sheets, row bands of the bounding rectangle
 * (blank cells written empty on the new sheet), or, when it is smaller, runs down each column
 * that skip long blank stretches (a tree's cells are a few columns of each box, far apart). For
 * updates, runs of adjacent cells down a column (a fill's capaian column is one block), then along
 * a row for the rest, so no cell outside the plan is touched.
 */
export function cellSteps(sp: SheetPlan): Step[] {
  if (sp.cells.length === 0) return [];
  const hasFormula = sp.cells.some((c) => c.formula);
  const blocks = sp.mode === "create" ? createdBlocks(sp.cells) : updateBlocks(sp.cells);
  return blocks.map((b) => blockStep(sp.sheet, b, hasFormula));
}

function blockStep(sheet: string, b: Block, hasFormula: boolean): Step {
  const width = b.rows[0]?.length ?? 1;
  const address = a1Range(b.top, b.left, b.top + b.rows.length - 1, b.left + width - 1);
  return {
    sheet,
    bytes: STEP_OVERHEAD + jsonBytes(address) + jsonBytes(b.rows),
    queue: (ws) => {
      if (!ws) return;
      const range = ws.getRange(address);
      // Text arrives with its "'" prefix either way; formulas need the formulas property.
      if (hasFormula) range.formulas = b.rows;
      else range.values = b.rows;
    },
  };
}

/** A new sheet's cells: the bounding rectangle or column runs, whichever is smaller. */
function createdBlocks(cells: PlanCell[]): Block[] {
  const byColumn = inputsByColumn(cells);
  const runs = columnRuns(byColumn);
  const rect = bounds(cells);
  let distinct = 0;
  for (const column of byColumn.values()) distinct += column.size;
  const height = rect.bottom - rect.top + 1;
  const rectCost = (height * (rect.right - rect.left + 1) - distinct) * BLANK_IN_ROW + height * 3;
  return runs.cost < rectCost ? runBlocks(runs.runs, byColumn) : rectangleBlocks(cells, rect);
}

function bounds(cells: PlanCell[]): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/** Inputs by column, then row; the last value given to a cell wins, as in the rectangle. */
function inputsByColumn(cells: PlanCell[]): Map<number, Map<number, Input>> {
  const byColumn = new Map<number, Map<number, Input>>();
  for (const c of cells) {
    let col = byColumn.get(c.col);
    if (!col) byColumn.set(c.col, (col = new Map()));
    col.set(c.row, cellInput(c));
  }
  return byColumn;
}

interface ColumnRun {
  col: number;
  top: number;
  bottom: number;
}

/** Runs down each column, cut at blank stretches longer than BLANK_RUN, and their cost. */
function columnRuns(byColumn: Map<number, Map<number, Input>>): {
  runs: ColumnRun[];
  cost: number;
} {
  const runs: ColumnRun[] = [];
  let cost = 0;
  for (const [col, cells] of byColumn) {
    const rows = [...cells.keys()].sort((a, b) => a - b);
    let first = rows[0] ?? 0;
    let last = first;
    let filled = 0;
    const flush = () => {
      runs.push({ col, top: first, bottom: last });
      cost +=
        STEP_OVERHEAD + (last - first + 1 - filled) * BLANK_IN_COLUMN + filled * COLUMN_CELL_EXTRA;
      filled = 0;
    };
    for (const r of rows) {
      if (r - last > BLANK_RUN) {
        flush();
        first = r;
      }
      last = r;
      filled++;
    }
    flush();
  }
  return { runs, cost };
}

function runBlocks(runs: ColumnRun[], byColumn: Map<number, Map<number, Input>>): Block[] {
  const blocks: Block[] = [];
  runs.sort((a, b) => a.col - b.col || a.top - b.top);
  for (const run of runs) {
    const cells = byColumn.get(run.col);
    const column: Input[][] = [];
    for (let r = run.top; r <= run.bottom; r++) column.push([cells?.get(r) ?? ""]);
    for (const b of bands(column))
      blocks.push({ top: run.top + b.start, left: run.col, rows: b.rows });
  }
  return blocks;
}

function rectangleBlocks(
  cells: PlanCell[],
  rect: { top: number; left: number; bottom: number; right: number }
): Block[] {
  const grid: Input[][] = Array.from({ length: rect.bottom - rect.top + 1 }, () =>
    new Array<Input>(rect.right - rect.left + 1).fill("")
  );
  for (const c of cells) {
    const row = grid[c.row - rect.top];
    if (row) row[c.col - rect.left] = cellInput(c);
  }
  return bands(grid).map((b) => ({ top: rect.top + b.start, left: rect.left, rows: b.rows }));
}

/**
 * An existing sheet's cells: runs of adjacent cells down a column, then runs along a row for the
 * cells left alone. Stable sorts: a cell listed twice keeps its later value last.
 */
function updateBlocks(cells: PlanCell[]): Block[] {
  const blocks: Block[] = [];
  const single: PlanCell[] = [];
  const byColumn = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  for (const run of runsOf(byColumn, (last, c) => last.col === c.col && last.row + 1 === c.row)) {
    const first = run[0] as PlanCell;
    if (run.length === 1) single.push(first);
    else
      for (const b of bands(run.map((c) => [cellInput(c)])))
        blocks.push({ top: first.row + b.start, left: first.col, rows: b.rows });
  }
  single.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const run of runsOf(single, (last, c) => last.row === c.row && last.col + 1 === c.col)) {
    const first = run[0] as PlanCell;
    blocks.push({ top: first.row, left: first.col, rows: [run.map(cellInput)] });
  }
  return blocks;
}

/** Consecutive cells split into runs where `continues(last, next)` holds. */
function runsOf(
  cells: PlanCell[],
  continues: (last: PlanCell, next: PlanCell) => boolean
): PlanCell[][] {
  const runs: PlanCell[][] = [];
  let run: PlanCell[] = [];
  for (const c of cells) {
    const last = run[run.length - 1];
    if (last && !continues(last, c)) {
      runs.push(run);
      run = [];
    }
    run.push(c);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Consecutive rows of a grid in bands of about BAND_BYTES. */
function bands<T>(grid: T[][]): { start: number; rows: T[][] }[] {
  const out: { start: number; rows: T[][] }[] = [];
  let start = 0;
  let bytes = 0;
  grid.forEach((row, i) => {
    bytes += jsonBytes(row);
    if (bytes > BAND_BYTES || i === grid.length - 1) {
      out.push({ start, rows: grid.slice(start, i + 1) });
      start = i + 1;
      bytes = 0;
    }
  });
  return out;
}
