/**
 * The tree's texts and numbers as live formulas on their source cells, each with the value it
 * shows today (written as the formula's cached result, so a viewer that does not recalculate
 * shows the text too, and measured for the box's height).
 */
import { a1, quoteSheet } from "../address";
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import type { SourceRef } from "../model";
import { EXCEL_LIMITS } from "../plan";

/** What a cell of the tree shows: a formula and its result today, or a value written as it is. */
export interface Shown {
  formula?: string;
  /** The formula's result today (its cached value), or the value itself. */
  value: CellValue;
}

/** A text shown in a box: the cell content and the text it shows (for the row height). */
export interface LinkedText extends Shown {
  text: string;
}

/** Source references and sheets of one workbook, each made once (a big tree asks thousands of times). */
export class Sources {
  private readonly byName = new Map<string, SheetGrid>();
  private readonly quoted = new Map<string, string>();

  constructor(wb: WorkbookGrids) {
    // The first sheet of a name wins, as `find` would give it.
    for (const s of wb.sheets) if (!this.byName.has(s.name)) this.byName.set(s.name, s);
  }

  /** "'Sheet'!A1". */
  ref(s: SourceRef): string {
    let q = this.quoted.get(s.sheet);
    if (q === undefined) {
      q = `${quoteSheet(s.sheet)}!`;
      this.quoted.set(s.sheet, q);
    }
    return q + a1(s.row, s.col);
  }

  /** The value in a source cell; undefined when the sheet or the cell does not exist. */
  raw(s: SourceRef): CellValue | undefined {
    return this.byName.get(s.sheet)?.values[s.row]?.[s.col] ?? undefined;
  }
}

/** A formula string literal: "IK: " → `"IK: "`. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Excel's TRIM: no spaces at the ends and single spaces inside (spaces only, not other blanks). */
function excelTrim(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** A code typed at the end of a name, with the spaces before it: " (CSF 1.1)", " (1.1.1)." */
const TRAILING_CODE = /\s*\(\s*(?:csf\s*)?\d+(?:\s*\.\s*\d+)*\s*\.?\s*\)\s*\.?\s*$/i;
/** A code typed at the start of a name, with the spaces after it: "1.1. ", "CSF 1 ". */
const LEADING_CODE = /^\s*(?:csf\s*)?\d+(?:\.\d+)*\.?\s+(?=\S)/i;

/** The code typed before or after a name, as it is typed there ("" when there is none). */
export function typedCode(text: string): string {
  return TRAILING_CODE.exec(text)?.[0] ?? LEADING_CODE.exec(text)?.[0] ?? "";
}

/**
 * What `expected` shows as, live from `src`, `prefix` before it. A cell holding one line is
 * referred to directly (guarded so an empty source shows ""). A cell that lists several
 * conditions, one per line, would show them all: there the formula takes the line by position
 * with the portable SUBSTITUTE/MID idiom (Excel 2007+, LibreOffice), when exactly one line holds
 * `expected` and no line is too long for it; otherwise the text is written as it is (not live).
 * With `dropCode`, a code typed before or after the name is left out: the box shows its code in
 * its header already.
 */
export function linkedText(
  sources: Sources,
  src: SourceRef | null,
  expected: string,
  prefix = "",
  dropCode = false
): LinkedText {
  const asIs = (): LinkedText => ({ value: prefix + expected, text: prefix + expected });
  const raw = src ? sources.raw(src) : undefined;
  if (!src || raw === undefined || raw === null) return asIs();
  const ref = sources.ref(src);
  // Most cells hold one line: no trimmed copy is made to find that out.
  if (typeof raw !== "string" || raw.indexOf("\n") < 0 || !raw.trim().includes("\n")) {
    const text = String(raw);
    // "IK: "&ref would pass Excel's 32,767-character cell limit (and show #VALUE!): write the text.
    if (prefix && text.length + prefix.length > EXCEL_LIMITS.cellChars) return asIs();
    const code = dropCode ? typedCode(text) : "";
    if (code !== "") return withoutCode(ref, text, code, prefix);
    // ref&"" is "" for a blank cell and the cell's text otherwise (a number as text). With a
    // prefix, a blank cell shows "" rather than the prefix alone.
    const formula = prefix ? `=IF(ISBLANK(${ref}),"",${literal(prefix)}&${ref})` : `=${ref}&""`;
    return { formula: formula, value: prefix + text, text: prefix + text };
  }
  if (raw.includes("\r")) return asIs();
  const lines = raw.split("\n");
  const want = norm(expected);
  const hits = lines.map((l, i) => (want && norm(l).includes(want) ? i : -1)).filter((i) => i >= 0);
  const k = hits[0];
  if (hits.length !== 1 || k === undefined || lines.some((l) => l.length >= 999)) return asIs();
  const pick = `TRIM(MID(SUBSTITUTE(${ref},CHAR(10),REPT(" ",999)),${k * 999 + 1},999))`;
  const line = excelTrim(lines[k] ?? "");
  const code = dropCode ? typedCode(line) : "";
  if (code !== "") return withoutCode(pick, line, code, prefix);
  const formula = `=${prefix ? `${literal(prefix)}&` : ""}${pick}`;
  return { formula: formula, value: prefix + line, text: prefix + line };
}

/** The text of `expr` (which shows `text`) without the typed `code`, as TRIM(SUBSTITUTE(…)). */
function withoutCode(expr: string, text: string, code: string, prefix: string): LinkedText {
  const shown = prefix + excelTrim(text.split(code).join(""));
  const body = `TRIM(SUBSTITUTE(${expr},${literal(code)},""))`;
  return {
    formula: `=${prefix ? `${literal(prefix)}&` : ""}${body}`,
    value: shown,
    text: shown,
  };
}

const norm = (s: string): string => s.replace(/\s+/g, " ").trim().toLowerCase();
