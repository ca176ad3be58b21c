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
import { makeFix, valueEdit, type FixContext } from "./context";
import type { Fix } from "./types";

type NumberField = "target" | "actual" | "numerator" | "denominator";
const FIELDS: NumberField[] = ["target", "actual", "numerator", "denominator"];

/** One fix per number typed as text that an `invalid-number` finding names. */
export function numberFixes(ctx: FixContext, findings: readonly Finding[]): Fix[] {
  const cells = textNumbers(ctx);
  const out: Fix[] = [];
  for (const f of findings) {
    if (f.rule !== "invalid-number" || f.cell === null) continue;
    const hit = cells.get(f.cell);
    if (!hit) continue;
    const { cell, field } = hit;
    const raw = String(cell.raw);
    const value = cell.value as number;
    const edit = valueEdit(ctx, cell, value, numberFormatFor(raw, value));
    if (!edit) continue;
    const params = {
      field: t(`checks.number.${field}`, {}, ctx.lang),
      raw: raw.trim(),
      number: ctx.lang === "id" ? String(value).replace(".", ",") : String(value),
    };
    out.push(makeFix(ctx, "invalid-number", [f], [edit], "fixes.number", params));
  }
  return out;
}

/** The number cells holding a number typed as text, by cell reference. */
function textNumbers(ctx: FixContext): Map<string, { cell: NumberCell; field: NumberField }> {
  const out = new Map<string, { cell: NumberCell; field: NumberField }>();
  const indicators = [...allIndicators(ctx.model), ...ctx.model.orphans.map((o) => o.indicator)];
  for (const ind of indicators)
    for (const field of FIELDS) {
      const cell = ind.values[field];
      if (!cell || typeof cell.raw !== "string" || cell.formula !== null) continue;
      if (!cell.readable || cell.value === null) continue;
      out.set(cellRef(cell.sheet, cell.row, cell.col), { cell, field });
    }
  return out;
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
