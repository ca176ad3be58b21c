/**
 * Applying a host-neutral WritePlan to an .xlsx package by patching it: created sheets become new
 * worksheet parts (or replace the add-in's own part in place), updated sheets are patched cell by
 * cell, styles.xml is appended to, workbook.xml gets the sheets, names, calculation and active tab.
 * Every other part (charts, images, pivot tables, custom XML, extensions) is copied as it was.
 */
import { promises as fs } from "fs";
import * as nodePath from "path";
import { posix } from "path";
import {
  columnLetters,
  quoteSheet,
  type CellRange,
  type CellValue,
  type WorkbookGrids,
  tCli,
  type Lang,
  type WritePlan,
  planRefusals,
} from "../../../core";
import { PlanRefusedError } from "../errors";
import { buildSheetXml, patchSheetXml, patchTabSelected, type SheetNames } from "./sheet-xml";
import { StyleBook } from "./styles";
import { escapeAttr, escapeText, parseAttrs, setAttr } from "./xml-text";
import { writeZip } from "./zip";

/** What the writer needs of a read package: its parts by path (no leading "/"). */
export interface PackageParts {
  parts: Map<string, Uint8Array>;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const T_OFFICE_DOC = `${REL_NS}/officeDocument`;
const T_WORKSHEET = `${REL_NS}/worksheet`;
const T_STYLES = `${REL_NS}/styles`;
const T_CALC_CHAIN = `${REL_NS}/calcChain`;
const T_APP_PROPS = `${REL_NS}/extended-properties`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

/** Options of the written archive. */
export interface PackageWriteOptions {
  /** Deflate level of every part (1 is fast; the default level costs seconds on big sheets). */
  level?: number;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  /** The part it points to (resolved), for internal targets. */
  path: string;
  xml: string;
}

interface SheetEntry {
  name: string;
  rId: string;
  path: string;
  /** The `<sheet>` element in workbook.xml. */
  xml: string;
}

const decoder = new TextDecoder("utf-8");
const text = (bytes: Uint8Array) => decoder.decode(bytes);

function resolve(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return posix.normalize(posix.join(baseDir, target)).replace(/^\.\//, "");
}

function relsPathOf(part: string): string {
  return posix
    .join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`)
    .replace(/^\.\//, "");
}

function parseRels(xml: string, baseDir: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(
    /<(?:\w+:)?Relationship\b[^>]*?\/?>(?:\s*<\/(?:\w+:)?Relationship>)?/g
  )) {
    const a = parseAttrs(m[0]);
    const target = a.get("Target") ?? "";
    out.push({
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target,
      path: a.get("TargetMode") === "External" ? "" : resolve(baseDir, target),
      xml: m[0],
    });
  }
  return out;
}

/** The prefix bound to the relationships namespace on the root element (usually "r"). */
function relPrefix(xml: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(xml);
  return m ? (m[1] as string) : null;
}

/** The workbook as the writer edits it. */
class Book {
  readonly parts: Map<string, Uint8Array | string>;
  readonly path: string;
  readonly dir: string;
  readonly relsPath: string;
  xml: string;
  rels: string;
  types: string;
  readonly sheets: SheetEntry[];
  readonly relPrefix: string;

  constructor(pkg: PackageParts) {
    this.parts = new Map(pkg.parts);
    const rootRels = this.part("_rels/.rels");
    const office = parseRels(rootRels ?? "", "").find((r) => r.type === T_OFFICE_DOC);
    this.path = office?.path ?? "xl/workbook.xml";
    this.dir = posix.dirname(this.path);
    this.relsPath = relsPathOf(this.path);
    this.xml = this.part(this.path) ?? "";
    this.rels = this.part(this.relsPath) ?? "";
    this.types = this.part("[Content_Types].xml") ?? "";
    const prefix = relPrefix(this.xml);
    if (prefix === null) {
      this.xml = this.xml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${REL_NS}"`);
      this.relPrefix = "r";
    } else this.relPrefix = prefix;
    const rels = parseRels(this.rels, this.dir);
    this.sheets = [];
    const sheetsEl = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(this.xml);
    for (const m of (sheetsEl?.[1] ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*?\/?>/g)) {
      const a = parseAttrs(m[0]);
      const rId = a.get(`${this.relPrefix}:id`) ?? "";
      this.sheets.push({
        name: a.get("name") ?? "",
        rId,
        path: rels.find((r) => r.id === rId)?.path ?? "",
        xml: m[0],
      });
    }
  }

  part(path: string): string | null {
    const p = this.parts.get(path);
    if (p === undefined) return null;
    return typeof p === "string" ? p : text(p);
  }

  find(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  relsList(): Rel[] {
    return parseRels(this.rels, this.dir);
  }

  /** A new relationship of the workbook; returns its id. */
  addRel(type: string, path: string): string {
    const ids = this.relsList().map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    const target = posix.relative(this.dir, path);
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
    const end = this.rels.lastIndexOf("</");
    this.rels = `${this.rels.slice(0, end)}${rel}${this.rels.slice(end)}`;
    return id;
  }

  addOverride(path: string, contentType: string): void {
    if (this.types.includes(`PartName="/${path}"`)) return;
    const o = `<Override PartName="/${escapeAttr(path)}" ContentType="${contentType}"/>`;
    const end = this.types.lastIndexOf("</");
    this.types = `${this.types.slice(0, end)}${o}${this.types.slice(end)}`;
  }

  removeOverride(path: string): void {
    this.types = this.types.replace(
      new RegExp(
        `<Override\\b[^>]*PartName="/${path.replace(/[.[\]()*+?^$|\\/]/g, "\\$&")}"[^>]*/>`
      ),
      ""
    );
  }

  /** The styles part (created when the workbook has none). */
  stylesPath(): string {
    const rel = this.relsList().find((r) => r.type === T_STYLES);
    if (rel) return rel.path;
    const path = posix.join(this.dir, "styles.xml");
    this.parts.set(path, MINIMAL_STYLES);
    this.addRel(T_STYLES, path);
    this.addOverride(path, CT_STYLES);
    return path;
  }

  /**
   * Drops the sheet and name lists from the extended properties (docProps/app.xml): they are
   * optional, and once sheets or print areas are added they would no longer match the workbook.
   */
  dropPartTitles(): void {
    const rel = parseRels(this.part("_rels/.rels") ?? "", "").find((r) => r.type === T_APP_PROPS);
    const xml = rel ? this.part(rel.path) : null;
    if (!rel || xml === null) return;
    const stripped = xml.replace(
      /<((?:\w+:)?)(HeadingPairs|TitlesOfParts)\b[^>]*>[\s\S]*?<\/\1\2>/g,
      ""
    );
    if (stripped !== xml) this.parts.set(rel.path, stripped);
  }

  /** Drops the calculation chain: a stale one makes Excel repair the file. */
  dropCalcChain(): void {
    for (const rel of this.relsList().filter((r) => r.type === T_CALC_CHAIN)) {
      this.rels = this.rels.replace(rel.xml, "");
      this.parts.delete(rel.path);
      this.removeOverride(rel.path);
    }
  }
}

/** Workbook.xml children in schema order (for placing definedNames, calcPr, bookViews). */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "absPath",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** `element` inserted into workbook.xml where the schema puts `name`. */
function insertWorkbookElement(xml: string, name: string, element: string): string {
  const rank = WORKBOOK_ORDER.indexOf(name);
  const later = WORKBOOK_ORDER.slice(rank + 1);
  let best = -1;
  for (const l of later) {
    const m = new RegExp(`<(?:\\w+:)?${l}\\b`).exec(xml);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  if (best < 0) best = xml.lastIndexOf("</");
  return `${xml.slice(0, best)}${element}${xml.slice(best)}`;
}

/** The first refusal of the core's pre-write guard, thrown as a PlanRefusedError. */
export function refusePlan(plan: WritePlan, grids: WorkbookGrids, lang: Lang): void {
  const [refusal] = planRefusals(plan, grids);
  if (!refusal) return;
  const show = (v: CellValue) => JSON.stringify(v);
  const message =
    refusal.reason === "changed"
      ? tCli(
          "cli.apply.expectMismatch",
          { cell: refusal.cell, expected: show(refusal.expected), actual: show(refusal.actual) },
          lang
        )
      : refusal.reason === "notGenerated"
        ? tCli("cli.apply.userSheet", { sheet: refusal.sheet, kind: refusal.kind ?? "?" }, lang)
        : refusal.reason === "missingSheet"
          ? tCli("cli.apply.missingSheet", { sheet: refusal.sheet }, lang)
          : tCli("cli.apply.protected", { sheet: refusal.sheet }, lang);
  throw new PlanRefusedError(message);
}

/**
 * The grids as far as the package's sheet list goes: every sheet it lists (one the grids leave
 * out, none should, as a user's), and none it does not (a damaged workbook.xml the reader got
 * further in), so that updating a sheet the writer cannot find is refused, not a crash.
 */
function allSheets(book: Book, grids: WorkbookGrids): WorkbookGrids {
  const listed = new Set(book.sheets.map((e) => e.name.toLowerCase()));
  const read = new Set(grids.sheets.map((g) => g.name.toLowerCase()));
  const unread = book.sheets.filter((e) => !read.has(e.name.toLowerCase()));
  return {
    ...grids,
    sheets: [
      ...grids.sheets.filter((g) => listed.has(g.name.toLowerCase())),
      ...unread.map((e) => ({ name: e.name, values: [] })),
    ],
  };
}

function absolute(r: CellRange): string {
  const col = columnLetters;
  const a = `$${col(r.left)}$${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:$${col(r.right)}$${r.bottom + 1}`;
}

/** The workbook's defined names for one sheet (print area, print titles, filter database). */
function namesXml(sheet: string, index: number, n: SheetNames): string {
  const q = quoteSheet(sheet);
  const out: string[] = [];
  const name = (nm: string, value: string, hidden = false) =>
    out.push(
      `<definedName name="${nm}" localSheetId="${index}"${hidden ? ` hidden="1"` : ""}>${escapeText(value)}</definedName>`
    );
  if (n.filter) name("_xlnm._FilterDatabase", `${q}!${absolute(n.filter)}`, true);
  if (n.printArea) name("_xlnm.Print_Area", `${q}!${absolute(n.printArea)}`);
  if (n.titleRows)
    name("_xlnm.Print_Titles", `${q}!$${n.titleRows.first + 1}:$${n.titleRows.last + 1}`);
  return out.join("");
}

/** The head of a worksheet part (before `<sheetData`), as bytes offset. */
function headLength(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buf.indexOf("<sheetData");
  if (at >= 0) return at;
  const prefixed = buf.indexOf(":sheetData");
  return prefixed >= 0 ? buf.lastIndexOf("<", prefixed) : bytes.length;
}

/** The sheet the workbook opens on after the plan: the plan's, else the last one it creates. */
function activeSheetName(plan: WritePlan): string | null {
  let name = plan.activate ?? null;
  if (!name) for (const sp of plan.sheets) if (sp.mode === "create") name = sp.sheet;
  return name;
}

/**
 * The add-in's own sheet replaced in place (same position, id and name): its part, made visible,
 * its relationships and defined names dropped. Returns its index.
 */
function replaceGeneratedSheet(book: Book, existing: SheetEntry, xml: Uint8Array): number {
  const index = book.sheets.indexOf(existing);
  book.parts.set(existing.path, xml);
  const rels = relsPathOf(existing.path);
  if (book.parts.has(rels)) {
    book.parts.delete(rels);
    book.removeOverride(rels);
  }
  const visible = setAttr(existing.xml, "state", null);
  book.xml = book.xml.replace(existing.xml, visible);
  existing.xml = visible;
  book.xml = book.xml.replace(
    new RegExp(
      `<(?:\\w+:)?definedName\\b[^>]*\\blocalSheetId="${index}"[^>]*>[\\s\\S]*?</(?:\\w+:)?definedName>`,
      "g"
    ),
    ""
  );
  return index;
}

/** A new sheet after the others: its part, relationship, content type and `<sheet>`. */
function addSheet(book: Book, name: string, xml: Uint8Array): number {
  const used = new Set([...book.parts.keys()].map((p) => p.toLowerCase()));
  let n = book.sheets.length + 1;
  while (used.has(`${book.dir}/worksheets/sheet${n}.xml`.toLowerCase())) n++;
  const path = `${book.dir}/worksheets/sheet${n}.xml`;
  book.parts.set(path, xml);
  const rId = book.addRel(T_WORKSHEET, path);
  book.addOverride(path, CT_WORKSHEET);
  const ids = [...book.xml.matchAll(/<(?:\w+:)?sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) =>
    Number(m[1])
  );
  const sheetXml = `<sheet name="${escapeAttr(name)}" sheetId="${Math.max(0, ...ids) + 1}" ${book.relPrefix}:id="${rId}"/>`;
  const close = /<\/((?:\w+:)?)sheets>/.exec(book.xml);
  if (close)
    book.xml = `${book.xml.slice(0, close.index)}${sheetXml}${book.xml.slice(close.index)}`;
  else book.xml = insertWorkbookElement(book.xml, "sheets", `<sheets>${sheetXml}</sheets>`);
  book.sheets.push({ name, rId, path, xml: sheetXml });
  return book.sheets.length - 1;
}

/** `<definedName>` elements added to workbook.xml's `<definedNames>`. */
function addDefinedNames(book: Book, names: readonly string[]): void {
  if (names.length === 0) return;
  const all = names.join("");
  const close = /<\/(?:\w+:)?definedNames>/.exec(book.xml);
  const selfClosed = /<(?:\w+:)?definedNames\s*\/>/.exec(book.xml);
  if (close) book.xml = `${book.xml.slice(0, close.index)}${all}${book.xml.slice(close.index)}`;
  else if (selfClosed)
    book.xml = book.xml.replace(selfClosed[0], `<definedNames>${all}</definedNames>`);
  else
    book.xml = insertWorkbookElement(
      book.xml,
      "definedNames",
      `<definedNames>${all}</definedNames>`
    );
}

/** Formulas go without cached results: have Excel compute them on opening. */
function calculateOnLoad(book: Book): void {
  const calc = /<(?:\w+:)?calcPr\b[^>]*?\/?>/.exec(book.xml);
  if (calc) book.xml = book.xml.replace(calc[0], setAttr(calc[0], "fullCalcOnLoad", "1"));
  else book.xml = insertWorkbookElement(book.xml, "calcPr", `<calcPr fullCalcOnLoad="1"/>`);
}

/**
 * One sheet's first view selected or not. A created or patched sheet is a string already; any
 * other keeps its bytes, only its head (before the sheet data, which may be megabytes) decoded.
 */
function selectTab(book: Book, path: string, selected: boolean, written: boolean): void {
  const part = book.parts.get(path);
  if (written && typeof part === "string") {
    const at = part.search(/<(?:\w+:)?sheetData\b/);
    const head = at < 0 ? part : part.slice(0, at);
    const patched = patchTabSelected(head, selected);
    if (patched !== null) book.parts.set(path, `${patched}${part.slice(head.length)}`);
    return;
  }
  if (!(part instanceof Uint8Array)) return;
  const len = headLength(part);
  const patched = patchTabSelected(text(part.subarray(0, len)), selected);
  if (patched !== null)
    book.parts.set(path, Buffer.concat([Buffer.from(patched, "utf8"), part.subarray(len)]));
}

/** The sheet at `activeIndex` the only selected one and the workbook's active tab. */
function activateSheet(book: Book, activeIndex: number, written: ReadonlySet<string>): void {
  book.sheets.forEach((s, i) => selectTab(book, s.path, i === activeIndex, written.has(s.path)));
  const view = /<(?:\w+:)?workbookView\b[^>]*?\/?>/.exec(book.xml);
  if (view) {
    let tag = setAttr(view[0], "activeTab", String(activeIndex));
    tag = setAttr(tag, "firstSheet", "0");
    book.xml = book.xml.replace(view[0], tag);
  } else
    book.xml = insertWorkbookElement(
      book.xml,
      "bookViews",
      `<bookViews><workbookView activeTab="${activeIndex}"/></bookViews>`
    );
}

/**
 * Apply `plan` to the package and return the new archive. Everything is checked first against
 * `grids` (the package's sheets as read) by the core's pre-write guard, `planRefusals`: a
 * "create" may only replace the add-in's unprotected sheet of the same kind; an "update" sheet
 * must exist, unprotected, with its `expect` cells unchanged. If a check fails a
 * PlanRefusedError is thrown and nothing has been built.
 */
export function applyPlanToPackage(
  pkg: PackageParts,
  plan: WritePlan,
  lang: Lang,
  grids: WorkbookGrids,
  options: PackageWriteOptions = {}
): Buffer {
  const book = new Book(pkg);
  refusePlan(plan, allSheets(book, grids), lang);

  const stylesPath = book.stylesPath();
  const styles = new StyleBook(book.part(stylesPath) ?? MINIMAL_STYLES);
  const newNames: string[] = [];
  const written = new Set<string>();
  const activeName = activeSheetName(plan);
  const activeLower = (activeName ?? "").toLowerCase();

  for (const sp of plan.sheets) {
    if (sp.mode === "update") {
      const entry = book.find(sp.sheet) as SheetEntry;
      book.parts.set(entry.path, patchSheetXml(book.part(entry.path) ?? "", sp, styles));
      written.add(entry.path);
      continue;
    }
    const { xml, names } = buildSheetXml(sp, styles, sp.sheet.toLowerCase() === activeLower);
    const existing = book.find(sp.sheet);
    const index = existing
      ? replaceGeneratedSheet(book, existing, xml)
      : addSheet(book, sp.sheet, xml);
    written.add(book.find(sp.sheet)?.path ?? "");
    const defined = namesXml(sp.sheet, index, names);
    if (defined) newNames.push(defined);
  }

  addDefinedNames(book, newNames);
  if (plan.sheets.some((sp) => sp.cells.some((c) => c.formula !== undefined)))
    calculateOnLoad(book);
  if (plan.sheets.length > 0) book.dropCalcChain();
  if (plan.sheets.some((sp) => sp.mode === "create")) book.dropPartTitles();
  const activeIndex = activeName
    ? book.sheets.findIndex((s) => s.name.toLowerCase() === activeLower)
    : -1;
  if (activeIndex >= 0) activateSheet(book, activeIndex, written);
  if (styles.changed) book.parts.set(stylesPath, styles.toXml());
  book.parts.set(book.path, book.xml);
  book.parts.set(book.relsPath, book.rels);
  book.parts.set("[Content_Types].xml", book.types);
  return writeZip(book.parts, { level: options.level ?? 1 });
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Who made a new workbook and when (docProps/core.xml), for a file whose bytes must not vary. */
export interface CoreProperties {
  creator: string;
  created: Date;
}

/**
 * A package with no sheet yet (a new workbook, such as the laporan or the sample), for
 * applyPlanToPackage; with `core`, its creator and dates (created and modified) are recorded.
 */
export function emptyPackage(core?: CoreProperties): PackageParts {
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const decl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const pkg: PackageParts = {
    parts: new Map([
      [
        "[Content_Types].xml",
        enc(
          `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/></Types>`
        ),
      ],
      [
        "_rels/.rels",
        enc(
          `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${T_OFFICE_DOC}" Target="xl/workbook.xml"/></Relationships>`
        ),
      ],
      [
        "xl/workbook.xml",
        enc(
          `${decl}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="171027"/></workbook>`
        ),
      ],
      [
        "xl/_rels/workbook.xml.rels",
        enc(
          `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${T_STYLES}" Target="styles.xml"/></Relationships>`
        ),
      ],
      ["xl/styles.xml", enc(MINIMAL_STYLES)],
    ]),
  };
  if (core) addCoreProperties(pkg, core);
  return pkg;
}

const T_CORE_PROPS =
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

/** docProps/core.xml with its relationship and content type, added to a new package. */
function addCoreProperties(pkg: PackageParts, core: CoreProperties): void {
  const when = core.created.toISOString().replace(/\.\d{3}Z$/, "Z");
  const dc = (name: string) =>
    `<dcterms:${name} xsi:type="dcterms:W3CDTF">${when}</dcterms:${name}>`;
  pkg.parts.set(
    "docProps/core.xml",
    enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeText(core.creator)}</dc:creator><cp:lastModifiedBy>${escapeText(core.creator)}</cp:lastModifiedBy>${dc("created")}${dc("modified")}</cp:coreProperties>`
    )
  );
  const edit = (path: string, insert: string) => {
    const xml = new TextDecoder().decode(pkg.parts.get(path));
    const end = xml.lastIndexOf("</");
    pkg.parts.set(path, enc(`${xml.slice(0, end)}${insert}${xml.slice(end)}`));
  };
  edit(
    "[Content_Types].xml",
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`
  );
  edit(
    "_rels/.rels",
    `<Relationship Id="rId2" Type="${T_CORE_PROPS}" Target="docProps/core.xml"/>`
  );
}

/**
 * Apply `plan` and write the result to `path` (its folder is created): written beside it first,
 * then renamed, so a failed write never leaves half a file under the output name.
 */
export async function writePlanToXlsxFile(
  pkg: PackageParts,
  plan: WritePlan,
  lang: Lang,
  grids: WorkbookGrids,
  path: string,
  options: PackageWriteOptions = {}
): Promise<void> {
  const bytes = applyPlanToPackage(pkg, plan, lang, grids, options);
  await writeFileAtomically(path, bytes);
}

/** Write `bytes` to `path` through a temporary file beside it and a rename. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const dir = nodePath.dirname(nodePath.resolve(path));
  await fs.mkdir(dir, { recursive: true });
  const tmp = nodePath.join(dir, `.${nodePath.basename(path)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
