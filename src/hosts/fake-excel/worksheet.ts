/** Worksheets, the workbook and the application, as the fake models them. */
import { quoteSheet } from "../../core";
import type { FakeContext } from "./context";
import { FakeOfficeError, FakeProxy, parseAddress, propList } from "./proxy";
import { FakeRange, FakeRangeAreas } from "./range";
import { FakeEventHandlers } from "./events";
import { emptySheet, usedRect, type FakeSheet } from "./state";

export class FakeWorksheetProtection extends FakeProxy {
  constructor(private readonly ws: FakeWorksheet) {
    super(ws.context);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  load(_names?: string | string[]): FakeWorksheetProtection {
    this.context._enqueue({
      json: { load: `${this.ws._describe}.protection` },
      run: () => {
        this.loaded.set("protected", this.ws._sheet().protected);
        return { protected: this.ws._sheet().protected };
      },
    });
    return this;
  }
  /** Called by the worksheet's own load (internal). */
  _fill(sheet: FakeSheet): void {
    this.loaded.set("protected", sheet.protected);
  }
}

export class FakeWorksheetFreezePanes {
  constructor(private readonly ws: FakeWorksheet) {}
  private freeze(rows: number, cols: number): void {
    this.ws._queueSheetWrite(
      { freeze: [rows, cols] },
      (s) => {
        s.freeze = { rows, cols };
      },
      "1.7"
    );
  }
  freezeRows(count?: number): void {
    this.freeze(count ?? 1, 0);
  }
  freezeColumns(count?: number): void {
    this.freeze(0, count ?? 1);
  }
  freezeAt(frozenRange: FakeRange | string): void {
    const rect = typeof frozenRange === "string" ? parseAddress(frozenRange) : null;
    this.ws._queueSheetWrite(
      { freezeAt: typeof frozenRange === "string" ? frozenRange : frozenRange._describe },
      (s) => {
        const r = rect ?? (frozenRange as FakeRange)._target(false).rect;
        s.freeze = { rows: r.bottom + 1, cols: r.right + 1 };
      },
      "1.7"
    );
  }
}

/** Run `f`; an Office error it throws says where, as Excel's debugInfo.errorLocation does. */
function located<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation)
      throw new FakeOfficeError(e.code, e.message, where);
    throw e;
  }
}

export class FakePageBreakCollection {
  constructor(private readonly ws: FakeWorksheet) {}
  add(pageBreakRange: FakeRange | string): void {
    const addr = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange._describe;
    this.ws._queueSheetWrite(
      { pageBreak: addr },
      (s) => {
        const row = located("PageBreakCollection.add", () =>
          typeof pageBreakRange === "string"
            ? parseAddress(pageBreakRange).top
            : pageBreakRange._target(false).rect.top
        );
        const list = (s.print.rowBreaks as number[] | undefined) ?? [];
        s.print.rowBreaks = [...list, row];
      },
      "1.9"
    );
  }
}

export class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };
  constructor(private readonly ws: FakeWorksheet) {
    const w = (k: string, v: unknown) => this.set1(k, v);
    this.headersFooters = {
      defaultForAllPages: {
        set centerFooter(v: string) {
          w("centerFooter", v);
        },
        get centerFooter(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "centerFooter");
        },
      },
    };
  }
  private set1(key: string, value: unknown): void {
    this.ws._queueSheetWrite(
      { pageLayout: key, value },
      (s) => {
        s.print[key] = value;
      },
      "1.9"
    );
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    this.set1("orientation", v);
  }
  /** A size the printer cannot take fails the request (the fake's `refusedPaperSizes`). */
  set paperSize(v: "A3" | "A4" | Excel.PaperType) {
    this.ws._queueSheetWrite(
      { pageLayout: "paperSize", value: v },
      (s) => {
        if (this.ws.context._host.refusedPaperSizes.includes(String(v)))
          throw new FakeOfficeError(
            "GeneralException",
            `The paper size ${String(v)} is not available.`,
            "PageLayout.paperSize"
          );
        s.print.paperSize = v;
      },
      "1.9"
    );
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.set1("zoom", v);
  }
  set centerHorizontally(v: boolean) {
    this.set1("centerHorizontally", v);
  }
  set leftMargin(v: number) {
    this.set1("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.set1("rightMargin", v);
  }
  set topMargin(v: number) {
    this.set1("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.set1("bottomMargin", v);
  }
  setPrintArea(printArea: string): void {
    this.set1("printArea", printArea);
  }
  setPrintTitleRows(printTitleRows: string): void {
    this.set1("printTitleRows", printTitleRows);
  }
}

export class FakeAutoFilter {
  constructor(private readonly ws: FakeWorksheet) {}
  apply(range: FakeRange | string): void {
    this.ws._queueSheetWrite(
      { autoFilter: typeof range === "string" ? range : range._describe },
      (s) => {
        s.autoFilter = typeof range === "string" ? parseAddress(range) : range._target(false).rect;
      },
      "1.9"
    );
  }
}

export class FakeWorksheet extends FakeProxy {
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeWorksheetFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly autoFilter: FakeAutoFilter;
  readonly horizontalPageBreaks: FakePageBreakCollection;
  constructor(
    context: FakeContext,
    /** Resolves the sheet at sync time; null for a null object. */
    private readonly find: () => FakeSheet | null,
    readonly _describe: string,
    nullable = false
  ) {
    super(context);
    this._nullable = nullable;
    this.protection = new FakeWorksheetProtection(this);
    this.freezePanes = new FakeWorksheetFreezePanes(this);
    this.pageLayout = new FakePageLayout(this);
    this.autoFilter = new FakeAutoFilter(this);
    this.horizontalPageBreaks = new FakePageBreakCollection(this);
    if (nullable)
      context._enqueue({
        json: { nullCheck: _describe },
        run: () => {
          this.nullState = this.locate() === null;
        },
      });
    else this.nullState = false;
  }
  /** True for a proxy from an *OrNullObject call, which may stand for no sheet (internal). */
  readonly _nullable: boolean;
  /** Like Office.js, a proxy binds to the sheet it first finds and follows it through renames. */
  private bound: FakeSheet | null = null;
  /** The sheet, or null when this is a null object (internal). */
  _locate(): FakeSheet | null {
    return this.locate();
  }
  private locate(): FakeSheet | null {
    if (this.bound)
      return this.context._host.workbook.sheets.includes(this.bound) ? this.bound : null;
    const s = this.find();
    if (s) this.bound = s;
    return s;
  }
  /** The sheet, or ItemNotFound (internal). */
  _sheet(): FakeSheet {
    const s = this.locate();
    if (!s) throw new FakeOfficeError("ItemNotFound", `${this._describe} does not exist.`);
    return s;
  }
  /** Queue a write to the sheet itself (internal). */
  _queueSheetWrite(json: Record<string, unknown>, f: (s: FakeSheet) => void, api?: string): void {
    this.context._enqueue({
      json: { sheet: this._describe, ...json },
      api,
      write: true,
      run: () => {
        const s = this._sheet();
        if (s.protected)
          throw new FakeOfficeError("AccessDenied", `The sheet "${s.name}" is protected.`);
        f(s);
      },
    });
  }
  /** Fill loaded properties from a collection load (internal). */
  _fill(sheet: FakeSheet, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "name") this.loaded.set("name", (out.name = sheet.name));
      else if (p === "id") this.loaded.set("id", (out.id = sheet.id));
      else if (p === "protection/protected" || p === "protection") {
        this.protection._fill(sheet);
        out.protection = { protected: sheet.protected };
      } else if (p === "tabColor")
        this.loaded.set("tabColor", (out.tabColor = sheet.tabColor ?? ""));
      else throw new FakeOfficeError("InvalidArgument", `The fake cannot load "${p}".`);
    }
    return out;
  }
  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
  }
  set name(v: string) {
    this.context._enqueue({
      json: { rename: this._describe, to: v },
      run: () => {
        const s = this._sheet();
        const wb = this.context._host.workbook;
        this.context._host._refuseIfStructureProtected("rename");
        if (wb.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
          throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
        if (wb.activeSheet === s.name) wb.activeSheet = v;
        const before = s.name;
        s.name = v;
        this.context._host._emit("onNameChanged", s, { nameBefore: before, nameAfter: v });
      },
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this._queueSheetWrite(
      { tabColor: v },
      (s) => {
        s.tabColor = v;
      },
      "1.7"
    );
  }
  set showGridlines(v: boolean) {
    this._queueSheetWrite(
      { showGridlines: v },
      (s) => {
        s.showGridlines = v;
      },
      "1.8"
    );
  }
  load(names?: string | string[]): FakeWorksheet {
    const props = propList(names);
    this.context._enqueue({
      json: { load: this._describe, props },
      run: () => {
        const s = this.locate();
        this.nullState = s === null;
        return s ? this._fill(s, props.length > 0 ? props : ["name"]) : null;
      },
    });
    return this;
  }
  /** Fails the request when this null sheet is asked for something and the host says so. */
  private _queueNullCheck(method: string): void {
    if (!this._nullable) return;
    this.context._enqueue({
      json: { nullCall: method },
      run: () => {
        if (this.context._host.nullObjectCalls === "throw" && this.locate() === null)
          throw new FakeOfficeError("InvalidArgument", `${method} was called on a null object.`);
      },
    });
  }
  /** The sheet; null for a null object, whose ranges are null objects too (internal). */
  _sheetOrNull(): FakeSheet | null {
    return this._nullable && this.locate() === null ? null : this._sheet();
  }
  getRange(address?: string): FakeRange {
    const rect = address ? parseAddress(address) : null;
    this._queueNullCheck("getRange");
    return new FakeRange(
      this.context,
      () => {
        const s = this._sheetOrNull();
        if (!s) return null;
        return { sheet: s, rect: rect ?? { top: 0, left: 0, bottom: 1048575, right: 16383 } };
      },
      `${this._describe}!${address ?? "*"}`
    );
  }
  /** Several ranges as one RangeAreas, "A1:B2,D4" joined by this Excel's list separator (1.9). */
  getRanges(address?: string): FakeRangeAreas {
    return FakeRangeAreas._ofAddress(
      this.context,
      () => this._sheetOrNull(),
      address ?? "A1",
      this._describe
    );
  }
  /** The next sheet in tab order, or a null object after the last one (ExcelApi 1.5). */
  getNextOrNullObject(_visibleOnly?: boolean): FakeWorksheet {
    this._queueNullCheck("getNextOrNullObject");
    this.context._enqueue({
      json: { apiCheck: "getNextOrNullObject" },
      api: "1.5",
      run: () => undefined,
    });
    const sheets = () => this.context._host.workbook.sheets;
    return new FakeWorksheet(
      this.context,
      () => {
        // A null object's next is a null object too.
        const s = this._nullable ? this.locate() : this._sheet();
        if (!s) return null;
        return sheets()[sheets().indexOf(s) + 1] ?? null;
      },
      `${this._describe}.next`,
      true
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this._queueNullCheck("getUsedRangeOrNullObject");
    this.context._enqueue({
      json: { apiCheck: "getUsedRangeOrNullObject" },
      api: "1.4",
      run: () => undefined,
    });
    return new FakeRange(
      this.context,
      () => {
        const s = this._sheetOrNull();
        if (!s) return null;
        const rect = usedRect(s, valuesOnly === true);
        return rect ? { sheet: s, rect } : null;
      },
      `${this._describe}!used`,
      true
    );
  }
  activate(): void {
    this.context._enqueue({
      json: { activate: this._describe },
      run: () => {
        this.context._host.workbook.activeSheet = this._sheet().name;
      },
    });
  }
  delete(): void {
    this.context._enqueue({
      json: { delete: this._describe },
      run: () => {
        const wb = this.context._host.workbook;
        const s = this._sheet();
        this.context._host._refuseIfStructureProtected("delete");
        if (wb.sheets.length <= 1)
          throw new FakeOfficeError(
            "InvalidOperation",
            "A workbook must contain at least one sheet."
          );
        wb.sheets = wb.sheets.filter((x) => x !== s);
        if (wb.activeSheet === s.name) wb.activeSheet = wb.sheets[0]?.name ?? null;
        this.context._host._emit("onDeleted", s);
      },
    });
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  readonly onChanged: FakeEventHandlers;
  readonly onFormatChanged: FakeEventHandlers;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;
  readonly onRowSorted: FakeEventHandlers;
  readonly onColumnSorted: FakeEventHandlers;
  readonly onProtectionChanged: FakeEventHandlers;
  readonly onNameChanged: FakeEventHandlers;
  readonly onMoved: FakeEventHandlers;
  constructor(context: FakeContext) {
    super(context);
    this.onChanged = new FakeEventHandlers(context, "onChanged");
    this.onFormatChanged = new FakeEventHandlers(context, "onFormatChanged");
    this.onAdded = new FakeEventHandlers(context, "onAdded");
    this.onDeleted = new FakeEventHandlers(context, "onDeleted");
    this.onRowSorted = new FakeEventHandlers(context, "onRowSorted");
    this.onColumnSorted = new FakeEventHandlers(context, "onColumnSorted");
    this.onProtectionChanged = new FakeEventHandlers(context, "onProtectionChanged");
    this.onNameChanged = new FakeEventHandlers(context, "onNameChanged");
    this.onMoved = new FakeEventHandlers(context, "onMoved");
  }
  private proxyFor(name: string, nullable = false): FakeWorksheet {
    const find = () =>
      this.context._host.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ??
      null;
    return new FakeWorksheet(this.context, find, quoteSheet(name), nullable);
  }
  get items(): FakeWorksheet[] {
    return this.read("items");
  }
  load(names?: string | string[]): FakeWorksheetCollection {
    // "items/name, items/protection/protected" or "name" (a collection load of the items).
    const props = propList(names)
      .map((p) => p.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    this.context._enqueue({
      json: { load: "worksheets", props },
      run: () => {
        const response: Record<string, unknown>[] = [];
        const items = this.context._host.workbook.sheets.map((s) => {
          const ws = this.proxyFor(s.name);
          response.push(ws._fill(s, props.length > 0 ? props : ["name"]));
          return ws;
        });
        this.loaded.set("items", items);
        return response;
      },
    });
    return this;
  }
  getItem(key: string): FakeWorksheet {
    return this.proxyFor(key);
  }
  /** The first sheet in tab order (ExcelApi 1.5); a workbook always has one. */
  getFirst(_visibleOnly?: boolean): FakeWorksheet {
    this.context._enqueue({ json: { apiCheck: "getFirst" }, api: "1.5", run: () => undefined });
    return new FakeWorksheet(
      this.context,
      () => this.context._host.workbook.sheets[0] ?? null,
      "first"
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.proxyFor(key, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    const wb = this.context._host.workbook;
    return new FakeWorksheet(
      this.context,
      () => wb.sheets.find((s) => s.name === wb.activeSheet) ?? null,
      "active"
    );
  }
  add(name?: string): FakeWorksheet {
    const wb = this.context._host.workbook;
    const sheetName = name ?? `Sheet${wb.sheets.length + 1}`;
    this.context._enqueue({
      json: { add: sheetName },
      run: () => {
        this.context._host._refuseIfStructureProtected("add");
        if (wb.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
          throw new FakeOfficeError(
            "ItemAlreadyExists",
            `A sheet named "${sheetName}" already exists.`
          );
        if (sheetName.length > 31 || /[\\/?*[\]:]/.test(sheetName))
          throw new FakeOfficeError("InvalidArgument", `Invalid sheet name "${sheetName}".`);
        const made = emptySheet(sheetName);
        wb.sheets.push(made);
        this.context._host._emit("onAdded", made);
      },
    });
    return this.proxyFor(sheetName);
  }
}

/** Workbook.protection (ExcelApi 1.7): whether the structure is protected. */
export class FakeWorkbookProtection extends FakeProxy {
  get protected(): boolean {
    return this.read("protected");
  }
  load(_names?: string | string[]): FakeWorkbookProtection {
    this.context._enqueue({
      json: { load: "workbook.protection" },
      api: "1.7",
      run: () => {
        this.loaded.set("protected", this.context._host.structureProtected);
        return { protected: this.context._host.structureProtected };
      },
    });
    return this;
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.protection = new FakeWorkbookProtection(context);
  }
}

/** Application.cultureInfo (ExcelApi 1.11): the decimal separator, from the fake's options. */
export class FakeCultureInfo extends FakeProxy {
  readonly numberFormat: { readonly numberDecimalSeparator: string };
  constructor(context: FakeContext) {
    super(context);
    const read = () => this.read<string>("numberDecimalSeparator");
    this.numberFormat = {
      get numberDecimalSeparator(): string {
        return read();
      },
    };
  }
  load(_names?: string | string[]): FakeCultureInfo {
    this.context._enqueue({
      json: { load: "cultureInfo" },
      api: "1.11",
      run: () => {
        this.loaded.set("numberDecimalSeparator", this.context._host.decimalSeparator);
        return { numberDecimalSeparator: this.context._host.decimalSeparator };
      },
    });
    return this;
  }
}

/**
 * Application: calculation suspended until the next sync (writes made meanwhile are not
 * recalculated until the add-in asks: Office.js leaves that to the developer) and calculate().
 */
export class FakeApplication {
  readonly cultureInfo: FakeCultureInfo;
  constructor(private readonly context: FakeContext) {
    this.cultureInfo = new FakeCultureInfo(context);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._enqueue({
      json: { suspendCalc: true },
      api: "1.6",
      run: () => {
        this.context._suspendCalculation();
      },
    });
  }
  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this.context._enqueue({
      json: { calculate: calculationType },
      run: () => {
        this.context._host.uncalculated = false;
      },
    });
  }
}
