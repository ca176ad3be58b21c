/** Range, RangeAreas and a RangeAreas' areas. */
import { a1, a1Range, addressSheet, parseAreas, type CellRange, type CellValue } from "../../core";
import { FakeConditionalFormatCollection } from "./conditional";
import type { FakeContext } from "./context";
import { copyFormats } from "./copy";
import { FakeRangeFormat, type FormatTarget } from "./format";
import { addMerge, asTyped, checkDims, writeBlock } from "./model";
import { FakeOfficeError, FakeProxy, apiAtLeast, parseAddress, propList } from "./proxy";
import { cellFormula, cellValue, setCell, setNumberFormat, type FakeSheet } from "./state";

type Target = { sheet: FakeSheet; rect: CellRange };
type Resolved = Target | null;

/** Excel's limit on a getRange/getRanges address; Office.js cuts a longer one. */
export const ADDRESS_LIMIT = 8192;

/** A range's address as Excel returns it: "CSF!B3:D10", "'Target & Realisasi'!A1". */
export function rangeAddress(sheet: FakeSheet, r: CellRange): string {
  return `${addressSheet(sheet.name)}!${a1Range(r.top, r.left, r.bottom, r.right)}`;
}

/**
 * A range's loadable properties, as Office.js reads them: empty cells as "", formulas' cached
 * values as values, a constant's value as its "formula", "General" where no number format is set.
 */
function rangeProps(sheet: FakeSheet, rect: CellRange, props: string[]): Map<string, unknown> {
  const grid = <T>(f: (row: number, col: number) => T): T[][] => {
    const out: T[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line: T[] = [];
      for (let col = rect.left; col <= rect.right; col++) line.push(f(row, col));
      out.push(line);
    }
    return out;
  };
  const out = new Map<string, unknown>();
  for (const p of props) {
    if (p === "address") out.set(p, rangeAddress(sheet, rect));
    else if (p === "rowCount") out.set(p, rect.bottom - rect.top + 1);
    else if (p === "columnCount") out.set(p, rect.right - rect.left + 1);
    else if (p === "values")
      out.set(
        p,
        grid((r, c) => cellValue(sheet, r, c) ?? "")
      );
    else if (p === "formulas")
      out.set(
        p,
        grid((r, c) => cellFormula(sheet, r, c) ?? cellValue(sheet, r, c) ?? "")
      );
    else if (p === "numberFormat")
      out.set(
        p,
        grid((r, c) => sheet.numberFormats[r]?.[c] ?? "General")
      );
    else if (p === "hyperlink") {
      const h = sheet.hyperlinks.find((x) => x.row === rect.top && x.col === rect.left);
      out.set(p, h ? { ...h } : null);
    } else throw new FakeOfficeError("InvalidArgument", `The fake cannot load "${p}".`);
  }
  return out;
}

/** Keys of a write that change cells' contents (onChanged); any other write is a format's. */
const CONTENT_WRITES = ["values", "formulas", "hyperlink", "clear"];

/** Fire the event a range write makes: onChanged for contents, onFormatChanged for formats. */
function emitWrite(context: FakeContext, json: Record<string, unknown>, t: Target): void {
  const address = a1Range(t.rect.top, t.rect.left, t.rect.bottom, t.rect.right);
  if (Object.keys(json).some((k) => CONTENT_WRITES.includes(k)))
    context._host._emit("onChanged", t.sheet, {
      address,
      changeType: "RangeEdited",
      ...context._host._triggeredBy("ThisLocalAddin"),
    });
  else context._host._emit("onFormatChanged", t.sheet, { address });
}

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

  /** A range whose properties a collection load filled (internal). */
  static _loaded(context: FakeContext, target: Target, props: Map<string, unknown>): FakeRange {
    const r = new FakeRange(context, () => target, rangeAddress(target.sheet, target.rect));
    for (const [k, v] of props) r.loaded.set(k, v);
    return r;
  }

  /** Resolve and refuse null objects and protected sheets for writes (internal). */
  _target(write: boolean): Target {
    const r = this._resolve();
    if (!r) throw new FakeOfficeError("InvalidObjectPath", `${this._describe} is a null object.`);
    if (write && r.sheet.protected)
      throw new FakeOfficeError("AccessDenied", `The sheet "${r.sheet.name}" is protected.`);
    return r;
  }

  /** Queue a write that runs against the resolved range (internal). */
  _queueWrite(json: Record<string, unknown>, apply: (t: Target) => void, api?: string): void {
    this.context._enqueue({
      json: { range: this._describe, ...json },
      api,
      write: true,
      run: () => {
        const t = this._target(true);
        apply(t);
        emitWrite(this.context, json, t);
      },
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
    this._queueWrite({ values: v }, (t) => writeBlock(t, v));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this._queueWrite({ formulas: v }, (t) => writeBlock(t, v as CellValue[][]));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._queueWrite({ numberFormat: v }, (t) => writeNumberFormats(t, v));
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.read("hyperlink");
  }
  set hyperlink(h: Excel.RangeHyperlink) {
    this._queueWrite({ hyperlink: h }, (t) => writeHyperlink(t, h), "1.7");
  }

  load(names?: string | string[]): FakeRange {
    const props = propList(names);
    this.context._enqueue({
      json: { load: this._describe, props },
      run: () => {
        const r = this._resolve();
        this.nullState = r === null;
        if (!r) return null;
        const loaded = rangeProps(
          r.sheet,
          r.rect,
          props.length > 0 ? props : ["address", "values", "formulas"]
        );
        for (const [k, v] of loaded) this.loaded.set(k, v);
        return Object.fromEntries(loaded);
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
        this.context._host.workbook.selection = rangeAddress(t.sheet, t.rect);
      },
    });
  }

  untrack(): FakeRange {
    return this;
  }

  /** The merged areas whose top-left cell is in this range (ExcelApi 1.13; office-js#3611). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, `${this._describe}.merged`, "1.13", () => {
      const t = this._resolve();
      if (!t) return null;
      const inside = (m: CellRange) =>
        m.top >= t.rect.top &&
        m.top <= t.rect.bottom &&
        m.left >= t.rect.left &&
        m.left <= t.rect.right;
      return { sheet: t.sheet, rects: t.sheet.merges.filter(inside), merged: true };
    });
  }

  /**
   * The cells of this range that hold formulas ("Formulas"), or constants ("Constants", all or
   * only "Numbers"), as areas down each column (ExcelApi 1.9); a null object when there are none.
   */
  getSpecialCellsOrNullObject(
    cellType: Excel.SpecialCellType | "Formulas" | "Constants" | string,
    cellValueType?: Excel.SpecialCellValueType | "All" | "Numbers" | string
  ): FakeRangeAreas {
    const type = String(cellType);
    const values = String(cellValueType ?? "All");
    if ((type !== "Formulas" && type !== "Constants") || (values !== "All" && values !== "Numbers"))
      throw new FakeOfficeError(
        "InvalidArgument",
        `The fake cannot model special cells ${type}/${values}.`
      );
    return new FakeRangeAreas(this.context, `${this._describe}.special`, "1.9", () => {
      const t = this._resolve();
      if (!t) return null;
      const wanted = (r: number, c: number): boolean => {
        const f = cellFormula(t.sheet, r, c);
        if (type === "Formulas") return f !== null;
        const v = cellValue(t.sheet, r, c);
        return f === null && v !== null && v !== "" && (values === "All" || typeof v === "number");
      };
      return { sheet: t.sheet, rects: columnRuns(t.rect, wanted), merged: false };
    });
  }

  /** The rectangle both ranges cover, a null object when they do not meet (ExcelApi 1.4). */
  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    this.context._enqueue({
      json: { apiCheck: "getIntersectionOrNullObject" },
      api: "1.4",
      run: () => undefined,
    });
    const other = (): CellRange | null => {
      if (typeof anotherRange === "string") return parseAddress(anotherRange);
      return anotherRange._resolve()?.rect ?? null;
    };
    return new FakeRange(
      this.context,
      () => {
        const t = this._resolve();
        const o = t ? other() : null;
        if (!t || !o) return null;
        const rect = {
          top: Math.max(t.rect.top, o.top),
          left: Math.max(t.rect.left, o.left),
          bottom: Math.min(t.rect.bottom, o.bottom),
          right: Math.min(t.rect.right, o.right),
        };
        return rect.top > rect.bottom || rect.left > rect.right ? null : { sheet: t.sheet, rect };
      },
      `${this._describe}.intersect(${typeof anotherRange === "string" ? anotherRange : anotherRange._describe})`,
      true
    );
  }

  /** Range.copyFrom (ExcelApi 1.9), "Formats" only: see copy.ts for what the fake models. */
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
        if (typeof source === "string") return refuse("a source given as an address");
        const from = source._target(false);
        if (from.sheet !== t.sheet) refuse("a source on another sheet");
        copyFormats(t.sheet, from.rect, t.rect, this.context._host.copiedFormats !== "no-merges");
      },
      "1.9"
    );
  }
}

/** The cells of `rect` for which `wanted` holds, as runs down each column. */
function columnRuns(rect: CellRange, wanted: (r: number, c: number) => boolean): CellRange[] {
  const out: CellRange[] = [];
  for (let c = rect.left; c <= rect.right; c++) {
    let top = -1;
    for (let r = rect.top; r <= rect.bottom + 1; r++) {
      const yes = r <= rect.bottom && wanted(r, c);
      if (yes && top < 0) top = r;
      if (!yes && top >= 0) {
        out.push({ top, left: c, bottom: r - 1, right: c });
        top = -1;
      }
    }
  }
  return out;
}

/** A single format (1×1) applies to every cell of the range, as Office.js documents. */
function writeNumberFormats(t: Target, v: unknown[][]): void {
  const one = v.length === 1 && v[0]?.length === 1 ? v[0][0] : undefined;
  if (one !== undefined) {
    for (let r = t.rect.top; r <= t.rect.bottom; r++)
      for (let c = t.rect.left; c <= t.rect.right; c++) setNumberFormat(t.sheet, r, c, String(one));
    return;
  }
  checkDims(t.rect, v);
  v.forEach((row, r) =>
    row.forEach((f, c) => setNumberFormat(t.sheet, t.rect.top + r, t.rect.left + c, String(f)))
  );
}

/**
 * A link on the range's first cell. `textToDisplay` is taken as typed, like a value written
 * without a leading "'" ("1.10" becomes the number 1.1); without it the cell keeps its value, and
 * an empty cell shows the link's target.
 */
function writeHyperlink(t: Target, h: Excel.RangeHyperlink): void {
  const { top: row, left: col } = t.rect;
  t.sheet.hyperlinks = t.sheet.hyperlinks.filter((x) => x.row !== row || x.col !== col);
  t.sheet.hyperlinks.push({ row, col, ...h });
  if (h.textToDisplay !== undefined) setCell(t.sheet, row, col, asTyped(h.textToDisplay), null);
  else if (cellValue(t.sheet, row, col) === null && cellFormula(t.sheet, row, col) === null)
    setCell(t.sheet, row, col, h.documentReference ?? h.address ?? null, null);
}

let areasIds = 0;

/** What a RangeAreas stands for, computed when Excel makes it. */
type Areas = { sheet: FakeSheet; rects: CellRange[]; merged: boolean } | null;

/**
 * A RangeAreas: Worksheet.getRanges (ExcelApi 1.9), whose format writes apply to every area as if
 * set on each range, or the merged areas or special cells of a range (read-only here).
 */
export class FakeRangeAreas extends FakeProxy implements FormatTarget {
  readonly format: FakeRangeFormat;
  readonly areas: FakeRangeCollection;
  private readonly id = `areas#${++areasIds}`;
  private made: Areas = null;
  private readonly writable: boolean;
  constructor(
    context: FakeContext,
    describe: string,
    api: string,
    make: () => Areas,
    writable = false
  ) {
    super(context);
    this.writable = writable;
    this.format = new FakeRangeFormat(this);
    this.areas = new FakeRangeCollection(context, () => this.made);
    // Office.js sends the address once, in the object path; later actions refer to it by id.
    context._enqueue({
      json: { areas: describe, id: this.id },
      api,
      run: () => {
        this.made = make();
        this.nullState = this.made === null || (!writable && this.made.rects.length === 0);
      },
    });
  }

  /**
   * Worksheet.getRanges: the address is split at this Excel's list separator; an address joined
   * with another separator fails with InvalidArgument, as on Excel desktop whose Windows list
   * separator is ";" (OfficeDev/office-js#1167, #1985).
   */
  static _ofAddress(
    context: FakeContext,
    sheet: () => FakeSheet | null,
    address: string,
    describe: string
  ): FakeRangeAreas {
    const separator = context._host.listSeparator;
    return new FakeRangeAreas(
      context,
      `${describe}!${address}`,
      "1.9",
      () => {
        const other = separator === "," ? ";" : ",";
        const rects =
          address.length <= ADDRESS_LIMIT && !address.includes(other)
            ? parseAreas(address, separator)
            : null;
        if (!rects || rects.length === 0)
          throw new FakeOfficeError(
            "InvalidArgument",
            `The argument is invalid or missing: ${address.slice(0, 80)}`,
            "Worksheet.getRanges"
          );
        const s = sheet();
        return s ? { sheet: s, rects, merged: false } : null;
      },
      true
    );
  }

  /** Queue a write applied to each area in turn, as Excel applies it to each range (internal). */
  _queueWrite(json: Record<string, unknown>, apply: (t: Target) => void, api?: string): void {
    if (!this.writable)
      throw new FakeOfficeError("InvalidOperation", "These areas are read-only here.");
    this.context._enqueue({
      json: { areas: this.id, ...json },
      api: api && apiAtLeast(api, "1.9") ? api : "1.9",
      write: true,
      run: () => {
        const a = this.made;
        if (!a) throw new FakeOfficeError("InvalidObjectPath", `${this.id} is a null object.`);
        if (a.sheet.protected)
          throw new FakeOfficeError("AccessDenied", `The sheet "${a.sheet.name}" is protected.`);
        for (const rect of a.rects) {
          apply({ sheet: a.sheet, rect });
          emitWrite(this.context, json, { sheet: a.sheet, rect });
        }
      },
    });
  }
  get address(): string {
    return this.read("address");
  }
  /**
   * The address, areas joined by ",". For merged areas the fake lists each area's top-left cell
   * only unless told otherwise, as OfficeDev/office-js#1590 reports; their `areas` are whole.
   */
  load(names?: string | string[]): FakeRangeAreas {
    const props = propList(names);
    this.context._enqueue({
      json: { load: this.id, props },
      run: () => {
        const a = this.made;
        if (!a || !props.includes("address")) return null;
        const topLeftOnly = a.merged && this.context._host.mergedAreasAddress === "top-left";
        const address = a.rects
          .map((r) =>
            topLeftOnly
              ? `${addressSheet(a.sheet.name)}!${a1(r.top, r.left)}`
              : rangeAddress(a.sheet, r)
          )
          .join(",");
        this.loaded.set("address", address);
        return address;
      },
    });
    return this;
  }
}

/** The areas of a RangeAreas, each a range with its own properties. */
export class FakeRangeCollection extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly areas: () => Areas
  ) {
    super(context);
  }
  get items(): FakeRange[] {
    return this.read("items");
  }
  load(names?: string | string[]): FakeRangeCollection {
    const props = propList(names).map((p) => p.replace(/^items\//, ""));
    this.context._enqueue({
      json: { load: "areas", props },
      run: () => {
        const a = this.areas();
        const loaded = (a?.rects ?? []).map((rect) => {
          const target = { sheet: (a as NonNullable<Areas>).sheet, rect };
          return {
            target,
            props: rangeProps(target.sheet, rect, props.length > 0 ? props : ["address"]),
          };
        });
        this.loaded.set(
          "items",
          loaded.map((l) => FakeRange._loaded(this.context, l.target, l.props))
        );
        return loaded.map((l) => Object.fromEntries(l.props));
      },
    });
    return this;
  }
}
