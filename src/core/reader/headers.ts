/** Recognising a table by its header row, whatever the case, spacing, punctuation and order. */
import type { CellValue } from "../grid";
import { cellText, isBlank } from "../grid";
import type { TableInfo } from "../model";
import { headerKey } from "./text";

export type Role =
  | "no"
  | "faktor"
  | "csf"
  | "kondisi"
  | "name"
  | "definition"
  | "relevance"
  | "formula"
  | "dataSource"
  | "code"
  | "unit"
  | "target"
  | "actual"
  | "achievement"
  | "polarity"
  | "numerator"
  | "denominator";

/** A recognised header row: the role of each column and what kind of table it starts. */
export interface Header {
  kind: TableInfo["kind"];
  columns: Partial<Record<Role, number>>;
  firstCol: number;
  lastCol: number;
  /** Depth of the conditions listed in a CSF-style table (1, 2, 3), or null when relative. */
  depth: number | null;
}

/** Cheap first test on the raw text, so data cells are rarely normalised. */
const HEADER_START =
  /^[\s"'(]*(no\b|nomor|faktor|csf|kondisi|induk|indikator|nama|definisi|penjelasan|relevansi|formul|rumus|sumber|kode|satuan|target|realisasi|capaian|polaritas|arah|pembilang|penyebut)/i;

/** Header cells longer than this are text, not headers. */
const MAX_HEADER = 60;

/** The role a header cell names, or null. */
export function roleOf(text: string): { role: Role; depth?: number } | null {
  if (text.length > MAX_HEADER || !HEADER_START.test(text)) return null;
  const h = headerKey(text);
  if (h === "") return null;
  if (/^(no|nomor|no urut)$/.test(h)) return { role: "no" };
  if (h.startsWith("faktor")) return { role: "faktor" };
  if (/^(csf|csf induk|kondisi induk|induk)$/.test(h)) return { role: "csf" };
  if (h.startsWith("kondisi")) {
    if (/\bantara\b/.test(h)) return { role: "kondisi", depth: 2 };
    if (/\boperasional\b/.test(h)) return { role: "kondisi", depth: 3 };
    return { role: "kondisi" };
  }
  if (h.startsWith("indikator") || h === "nama indikator") return { role: "name" };
  if (h.startsWith("definisi") || h === "penjelasan") return { role: "definition" };
  if (h.startsWith("relevansi")) return { role: "relevance" };
  if (h.startsWith("formulasi") || h.startsWith("rumus") || h === "formula")
    return { role: "formula" };
  if (h.startsWith("sumber data") || h === "sumber") return { role: "dataSource" };
  if (h.startsWith("kode")) return { role: "code" };
  if (h.startsWith("satuan")) return { role: "unit" };
  if (h.startsWith("target")) return { role: "target" };
  if (h.startsWith("realisasi")) return { role: "actual" };
  if (h.startsWith("capaian")) return { role: "achievement" };
  if (h.startsWith("polaritas") || h === "arah" || h.startsWith("arah "))
    return { role: "polarity" };
  if (h.startsWith("pembilang")) return { role: "numerator" };
  if (h.startsWith("penyebut")) return { role: "denominator" };
  return null;
}

/**
 * roleOf by cell text, memoised: a workbook repeats the same header texts in every section.
 * Results are read only here, never handed out.
 */
const roleMemo = new Map<string, { role: Role; depth?: number } | null>();
const ROLE_MEMO_MAX = 4096;

function roleOfCell(v: string): { role: Role; depth?: number } | null {
  const hit = roleMemo.get(v);
  if (hit !== undefined) return hit;
  const r = roleOf(cellText(v));
  if (roleMemo.size >= ROLE_MEMO_MAX) roleMemo.clear();
  roleMemo.set(v, r);
  return r;
}

/**
 * roleOf's length and start tests on the untrimmed cell: HEADER_START skips leading whitespace
 * itself, and a cell within MAX_HEADER untrimmed is within it trimmed.
 */
function mayBeHeaderCell(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  // A cell starting with a digit or an ASCII letter no header word starts with fails HEADER_START
  // at once (a non-ASCII character never matches an ASCII letter there): no regex call.
  const c = v.charCodeAt(0);
  if (c < 128 && NOT_HEADER_START[c] === 1) return false;
  if (v.length > MAX_HEADER && v.trim().length > MAX_HEADER) return false;
  return HEADER_START.test(v);
}

/** 1 for the ASCII characters HEADER_START cannot start with: digits and the other letters. */
const NOT_HEADER_START = new Uint8Array(128);
for (let c = 48; c <= 57; c++) NOT_HEADER_START[c] = 1;
for (const ch of "beghjlmoquvwxyz") {
  NOT_HEADER_START[ch.charCodeAt(0)] = 1;
  NOT_HEADER_START[ch.toUpperCase().charCodeAt(0)] = 1;
}

/**
 * The header this row starts, or null when it is not a header row. Rows with the same cells
 * share one Header object: read it, never change it.
 */
export function recogniseHeader(row: readonly CellValue[] | undefined): Header | null {
  if (!row) return null;
  // Most rows are data or prose: reject them on the raw text before any trimming or normalising.
  // A role needs a cell passing roleOf's own first test, and a header needs two roles.
  let candidates = 0;
  for (let c = 0; c < row.length && candidates < 2; c++) if (mayBeHeaderCell(row[c])) candidates++;
  if (candidates < 2) return null;
  // A document repeats one header row in every section: the same cells give the same header.
  if (sameCells(row, lastRow)) return lastHeader;
  const header = headerOf(row);
  lastRow = row.slice();
  lastHeader = header;
  return header;
}

/** The last row recognised (a copy) and its header, which is never changed once made. */
let lastRow: CellValue[] | null = null;
let lastHeader: Header | null = null;

function sameCells(a: readonly CellValue[], b: readonly CellValue[] | null): boolean {
  if (b === null || a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

/** recogniseHeader past its first test. */
function headerOf(row: readonly CellValue[]): Header | null {
  const columns: Partial<Record<Role, number>> = {};
  let depth: number | null = null;
  let found = 0;
  let firstCol = -1;
  let lastCol = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== "string") continue;
    const r = roleOfCell(v);
    if (!r || columns[r.role] !== undefined) continue;
    columns[r.role] = c;
    if (r.depth !== undefined) depth = r.depth;
    found++;
  }
  if (found < 2) return null;
  const has = (r: Role): boolean => columns[r] !== undefined;
  let kind: TableInfo["kind"] | null = null;
  if (has("name")) {
    if (has("definition") || has("relevance") || has("formula") || has("dataSource"))
      kind = "indicator-text";
    else if (has("target") || has("actual") || has("achievement")) kind = "measure";
  } else if (has("kondisi")) {
    if (has("faktor")) {
      kind = "csf";
      depth = 1;
    } else if (has("csf")) kind = depth === 3 ? "operasional" : "antara";
    else if (has("code") || has("no")) kind = "conditions";
  }
  if (!kind) return null;
  // The table spans every non-blank header cell, recognised or not (extra columns are ignored).
  for (let c = 0; c < row.length; c++) {
    if (isBlank(row[c])) continue;
    if (firstCol < 0) firstCol = c;
    lastCol = c;
  }
  // depth stays null for "No | CSF | Kondisi": the children sit one level below the parent named.
  return { kind, columns, firstCol, lastCol, depth };
}
