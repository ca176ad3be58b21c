/** Recognising a table by its header row, whatever the case, spacing, punctuation and order. */
import type { CellValue } from "../grid";
import { isBlank } from "../grid";
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

/** The header this row starts, or null when it is not a header row. */
export function recogniseHeader(row: readonly CellValue[] | undefined): Header | null {
  if (!row) return null;
  const columns: Partial<Record<Role, number>> = {};
  let depth: number | null = null;
  let found = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== "string") continue;
    const r = roleOf(v.trim());
    if (!r || columns[r.role] !== undefined) continue;
    columns[r.role] = c;
    if (r.depth !== undefined) depth = r.depth;
    found++;
  }
  if (found < 2) return null;
  return headerOf(row, columns, depth);
}

/** What kind of table the columns make, and its span; null when they make none. */
function headerOf(
  row: readonly CellValue[],
  columns: Partial<Record<Role, number>>,
  depth: number | null
): Header | null {
  let firstCol = -1;
  let lastCol = -1;
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

/** Tables listing conditions (CSF tables, "Kode | Kondisi"). */
export function isConditionKind(kind: TableInfo["kind"]): boolean {
  return kind === "csf" || kind === "antara" || kind === "operasional" || kind === "conditions";
}

/** The header has a Target, Realisasi or Capaian column. */
export function hasMeasureColumns(h: Header): boolean {
  const c = h.columns;
  return c.target !== undefined || c.actual !== undefined || c.achievement !== undefined;
}
