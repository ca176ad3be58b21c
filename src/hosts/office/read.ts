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
import { loadReadHint } from "./read-hint";
import {
  queueListening,
  readSession,
  type CachedSheet,
  type Dirty,
  type ReadSession,
} from "./read-cache";
import type { WorkbookFacts } from "./facts";
import {
  queueSeed,
  readSlices,
  seedOf,
  type Seed,
  type SeedWindow,
  type SheetCells,
} from "./read-slices";

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
  /** Read every sheet from Excel, not from the session's cache (which is then renewed). */
  fresh?: boolean;
}

/**
 * Every sheet as a grid anchored at A1: values, formulas, number formats ("General" left out),
 * protection, and merges at ExcelApi 1.13. A sheet the add-in made is a grid of its A1 alone,
 * listed in `unread`, unless `opts.generated`. From the pane session's cache when Excel's events
 * say nothing changed (no request at all), or with only the changed sheets read again.
 */
export async function readWorkbookGrids(opts: ReadOptions = {}): Promise<WorkbookGrids> {
  if (opts.generated === true) return (await readAll(true, null)).grids;
  const session = readSession();
  if (opts.fresh === true || !session.usable())
    return cacheRead(session, await readAll(false, session));
  const dirty = session.takeDirty();
  if (!dirty.meta && dirty.sheets.size === 0) return cachedGrids(session);
  try {
    return cacheRead(session, await readChanged(session, dirty));
  } catch (e) {
    session.drop();
    throw e;
  }
}

type SheetsMeta = { sheets: SheetMeta[]; facts: WorkbookFacts };

interface Read {
  meta: SheetsMeta;
  /** Names of the sheets whose cells the grids hold (read now, or kept from the cache). */
  read: Set<string>;
  grids: WorkbookGrids;
}

/** Keep a read in the session's cache; its grids. */
function cacheRead(session: ReadSession, read: Read): WorkbookGrids {
  session.sheets = read.meta.sheets.map((m, i) => ({
    meta: m,
    grid: read.read.has(m.name) ? (read.grids.sheets[i] ?? null) : null,
  }));
  session.structureProtected = read.meta.facts.structureProtected;
  session.decimalSeparator = read.meta.facts.decimalSeparator;
  return read.grids;
}

/** Every sheet read (the add-in's own too when `generated`), listening for events on the way. */
async function readAll(generated: boolean, session: ReadSession | null): Promise<Read> {
  session?.drop();
  const { meta, windows } = await walkAhead(session);
  const toRead = meta.sheets.filter(
    (s) => s.used !== null && (generated || generatedKind(markerGrid(s)) === null)
  );
  const seeds = new Map<string, Seed>();
  for (const s of toRead) {
    const w = windows.find((x) => !x.ws.isNullObject && x.ws.name === s.name);
    const seed = w && seedOf(w, s.name, s.used as CellRange);
    if (seed) seeds.set(s.name, seed);
  }
  return readCells(meta, toRead, () => null, seeds);
}

/**
 * Rows read ahead on the sheet walk's own request, of each of its first sheets: the first cells
 * of the sheets and a measure of their bytes per cell, so that the slices after it are sized
 * right (a first guess is either too small, costing a request more, or too large, refused).
 */
const AHEAD = { sheets: 8, rows: 200, columns: 52 };

/**
 * The walk with rows read ahead, registering the event handlers when not yet done. A response
 * over Excel's limit (rows longer than thought) costs the walk made again without them; an
 * Excel that refuses the handlers leaves the session without the cache.
 */
async function walkAhead(
  session: ReadSession | null
): Promise<{ meta: SheetsMeta; windows: SeedWindow[] }> {
  let windows: SeedWindow[] = [];
  // Below ExcelApi 1.9 every cell's formula and number format come too: the hint's measure (values
  // and formulas) would undercount them.
  const hint = apiSupported("1.9") ? loadReadHint() : null;
  const walk = (ahead: boolean, listen: boolean) =>
    readMeta((context, walked) => {
      windows = !ahead
        ? []
        : hint
          ? hint.map((h) => {
              // The sheets a hint names, by name: the walk does not know them yet.
              const ws = context.workbook.worksheets.getItemOrNullObject(h.name);
              ws.load("name");
              return queueSeed(ws, h.rows, h.columns);
            })
          : walked.slice(0, AHEAD.sheets).map((ws) => queueSeed(ws, AHEAD.rows, AHEAD.columns));
      return listen && session ? queueListening(context, session) : () => undefined;
    });
  const listen = session !== null && !session.refused;
  try {
    return { meta: await walk(true, listen), windows };
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    if (e.code === "responseTooLarge") return { meta: await walk(false, listen), windows: [] };
    if (e.code !== "api" || !session || !listen) throw e;
    // This Excel refused the handlers: no cache this session.
    session.refused = true;
    return { meta: await walk(false, false), windows: [] };
  }
}

/** The sheet list walked again; only the sheets that changed (or are new) read again. */
async function readChanged(session: ReadSession, dirty: Dirty): Promise<Read> {
  const cached = new Map((session.sheets ?? []).map((s) => [s.meta.name.toLowerCase(), s]));
  const meta = await readMeta();
  const reuse = (m: SheetMeta): CachedSheet | null => {
    const c = cached.get(m.name.toLowerCase());
    if (!c?.grid || dirty.sheets.has(m.name.toLowerCase()) || !sameMeta(c.meta, m)) return null;
    return c;
  };
  const toRead = meta.sheets.filter(
    (s) => s.used !== null && generatedKind(markerGrid(s)) === null && !reuse(s)
  );
  return readCells(meta, toRead, reuse);
}

function sameMeta(a: SheetMeta, b: SheetMeta): boolean {
  return (
    a.name === b.name &&
    a.id === b.id &&
    a.protected === b.protected &&
    a.a1 === b.a1 &&
    JSON.stringify(a.used) === JSON.stringify(b.used)
  );
}

/** Read `toRead`'s cells; the other sheets come from `reuse` or stay unread. */
async function readCells(
  meta: { sheets: SheetMeta[]; facts: WorkbookFacts },
  toRead: SheetMeta[],
  reuse: (m: SheetMeta) => CachedSheet | null,
  seeds: Map<string, Seed> = new Map()
): Promise<Read> {
  refuseTooLarge(toRead);
  const read =
    toRead.length === 0
      ? []
      : await runExcel((context) =>
          readSlices(
            context,
            toRead.map((s) => ({ name: s.name, used: s.used as CellRange })),
            seeds
          )
        );
  const cells = new Map(read.map((c) => [c.name, c]));
  for (const c of read)
    if (c.conditionalFormats)
      meta.facts.conditionalFormats.set(c.name.toLowerCase(), c.conditionalFormats);
  const names = new Set<string>();
  // A sheet read whole ahead of the slices has not had its conditional formats read.
  let rulesUnread = apiSupported("1.6") && read.some((c) => c.conditionalFormats === null);
  const sheets = meta.sheets.map((s) => {
    const fresh = cells.get(s.name);
    const cached = fresh ? null : reuse(s)?.grid;
    if (fresh || cached) names.add(s.name);
    if (cached) rulesUnread = true;
    return fresh ? sheetGrid(s, fresh) : (cached ?? unreadGrid(s));
  });
  const grids = withUnread({ sheets }, meta.sheets, names);
  // Conditional formats not read (sheets kept, or read ahead): the write reads them itself.
  rememberFacts(grids, rulesUnread ? { ...meta.facts, rulesStale: true } : meta.facts);
  return { meta, read: names, grids };
}

/** The grids' `unread`: the sheets with cells whose cells were left unread. */
function withUnread(grids: WorkbookGrids, meta: SheetMeta[], read: Set<string>): WorkbookGrids {
  const unread = meta.filter((s) => s.used !== null && !read.has(s.name)).map((s) => s.name);
  if (unread.length > 0) grids.unread = unread;
  return grids;
}

/** The cached grids, with no request (a copy of each sheet's object, its rows shared). */
function cachedGrids(session: ReadSession): WorkbookGrids {
  const cached = session.sheets ?? [];
  const read = new Set(cached.filter((s) => s.grid).map((s) => s.meta.name));
  const grids = withUnread(
    { sheets: cached.map((s) => (s.grid ? { ...s.grid } : unreadGrid(s.meta))) },
    cached.map((s) => s.meta),
    read
  );
  rememberFacts(grids, {
    structureProtected: session.structureProtected,
    decimalSeparator: session.decimalSeparator,
    conditionalFormats: new Map(),
    rulesStale: true,
  });
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
