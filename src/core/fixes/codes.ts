/**
 * Renumbering: `code-parent-mismatch` ("2.1" listed under 1.2 becomes 1.2.1) and `duplicate-code`
 * (the later of two conditions sharing a code gets the next free code under its parent, as the
 * seed's own narrative numbers the second 1.4.6 as 1.4.7). A renumbered condition's code is
 * rewritten wherever the reader found it written for that condition, and the conditions under it
 * follow ("2.1.1" under a renumbered "2.1" becomes "1.2.1.1"), so no fix leaves a new mismatch.
 */
import { extendsCode } from "../checks/structure";
import type { Finding } from "../findings";
import { cellRef } from "../address";
import type { ConditionNode, CsfModel, Mention } from "../model";
import { codeSplices } from "./cell-text";
import {
  addTo,
  editText,
  makeFix,
  mergeSameCell,
  placesOf,
  refToSource,
  spliceEdit,
  type FixContext,
} from "./context";
import type { CellEdit, Fix } from "./types";

/** One fix per renumbered condition (with the conditions under it that follow it). */
export function codeFixes(ctx: FixContext, findings: readonly Finding[]): Fix[] {
  const wrong = new Map<ConditionNode, Finding[]>();
  for (const f of findings) {
    if (f.rule !== "code-parent-mismatch" && f.rule !== "duplicate-code") continue;
    const node = ctx.nodeOf(f.cell, f.code, f.params.name);
    if (!node || node.code === null) continue;
    addTo(wrong, node, f);
  }
  if (wrong.size === 0) return [];
  const codes = newCodes(ctx.model, new Set(wrong.keys()));
  const byId = new Map(ctx.model.nodes.map((n) => [n.id, n]));
  // Each changed condition belongs to the fix of the highest wrong condition it follows.
  const owned = new Map<ConditionNode, ConditionNode[]>();
  for (const node of ctx.model.nodes) {
    if (!codes.has(node)) continue;
    const owner = ownerOf(node, codes, wrong, byId);
    if (!owner) continue;
    addTo(owned, owner, node);
  }
  const out: Fix[] = [];
  for (const [owner, nodes] of owned) {
    const edits = mergeSameCell(nodes.flatMap((n) => codeEdits(ctx, n, codes.get(n) ?? "")));
    if (edits.length === 0) continue;
    const fixed = nodes.flatMap((n) => wrong.get(n) ?? []);
    const params = {
      from: owner.code ?? "",
      to: codes.get(owner) ?? "",
      places: placesOf(ctx, edits),
      children: nodes.length - 1,
    };
    const key = nodes.length > 1 ? "fixes.codeWithChildren" : "fixes.code";
    out.push(makeFix(ctx, fixed[0]?.rule ?? "code-parent-mismatch", fixed, edits, key, params));
  }
  return out;
}

/**
 * The edits writing `code` in every place the node's code is written: where the reader found it
 * (tables, headings, Kode cells) and the Kode cells of its own indicators' rows, which the reader
 * may have credited to another condition of the same code.
 */
function codeEdits(ctx: FixContext, node: ConditionNode, code: string): CellEdit[] {
  const places: Mention[] = [...node.mentions];
  for (const ind of node.indicators) {
    const m = ind.measure;
    if (m?.columns.code === undefined || node.code === null) continue;
    const cell = cellRef(m.sheet, m.row, m.columns.code);
    places.push({ name: "", code: node.code, kind: "measure-table", cell });
  }
  const out: CellEdit[] = [];
  for (const m of places) {
    const at = refToSource(m.cell);
    const grid = at && ctx.writable(at.sheet, at.row, at.col);
    if (!at || !grid) continue;
    const text = editText(grid.values[at.row]?.[at.col] ?? null);
    const edit = spliceEdit(ctx, at, codeSplices(text, m, code));
    if (edit) out.push(edit);
  }
  return out;
}

/**
 * The highest wrong condition whose renumbering `node`'s new code comes from: itself, or an
 * ancestor reached through conditions that all change.
 */
function ownerOf(
  node: ConditionNode,
  codes: Map<ConditionNode, string>,
  wrong: Map<ConditionNode, Finding[]>,
  byId: Map<string, ConditionNode>
): ConditionNode | null {
  let owner: ConditionNode | null = wrong.has(node) ? node : null;
  const seen = new Set<ConditionNode>([node]);
  let at = node.parentId ? byId.get(node.parentId) : undefined;
  while (at && codes.has(at) && !seen.has(at)) {
    seen.add(at);
    if (wrong.has(at)) owner = at;
    at = at.parentId ? byId.get(at.parentId) : undefined;
  }
  return owner;
}

/** Who holds each code: the conditions carrying it and those mentioned with it anywhere. */
class Taken {
  private readonly owners = new Map<string, Set<ConditionNode>>();

  add(code: string, node: ConditionNode): void {
    const set = this.owners.get(code);
    if (set) set.add(node);
    else this.owners.set(code, new Set([node]));
  }

  /** Free for `node`: nobody else holds it. */
  freeFor(code: string, node: ConditionNode): boolean {
    const set = this.owners.get(code);
    return !set || [...set].every((n) => n === node);
  }

  /** The highest number n of the codes "prefix.n" held by others than `node`. */
  highestUnder(prefix: string, node: ConditionNode): number {
    let max = 0;
    for (const code of this.owners.keys()) {
      if (this.freeFor(code, node)) continue;
      const n = numberUnder(code, prefix);
      if (n !== null && n > max) max = n;
    }
    return max;
  }
}

/** n when `code` is "prefix.n" ("n" for an empty prefix), else null. */
function numberUnder(code: string, prefix: string): number | null {
  if (prefix !== "" && !code.startsWith(`${prefix}.`)) return null;
  const rest = prefix === "" ? code : code.slice(prefix.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

function codeUnder(prefix: string, n: number): string {
  return prefix === "" ? String(n) : `${prefix}.${n}`;
}

/**
 * The new code of every condition whose code changes, worked out top down: a wrong condition is
 * given a free code under its parent's (new) code; a condition under a renumbered one keeps its
 * own numbers after the parent's new code.
 */
export function newCodes(
  model: CsfModel,
  wrong: ReadonlySet<ConditionNode>
): Map<ConditionNode, string> {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const children = new Map<ConditionNode | null, ConditionNode[]>();
  const taken = new Taken();
  for (const n of model.nodes) {
    const parent = n.parentId ? (byId.get(n.parentId) ?? null) : null;
    addTo(children, parent, n);
    if (n.code !== null && !wrong.has(n)) taken.add(n.code, n);
    for (const m of n.mentions) if (m.code !== null) taken.add(m.code, n);
  }
  const effective = new Map<ConditionNode, string>();
  const seen = new Set<ConditionNode>();
  const walk = (parent: ConditionNode | null): void => {
    const kids = (children.get(parent) ?? []).filter((k) => !seen.has(k));
    for (const kid of kids) seen.add(kid);
    const oldPrefix = parent?.code ?? null;
    const newPrefix = parent ? (effective.get(parent) ?? parent.code) : null;
    // The siblings that follow the parent first, so a wrong one never takes a code they get.
    for (const kid of kids) {
      if (kid.code === null || wrong.has(kid)) continue;
      let code = kid.code;
      if (oldPrefix !== null && newPrefix !== null && extendsCode(kid.code, oldPrefix))
        code = newPrefix + kid.code.slice(oldPrefix.length);
      effective.set(kid, code);
      taken.add(code, kid);
    }
    let previous = 0;
    for (const kid of kids) {
      if (kid.code === null) continue;
      let code = effective.get(kid);
      if (code === undefined) {
        code = assign(kid, parent, oldPrefix, newPrefix, previous, taken);
        effective.set(kid, code);
        taken.add(code, kid);
      }
      const n = numberUnder(code, newPrefix ?? "");
      if (n !== null) previous = n;
    }
    for (const kid of kids) walk(kid);
  };
  walk(null);
  const out = new Map<ConditionNode, string>();
  for (const [node, code] of effective) if (code !== node.code) out.set(node, code);
  return out;
}

/**
 * A free code for a wrong condition under `newPrefix`. A duplicate takes the next number after
 * the highest in use; a code not under its parent takes the first free number after the sibling
 * listed before it ("2.1", "2.2" under 1.2 become 1.2.1, 1.2.2), keeping the siblings' order.
 */
function assign(
  kid: ConditionNode,
  parent: ConditionNode | null,
  oldPrefix: string | null,
  newPrefix: string | null,
  previous: number,
  taken: Taken
): string {
  const code = kid.code ?? "";
  const dot = code.lastIndexOf(".");
  // Without a parent code, a duplicate stays under the code its own code names.
  const prefix = newPrefix ?? (parent === null || dot < 0 ? "" : code.slice(0, dot));
  const duplicate = oldPrefix === null || extendsCode(code, oldPrefix);
  let n = duplicate ? taken.highestUnder(prefix, kid) + 1 : previous + 1;
  while (!taken.freeFor(codeUnder(prefix, n), kid)) n++;
  return codeUnder(prefix, n);
}
