/**
 * Where in a cell's text a condition's code and name are written. The reader records which cells
 * mention a condition (`ConditionNode.mentions`) with the code and name it read there; a fix needs
 * the characters to replace, so each line is taken apart the way the reader takes it apart (with
 * its own splitting helpers) and the parts are found again by position.
 */
import type { Mention } from "../model";
import { normaliseCode, splitLeadingCode, splitTrailingCode } from "../reader/text";
import type { TextSplice } from "./types";

/** Characters [from, to) of a text. */
export interface Span {
  from: number;
  to: number;
}

/** One line of a cell as the reader would read it. */
export interface LineParts {
  /** The name without its codes, trimmed ("" for a cell holding only a code). */
  name: string;
  nameSpan: Span | null;
  /** Codes written on the line (normalised) and where their digits are. */
  codes: { code: string; span: Span }[];
}

const LINE_BREAK = /\r\n|\r|\n/g;
/** The digits of a code as typed: "1.2.3", "1 . 2". */
const DIGITS = /\d+(?:\s*\.\s*\d+)*/;

/** The lines of a text with their offsets (blank lines included). */
export function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    const at = m.index ?? 0;
    out.push({ from, to: at });
    from = at + m[0].length;
  }
  out.push({ from, to: text.length });
  return out;
}

/** The span of the first code digits in `text` at or after `from`. */
function digitsAt(text: string, from: number): Span | null {
  const m = DIGITS.exec(text.slice(from));
  return m ? { from: from + m.index, to: from + m.index + m[0].length } : null;
}

/**
 * A line taken apart: a whole-cell code ("CSF 1.2", "1.1."), a leading code ("1.1.1. Name", for
 * section headings only, as the reader reads them) and a trailing code ("Name (CSF 1.2)").
 */
export function lineParts(line: string, leading: boolean): LineParts {
  const whole = normaliseCode(line);
  if (whole !== null) {
    const span = digitsAt(line, 0);
    return { name: "", nameSpan: null, codes: span ? [{ code: whole, span }] : [] };
  }
  const codes: LineParts["codes"] = [];
  let rest = 0;
  const lead = leading ? splitLeadingCode(line) : null;
  if (lead) {
    // Typed as plain digits and dots (the reader's leading pattern): found as written.
    const at = line.indexOf(lead.code);
    codes.push({ code: lead.code, span: { from: at, to: at + lead.code.length } });
    rest = at + lead.code.length;
  }
  const trailing = splitTrailingCode(lead ? lead.name : line);
  if (trailing.code !== null) {
    const span = digitsAt(line, line.lastIndexOf("("));
    if (span) codes.push({ code: trailing.code, span });
  }
  const name = trailing.name;
  const at = name === "" ? -1 : line.indexOf(name, rest);
  return { name, nameSpan: at < 0 ? null : { from: at, to: at + name.length }, codes };
}

/** Every line of `text` taken apart, with spans relative to the whole text. */
function partsOf(text: string, kind: Mention["kind"]): LineParts[] {
  const leading = kind === "section-heading";
  // The reader reads a table's cell line by line, a heading or a Kode cell whole.
  const lines = kind === "csf-table" ? lineSpans(text) : [{ from: 0, to: text.length }];
  return lines.map((l) => {
    const p = lineParts(text.slice(l.from, l.to), leading);
    const shift = (s: Span): Span => ({ from: s.from + l.from, to: s.to + l.from });
    return {
      name: p.name,
      nameSpan: p.nameSpan && shift(p.nameSpan),
      codes: p.codes.map((c) => ({ code: c.code, span: shift(c.span) })),
    };
  });
}

/**
 * The splices that write `newCode` wherever the mention's code is in `text`: the digits only, so
 * "(CSF 1.2)" stays "(CSF …)" and "1.1.1." keeps its dot. Lines naming another condition are
 * left alone (a table cell often lists several).
 */
export function codeSplices(text: string, mention: Mention, newCode: string): TextSplice[] {
  if (mention.code === null) return [];
  const out: TextSplice[] = [];
  for (const p of partsOf(text, mention.kind)) {
    if (mention.name !== "" && p.name !== "" && p.name !== mention.name) continue;
    for (const c of p.codes)
      if (c.code === mention.code && c.code !== newCode)
        out.push({ from: c.span.from, to: c.span.to, text: newCode });
  }
  return out;
}

/** The splices that write `newName` in place of the mention's name in `text`. */
export function nameSplices(text: string, mention: Mention, newName: string): TextSplice[] {
  if (mention.name === "" || mention.name === newName) return [];
  const out: TextSplice[] = [];
  for (const p of partsOf(text, mention.kind)) {
    if (p.name !== mention.name || p.nameSpan === null) continue;
    if (
      mention.code !== null &&
      p.codes.length > 0 &&
      !p.codes.some((c) => c.code === mention.code)
    )
      continue;
    out.push({ from: p.nameSpan.from, to: p.nameSpan.to, text: newName });
  }
  return out;
}

/** `text` with non-overlapping splices applied. */
export function applySplices(text: string, splices: readonly TextSplice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.from - a.from))
    out = `${out.slice(0, s.from)}${s.text}${out.slice(s.to)}`;
  return out;
}

/** True when two splice lists touch no character in common. */
export function splicesOverlap(a: readonly TextSplice[], b: readonly TextSplice[]): boolean {
  return a.some((x) => b.some((y) => x.from < y.to && y.from < x.to));
}
