/**
 * `invalid-number` where the text is a number as people type it ("82,5", "1.200", "16,5%",
 * "5 Dokumen"): the cell gets the number the check already reads from it, with a number format
 * that shows it as it was typed, so the capaian the check computes does not change and Excel's
 * formulas see a number. Text that is no number ("-", "belum ada data") has no fix.
 */
import { cellRef } from "../address";
import type { Finding } from "../findings";
import { allIndicators, type NumberCell } from "../model";
import { t } from "../messages";
import { addTo, makeFix, valueEdit, type FixContext } from "./context";
import type { Fix } from "./types";

type NumberField = "target" | "actual" | "numerator" | "denominator";
const FIELDS: NumberField[] = ["target", "actual", "numerator", "denominator"];

/**
 * One fix per number typed as text that a finding names: `invalid-number` at its cell, or the
 * capaian shown "–" because the formula in the sheet cannot read the target's or realisasi's text.
 */
export function numberFixes(ctx: FixContext, findings: readonly Finding[]): Fix[] {
  const cells = textNumbers(ctx);
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const at = textCellOf(f, cells);
    if (at !== null) addTo(byCell, at, f);
  }
  const out: Fix[] = [];
  for (const [at, fixed] of byCell) {
    const hit = cells.get(at);
    if (!hit) continue;
    const { cell, field } = hit;
    const raw = String(cell.raw);
    const { value, format } = typedNumber(raw, cell.value as number);
    const edit = valueEdit(ctx, cell, value, format);
    if (!edit) continue;
    const shown = cell.value as number;
    const params = {
      field: t(`checks.number.${field}`, {}, ctx.lang),
      raw: raw.trim(),
      number: ctx.lang === "id" ? String(shown).replace(".", ",") : String(shown),
    };
    out.push(makeFix(ctx, "invalid-number", fixed, [edit], "fixes.number", params));
  }
  return out;
}

interface TextNumber {
  cell: NumberCell;
  field: NumberField;
  /** The Capaian cell of its row, where an uncomputable capaian is reported, when there is one. */
  capaianCell: string | null;
}

/** The number cells holding a number typed as text, by cell reference. */
function textNumbers(ctx: FixContext): Map<string, TextNumber> {
  const out = new Map<string, TextNumber>();
  const indicators = [...allIndicators(ctx.model), ...ctx.model.orphans.map((o) => o.indicator)];
  for (const ind of indicators)
    for (const field of FIELDS) {
      const cell = ind.values[field];
      if (!cell || typeof cell.raw !== "string" || cell.formula !== null) continue;
      if (!cell.readable || cell.value === null) continue;
      const m = ind.measure;
      const capaian = m?.columns.achievement;
      const capaianCell = m && capaian !== undefined ? cellRef(m.sheet, m.row, capaian) : null;
      out.set(cellRef(cell.sheet, cell.row, cell.col), { cell, field, capaianCell });
    }
  return out;
}

const UNCOMPUTABLE_TEXT: Record<string, NumberField> = {
  "checks.uncomputable.targetText": "target",
  "checks.uncomputable.actualText": "actual",
};

/** The text number cell a finding is about, or null. */
function textCellOf(f: Finding, cells: Map<string, TextNumber>): string | null {
  if (f.cell === null) return null;
  if (f.rule === "invalid-number") return cells.has(f.cell) ? f.cell : null;
  const field =
    f.rule === "achievement-uncomputable" && UNCOMPUTABLE_TEXT[String(f.params.messageKey)];
  if (!field) return null;
  for (const [at, hit] of cells)
    if (hit.field === field && (hit.capaianCell === f.cell || at === f.cell)) return at;
  return null;
}

/**
 * The number to write for a text the check reads as `value`, and its format. A percent
 * ("16,5%") becomes the fraction in a percent format (0.165 shown as 16,5%), which the check
 * reads as shown (16.5), as it read the text.
 */
export function typedNumber(raw: string, value: number): { value: number; format: string } {
  if (!/%\s*$/.test(raw.trim())) return { value, format: numberFormatFor(raw, value) };
  const decimals = decimalsOf(value);
  const format = `0${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}%`;
  return { value: Number((value / 100).toPrecision(12)), format };
}

/** A literal in an Excel number format: quoted, quotes inside escaped. */
function literal(text: string): string {
  return text === "" ? "" : `"${text.replace(/"/g, '\\"')}"`;
}

/**
 * The number format showing `value` as `raw` was typed: as many decimals, thousands grouped when
 * they were, and any typed prefix ("Rp ") or unit ("%", " Dokumen") as literal text. Excel shows
 * the marks of the user's locale, so "1.200" typed in Indonesian shows as 1.200 again.
 */
export function numberFormatFor(raw: string, value: number): string {
  const text = raw.replace(/\u00a0/g, " ").trim();
  const m = /^(rp\.?\s*)?([+\-\u2212]?\s*)(\d[\d.,]*\d|\d)(.*)$/i.exec(text);
  if (!m) return "General";
  const prefix = m[1] ? literal(m[1].replace(/\s+/g, " ").replace(/\.?\s*$/, " ")) : "";
  const digits = m[3] ?? "";
  const decimals = decimalsOf(value);
  // Marks beyond the decimal one group thousands ("1.200", "1.250,5").
  const marks = (digits.match(/[.,]/g) ?? []).length;
  const grouped = marks > (decimals > 0 ? 1 : 0);
  const body = `${grouped ? "#,##0" : "0"}${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}`;
  // A mark left after the digits ("85,") is no unit; the reader drops it too.
  return `${prefix}${body}${literal((m[4] ?? "").replace(/^[.,]/, ""))}`;
}

/** Decimals of a number as JavaScript writes it (up to 10). */
function decimalsOf(value: number): number {
  const s = String(Math.abs(value));
  if (s.includes("e")) return 0;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(10, s.length - dot - 1);
}
