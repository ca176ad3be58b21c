/** Text comparison helpers of the checks: what counts as "the same" name or text. */

/** A trailing code as typed in names: "(CSF 1.2)", "(1.2.1)", "(CSF1.1)". */
const TRAILING_CODE = /\(\s*(?:csf\s*)?\d+(?:\s*\.\s*\d+)*\s*\.?\s*\)\s*$/i;

/**
 * Lowercase words only: punctuation becomes space, "&" reads as "dan", "%" as "persentase",
 * runs of spaces collapse. Used for every "same text?" decision. Letters are Latin (with
 * accents): the documents are Indonesian.
 */
export function words(s: string): readonly string[] {
  return s
    .toLowerCase()
    .replace(/&/g, " dan ")
    .replace(/%/g, " persentase ")
    .split(NOT_WORD)
    .filter((w) => w !== "");
}

/** Anything but a-z, 0-9 and U+00C0–U+024F (Latin letters with accents), after lowercasing. */
const NOT_WORD = /[^a-z0-9\u00c0-\u024f]+/;

/**
 * A name reduced for comparison: case, spacing and punctuation do not count
 * ("Tata laksana" = "Tatalaksana", "&" = "dan"), nor a trailing code "(CSF 1.2)".
 */
export function nameKey(s: string): string {
  return words(s.replace(TRAILING_CODE, "")).join("");
}

/** Text reduced for "word for word" comparison: case, spacing and punctuation do not count. */
export function textKey(s: string): string {
  return words(s).join(" ");
}

/** Words that do not distinguish one indicator name from another. */
const MINOR = new Set([
  "yang",
  "dan",
  "di",
  "ke",
  "dari",
  "pada",
  "dalam",
  "untuk",
  "oleh",
  "serta",
  "atau",
  "the",
]);

/** Distinguishing words of an indicator name. */
export function nameTokens(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(s)) if (!MINOR.has(w)) out.add(w);
  return out;
}

/**
 * Similarity of two indicator names, 0..1: shared distinguishing words over the larger set.
 * "% Kebijakan X yang dilaksanakan sesuai ketentuan yang berlaku" vs "Persentase Kebijakan X
 * dilaksanakan sesuai ketentuan" scores 0.875; two different indicators score far lower.
 */
export function nameSimilarity(a: string, b: string): number {
  return tokenSimilarity(nameTokens(a), nameTokens(b));
}

/** `nameSimilarity` on tokens already made (a rule comparing each name with several others). */
export function tokenSimilarity(ta: ReadonlySet<string>, tb: ReadonlySet<string>): number {
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const w of ta) if (tb.has(w)) shared++;
  return shared / Math.max(ta.size, tb.size);
}

/**
 * True when a name surely has a distinguishing word (a run of six letters or digits is longer
 * than every MINOR word), so its tokens are not empty.
 */
export function hasLongWord(s: string): boolean {
  return LONG_WORD.test(s);
}

const LONG_WORD = /[a-z0-9]{6}/i;

/** Two names at or above this similarity are taken for the same indicator. */
export const SAME_INDICATOR = 0.6;

/**
 * The indicator names a "Terwujudnya kondisi ini dapat tergambar dari indikator (1) … (2) …"
 * line lists. Markers "(1)", "(a)", "1)" separate names; a line without markers names one.
 */
export function namesInIndicatorLine(line: string): string[] {
  const at = line.search(INDIKATOR);
  const rest = (at >= 0 ? line.slice(at + "indikator".length) : line).replace(/^\s*:/, "");
  return rest
    .split(MARKER)
    .map((part) => part.replace(/^[\s.,;:-]+|[\s.,;:]+$/g, ""))
    .filter((name) => name !== "");
}

const INDIKATOR = /indi[kc]ator/i;
const MARKER = /\(\s*(?:\d{1,2}|[a-z])\s*\)|(?:^|\s)(?:\d{1,2}|[a-z])\)/i;

/** The first word of a name, lowercased, without leading numbering or punctuation. */
export function firstWord(s: string): string {
  return words(s.replace(LEADING_NUMBER, ""))[0] ?? "";
}

const LEADING_NUMBER = /^\s*\(?\d+(?:\.\d+)*\.?\)?\s+/;
