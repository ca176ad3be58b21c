/** Rules on the Target/Realisasi rows: numbers, targets, capaian. */
import { cellRef } from "../address";
import type { Finding } from "../findings";
import type { CsfModel, Indicator, MeasureRow } from "../model";
import { capaianGap, type CapaianGap } from "../capaian";
import type { RuleContext } from "./context";
import type { MessageKey } from "../messages";

type NumberField = "target" | "actual" | "numerator" | "denominator";
const NUMBER_FIELDS: NumberField[] = ["target", "actual", "numerator", "denominator"];

/** A measured indicator, its Target/Realisasi row and its condition's code. */
interface Measured {
  ind: Indicator;
  m: MeasureRow;
  code: string | null;
}

/** Each indicator with a Target/Realisasi row, attached ones first, then the orphans. */
function measured(model: CsfModel): Measured[] {
  const out: Measured[] = [];
  for (const node of model.nodes)
    for (const ind of node.indicators)
      if (ind.measure) out.push({ ind, m: ind.measure, code: node.code ?? ind.conditionCode });
  for (const { indicator: ind } of model.orphans)
    if (ind.measure) out.push({ ind, m: ind.measure, code: ind.conditionCode });
  return out;
}

/** A target, realisasi, pembilang or penyebut typed as something that is not a number. */
export function invalidNumber(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, code } of measured(model)) {
    for (const f of NUMBER_FIELDS) {
      const v = ind.values[f];
      if (!v || v.readable) continue;
      out.push(
        ctx.finding(
          "invalid-number",
          "warning",
          cellRef(v.sheet, v.row, v.col),
          code,
          "checks.invalidNumber",
          {
            field: ctx.msg(`checks.number.${f}`),
            fieldKey: f,
            indicator: ind.name,
            raw: String(v.raw ?? ""),
            code: code ?? "?",
          }
        )
      );
    }
  }
  return out;
}

/** The table has a Target column and this row leaves it empty. */
export function missingTarget(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, m, code } of measured(model)) {
    const col = m.columns.target;
    if (col === undefined) continue;
    const v = ind.values.target;
    // An unreadable target is invalid-number's finding, not this one.
    if (v && (!v.readable || v.value !== null)) continue;
    if (!v && ind.target !== null) continue;
    out.push(
      ctx.finding(
        "missing-target",
        "warning",
        cellRef(m.sheet, m.row, col),
        code,
        "checks.missingTarget",
        {
          indicator: ind.name,
          code: code ?? "?",
        }
      )
    );
  }
  return out;
}

/** The message of each reason a capaian is missing, and the column its finding points at. */
const GAPS: Record<CapaianGap, { key: MessageKey; column: "target" | "actual" }> = {
  "target-missing": { key: "checks.uncomputable.targetMissing", column: "target" },
  "target-zero": { key: "checks.uncomputable.targetZero", column: "target" },
  "target-text": { key: "checks.uncomputable.targetText", column: "target" },
  "actual-missing": { key: "checks.uncomputable.actualMissing", column: "actual" },
  "actual-text": { key: "checks.uncomputable.actualText", column: "actual" },
};

/**
 * The capaian of a measured indicator cannot be computed. The cell is the Capaian cell when the
 * table has one (where the fill writes its "–"), else the cell whose value is missing.
 */
export function achievementUncomputable(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, m, code } of measured(model)) {
    if (ind.achievement !== null) continue;
    if (m.columns.target === undefined && m.columns.actual === undefined) continue;
    const gap = capaianGap(ind);
    if (gap === null) continue;
    const { key, column } = GAPS[gap];
    const at = m.columns.achievement ?? m.columns[column] ?? m.columns.name ?? 0;
    const raw = ind.values[column]?.raw;
    out.push(
      ctx.finding("achievement-uncomputable", "warning", cellRef(m.sheet, m.row, at), code, key, {
        indicator: ind.name,
        code: code ?? "?",
        raw: typeof raw === "string" ? raw.trim() : "",
      })
    );
  }
  return out;
}

/**
 * The polarity of a measured indicator was assumed (higher is better): no Polaritas column, or its
 * cell left blank. One finding per indicator, so the user can confirm "naik" or write "turun". A
 * Polaritas cell holding a word the reader did not understand is already the reader's finding.
 */
export function polarityAssumed(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const reported = new Set(model.findings.map((f) => f.cell ?? ""));
  for (const { ind, m, code } of measured(model)) {
    if (!ind.polarityAssumed) continue;
    if (m.columns.target === undefined && m.columns.actual === undefined) continue;
    const col = m.columns.polarity;
    const cell = cellRef(m.sheet, m.row, col ?? m.columns.name ?? 0);
    if (col !== undefined && reported.has(cell)) continue;
    const key =
      col !== undefined ? "checks.polarityAssumed.blank" : "checks.polarityAssumed.noColumn";
    out.push(
      ctx.finding("polarity-assumed", "info", cell, code, key, {
        indicator: ind.name,
        code: code ?? "?",
      })
    );
  }
  return out;
}

/** Typed capaian (not a formula) more than this far from the computed one is an override. */
const TOLERANCE = 0.01;

/**
 * A Capaian cell holding a typed number that differs from the computed capaian. A typed value
 * equal to it (or equal as a fraction, 0.95 for 95 in a %-formatted cell) is fine.
 */
export function manualOverride(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const { ind, m, code } of measured(model)) {
    const v = ind.values.achievement;
    const col = m.columns.achievement;
    if (!v || col === undefined || v.formula !== null || v.value === null) continue;
    if (ind.achievement === null) continue;
    const typed = v.value;
    if (Math.abs(typed - ind.achievement) <= TOLERANCE) continue;
    if (Math.abs(typed * 100 - ind.achievement) <= TOLERANCE) continue;
    out.push(
      ctx.finding(
        "manual-override",
        "warning",
        cellRef(m.sheet, m.row, col),
        code,
        "checks.manualOverride",
        {
          indicator: ind.name,
          typed,
          computed: ind.achievement,
          code: code ?? "?",
        }
      )
    );
  }
  return out;
}
