/**
 * Reading the workbook into plain grids through Office.js: first every sheet's name, used range
 * and A1 (one request), then the cells of the sheets the user keeps, in row slices whose
 * responses stay under Excel on the web's 5 MB limit. The sheets the add-in made (its marker in
 * A1) are left unread: on a large workbook they are most of its cells.
 */
import { a1, type CellRange, type SheetGrid, type WorkbookGrids, generatedKind } from "../../core";
import { runExcel, HostError } from "./errors";
import { rememberFacts } from "./facts";
import { readMeta, type SheetMeta } from "./read-meta";
import { readSlices, type SheetCells } from "./read-slices";

import { apiSupported } from "./api";

export { apiSupported };

/**
 * Cells the pane reads at most, all sheets together: about six times the benchmark's
 * 10,000-indicator workbook. A used range stretched far by one stray cell would otherwise make
 * the pane read (and Excel send) millions of empty cells and freeze Excel.
 */
export const MAX_READ_CELLS = 2_000_000;

export interface ReadOptions {
  /** Read the add-in's own sheets too (the reader falls back on a generated Kertas Kerja). */
  generated?: boolean;
}

/**
 * Every sheet as a grid anchored at A1: values, formulas, number formats ("General" left out),
 * protection, and merges at ExcelApi 1.13. A sheet the add-in made is a grid of its A1 alone,
 * listed in `unread`, unless `opts.generated`.
 */
export async function readWorkbookGrids(opts: ReadOptions = {}): Promise<WorkbookGrids> {
  const meta = await readMeta();
  const toRead = meta.sheets.filter(
    (s) => s.used !== null && (opts.generated === true || generatedKind(markerGrid(s)) === null)
  );
  refuseTooLarge(toRead);
  const cells = await runExcel((context) =>
    readSlices(
      context,
      toRead.map((s) => ({ name: s.name, used: s.used as CellRange }))
    )
  );
  const byName = new Map(cells.map((c) => [c.name, c]));
  for (const c of cells)
    if (c.conditionalFormats)
      meta.facts.conditionalFormats.set(c.name.toLowerCase(), c.conditionalFormats);
  const grids: WorkbookGrids = {
    sheets: meta.sheets.map((s) => {
      const read = byName.get(s.name);
      return read ? sheetGrid(s, read) : unreadGrid(s);
    }),
  };
  const unread = meta.sheets
    .filter((s) => s.used !== null && !byName.has(s.name))
    .map((s) => s.name);
  if (unread.length > 0) grids.unread = unread;
  rememberFacts(grids, meta.facts);
  return grids;
}

/** A sheet as far as its A1 goes (what `generatedKind` looks at). */
function markerGrid(s: SheetMeta): SheetGrid {
  return { name: s.name, values: [[s.a1]] };
}

function unreadGrid(s: SheetMeta): SheetGrid {
  const grid: SheetGrid = s.used ? markerGrid(s) : { name: s.name, values: [], formulas: [] };
  grid.protected = s.protected;
  return grid;
}

/** Refuse, naming the largest sheet, when the sheets to read hold more cells than the pane reads. */
function refuseTooLarge(sheets: SheetMeta[]): void {
  let total = 0;
  let largest: { s: SheetMeta; cells: number } | null = null;
  for (const s of sheets) {
    if (!s.used) continue;
    const cells = (s.used.bottom - s.used.top + 1) * (s.used.right - s.used.left + 1);
    total += cells;
    if (!largest || cells > largest.cells) largest = { s, cells };
  }
  if (total <= MAX_READ_CELLS || !largest?.s.used) return;
  const u = largest.s.used;
  throw new HostError("tooLarge", {
    sheet: largest.s.name,
    rows: u.bottom + 1,
    columns: u.right + 1,
    limit: MAX_READ_CELLS.toLocaleString("id-ID"),
    last: a1(u.bottom, u.right),
  });
}

/** A read sheet's grid: dense rows from A1, so every row below the first is an array. */
function sheetGrid(s: SheetMeta, c: SheetCells): SheetGrid {
  const used = s.used as CellRange;
  const width = used.right + 1;
  const grid: SheetGrid = {
    name: s.name,
    values: dense(c.values, used.bottom + 1, (r) => (r >= used.top ? width : 0), null),
    formulas: dense(c.formulas, used.bottom + 1, (r) => (r >= used.top ? width : 0), null),
    protected: s.protected,
  };
  if (c.numberFormats.length > 0)
    grid.numberFormats = dense(
      c.numberFormats,
      c.numberFormats.length,
      (r) => c.numberFormats[r]?.length ?? 0,
      null
    );
  if (apiSupported("1.13")) grid.merges = c.merges;
  return grid;
}

/** `rows` rows (holes as empty rows), each `width(row)` cells wide with holes filled. */
function dense<T>(grid: T[][], rows: number, width: (row: number) => number, fill: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = grid[r];
    const w = Math.max(width(r), src?.length ?? 0);
    const row = new Array<T>(w);
    for (let c = 0; c < w; c++) row[c] = src?.[c] ?? fill;
    out.push(row);
  }
  return out;
}
