/**
 * The last pass, once every table is read: parents named only by code linked, depths from the
 * parent column, each condition's level from its place in the tree, and the responsible unit of
 * a condition whose indicator rows all agree.
 */
import type { ConditionNode, Level } from "../model";
import type { Draft } from "./draft";

export function finish(draft: Draft): void {
  const nodes = draft.conditions.nodes;
  draft.conditions.linkParents();
  depthsFromParents(nodes, draft.conditions.depthFromParent);
  levelsFromLeaves(nodes);
  for (const n of nodes) agreeOnResponsible(n);
}

/**
 * Conditions read with a parent column sit one level below their parent, whatever their code's
 * shape says; those without a parent stay where their row put them.
 */
function depthsFromParents(nodes: readonly ConditionNode[], marked: ReadonlySet<ConditionNode>) {
  if (marked.size === 0) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const settled = new Map<ConditionNode, number>();
  const depthOf = (n: ConditionNode, below: Set<ConditionNode>): number => {
    if (!marked.has(n)) return n.depth;
    const known = settled.get(n);
    if (known !== undefined) return known;
    const parent = n.parentId !== null ? byId.get(n.parentId) : undefined;
    // A cycle of parents stops at the condition where it closes.
    below.add(n);
    const depth = parent && !below.has(parent) ? depthOf(parent, below) + 1 : n.depth;
    settled.set(n, depth);
    return depth;
  };
  for (const n of marked) n.depth = depthOf(n, new Set());
}

/**
 * depth 1 is a CSF; depth 2 a kondisi antara; deeper conditions are kondisi antara when
 * conditions hang below them and kondisi operasional when they are leaves.
 */
function levelsFromLeaves(nodes: readonly ConditionNode[]): void {
  const parents = new Set<string>();
  for (const n of nodes) if (n.parentId !== null && n.parentId !== n.id) parents.add(n.parentId);
  for (const n of nodes) n.level = levelOf(n.depth, parents.has(n.id));
}

export function levelOf(depth: number, hasChildren: boolean): Level {
  if (depth <= 1) return "csf";
  if (depth === 2 || hasChildren) return "antara";
  return "operasional";
}

/** The node's responsible unit when every indicator row names the same one. */
function agreeOnResponsible(n: ConditionNode): void {
  const names = new Set(n.indicators.map((i) => i.responsible ?? null));
  if (names.size !== 1) return;
  const only = [...names][0];
  if (only) n.responsible = only;
}
