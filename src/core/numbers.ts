/** Numbers as people type them in Indonesia. */
import type { CellValue } from "./grid";

export interface ParsedNumber {
  value: number | null;
  /** False when the cell holds text that is not a number ("-", "belum ada data"). Blank is readable. */
  readable: boolean;
  /** A unit typed with the number ("5 Dokumen" → "Dokumen", "12 %" → "%"), or null. */
  unit: string | null;
}

const UNREADABLE: ParsedNumber = { value: null, readable: false, unit: null };

/** Digits with separators, then an optional unit (percent sign or words). */
const NUMBER_WITH_UNIT = /^([+-]?)\s*(\d[\d.,]*)\s*(.*)$/;
/** A unit: a percent sign or a few words ("Dokumen", "kali", "orang/hari"). */
const UNIT = /^(%|[\p{L}][\p{L}\s./%²³-]{0,39})$/u;

/**
 * Read "85,5", "1.250", "12 %", "16,5%", "5 Dokumen", "Rp 1.500.000" and real numbers.
 * Indonesian typing: the comma is the decimal mark; a dot followed by exactly three digits
 * is a thousands separator ("1.250" = 1250) while "12.5" stays 12.5.
 * Text that is not a number ("-", "belum ada data", "n/a") gives value null, readable false.
 */
export function parseNumber(v: CellValue): ParsedNumber {
  if (v === null) return { value: null, readable: true, unit: null };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { value: v, readable: true, unit: null } : UNREADABLE;
  }
  if (typeof v === "boolean") return UNREADABLE;
  let text = v.replace(/\u00a0/g, " ").trim();
  if (text === "") return { value: null, readable: true, unit: null };
  let prefixUnit: string | null = null;
  const rp = /^(rp\.?)\s*(.*)$/i.exec(text);
  if (rp) {
    prefixUnit = "Rp";
    text = rp[2] ?? "";
  }
  const m = NUMBER_WITH_UNIT.exec(text.replace(/\u2212/g, "-"));
  if (!m) return UNREADABLE;
  const sign = m[1] === "-" ? -1 : 1;
  const value = readDigits(m[2] ?? "");
  if (value === null) return UNREADABLE;
  const rest = (m[3] ?? "").trim();
  let unit: string | null = prefixUnit;
  if (rest !== "") {
    if (prefixUnit || !UNIT.test(rest)) return UNREADABLE;
    unit = rest.replace(/\s+/g, " ");
  }
  return { value: sign * value, readable: true, unit };
}

/** Digits with "." and "," in either role; null when the grouping makes no sense. */
function readDigits(s: string): number | null {
  const trimmed = s.replace(/[.,]$/, "");
  const dots = count(trimmed, ".");
  const commas = count(trimmed, ",");
  let normalised: string;
  if (dots > 0 && commas > 0) {
    // The later mark is the decimal one: "1.250,5" or "1,250.5".
    const decimal = trimmed.lastIndexOf(",") > trimmed.lastIndexOf(".") ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    const [intPart, frac, extra] = trimmed.split(decimal);
    if (extra !== undefined || intPart === undefined || !validGroups(intPart, thousands))
      return null;
    normalised = `${intPart.split(thousands).join("")}.${frac ?? ""}`;
  } else if (commas > 1) {
    if (!validGroups(trimmed, ",")) return null;
    normalised = trimmed.split(",").join("");
  } else if (commas === 1) {
    normalised = trimmed.replace(",", ".");
  } else if (dots > 1) {
    if (!validGroups(trimmed, ".")) return null;
    normalised = trimmed.split(".").join("");
  } else if (dots === 1) {
    const [intPart = "", frac = ""] = trimmed.split(".");
    const thousands = frac.length === 3 && intPart.length <= 3 && !/^0+$/.test(intPart);
    normalised = thousands ? intPart + frac : trimmed;
  } else {
    normalised = trimmed;
  }
  if (!/^\d+(\.\d*)?$/.test(normalised)) return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** "1.250.000": a first group of 1–3 digits, then groups of exactly 3. */
function validGroups(s: string, sep: string): boolean {
  const groups = s.split(sep);
  return groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));
}

/**
 * True when an Excel number format shows the number as a percent ("0%", "0.00 %"): a "%" outside
 * quotes and not escaped, in the format's first section. Excel then shows 0.85 as 85%.
 */
export function isPercentFormat(format: string | null): boolean {
  if (format === null) return false;
  const first = format.split(";")[0] ?? "";
  const bare = first.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return bare.includes("%");
}

/** A number as a percent format shows it: 0.85 → 85 (rounded to 12 significant digits). */
export function asShownPercent(value: number): number {
  return Number((value * 100).toPrecision(12));
}
