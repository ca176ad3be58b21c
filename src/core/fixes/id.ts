/** A fix's stable id, known before the fix is made (the pane keys the user's choices by it). */
import type { Finding, RuleId } from "../findings";

/** "rule|cell|code" of the first finding a fix repairs. */
export function fixId(rule: RuleId, first: Finding | null): string {
  return `${rule}|${first?.cell ?? ""}|${first?.code ?? ""}`;
}
