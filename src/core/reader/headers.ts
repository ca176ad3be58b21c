/**
 * Recognising a table by its header row, whatever the case, spacing, punctuation and order:
 * the role of each column, and from the roles what kind of table it is.
 */
import type { CellValue } from "../grid";
import { cellText, isBlank } from "../grid";
import type { TableInfo } from "../model";
import { periodOf, type Period } from "./periods";
import { headerKey } from "./text";

export type Role =
  | "no"
  | "faktor"
  /** The CSF column: the parent's name in "No | CSF | Kondisi (Antara)", level 1 in a matrix. */
  | "csf"
  /** A condition's name; with a depth when the header says which level (Antara, Operasional). */
  | "kondisi"
  | "outcome"
  | "code"
  /** The parent's code ("Kode Induk", "Kode Atasan", "Parent"). */
  | "parent"
  /** Which level each row is ("Level", "Tingkat", "Jenjang"). */
  | "level"
  | "name"
  | "definition"
  | "relevance"
  | "formula"
  | "dataSource"
  | "unit"
  | "target"
  | "actual"
  | "achievement"
  | "polarity"
  | "numerator"
  | "denominator"
  | "responsible"
  /** Kondisi Awal, Baseline: known, never read as target or realisasi. */
  | "baseline";

/** What a header cell says. */
export interface RoleGuess {
  role: Role;
  /** The level a condition column lists (1 CSF, 2 antara, 3 operasional). */
  depth?: number;
  /** The period of a Target/Realisasi/Capaian column ("Realisasi TW III 2025"). */
  period?: Period;
  /** The CSF column names the CSF level itself ("CSF"), not a parent ("CSF Induk"). */
  level?: boolean;
}

/** A non-blank header cell: its text and the role it is given (null when not known). */
export interface HeaderCell {
  col: number;
  text: string;
  guess: RoleGuess | null;
}

/** A recognised header row: the role of each column and what kind of table it starts. */
export interface Header {
  kind: TableInfo["kind"];
  /** The first column of each role. */
  columns: Partial<Record<Role, number>>;
  firstCol: number;
  lastCol: number;
  /** Depth of the conditions listed in a CSF-style table (1, 2, 3), or null when relative. */
  depth: number | null;
  /** Every non-blank header cell, left to right. */
  cells: HeaderCell[];
  /** A matrix's level columns, left to right, with their depth (0 for the outcome column). */
  levels: { col: number; depth: number }[];
}

/** Cheap first test on the raw text, so data cells are rarely normalised. */
const HEADER_START =
  /^[\s"'(]*(no\b|nomor|uraian kondisi|pernyataan kondisi|faktor|csf|critical|kondisi|induk|indikator|nama|definisi|penjelasan|relevansi|formul|rumus|sumber|kode|satuan|target|realisasi|capaian|polaritas|arah|pembilang|penyebut|parent|atasan|level|tingkat|jenjang|outcome|penanggung|pj\b|pic\b|person|unit kerja|unit pelaksana|pelaksana|baseline|data awal|tahun dasar)/i;

/** Header cells longer than this are text, not headers. */
const MAX_HEADER = 60;

/** The role a header cell names, or null. */
export function roleOf(text: string): RoleGuess | null {
  if (text.length > MAX_HEADER || !HEADER_START.test(text)) return null;
  const h = headerKey(text);
  if (h === "") return null;
  return conditionRole(h) ?? indicatorRole(h) ?? measureRole(h);
}

function conditionRole(h: string): RoleGuess | null {
  if (/^(no|nomor|no urut)$/.test(h)) return { role: "no" };
  if (h.startsWith("faktor")) return { role: "faktor" };
  if (/^(csf|critical success factor|critical success factor csf)$/.test(h))
    return { role: "csf", level: true };
  if (/^(csf induk|kondisi induk|induk)$/.test(h)) return { role: "csf" };
  if (/^(outcome|outcome kinerja)$/.test(h)) return { role: "outcome" };
  if (/^(kondisi awal|baseline|data awal|tahun dasar)\b/.test(h)) return { role: "baseline" };
  // "Uraian Kondisi", "Nama Kondisi", "Pernyataan Kondisi": the condition's name, as "Kondisi".
  if (/^(uraian|nama|pernyataan) kondisi$/.test(h)) return { role: "kondisi" };
  if (h.startsWith("kondisi")) {
    if (/\bantara\b/.test(h)) return { role: "kondisi", depth: 2 };
    if (/\boperasional\b/.test(h)) return { role: "kondisi", depth: 3 };
    if (/\bcsf\b/.test(h)) return { role: "kondisi", depth: 1 };
    return { role: "kondisi" };
  }
  const numbered = /^(?:level|tingkat) (\d)$/.exec(h);
  if (numbered) return { role: "kondisi", depth: Number(numbered[1]) };
  if (/^(level|tingkat|tingkatan|jenjang)( kondisi)?$/.test(h)) return { role: "level" };
  if (
    /^(kode induk|kode atasan|atasan|parent|kode parent|parent code|parent id|id induk|induk kode)$/.test(
      h
    )
  )
    return { role: "parent" };
  if (h.startsWith("kode")) return { role: "code" };
  return null;
}

function indicatorRole(h: string): RoleGuess | null {
  if (h.startsWith("indikator") || h === "nama indikator") return { role: "name" };
  if (h.startsWith("definisi") || h === "penjelasan") return { role: "definition" };
  if (h.startsWith("relevansi")) return { role: "relevance" };
  if (h.startsWith("formulasi") || h.startsWith("rumus") || h === "formula")
    return { role: "formula" };
  if (h.startsWith("sumber data") || h === "sumber") return { role: "dataSource" };
  if (h.startsWith("satuan")) return { role: "unit" };
  if (/^(penanggung ?jawab|pj|pic|person in charge|unit kerja|unit pelaksana|pelaksana)\b/.test(h))
    return { role: "responsible" };
  return null;
}

function measureRole(h: string): RoleGuess | null {
  const period = periodOf(h);
  const withPeriod = (role: Role): RoleGuess => (period ? { role, period } : { role });
  if (h.startsWith("target")) return withPeriod("target");
  if (h.startsWith("realisasi")) return withPeriod("actual");
  if (h.startsWith("capaian")) return withPeriod("achievement");
  if (h.startsWith("polaritas") || h === "arah" || h.startsWith("arah "))
    return { role: "polarity" };
  if (h.startsWith("pembilang")) return { role: "numerator" };
  if (h.startsWith("penyebut")) return { role: "denominator" };
  return null;
}

/** The header this row starts, or null when it is not a header row. */
export function recogniseHeader(row: readonly CellValue[] | undefined): Header | null {
  if (!row) return null;
  const cells: HeaderCell[] = [];
  let known = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    const guess = typeof v === "string" ? roleOf(v.trim()) : null;
    if (guess) known++;
    cells.push({ col: c, text: cellText(v ?? null), guess });
  }
  return known < 2 ? null : classify(cells);
}

/**
 * What kind of table header cells with these roles start; null when they make none. The first
 * cell of each role counts; later ones of the same role are kept in `cells` (period columns,
 * a matrix's levels).
 */
export function classify(cells: readonly HeaderCell[]): Header | null {
  const columns: Partial<Record<Role, number>> = {};
  let depth: number | null = null;
  for (const { col, guess } of cells) {
    if (!guess || columns[guess.role] !== undefined) continue;
    columns[guess.role] = col;
    if (guess.depth !== undefined) depth = guess.depth;
  }
  const has = (r: Role): boolean => columns[r] !== undefined;
  // "Kode | CSF | Indikator Kinerja | Target …": a flat table of the CSF level, its CSF column the
  // conditions' names (not a parent's, as in "No | CSF | Kondisi Antara").
  const csfLevel = cells.find((c) => c.guess?.role === "csf" && c.guess.level === true);
  if (!has("kondisi") && has("name") && csfLevel && columns.csf === csfLevel.col) {
    columns.kondisi = csfLevel.col;
    delete columns.csf;
    depth = 1;
  }
  let kind: TableInfo["kind"] | null = null;
  const levels = matrixLevels(cells);
  if (levels.length > 0) kind = "matrix";
  else if (has("name")) {
    if (has("definition") || has("relevance") || has("formula") || has("dataSource"))
      kind = "indicator-text";
    else if (has("target") || has("actual") || has("achievement")) kind = "measure";
    // "Kode | Kondisi | Indikator Kinerja": conditions and their indicators' names alone.
    else if (has("kondisi")) kind = "indicator-text";
  } else if (has("kondisi")) {
    if (has("faktor")) {
      kind = "csf";
      depth = 1;
    } else if (has("csf")) kind = depth === 3 ? "operasional" : "antara";
    else if (has("code") || has("no") || has("parent") || has("level")) kind = "conditions";
  }
  if (!kind) return null;
  // The table spans every non-blank header cell, recognised or not (extra columns are ignored).
  const firstCol = cells[0]?.col ?? 0;
  const lastCol = cells[cells.length - 1]?.col ?? firstCol;
  // depth stays null for "No | CSF | Kondisi": the children sit one level below the parent named.
  return { kind, columns, firstCol, lastCol, depth, cells: [...cells], levels };
}

/**
 * The level columns when the header is a matrix of levels (one column per level, one row per
 * indicator): two condition columns, or two levels with an Indikator or Outcome column, or an
 * Outcome column beside a level. Depths go left to right; a header naming its level is believed
 * when it is deeper than the column before. Empty when the header is no matrix.
 */
function matrixLevels(cells: readonly HeaderCell[]): { col: number; depth: number }[] {
  if (cells.some((c) => c.guess?.role === "faktor")) return [];
  const levelCells = cells.filter(
    (c) => c.guess?.role === "kondisi" || (c.guess?.role === "csf" && c.guess.level === true)
  );
  const conditions = levelCells.filter((c) => c.guess?.role === "kondisi").length;
  const outcome = cells.find((c) => c.guess?.role === "outcome");
  const name = cells.some((c) => c.guess?.role === "name");
  const matrix =
    conditions >= 2 ||
    (levelCells.length >= 2 && (name || outcome !== undefined)) ||
    (outcome !== undefined && levelCells.length >= 1);
  if (!matrix) return [];
  const levels: { col: number; depth: number }[] = [];
  if (outcome) levels.push({ col: outcome.col, depth: 0 });
  let previous = 0;
  for (const c of levelCells) {
    const stated = c.guess?.role === "csf" ? 1 : c.guess?.depth;
    previous = stated !== undefined && stated > previous ? stated : previous + 1;
    levels.push({ col: c.col, depth: previous });
  }
  return levels.sort((a, b) => a.col - b.col);
}

/** Tables listing conditions (CSF tables, "Kode | Kondisi"). */
export function isConditionKind(kind: TableInfo["kind"]): boolean {
  return kind === "csf" || kind === "antara" || kind === "operasional" || kind === "conditions";
}

/** Tables that list conditions, matrices included. */
export function listsConditions(kind: TableInfo["kind"]): boolean {
  return isConditionKind(kind) || kind === "matrix";
}

/** The header has a Target, Realisasi or Capaian column. */
export function hasMeasureColumns(h: Header): boolean {
  const c = h.columns;
  return c.target !== undefined || c.actual !== undefined || c.achievement !== undefined;
}
