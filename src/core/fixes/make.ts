/** Findings to fixes, rule by rule. */
import { minOf } from "../extent";
import type { WorkbookGrids } from "../grid";
import type { Finding, RuleId } from "../findings";
import type { CsfModel } from "../model";
import type { Lang } from "../messages";
import { codeFixes } from "./codes";
import { makeFixContext } from "./context";
import { nameFixes } from "./names";
import { narrativeFixes } from "./narrative";
import { numberFixes } from "./numbers";
import { polarityFixes } from "./polarity";
import type { Fix } from "./types";

export interface FixOptions {
  lang?: Lang;
  /** The user's pick for fixes with a choice, by fix id (default: the first option). */
  choices?: Readonly<Record<string, number>>;
}

/**
 * The fixes for `findings` (those of `analyse`, and the fill's): at most one per finding, in the
 * order of the findings they repair. Findings with no sure fix ("belum ada data", a section
 * without the indicator line) get none.
 */
export function planFixes(
  findings: readonly Finding[],
  model: CsfModel,
  wb: WorkbookGrids,
  opts: FixOptions = {}
): Fix[] {
  const ctx = makeFixContext(model, wb, opts.lang ?? "id");
  const choices = opts.choices ?? {};
  const fixes = [
    ...codeFixes(ctx, findings),
    ...nameFixes(ctx, findings, (id) => choices[id]),
    ...numberFixes(ctx, findings),
    ...narrativeFixes(ctx, findings),
    ...polarityFixes(ctx, findings, (id) => choices[id]),
  ];
  const order = new Map(findings.map((f, i) => [f, i]));
  const first = (fix: Fix) => minOf(fix.findings.map((f) => order.get(f) ?? Infinity));
  return fixes.sort((a, b) => first(a) - first(b));
}

/** The fixes repairing findings of any of `rules`. */
export function fixesOfRules(fixes: readonly Fix[], rules: readonly RuleId[]): Fix[] {
  return fixes.filter((fix) => fix.findings.some((f) => rules.includes(f.rule)));
}
