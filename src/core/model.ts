/**
 * The CSF model: what the reader makes of a workbook, and what every other part works on.
 * Every piece keeps the sheet and cell it came from.
 */
import type { CellValue } from "./grid";
import type { Finding } from "./findings";

/** Whether a higher or a lower realisasi is better. */
export type Polarity = "higher" | "lower";

/** Level in the CSF cascade. depth 1 = csf (code "1"), then antara, then operasional. */
export type Level = "csf" | "antara" | "operasional";

/** A 0-based cell position on a named sheet. */
export interface SourceRef {
  sheet: string;
  row: number;
  col: number;
}

/** A number cell as typed: the raw value, what it reads as, and where it is. */
export interface NumberCell extends SourceRef {
  raw: CellValue;
  /** The number it reads as ("85,5" → 85.5); null when blank or unreadable. */
  value: number | null;
  /** False when the cell holds something that is not a number ("-", "belum ada data"). Blank cells are readable (value null). */
  readable: boolean;
  /** The cell's formula ("=...") when it holds one. */
  formula: string | null;
  /**
   * True when the cell's number format shows it as a percent ("0%"): `value` is then the number
   * as shown (0.85 → 85), and a display shows it as "85 %".
   */
  percent?: boolean;
}

/**
 * The row of a table with Target/Realisasi columns where an indicator is measured:
 * where the fill writes its capaian. Column indexes are 0-based sheet columns.
 */
export interface MeasureRow {
  sheet: string;
  row: number;
  headerRow: number;
  /** Last column of the table (0-based), for adding a Capaian column at its right edge. */
  lastCol: number;
  columns: {
    code?: number;
    name?: number;
    unit?: number;
    target?: number;
    actual?: number;
    achievement?: number;
    polarity?: number;
    numerator?: number;
    denominator?: number;
  };
}

/** One place a condition's code or name appears (table cell, section heading, Kode column). */
export interface Mention {
  /** The name as written there (without the code). */
  name: string;
  /** The code as written there, normalised ("CSF 1.1" → "1.1"), or null. */
  code: string | null;
  kind: "csf-table" | "section-heading" | "indicator-table" | "measure-table" | "kode-column";
  cell: string;
}

/** An indicator (indikator kinerja) of a condition. */
export interface Indicator {
  name: string;
  definition: string | null;
  relevance: string | null;
  formula: string | null;
  dataSource: string | null;
  unit: string | null;
  target: number | null;
  actual: number | null;
  /** Capaian (%), computed by the percentage step, rounded to 2 decimals; null when not computable. */
  achievement: number | null;
  numerator: number | null;
  denominator: number | null;
  polarity: Polarity;
  /** True when no Polaritas/Arah column said so and higher-is-better was assumed. */
  polarityAssumed: boolean;
  /** "'Sheet'!C12": the indicator's name cell where it was first read. */
  cell: string;
  /** The code of the condition it belongs to (as the workbook gives it), or null. */
  conditionCode: string | null;
  /** Row of the five-column text table, when read from one. */
  textSource: SourceRef | null;
  /**
   * Cells of the indicator's texts (name, definition, relevance, formula, dataSource, and the
   * responsible unit), for round trips, findings and the tree's live links.
   */
  textCells: Partial<
    Record<
      "name" | "definition" | "relevance" | "formula" | "dataSource" | "responsible",
      SourceRef
    >
  >;
  /** Row of the Target/Realisasi table, when there is one. */
  measure: MeasureRow | null;
  /** Penanggung Jawab / PIC / Unit Kerja / Pelaksana of the row, when the table has one. */
  responsible?: string | null;
  /** The number cells as typed (only those present in the workbook). */
  values: Partial<
    Record<"target" | "actual" | "achievement" | "numerator" | "denominator", NumberCell>
  >;
}

/** A condition (CSF, kondisi antara, kondisi operasional). */
export interface ConditionNode {
  /** Unique within the model even when codes repeat (e.g. "1.4.6", "1.4.6#2", or "n17" when there is no code). */
  id: string;
  /** Code as the workbook gives it, normalised ("CSF 1" → "1", "1.1." → "1.1"); null when none. */
  code: string | null;
  /**
   * True when the workbook gives no code and the reader gave one from the condition's place
   * (1, 1.1, 1.1.1 … in a table of level columns); absent or false when typed.
   */
  codeGiven?: boolean;
  name: string;
  depth: number;
  level: Level;
  /** Code of the condition it is listed under; null for the CSF level under the outcome. */
  parent: string | null;
  /** id of the parent node, null for top level or when the parent could not be found. */
  parentId: string | null;
  /** Where it was first listed. */
  cell: string;
  source: SourceRef;
  /** "Faktor Penyebab" of a CSF (Table 1), when given; absent or null otherwise. */
  cause?: string | null;
  /** Narrative from its section (null when absent). */
  explanation: string | null;
  problems: string | null;
  /** The "Terwujudnya kondisi ini dapat tergambar dari indikator …" line. */
  indicatorLine: string | null;
  /** The closing paragraph on the condition's effect. */
  impact: string | null;
  /** The section heading cell, when a section was found. */
  sectionCell: string | null;
  mentions: Mention[];
  indicators: Indicator[];
  /** The responsible unit when all its indicator rows name the same one; absent or null otherwise. */
  responsible?: string | null;
}

/** An indicator row the reader could not attach to any condition. */
export interface OrphanIndicator {
  indicator: Indicator;
  /** The code it refers to, when it names one. */
  refersTo: string | null;
}

/** A condition level a mapping can name (1 CSF, 2 antara, 3 operasional, deeper trees below). */
export type MappedDepth = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * What a column holds, as the user names it in a column mapping (see reader/mapping.ts). Each
 * role is one thing the reader can recognise in a header, so a mapping written from what the
 * reader saw reads the table exactly as before.
 */
export type MappingRole =
  | "ignore"
  | "no"
  | "faktor"
  | "outcome"
  /** The CSF column: level 1 of a matrix, or the parent CSF beside "Kondisi (Antara)". */
  | "csf"
  /** The parent condition's name ("Kondisi Induk"). */
  | "parentName"
  /** A condition's name, its level from a code, parent or Level column. */
  | "condition"
  /** A condition column at a stated level (a matrix's level columns, "Kondisi Antara"). */
  | `condition${MappedDepth}`
  | "code"
  | "parent"
  | "level"
  | "indicator"
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
  | "baseline";

/** One column of a mapping: its letter, the header text it was made for, its role. */
export interface MappedColumn {
  column: string;
  header: string;
  role: MappingRole;
}

/** A table's column mapping: the sheet, the header row as Excel numbers it (1-based), its columns. */
export interface ColumnMapping {
  sheet: string;
  headerRow: number;
  columns: MappedColumn[];
}

/**
 * A table the reader could not place: headers it does not know, or rows whose conditions it
 * could not link. The columns carry the reader's best guess of each role, for the user to map.
 */
export interface UnplacedTable {
  sheet: string;
  /** 0-based, as in TableInfo. */
  headerRow: number;
  firstCol: number;
  lastCol: number;
  lastRow: number;
  reason: "unknown-header" | "not-linked";
  columns: MappedColumn[];
}

/** A table the reader recognised. */
export interface TableInfo {
  sheet: string;
  headerRow: number;
  firstCol: number;
  lastCol: number;
  lastRow: number;
  kind:
    | "csf"
    | "antara"
    | "operasional"
    | "indicator-text"
    | "measure"
    | "conditions"
    /** One column per level, one row per indicator. */
    | "matrix";
  /** The role the reader gave each header cell (what `pokin periksa --tulis-peta` prints). */
  columns?: MappedColumn[];
  /** True when a column mapping said the roles. */
  mapped?: boolean;
}

/** Everything read from a workbook. */
export interface CsfModel {
  file: string | null;
  outcome: string | null;
  outcomeCell: string | null;
  /** Organisation name when the title block gives one ("SEKRETARIAT DAERAH KABUPATEN LUWU TIMUR"). */
  organisation: string | null;
  /** Conditions in reading order: tables first, then nodes found only in sections. */
  nodes: ConditionNode[];
  orphans: OrphanIndicator[];
  tables: TableInfo[];
  /** Sheets the reader took data from. */
  sheetsRead: string[];
  /** What the reader itself found: skipped content, unreadable numbers it had to keep as typed. */
  findings: Finding[];
  /** Tables the reader could not place, for the user to map (absent when none). */
  unplaced?: UnplacedTable[];
}

/** All indicators of the model, attached ones in node order. */
export function allIndicators(model: CsfModel): Indicator[] {
  const out: Indicator[] = [];
  for (const n of model.nodes) out.push(...n.indicators);
  return out;
}
