/**
 * The conditions read so far: made here (unique ids, level from depth), found again by code or by
 * name, and linked to their parents once every table has been read.
 */
import type { ConditionNode, Mention, SourceRef } from "../model";
import { levelOf } from "./finish";
import { cellRef } from "../address";
import { NameIndex, type Accept, type NameHit } from "./names";
import { words } from "./text";

/** Strong name agreement: a heading or Kode row is the same condition without needing its code. */
export const STRONG = 0.75;
/** Weak name agreement: good enough when the code agrees or a Penjelasan label follows. */
export const WEAK = 0.5;

/** What a new condition is made from. */
export interface NewCondition {
  code: string | null;
  name: string;
  depth: number;
  /** The node it is listed under, when known. */
  parent: ConditionNode | null;
  /** The parent's code as written, when the parent node is not known (yet). */
  parentCode: string | null;
  at: SourceRef;
  kind: Mention["kind"];
}

export class Conditions {
  /** In reading order. */
  readonly nodes: ConditionNode[] = [];
  readonly names = new NameIndex();
  private readonly byCode = new Map<string, ConditionNode[]>();
  private readonly idCount = new Map<string, number>();
  /** Conditions whose depth follows their parent's (read with a parent column). */
  readonly depthFromParent = new Set<ConditionNode>();
  private anonymous = 0;

  /** Make a condition, with an id unique even when codes repeat ("1.4.6#2", "n17" without code). */
  add(c: NewCondition): ConditionNode {
    const base = c.code ?? `n${++this.anonymous}`;
    const n = (this.idCount.get(base) ?? 0) + 1;
    this.idCount.set(base, n);
    const { sheet, row, col } = c.at;
    const cell = cellRef(sheet, row, col);
    const node: ConditionNode = {
      id: n === 1 ? base : `${base}#${n}`,
      code: c.code,
      name: c.name,
      depth: c.depth,
      level: levelOf(c.depth, false),
      parent: c.parent ? c.parent.code : c.parentCode,
      parentId: c.parent ? c.parent.id : null,
      cell,
      source: { sheet, row, col },
      explanation: null,
      problems: null,
      indicatorLine: null,
      impact: null,
      sectionCell: null,
      mentions: [{ name: c.name, code: c.code, kind: c.kind, cell }],
      indicators: [],
    };
    this.nodes.push(node);
    if (c.code) this.indexCode(c.code, node);
    this.names.add(node, c.name);
    return node;
  }

  /** `node` also goes by `code` (a heading giving it a code). */
  indexCode(code: string, node: ConditionNode): void {
    const list = this.byCode.get(code);
    if (!list) this.byCode.set(code, [node]);
    else if (!list.includes(node)) list.push(node);
  }

  /** The nodes going by this code, in the order they were given it. */
  withCode(code: string): readonly ConditionNode[] {
    return this.byCode.get(code) ?? [];
  }

  /** Best node with this code, by agreement with `name` (1 when there is no name). */
  bestByCode(code: string, name: string | null, accept: Accept): NameHit | null {
    const exact = name ? this.names.exact(name) : [];
    let w: string[] | null = null;
    let best: NameHit | null = null;
    for (const n of this.withCode(code)) {
      if (!accept(n)) continue;
      const score = name && !exact.includes(n) ? this.names.score((w ??= words(name)), n) : 1;
      if (!best || score > best.score) best = { node: n, score };
    }
    return best;
  }

  /** The node a Kode/Kondisi/CSF cell refers to: by code (names agreeing), else by name. */
  resolve(code: string | null, name: string | null, depth: number | null): ConditionNode | null {
    const atDepth = (n: ConditionNode): boolean => depth === null || n.depth === depth;
    const any = (): boolean => true;
    if (code) {
      const hit = this.bestByCode(code, name, atDepth) ?? this.bestByCode(code, name, any);
      if (hit) return hit.node;
    }
    if (name) {
      const hit = this.names.best(name, atDepth) ?? this.names.best(name, any);
      if (hit && hit.score >= (code ? STRONG : WEAK)) return hit.node;
    }
    return null;
  }

  /** Parents named only by code (section-only nodes, parents listed later) are linked now. */
  linkParents(): void {
    for (const n of this.nodes) {
      if (n.parentId !== null || n.parent === null) continue;
      const p = this.withCode(n.parent).find((x) => x !== n);
      if (p) n.parentId = p.id;
    }
  }
}
