/**
 * The pane's read cache: the grids of its last read, kept for the session and trusted only while
 * Excel's worksheet events say nothing changed them. Every event is logged by its handler and
 * interpreted at the next read: a change inside what the add-in itself last wrote is its own
 * (for a change of cells, only when Excel also says this add-in made it: triggerSource
 * "ThisLocalAddin", ExcelApi 1.14), and so is the adding of a sheet it created;
 * any other change makes its sheet dirty (and, for a content change, every sheet holding
 * formulas, whose values may follow it), and a sheet added, deleted, renamed, moved or
 * (un)protected makes the sheet list dirty. A read then asks Excel only for what is dirty, and
 * nothing at all when nothing is.
 *
 * The cache is used only at ExcelApi 1.17 (renames and moves have events from there on), with
 * this add-in's events on (context.runtime.enableEvents, ExcelApi 1.8: per add-in, and this one
 * never turns them off) and its handlers registered; otherwise every read is a full one.
 */
import { parseAreas, type CellRange, type SheetGrid } from "../../core";
import { apiSupported } from "./api";
import type { SheetMeta } from "./read-meta";

/** The ExcelApi version from which the read cache is used. */
export const CACHE_API = "1.17";

/** A sheet as last read: its meta, and its cells when it was read (not an add-in's or empty). */
export interface CachedSheet {
  meta: SheetMeta;
  grid: SheetGrid | null;
}

/** Content, formats, the sheet list (added, deleted, renamed, moved), or a protection. */
type EventKind = "content" | "format" | "structure" | "protection";

interface LoggedEvent {
  kind: EventKind;
  /** The event args' type, e.g. "WorksheetAdded". */
  type: string;
  worksheetId: string;
  address?: string;
  /** onChanged's triggerSource (ExcelApi 1.14): "ThisLocalAddin" for this add-in's writes. */
  triggerSource?: string;
}

/** The fields of Excel's worksheet *EventArgs the cache looks at. */
interface EventArgs {
  type: string;
  worksheetId: string;
  address?: string;
  triggerSource?: string;
}

/** What the add-in's last write touched: events on these are its own, until the next read. */
export interface OwnWrite {
  /** Sheets it created: their adding and every change of their cells are its own. */
  created: Set<string>;
  /** Sheets it replaced (renamed, then deleted): every event of theirs is its own. */
  replaced: Set<string>;
  /** Per sheet id, the areas it wrote in a sheet it updated. */
  areas: Map<string, CellRange[]>;
}

/** What the next read must ask Excel for. */
export interface Dirty {
  /** The sheet list, used ranges and markers must be walked again. */
  meta: boolean;
  /** Lower-cased names of the sheets whose cells must be read again. */
  sheets: Set<string>;
}

/** One pane session's cache (per Office.context: a reloaded pane starts empty). */
export class ReadSession {
  /** Handlers registered and events on: the cache may be trusted. */
  listening = false;
  /** The handlers are registered (once a session). */
  registered = false;
  /** This Excel refused the handlers' registration: no cache this session. */
  refused = false;
  /** The last read's sheets in tab order, or null when there is none to trust. */
  sheets: CachedSheet[] | null = null;
  structureProtected = false;
  decimalSeparator: string | null = null;
  private log: LoggedEvent[] = [];
  private own: OwnWrite | null = null;
  /** Sheets to read again whatever the events say (lower-cased names). */
  private forced = new Set<string>();

  /** Forget the cache: the next read is a full one. */
  drop(): void {
    this.sheets = null;
    this.log = [];
    this.own = null;
    this.forced = new Set();
  }

  /** Read this sheet again at the next read. */
  markDirty(sheet: string): void {
    this.forced.add(sheet.toLowerCase());
  }

  /** The add-in's write just made: its events are its own until the next read. */
  wrote(own: OwnWrite): void {
    this.own = own;
  }

  /** An event handler: log the event, interpreted at the next read. */
  handler(kind: EventKind): (args: EventArgs) => Promise<void> {
    return (args) => {
      const { type, worksheetId, address, triggerSource } = args;
      this.log.push({ kind, type, worksheetId, address, triggerSource });
      return Promise.resolve();
    };
  }

  /** Whether a read may start from the cache. */
  usable(): boolean {
    return this.listening && this.sheets !== null && apiSupported(CACHE_API);
  }

  /** The events logged since the last read, as what must be read again; the log is emptied. */
  takeDirty(): Dirty {
    const dirty: Dirty = { meta: false, sheets: this.forced };
    this.forced = new Set();
    const sheets = this.sheets ?? [];
    const byId = new Map(sheets.map((s) => [s.meta.id, s]));
    for (const e of this.log) {
      if (this.isOwn(e)) continue;
      const sheet = byId.get(e.worksheetId);
      if (e.kind === "structure" || e.kind === "protection" || !sheet) {
        dirty.meta = true;
        continue;
      }
      if (!sheet.grid) {
        // An add-in's sheet (its marker in A1) or an empty one: only its meta can have changed.
        if (!sheet.meta.used || coversA1(e.address)) dirty.meta = true;
        continue;
      }
      dirty.sheets.add(sheet.meta.name.toLowerCase());
      // Formulas anywhere may follow a changed value; their own changes raise no event.
      if (e.kind === "content")
        for (const s of sheets)
          if (s.grid && hasFormulas(s.grid)) dirty.sheets.add(s.meta.name.toLowerCase());
    }
    this.log = [];
    this.own = null;
    return dirty;
  }

  private isOwn(e: LoggedEvent): boolean {
    // A change of cells says whether this add-in made it; one it made may still come from
    // another of its runtimes (the ribbon's), so it is its own only inside what it last wrote.
    if (
      e.kind === "content" &&
      e.triggerSource !== undefined &&
      e.triggerSource !== "ThisLocalAddin"
    )
      return false;
    // The add-in never protects a sheet.
    if (!this.own || e.kind === "protection") return false;
    if (this.own.replaced.has(e.worksheetId)) return true;
    if (this.own.created.has(e.worksheetId))
      return e.kind !== "structure" || e.type === "WorksheetAdded";
    const areas = this.own.areas.get(e.worksheetId);
    if (!areas || e.kind === "structure" || !e.address) return false;
    const changed = parseAreas(e.address);
    return changed !== null && changed.every((c) => areas.some((a) => within(c, a)));
  }
}

function within(inner: CellRange, outer: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/** Whether an event's address may include A1 (an address that cannot be parsed may). */
function coversA1(address: string | undefined): boolean {
  const areas = address ? parseAreas(address) : null;
  return !areas || areas.some((a) => a.top === 0 && a.left === 0);
}

function hasFormulas(grid: SheetGrid): boolean {
  return (grid.formulas ?? []).some((row) => row.some((f) => typeof f === "string"));
}

const sessions = new WeakMap<object, ReadSession>();

/** This pane session's cache. */
export function readSession(): ReadSession {
  let s = sessions.get(Office.context);
  if (!s) sessions.set(Office.context, (s = new ReadSession()));
  return s;
}

/**
 * Queue the event handlers' registration and the events switch's load on a request; after its
 * sync, call the returned function. Below ExcelApi 1.17 nothing is registered.
 */
export function queueListening(context: Excel.RequestContext, session: ReadSession): () => void {
  if (!apiSupported(CACHE_API)) return () => undefined;
  if (!session.registered) {
    const ws = context.workbook.worksheets;
    ws.onChanged.add(session.handler("content"));
    ws.onRowSorted.add(session.handler("content"));
    ws.onColumnSorted.add(session.handler("content"));
    ws.onFormatChanged.add(session.handler("format"));
    for (const e of [ws.onAdded, ws.onDeleted, ws.onNameChanged, ws.onMoved])
      e.add(session.handler("structure"));
    ws.onProtectionChanged.add(session.handler("protection"));
  }
  // Loaded at every full read: the cache is trusted again only after a full read with events on.
  const runtime = context.runtime;
  runtime.load("enableEvents");
  return () => {
    session.registered = true;
    session.listening = runtime.enableEvents;
  };
}
