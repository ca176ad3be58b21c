/**
 * Section headings: a line naming a condition ("1.1.1. Name", "1.8 Name", or the name alone)
 * starts that condition's section. Numbered paragraphs ("1. Penataan Organisasi merupakan …")
 * are prose, not headings: a heading must agree with a known condition by code or name, or be
 * followed by "Penjelasan".
 */
import type { ConditionNode } from "../model";
import { cellRef } from "../address";
import type { TextBlock } from "./blocks";
import { STRONG, WEAK } from "./conditions";
import type { Draft } from "./draft";
import { endsSentence, isProse } from "./lines";
import { codeDepth, parentCode, splitLeadingCode, splitTrailingCode } from "./text";

/** What a heading line says: its code (leading or trailing) and the name. */
interface HeadingText {
  code: string | null;
  name: string;
}

/**
 * The condition whose section starts at `b`, or null when the line is not a heading. A heading
 * claims its condition (each condition has one section); an unknown heading with a code at
 * depth 2 or more, or followed by "Penjelasan", makes a condition of its own.
 */
export function matchHeading(
  draft: Draft,
  b: TextBlock,
  nextIsLabel: boolean,
  claimed: Set<ConditionNode>
): ConditionNode | null {
  const text = b.text;
  if (/[\r\n]/.test(text)) return null;
  const lead = splitLeadingCode(text);
  const heading: HeadingText = {
    code: lead ? lead.code : null,
    name: splitTrailingCode(lead ? lead.name : text).name,
  };
  const free = (n: ConditionNode): boolean => !claimed.has(n);
  const conditions = draft.conditions;
  if (isProse(text)) {
    // A long name may still be a heading: only when it is a listed condition's exact name.
    if (!heading.code || text.length > 1000) return null;
    const exact = conditions.names.exact(heading.name).filter(free);
    const found = exact.find((n) => n.code === heading.code) ?? exact[0];
    return found ? claim(draft, found, b, heading, claimed) : null;
  }
  // A line without a code, not followed by "Penjelasan" and ending a sentence is text; only an
  // exact name could make it a heading (this keeps the fuzzy search off paragraphs).
  const sentence =
    !heading.code && !nextIsLabel && (endsSentence(text, false) || text.length > 150);
  if (sentence && !conditions.names.exact(heading.name).some(free)) return null;
  const node = knownCondition(draft, heading, text, nextIsLabel, free);
  if (node) return claim(draft, node, b, heading, claimed);
  if (!(nextIsLabel || (heading.code !== null && codeDepth(heading.code) >= 2))) return null;
  const made = conditions.add({
    code: heading.code,
    name: heading.name,
    depth: heading.code ? codeDepth(heading.code) : 1,
    parent: null,
    parentCode: heading.code ? parentCode(heading.code) : null,
    at: { sheet: b.sheet.name, row: b.row, col: b.col },
    kind: "section-heading",
  });
  claimed.add(made);
  made.sectionCell = made.cell;
  return made;
}

/** The known, unclaimed condition a heading names: by code with the name agreeing, else by name. */
function knownCondition(
  draft: Draft,
  { code, name }: HeadingText,
  text: string,
  nextIsLabel: boolean,
  free: (n: ConditionNode) => boolean
): ConditionNode | null {
  const conditions = draft.conditions;
  if (code) {
    const hit = conditions.bestByCode(code, name, free);
    if (hit && hit.score >= WEAK) return hit.node;
  }
  // A weak name match must at least sit at the level the heading's code says.
  const sameLevel = (n: ConditionNode): boolean =>
    free(n) && (code === null || n.depth === codeDepth(code));
  const strong = conditions.names.best(name, free);
  const weak = conditions.names.best(name, sameLevel);
  const hit = strong && strong.score >= STRONG ? strong : weak;
  if (hit && (hit.score >= STRONG || (hit.score >= WEAK && (code !== null || nextIsLabel)))) {
    // Without a code, a name alone must really be that name, not a sentence about it.
    if (code !== null || nextIsLabel || (hit.score >= 0.9 && !/\.\s*$/.test(text))) return hit.node;
  }
  if (code) {
    const byCode = conditions.bestByCode(code, name, free);
    if (byCode && (byCode.score > 0 || nextIsLabel)) return byCode.node;
  }
  return null;
}

/** The section at `b` describes `node`: record the heading as a mention, and its code. */
function claim(
  draft: Draft,
  node: ConditionNode,
  b: TextBlock,
  { code, name }: HeadingText,
  claimed: Set<ConditionNode>
): ConditionNode {
  const cell = cellRef(b.sheet.name, b.row, b.col);
  node.mentions.push({ name, code, kind: "section-heading", cell });
  if (code) draft.conditions.indexCode(code, node);
  claimed.add(node);
  node.sectionCell = cell;
  return node;
}
