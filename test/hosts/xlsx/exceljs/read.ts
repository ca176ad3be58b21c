/**
 * The reference reader: .xlsx files into the core's plain grids with ExcelJS, an implementation
 * independent of the package reader the product ships (test/hosts/xlsx/package/read.test.ts
 * holds the package reader to the grids this one gives). The input file is only read.
 */
import { promises as fs } from "fs";
import * as ExcelJS from "exceljs";
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../../../src/core/grid";
import type { Lang } from "../../../../src/core/messages";
import { InputFileError } from "../../../../src/hosts/xlsx/errors";
import { installExcelJsPatches } from "./patches";
import { isoDate, normaliseBreaks } from "../../../../src/hosts/xlsx/cell-values";
import { fromFileFormula } from "../../../../src/hosts/xlsx/package/future-functions";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/**
 * Open an .xlsx file as an ExcelJS workbook. The bytes are read once into memory (never opened
 * for writing); a missing, empty, old-format, non-zip or corrupt file throws InputFileError.
 */
export async function loadXlsxFile(path: string, lang: Lang = "id"): Promise<ExcelJS.Workbook> {
  installExcelJsPatches();
  let bytes: Buffer;
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new InputFileError(path, "directory", lang);
    if (st.size === 0) throw new InputFileError(path, "empty", lang);
    bytes = await fs.readFile(path);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputFileError(path, "missing", lang);
    throw new InputFileError(path, "unreadable", lang, (e as Error).message);
  }
  // Decide by content, not by extension: a renamed .xls or CSV must be named for what it is.
  if (bytes.length === 0) throw new InputFileError(path, "empty", lang);
  if (startsWith(bytes, OLE_MAGIC)) throw new InputFileError(path, "xls", lang);
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const problem = bytes[0] === 0x50 && bytes[1] === 0x4b ? "corrupt" : "not-zip";
    throw new InputFileError(path, problem, lang, "zip");
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new InputFileError(path, "corrupt", lang, (e as Error).message ?? String(e));
  }
  if (wb.worksheets.length === 0) throw new InputFileError(path, "corrupt", lang, "0 sheets");
  return wb;
}

/** Read an .xlsx file into grids with ExcelJS (see gridsFromWorkbook). */
export async function readWithExcelJs(path: string, lang: Lang = "id"): Promise<WorkbookGrids> {
  return gridsFromWorkbook(await loadXlsxFile(path, lang), path);
}

/**
 * Every worksheet's used cells as values anchored at A1: rich text flattened (line breaks kept),
 * dates as ISO strings, formula cells as their cached result plus "=..." in `formulas`, errors as
 * their text, hyperlinks as their text. Cells covered by a merge (not its top-left) are empty.
 * Number formats other than General, of the cells holding a value or formula, as ExcelJS gives
 * them (it drops a custom code's backslashes).
 */
export function gridsFromWorkbook(wb: ExcelJS.Workbook, name?: string): WorkbookGrids {
  const grids: WorkbookGrids = { sheets: wb.worksheets.map(sheetGrid) };
  if (name !== undefined) grids.name = name;
  return grids;
}

/** One worksheet as a SheetGrid. Linear in the number of stored cells. */
export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let formats: (string | null)[][] | undefined;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const c = colNumber - 1;
      const v = plainValue(cell.value);
      if (v !== null) {
        while (out.length < c) out.push(null);
        out[c] = v;
      }
      const f = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      if (f) formulas = setAt(formulas, r, c, `=${fromFileFormula(f)}`);
      const fmt = cell.numFmt;
      if ((v !== null || f) && fmt && fmt.toLowerCase() !== "general")
        formats = setAt(formats, r, c, fmt);
    });
    if (out.length > 0) {
      while (values.length < r) values.push([]);
      values[r] = out;
    }
  });
  const grid: SheetGrid = { name: ws.name, values, merges: mergesOf(ws) };
  if (formulas) grid.formulas = formulas;
  if (formats) grid.numberFormats = formats;
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  if (protection?.sheet) grid.protected = true;
  return grid;
}

/** `grid` (created when undefined) with `value` at (r, c), padded with empty rows and nulls. */
function setAt<T>(
  grid: (T | null)[][] | undefined,
  r: number,
  c: number,
  value: T
): (T | null)[][] {
  const g = grid ?? [];
  while (g.length <= r) g.push([]);
  const row = g[r] as (T | null)[];
  while (row.length < c) row.push(null);
  row[c] = value;
  return g;
}

/** Merged areas, 0-based. ExcelJS keeps them keyed by master address; the public model is costly. */
function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeDims | undefined> })._merges;
  const out: CellRange[] = [];
  for (const m of Object.values(internal ?? {})) {
    if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An ExcelJS cell value as a plain grid value. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return normaliseBreaks(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText))
      return normaliseBreaks(v.richText.map((p) => p.text ?? "").join(""));
    if ("error" in v && v.error !== undefined) return String(v.error);
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      if (text && typeof text === "object" && "richText" in text)
        return plainValue(text as ExcelJS.CellRichTextValue);
      return text === undefined || text === null ? null : normaliseBreaks(String(text));
    }
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (result instanceof Date) return isoDate(result);
      if (typeof result === "object") return plainValue(result as ExcelJS.CellValue);
      if (typeof result === "string") return normaliseBreaks(result);
      return result as number | boolean;
    }
  }
  return String(v);
}
