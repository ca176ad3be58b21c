/**
 * A strict fake of the Office.js surface the add-in uses, for jest and for the browser preview.
 *
 * Strict like Office.js: reading a property that was not loaded and synced throws
 * PropertyNotLoaded; writes are queued and applied at sync(); each sync is counted and the JSON
 * size of its request measured; a request over the limit fails with
 * RequestPayloadSizeLimitExceeded (Excel on the web); writes to a protected sheet fail with
 * AccessDenied; operations above the configured ExcelApi version fail with ApiNotFound.
 * Every public member is checked at compile time to exist on the real @types/office-js class.
 */
import { rangeWithin, type CellRange, type CellValue, type WorkbookGrids } from "../../core/grid";
import { a1Range, columnIndex, quoteSheet } from "../../core/address";
import {
  cellFormula,
  cellValue,
  emptySheet,
  setCell,
  setNumberFormat,
  usedRect,
  workbookFromGrids,
  workbookToGrids,
  type ConditionalFormatRecord,
  type FakeSheet,
  type FormatRecord,
  type HyperlinkRecord,
  type FakeWorkbook,
} from "./state";
import { utf8Length } from "../../core/chars";

/** Compile-time guard: every public member of the fake exists on the real Office.js type. */
type OnlyRealMembers<Fake, Real> =
  Exclude<keyof Fake, keyof Real | `_${string}`> extends never ? true : never;

/** An error shaped like OfficeExtension.Error (a `code` string the host maps to a message). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.7" (Office 2019) or "1.17". */
  maxApi?: string;
  /** Request size limit in bytes; 5 MB as Excel on the web. */
  requestLimitBytes?: number;
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
}

export interface FakeStats {
  syncs: number;
  /** Bytes of each sync's request (JSON of the queued operations). */
  requestBytes: number[];
}

interface Op {
  json: unknown;
  /** Requirement set the operation needs. */
  api?: string;
  run(): void;
}

function apiAtLeast(have: string, need: string): boolean {
  const [hM = 0, hm = 0] = have.split(".").map(Number);
  const [nM = 0, nm = 0] = need.split(".").map(Number);
  return hM > nM || (hM === nM && hm >= nm);
}

/** Parse "A1", "$B$2:C3" into a 0-based rectangle. */
export function parseAddress(address: string): CellRange {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = local.replace(/\$/g, "").split(":");
  const cells = parts.map((p) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(p.trim());
    if (!m) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1] ?? "A") };
  });
  const a = cells[0];
  const b = cells[1] ?? a;
  if (!a || !b) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : quoteSheet(name);
}

/** The request context: the queue, the loaded proxies and the counters. */
export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  private queue: Op[] = [];
  constructor(readonly _host: FakeExcelHost) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
  }
  /** Queue an operation (internal). */
  _enqueue(op: Op): void {
    this.queue.push(op);
  }
  _sheetNamed(name: string): FakeSheet {
    const s = this._host.workbook.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet "${name}" does not exist.`);
    return s;
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = utf8Length(JSON.stringify(ops.map((o) => o.json)));
    this._host.stats.syncs++;
    this._host.stats.requestBytes.push(bytes);
    if (bytes > this._host.requestLimitBytes)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`
      );
    // Operations before a failing one stay applied, as in Excel.
    for (const op of ops) {
      if (op.api && !apiAtLeast(this._host.maxApi, op.api))
        throw new FakeOfficeError("ApiNotFound", `ExcelApi ${op.api} is not supported here.`);
      op.run();
    }
  }
}

/** Base of every proxy: loaded properties and the strict read. */
abstract class FakeProxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  constructor(readonly context: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        "isNullObject is not available before context.sync()."
      );
    return this.nullState;
  }
}

function propList(names?: string | string[]): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(",");
  return list.map((n) => n.trim()).filter((n) => n !== "");
}

type Resolved = { sheet: FakeSheet; rect: CellRange } | null;

export class FakeRange extends FakeProxy implements FormatTarget {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  constructor(
    context: FakeContext,
    /** Resolves the range at sync time; null for a null object. */
    readonly _resolve: () => Resolved,
    readonly _describe: string,
    nullable = false
  ) {
    super(context);
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = new FakeConditionalFormatCollection(this);
    if (nullable)
      context._enqueue({
        json: { nullCheck: _describe },
        run: () => {
          this.nullState = this._resolve() === null;
        },
      });
    else this.nullState = false;
  }

  /** Resolve and refuse null objects and protected sheets for writes (internal). */
  _target(write: boolean): { sheet: FakeSheet; rect: CellRange } {
    const r = this._resolve();
    if (!r) throw new FakeOfficeError("InvalidObjectPath", `${this._describe} is a null object.`);
    if (write && r.sheet.protected)
      throw new FakeOfficeError("AccessDenied", `The sheet "${r.sheet.name}" is protected.`);
    return r;
  }

  /** Queue a write that runs against the resolved range (internal). */
  _queueWrite(
    json: Record<string, unknown>,
    apply: (t: { sheet: FakeSheet; rect: CellRange }) => void,
    api?: string
  ): void {
    this.context._enqueue({
      json: { range: this._describe, ...json },
      api,
      run: () => apply(this._target(true)),
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(v: CellValue[][]) {
    this._queueWrite({ values: v }, (t) => writeBlock(t, v, "values"));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this._queueWrite({ formulas: v }, (t) => writeBlock(t, v as CellValue[][], "formulas"));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._queueWrite({ numberFormat: v }, (t) => {
      // A single format (1×1) applies to every cell of the range, as Office.js documents.
      const one = v.length === 1 && v[0]?.length === 1 ? v[0][0] : undefined;
      if (one !== undefined) {
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          for (let c = t.rect.left; c <= t.rect.right; c++)
            setNumberFormat(t.sheet, r, c, String(one));
        return;
      }
      checkDims(t.rect, v);
      v.forEach((row, r) =>
        row.forEach((f, c) => setNumberFormat(t.sheet, t.rect.top + r, t.rect.left + c, String(f)))
      );
    });
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.read("hyperlink");
  }
  set hyperlink(h: Excel.RangeHyperlink) {
    this._queueWrite(
      { hyperlink: h },
      (t) => {
        const { top: row, left: col } = t.rect;
        t.sheet.hyperlinks = t.sheet.hyperlinks.filter((x) => x.row !== row || x.col !== col);
        t.sheet.hyperlinks.push({ row, col, ...h });
        if (h.textToDisplay !== undefined) setCell(t.sheet, row, col, h.textToDisplay, null);
      },
      "1.7"
    );
  }

  load(names?: string | string[]): FakeRange {
    const props = propList(names);
    this.context._enqueue({
      json: { load: this._describe, props },
      run: () => {
        const r = this._resolve();
        this.nullState = r === null;
        if (!r) return;
        const { sheet, rect } = r;
        const grid = <T>(f: (row: number, col: number) => T): T[][] => {
          const out: T[][] = [];
          for (let row = rect.top; row <= rect.bottom; row++) {
            const line: T[] = [];
            for (let col = rect.left; col <= rect.right; col++) line.push(f(row, col));
            out.push(line);
          }
          return out;
        };
        for (const p of props.length > 0 ? props : ["address", "values", "formulas"]) {
          if (p === "address")
            this.loaded.set(
              p,
              `${sheetPrefix(sheet.name)}!${a1Range(rect.top, rect.left, rect.bottom, rect.right)}`
            );
          else if (p === "rowCount") this.loaded.set(p, rect.bottom - rect.top + 1);
          else if (p === "columnCount") this.loaded.set(p, rect.right - rect.left + 1);
          // Office.js reads empty cells as "" and formulas' cached values as values.
          else if (p === "values")
            this.loaded.set(
              p,
              grid((r2, c) => cellValue(sheet, r2, c) ?? "")
            );
          else if (p === "formulas")
            this.loaded.set(
              p,
              grid((r2, c) => cellFormula(sheet, r2, c) ?? cellValue(sheet, r2, c) ?? "")
            );
          else if (p === "numberFormat")
            this.loaded.set(
              p,
              grid((r2, c) => sheet.numberFormats[r2]?.[c] ?? "General")
            );
          else if (p === "hyperlink") {
            const h = sheet.hyperlinks.find((x) => x.row === rect.top && x.col === rect.left);
            this.loaded.set(p, h ? { ...h } : null);
          } else throw new FakeOfficeError("InvalidArgument", `The fake cannot load "${p}".`);
        }
      },
    });
    return this;
  }

  merge(across?: boolean): void {
    this._queueWrite({ merge: across ?? false }, (t) => {
      const rows = across
        ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => t.rect.top + i)
        : [t.rect.top];
      for (const row of rows) {
        const m = across
          ? { top: row, left: t.rect.left, bottom: row, right: t.rect.right }
          : { ...t.rect };
        if (m.top === m.bottom && m.left === m.right) continue;
        addMerge(t.sheet, m);
      }
    });
  }

  select(): void {
    this.context._enqueue({
      json: { select: this._describe },
      run: () => {
        const t = this._target(false);
        this.context._host.workbook.activeSheet = t.sheet.name;
        this.context._host.workbook.selection = `${sheetPrefix(t.sheet.name)}!${a1Range(
          t.rect.top,
          t.rect.left,
          t.rect.bottom,
          t.rect.right
        )}`;
      },
    });
  }

  untrack(): FakeRange {
    return this;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, { merged: this });
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), "Formats" only: every format property, number format and
   * merged area of the source range is put on this range, as paste-formats does. The fake models
   * only what it can model exactly and throws otherwise: a same-sized source on the same sheet,
   * whose formats and merges each lie wholly inside or wholly outside it (no outside border on its
   * edge), with no link or rule on it, onto cells that have no format or merge yet.
   */
  copyFrom(
    source: FakeRange | string,
    copyType?: "All" | "Formats" | "Formulas" | "Values" | Excel.RangeCopyType,
    skipBlanks?: boolean,
    transpose?: boolean
  ): void {
    const describe = typeof source === "string" ? source : source._describe;
    this._queueWrite(
      { copyFrom: describe, copyType, skipBlanks, transpose },
      (t) => {
        const refuse = (why: string): never => {
          throw new FakeOfficeError("InvalidArgument", `The fake cannot model this copy: ${why}.`);
        };
        if (copyType !== "Formats") refuse(`copy type ${String(copyType)}`);
        if (skipBlanks || transpose) refuse("skipBlanks or transpose");
        if (typeof source === "string") refuse("a source given as an address");
        const from = (source as FakeRange)._target(false);
        if (from.sheet !== t.sheet) refuse("a source on another sheet");
        const src = from.rect;
        const dst = t.rect;
        const dr = dst.top - src.top;
        const dc = dst.left - src.left;
        if (
          src.bottom - src.top !== dst.bottom - dst.top ||
          src.right - src.left !== dst.right - dst.left
        )
          refuse("source and destination of different sizes");
        if (overlaps(src, dst)) refuse("overlapping source and destination");
        /** Whether a format record outside `o` draws a border on one of o's edges. */
        const onEdge = (f: FormatRecord, o: CellRange): boolean => {
          const b = /^borders\.(\w+)\./.exec(f.path)?.[1];
          if (!b) return false;
          const { top, left, bottom, right } = f.range;
          const cols = left <= o.right && right >= o.left;
          const rows = top <= o.bottom && bottom >= o.top;
          if (b === "EdgeBottom" || b === "InsideHorizontal")
            if (
              cols &&
              (bottom === o.top - 1 || (b === "InsideHorizontal" && top < o.top && bottom >= o.top))
            )
              return true;
          if (b === "EdgeTop" && cols && top === o.bottom + 1) return true;
          if (b === "EdgeRight" || b === "InsideVertical")
            if (
              rows &&
              (right === o.left - 1 || (b === "InsideVertical" && left < o.left && right >= o.left))
            )
              return true;
          if (b === "EdgeLeft" && rows && left === o.right + 1) return true;
          return false;
        };
        const copied: FormatRecord[] = [];
        const near = (o: CellRange) => formatsNear(t.sheet, o);
        for (const f of near(dst))
          if (overlaps(f.range, dst) || onEdge(f, dst)) refuse("a destination already formatted");
        for (const f of near(src)) {
          if (rangeWithin(f.range, src))
            copied.push({
              range: {
                top: f.range.top + dr,
                left: f.range.left + dc,
                bottom: f.range.bottom + dr,
                right: f.range.right + dc,
              },
              path: f.path,
              value: f.value,
            });
          else if (overlaps(f.range, src) || onEdge(f, src))
            refuse("a format across the source's edge");
        }
        const at = mergeIndexOf(t.sheet).at;
        const merges = new Set<CellRange>();
        for (let r = dst.top; r <= dst.bottom; r++)
          for (let c = dst.left; c <= dst.right; c++)
            if (at.has(r * 16384 + c)) refuse("a destination already merged");
        for (let r = src.top; r <= src.bottom; r++)
          for (let c = src.left; c <= src.right; c++) {
            const m = at.get(r * 16384 + c);
            if (m && !rangeWithin(m, src)) refuse("a merged area across the source's edge");
            if (m) merges.add(m);
          }
        if (
          t.sheet.conditionalFormats.some((c) => overlaps(c.range, src) || overlaps(c.range, dst))
        )
          refuse("conditional formats");
        const linked = (h: HyperlinkRecord, o: CellRange) =>
          h.row >= o.top && h.row <= o.bottom && h.col >= o.left && h.col <= o.right;
        if (t.sheet.hyperlinks.some((h) => linked(h, src) || linked(h, dst))) refuse("links");
        for (const f of copied) t.sheet.formats.push(f);
        if (this.context._host.copiedFormats === "no-merges") merges.clear();
        for (const m of merges)
          addMerge(t.sheet, {
            top: m.top + dr,
            left: m.left + dc,
            bottom: m.bottom + dr,
            right: m.right + dc,
          });
        for (let r = src.top; r <= src.bottom; r++)
          for (let c = src.left; c <= src.right; c++) {
            const nf = t.sheet.numberFormats[r]?.[c] ?? null;
            if (nf !== null) setNumberFormat(t.sheet, r + dr, c + dc, nf);
            else if (t.sheet.numberFormats[r + dr]?.[c + dc] != null)
              (t.sheet.numberFormats[r + dr] as (string | null)[])[c + dc] = null;
          }
      },
      "1.9"
    );
  }
}

/** Per sheet, the merge covering each cell, for the merges array it was built from. */
const mergeIndexes = new WeakMap<
  FakeSheet,
  { merges: CellRange[]; count: number; at: Map<number, CellRange> }
>();

/** Merge `m`, replacing the merges it overlaps, as Excel does (an index keeps this linear). */
function mergeIndexOf(sheet: FakeSheet): {
  merges: CellRange[];
  count: number;
  at: Map<number, CellRange>;
} {
  let index = mergeIndexes.get(sheet);
  if (!index || index.merges !== sheet.merges || index.count !== sheet.merges.length) {
    const at = new Map<number, CellRange>();
    for (const x of sheet.merges)
      for (let r = x.top; r <= x.bottom; r++)
        for (let c = x.left; c <= x.right; c++) at.set(r * 16384 + c, x);
    index = { merges: sheet.merges, count: sheet.merges.length, at };
    mergeIndexes.set(sheet, index);
  }
  return index;
}

/** Per sheet, format records by tile of 16×16 cells (a record is in every tile it or its edges touch). */
const formatTiles = new WeakMap<
  FakeSheet,
  { formats: FormatRecord[]; count: number; tiles: Map<number, FormatRecord[]> }
>();

/** The format records that may touch `o` or its edges (a superset; callers test each). */
function formatsNear(sheet: FakeSheet, o: CellRange): Set<FormatRecord> {
  let index = formatTiles.get(sheet);
  if (!index || index.formats !== sheet.formats || index.count > sheet.formats.length) {
    index = { formats: sheet.formats, count: 0, tiles: new Map() };
    formatTiles.set(sheet, index);
  }
  const tile = (r: number, c: number) => (Math.max(0, r) >> 4) * 2048 + (Math.max(0, c) >> 4);
  for (; index.count < sheet.formats.length; index.count++) {
    const f = sheet.formats[index.count] as FormatRecord;
    // Sizes are not formats a copy carries; a whole column's width would fill every tile.
    if (f.path === "rowHeight" || f.path === "columnWidth") continue;
    for (let r = (f.range.top - 1) >> 4; r <= (f.range.bottom + 1) >> 4; r++)
      for (let c = (f.range.left - 1) >> 4; c <= (f.range.right + 1) >> 4; c++) {
        const k = tile(r << 4, c << 4);
        const list = index.tiles.get(k);
        if (list) list.push(f);
        else index.tiles.set(k, [f]);
      }
  }
  const out = new Set<FormatRecord>();
  for (let r = (o.top - 1) >> 4; r <= (o.bottom + 1) >> 4; r++)
    for (let c = (o.left - 1) >> 4; c <= (o.right + 1) >> 4; c++)
      for (const f of index.tiles.get(tile(r << 4, c << 4)) ?? []) out.add(f);
  return out;
}

function addMerge(sheet: FakeSheet, m: CellRange): void {
  const index = mergeIndexOf(sheet);
  let overlapped = false;
  for (let r = m.top; r <= m.bottom && !overlapped; r++)
    for (let c = m.left; c <= m.right && !overlapped; c++) overlapped = index.at.has(r * 16384 + c);
  if (overlapped) {
    sheet.merges = sheet.merges.filter((x) => !overlaps(x, m));
    mergeIndexes.delete(sheet);
    sheet.merges.push(m);
    return;
  }
  sheet.merges.push(m);
  index.count++;
  for (let r = m.top; r <= m.bottom; r++)
    for (let c = m.left; c <= m.right; c++) index.at.set(r * 16384 + c, m);
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
}

function checkDims(rect: CellRange, v: unknown[][]): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (
    !Array.isArray(v) ||
    v.length !== rows ||
    v.some((r) => !Array.isArray(r) || r.length !== cols)
  )
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${cols}).`
    );
}

/** Write a 2D block as Excel does: "=..." becomes a formula; a leading "'" makes text. */
function writeBlock(
  t: { sheet: FakeSheet; rect: CellRange },
  v: CellValue[][],
  _how: "values" | "formulas"
): void {
  checkDims(t.rect, v);
  v.forEach((row, r) =>
    row.forEach((x, c) => {
      const rr = t.rect.top + r;
      const cc = t.rect.left + c;
      if (typeof x === "string" && x.startsWith("'")) setCell(t.sheet, rr, cc, x.slice(1), null);
      else if (typeof x === "string" && x.startsWith("=") && x.length > 1)
        setCell(t.sheet, rr, cc, null, x);
      else setCell(t.sheet, rr, cc, typeof x === "string" ? asTyped(x) : (x ?? null), null);
    })
  );
}

/**
 * What Excel makes of a string written without a leading "'": like typing it, a number, a
 * percentage or TRUE/FALSE becomes that value ("1.10" turns into the number 1.1). Dates and
 * currencies, which depend on the locale, are left out; the host must not rely on either.
 */
export function asTyped(x: string): CellValue {
  if (x === "") return null;
  const t = x.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return x;
}

/** What a format writes against: a range or the areas of a RangeAreas (internal). */
interface FormatTarget {
  _queueWrite(
    json: Record<string, unknown>,
    apply: (t: { sheet: FakeSheet; rect: CellRange }) => void,
    api?: string
  ): void;
}

/** Excel's limit on a getRange/getRanges address; Office.js cuts a longer one. */
export const ADDRESS_LIMIT = 8192;

let areasIds = 0;

/**
 * A RangeAreas: the merged areas of a range (ExcelApi 1.13), or Worksheet.getRanges (1.9), whose
 * format writes apply to every area as if set on each range.
 */
export class FakeRangeAreas extends FakeProxy implements FormatTarget {
  readonly format: FakeRangeFormat;
  private readonly id = `areas#${++areasIds}`;
  private areas: (() => { sheet: FakeSheet; rects: CellRange[] } | null) | null = null;
  constructor(
    context: FakeContext,
    from:
      { merged: FakeRange } | { sheet: () => FakeSheet | null; address: string; describe: string }
  ) {
    super(context);
    this.format = new FakeRangeFormat(this);
    if ("merged" in from) {
      const range = from.merged;
      context._enqueue({
        json: { mergedAreas: range._describe },
        api: "1.13",
        run: () => {
          const t = range._resolve();
          const areas = t ? t.sheet.merges.filter((m) => overlaps(m, t.rect)) : [];
          this.nullState = areas.length === 0;
          if (!t) return;
          this.loaded.set(
            "address",
            areas
              .map(
                (m) => `${sheetPrefix(t.sheet.name)}!${a1Range(m.top, m.left, m.bottom, m.right)}`
              )
              .join(",")
          );
        },
      });
      return;
    }
    const { address } = from;
    if (address.length > ADDRESS_LIMIT)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The address is longer than ${ADDRESS_LIMIT} characters.`
      );
    const rects = address.split(",").map((a) => parseAddress(a));
    this.nullState = false;
    this.areas = () => {
      const sheet = from.sheet();
      return sheet ? { sheet, rects } : null;
    };
    // Office.js sends the address once, in the object path; later actions refer to it by id.
    context._enqueue({
      json: { getRanges: from.describe, id: this.id, address },
      api: "1.9",
      run: () => undefined,
    });
  }
  /** Queue a write applied to each area in turn, as Excel applies it to each range (internal). */
  _queueWrite(
    json: Record<string, unknown>,
    apply: (t: { sheet: FakeSheet; rect: CellRange }) => void,
    api?: string
  ): void {
    const areas = this.areas;
    if (!areas) throw new FakeOfficeError("InvalidOperation", "Merged areas are read-only here.");
    this.context._enqueue({
      json: { areas: this.id, ...json },
      api: api && apiAtLeast(api, "1.9") ? api : "1.9",
      run: () => {
        const a = areas();
        if (!a) throw new FakeOfficeError("InvalidObjectPath", `${this.id} is a null object.`);
        if (a.sheet.protected)
          throw new FakeOfficeError("AccessDenied", `The sheet "${a.sheet.name}" is protected.`);
        for (const rect of a.rects) apply({ sheet: a.sheet, rect });
      },
    });
  }
  get address(): string {
    return this.read("address");
  }
  load(_names?: string | string[]): FakeRangeAreas {
    return this;
  }
}

/** A format object whose every property write is recorded against the range. */
function formatWriter(range: FormatTarget, prefix: string, api?: string) {
  return (path: string, value: unknown) =>
    range._queueWrite(
      { format: `${prefix}${path}`, value },
      (t) => {
        t.sheet.formats.push({ range: { ...t.rect }, path: `${prefix}${path}`, value });
      },
      api
    );
}

export class FakeRangeFont {
  private readonly w: (p: string, v: unknown) => void;
  constructor(range: FormatTarget) {
    this.w = formatWriter(range, "font.");
  }
  set bold(v: boolean) {
    this.w("bold", v);
  }
  set italic(v: boolean) {
    this.w("italic", v);
  }
  set underline(
    v:
      | Excel.RangeUnderlineStyle
      | "None"
      | "Single"
      | "Double"
      | "SingleAccountant"
      | "DoubleAccountant"
  ) {
    this.w("underline", v);
  }
  set size(v: number) {
    this.w("size", v);
  }
  set color(v: string) {
    this.w("color", v);
  }
  set name(v: string) {
    this.w("name", v);
  }
}

export class FakeRangeFill {
  constructor(private readonly range: FormatTarget) {}
  set color(v: string) {
    formatWriter(this.range, "fill.")("color", v);
  }
}

export class FakeRangeBorder {
  private readonly w: (p: string, v: unknown) => void;
  constructor(range: FormatTarget, index: string) {
    this.w = formatWriter(range, `borders.${index}.`);
  }
  set style(
    v:
      | Excel.BorderLineStyle
      | "None"
      | "Continuous"
      | "Dash"
      | "DashDot"
      | "DashDotDot"
      | "Dot"
      | "Double"
      | "SlantDashDot"
  ) {
    this.w("style", v);
  }
  set color(v: string) {
    this.w("color", v);
  }
  set weight(v: Excel.BorderWeight | "Hairline" | "Thin" | "Medium" | "Thick") {
    this.w("weight", v);
  }
}

export class FakeRangeBorderCollection {
  constructor(private readonly range: FormatTarget) {}
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.range, index);
  }
}

export class FakeRangeFormat {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;
  private readonly w: (p: string, v: unknown) => void;
  constructor(range: FormatTarget) {
    this.font = new FakeRangeFont(range);
    this.fill = new FakeRangeFill(range);
    this.borders = new FakeRangeBorderCollection(range);
    this.w = formatWriter(range, "");
  }
  set horizontalAlignment(
    v:
      | Excel.HorizontalAlignment
      | "General"
      | "Left"
      | "Center"
      | "Right"
      | "Fill"
      | "Justify"
      | "CenterAcrossSelection"
      | "Distributed"
  ) {
    this.w("horizontalAlignment", v);
  }
  set verticalAlignment(
    v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed"
  ) {
    this.w("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.w("wrapText", v);
  }
  set columnWidth(v: number) {
    this.w("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.w("rowHeight", v);
  }
}

export class FakeConditionalFormatCollection {
  constructor(private readonly range: FakeRange) {}
  add(type: "CellValue" | "Custom"): FakeConditionalFormat {
    const holder: { rec?: ConditionalFormatRecord } = {};
    this.range._queueWrite(
      { conditionalFormat: type },
      (t) => {
        holder.rec = { range: { ...t.rect }, type };
        t.sheet.conditionalFormats.push(holder.rec);
      },
      "1.6"
    );
    return new FakeConditionalFormat(this.range, holder);
  }
}

type CfHolder = { rec?: ConditionalFormatRecord };

export class FakeConditionalFormat {
  readonly cellValue: FakeCellValueConditionalFormat;
  readonly custom: FakeCustomConditionalFormat;
  constructor(range: FakeRange, holder: CfHolder) {
    this.cellValue = new FakeCellValueConditionalFormat(range, holder);
    this.custom = new FakeCustomConditionalFormat(range, holder);
  }
}

/** The format part shared by cell-value and custom conditional formats. */
class FakeConditionalFormatBase {
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(
    private readonly range: FakeRange,
    private readonly holder: CfHolder
  ) {
    const set = (key: "fill" | "fontColor") => (v: string) =>
      this.edit({ [key]: v }, (rec) => {
        rec[key] = v;
      });
    const setFill = set("fill");
    const setFont = set("fontColor");
    this.format = {
      fill: {
        set color(v: string) {
          setFill(v);
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "fill.color");
        },
      },
      font: {
        set color(v: string) {
          setFont(v);
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "font.color");
        },
      },
    };
  }
  protected edit(json: unknown, f: (rec: ConditionalFormatRecord) => void): void {
    this.range.context._enqueue({
      json,
      api: "1.6",
      run: () => {
        if (!this.holder.rec) throw new FakeOfficeError("InvalidObjectPath", "conditional format");
        f(this.holder.rec);
      },
    });
  }
}

export class FakeCellValueConditionalFormat extends FakeConditionalFormatBase {
  set rule(v: Excel.ConditionalCellValueRule) {
    this.edit({ rule: v }, (rec) => {
      rec.rule = { formula1: v.formula1, operator: String(v.operator) };
      if (v.formula2 !== undefined) rec.rule.formula2 = v.formula2;
    });
  }
}

/** `custom.rule.formula = "=…"`: the rule is an object whose formula is set (ExcelApi 1.6). */
export class FakeCustomConditionalFormat extends FakeConditionalFormatBase {
  readonly rule: { formula: string };
  constructor(range: FakeRange, holder: CfHolder) {
    super(range, holder);
    const setFormula = (v: string) =>
      this.edit({ formula: v }, (rec) => {
        rec.formula = v;
      });
    this.rule = {
      set formula(v: string) {
        setFormula(v);
      },
      get formula(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "rule.formula");
      },
    };
  }
}

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

export class FakePageBreakCollection {
  constructor(private readonly ws: FakeWorksheet) {}
  add(pageBreakRange: FakeRange | string): void {
    const addr = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange._describe;
    this.ws._queueSheetWrite(
      { pageBreak: addr },
      (s) => {
        const row =
          typeof pageBreakRange === "string"
            ? parseAddress(pageBreakRange).top
            : pageBreakRange._target(false).rect.top;
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
  set paperSize(v: "A3" | "A4" | Excel.PaperType) {
    this.set1("paperSize", v);
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
      run: () => {
        const s = this._sheet();
        if (s.protected)
          throw new FakeOfficeError("AccessDenied", `The sheet "${s.name}" is protected.`);
        f(s);
      },
    });
  }
  /** Fill loaded properties from a collection load (internal). */
  _fill(sheet: FakeSheet, props: string[]): void {
    for (const p of props) {
      if (p === "name") this.loaded.set("name", sheet.name);
      else if (p === "protection/protected" || p === "protection") this.protection._fill(sheet);
      else if (p === "tabColor") this.loaded.set("tabColor", sheet.tabColor ?? "");
      else throw new FakeOfficeError("InvalidArgument", `The fake cannot load "${p}".`);
    }
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.context._enqueue({
      json: { rename: this._describe, to: v },
      run: () => {
        const s = this._sheet();
        const wb = this.context._host.workbook;
        if (wb.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
          throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
        if (wb.activeSheet === s.name) wb.activeSheet = v;
        s.name = v;
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
  load(names?: string | string[]): FakeWorksheet {
    const props = propList(names);
    this.context._enqueue({
      json: { load: this._describe, props },
      run: () => {
        const s = this.locate();
        this.nullState = s === null;
        if (s) this._fill(s, props.length > 0 ? props : ["name"]);
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
  /** Several ranges as one RangeAreas, "A1:B2,D4" (ExcelApi 1.9). */
  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, {
      sheet: () => this._sheetOrNull(),
      address: address ?? "A1",
      describe: this._describe,
    });
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
        if (wb.sheets.length <= 1)
          throw new FakeOfficeError(
            "InvalidOperation",
            "A workbook must contain at least one sheet."
          );
        wb.sheets = wb.sheets.filter((x) => x !== s);
        if (wb.activeSheet === s.name) wb.activeSheet = wb.sheets[0]?.name ?? null;
      },
    });
  }
}

export class FakeWorksheetCollection extends FakeProxy {
  constructor(context: FakeContext) {
    super(context);
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
        const items = this.context._host.workbook.sheets.map((s) => {
          const ws = this.proxyFor(s.name);
          ws._fill(s, props.length > 0 ? props : ["name"]);
          return ws;
        });
        this.loaded.set("items", items);
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
        if (wb.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
          throw new FakeOfficeError(
            "ItemAlreadyExists",
            `A sheet named "${sheetName}" already exists.`
          );
        if (sheetName.length > 31 || /[\\/?*[\]:]/.test(sheetName))
          throw new FakeOfficeError("InvalidArgument", `Invalid sheet name "${sheetName}".`);
        wb.sheets.push(emptySheet(sheetName));
      },
    });
    return this.proxyFor(sheetName);
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

export class FakeApplication {
  constructor(private readonly context: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context._enqueue({ json: { suspendCalc: true }, api: "1.6", run: () => undefined });
  }
}

// Every public member of the fakes exists on the real Office.js classes.
const realMembers: OnlyRealMembers<FakeRange, Excel.Range> &
  OnlyRealMembers<FakeRangeFormat, Excel.RangeFormat> &
  OnlyRealMembers<FakeRangeFont, Excel.RangeFont> &
  OnlyRealMembers<FakeRangeFill, Excel.RangeFill> &
  OnlyRealMembers<FakeRangeBorder, Excel.RangeBorder> &
  OnlyRealMembers<FakeRangeBorderCollection, Excel.RangeBorderCollection> &
  OnlyRealMembers<FakeRangeAreas, Excel.RangeAreas> &
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
  OnlyRealMembers<FakeApplication, Excel.Application> &
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

/** The fake host: a workbook, the Office and Excel globals, and counters. */
export class FakeExcelHost {
  workbook: FakeWorkbook;
  readonly stats: FakeStats = { syncs: 0, requestBytes: [] };
  readonly maxApi: string;
  readonly requestLimitBytes: number;
  readonly nullObjectCalls: "null" | "throw";
  readonly copiedFormats: "all" | "no-merges";
  /** Document settings as saved with the file. */
  readonly savedSettings: Record<string, unknown>;
  readonly actions = new Map<string, (arg?: unknown) => void>();
  readonly Office: Record<string, unknown>;
  readonly Excel: Record<string, unknown>;

  constructor(grids: WorkbookGrids, opts: FakeOptions = {}) {
    this.workbook = workbookFromGrids(grids);
    this.maxApi = opts.maxApi ?? "1.17";
    this.requestLimitBytes = opts.requestLimitBytes ?? 5 * 1024 * 1024;
    this.nullObjectCalls = opts.nullObjectCalls ?? "null";
    this.copiedFormats = opts.copiedFormats ?? "all";
    this.savedSettings = { ...(opts.settings ?? {}) };
    const settings = new FakeSettings({ ...this.savedSettings }, this.savedSettings);
    const maxApi = this.maxApi;
    const actions = this.actions;
    const ready = { host: "Excel", platform: "OfficeOnline" };
    this.Office = {
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady: (cb?: (info: typeof ready) => void) => {
        cb?.(ready);
        return Promise.resolve(ready);
      },
      context: {
        displayLanguage: opts.displayLanguage ?? "id-ID",
        officeTheme: {
          bodyBackgroundColor: opts.bodyBackgroundColor ?? "#ffffff",
        },
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && apiAtLeast(maxApi, version ?? "1.1"),
        },
        document: { settings },
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
  }
}
