/** What every rule shares: the language and one way to make a finding. */
import { parseCellRef } from "../address";
import type { Finding, RuleId, Severity } from "../findings";
import { t, type Lang, type MessageKey } from "../messages";

export interface RuleContext {
  lang: Lang;
  /** Render a message in the check's language. */
  msg(key: MessageKey, params?: Record<string, string | number>): string;
  /** Make a finding; its sheet is taken from the cell reference. */
  finding(
    rule: RuleId,
    severity: Severity,
    cell: string | null,
    code: string | null,
    key: MessageKey,
    params: Record<string, string | number>
  ): Finding;
}

/** A rule context for one language. */
export function makeContext(lang: Lang): RuleContext {
  return {
    lang,
    msg: (key, params = {}) => t(key, params, lang),
    finding(rule, severity, cell, code, key, params) {
      const sheet = cell ? (parseCellRef(cell)?.sheet ?? null) : null;
      // The key travels in params so a report can render the finding again in the other language.
      return {
        rule,
        severity,
        sheet,
        cell,
        code,
        message: t(key, params, lang),
        params: { ...params, messageKey: key },
      };
    },
  };
}

/** A rule: model in, findings out. */
export type Rule<M> = (model: M, ctx: RuleContext) => Finding[];
