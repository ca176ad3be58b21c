/** Fixes as data: what a fix writes, cell by cell, and what it repairs. */
import type { CellValue } from "../grid";
import type { Finding, RuleId } from "../findings";

/** Part of a text replaced: characters [from, to) of the cell's text as read become `text`. */
export interface TextSplice {
  from: number;
  to: number;
  text: string;
}

/** One cell a fix writes. */
export interface CellEdit {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  /** The value as read; a host refuses the fix when the cell holds anything else by then. */
  before: CellValue;
  after: CellValue;
  /**
   * When the fix changes only part of a text (one code in a cell listing several conditions):
   * the changes within `before`, so that fixes touching other parts of the same cell can be
   * applied together. `after` is `before` with these applied.
   */
  splices?: TextSplice[];
  /** Excel number format written with the value (a number that was typed as text). */
  numberFormat?: string;
  /** The cell's number format as read, when `numberFormat` changes it ("General" when null). */
  numberFormatBefore?: string | null;
}

/** A fix where the user picks what is written (a name, a polarity); `chosen` was used for `edits`. */
export interface FixChoice {
  /** What the user picks ("Tulis di semua tempat:"), in the language asked for. */
  question: string;
  options: string[];
  chosen: number;
}

/** One repair: the findings it makes go away, the cells it writes, and a one-line description. */
export interface Fix {
  /** Stable across checks of the same workbook: "rule|cell|code" of its first finding. */
  id: string;
  /** The rule of the findings it repairs (a renumbering may repair findings of two rules). */
  rule: RuleId;
  findings: Finding[];
  /** The cell the fix is about (its first finding's). */
  cell: string | null;
  code: string | null;
  edits: CellEdit[];
  /** "Kode 2.1 → 1.2.1 di 3 tempat", in the language asked for. */
  description: string;
  /** The values the description was made from, with `messageKey`, to render it again. */
  params: Record<string, string | number>;
  /** Present when the user picks what is written; absent for fixes with one right answer. */
  choice?: FixChoice;
}

/**
 * What the pane keeps of the last fixes applied, in the workbook's document settings, so that
 * "Batalkan" can put the values back (Excel's own undo does not cover changes made by add-ins).
 */
export interface FixRecord {
  edits: CellEdit[];
  /** The fixes' descriptions, to say what would be undone. */
  descriptions: string[];
}

/** The rules that have fixes. */
export const FIXABLE_RULES: readonly RuleId[] = [
  "code-parent-mismatch",
  "duplicate-code",
  "name-mismatch",
  "invalid-number",
  "narrative-mismatch",
  "polarity-assumed",
];
