/**
 * Capaian: the one place for the rule, the polarity words and the Excel formula text.
 *
 * The check (`applyCapaian`), the fill's formulas and the tree's formulas all come from here, so
 * the number a user sees in the sheet is the number `periksa --json` gives:
 * - the rule: higher is better R/T × 100, lower is better (2T − R)/T × 100, written as
 *   200 − R/T × 100 in the check and in Excel alike so both make the same floating-point steps;
 *   no capaian when the target is 0 or missing or the realisasi is missing (never 0%, #DIV/0!);
 * - the words of a Polaritas cell (the reader and the live formula read the same lists);
 * - how the sheet reads a target or realisasi typed as text: `sheetNumber` in TypeScript and
 *   `textNumberFormula` in Excel are the same rule, and each gives either the reader's number
 *   (`parseNumber`) or nothing, never another number.
 */
import type { CellValue } from "./grid";
import type { CsfModel, Indicator, NumberCell, Polarity } from "./model";

// ---------- the rule ----------

/**
 * Round to `digits` decimals, half away from zero, the way Excel's ROUND does.
 * Both the value and its scaled form are first cut to 15 significant digits (Excel's
 * precision), so binary noise such as 1.005 → 1.00499999… still rounds up to 1.01.
 */
export function roundHalfAway(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const raw = Math.abs(x) * factor;
  let rounded: number;
  if (raw < 1e6 && Math.abs(raw - Math.floor(raw) - 0.5) > 1e-6) {
    // Far from a half: the two cuts to 15 digits move `raw` by under 1e-8 here (2 × 5e-15 of
    // it), so they cannot change which way it rounds; toPrecision, the costly part, is skipped.
    rounded = Math.floor(raw + 0.5) / factor;
  } else {
    const abs = Number(Math.abs(x).toPrecision(15));
    const scaled = Number((abs * factor).toPrecision(15));
    rounded = Math.floor(scaled + 0.5) / factor;
  }
  // A value that rounds to zero comes back as plain 0, never -0.
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Capaian in percent, rounded to 2 decimals, or null when it cannot be computed
 * (target 0 or missing, realisasi missing, or either not a finite number).
 * Higher is better: realisasi / target × 100. Lower is better: (2 × target − realisasi) / target
 * × 100, computed as 200 − realisasi / target × 100 (the formula the sheet gets). No cap.
 */
export function computeCapaian(
  target: number | null,
  actual: number | null,
  polarity: Polarity
): number | null {
  if (target === null || actual === null) return null;
  if (!Number.isFinite(target) || !Number.isFinite(actual) || target === 0) return null;
  const ratio = (actual / target) * 100;
  const raw = polarity === "lower" ? 200 - ratio : ratio;
  return Number.isFinite(raw) ? roundHalfAway(raw, 2) : null;
}

/** True when the indicator's realisasi is a percentage of two counts ("Persentase …", "% …"). */
export function isPercentageIndicator(name: string): boolean {
  return /^\s*(%|(persentase|prosentase|presentase)\b)/i.test(name);
}

// ---------- polarity words ----------

/** Polaritas words (trimmed, lower-cased) that mean higher is better. */
export const HIGHER_POLARITY_WORDS: readonly string[] = [
  "naik",
  "meningkat",
  "positif",
  "semakin tinggi semakin baik",
  "maksimal",
  "maksimum",
  "max",
  "higher",
  "tinggi",
  "+",
];

/** Polaritas words (trimmed, lower-cased) that mean lower is better; the live formula tests these. */
export const LOWER_POLARITY_WORDS: readonly string[] = [
  "turun",
  "menurun",
  "negatif",
  "semakin rendah semakin baik",
  "minimal",
  "minimum",
  "min",
  "rendah",
  "lower",
  "-",
];

/** Excel's TRIM: spaces (only U+0020) cut at both ends and runs inside made one. */
export function excelTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/** How the live formula reads a Polaritas cell: "lower" for a lower word, "higher" for any other text or a blank. */
export function polarityInFormula(v: CellValue): Polarity | null {
  if (v === null) return "higher";
  if (typeof v !== "string") return null;
  return LOWER_POLARITY_WORDS.includes(excelTrim(v).toLowerCase()) ? "lower" : "higher";
}

// ---------- numbers as the sheet reads them ----------

/** Longest text number the sheet reads: beyond 15 digits Excel keeps fewer digits than JavaScript. */
const MAX_TEXT_NUMBER = 15;

/**
 * The number the written formulas read from a cell: a number as it is; a text only in the
 * shapes below, after Excel's TRIM and one trailing "%" (spaces before it allowed), else null:
 * - digits with at most one decimal comma: "85", "82,5";
 * - one thousands dot before three digits, with or without a decimal comma: "1.200", "1.250,5";
 * - one dot otherwise a decimal point: "12.5", "0.125" (`parseNumber`'s rule: a dot followed by
 *   exactly three digits after 1–3 digits, not all zeros, is a thousands dot).
 * Within these shapes the value is `parseNumber`'s; outside them (units, "Rp", signs, several
 * thousands dots, "1,250.5", non-breaking spaces) the sheet reads nothing, and so does the check.
 */
export function sheetNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const trimmed = excelTrim(v);
  const percent = trimmed.indexOf("%");
  if (percent >= 0 && percent < trimmed.length - 1) return null;
  const u = excelTrim(v.split("%").join(""));
  if (u.length > MAX_TEXT_NUMBER || !/^[0-9][0-9.,]*$/.test(u) || !/[0-9]$/.test(u)) return null;
  const dots = u.split(".").length - 1;
  const commas = u.split(",").length - 1;
  if (dots > 1 || commas > 1) return null;
  // Positions as the formula's FIND gives them (1-based; one past the end when absent).
  const dotAt = (u + ".").indexOf(".") + 1;
  const commaAt = (u + ",").indexOf(",") + 1;
  const thousandsShape = commaAt - dotAt === 4 && dotAt < 5;
  if (dots === 1 && commas === 1 && !thousandsShape) return null;
  const digits = u.replace(".", "");
  const decimalDot = commas === 0 && !(thousandsShape && Number(digits) >= 1000);
  return Number(decimalDot ? u : digits.replace(",", "."));
}

/**
 * What the sheet reads from a number cell of the workbook (see `sheetNumber`); a number shown as a
 * percent (0.85 in a "0%" cell, read as 85) is scaled as the formula scales it, × 100.
 */
function sheetValue(cell: NumberCell | undefined, typed: number | null): number | null {
  if (!cell) return typed;
  if (cell.percent && typeof cell.raw === "number") return cell.raw * 100;
  return sheetNumber(cell.raw);
}

/**
 * Why an indicator's capaian cannot be computed, as its fill formula would show it; null when it
 * can. "-text": the cell holds a number as text in a shape the sheet cannot read.
 */
export type CapaianGap =
  "target-missing" | "target-zero" | "target-text" | "actual-missing" | "actual-text";

/** The gap of an indicator whose capaian is null (call after `applyCapaian`). */
export function capaianGap(ind: Indicator): CapaianGap | null {
  if (ind.achievement !== null) return null;
  const t = ind.values.target;
  const target = sheetValue(t, ind.target);
  if (target === null) return ind.target !== null && t ? "target-text" : "target-missing";
  if (target === 0) return "target-zero";
  const a = ind.values.actual;
  return ind.actual !== null && a && sheetValue(a, ind.actual) === null
    ? "actual-text"
    : "actual-missing";
}

// ---------- the check ----------

/** True when the indicator has no realisasi typed at all (an unreadable "-" is not empty). */
function actualIsEmpty(ind: Indicator): boolean {
  if (ind.actual !== null) return false;
  const cell = ind.values.actual;
  return cell === undefined || (cell.readable && cell.value === null);
}

/**
 * Set `achievement` on every indicator of the model (orphans included), in place, from the
 * numbers as the sheet's formulas read them. A Persentase indicator with numbers in pembilang
 * and penyebut and an empty realisasi first gets realisasi = pembilang / penyebut × 100 (rounded
 * to 2 decimals), as the fill's realisasi formula computes it.
 */
export function applyCapaian(model: CsfModel): CsfModel {
  for (const node of model.nodes) for (const ind of node.indicators) applyOne(ind);
  for (const o of model.orphans) applyOne(o.indicator);
  return model;
}

/** applyCapaian for one indicator. */
function applyOne(ind: Indicator): void {
  let actual = sheetValue(ind.values.actual, ind.actual);
  // Most indicators have no pembilang/penyebut at all: those are looked at first.
  if (ind.numerator !== null && ind.denominator !== null && actualIsEmpty(ind)) {
    const n = sheetValue(ind.values.numerator, ind.numerator);
    const d = sheetValue(ind.values.denominator, ind.denominator);
    if (n !== null && d !== null && d !== 0 && isPercentageIndicator(ind.name)) {
      ind.actual = roundHalfAway((n / d) * 100, 2);
      actual = ind.actual;
    }
  }
  const target = sheetValue(ind.values.target, ind.target);
  ind.achievement = computeCapaian(target, actual, ind.polarity);
}

// ---------- the formula text ----------

/**
 * How a formula reads one cell: "number" as it is; "text" with `textNumberFormula` (the cell held
 * text when the formula was written); "percent" × 100 (a number shown as a percent, which the
 * reader reads as shown: 0.85 in a "0%" cell is 85).
 */
export interface CellRead {
  ref: string;
  kind: "number" | "text" | "percent";
}

/**
 * How to read a cell as it is now (`raw`, and whether the reader read it as a percent). Text gets
 * the long reading formula; a number or a blank is read as it is, which keeps the formula short
 * (and the write small) where, as on most rows, the user typed numbers. A number later retyped as
 * text, or given a percent format, is read so after the next fill.
 */
export function cellRead(
  ref: string,
  cell: { raw: CellValue; percent?: boolean } | null
): CellRead {
  const raw = cell?.raw ?? null;
  if (typeof raw === "string" && raw.trim() !== "") return { ref, kind: "text" };
  return { ref, kind: typeof raw === "number" && cell?.percent ? "percent" : "number" };
}

/**
 * The Excel expression that reads cell `ref` as `sheetNumber` does: the number itself, or the
 * text's number, or an error (which the capaian formula shows as "–"). NUMBERVALUE only ever
 * sees digits with one decimal comma, where Excel and LibreOffice document the same result;
 * every other shape is refused by the guards first.
 */
export function textNumberFormula(ref: string): string {
  const u = `TRIM(SUBSTITUTE(${ref},"%",""))`;
  const dotAt = `FIND(".",${u}&".")`;
  const thousandsShape = `(FIND(",",${u}&",")-${dotAt}=4)*(${dotAt}<5)`;
  const noComma = `ISERR(FIND(",",${u}))`;
  const decimalDot = `${noComma}*NOT(${thousandsShape}*(NUMBERVALUE(${u},",",".")>=1000))`;
  const guards = [
    // One "%" at most, and only at the end.
    `(FIND("%",TRIM(${ref})&"%")>=LEN(TRIM(${ref})))`,
    // Only digits, dots and commas: each of the 12 characters removed in turn takes 1 per cell.
    `(SUMPRODUCT(LEN(SUBSTITUTE(${u},{0,1,2,3,4,5,6,7,8,9,".",","},"")))=11*LEN(${u}))`,
    // A digit first and last (CODE of "" is an error: a blank reads as nothing).
    `(CODE(${u})>47)`,
    `(CODE(RIGHT(${u}))>47)`,
    `(LEN(${u})<${MAX_TEXT_NUMBER + 1})`,
    `(LEN(${u})-LEN(SUBSTITUTE(${u},".",""))<2)`,
    // A dot beside a comma is a thousands dot.
    `(${noComma}+ISERR(FIND(".",${u}))+${thousandsShape}>0)`,
  ];
  const value = `NUMBERVALUE(SUBSTITUTE(${u},".",IF(${decimalDot},",","")),",",".")`;
  return `IF(ISNUMBER(${ref}),${ref},${value}/(${guards.join("*")}))`;
}

/** What an uncomputable capaian shows: a dash (the sheet's number formats show it grey). */
export const NO_CAPAIAN = "–";

/** The operand for one read and, for a number read, the ISNUMBER guard it needs. */
function operand(read: CellRead): { expr: string; guard: string | null } {
  const guard = `ISNUMBER(${read.ref})`;
  if (read.kind === "text") return { expr: `(${textNumberFormula(read.ref)})`, guard: null };
  if (read.kind === "percent") return { expr: `(${read.ref}*100)`, guard };
  return { expr: read.ref, guard };
}

/** "OR(LOWER(TRIM(G5))={…})": the Polaritas cell holds a lower-is-better word. */
function lowerTest(cell: string): string {
  // OR over an array constant is evaluated element-wise in Excel and LibreOffice without CSE.
  const words = LOWER_POLARITY_WORDS.map((w) => `"${w}"`).join(",");
  return `OR(LOWER(TRIM(${cell}))={${words}})`;
}

/**
 * The capaian formula, e.g. `=IFERROR(ROUND(E5/D5*100/(ISNUMBER(D5)*ISNUMBER(E5)),2),"–")`.
 * `polarity` is a fixed rule, or `{ cell: "G5" }` to follow a Polaritas cell live. Every case
 * without a capaian (target 0 or blank, a value that is not a number) is an error inside, which
 * IFERROR shows as "–"; a plain read is guarded by dividing by ISNUMBER (exactly 1 when it holds).
 */
export function capaianFormula(
  target: CellRead,
  actual: CellRead,
  polarity: Polarity | { cell: string }
): string {
  const t = operand(target);
  const r = operand(actual);
  const q = `${r.expr}/${t.expr}*100`;
  let expr: string;
  if (polarity === "higher") expr = q;
  else if (polarity === "lower") expr = `200-${q}`;
  else {
    const lower = lowerTest(polarity.cell);
    // Two ways to the same numbers: the IF repeats the division, the other repeats the test.
    const byIf = `IF(${lower},200-${q},${q})`;
    const bySign = `${q}*(1-2*${lower})+200*${lower}`;
    expr = byIf.length <= bySign.length ? byIf : bySign;
  }
  const guards = [t.guard, r.guard].filter((g): g is string => g !== null);
  const guarded = guards.length > 0 ? `(${expr})/(${guards.join("*")})` : expr;
  return `=IFERROR(ROUND(${guarded},2),"${NO_CAPAIAN}")`;
}

/** The realisasi of a Persentase indicator from its Pembilang and Penyebut cells ("" without one). */
export function ratioFormula(numerator: CellRead, denominator: CellRead): string {
  const n = operand(numerator);
  const d = operand(denominator);
  const q = `${n.expr}/${d.expr}*100`;
  const guards = [n.guard, d.guard].filter((g): g is string => g !== null);
  const guarded = guards.length > 0 ? `(${q})/(${guards.join("*")})` : q;
  return `=IFERROR(ROUND(${guarded},2),"")`;
}

// ---------- recognising the add-in's own formulas ----------

/** Formula text compared loosely: case, spaces, "$" anchors and "_xlfn." prefixes do not count. */
export function normaliseFormula(f: string): string {
  return f
    .replace(/^=/, "")
    .replace(/_xlfn\./gi, "")
    .replace(/\$/g, "")
    .replace(/\s+/g, "")
    .toUpperCase();
}

/** Every way to read a cell the add-in may have written a formula with. */
function readsOf(ref: string): CellRead[] {
  return (["number", "text", "percent"] as const).map((kind) => ({ ref, kind }));
}

/**
 * True when `formula` is a capaian formula the add-in writes or wrote on these cells: any read of
 * the target and realisasi, fixed or following `polarityCell`, and the forms earlier versions
 * wrote (ISNUMBER-guarded, "" when not computable, any list of Polaritas words).
 */
export function isOwnCapaianFormula(
  formula: string | null,
  target: string,
  actual: string,
  polarityCell: string | null
): boolean {
  if (formula === null) return false;
  const f = normaliseFormula(formula);
  const rules: (Polarity | { cell: string })[] = ["higher", "lower"];
  if (polarityCell !== null) rules.push({ cell: polarityCell });
  for (const t of readsOf(target))
    for (const r of readsOf(actual))
      for (const rule of rules) if (normaliseFormula(capaianFormula(t, r, rule)) === f) return true;
  for (const rule of rules)
    if (normaliseFormula(legacyCapaianFormula(target, actual, rule)) === f) return true;
  return polarityCell !== null && isLegacyLiveFormula(f, target, actual, polarityCell);
}

/** True when `formula` is a realisasi formula the add-in writes or wrote on these cells. */
export function isOwnRatioFormula(
  formula: string | null,
  numerator: string,
  denominator: string
): boolean {
  if (formula === null) return false;
  const f = normaliseFormula(formula);
  const n = numerator;
  const d = denominator;
  const legacy = [
    `=IF(AND(ISNUMBER(${n}),ISNUMBER(${d})),IF(${d}<>0,ROUND(${n}/${d}*100,2),""),"")`,
    `=IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}<>0),ROUND(${n}/${d}*100,2),"")`,
  ];
  const current = readsOf(n).flatMap((nr) => readsOf(d).map((dr) => ratioFormula(nr, dr)));
  return [...current, ...legacy].some((c) => normaliseFormula(c) === f);
}

/** The capaian formula versions before 0.2 wrote: ISNUMBER-guarded, "" when not computable. */
function legacyCapaianFormula(t: string, r: string, polarity: Polarity | { cell: string }): string {
  const higher = `${r}/${t}*100`;
  const lower = `(2*${t}-${r})/${t}*100`;
  const expr =
    polarity === "higher"
      ? higher
      : polarity === "lower"
        ? lower
        : `IF(${lowerTest(polarity.cell)},${lower},${higher})`;
  return `=IF(AND(ISNUMBER(${t}),ISNUMBER(${r})),IF(${t}<>0,ROUND(${expr},2),""),"")`;
}

/** A legacy live formula with any list of Polaritas words (normalised `f`). */
function isLegacyLiveFormula(f: string, t: string, r: string, cell: string): boolean {
  const [head, tail] = normaliseFormula(legacyCapaianFormula(t, r, { cell })).split(/\{[^}]*\}/);
  if (head === undefined || tail === undefined) return false;
  if (!f.startsWith(head) || !f.endsWith(tail) || f.length < head.length + tail.length + 2)
    return false;
  // Between them: one array constant of quoted words only.
  return /^\{"[^"]*"(?:[,;]"[^"]*")*\}$/.test(f.slice(head.length, f.length - tail.length));
}
