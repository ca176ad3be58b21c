/**
 * Reading an .xlsx package straight from its zip, without ExcelJS: the grids the ExcelJS reader
 * (`readXlsxFile`) gives, value for value, plus every part of the package untouched for the
 * package writer. XML is scanned with indexOf over the decoded string, never built into a tree.
 *
 * Where ExcelJS 4.4 has a quirk the core has always seen (a styled-as-date number becomes an ISO
 * date, `_xHHHH_` is decoded in shared strings but not in inline ones, …) it is reproduced here
 * on purpose, so that switching readers changes nothing the checks see. Two ExcelJS bugs are
 * not: a formula's cached 0 or FALSE is read as such (ExcelJS: empty), and an empty shared
 * string as "" (ExcelJS: "[object Object]"). Files ExcelJS could not open at all (rows without `r`,
 * `x:`-prefixed parts, worksheet parts not named sheetN.xml) are read as Excel reads them.
 */
import { promises as fs } from "fs";
import type { CellRange, CellValue, SheetGrid, WorkbookGrids, Lang } from "../../../core";
import { InputFileError } from "../errors";
import type { SheetKind, SheetState, XlsxPackage, XlsxSheetRef } from "./types";
import { readZip, ZipFormatError, ZipRefusedError, type ZipLimits } from "./zip";
import { isoDate, normaliseBreaks } from "../cell-values";
import { BUILTIN_NUMBER_FORMATS } from "./number-formats";
import { fromFileFormula } from "./future-functions";

/** A part of the package is not the XML it should be (it makes the file "corrupt"). */
export class PackageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageFormatError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const REL_OFFICE_DOCUMENT = "/officeDocument";
const REL_SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  xlMacrosheet: "macrosheet",
  xlIntlMacrosheet: "macrosheet",
};

/**
 * Read an .xlsx file (a path, or its bytes) into the core's grids and the package's parts.
 * The grids deep-equal what `readXlsxFile` gives for the same file; a missing, empty,
 * old-format, non-zip or corrupt file throws the same InputFileError it throws.
 * `name` labels bytes in errors and becomes `grids.name` (a path is its own name). A file that
 * would inflate past `limits` (by default the zip reader's ceilings) is refused the same way,
 * naming the part.
 */
export async function readXlsxPackage(
  input: string | Uint8Array,
  opts: { lang?: Lang; name?: string; limits?: ZipLimits } = {}
): Promise<{ grids: WorkbookGrids; pkg: XlsxPackage }> {
  const lang = opts.lang ?? "id";
  const label = typeof input === "string" ? input : (opts.name ?? "");
  const bytes = typeof input === "string" ? await readInputFile(input, lang) : input;
  if (bytes.length === 0) throw new InputFileError(label, "empty", lang);
  if (startsWith(bytes, OLE_MAGIC)) throw new InputFileError(label, "xls", lang);
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const problem = bytes[0] === 0x50 && bytes[1] === 0x4b ? "corrupt" : "not-zip";
    throw new InputFileError(label, problem, lang, "zip");
  }
  let result: { grids: WorkbookGrids; pkg: XlsxPackage };
  try {
    result = readPackageParts(readZip(bytes, opts.limits));
  } catch (e) {
    if (e instanceof ZipRefusedError)
      throw new InputFileError(label, e.refusal, lang, "", {
        part: e.part,
        limitBytes: e.limitBytes,
      });
    if (e instanceof ZipFormatError || e instanceof PackageFormatError)
      throw new InputFileError(label, "corrupt", lang, e.message);
    throw e;
  }
  if (result.grids.sheets.length === 0)
    throw new InputFileError(label, "corrupt", lang, "0 sheets");
  const name = typeof input === "string" ? input : opts.name;
  if (name !== undefined) result.grids.name = name;
  return result;
}

/** The grids of an .xlsx file (its package left aside), named by its path; see readXlsxPackage. */
export async function readXlsxFile(path: string, lang: Lang = "id"): Promise<WorkbookGrids> {
  return (await readXlsxPackage(path, { lang })).grids;
}

async function readInputFile(path: string, lang: Lang): Promise<Uint8Array> {
  try {
    const st = await fs.stat(path);
    if (st.isDirectory()) throw new InputFileError(path, "directory", lang);
    if (st.size === 0) throw new InputFileError(path, "empty", lang);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputFileError(path, "missing", lang);
    throw new InputFileError(path, "unreadable", lang, (e as Error).message);
  }
}

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Grids and package from the unzipped parts. Throws PackageFormatError on malformed XML. */
export function readPackageParts(zipped: Map<string, Uint8Array>): {
  grids: WorkbookGrids;
  pkg: XlsxPackage;
} {
  // Part names are package paths without the leading "/" some zip tools write (ExcelJS drops it too).
  let parts = zipped;
  if ([...zipped.keys()].some((k) => k.startsWith("/"))) {
    parts = new Map();
    for (const [k, v] of zipped) parts.set(k.startsWith("/") ? k.slice(1) : k, v);
  }
  const rootRels = readRels(parts, "_rels/.rels", "");
  const officeDoc = rootRels.find(
    (r) => r.type.endsWith(REL_OFFICE_DOCUMENT) && r.part !== undefined && parts.has(r.part)
  );
  const workbookPart = officeDoc?.part ?? "xl/workbook.xml";
  const workbookRelsPart = relsPathOf(workbookPart);
  const pkg: XlsxPackage = { parts, workbookPart, workbookRelsPart, sheets: [], date1904: false };
  const workbookXml = partText(parts, workbookPart);
  if (workbookXml === undefined) return { grids: { sheets: [] }, pkg };

  const wbRels = new Map(
    readRels(parts, workbookRelsPart, dirOf(workbookPart)).map((r) => [r.id, r])
  );
  const book = parseWorkbook(workbookXml);
  pkg.date1904 = book.date1904;
  const styles = readStyles(partText(parts, findRelPart(wbRels, "/styles") ?? "xl/styles.xml"));
  const sharedStrings = readSharedStrings(
    partText(parts, findRelPart(wbRels, "/sharedStrings") ?? "xl/sharedStrings.xml")
  );

  const sheets: SheetGrid[] = [];
  const seenNames: string[] = [];
  const seenIds = new Set<number>();
  for (const s of book.sheets) {
    const rel = wbRels.get(s.rId);
    const typeName = rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "";
    const kind: SheetKind = REL_SHEET_KINDS[typeName] ?? "unknown";
    const part = rel?.part;
    const ref: XlsxSheetRef = {
      name: s.name,
      sheetId: s.sheetId,
      rId: s.rId,
      part,
      relsPart: part === undefined ? undefined : relsPathOf(part),
      state: s.state,
      kind,
      gridIndex: -1,
    };
    pkg.sheets.push(ref);
    const xml = kind === "worksheet" && part !== undefined ? partText(parts, part) : undefined;
    // ExcelJS keys sheets by sheetId from 1 and drops the rest; a repeated id replaced the first.
    if (xml === undefined || !(s.sheetId >= 1) || seenIds.has(s.sheetId)) continue;
    seenIds.add(s.sheetId);
    const name = exceljsSheetName(s.name, s.sheetId, seenNames);
    const sheetRels = new Map(
      readRels(parts, ref.relsPart ?? "", dirOf(part ?? "")).map((r) => [r.id, r])
    );
    ref.gridIndex = sheets.length;
    sheets.push(
      readWorksheet(xml, name, {
        dates: styles.dates,
        formats: styles.codes,
        sharedStrings,
        date1904: book.date1904,
        sheetRels,
      })
    );
  }
  return { grids: { sheets }, pkg };
}

// ---------------------------------------------------------------------------------------------
// XML scanning

const enum Tok {
  Open = 0,
  Close = 1,
  End = 2,
}

/**
 * A pull scanner over an XML string: open tags (with `selfClosing`), close tags, and the raw
 * text before each tag. Names are local names (a `x:` prefix is dropped). Comments, processing
 * instructions and CDATA are skipped (ExcelJS's parser ignores CDATA text too).
 */
export class XmlScanner {
  pos = 0;
  kind: Tok = Tok.End;
  selfClosing = false;
  /** Where the current tag's local name starts and ends, and its qualified name starts. */
  private nameStart = 0;
  private nameEnd = 0;
  private qnameStart = 0;
  private cachedName: string | undefined;
  private attrStart = 0;
  private attrEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private textPrefix = "";
  /** Open elements; an unclosed one at the end, or no element at all, is malformed XML. */
  private depth = 0;
  private sawElement = false;

  constructor(readonly xml: string) {}

  /** Advance to the next tag; Tok.End at the end of the string. */
  next(): Tok {
    const xml = this.xml;
    const len = xml.length;
    let start = this.pos;
    let prefix = "";
    for (;;) {
      const lt = xml.indexOf("<", start);
      if (lt < 0) {
        this.textPrefix = prefix;
        this.textStart = start;
        this.textEnd = len;
        this.pos = len;
        if (this.depth !== 0) throw new PackageFormatError("unclosed element at the end");
        if (!this.sawElement) throw new PackageFormatError("no root element");
        return (this.kind = Tok.End);
      }
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 || c === 63) {
        // <!-- -->, <![CDATA[ ]]>, <!DOCTYPE >, <? ?>: skipped, the text around them joins.
        if (lt > start) prefix += xml.slice(start, lt);
        start = skipMarkup(xml, lt);
        continue;
      }
      this.textPrefix = prefix;
      this.textStart = start;
      this.textEnd = lt;
      this.cachedName = undefined;
      const close = c === 47;
      let i = close ? lt + 2 : lt + 1;
      this.qnameStart = i;
      let local = i;
      while (i < len) {
        const ch = xml.charCodeAt(i);
        if (ch === 32 || ch === 62 || ch === 47 || ch === 10 || ch === 9 || ch === 13) break;
        if (ch === 58) local = i + 1;
        i++;
      }
      this.nameStart = local;
      this.nameEnd = i;
      if (close) {
        const gt = xml.indexOf(">", i);
        if (gt < 0) throw new PackageFormatError("unterminated close tag");
        this.selfClosing = false;
        this.pos = gt + 1;
        this.depth--;
        return (this.kind = Tok.Close);
      }
      // The tag ends at the first '>' outside a quoted attribute value.
      let quote = 0;
      let j = i;
      for (; j < len; j++) {
        const ch = xml.charCodeAt(j);
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === 62) break;
        else if (ch === 34 || ch === 39) quote = ch;
      }
      if (j >= len) throw new PackageFormatError(`unterminated tag <${this.qname}`);
      this.selfClosing = xml.charCodeAt(j - 1) === 47;
      if (!this.selfClosing) this.depth++;
      this.sawElement = true;
      this.attrStart = i;
      this.attrEnd = this.selfClosing ? j - 1 : j;
      this.pos = j + 1;
      return (this.kind = Tok.Open);
    }
  }

  /** True when the current tag's local name is `local`. */
  is(local: string): boolean {
    return (
      this.nameEnd - this.nameStart === local.length && this.xml.startsWith(local, this.nameStart)
    );
  }

  /** Local name of the current tag (a `x:` prefix dropped). */
  get name(): string {
    return (this.cachedName ??= this.xml.slice(this.nameStart, this.nameEnd));
  }

  /** Qualified name of the current tag, as written. */
  get qname(): string {
    return this.xml.slice(this.qnameStart, this.nameEnd);
  }

  /** The text between the previous tag and the current one, entities decoded. */
  text(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return decodeXml(this.textPrefix === "" ? raw : this.textPrefix + raw, false);
  }

  /** True when there is any text (even whitespace) before the current tag. */
  hasText(): boolean {
    return this.textEnd > this.textStart || this.textPrefix !== "";
  }

  /** The value of the attribute with this local name on the current open tag. */
  attr(local: string): string | undefined {
    return attrValue(this.xml, this.attrStart, this.attrEnd, local);
  }

  /** The r, t and s attributes of a `<c>` tag, in one pass over its attributes. */
  cellAttrs(p: CellParse): void {
    const xml = this.xml;
    const to = this.attrEnd;
    p.address = undefined;
    p.type = undefined;
    p.style = 0;
    let i = this.attrStart;
    while (i < to) {
      let ch = xml.charCodeAt(i);
      while (i < to && (ch === 32 || ch === 10 || ch === 9 || ch === 13)) ch = xml.charCodeAt(++i);
      if (i >= to) break;
      const ns = i;
      while (i < to && ch !== 61 && ch !== 32 && ch !== 10 && ch !== 9 && ch !== 13)
        ch = xml.charCodeAt(++i);
      const oneChar = i - ns === 1 ? xml.charCodeAt(ns) : 0;
      while (i < to && ch !== 34 && ch !== 39) ch = xml.charCodeAt(++i);
      if (i >= to) throw new PackageFormatError("attribute without a quoted value");
      const vs = i + 1;
      const ve = xml.indexOf(ch === 34 ? '"' : "'", vs);
      if (ve < 0 || ve >= to) throw new PackageFormatError("unterminated attribute value");
      i = ve + 1;
      if (oneChar === 114) p.address = attrText(xml, vs, ve);
      else if (oneChar === 116) p.type = cellType(xml, vs, ve);
      else if (oneChar === 115 && ve > vs) p.style = parseInt(attrText(xml, vs, ve), 10);
    }
  }

  /** Skip to the close tag of the current open tag (which must not be self-closing). */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    while (depth > 0) {
      const k = this.next();
      if (k === Tok.End) throw new PackageFormatError("unclosed element");
      if (k === Tok.Open) {
        if (!this.selfClosing) depth++;
      } else depth--;
    }
  }
}

/** A cell's `t` attribute, the common ones without allocating. */
function cellType(xml: string, vs: number, ve: number): string {
  const n = ve - vs;
  if (n === 1) {
    const ch = xml.charCodeAt(vs);
    if (ch === 115) return "s";
    if (ch === 110) return "n";
    if (ch === 98) return "b";
    if (ch === 101) return "e";
  } else if (n === 3 && xml.startsWith("str", vs)) return "str";
  else if (n === 9 && xml.startsWith("inlineStr", vs)) return "inlineStr";
  return attrText(xml, vs, ve);
}

/** An attribute value, decoded only when it needs it. */
function attrText(xml: string, vs: number, ve: number): string {
  const raw = xml.slice(vs, ve);
  for (let k = vs; k < ve; k++) {
    const ch = xml.charCodeAt(k);
    if (ch === 38 || ch === 13 || ch === 10 || ch === 9) return decodeXml(raw, true);
  }
  return raw;
}

/** The decoded value of the attribute named `local` (any prefix) in xml[from, to), or undefined. */
function attrValue(xml: string, from: number, to: number, local: string): string | undefined {
  let i = from;
  while (i < to) {
    let ch = xml.charCodeAt(i);
    while (i < to && (ch === 32 || ch === 10 || ch === 9 || ch === 13)) ch = xml.charCodeAt(++i);
    if (i >= to) break;
    const ns = i;
    let ls = i;
    while (i < to && ch !== 61 && ch !== 32 && ch !== 10 && ch !== 9 && ch !== 13) {
      if (ch === 58) ls = i + 1;
      ch = xml.charCodeAt(++i);
    }
    const ne = i;
    while (i < to && ch !== 34 && ch !== 39) ch = xml.charCodeAt(++i);
    if (i >= to) throw new PackageFormatError("attribute without a quoted value");
    const vs = i + 1;
    const ve = xml.indexOf(ch === 34 ? '"' : "'", vs);
    if (ve < 0 || ve >= to) throw new PackageFormatError("unterminated attribute value");
    i = ve + 1;
    if (ne - ls !== local.length || !xml.startsWith(local, ls)) continue;
    // Namespace declarations are not attributes ("xmlns:id" is no "r:id").
    if (ls !== ns && xml.startsWith("xmlns:", ns)) continue;
    return attrText(xml, vs, ve);
  }
  return undefined;
}

function skipMarkup(xml: string, lt: number): number {
  let end: number;
  if (xml.startsWith("<!--", lt)) end = xml.indexOf("-->", lt + 4) + 3;
  else if (xml.startsWith("<![CDATA[", lt)) end = xml.indexOf("]]>", lt + 9) + 3;
  else if (xml.charCodeAt(lt + 1) === 63) end = xml.indexOf("?>", lt + 2) + 2;
  else end = xml.indexOf(">", lt + 2) + 1;
  if (end <= lt + 2) throw new PackageFormatError("unterminated markup");
  return end;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/**
 * XML text or attribute value as a parser delivers it: line ends normalised to "\n" (and, in
 * attributes, tabs and line ends to spaces), the five entities and character references decoded.
 * Any other entity is an error, as it is for ExcelJS's parser.
 */
export function decodeXml(s: string, attribute: boolean): string {
  let t = s;
  if (t.indexOf("\r") >= 0) t = t.replace(/\r\n?/g, "\n");
  if (attribute && (t.indexOf("\n") >= 0 || t.indexOf("\t") >= 0)) t = t.replace(/[\n\t]/g, " ");
  if (t.indexOf("&") < 0) return t;
  return t.replace(/&([^;&<\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new PackageFormatError(`bad entity ${whole}`);
    const named = NAMED_ENTITIES[body];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#x[0-9a-fA-F]+$/.test(body)) code = parseInt(body.slice(2), 16);
    else if (/^#[0-9]+$/.test(body)) code = parseInt(body.slice(1), 10);
    if (!isXmlChar(code)) throw new PackageFormatError(`undefined entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** ExcelJS's second decoding of `t="str"` results and sheet names (only the five entities). */
function exceljsXmlDecode(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([a-z]*);/g, (c, body: string) => NAMED_ENTITIES[body] ?? c);
}

/** `_xHHHH_` escapes as ExcelJS decodes them in shared strings and rich-text runs. */
function decodeEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

const utf8 = new TextDecoder("utf-8");

/** A part as text (UTF-8, a byte-order mark dropped), or undefined when the package lacks it. */
function partText(parts: Map<string, Uint8Array>, path: string): string | undefined {
  const bytes = parts.get(path);
  return bytes === undefined ? undefined : utf8.decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// Relationships, workbook, styles, shared strings

interface Rel {
  id: string;
  type: string;
  target: string;
  /** The target resolved to a part path; undefined for external targets. */
  part: string | undefined;
}

function dirOf(part: string): string {
  const k = part.lastIndexOf("/");
  return k < 0 ? "" : part.slice(0, k + 1);
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** A relationship target resolved against the folder of its source part (OPC rules). */
function resolveTarget(baseDir: string, target: string): string {
  const t = target.trim();
  const path = t.startsWith("/") ? t.slice(1) : baseDir + t;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function readRels(parts: Map<string, Uint8Array>, relsPart: string, baseDir: string): Rel[] {
  const xml = partText(parts, relsPart);
  if (xml === undefined) return [];
  const sc = new XmlScanner(xml);
  const rels: Rel[] = [];
  while (sc.next() !== Tok.End) {
    if (sc.kind !== Tok.Open || !sc.is("Relationship")) continue;
    const target = sc.attr("Target") ?? "";
    const external = sc.attr("TargetMode") === "External";
    rels.push({
      id: sc.attr("Id") ?? "",
      type: sc.attr("Type") ?? "",
      target,
      part: external ? undefined : resolveTarget(baseDir, target),
    });
  }
  return rels;
}

function findRelPart(rels: Map<string, Rel>, typeSuffix: string): string | undefined {
  for (const r of rels.values()) if (r.type.endsWith(typeSuffix) && r.part) return r.part;
  return undefined;
}

interface BookSheet {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
}

function parseWorkbook(xml: string): { sheets: BookSheet[]; date1904: boolean } {
  const sc = new XmlScanner(xml);
  const sheets: BookSheet[] = [];
  let date1904 = false;
  let inSheets = false;
  while (sc.next() !== Tok.End) {
    if (sc.kind === Tok.Close) {
      if (sc.is("sheets")) inSheets = false;
      continue;
    }
    if (sc.is("sheets")) inSheets = !sc.selfClosing;
    else if (sc.is("workbookPr")) date1904 = sc.attr("date1904") === "1";
    else if (sc.is("sheet") && inSheets) {
      const state = sc.attr("state");
      sheets.push({
        name: sc.attr("name") ?? "",
        sheetId: parseInt(sc.attr("sheetId") ?? "", 10),
        rId: sc.attr("id") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
      });
    }
  }
  return { sheets, date1904 };
}

/** The sheet name ExcelJS gives (its second entity decoding, its checks and its truncation). */
function exceljsSheetName(raw: string, sheetId: number, seen: string[]): string {
  let name = exceljsXmlDecode(raw);
  const bad = (why: string): never => {
    throw new PackageFormatError(`sheet name "${name}" (sheetId ${sheetId}): ${why}`);
  };
  if (name === "") bad("empty");
  if (name === "History") bad("reserved");
  if (/[*?:/\\[\]]/.test(name)) bad("invalid character");
  if (/(^')|('$)/.test(name)) bad("quote at start or end");
  if (name.length > 31) name = name.substring(0, 31);
  const lower = name.toLowerCase();
  if (seen.some((n) => n.toLowerCase() === lower)) bad("already exists");
  seen.push(name);
  return name;
}

// Built-in number formats ExcelJS knows that are dates or times (its isDateFmt over its table).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's isDateFmt: a format with y, m, d, h, M, s or b outside quotes and brackets. */
function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** What the cells need of styles.xml, by cellXfs index. */
interface CellFormats {
  /** Whether ExcelJS reads a number styled with it as a date. */
  dates: boolean[];
  /** Its number format code, null for General or an id neither built in nor defined. */
  codes: (string | null)[];
}

function readStyles(xml: string | undefined): CellFormats {
  if (xml === undefined) return { dates: [], codes: [] };
  const sc = new XmlScanner(xml);
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  const stack: string[] = [];
  while (sc.next() !== Tok.End) {
    if (sc.kind === Tok.Close) {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    if (sc.is("numFmt") && parent === "numFmts" && stack.length === 2) {
      custom.set(parseInt(sc.attr("numFmtId") ?? "", 10), sc.attr("formatCode") ?? "");
    } else if (sc.is("xf") && parent === "cellXfs" && stack.length === 2) {
      xfFormats.push(parseInt(sc.attr("numFmtId") ?? "", 10));
    }
    if (!sc.selfClosing) stack.push(sc.name);
  }
  const dates = xfFormats.map((id) => {
    if (!id) return false; // 0 or NaN: ExcelJS looks no format up
    const code = custom.get(id);
    // ExcelJS drops every backslash of a custom code before it looks for date letters.
    if (code) return isDateFormat(code.replace(/[\\](.)/g, "$1"));
    return BUILTIN_DATE_FORMATS.has(id);
  });
  const codes = xfFormats.map((id) => {
    const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS.get(id);
    return code === undefined || code === "" || code.toLowerCase() === "general" ? null : code;
  });
  return { dates, codes };
}

/** Shared strings as the grid shows them (rich text flattened, `_xHHHH_` decoded). */
function readSharedStrings(xml: string | undefined): string[] | undefined {
  if (xml === undefined) return undefined;
  const sc = new XmlScanner(xml);
  const out: string[] = [];
  while (sc.next() !== Tok.End) {
    if (sc.kind !== Tok.Open || !sc.is("si")) continue;
    // An empty item: ExcelJS gives its empty model stringified, "[object Object]".
    out.push(sc.selfClosing ? "" : readStringItem(sc));
  }
  return out;
}

/**
 * What one `<si>` holds, read so far: the last `<t>` directly under it, or its runs' texts;
 * `<rPh>` (phonetic) is ignored.
 */
interface StringItem {
  plain: string | undefined;
  runs: string[] | undefined;
  run: string | undefined;
  inRun: boolean;
  phonetic: number;
  /** Open elements inside the `<si>`. */
  depth: number;
}

/** The text of the `<si>` just opened, read through its close tag. */
function readStringItem(sc: XmlScanner): string {
  const item: StringItem = {
    plain: undefined,
    runs: undefined,
    run: undefined,
    inRun: false,
    phonetic: 0,
    depth: 0,
  };
  while (sc.next() !== Tok.End) {
    if (sc.kind === Tok.Open) stringItemOpens(sc, item);
    else if (item.depth === 0)
      break; // </si>
    else stringItemCloses(sc, item);
  }
  if (item.runs !== undefined) return normaliseBreaks(item.runs.join(""));
  if (item.plain !== undefined) return normaliseBreaks(item.plain);
  return "[object Object]";
}

function stringItemOpens(sc: XmlScanner, item: StringItem): void {
  const top = item.depth === 0 && item.phonetic === 0;
  if (sc.selfClosing) {
    if (sc.is("t") && item.phonetic === 0) {
      if (item.inRun) item.run = "";
      else if (item.depth === 0) item.plain = "";
    } else if (sc.is("r") && top) (item.runs ??= []).push("");
    return;
  }
  if (sc.is("rPh")) item.phonetic++;
  else if (sc.is("r") && top) {
    item.inRun = true;
    item.run = undefined;
  }
  item.depth++;
}

function stringItemCloses(sc: XmlScanner, item: StringItem): void {
  item.depth--;
  if (sc.is("rPh")) item.phonetic--;
  else if (item.phonetic > 0) return;
  else if (sc.is("t")) {
    const text = decodeEscapes(sc.text());
    if (item.inRun) item.run = text;
    else if (item.depth === 0) item.plain = text;
  } else if (sc.is("r") && item.inRun && item.depth === 0) {
    item.inRun = false;
    (item.runs ??= []).push(item.run ?? "");
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  /** Date-ness of each cellXfs entry. */
  dates: boolean[];
  /** Number format code of each cellXfs entry (null: General). */
  formats: (string | null)[];
  /** Shared strings, or undefined when the package has no shared strings part. */
  sharedStrings: string[] | undefined;
  date1904: boolean;
  sheetRels: Map<string, Rel>;
}

/** One row as built: cells by 0-based column (holes for absent cells). */
interface RowBuild {
  values: (CellValue | undefined)[];
  formulas: (string | undefined)[] | undefined;
  /** Number formats of the cells that hold a value or formula, where not General. */
  formats: (string | undefined)[] | undefined;
}

function readWorksheet(xml: string, name: string, ctx: SheetContext): SheetGrid {
  // The parts after <sheetData> (merges, links, protection) are needed while reading the cells.
  const sc = new XmlScanner(xml);
  let dataStart = -1;
  let dataEnd = -1;
  let rootSeen = false;
  while (sc.next() !== Tok.End) {
    if (sc.kind !== Tok.Open) continue;
    if (!rootSeen) {
      rootSeen = true;
      continue;
    }
    if (sc.is("sheetData")) {
      dataStart = sc.pos;
      if (sc.selfClosing) {
        dataEnd = sc.pos;
      } else {
        const close = xml.lastIndexOf(`</${sc.qname}`);
        if (close < dataStart) throw new PackageFormatError("unclosed <sheetData>");
        dataEnd = close;
        sc.pos = close;
        sc.next(); // the close tag itself
      }
      break;
    }
    sc.skipElement();
  }
  const tail = readSheetTail(sc, ctx);

  const rows: (RowBuild | undefined)[] = [];
  if (dataStart >= 0) readSheetData(xml, dataStart, dataEnd, rows, tail.links, ctx);

  // Cells covered by a merge (not its top-left) are ExcelJS "merge" cells: no value, no formula.
  for (const m of tail.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (c < row.values.length) row.values[c] = undefined;
        if (row.formulas && c < row.formulas.length) row.formulas[c] = undefined;
        if (row.formats && c < row.formats.length) row.formats[c] = undefined;
      }
    }
  }

  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let formats: (string | null)[][] | undefined;
  rows.forEach((row, r) => {
    if (!row) return;
    const out = denseRow(row.values);
    if (out.length > 0) {
      while (values.length < r) values.push([]);
      values[r] = out;
    }
    const fr = row.formulas ? denseRow(row.formulas) : [];
    if (fr.length > 0) {
      formulas ??= [];
      while (formulas.length < r) formulas.push([]);
      formulas[r] = fr;
    }
    const nr = row.formats ? denseRow(row.formats) : [];
    if (nr.length > 0) {
      formats ??= [];
      while (formats.length < r) formats.push([]);
      formats[r] = nr;
    }
  });
  const grid: SheetGrid = { name, values, merges: tail.merges };
  if (formulas) grid.formulas = formulas;
  if (formats) grid.numberFormats = formats;
  if (tail.protected) grid.protected = true;
  return grid;
}

/** A sparse row made dense in place up to its last defined cell, holes as null. */
function denseRow<T>(sparse: (T | undefined)[]): (T | null)[] {
  let last = sparse.length - 1;
  while (last >= 0 && sparse[last] === undefined) last--;
  const out = sparse as (T | null)[];
  out.length = last + 1;
  for (let c = 0; c <= last; c++) if (out[c] === undefined) out[c] = null;
  return out;
}

interface SheetTail {
  merges: CellRange[];
  /** Addresses (as written in `ref`) that carry a hyperlink ExcelJS turns the cell into. */
  links: Set<string>;
  protected: boolean;
}

function readSheetTail(sc: XmlScanner, ctx: SheetContext): SheetTail {
  const merges: CellRange[] = [];
  const links = new Set<string>();
  let isProtected = false;
  let depth = 1; // inside the root element
  let parent = "";
  while (sc.next() !== Tok.End) {
    if (sc.kind === Tok.Close) {
      depth--;
      if (depth === 1) parent = "";
      continue;
    }
    if (depth === 1) {
      if (sc.is("sheetProtection")) isProtected = sc.attr("sheet") === "1";
      else if (sc.is("mergeCells")) merges.length = 0;
      if (!sc.selfClosing) {
        depth++;
        parent = sc.name;
      }
      continue;
    }
    if (depth === 2 && parent === "mergeCells" && sc.is("mergeCell")) {
      merges.push(decodeRange(sc.attr("ref") ?? ""));
    } else if (depth === 2 && parent === "hyperlinks" && sc.is("hyperlink")) {
      const ref = sc.attr("ref");
      const rId = sc.attr("id");
      if (rId) {
        const rel = ctx.sheetRels.get(rId);
        if (!rel) throw new PackageFormatError(`hyperlink ${rId} has no relationship`);
        if (rel.target && ref !== undefined) links.add(ref);
      } else if (sc.attr("location") && ref !== undefined) links.add(ref);
    }
    if (!sc.selfClosing) depth++;
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  checkMergesDisjoint(merges);
  return { merges, links, protected: isProtected };
}

/** ExcelJS refuses a workbook whose merged areas overlap ("Cannot merge already merged cells"). */
function checkMergesDisjoint(sorted: readonly CellRange[]): void {
  let active: CellRange[] = [];
  for (const m of sorted) {
    active = active.filter((a) => a.bottom >= m.top);
    for (const a of active)
      if (a.left <= m.right && m.left <= a.right)
        throw new PackageFormatError("Cannot merge already merged cells");
    active.push(m);
  }
}

/** "A1:C3" (or "C3:A1", or "B2") as a 0-based range. */
function decodeRange(ref: string): CellRange {
  const [a, b] = ref.split(":");
  const p = decodeAddress(a ?? "");
  const q = b === undefined ? p : decodeAddress(b);
  if (!p || !q) throw new PackageFormatError(`bad range ${ref}`);
  return {
    top: Math.min(p.row, q.row) - 1,
    left: Math.min(p.col, q.col) - 1,
    bottom: Math.max(p.row, q.row) - 1,
    right: Math.max(p.col, q.col) - 1,
  };
}

/** "$B$7" → { col: 2, row: 7 } (1-based), as ExcelJS's column cache decodes it. */
function decodeAddress(a: string): { col: number; row: number } | undefined {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < a.length; i++) {
    const ch = a.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) break;
  }
  if (!hasCol || !hasRow) return undefined;
  if (col > 16384) throw new PackageFormatError(`Out of bounds. Invalid column: ${a}`);
  return { col, row };
}

/** The column (1-based) of a cell address, without allocating. */
function columnOf(a: string): number {
  let col = 0;
  for (let i = 0; i < a.length; i++) {
    const ch = a.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch !== 36) break;
  }
  return col;
}

/** One `<c>` as parsed. */
interface CellParse {
  address: string | undefined;
  type: string | undefined;
  style: number;
  value: string | undefined;
  runs: string[] | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

/** Excel's last row: a row numbered beyond it is no sheet Excel wrote (and no grid to pad to). */
const MAX_ROW = 1_048_576;

/** Where the walk through `<sheetData>` is: the current row, built at its first stored cell. */
interface RowCursor {
  /** 1-based number of the current `<row>` (NaN after a row whose `r` is not a number). */
  number: number;
  build: RowBuild | undefined;
  /** Column of the previous cell kept, for a cell without `r`. */
  prevCol: number;
  /** Cells seen in this row, for a cell without `r` after only dropped ones. */
  ordinal: number;
}

/**
 * The cells of `<sheetData>` (xml[start, end)) into `rows`. A row is built only when a cell
 * stores something: empty styled rows, however many, and a `<dimension>` claiming the whole
 * sheet cost nothing.
 */
function readSheetData(
  xml: string,
  start: number,
  end: number,
  rows: (RowBuild | undefined)[],
  links: Set<string>,
  ctx: SheetContext
): void {
  // Scanning the whole string (a slice would make every character read go through it).
  const sc = new XmlScanner(xml);
  sc.pos = start;
  const masters = new Map<string, SharedMaster>();
  const cur: RowCursor = { number: 0, build: undefined, prevCol: 0, ordinal: 0 };
  const p: CellParse = newCellParse();
  while (sc.next() !== Tok.End && sc.pos <= end) {
    if (sc.kind !== Tok.Open) continue;
    if (sc.is("row")) startRow(sc, cur, rows);
    else if (sc.is("c")) {
      readCell(sc, p);
      storeCell(p, cur, rows, links, masters, ctx);
    }
  }
}

/** A `<row>` begins: a row of the same number read before is replaced, as ExcelJS does. */
function startRow(sc: XmlScanner, cur: RowCursor, rows: (RowBuild | undefined)[]): void {
  const r = sc.attr("r");
  cur.number = r !== undefined ? parseInt(r, 10) : cur.number + 1;
  if (cur.number > MAX_ROW) throw new PackageFormatError(`row ${cur.number} beyond row ${MAX_ROW}`);
  cur.build = undefined;
  cur.prevCol = 0;
  cur.ordinal = 0;
  if (cur.number >= 1 && rows[cur.number - 1] !== undefined) rows[cur.number - 1] = undefined;
}

/** One parsed `<c>` stored in its row (created now if this is its first stored cell). */
function storeCell(
  p: CellParse,
  cur: RowCursor,
  rows: (RowBuild | undefined)[],
  links: Set<string>,
  masters: Map<string, SharedMaster>,
  ctx: SheetContext
): void {
  cur.ordinal++;
  const holds = !!p.formula || !!p.shareType || p.value !== undefined || p.runs !== undefined;
  const linked = p.address !== undefined && links.size > 0 && links.has(p.address);
  // ExcelJS drops a cell with nothing in it and no style ("merge" type) and does not count it.
  if (!holds && !p.style && !linked) return;
  const col =
    p.address !== undefined ? columnOf(p.address) : cur.prevCol > 0 ? cur.prevCol + 1 : cur.ordinal;
  if (col > 16384) throw new PackageFormatError(`cell ${p.address ?? col} beyond column XFD`);
  cur.prevCol = col;
  // A styled empty cell only clears an earlier cell of its column: none when the row is new.
  if (!(cur.number >= 1) || col < 1 || (!holds && !linked && cur.build === undefined)) return;
  if (cur.build === undefined) {
    cur.build = { values: [], formulas: undefined, formats: undefined };
    rows[cur.number - 1] = cur.build;
  }
  cellContent(p, linked, cur.number, col, masters, ctx, cur.build);
}

/** The `<c>` the scanner stands on, read to its end tag into `p`. */
function readCell(sc: XmlScanner, p: CellParse): void {
  sc.cellAttrs(p);
  p.value = undefined;
  p.runs = undefined;
  p.formula = undefined;
  p.shareType = undefined;
  p.si = undefined;
  p.ref = undefined;
  if (sc.selfClosing || readPlainValue(sc, p)) return;
  const into: CellInto = { what: Into.None, inRun: false, runText: undefined };
  while (sc.next() !== Tok.End) {
    if (sc.kind === Tok.Open) cellChildOpens(sc, p, into);
    else if (sc.is("c")) return;
    else cellChildCloses(sc, p, into);
  }
}

/** Most cells are exactly `<c …><v>text</v></c>`: read without three more tags. */
function readPlainValue(sc: XmlScanner, p: CellParse): boolean {
  const xml = sc.xml;
  const at = sc.pos;
  if (!xml.startsWith("<v>", at)) return false;
  const close = xml.indexOf("<", at + 3);
  if (close < 0 || !xml.startsWith("</v></c>", close)) return false;
  if (close > at + 3) p.value = decodeXml(xml.slice(at + 3, close), false);
  sc.pos = close + 8;
  return true;
}

const enum Into {
  None,
  Value,
  Formula,
  RunText,
}

/** Which text of a cell the next close tag ends. */
interface CellInto {
  what: Into;
  /** Inside a rich-text run `<r>`. */
  inRun: boolean;
  runText: string | undefined;
}

function cellChildOpens(sc: XmlScanner, p: CellParse, into: CellInto): void {
  if (sc.is("v")) {
    if (!sc.selfClosing) into.what = Into.Value;
  } else if (sc.is("f")) {
    p.shareType = sc.attr("t");
    p.si = sc.attr("si");
    p.ref = sc.attr("ref");
    if (!sc.selfClosing) into.what = Into.Formula;
  } else if (sc.is("t")) {
    if (into.inRun) {
      into.runText = "";
      if (!sc.selfClosing) into.what = Into.RunText;
    } else if (!sc.selfClosing) into.what = Into.Value;
  } else if (sc.is("r")) {
    if (sc.selfClosing) (p.runs ??= []).push("");
    else {
      into.inRun = true;
      into.runText = undefined;
    }
  }
}

function cellChildCloses(sc: XmlScanner, p: CellParse, into: CellInto): void {
  if (sc.is("v") || sc.is("t")) {
    if (into.what === Into.RunText) into.runText = decodeEscapes(sc.text());
    else if (into.what === Into.Value && sc.hasText() && p.runs === undefined)
      p.value = p.value === undefined ? sc.text() : p.value + sc.text();
    into.what = Into.None;
  } else if (sc.is("f")) {
    if (into.what === Into.Formula && sc.hasText())
      p.formula = p.formula === undefined ? sc.text() : p.formula + sc.text();
    into.what = Into.None;
  } else if (sc.is("r") && into.inRun) {
    (p.runs ??= []).push(into.runText ?? "");
    into.inRun = false;
  }
}

interface SharedMaster {
  address: string | undefined;
  formula: string | undefined;
}

function newCellParse(): CellParse {
  return {
    address: undefined,
    type: undefined,
    style: 0,
    value: undefined,
    runs: undefined,
    formula: undefined,
    shareType: undefined,
    si: undefined,
    ref: undefined,
  };
}

/** The grid value and formula of one cell, as ExcelJS's model and `plainValue` make them. */
function cellContent(
  p: CellParse,
  linked: boolean,
  rowNumber: number,
  col: number,
  masters: Map<string, SharedMaster>,
  ctx: SheetContext,
  row: RowBuild
): void {
  const c = col - 1;
  // The common cases first: a shared string or a plain number, no formula, no link.
  if (!linked && p.value !== undefined && !p.formula && !p.shareType && p.runs === undefined) {
    let plain: CellValue | undefined;
    if (p.type === "s" && ctx.sharedStrings !== undefined) {
      plain = ctx.sharedStrings[parseInt(p.value, 10)];
      if (plain === undefined)
        throw new PackageFormatError(`shared string ${p.value} out of range`);
    } else if ((p.type === undefined || p.type === "n") && !(p.style > 0 && ctx.dates[p.style])) {
      plain = parseFloat(p.value);
    }
    if (plain !== undefined) {
      row.values[c] = plain;
      if (row.formulas && c < row.formulas.length) row.formulas[c] = undefined;
      setFormat(row, c, ctx.formats[p.style]);
      return;
    }
  }
  const { value, formula } = cellValueAndFormula(p, linked, rowNumber, col, masters, ctx);
  // Assign even when empty: a later <c> for the same column replaces the earlier one.
  row.values[c] = value === null ? undefined : value;
  if (formula !== undefined) (row.formulas ??= [])[c] = formula;
  else if (row.formulas && c < row.formulas.length) row.formulas[c] = undefined;
  const held = value !== null || formula !== undefined;
  setFormat(row, c, held ? ctx.formats[p.style] : undefined);
}

/** The cell's number format (none: General, or an empty cell), replacing an earlier one. */
function setFormat(row: RowBuild, c: number, code: string | null | undefined): void {
  if (code) (row.formats ??= [])[c] = code;
  else if (row.formats && c < row.formats.length) row.formats[c] = undefined;
}

function cellValueAndFormula(
  p: CellParse,
  linked: boolean,
  rowNumber: number,
  col: number,
  masters: Map<string, SharedMaster>,
  ctx: SheetContext
): { value: CellValue; formula: string | undefined } {
  const isDate = p.style > 0 && ctx.dates[p.style] === true;
  if (p.formula || p.shareType) {
    let result: ExcelValue;
    if (p.value !== undefined) {
      if (p.type === "str") result = exceljsXmlDecode(p.value);
      else if (p.type === "b") result = parseInt(p.value, 10) !== 0;
      else if (p.type === "e") result = { error: p.value };
      else result = parseFloat(p.value);
      if (isDate) result = excelToDate(result, ctx.date1904);
    }
    let shared: string | undefined; // the master's address, for a cell sharing its formula
    if (p.shareType === "shared" && p.si !== undefined) {
      if (p.ref) masters.set(p.si, { address: p.address, formula: p.formula });
      else shared = masters.get(p.si)?.address;
    }
    if (linked) return { value: linkText(result), formula: undefined };
    let formula = p.formula;
    if (!formula && shared !== undefined) {
      const master = masters.get(p.si as string);
      const from = master?.address !== undefined ? decodeAddress(master.address) : undefined;
      const to = (p.address !== undefined ? decodeAddress(p.address) : undefined) ?? {
        col,
        row: rowNumber,
      };
      if (master?.formula && from) formula = slideFormula(master.formula, from, to);
    }
    // ExcelJS keeps only truthy model fields, so there a formula whose result is 0 or FALSE read
    // as empty (a realisasi computed as 0 looked missing); here the result is read as it is.
    const value: CellValue = result === undefined || result === "" ? null : resultValue(result);
    return { value, formula: formula ? `=${fromFileFormula(formula)}` : undefined };
  }
  if (p.value === undefined && p.runs === undefined) return { value: null, formula: undefined };
  let v: ExcelValue;
  if (p.runs !== undefined) {
    v = p.type === "inlineStr" ? p.runs.join("") : NaN;
  } else {
    const raw = p.value as string;
    switch (p.type) {
      case "s": {
        const i = parseInt(raw, 10);
        if (ctx.sharedStrings === undefined) v = i;
        else {
          const s = ctx.sharedStrings[i];
          if (s === undefined) throw new PackageFormatError(`shared string ${raw} out of range`);
          v = s;
        }
        break;
      }
      case "str":
        v = exceljsXmlDecode(raw);
        break;
      case "inlineStr":
        v = raw;
        break;
      case "b":
        v = parseInt(raw, 10) !== 0;
        break;
      case "e":
        v = { error: raw };
        break;
      default:
        v = parseFloat(raw);
        if (isDate) v = excelToDate(v, ctx.date1904);
    }
  }
  if (linked) return { value: linkText(v), formula: undefined };
  return { value: resultValue(v), formula: undefined };
}

type ExcelValue = string | number | boolean | Date | { error: string } | undefined;

/** `plainValue` of a plain ExcelJS value (a formula result or a cell value). */
function resultValue(v: ExcelValue): CellValue {
  if (v === undefined) return null;
  if (typeof v === "string") return normaliseBreaks(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  return String(v.error);
}

/** `plainValue` of a hyperlink cell: its text, whatever it held, as a string. */
function linkText(v: ExcelValue): CellValue {
  if (v === undefined) return null;
  return normaliseBreaks(String(v));
}

function excelToDate(v: ExcelValue, date1904: boolean): Date {
  const n = Number(v instanceof Date ? v.getTime() : v);
  return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

// ExcelJS's shared-formula translation (utils/shared-formula.js), reproduced.
const REF_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula moved from its master cell to another cell: relative references shift. */
export function slideFormula(
  formula: string,
  from: { col: number; row: number },
  to: { col: number; row: number }
): string {
  return formula.replace(
    REF_CANDIDATE,
    (match: string, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
      if (paren) return match;
      const m = CELL_REF.exec(addr);
      if (!m) return match;
      const colDollar = m[1] ?? "";
      const colStr = (m[2] ?? "").toUpperCase();
      const rowDollar = m[3] ?? "";
      if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return match;
      let c = lettersToColumn(colStr);
      let r = parseInt(m[4] ?? "", 10);
      if (!colDollar) c += to.col - from.col;
      if (!rowDollar) r += to.row - from.row;
      return `${sheet ?? ""}${colDollar}${columnToLetters(c)}${rowDollar}${r}`;
    }
  );
}

function lettersToColumn(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + s.charCodeAt(i) - 64;
  return n;
}

function columnToLetters(n: number): string {
  if (n < 1 || n > 16384)
    throw new Error(`${n} is out of bounds. Excel supports columns from 1 to 16384`);
  let s = "";
  let k = n;
  while (k > 0) {
    const rem = (k - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}
