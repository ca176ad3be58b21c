/** Text comparison helpers of the checks: what counts as "the same" name or text. */
import { isSpace } from "../chars";

/** A trailing code as typed in names: "(CSF 1.2)", "(1.2.1)", "(CSF1.1)". */
const TRAILING_CODE = /\(\s*(?:csf\s*)?\d+(?:\s*\.\s*\d+)*\s*\.?\s*\)\s*$/i;

/**
 * Lowercase words only: punctuation becomes space, "&" reads as "dan", "%" as "persentase",
 * runs of spaces collapse. Used for every "same text?" decision. Letters are Latin (with
 * accents): the documents are Indonesian.
 */
export function words(s: string): readonly string[] {
  return splitWords(s);
}

/** Word characters after lowercasing: a-z, 0-9 and U+00C0–U+024F (Latin letters with accents). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * One pass over the lowercased text (was replace, replace, split, filter: four copies). Cheap
 * enough that no memo is kept: a memo's hashing and inserts cost about as much as the split.
 */
function splitWords(s: string): string[] {
  const lower = s.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
    if (c === 38) out.push("dan");
    else if (c === 37) out.push("persentase");
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

/**
 * Number of words and a 30-bit hash of `textKey(s)`, in one pass without building the key:
 * equal keys give equal hashes, so only texts sharing a hash need their keys compared.
 */
export function textKeyHash(s: string): { words: number; hash: number } {
  // Lowercased first, as `words` does: one native pass that also gives a flat string, which the
  // loop below reads faster than text assembled from pieces.
  return hashWords(s.toLowerCase());
}

/** textKeyHash of lowercased text. */
function hashWords(lower: string): { words: number; hash: number } {
  let hash = FNV_OFFSET;
  let count = 0;
  let inWord = false;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) {
      // A word starts: a space before it in the key, unless it is the first.
      if (!inWord) {
        if (count > 0) hash = Math.imul(hash ^ 32, FNV_PRIME);
        count++;
        inWord = true;
      }
      hash = Math.imul(hash ^ c, FNV_PRIME);
      continue;
    }
    inWord = false;
    if (c !== 38 && c !== 37) continue;
    // "&" and "%" are words of their own ("dan", "persentase").
    if (count > 0) hash = Math.imul(hash ^ 32, FNV_PRIME);
    count++;
    const w = c === 38 ? DAN : PERSENTASE;
    for (let k = 0; k < w.length; k++) hash = Math.imul(hash ^ (w[k] ?? 0), FNV_PRIME);
  }
  // 30 bits: a small integer, the cheapest kind of Map key.
  return { words: count, hash: hash & 0x3fffffff };
}

// As an int32, so the hash never starts as a heap number.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const DAN = Array.from("dan", (ch) => ch.charCodeAt(0));
const PERSENTASE = Array.from("persentase", (ch) => ch.charCodeAt(0));

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
  // "indikator" and "indicator" have 9 letters: search, not exec (no match array).
  const at = line.search(INDIKATOR);
  let rest = at >= 0 ? line.slice(at + 9) : line;
  // /^\s*:/ dropped by a scan.
  let i = 0;
  while (i < rest.length && isSpace(rest.charCodeAt(i))) i++;
  if (rest.charCodeAt(i) === 58) rest = rest.slice(i + 1);
  const names: string[] = [];
  for (const part of rest.split(MARKER)) {
    const name = stripEdges(part);
    if (name !== "") names.push(name);
  }
  return names;
}

/**
 * `part.replace(/^[\s.,;:-]+|[\s.,;:]+$/g, "").trim()` by index: the leading run of spaces and
 * . , ; : - and the trailing run of spaces and . , ; : go (trim then has nothing left to do).
 */
function stripEdges(part: string): string {
  let start = 0;
  let end = part.length;
  while (start < end && (isSpace(part.charCodeAt(start)) || isLeadPunct(part.charCodeAt(start))))
    start++;
  while (
    end > start &&
    (isSpace(part.charCodeAt(end - 1)) || isTrailPunct(part.charCodeAt(end - 1)))
  )
    end--;
  return part.slice(start, end);
}

/** . , ; : - */
function isLeadPunct(c: number): boolean {
  return c === 45 || isTrailPunct(c);
}

/** . , ; : */
function isTrailPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58;
}

// Patterns made once (a literal in a function is a new RegExp object on every call).
const INDIKATOR = /indi[kc]ator/i;
const MARKER = /\(\s*(?:\d{1,2}|[a-z])\s*\)|(?:^|\s)(?:\d{1,2}|[a-z])\)/i;

/** The first word of a name, lowercased, without leading numbering or punctuation. */
export function firstWord(s: string): string {
  // words(…)[0] without splitting the rest of the name. ASCII names not starting with a space,
  // "(" or a digit (LEADING_NUMBER cannot match) are scanned as they are, lowercasing only the word.
  const c0 = s.charCodeAt(0);
  if (c0 <= 32 || c0 === 40 || (c0 >= 48 && c0 <= 57) || c0 > 127) return firstWordOf(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return firstWordOf(s);
    if (isAsciiWordChar(c)) {
      let end = i + 1;
      while (end < s.length && isAsciiWordChar(s.charCodeAt(end))) end++;
      // A letter with an accent right after may belong to the word: the full scan decides.
      if (end < s.length && s.charCodeAt(end) > 127) return firstWordOf(s);
      return s.slice(i, end).toLowerCase();
    }
    if (c === 38) return "dan";
    if (c === 37) return "persentase";
  }
  return "";
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** firstWord on any text: the leading number dropped, then the whole text lowercased. */
function firstWordOf(s: string): string {
  const lower = s.replace(LEADING_NUMBER, "").toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) {
      let end = i + 1;
      while (end < lower.length && isWordChar(lower.charCodeAt(end))) end++;
      return lower.slice(i, end);
    }
    if (c === 38) return "dan";
    if (c === 37) return "persentase";
  }
  return "";
}

const LEADING_NUMBER = /^\s*\(?\d+(?:\.\d+)*\.?\)?\s+/;
