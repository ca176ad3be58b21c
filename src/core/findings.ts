/** Findings are data: a stable rule id, a severity, the cell, the condition code and a message. */

export type Severity = "error" | "warning" | "info";

/** Stable rule ids. Never rename one: reports and users' filters depend on them. */
export type RuleId =
  | "missing-field"
  | "no-indicator"
  | "duplicate-code"
  | "orphan"
  | "code-parent-mismatch"
  | "numbering-gap"
  | "name-mismatch"
  | "formula-type-mismatch"
  | "narrative-mismatch"
  | "duplicate-text"
  | "invalid-number"
  | "missing-target"
  | "achievement-uncomputable"
  | "manual-override"
  | "polarity-assumed"
  | "missing-outcome"
  | "no-section"
  | "level-naming"
  | "skipped-content"
  | "fill-blocked"
  | "sheet-protected"
  | "duplicate-indicator"
  | "parent-mismatch"
  | "codes-given"
  | "levels-unknown"
  | "measure-columns"
  | "unplaced-table"
  | "mapping-outdated";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Sheet name, or null when the finding is about the whole workbook. */
  sheet: string | null;
  /** "'Sheet'!B7", or null. */
  cell: string | null;
  /** Condition code concerned, as the workbook gives it, or null. */
  code: string | null;
  /** Message rendered in the language asked for. */
  message: string;
  /** Values the message was built from, so it can be rendered again in another language. */
  params: Record<string, string | number>;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sort by severity, then sheet, then row/column order of the cell, then rule. Stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const s = ORDER[a.f.severity] - ORDER[b.f.severity];
      if (s !== 0) return s;
      const sh = (a.f.sheet ?? "").localeCompare(b.f.sheet ?? "");
      if (sh !== 0) return sh;
      return a.i - b.i;
    })
    .map((x) => x.f);
}

/** Counts per severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
