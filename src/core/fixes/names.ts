/**
 * `name-mismatch`: one condition written with different names in the tables, headings and Kode
 * columns. The user picks one of the names (by default the one it was first listed with, the CSF
 * table's) and it is written in every place the condition is named, codes kept as they are.
 */
import { nameKey } from "../checks/text";
import type { Finding } from "../findings";
import type { ConditionNode, Mention } from "../model";
import { t } from "../messages";
import { nameSplices } from "./cell-text";
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
import { fixId } from "./id";
import type { CellEdit, Fix } from "./types";

/** One fix per condition with name-mismatch findings; `choose` gives the picked name's index. */
export function nameFixes(
  ctx: FixContext,
  findings: readonly Finding[],
  choose: (id: string) => number | undefined
): Fix[] {
  const byNode = new Map<ConditionNode, Finding[]>();
  for (const f of findings) {
    if (f.rule !== "name-mismatch") continue;
    const nameCell = typeof f.params.nameCell === "string" ? f.params.nameCell : null;
    const node = ctx.nodeOf(nameCell, f.code, f.params.name);
    if (!node) continue;
    addTo(byNode, node, f);
  }
  const out: Fix[] = [];
  for (const [node, fixed] of byNode) {
    const mentions = namedMentions(node);
    const options = variants(node, mentions);
    const id = fixId("name-mismatch", fixed[0] ?? null);
    const picked = choose(id) ?? 0;
    const chosen = Math.min(Math.max(0, picked), options.length - 1);
    const name = options[chosen] ?? node.name;
    const edits = mergeSameCell(mentions.flatMap((m) => renameEdit(ctx, m, name)));
    if (edits.length === 0) continue;
    const params = { code: node.code ?? "?", name, places: placesOf(ctx, edits) };
    out.push(
      makeFix(ctx, "name-mismatch", fixed, edits, "fixes.name", params, {
        question: t("fixes.choice.name", {}, ctx.lang),
        options,
        chosen,
      })
    );
  }
  return out;
}

/** The mentions the rule compares: named, and with the condition's code or none. */
function namedMentions(node: ConditionNode): Mention[] {
  return node.mentions.filter((m) => m.name !== "" && (m.code === null || m.code === node.code));
}

/** The distinct names (case, spacing and punctuation aside), the first listing's first. */
function variants(node: ConditionNode, mentions: readonly Mention[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of [node.name, ...mentions.map((m) => m.name)]) {
    const key = nameKey(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function renameEdit(ctx: FixContext, m: Mention, name: string): CellEdit[] {
  if (nameKey(m.name) === nameKey(name)) return [];
  const at = refToSource(m.cell);
  const grid = at && ctx.writable(at.sheet, at.row, at.col);
  if (!at || !grid) return [];
  const text = editText(grid.values[at.row]?.[at.col] ?? null);
  const edit = spliceEdit(ctx, at, nameSplices(text, m, name));
  return edit ? [edit] : [];
}
