/** Text comparison helpers of the checks: what counts as "the same" name or text. */

/** A trailing code as typed in names: "(CSF 1.2)", "(1.2.1)", "(CSF1.1)". */
const TRAILING_CODE = /\(\s*(?:csf\s*)?\d+(?:\s*\.\s*\d+)*\s*\.?\s*\)\s*$/i;

/** Memo of `words`: the same names and formulas are compared many times in one check. */
const wordsCache = new Map<string, readonly string[]>();
const WORDS_CACHE_MAX = 50_000;

/**
 * Lowercase words only: punctuation becomes space, "&" reads as "dan", "%" as "persentase",
 * runs of spaces collapse. Used for every "same text?" decision. Letters are Latin (with
 * accents): the documents are Indonesian.
 */
export function words(s: string): readonly string[] {
  const hit = wordsCache.get(s);
  if (hit) return hit;
  const out = s
    .toLowerCase()
    .replace(/&/g, " dan ")
    .replace(/%/g, " persentase ")
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((w) => w !== "");
  if (wordsCache.size >= WORDS_CACHE_MAX) wordsCache.clear();
  wordsCache.set(s, out);
  return out;
}

/**
 * A name reduced for comparison: case, spacing and punctuation do not count
 * ("Tata laksana" = "Tatalaksana", "&" = "dan"), nor a trailing code "(CSF 1.2)".
 */
export function nameKey(s: string): string {
  return memo(nameKeyCache, s, () => words(s.replace(TRAILING_CODE, "")).join(""));
}

/** Text reduced for "word for word" comparison: case, spacing and punctuation do not count. */
export function textKey(s: string): string {
  return memo(textKeyCache, s, () => words(s).join(" "));
}

/** Memos of `nameKey` and `textKey`: each name is compared with several others in one check. */
const nameKeyCache = new Map<string, string>();
const textKeyCache = new Map<string, string>();

function memo(cache: Map<string, string>, s: string, make: () => string): string {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const out = make();
  if (cache.size >= WORDS_CACHE_MAX) cache.clear();
  cache.set(s, out);
  return out;
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
  return new Set(words(s).filter((w) => !MINOR.has(w)));
}

/**
 * Similarity of two indicator names, 0..1: shared distinguishing words over the larger set.
 * "% Kebijakan X yang dilaksanakan sesuai ketentuan yang berlaku" vs "Persentase Kebijakan X
 * dilaksanakan sesuai ketentuan" scores 0.875; two different indicators score far lower.
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const w of ta) if (tb.has(w)) shared++;
  return shared / Math.max(ta.size, tb.size);
}

/** Two names at or above this similarity are taken for the same indicator. */
export const SAME_INDICATOR = 0.6;

/**
 * The indicator names a "Terwujudnya kondisi ini dapat tergambar dari indikator (1) … (2) …"
 * line lists. Markers "(1)", "(a)", "1)" separate names; a line without markers names one.
 */
export function namesInIndicatorLine(line: string): string[] {
  const m = /indi[kc]ator/i.exec(line);
  let rest = m ? line.slice(m.index + m[0].length) : line;
  rest = rest.replace(/^\s*:/, "");
  const parts = rest.split(/\(\s*(?:\d{1,2}|[a-z])\s*\)|(?:^|\s)(?:\d{1,2}|[a-z])\)/i);
  return parts.map((p) => p.replace(/^[\s.,;:-]+|[\s.,;:]+$/g, "").trim()).filter((p) => p !== "");
}

/** The first word of a name, lowercased, without leading numbering or punctuation. */
export function firstWord(s: string): string {
  const w = words(s.replace(/^\s*\(?\d+(?:\.\d+)*\.?\)?\s+/, ""));
  return w[0] ?? "";
}
