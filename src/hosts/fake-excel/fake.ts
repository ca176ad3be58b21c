/**
 * A strict fake of the Office.js surface the add-in uses, for jest and for the browser preview:
 * the product's only model of real Excel. Each behaviour of real Excel it models is listed, with
 * its source, in docs/excel-behaviours.md.
 *
 * Strict like Office.js: reading a property that was not loaded and synced throws
 * PropertyNotLoaded; writes are queued and applied at sync(); each sync is counted and the JSON
 * size of its request and response measured; a request or response over the limit fails
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, Excel on the web);
 * writes to a protected sheet fail with AccessDenied; operations above the configured ExcelApi
 * version fail with ApiNotFound. Every public member is checked at compile time to exist on the
 * real @types/office-js class.
 */
import { a1Range, type CellValue, type WorkbookGrids } from "../../core";
import { FakeContext } from "./context";
import {
  eventType,
  FakeRuntime,
  type FakeEventArgs,
  type FakeEventName,
  type FakeHandler,
} from "./events";
import { writeBlock } from "./model";
import { FakeOfficeError, apiAtLeast, parseAddress } from "./proxy";
import {
  emptySheet,
  workbookFromGrids,
  workbookToGrids,
  type FakeSheet,
  type FakeWorkbook,
} from "./state";
import {
  FakeCellValueConditionalFormat,
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeCustomConditionalFormat,
} from "./conditional";
import {
  FakeRangeBorder,
  FakeRangeBorderCollection,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
} from "./format";
import { FakeRange, FakeRangeAreas, FakeRangeCollection } from "./range";
import {
  FakeApplication,
  FakeAutoFilter,
  FakeCultureInfo,
  FakePageBreakCollection,
  FakePageLayout,
  FakeWorkbookProtection,
  FakeWorkbookProxy,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetFreezePanes,
  FakeWorksheetProtection,
} from "./worksheet";

export { FakeContext } from "./context";
export { FakeRuntime, EVENT_API, type FakeEventArgs, type FakeEventName } from "./events";
export { FakeOfficeError, parseAddress } from "./proxy";
export { asTyped } from "./model";
export * from "./conditional";
export * from "./format";
export * from "./range";
export * from "./worksheet";

/** Compile-time guard: every public member of the fake exists on the real Office.js type. */
type OnlyRealMembers<Fake, Real> =
  Exclude<keyof Fake, keyof Real | `_${string}`> extends never ? true : never;

export interface FakeOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.7" (Office 2019) or "1.17". */
  maxApi?: string;
  /** Request size limit in bytes; 5 MB as Excel on the web. */
  requestLimitBytes?: number;
  /** Response size limit in bytes; 5 MB as Excel on the web. */
  responseLimitBytes?: number;
  displayLanguage?: string;
  /** Office theme body background; a dark colour makes the pane use its dark theme. */
  bodyBackgroundColor?: string;
  /** Initial document settings. */
  settings?: Record<string, unknown>;
  /**
   * What a method called on a null worksheet does: "null" gives a null object (the default, as
   * the *OrNullObject pattern suggests), "throw" fails the request, for the host's fallback.
   */
  nullObjectCalls?: "null" | "throw";
  /**
   * What copyFrom(…, "Formats") carries: "all" (formats, number formats and merged areas, as
   * Excel's paste-formats does; the default) or "no-merges", for the host's check and repair.
   */
  copiedFormats?: "all" | "no-merges";
  /**
   * The separator getRanges wants between areas: "," (English Windows, the web; the default) or
   * ";" (Windows whose list separator is ";", Indonesian among them), which refuses "," lists.
   */
  listSeparator?: "," | ";";
  /** Office.context.platform; "PC" by default with ";", else "OfficeOnline". */
  platform?: "OfficeOnline" | "PC" | "Mac";
  /** Excel's decimal separator (cultureInfo, ExcelApi 1.11); "," by default with ";", else ".". */
  decimalSeparator?: "," | ".";
  /** The merged areas' RangeAreas.address: "top-left" cells only (the default, #1590) or "areas". */
  mergedAreasAddress?: "top-left" | "areas";
  /** The workbook's structure is protected: sheets cannot be added, deleted or renamed. */
  structureProtected?: boolean;
  /** Paper sizes the (default) printer cannot take: setting one fails the request. */
  refusedPaperSizes?: string[];
  /**
   * When event handlers run: "sync" (the default) right after the request that caused them ran,
   * before its sync resolves; "late", after it has resolved (a later task), as Excel delivers
   * events asynchronously. A user's edit is delivered at once, or late.
   */
  eventDelivery?: "sync" | "late";
}

export interface FakeStats {
  syncs: number;
  /** Bytes of each sync's request (JSON of the queued operations). */
  requestBytes: number[];
  /** Bytes of each sync's response (JSON of what its loads returned). */
  responseBytes: number[];
}

// Every public member of the fakes exists on the real Office.js classes.
const realMembers: OnlyRealMembers<FakeRange, Excel.Range> &
  OnlyRealMembers<FakeRangeFormat, Excel.RangeFormat> &
  OnlyRealMembers<FakeRangeFont, Excel.RangeFont> &
  OnlyRealMembers<FakeRangeFill, Excel.RangeFill> &
  OnlyRealMembers<FakeRangeBorder, Excel.RangeBorder> &
  OnlyRealMembers<FakeRangeBorderCollection, Excel.RangeBorderCollection> &
  OnlyRealMembers<FakeRangeAreas, Excel.RangeAreas> &
  OnlyRealMembers<FakeRangeCollection, Excel.RangeCollection> &
  OnlyRealMembers<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection> &
  OnlyRealMembers<FakeConditionalFormat, Excel.ConditionalFormat> &
  OnlyRealMembers<FakeCellValueConditionalFormat, Excel.CellValueConditionalFormat> &
  OnlyRealMembers<FakeCustomConditionalFormat, Excel.CustomConditionalFormat> &
  OnlyRealMembers<FakeWorksheet, Excel.Worksheet> &
  OnlyRealMembers<FakeWorksheetProtection, Excel.WorksheetProtection> &
  OnlyRealMembers<FakeWorksheetFreezePanes, Excel.WorksheetFreezePanes> &
  OnlyRealMembers<FakePageLayout, Excel.PageLayout> &
  OnlyRealMembers<FakePageBreakCollection, Excel.PageBreakCollection> &
  OnlyRealMembers<FakeAutoFilter, Excel.AutoFilter> &
  OnlyRealMembers<FakeWorksheetCollection, Excel.WorksheetCollection> &
  OnlyRealMembers<FakeWorkbookProxy, Excel.Workbook> &
  OnlyRealMembers<FakeWorkbookProtection, Excel.WorkbookProtection> &
  OnlyRealMembers<FakeCultureInfo, Excel.CultureInfo> &
  OnlyRealMembers<FakeApplication, Excel.Application> &
  OnlyRealMembers<FakeRuntime, Excel.Runtime> &
  OnlyRealMembers<FakeContext, Excel.RequestContext> = true;
void realMembers;

/** Document settings as Office.context.document.settings. */
export class FakeSettings {
  constructor(
    private readonly store: Record<string, unknown>,
    private readonly saved: Record<string, unknown>
  ) {}
  get(name: string): unknown {
    return this.store[name] ?? null;
  }
  set(name: string, value: unknown): void {
    this.store[name] = value;
  }
  remove(name: string): void {
    delete this.store[name];
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === "function" ? a : b) as
      ((r: { status: string; error?: unknown }) => void) | undefined;
    for (const k of Object.keys(this.saved)) delete this.saved[k];
    Object.assign(this.saved, JSON.parse(JSON.stringify(this.store)));
    setTimeout(() => cb?.({ status: "succeeded" }), 0);
  }
}
const settingsMembers: OnlyRealMembers<FakeSettings, Office.Settings> = true;
void settingsMembers;

/** A dialog opened with Office.context.ui.displayDialogAsync: its URL, and the user closing it. */
export class FakeDialog {
  closed = false;
  private readonly handlers = new Map<string, ((arg: unknown) => void)[]>();
  constructor(readonly url: string) {}
  addEventHandler(eventType: string, handler: (arg: unknown) => void): void {
    this.handlers.set(eventType, [...(this.handlers.get(eventType) ?? []), handler]);
  }
  close(): void {
    this.closed = true;
  }
  /** The user closes the dialog with its own button (internal: tests). */
  _userCloses(): void {
    this.closed = true;
    for (const h of this.handlers.get("dialogEventReceived") ?? []) h({ error: 12006 });
  }
  /** The page in the dialog sends a message, e.g. its Close button (internal: tests). */
  _messageParent(message: string): void {
    for (const h of this.handlers.get("dialogMessageReceived") ?? []) h({ message, origin: "" });
  }
}

/** The fake host: a workbook, the Office and Excel globals, and counters. */
export class FakeExcelHost {
  workbook: FakeWorkbook;
  readonly stats: FakeStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  readonly maxApi: string;
  /** Request and response size limits in bytes (tests may lower them between requests). */
  requestLimitBytes: number;
  responseLimitBytes: number;
  readonly nullObjectCalls: "null" | "throw";
  readonly copiedFormats: "all" | "no-merges";
  readonly listSeparator: "," | ";";
  readonly decimalSeparator: "," | ".";
  readonly mergedAreasAddress: "top-left" | "areas";
  readonly refusedPaperSizes: string[];
  structureProtected: boolean;
  /** Writes made while calculation was suspended and not recalculated since. */
  uncalculated = false;
  /** context.runtime.enableEvents: events are fired only while on. */
  enableEvents = true;
  readonly eventDelivery: "sync" | "late";
  /** Events fired and not yet delivered to the handlers. */
  private pendingEvents: { name: FakeEventName; args: FakeEventArgs }[] = [];
  private readonly handlers = new Map<FakeEventName, FakeHandler[]>();
  /** Document settings as saved with the file. */
  readonly savedSettings: Record<string, unknown>;
  readonly actions = new Map<string, (arg?: unknown) => void>();
  /** Dialogs opened, in order. */
  readonly dialogs: FakeDialog[] = [];
  readonly Office: Record<string, unknown>;
  readonly Excel: Record<string, unknown>;

  constructor(grids: WorkbookGrids, opts: FakeOptions = {}) {
    this.workbook = workbookFromGrids(grids);
    this.maxApi = opts.maxApi ?? "1.17";
    this.requestLimitBytes = opts.requestLimitBytes ?? 5 * 1024 * 1024;
    this.responseLimitBytes = opts.responseLimitBytes ?? 5 * 1024 * 1024;
    this.nullObjectCalls = opts.nullObjectCalls ?? "null";
    this.copiedFormats = opts.copiedFormats ?? "all";
    this.listSeparator = opts.listSeparator ?? ",";
    const semicolon = this.listSeparator === ";";
    this.decimalSeparator = opts.decimalSeparator ?? (semicolon ? "," : ".");
    this.mergedAreasAddress = opts.mergedAreasAddress ?? "top-left";
    this.refusedPaperSizes = opts.refusedPaperSizes ?? [];
    this.structureProtected = opts.structureProtected === true;
    this.eventDelivery = opts.eventDelivery ?? "sync";
    const platform = opts.platform ?? (semicolon ? "PC" : "OfficeOnline");
    this.savedSettings = { ...(opts.settings ?? {}) };
    const settings = new FakeSettings({ ...this.savedSettings }, this.savedSettings);
    const maxApi = this.maxApi;
    const actions = this.actions;
    const ready = { host: "Excel", platform };
    this.Office = {
      HostType: { Excel: "Excel" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
      EventType: {
        DialogMessageReceived: "dialogMessageReceived",
        DialogEventReceived: "dialogEventReceived",
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady: (cb?: (info: typeof ready) => void) => {
        cb?.(ready);
        return Promise.resolve(ready);
      },
      context: {
        platform,
        displayLanguage: opts.displayLanguage ?? "id-ID",
        officeTheme: {
          bodyBackgroundColor: opts.bodyBackgroundColor ?? "#ffffff",
        },
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && apiAtLeast(maxApi, version ?? "1.1"),
        },
        document: { settings },
        ui: {
          displayDialogAsync: (
            url: string,
            _options: unknown,
            callback?: (r: { status: string; value: FakeDialog }) => void
          ) => {
            // The dialog opens after the call returns, its handlers added in the callback.
            setTimeout(() => {
              const dialog = new FakeDialog(url);
              this.dialogs.push(dialog);
              callback?.({ status: "succeeded", value: dialog });
            }, 0);
          },
        },
      },
      actions: {
        associate: (id: string, f: (arg?: unknown) => void) => actions.set(id, f),
      },
    };
    this.Excel = {
      run: async <T>(cb: (ctx: FakeContext) => Promise<T>): Promise<T> => cb(new FakeContext(this)),
    };
  }

  /** Put Office and Excel on the global object (jest or the browser). */
  install(
    _target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>
  ): this {
    _target.Office = this.Office;
    _target.Excel = this.Excel;
    return this;
  }

  /** The workbook back as grids (values and formulas) for assertions. */
  grids(): WorkbookGrids {
    return workbookToGrids(this.workbook);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.workbook.sheets.find((s) => s.name === name);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes = [];
    this.stats.responseBytes = [];
  }

  /** Handlers registered for an event (internal). */
  _handlers(name: FakeEventName): FakeHandler[] {
    let list = this.handlers.get(name);
    if (!list) this.handlers.set(name, (list = []));
    return list;
  }

  /** Number of handlers registered, all events together (for tests). */
  handlerCount(): number {
    return [...this.handlers.values()].reduce((n, l) => n + l.length, 0);
  }

  /** Fire an event on a sheet; delivered by _deliverEvents (internal). */
  _emit(name: FakeEventName, sheet: FakeSheet, extra: Partial<FakeEventArgs> = {}): void {
    if (!this.enableEvents || this._handlers(name).length === 0) return;
    this.pendingEvents.push({
      name,
      args: { type: eventType(name), worksheetId: sheet.id, source: "Local", ...extra },
    });
  }

  /** An onChanged event's triggerSource, at ExcelApi 1.14 and above (internal). */
  _triggeredBy(source: "ThisLocalAddin" | "Unknown"): Partial<FakeEventArgs> {
    return apiAtLeast(this.maxApi, "1.14") ? { triggerSource: source } : {};
  }

  /** Run the handlers of the events fired so far, now or in a later task (internal). */
  _deliverEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (events.length === 0) return;
    const run = () => {
      for (const e of events) for (const h of [...this._handlers(e.name)]) void h(e.args);
    };
    if (this.eventDelivery === "late") setTimeout(run, 0);
    else run();
  }

  /** The user types into cells of a sheet (a value, or a block from the address's top-left). */
  userEdit(sheet: string, address: string, value: CellValue | CellValue[][]): void {
    const s = this.userSheet(sheet);
    const block = Array.isArray(value) ? value : [[value]];
    const at = parseAddress(address);
    const rect = {
      top: at.top,
      left: at.left,
      bottom: at.top + block.length - 1,
      right: at.left + (block[0]?.length ?? 1) - 1,
    };
    writeBlock({ sheet: s, rect }, block);
    this._emit("onChanged", s, {
      address: a1Range(rect.top, rect.left, rect.bottom, rect.right),
      changeType: "RangeEdited",
      ...this._triggeredBy("Unknown"),
    });
    this._deliverEvents();
  }

  /** The user protects (or unprotects) a sheet. */
  userProtect(sheet: string, on = true): void {
    const s = this.userSheet(sheet);
    s.protected = on;
    this._emit("onProtectionChanged", s);
    this._deliverEvents();
  }

  /** The user adds an empty sheet at the end. */
  userAddSheet(name: string): void {
    const s = emptySheet(name);
    this.workbook.sheets.push(s);
    this._emit("onAdded", s);
    this._deliverEvents();
  }

  /** The user renames a sheet. */
  userRenameSheet(from: string, to: string): void {
    const s = this.userSheet(from);
    s.name = to;
    this._emit("onNameChanged", s, { nameBefore: from, nameAfter: to });
    this._deliverEvents();
  }

  /** The user deletes a sheet. */
  userDeleteSheet(name: string): void {
    const s = this.userSheet(name);
    this.workbook.sheets = this.workbook.sheets.filter((x) => x !== s);
    this._emit("onDeleted", s);
    this._deliverEvents();
  }

  private userSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  /** Fail the running operation when the workbook's structure is protected (internal). */
  _refuseIfStructureProtected(what: string): void {
    if (this.structureProtected)
      throw new FakeOfficeError(
        "AccessDenied",
        `The workbook's structure is protected: cannot ${what} a sheet.`
      );
  }
}
