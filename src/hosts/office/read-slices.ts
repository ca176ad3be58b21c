/**
 * Reading sheets' used ranges in row slices, each request's response under a budget: Excel on
 * the web refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded), and one read of a
 * large kertas kerja's values and formulas is several times that.
 */
import { parseAreas, rangeA1 } from "../../core/address";
import type { CellRange, CellValue } from "../../core/grid";
import { utf8Length } from "../../core/chars";
import { apiSupported } from "./api";
import { conditionalFormatFacts, loadRules, type ConditionalFormatFact } from "./facts";
import { HostError } from "./errors";

/** Response budget per read request: below the 5 MB limit, with room for the envelope. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;

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
  sheet: SheetToRead;
  cells: SheetCells;
  rows: CellRange;
  /** The sheet's first slice also reads its conditional formats. */
  first: boolean;
}

/** Loaded proxies of one slice. */
interface LoadedSlice {
  slice: Slice;
  range: Excel.Range;
  formulaAreas: Excel.RangeAreas | null;
  numberAreas: Excel.RangeAreas | null;
  merged: Excel.RangeAreas | null;
  rules: Excel.ConditionalFormatCollection | null;
}

/** Where the reading stands: the next sheet and row. */
interface Position {
  sheet: number;
  row: number;
}

/**
 * Bytes a cell is first assumed to take in a response: its value alone at ExcelApi 1.9 (formulas
 * and number formats come only for the cells that have them); value, formula and number format
 * below. Later requests use what the earlier ones measured.
 */
const FIRST_CELL_BYTES = { areas: 40, full: 100 };
/** Margin over the measured bytes per cell, for slices with longer texts than the last one. */
const SAFETY = 1.25;

/**
 * Read the sheets' cells: one request per group of slices, sized by the bytes per cell measured
 * so far; a request Excel still refuses for its response is made again with half the cells.
 */
export async function readSlices(
  context: Excel.RequestContext,
  sheets: SheetToRead[]
): Promise<SheetCells[]> {
  const reader = new SliceReader(sheets);
  await reader.readFrom(context, { sheet: 0, row: sheets[0]?.used.top ?? 0 });
  return reader.cells;
}

class SliceReader {
  readonly cells: SheetCells[];
  private readonly withAreas = apiSupported("1.9");
  private readonly withMerges = apiSupported("1.13");
  private readonly withRules = apiSupported("1.6");
  private bytesPerCell: number;

  constructor(private readonly sheets: SheetToRead[]) {
    this.cells = sheets.map((s) => ({
      name: s.name,
      values: [],
      formulas: [],
      numberFormats: [],
      merges: [],
      conditionalFormats: null,
    }));
    this.bytesPerCell = this.withAreas ? FIRST_CELL_BYTES.areas : FIRST_CELL_BYTES.full;
  }

  /** Read from `at` to the end, one request at a time (by recursion: each needs the last). */
  async readFrom(context: Excel.RequestContext, at: Position): Promise<void> {
    const { slices, next } = this.take(at, this.cellBudget());
    if (slices.length === 0) return;
    const loaded = slices.map((s) => this.queue(context, s));
    try {
      await context.sync();
    } catch (e) {
      const refused = (e as { code?: unknown } | null)?.code === "ResponsePayloadSizeLimitExceeded";
      const oneRow = slices.length === 1 && slices[0]?.rows.top === slices[0]?.rows.bottom;
      if (!refused || oneRow) throw e;
      // Longer texts than measured: assume twice the bytes per cell and read the same rows again.
      this.bytesPerCell *= 2;
      return this.readFrom(context, at);
    }
    this.measure(
      loaded.map((l) => this.store(l)),
      slices
    );
    return this.readFrom(context, next);
  }

  private cellBudget(): number {
    return Math.max(1, Math.floor(READ_BUDGET_BYTES / (this.bytesPerCell * SAFETY)));
  }

  /** The slices of the next request: whole rows, up to `budget` cells (at least one row). */
  private take(at: Position, budget: number): { slices: Slice[]; next: Position } {
    const slices: Slice[] = [];
    let left = budget;
    let { sheet, row } = at;
    while (sheet < this.sheets.length) {
      const s = this.sheets[sheet] as SheetToRead;
      const width = s.used.right - s.used.left + 1;
      const fit = Math.floor(left / width);
      if (fit < 1 && slices.length > 0) break;
      const bottom = Math.min(s.used.bottom, row + Math.max(1, fit) - 1);
      const rows = { top: row, left: s.used.left, bottom, right: s.used.right };
      slices.push({
        sheet: s,
        cells: this.cells[sheet] as SheetCells,
        rows,
        first: row === s.used.top,
      });
      left -= area(rows);
      if (bottom < s.used.bottom) return { slices, next: { sheet, row: bottom + 1 } };
      sheet++;
      row = this.sheets[sheet]?.used.top ?? 0;
      if (left <= 0) break;
    }
    return { slices, next: { sheet, row } };
  }

  /**
   * One slice's loads. At ExcelApi 1.9 the values of every cell, and formulas and number formats
   * only of the cells that have them (special cells: formulas; numbers typed as constants);
   * below, all three of every cell. Merged areas at 1.13 (whole rows: Excel gives the areas
   * whose top-left cell is in the range, OfficeDev/office-js#3611, so each is read once).
   */
  private queue(context: Excel.RequestContext, slice: Slice): LoadedSlice {
    const ws = context.workbook.worksheets.getItem(slice.sheet.name);
    const range = ws.getRange(rangeA1(slice.rows));
    if (this.withAreas) range.load("values");
    else range.load("values,formulas,numberFormat");
    let formulaAreas: Excel.RangeAreas | null = null;
    let numberAreas: Excel.RangeAreas | null = null;
    if (this.withAreas) {
      formulaAreas = range.getSpecialCellsOrNullObject("Formulas");
      formulaAreas.areas.load("items/address,items/formulas,items/numberFormat");
      numberAreas = range.getSpecialCellsOrNullObject("Constants", "Numbers");
      numberAreas.areas.load("items/address,items/numberFormat");
    }
    let merged: Excel.RangeAreas | null = null;
    if (this.withMerges) {
      merged = ws
        .getRange(`${slice.rows.top + 1}:${slice.rows.bottom + 1}`)
        .getMergedAreasOrNullObject();
      // Each area's own address: the RangeAreas' address can list only top-left cells (#1590).
      merged.areas.load("items/address");
    }
    let rules: Excel.ConditionalFormatCollection | null = null;
    if (this.withRules && slice.first) {
      rules = ws.getRange().conditionalFormats;
      loadRules(rules);
    }
    return { slice, range, formulaAreas, numberAreas, merged, rules };
  }

  /** Put a loaded slice into its sheet's cells; returns the response bytes it took. */
  private store(l: LoadedSlice): number {
    const { rows } = l.slice;
    const cells = l.slice.cells;
    const values = l.range.values;
    let bytes = jsonBytes(values);
    place(cells.values, rows, values, toCellValue);
    if (!this.withAreas) {
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

  /** Bytes per cell from what the last request brought. */
  private measure(bytes: number[], slices: Slice[]): void {
    const cells = slices.reduce((n, s) => n + area(s.rows), 0);
    const total = bytes.reduce((a, b) => a + b, 0);
    if (cells > 0 && total > 0) this.bytesPerCell = Math.max(4, total / cells);
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

function toCellValue(x: unknown): CellValue {
  if (x === "" || x === undefined || x === null) return null;
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  return String(x);
}

function toFormula(x: unknown): string | null {
  return typeof x === "string" && x.startsWith("=") ? x : null;
}

function toNumberFormat(x: unknown): string | null {
  return typeof x === "string" && x !== "" && x.toLowerCase() !== "general" ? x : null;
}
