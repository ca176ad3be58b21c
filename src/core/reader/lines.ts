/**
 * What a line of a document is: a label of a section ("Penjelasan", "Masalah terkait …", the
 * indicator line), prose, the outcome's label, or a known line that carries no data.
 */
import { normalise } from "./text";

/** The start of a line, normalised: what the label tests read (a paragraph is not normalised whole). */
export function labelKey(text: string): string {
  return normalise(text.slice(0, 80));
}

/** "Penjelasan" alone (also "• Penjelasan", "Penjelasan:"). */
export function isPenjelasan(text: string): boolean {
  if (text.length > 30) return false;
  const n = normalise(text);
  return n === "penjelasan" || (n.startsWith("penjelasan") && n.length <= 20);
}

/** The fixed lines of a section (not headings, not free text). */
export function isLabel(text: string): boolean {
  return isPenjelasan(text) || looksLikeLabel(labelKey(text));
}

/** Label test on the normalised start of a line (labelKey). */
export function looksLikeLabel(n: string): boolean {
  return (
    n === "penjelasan" ||
    (n.startsWith("penjelasan") && n.length <= 20) ||
    n.startsWith("masalah terkait") ||
    isIndicatorLine(n)
  );
}

/** "Terwujudnya kondisi ini dapat tergambar dari indikator …" (normalised). */
export function isIndicatorLine(n: string): boolean {
  return n.startsWith("terwujudnya kondisi ini") || n.startsWith("kondisi ini dapat tergambar");
}

/** Sentences, not names: long, or saying what something "merupakan". */
export function isProse(text: string): boolean {
  return text.length > 200 || /\bmerupakan\b/i.test(text);
}

/** The last character ends a sentence: ".", "!", "?", or also ":" with `colon`. */
export function endsSentence(text: string, colon: boolean): boolean {
  return colon ? /[.!?:]$/.test(text) : /[.!?]$/.test(text);
}

/** A caption's first word (after a number): the lines of the layout, not its paragraphs. */
const CAPTION_START = /^(\d+ )*(critical|csf|uraian|kertas)/;

/**
 * The caption line before the outcome ("Critical Success Factor (CSF) dari Outcome Kinerja"), on
 * the normalised start of a line (labelKey).
 */
export function isOutcomeLabel(n: string): boolean {
  return (
    n.includes("outcome") &&
    (n.includes("critical success factor") || n.startsWith("csf ")) &&
    CAPTION_START.test(n)
  );
}

/** Lines of the document layout that carry no data ("Uraian CSF Ke Kondisi Antara …"). */
export function isKnownLabel(n: string): boolean {
  return n.startsWith("uraian csf") || n.startsWith("kertas kerja pohon kinerja");
}

/** A closing paragraph after a table starts "Dengan …". */
export function startsWithDengan(text: string): boolean {
  return /^dengan\b/i.test(text);
}
