/** Rules on the indicators' texts: fields, kind versus formula and unit, narrative, copies. */
import { cellRef } from "../address";
import type { Finding } from "../findings";
import type { MessageKey } from "../messages";
import type { ConditionNode, CsfModel, Indicator, SourceRef } from "../model";
import type { RuleContext } from "./context";
import {
  firstWord,
  hasLongWord,
  nameKey,
  namesInIndicatorLine,
  nameTokens,
  SAME_INDICATOR,
  tokenSimilarity,
  words,
} from "./text";

type TextField = "name" | "definition" | "relevance" | "formula" | "dataSource";
const TEXT_FIELDS: TextField[] = ["name", "definition", "relevance", "formula", "dataSource"];

/** An indicator and its condition (null for an orphan). */
interface Placed {
  ind: Indicator;
  node: ConditionNode | null;
}

/** Every attached indicator, then the orphans. */
function allIndicators(model: CsfModel): Placed[] {
  const out: Placed[] = [];
  for (const node of model.nodes) for (const ind of node.indicators) out.push({ ind, node });
  for (const o of model.orphans) out.push({ ind: o.indicator, node: null });
  return out;
}

function refOf(src: SourceRef | undefined, fallback: string): string {
  return src ? cellRef(src.sheet, src.row, src.col) : fallback;
}

function codeFor(ind: Indicator, node: ConditionNode | null): string | null {
  return node?.code ?? ind.conditionCode;
}

function fieldValue(ind: Indicator, f: TextField): string | null {
  return f === "name" ? ind.name : ind[f];
}

/**
 * An indicator row of a text table with an empty field. A table with no column for the field at
 * all (a matrix of levels and measures, say) is reported once, at its header, with the number of
 * indicators it leaves without that field: one line a table, not one a row.
 */
export function missingField(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const noColumn = new Map<string, { cell: string; count: number; f: TextField }>();
  for (const { ind, node } of allIndicators(model)) {
    if (ind.textSource === null) continue;
    for (const f of TEXT_FIELDS) {
      const v = fieldValue(ind, f);
      if (v !== null && v.trim() !== "") continue;
      if (f !== "name" && ind.textCells[f] === undefined) {
        // Counted per table (per sheet when no table is known), said at its header cell (or the
        // first such indicator's).
        const header = tableCell(model, ind.textSource);
        const key = `${header ?? ind.textSource.sheet}\u0000${f}`;
        const seen = noColumn.get(key);
        if (seen) seen.count++;
        else noColumn.set(key, { cell: header ?? ind.cell, count: 1, f });
        continue;
      }
      const code = codeFor(ind, node);
      out.push(
        ctx.finding(
          "missing-field",
          "warning",
          refOf(ind.textCells[f], ind.cell),
          code,
          "checks.missingField",
          {
            indicator: ind.name,
            code: code ?? "?",
            field: ctx.msg(`checks.field.${f}`),
            fieldKey: f,
          }
        )
      );
    }
  }
  for (const { cell, count, f } of noColumn.values())
    out.push(
      ctx.finding("missing-field", "warning", cell, null, "checks.missingColumn", {
        table: cell,
        field: ctx.msg(`checks.field.${f}`),
        fieldKey: f,
        count,
      })
    );
  return out;
}

/** The header cell ("'Sheet'!A1") of the table a text row belongs to, or null. */
function tableCell(model: CsfModel, at: SourceRef): string | null {
  const t = model.tables.find(
    (x) => x.sheet === at.sheet && x.headerRow < at.row && at.row <= x.lastRow
  );
  return t ? cellRef(t.sheet, t.headerRow, t.firstCol) : null;
}

type Kind = "percent" | "ratio" | "count" | "other";

/** The indicator's kind from the first word of its name. */
export function indicatorKind(name: string): Kind {
  const w = firstWord(name);
  if (w === "persentase" || w === "persen" || w === "prosentase") return "percent";
  if (w === "rasio") return "ratio";
  if (w === "jumlah" || w === "banyaknya") return "count";
  return "other";
}

const DIVISION = /[/÷]|\s:\s|\bdibagi\b|\bper\b/i;
const TIMES_HUNDRED = /(?:[x×*]\s*100\b)|(?:\b100\s*%)/i;

/** "a / b", "a : b", "a dibagi b", "a per b". */
function isDivision(formula: string): boolean {
  return DIVISION.test(formula);
}

/** "× 100", "x 100", "* 100", "x100", "100%". */
function timesHundred(formula: string): boolean {
  return TIMES_HUNDRED.test(formula);
}

const PERCENT_UNITS = new Set(["persentase", "persen"]);

/**
 * The kind in the name against the formula and the unit: a Persentase needs a division × 100,
 * a Rasio a division; a Jumlah must not be a percentage and must not carry the unit "%".
 */
export function formulaTypeMismatch(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const push = (
    ind: Indicator,
    code: string | null,
    cell: string,
    key: MessageKey,
    extra: Record<string, string>
  ): void => {
    out.push(
      ctx.finding("formula-type-mismatch", "warning", cell, code, key, {
        indicator: ind.name,
        code: code ?? "?",
        ...extra,
      })
    );
  };
  for (const { ind, node } of allIndicators(model)) {
    const kind = indicatorKind(ind.name);
    const code = codeFor(ind, node);
    const formula = ind.formula?.trim() ?? "";
    // Cell references are built only for a finding: most indicators have none.
    if (formula !== "") {
      let key: MessageKey | null = null;
      if (kind === "percent" && !(isDivision(formula) && timesHundred(formula)))
        key = "checks.formula.percentNoRatio";
      else if (kind === "ratio" && !isDivision(formula)) key = "checks.formula.ratioNoDivision";
      else if (kind === "count" && isDivision(formula) && timesHundred(formula))
        key = "checks.formula.countAsRatio";
      if (key !== null) push(ind, code, refOf(ind.textCells.formula, ind.cell), key, { formula });
    }
    if (kind !== "count" && kind !== "percent") continue;
    const unit = ind.unit?.trim() ?? "";
    if (unit === "") continue;
    const unitIsPercent = words(unit).some((w) => PERCENT_UNITS.has(w));
    if (kind === "count" ? !unitIsPercent : unitIsPercent) continue;
    const unitCell =
      ind.measure && ind.measure.columns.unit !== undefined
        ? cellRef(ind.measure.sheet, ind.measure.row, ind.measure.columns.unit)
        : ind.cell;
    push(
      ind,
      code,
      unitCell,
      kind === "count" ? "checks.formula.percentUnitOnCount" : "checks.formula.countUnitOnPercent",
      { unit }
    );
  }
  return out;
}

/**
 * The "tergambar dari indikator" line against the condition's table. Names are paired one to
 * one, most similar first, so that two close but different indicators are not taken for one.
 */
export function narrativeMismatch(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const node of model.nodes) {
    if (node.indicators.length === 0) continue;
    const line = node.indicatorLine ?? embeddedIndicatorLine(node);
    if (line === null) {
      // A section without the line at all: the narrative names no indicator.
      if (node.sectionCell !== null)
        out.push(
          ctx.finding(
            "narrative-mismatch",
            "info",
            node.sectionCell,
            node.code,
            "checks.narrative.noLine",
            {
              code: codeOf(node),
            }
          )
        );
      continue;
    }
    const named = namesInIndicatorLine(line);
    if (named.length === 0) continue;
    // The common case: the line names the table's indicators as typed, in order. Each name then
    // pairs with its own row at similarity 1 (it has a distinguishing word), which the greedy
    // pairing below takes first: nothing to report, no tokens needed.
    if (
      named.length === node.indicators.length &&
      named.every((n, i) => n === node.indicators[i]?.name && hasLongWord(n))
    )
      continue;
    const pairs: { li: number; ti: number; s: number }[] = [];
    // nameSimilarity, with each name's tokens made once rather than once per pair.
    const tableTokens = node.indicators.map((ind) => nameTokens(ind.name));
    named.forEach((n, li) => {
      const lineTokens = nameTokens(n);
      tableTokens.forEach((tokens, ti) => {
        const s = tokenSimilarity(lineTokens, tokens);
        if (s >= SAME_INDICATOR) pairs.push({ li, ti, s });
      });
    });
    pairs.sort((a, b) => b.s - a.s || a.li - b.li || a.ti - b.ti);
    const lineDone = new Set<number>();
    const tableDone = new Set<number>();
    for (const p of pairs) {
      if (lineDone.has(p.li) || tableDone.has(p.ti)) continue;
      lineDone.add(p.li);
      tableDone.add(p.ti);
    }
    const code = codeOf(node);
    named.forEach((n, li) => {
      if (lineDone.has(li)) return;
      out.push(
        ctx.finding(
          "narrative-mismatch",
          "warning",
          node.sectionCell ?? node.cell,
          node.code,
          "checks.narrative.notInTable",
          {
            code,
            indicator: n,
          }
        )
      );
    });
    node.indicators.forEach((ind, ti) => {
      if (tableDone.has(ti)) return;
      out.push(
        ctx.finding(
          "narrative-mismatch",
          "warning",
          ind.cell,
          node.code,
          "checks.narrative.notInLine",
          {
            code,
            indicator: ind.name,
          }
        )
      );
    });
  }
  return out;
}

/**
 * The indicator line when it was typed inside another paragraph ("… Masalah … Terwujudnya
 * kondisi ini dapat tergambar dari indikator (1) …"), as in several sections of the seed.
 */
function embeddedIndicatorLine(node: ConditionNode): string | null {
  for (const text of [node.problems, node.explanation, node.impact]) {
    if (text === null) continue;
    const m = EMBEDDED_LINE.exec(text);
    if (m) return m[0];
  }
  return null;
}

const EMBEDDED_LINE =
  /(?:terwujudnya\s+kondisi\s+ini\s+)?dapat\s+tergambar\s+dari\s+indi[kc]ator\b[^\n]*/i;

function codeOf(node: ConditionNode): string {
  return node.code ?? "?";
}

/** Shorter texts than this many words are too generic to call a copy. */
const MIN_COPY_WORDS = 4;

/**
 * A formula or definition word for word that of an earlier indicator with a different name.
 * The earlier one is the original; each later copy is reported once per field.
 */
export function duplicateText(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const placed = allIndicators(model);
  for (const field of ["formula", "definition"] as const) {
    // The first indicator of each distinct text, by its text key.
    const firstByKey = new Map<string, Indicator>();
    for (const { ind, node } of placed) {
      const text = ind[field];
      if (text === null) continue;
      const textWords = words(text);
      if (textWords.length < MIN_COPY_WORDS) continue;
      const key = textWords.join(" ");
      const first = firstByKey.get(key);
      if (!first) {
        firstByKey.set(key, ind);
        continue;
      }
      if (nameKey(first.name) === nameKey(ind.name)) continue;
      const code = codeFor(ind, node);
      out.push(
        ctx.finding(
          "duplicate-text",
          "warning",
          refOf(ind.textCells[field], ind.cell),
          code,
          "checks.duplicateText",
          {
            field: ctx.msg(`checks.field.${field}`),
            fieldKey: field,
            indicator: ind.name,
            otherIndicator: first.name,
            otherCell: refOf(first.textCells[field], first.cell),
            code: code ?? "?",
          }
        )
      );
    }
  }
  return out;
}
