/** Reading the workbook into plain grids through Office.js. */
import type { CellRange, CellValue, SheetGrid, WorkbookGrids } from "../../core/grid";
import { rangeOfAddress } from "./address";
import { HostError, runExcel } from "./errors";

/** True when the running Excel supports ExcelApi `version`. */
export function apiSupported(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** Sheets walked per round trip when the workbook can be walked (ExcelApi 1.5). */
const SHEETS_PER_SYNC = 32;

/**
 * Set once an Excel has refused the walk: Office.js does not document what a method called on a
 * null object does, so if this Excel fails the request instead of giving null objects, the
 * two-trip read is used from then on.
 */
let walkRefused = false;

interface SheetRead {
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

/**
 * Every sheet's used range (values and formulas) and protection, anchored at A1. Merges only at
 * ExcelApi 1.13. One round trip for up to 32 sheets at ExcelApi 1.5: the sheets are walked with
 * getFirst()/getNextOrNullObject() and each one's used range is queued in the same batch, since
 * Office.js cannot name a sheet's used range before it knows the sheet. A step past the last
 * sheet is a null object, and so is everything asked of it. Below 1.5, or when this Excel
 * refuses calls on a null object (then the same read runs again, the two-trip way, and any
 * failure of that one is reported): the sheet list, then every used range (two round trips).
 */
export async function readWorkbookGrids(): Promise<WorkbookGrids> {
  const withMerges = apiSupported("1.13");
  const queueRead = (ws: Excel.Worksheet): SheetRead => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,formulas");
    const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("address");
    return { ws, used, merged };
  };
  const toGrid = ({ ws, used, merged }: SheetRead): SheetGrid => {
    const grid: SheetGrid = used.isNullObject
      ? { name: ws.name, values: [], formulas: [] }
      : padToA1(ws.name, used.address, used.values, used.formulas);
    grid.protected = ws.protection.protected;
    if (merged) grid.merges = merged.isNullObject ? [] : mergesOf(merged.address);
    return grid;
  };
  const twoTrips = () =>
    runExcel(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/protection/protected");
      await context.sync();
      const reads = worksheets.items.map(queueRead);
      await context.sync();
      return { sheets: reads.map(toGrid) };
    });
  if (!apiSupported("1.5") || walkRefused) return twoTrips();
  const walked = runExcel(async (context) => {
    const sheets: SheetGrid[] = [];
    // One sync per batch of sheets, by recursion: a batch needs the previous batch's last sheet.
    const walk = async (after: Excel.Worksheet | null): Promise<void> => {
      const reads: SheetRead[] = [];
      let ws = after ? after.getNextOrNullObject() : context.workbook.worksheets.getFirst();
      for (let i = 0; i < SHEETS_PER_SYNC; i++) {
        if (i > 0) ws = ws.getNextOrNullObject();
        ws.load("name,protection/protected");
        reads.push(queueRead(ws));
      }
      // One step further, to know whether another round trip is needed.
      const beyond = ws.getNextOrNullObject();
      beyond.load("name");
      await context.sync();
      for (const read of reads) {
        if (read.ws.isNullObject) return;
        sheets.push(toGrid(read));
      }
      if (!beyond.isNullObject) await walk(ws);
    };
    await walk(null);
    return { sheets };
  });
  try {
    return await walked;
  } catch (e) {
    if (!(e instanceof HostError) || e.code !== "api") throw e;
    const grids = await twoTrips();
    // Only a walk that failed where the plain read works says this Excel refuses it.
    walkRefused = true;
    return grids;
  }
}

/** Place a used range read at its address into a grid anchored at A1 ("" becomes null). */
export function padToA1(
  name: string,
  address: string,
  values: unknown[][],
  formulas: unknown[][]
): SheetGrid {
  const at = rangeOfAddress(address) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const v: CellValue[][] = [];
  const f: (string | null)[][] = [];
  for (let r = 0; r < at.top; r++) {
    v.push([]);
    f.push([]);
  }
  values.forEach((row, r) => {
    const pad = new Array<null>(at.left).fill(null);
    v.push([...pad, ...row.map(toCellValue)]);
    f.push([
      ...pad,
      ...(formulas[r] ?? []).map((x) => (typeof x === "string" && x.startsWith("=") ? x : null)),
    ]);
  });
  return { name, values: v, formulas: f };
}

function toCellValue(x: unknown): CellValue {
  if (x === "" || x === undefined || x === null) return null;
  if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  return String(x);
}

/** The rectangles of a RangeAreas address "S!A1:C1,S!A5:B6". */
export function mergesOf(address: string): CellRange[] {
  // Match each "!A1:C1" so sheet names with commas cannot split an area.
  const parts = address.match(/!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/gi) ?? [];
  return parts.map((part) => rangeOfAddress(part)).filter((r): r is CellRange => r !== null);
}
