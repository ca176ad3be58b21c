/**
 * The first request of a read: every sheet's name, protection, used range's address and A1 (the
 * add-in's marker), so the sheets the add-in made can be left unread and the rest read in slices.
 */
import { parseRange, type CellRange, type CellValue } from "../../core";
import { apiSupported } from "./api";
import { HostError, runExcel } from "./errors";
import { queueWorkbookFacts, workbookFacts, type WorkbookFacts } from "./facts";

/** What the first request says of a sheet. */
export interface SheetMeta {
  name: string;
  /** Worksheet.id: what Excel's events name the sheet by. */
  id: string;
  protected: boolean;
  /** The used range (values only), null for an empty sheet. */
  used: CellRange | null;
  /** A1's value: the add-in's marker on the sheets it made. */
  a1: CellValue;
}

/** Sheets walked per round trip when the workbook can be walked (ExcelApi 1.5). */
const SHEETS_PER_SYNC = 32;

/**
 * Per session: whether this Excel refused the walk. Office.js does not document what a method
 * called on a null object does, so if an Excel fails the request instead of giving null objects,
 * the listing read is used from then on.
 */
const walkRefused = new WeakSet<object>();

interface QueuedSheet {
  ws: Excel.Worksheet;
  used: Excel.Range;
  a1: Excel.Range;
}

function queueSheet(ws: Excel.Worksheet): QueuedSheet {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address");
  const a1 = ws.getRange("A1");
  a1.load("values");
  return { ws, used, a1 };
}

function sheetMeta({ ws, used, a1 }: QueuedSheet): SheetMeta {
  const v = a1.values[0]?.[0];
  return {
    name: ws.name,
    id: ws.id,
    protected: ws.protection.protected,
    used: used.isNullObject ? null : parseRange(used.address),
    a1: typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null,
  };
}

/**
 * Every sheet's meta and the workbook's facts. One round trip for up to 32 sheets at ExcelApi
 * 1.5: the sheets are walked with getFirst()/getNextOrNullObject() and each one's used range and
 * A1 queued in the same batch (Office.js cannot name a sheet's used range before it knows the
 * sheet); a step past the last sheet is a null object, and so is everything asked of it. Below
 * 1.5, or when this Excel refuses calls on a null object: the sheet list, then the ranges.
 */
export async function readMeta(
  first?: FirstRequest
): Promise<{ sheets: SheetMeta[]; facts: WorkbookFacts }> {
  if (!apiSupported("1.5") || walkRefused.has(Office.context)) return listSheets(first);
  try {
    return await walkSheets(first);
  } catch (e) {
    if (!(e instanceof HostError) || e.code !== "api") throw e;
    const read = await listSheets(first);
    // Only a walk that failed where the listing works says this Excel refuses it.
    walkRefused.add(Office.context);
    return read;
  }
}

/**
 * More to queue on the first request of the walk: returns what to do once it is synced. An
 * Excel that refuses it refuses the request, which is then made without it.
 */
export type FirstRequest = (context: Excel.RequestContext, walked: Excel.Worksheet[]) => () => void;

function listSheets(first?: FirstRequest): Promise<{ sheets: SheetMeta[]; facts: WorkbookFacts }> {
  return runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id,items/protection/protected");
    const facts = queueWorkbookFacts(context);
    const done = first?.(context, []);
    await context.sync();
    done?.();
    const queued = worksheets.items.map(queueSheet);
    await context.sync();
    return { sheets: queued.map(sheetMeta), facts: workbookFacts(facts) };
  });
}

function walkSheets(first?: FirstRequest): Promise<{ sheets: SheetMeta[]; facts: WorkbookFacts }> {
  return runExcel(async (context) => {
    const sheets: SheetMeta[] = [];
    const facts = queueWorkbookFacts(context);
    let done: (() => void) | undefined;
    // One sync per batch of sheets, by recursion: a batch needs the previous batch's last sheet.
    const walk = async (after: Excel.Worksheet | null): Promise<void> => {
      const queued: QueuedSheet[] = [];
      let ws = after ? after.getNextOrNullObject() : context.workbook.worksheets.getFirst();
      for (let i = 0; i < SHEETS_PER_SYNC; i++) {
        if (i > 0) ws = ws.getNextOrNullObject();
        ws.load("name,id,protection/protected");
        queued.push(queueSheet(ws));
      }
      // One step further, to know whether another round trip is needed.
      const beyond = ws.getNextOrNullObject();
      beyond.load("name");
      if (!after)
        done = first?.(
          context,
          queued.map((q) => q.ws)
        );
      await context.sync();
      if (!after) done?.();
      for (const q of queued) {
        if (q.ws.isNullObject) return;
        sheets.push(sheetMeta(q));
      }
      if (!beyond.isNullObject) await walk(ws);
    };
    await walk(null);
    return { sheets, facts: workbookFacts(facts) };
  });
}
