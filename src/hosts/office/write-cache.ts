/**
 * The read cache after the add-in's own write: what the plan wrote is put into the cached grids
 * (values and formulas as written; a formula's value as Excel computed it, read back on the
 * write's last request), the sheets it created are listed as the add-in's (left unread, as a
 * read leaves them), and the write's own events are told apart from the user's by the areas it
 * wrote. Anything the cache cannot follow exactly makes its sheet dirty, read again next time.
 */
import {
  type CellRange,
  type CellValue,
  type SheetGrid,
  type WritePlan,
  rangeA1,
} from "../../core";
import type { CachedSheet, OwnWrite, ReadSession } from "./read-cache";
import { toCellValue } from "./read-slices";

/** Formula cells read back at most per write (their values only: a few bytes each). */
const READ_BACK_CELLS = 200_000;

/** What the write's last request reads back for the cache. */
export interface ReadBack {
  /** Per created sheet (lower-cased name): its proxy, its id loaded. */
  created: Map<string, Excel.Worksheet>;
  /** Per updated sheet (lower-cased name): the written formula cells' columns, values loaded. */
  formulas: Map<string, { rect: CellRange; range: Excel.Range }[]>;
}

/** Per updated sheet, one rectangle per column of the formula cells the plan writes. */
function formulaColumns(plan: WritePlan): Map<string, CellRange[]> {
  const out = new Map<string, CellRange[]>();
  for (const sp of plan.sheets) {
    if (sp.mode !== "update") continue;
    const cols = new Map<number, CellRange>();
    for (const c of sp.cells) {
      if (!c.formula) continue;
      const r = cols.get(c.col);
      if (!r) cols.set(c.col, { top: c.row, left: c.col, bottom: c.row, right: c.col });
      else {
        r.top = Math.min(r.top, c.row);
        r.bottom = Math.max(r.bottom, c.row);
      }
    }
    if (cols.size > 0) out.set(sp.sheet.toLowerCase(), [...cols.values()]);
  }
  return out;
}

/**
 * Queue on the write's last request (after its recalculation) the reads the cache needs: the
 * created sheets' ids, the written formulas' values. Null when the cache is not in use or the
 * values would be too many (the cache is then dropped after the write).
 */
export function queueReadBack(
  context: Excel.RequestContext,
  plan: WritePlan,
  session: ReadSession
): ReadBack | null {
  if (!session.usable()) return null;
  const columns = formulaColumns(plan);
  let cells = 0;
  for (const rects of columns.values()) for (const r of rects) cells += r.bottom - r.top + 1;
  if (cells > READ_BACK_CELLS) return null;
  const sheets = context.workbook.worksheets;
  const created = new Map<string, Excel.Worksheet>();
  for (const sp of plan.sheets)
    if (sp.mode === "create") {
      const ws = sheets.getItem(sp.sheet);
      ws.load("id");
      created.set(sp.sheet.toLowerCase(), ws);
    }
  const formulas = new Map<string, { rect: CellRange; range: Excel.Range }[]>();
  for (const sp of plan.sheets) {
    const rects = columns.get(sp.sheet.toLowerCase());
    if (!rects) continue;
    const ws = sheets.getItem(sp.sheet);
    formulas.set(
      sp.sheet.toLowerCase(),
      rects.map((rect) => {
        const range = ws.getRange(rangeA1(rect));
        range.load("values");
        return { rect, range };
      })
    );
  }
  return { created, formulas };
}

/**
 * The cache after a successful write of `plan` (read back with `back`): the written cells in the
 * cached grids, the created sheets listed, the write's own events marked as such.
 */
export function rememberWrite(session: ReadSession, plan: WritePlan, back: ReadBack | null): void {
  const sheets = session.sheets;
  if (!back || !sheets) {
    session.drop();
    return;
  }
  const own: OwnWrite = { created: new Set(), replaced: new Set(), areas: new Map() };
  let list = [...sheets];
  for (const sp of plan.sheets) {
    const lower = sp.sheet.toLowerCase();
    if (sp.mode === "create") {
      const old = list.find((s) => s.meta.name.toLowerCase() === lower);
      if (old) own.replaced.add(old.meta.id);
      const id = back.created.get(lower)?.id ?? "";
      own.created.add(id);
      list = list.filter((s) => s !== old);
      const marker = sp.cells.find((c) => c.row === 0 && c.col === 0)?.value ?? null;
      list.push({
        meta: { name: sp.sheet, id, protected: false, used: ORIGIN, a1: marker },
        grid: null,
      });
      continue;
    }
    const i = list.findIndex((s) => s.meta.name.toLowerCase() === lower);
    const cached = list[i];
    if (!cached?.grid) {
      session.drop();
      return;
    }
    own.areas.set(cached.meta.id, writtenAreas(sp));
    list[i] = updated(cached, sp, back.formulas.get(lower) ?? []);
    if (sp.merges.length > 0) session.markDirty(sp.sheet);
  }
  // Formulas the add-in did not write may follow what it wrote into the user's sheets: their
  // sheets are read again. (Its own sheets are left unread, so nothing follows them.)
  if (plan.sheets.some((sp) => sp.mode === "update"))
    for (const s of list)
      if (s.grid && hasOtherFormulas(s.grid, plan, s.meta.name)) session.markDirty(s.meta.name);
  session.sheets = list;
  session.wrote(own);
}

const ORIGIN: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };

/** Every area an update plan writes in (its events are the write's own). */
function writtenAreas(sp: WritePlan["sheets"][number]): CellRange[] {
  const cell = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });
  const whole = 1_048_575;
  return [
    ...sp.cells.map((c) => cell(c.row, c.col)),
    ...sp.hyperlinks.map((h) => cell(h.row, h.col)),
    ...sp.formats.map((f) => f.range),
    ...sp.merges,
    ...sp.conditionalFormats.map((cf) => cf.range),
    ...sp.columnWidths.map((w) => ({ top: 0, left: w.col, bottom: whole, right: w.col })),
    ...sp.rowHeights.map((h) => ({ top: h.row, left: 0, bottom: h.row, right: 16_383 })),
  ];
}

/** A cached sheet with an update plan's cells, number formats and read-back values in. */
function updated(
  cached: CachedSheet,
  sp: WritePlan["sheets"][number],
  back: { rect: CellRange; range: Excel.Range }[]
): CachedSheet {
  const src = cached.grid as SheetGrid;
  const grid: SheetGrid = {
    ...src,
    values: src.values.map((r) => [...r]),
    formulas: (src.formulas ?? []).map((r) => [...r]),
  };
  if (src.numberFormats) grid.numberFormats = src.numberFormats.map((r) => [...r]);
  const used = cached.meta.used ? { ...cached.meta.used } : null;
  const put = (row: number, col: number, value: CellValue, formula: string | null) => {
    setAt(grid.values, row, col, value);
    setAt((grid.formulas ??= []), row, col, formula);
  };
  for (const c of sp.cells) {
    if (c.formula) put(c.row, c.col, null, c.formula);
    else put(c.row, c.col, c.value === "" || c.value === undefined ? null : c.value, null);
  }
  for (const h of sp.hyperlinks) put(h.row, h.col, h.text === "" ? null : h.text, null);
  for (const { rect, range } of back)
    range.values.forEach((line, r) =>
      line.forEach((v, c) => setAt(grid.values, rect.top + r, rect.left + c, toCellValue(v)))
    );
  for (const f of sp.formats) {
    const fmt = f.style.numberFormat;
    if (fmt === undefined) continue;
    const nf = (grid.numberFormats ??= []);
    for (let r = f.range.top; r <= f.range.bottom; r++)
      for (let c = f.range.left; c <= f.range.right; c++)
        setAt(nf, r, c, fmt.toLowerCase() === "general" ? null : fmt);
  }
  return { meta: { ...cached.meta, used: grow(used, sp) }, grid };
}

/** The used range grown by the cells an update plan writes (blank ones aside). */
function grow(used: CellRange | null, sp: WritePlan["sheets"][number]): CellRange | null {
  let u = used;
  for (const c of sp.cells) {
    if (!c.formula && (c.value === null || c.value === undefined || c.value === "")) continue;
    u = u
      ? {
          top: Math.min(u.top, c.row),
          left: Math.min(u.left, c.col),
          bottom: Math.max(u.bottom, c.row),
          right: Math.max(u.right, c.col),
        }
      : { top: c.row, left: c.col, bottom: c.row, right: c.col };
  }
  return u;
}

function setAt<T>(grid: (T | null)[][], row: number, col: number, v: T | null): void {
  while (grid.length <= row) grid.push([]);
  const line = grid[row] as (T | null)[];
  while (line.length < col) line.push(null);
  line[col] = v;
}

/** Whether a sheet holds formulas other than those the plan wrote into it. */
function hasOtherFormulas(grid: SheetGrid, plan: WritePlan, name: string): boolean {
  const sp = plan.sheets.find(
    (p) => p.mode === "update" && p.sheet.toLowerCase() === name.toLowerCase()
  );
  const written = new Set(
    (sp?.cells ?? []).filter((c) => c.formula).map((c) => `${c.row},${c.col}`)
  );
  return (grid.formulas ?? []).some((line, r) =>
    line.some((f, c) => typeof f === "string" && !written.has(`${r},${c}`))
  );
}
