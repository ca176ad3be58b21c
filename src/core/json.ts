/**
 * What `pokin periksa` prints: the documented JSON object per file (`--json`) and the
 * readable summary. The JSON keys are a public contract: add keys, never rename one.
 */
import type { ConditionNode, CsfModel, Indicator, NumberCell, Polarity } from "./model";
import { cellRef } from "./address";
import type { Finding, RuleId, Severity } from "./findings";
import { countBySeverity } from "./findings";
import { t, type Lang } from "./messages";

export interface IndicatorJson {
  name: string;
  definition: string | null;
  relevance: string | null;
  formula: string | null;
  dataSource: string | null;
  unit: string | null;
  target: number | null;
  actual: number | null;
  achievement: number | null;
  polarity: Polarity;
  cell: string;
  /** Added keys. */
  polarityAssumed: boolean;
  numerator: number | null;
  denominator: number | null;
  responsible: string | null;
  /** "'Sheet'!D5": the cells the target and realisasi were read from. */
  targetCell: string | null;
  actualCell: string | null;
  /** True when that cell is shown as a percent (0.85 formatted "0%" reads and shows as 85). */
  targetPercent: boolean;
  actualPercent: boolean;
}

export interface NodeJson {
  code: string | null;
  name: string;
  depth: number;
  parent: string | null;
  cell: string;
  explanation: string | null;
  problems: string | null;
  impact: string | null;
  indicators: IndicatorJson[];
  /** Added keys. */
  id: string;
  level: ConditionNode["level"];
  indicatorLine: string | null;
  sectionCell: string | null;
  /** "typed" when the workbook gives the code, "place" when the reader gave it; null without one. */
  codeFrom: "typed" | "place" | null;
  responsible: string | null;
}

export interface FindingJson {
  rule: RuleId;
  severity: Severity;
  cell: string | null;
  code: string | null;
  message: string;
}

export interface OrphanJson extends IndicatorJson {
  /** The condition code the indicator row names, when it names one. */
  refersTo: string | null;
}

export interface ModelJson {
  file: string | null;
  outcome: string | null;
  nodes: NodeJson[];
  findings: FindingJson[];
  /** Added keys. */
  organisation: string | null;
  orphans: OrphanJson[];
}

/**
 * The `pokin periksa --json` object of one file: outcome, nodes with their indicators nested,
 * and the findings (in the order given).
 */
export function modelToJson(
  model: CsfModel,
  findings: readonly Finding[],
  file: string | null
): ModelJson {
  return {
    file,
    outcome: model.outcome,
    nodes: model.nodes.map(nodeJson),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cell: f.cell,
      code: f.code,
      message: f.message,
    })),
    organisation: model.organisation,
    orphans: model.orphans.map((o) => ({ ...indicatorJson(o.indicator), refersTo: o.refersTo })),
  };
}

function nodeJson(n: ConditionNode): NodeJson {
  return {
    code: n.code,
    name: n.name,
    depth: n.depth,
    parent: n.parent,
    cell: n.cell,
    explanation: n.explanation,
    problems: n.problems,
    impact: n.impact,
    indicators: n.indicators.map(indicatorJson),
    id: n.id,
    level: n.level,
    indicatorLine: n.indicatorLine,
    sectionCell: n.sectionCell,
    codeFrom: n.code === null ? null : n.codeGiven ? "place" : "typed",
    responsible: n.responsible ?? null,
  };
}

function indicatorJson(i: Indicator): IndicatorJson {
  return {
    name: i.name,
    definition: i.definition,
    relevance: i.relevance,
    formula: i.formula,
    dataSource: i.dataSource,
    unit: i.unit,
    target: i.target,
    actual: i.actual,
    achievement: i.achievement,
    polarity: i.polarity,
    cell: i.cell,
    polarityAssumed: i.polarityAssumed,
    numerator: i.numerator,
    denominator: i.denominator,
    responsible: i.responsible ?? null,
    targetCell: cellOf(i.values.target),
    actualCell: cellOf(i.values.actual),
    targetPercent: i.values.target?.percent === true,
    actualPercent: i.values.actual?.percent === true,
  };
}

function cellOf(c: NumberCell | undefined): string | null {
  return c ? cellRef(c.sheet, c.row, c.col) : null;
}

/**
 * The readable summary of one file: the outcome, the count per level, and the tree as an
 * indented list (two spaces per level below the outcome, indicators under their condition).
 */
export function summaryText(model: CsfModel, findings: readonly Finding[], lang: Lang): string {
  const out: string[] = [];
  if (model.file) out.push(t("reader.summary.file", { file: model.file }, lang));
  if (model.organisation)
    out.push(t("reader.summary.organisation", { organisation: model.organisation }, lang));
  out.push(
    model.outcome === null
      ? t("reader.summary.noOutcome", {}, lang)
      : t("reader.summary.outcome", { outcome: model.outcome }, lang)
  );
  const count = { csf: 0, antara: 0, operasional: 0, indicators: 0 };
  for (const n of model.nodes) {
    count[n.level]++;
    count.indicators += n.indicators.length;
  }
  out.push(t("reader.summary.counts", count, lang));
  if (model.orphans.length > 0)
    out.push(t("reader.summary.orphans", { count: model.orphans.length }, lang));
  out.push(t("reader.summary.findings", countBySeverity(findings), lang));
  out.push("", t("reader.summary.tree", {}, lang));
  for (const { node, depth } of treeOrder(model.nodes)) {
    const pad = "  ".repeat(depth + 1);
    out.push(`${pad}${node.code ? `${node.code} ` : ""}${node.name}`);
    for (const i of node.indicators)
      out.push(`${pad}    - ${t("reader.summary.indicator", { name: i.name }, lang)}`);
  }
  return out.join("\n");
}

/** Nodes depth-first under their parents; nodes whose parent is missing start a branch of their own. */
function treeOrder(nodes: readonly ConditionNode[]): { node: ConditionNode; depth: number }[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, ConditionNode[]>();
  const roots: ConditionNode[] = [];
  for (const n of nodes) {
    if (n.parentId !== null && ids.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId);
      if (list) list.push(n);
      else children.set(n.parentId, [n]);
    } else roots.push(n);
  }
  const out: { node: ConditionNode; depth: number }[] = [];
  const seen = new Set<string>();
  // Iterative, so that a very deep (or cyclic) tree cannot overflow the stack.
  const stack: { node: ConditionNode; depth: number }[] = roots
    .map((node) => ({ node, depth: 0 }))
    .reverse();
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || seen.has(item.node.id)) continue;
    seen.add(item.node.id);
    out.push(item);
    const kids = children.get(item.node.id) ?? [];
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = kids[k];
      if (kid) stack.push({ node: kid, depth: item.depth + 1 });
    }
  }
  // Nodes only reachable through a cycle are listed at the top level so nothing is lost.
  for (const n of nodes) if (!seen.has(n.id)) out.push({ node: n, depth: 0 });
  return out;
}
