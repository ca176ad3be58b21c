/** What must survive a round trip through the kertas kerja, per condition, in a stable order. */
import type { CsfModel } from "../../../src/core/model";

export function essence(m: CsfModel) {
  return m.nodes
    .map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      level: n.level,
      depth: n.depth,
      parent: n.parent,
      parentId: n.parentId,
      cause: n.cause ?? null,
      explanation: n.explanation,
      problems: n.problems,
      impact: n.impact,
      responsible: n.responsible ?? null,
      indicators: n.indicators.map((i) => ({
        name: i.name,
        definition: i.definition,
        relevance: i.relevance,
        formula: i.formula,
        dataSource: i.dataSource,
        responsible: i.responsible ?? null,
      })),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
