/** Text helpers of the reader: normalising headers and names, codes, name similarity. */

/**
 * Lower case, punctuation and line breaks turned into single spaces:
 * "Definisi/ Penjelasan" and "Definisi/Penjelasan" both give "definisi penjelasan".
 */
export function normalise(text: string): string {
  // A hand-written pass for plain ASCII (most text); the Unicode pattern is several times slower
  // (core10kMs: about 55 ms of 450). Words separated by exactly one space are copied as one slice (a typed name is mostly that),
  // so a key is built from a few slices rather than one per word.
  const lower = text.toLowerCase();
  const n = lower.length;
  let out = "";
  let runStart = -1;
  let runEnd = -1;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c > 127) return normaliseUnicode(text);
    if (!isAsciiWordChar(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAsciiWordChar(lower.charCodeAt(j))) j++;
    // The word [i, j) continues the run when one space alone stands between them.
    if (runStart >= 0 && runEnd + 1 === i && lower.charCodeAt(runEnd) === 32) runEnd = j;
    else {
      if (runStart >= 0) out = joinWords(out, lower.slice(runStart, runEnd));
      runStart = i;
      runEnd = j;
    }
    i = j;
  }
  return runStart >= 0 ? joinWords(out, lower.slice(runStart, runEnd)) : out;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function joinWords(a: string, b: string): string {
  return a === "" ? b : `${a} ${b}`;
}

function normaliseUnicode(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A header as a key: normalised, with a trailing "(%)" dropped by the punctuation rule. */
export const headerKey = normalise;

// Patterns made once (a literal in a function is a new RegExp object on every call).
/** A Kode cell's level prefix ("CSF-1", "KA 1.1", "KO-1.1.1", "I.1"): letters, then "-", "." or space. */
const CODE = /^\s*(?:\p{L}{1,4}\s*[-.:]?\s*)?(\d+(?:\s*\.\s*\d+)*)\s*\.?\s*$/iu;
const SPACES = /\s+/g;
/** Level prefixes a code may carry inside a name: "(CSF 1.1)", "KA-1.1 Name", "(KO 1.1.1)". */
const TRAILING_CODE =
  /^(.*?)\s*\(\s*((?:(?:csf|ka|ko)\s*-?\s*)?\d+(?:\s*\.\s*\d+)*\s*\.?)\s*\)\s*\.?\s*$/i;
const LEADING_CODE = /^\s*(?:(?:csf|ka|ko)\s*-?\s*)?(\d+(?:\.\d+)*)\.?\s+(\S[\s\S]*)$/i;

/**
 * "CSF 1" → "1", "1.1." → "1.1", "CSF1.1" → "1.1", "KA-1.1" → "1.1", "I.1" → "1": codes are
 * compared without their level prefix; null when it is not a code.
 */
export function normaliseCode(text: string): string | null {
  const m = CODE.exec(text);
  return m ? (m[1] ?? "").replace(SPACES, "") : null;
}

/** A name with its code at the end: "Meningkatnya … (CSF 1.1)" → name and "1.1". */
export function splitTrailingCode(text: string): { name: string; code: string | null } {
  const m = TRAILING_CODE.exec(text);
  if (m) {
    const code = normaliseCode(m[2] ?? "");
    if (code) return { name: (m[1] ?? "").trim(), code };
  }
  return { name: text.trim(), code: null };
}

/** A leading code: "1.1.1. Name", "1.8 Name", "CSF 1 Name", "KA-1.1 Name" → code and name; null when none. */
export function splitLeadingCode(text: string): { code: string; name: string } | null {
  const m = LEADING_CODE.exec(text);
  if (!m) return null;
  return { code: m[1] ?? "", name: (m[2] ?? "").trim() };
}

/** Parent code by dropping the last segment ("1.2.3" → "1.2"); null for a single segment. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

/** Number of segments of a code ("1.2.3" → 3). */
export function codeDepth(code: string): number {
  return code.split(".").length;
}

const STOP = new Set(["dan", "yang", "di", "pada", "dari", "ke", "serta", "untuk", "dalam", "&"]);

/** Distinct significant words of a name. */
export function words(text: string): string[] {
  return [...new Set(normalise(text).split(" "))].filter((w) => w !== "" && !STOP.has(w));
}

/**
 * Similarity of two names in [0, 1]: the mean of the Dice coefficient and the containment
 * (shared words over the shorter name), so that a heading shortened from the table's name
 * ("… Pemerintahan" vs "… Pemerintahan Sekretariat Daerah") still matches well.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const w of b) if (set.has(w)) shared++;
  const dice = (2 * shared) / (a.length + b.length);
  const containment = shared / Math.min(a.length, b.length);
  return (dice + containment) / 2;
}

/** Lines of a cell, blank ones dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}
