/** The tree the model's conditions make: who hangs from whom, in the order the workbook lists them. */
import type { ConditionNode, CsfModel } from "../model";

/** Which nodes hang from the outcome (reachable from a top-level condition) and which cannot. */
export function splitPlaced(model: CsfModel): {
  roots: ConditionNode[];
  children: Map<string, ConditionNode[]>;
  shelf: ConditionNode[];
} {
  const ids = new Set(model.nodes.map((n) => n.id));
  const children = new Map<string, ConditionNode[]>();
  const roots: ConditionNode[] = [];
  for (const n of model.nodes) {
    if (n.parentId === null) {
      if (n.depth <= 1) roots.push(n);
    } else if (ids.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId) ?? [];
      list.push(n);
      children.set(n.parentId, list);
    }
  }
  const reached = new Set<string>();
  const walk = (n: ConditionNode): void => {
    if (reached.has(n.id)) return;
    reached.add(n.id);
    for (const c of children.get(n.id) ?? []) walk(c);
  };
  roots.forEach(walk);
  // Children lists keep only reachable nodes reached through their own parent (no cycles).
  const shelf = model.nodes.filter((n) => !reached.has(n.id));
  return { roots, children, shelf };
}

/**
 * The conditions in tree order: each followed by its children, in the order the workbook lists
 * them, from the CSFs down; then those that hang from nothing, in reading order.
 */
export function treeOrder(model: CsfModel): ConditionNode[] {
  const { roots, children, shelf } = splitPlaced(model);
  const out: ConditionNode[] = [];
  const visit = (n: ConditionNode): void => {
    out.push(n);
    for (const c of children.get(n.id) ?? []) visit(c);
  };
  roots.forEach(visit);
  return [...out, ...shelf];
}
