/**
 * Reading sheets' used ranges in row slices, each request's response under a budget: Excel on
 * the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded), and one read of a
 * large kertas kerja's values and formulas is several times that.
 */
import { parseAreas, rangeA1, type CellRange, type CellValue, utf8Length } from "../../core";
import { apiSupported } from "./api";
import { conditionalFormatFacts, loadRules, type ConditionalFormatFact } from "./facts";
import { HostError } from "./errors";

/** Response budget per read request: below the 5 MB limit, with room for the envelope. */
export const READ_BUDGET_BYTES = 4_600_000;

/** Each cell's value, formula and number format as read, anchored at A1. */
export interface SheetCells {
  name: string;
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
  merges: CellRange[];
  conditionalFormats: ConditionalFormatFact[] | null;
}

/** A sheet to read: its name and used range. */
export interface SheetToRead {
  name: string;
  used: CellRange;
}

/** Rows of one sheet read in one request. */
interface Slice {
  /** The sheet's place in the list read. */
  index: number;
  sheet: SheetToRead;
  cells: SheetCells;
  rows: CellRange;
  /** The sheet's first slice read here also reads its conditional formats. */
  first: boolean;
}

/** Loaded proxies of some rows of a sheet. */
interface LoadedCells {
  range: Excel.Range;
  formulaAreas: Excel.RangeAreas | null;
  numberAreas: Excel.RangeAreas | null;
  merged: Excel.RangeAreas | null;
  rules: Excel.ConditionalFormatCollection | null;
}

/** Loaded proxies of one slice. */
interface LoadedSlice extends LoadedCells {
  slice: Slice;
}

/** What this Excel lets a read load. */
interface Loads {
  /** RangeAreas (ExcelApi 1.9): formulas and number formats only of the cells having them. */
  areas: boolean;
  /** Merged areas (1.13). */
  merges: boolean;
}

function loads(): Loads {
  return { areas: apiSupported("1.9"), merges: apiSupported("1.13") };
}

/**
 * The loads of some rows of a sheet. At ExcelApi 1.9 the values of every cell, and formulas and
 * number formats only of the cells that have them (special cells: formulas; numbers typed as
 * constants); below, all three of every cell. Merged areas at 1.13, of whole rows `mergeRows`
 * ("3:9": Excel gives the areas whose top-left cell is in the range, OfficeDev/office-js#3611,
 * so each is read once). The sheet's conditional formats when `rules`.
 */
function queueCells(
  ws: Excel.Worksheet,
  range: Excel.Range,
  mergeRows: string,
  rules: boolean,
  can: Loads
): LoadedCells {
  if (can.areas) range.load("values");
  else range.load("values,formulas,numberFormat");
  let formulaAreas: Excel.RangeAreas | null = null;
  let numberAreas: Excel.RangeAreas | null = null;
  if (can.areas) {
    formulaAreas = range.getSpecialCellsOrNullObject("Formulas");
    formulaAreas.areas.load("items/address,items/formulas,items/numberFormat");
    numberAreas = range.getSpecialCellsOrNullObject("Constants", "Numbers");
    numberAreas.areas.load("items/address,items/numberFormat");
  }
  let merged: Excel.RangeAreas | null = null;
  if (can.merges) {
    merged = ws.getRange(mergeRows).getMergedAreasOrNullObject();
    // Each area's own address: the RangeAreas' address can list only top-left cells (#1590).
    merged.areas.load("items/address");
  }
  let collection: Excel.ConditionalFormatCollection | null = null;
  if (rules) {
    collection = ws.getRange().conditionalFormats;
    loadRules(collection);
  }
  return { range, formulaAreas, numberAreas, merged, rules: collection };
}

/** Put loaded cells (rows `rows`) into a sheet's cells; returns the response bytes they took. */
function storeCells(l: LoadedCells, rows: CellRange, cells: SheetCells, can: Loads): number {
  const values = l.range.values;
  let bytes = jsonBytes(values);
  place(cells.values, rows, values, toCellValue);
  if (!can.areas) {
    place(cells.formulas, rows, l.range.formulas, toFormula);
    place(cells.numberFormats, rows, l.range.numberFormat, toNumberFormat);
    bytes += jsonBytes(l.range.formulas) + jsonBytes(l.range.numberFormat);
  }
  for (const areas of [l.formulaAreas, l.numberAreas]) {
    if (!areas || areas.isNullObject) continue;
    for (const a of areas.areas.items) {
      const at = parseAreas(a.address)?.[0];
      if (!at) throw new HostError("api", { code: "BadAddress", detail: a.address });
      if (areas === l.formulaAreas) place(cells.formulas, at, a.formulas, toFormula);
      place(cells.numberFormats, at, a.numberFormat, toNumberFormat);
      bytes +=
        a.address.length +
        jsonBytes(a.numberFormat) +
        (areas === l.formulaAreas ? jsonBytes(a.formulas) : 0);
    }
  }
  if (l.merged && !l.merged.isNullObject)
    for (const a of l.merged.areas.items) {
      const m = parseAreas(a.address)?.[0];
      if (m && (m.bottom > m.top || m.right > m.left)) cells.merges.push(m);
      bytes += a.address.length;
    }
  if (l.rules) cells.conditionalFormats = conditionalFormatFacts(l.rules);
  return bytes;
}

function emptyCells(name: string): SheetCells {
  return {
    name,
    values: [],
    formulas: [],
    numberFormats: [],
    merges: [],
    conditionalFormats: null,
  };
}

/** A sheet's first rows read on the sheet walk's own request, before its name is known. */
export interface SeedWindow {
  ws: Excel.Worksheet;
  window: Excel.Range;
  loaded: LoadedCells;
}

/** A sheet's rows read ahead: its cells so far, the next row to read, its bytes per cell. */
export interface Seed {
  cells: SheetCells;
  next: number;
  bytesPerCell: number;
}

/**
 * Queue the read of a walked sheet's used range within its first `rows` rows and `cols` columns
 * (its name and used range are not known yet: they come in the same response).
 */
export function queueSeed(ws: Excel.Worksheet, rows: number, cols: number): SeedWindow {
  const window = ws
    .getUsedRangeOrNullObject(true)
    .getIntersectionOrNullObject(rangeA1({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 }));
  window.load("address");
  return { ws, window, loaded: queueCells(ws, window, `1:${rows}`, false, loads()) };
}

/**
 * The rows a seed read of sheet `name` whose used range is `used`, or null when they are not
 * whole rows of it from its first (a used range wider than the window, or starting below it).
 */
export function seedOf(seed: SeedWindow, name: string, used: CellRange): Seed | null {
  if (seed.window.isNullObject) return null;
  const rows = parseAreas(seed.window.address)?.[0];
  if (!rows || rows.top !== used.top || rows.left !== used.left || rows.right !== used.right)
    return null;
  const cells = emptyCells(name);
  const bytes = storeCells(seed.loaded, rows, cells, loads());
  return { cells, next: rows.bottom + 1, bytesPerCell: Math.max(4, bytes / area(rows)) };
}

/**
 * Bytes a cell is first assumed to take in a response: its value alone at ExcelApi 1.9 (formulas
 * and number formats come only for the cells that have them); value, formula and number format
 * below. A long formula in every row (a capaian column) makes a sheet's cells average about 55
 * bytes; the first request reads a share of every sheet, so each one's own figure is measured
 * before most of it is read.
 */
const FIRST_CELL_BYTES = { areas: 60, full: 120 };
/** Margin over a sheet's measured bytes per cell, for rows with longer texts than those read. */
const SAFETY = 1.05;

/**
 * Read the sheets' cells: one request per group of slices, sized by each sheet's bytes per cell
 * (the first request reads the same share of every sheet under the first guess; later ones use
 * what was measured); a request Excel still refuses for its response is made again with half
 * the cells.
 */
export async function readSlices(
  context: Excel.RequestContext,
  sheets: SheetToRead[],
  seeds: Map<string, Seed> = new Map()
): Promise<SheetCells[]> {
  const reader = new SliceReader(sheets, seeds);
  await reader.readFrom(context, seeds.size === 0);
  return reader.cells;
}

class SliceReader {
  readonly cells: SheetCells[];
  private readonly can = loads();
  private readonly withRules = apiSupported("1.6");
  /** Per sheet: the response bytes a cell is expected to take (the most measured so far). */
  private readonly bytesPerCell: number[];
  /** Per sheet: the next row to read. */
  private readonly nextRow: number[];

  constructor(
    private readonly sheets: SheetToRead[],
    seeds: Map<string, Seed>
  ) {
    const guess = this.can.areas ? FIRST_CELL_BYTES.areas : FIRST_CELL_BYTES.full;
    const seed = (s: SheetToRead) => seeds.get(s.name);
    this.cells = sheets.map((s) => seed(s)?.cells ?? emptyCells(s.name));
    this.bytesPerCell = sheets.map((s) => seed(s)?.bytesPerCell ?? guess);
    this.measured = sheets.map((s) => seed(s) !== undefined);
    this.nextRow = sheets.map((s) => seed(s)?.next ?? s.used.top);
  }

  /** Read to the end, one request at a time (by recursion: each is sized by the last). */
  async readFrom(context: Excel.RequestContext, first: boolean): Promise<void> {
    const slices = first ? this.takeShare() : this.take();
    if (slices.length === 0) return;
    const loaded = slices.map((s) => this.queue(context, s));
    const rules = this.queueRules(context, slices);
    try {
      await context.sync();
    } catch (e) {
      const refused = (e as { code?: unknown } | null)?.code === "ResponsePayloadSizeLimitExceeded";
      const oneRow = slices.length === 1 && slices[0]?.rows.top === slices[0]?.rows.bottom;
      if (!refused || oneRow) throw e;
      // Longer texts than measured: the same rows again in requests of half the size, down to
      // one row of one sheet.
      this.budget = this.planned(slices) / 2;
      return this.readFrom(context, false);
    }
    for (const { cells, collection } of rules)
      cells.conditionalFormats = conditionalFormatFacts(collection);
    loaded.forEach((l) => {
      const bytes = this.store(l);
      const { index, rows } = l.slice;
      const before = this.measured[index] ? (this.bytesPerCell[index] as number) : 0;
      this.bytesPerCell[index] = Math.max(4, before, bytes / area(rows));
      this.measured[index] = true;
      this.nextRow[index] = rows.bottom + 1;
    });
    return this.readFrom(context, false);
  }

  /**
   * The conditional formats of the sheets read whole ahead (no slice of theirs is left), on a
   * request made for the others.
   */
  private queueRules(context: Excel.RequestContext, slices: Slice[]) {
    if (!this.withRules) return [];
    return this.sheets
      .map((s, i) => ({ s, cells: this.cells[i] as SheetCells, i }))
      .filter(
        ({ cells, i }) => cells.conditionalFormats === null && !slices.some((sl) => sl.index === i)
      )
      .map(({ s, cells }) => {
        const collection = context.workbook.worksheets
          .getItem(s.name)
          .getRange().conditionalFormats;
        loadRules(collection);
        return { cells, collection };
      });
  }

  /** Per sheet: whether some of its rows were read (its bytes per cell measured). */
  private readonly measured: boolean[];

  /** Bytes a request is planned at: READ_BUDGET_BYTES, halved by each refusal. */
  private budget = READ_BUDGET_BYTES;

  private planned(slices: Slice[]): number {
    return slices.reduce((n, sl) => n + area(sl.rows) * this.expected(sl.index), 0);
  }

  /** Bytes a cell of sheet `index` is planned at. */
  private expected(index: number): number {
    return (this.bytesPerCell[index] as number) * SAFETY;
  }

  /** The first request: the same share of every sheet's rows, the whole under the budget. */
  private takeShare(): Slice[] {
    const planned = this.sheets.reduce((n, s, i) => n + area(s.used) * this.expected(i), 0);
    const share = Math.min(1, this.budget / Math.max(1, planned));
    return this.sheets.map((s, index) => {
      const height = s.used.bottom - s.used.top + 1;
      const rows = Math.max(1, Math.floor(height * share));
      return this.slice(index, rows);
    });
  }

  /** The next request: the sheets in order from the first unread row, whole rows, under budget. */
  private take(): Slice[] {
    const slices: Slice[] = [];
    let left = this.budget;
    for (let index = 0; index < this.sheets.length; index++) {
      const s = this.sheets[index] as SheetToRead;
      const row = this.nextRow[index] as number;
      if (row > s.used.bottom) continue;
      const rowBytes = (s.used.right - s.used.left + 1) * this.expected(index);
      const fit = Math.floor(left / rowBytes);
      if (fit < 1 && slices.length > 0) break;
      const rows = Math.min(s.used.bottom - row + 1, Math.max(1, fit));
      slices.push(this.slice(index, rows));
      left -= rows * rowBytes;
      if (left < rowBytes) break;
    }
    return slices;
  }

  /** `rows` rows of sheet `index` from its next row (at most to its last). */
  private slice(index: number, rows: number): Slice {
    const s = this.sheets[index] as SheetToRead;
    const top = this.nextRow[index] as number;
    const bottom = Math.min(s.used.bottom, top + rows - 1);
    return {
      index,
      sheet: s,
      cells: this.cells[index] as SheetCells,
      rows: { top, left: s.used.left, bottom, right: s.used.right },
      first: (this.cells[index] as SheetCells).conditionalFormats === null,
    };
  }

  /** One slice's loads (its sheet's conditional formats with its first). */
  private queue(context: Excel.RequestContext, slice: Slice): LoadedSlice {
    const ws = context.workbook.worksheets.getItem(slice.sheet.name);
    const range = ws.getRange(rangeA1(slice.rows));
    const rows = `${slice.rows.top + 1}:${slice.rows.bottom + 1}`;
    return { slice, ...queueCells(ws, range, rows, this.withRules && slice.first, this.can) };
  }

  /** Put a loaded slice into its sheet's cells; returns the response bytes it took. */
  private store(l: LoadedSlice): number {
    return storeCells(l, l.slice.rows, l.slice.cells, this.can);
  }
}

function area(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x));
}

/** Write a block read at `at` into a grid anchored at A1 (rows padded, cells past the end left). */
function place<T>(
  grid: T[][],
  at: CellRange,
  block: unknown[][],
  convert: (x: unknown) => T
): void {
  block.forEach((line, r) => {
    const row = (grid[at.top + r] ??= []);
    line.forEach((x, c) => {
      const v = convert(x);
      if (v !== null) row[at.left + c] = v;
    });
  });
}

/** A value as Office.js reads it ("" for an empty cell) as a grid's cell value. */
export function toCellValue(x: unknown): CellValue {
  if (x === "" || x === undefined || x === null) return null;
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  return String(x);
}

/** A formula as Office.js reads it (a constant's value for a cell without one), or null. */
export function toFormula(x: unknown): string | null {
  return typeof x === "string" && x.startsWith("=") ? x : null;
}

function toNumberFormat(x: unknown): string | null {
  return typeof x === "string" && x !== "" && x.toLowerCase() !== "general" ? x : null;
}
