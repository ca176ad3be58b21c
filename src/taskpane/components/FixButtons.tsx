import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { type Fix, type Finding, t, type Lang } from "../../core";

const useStyles = makeStyles({
  // A plain button (one per finding): a Fluent Button each made long lists slow to render.
  one: {
    marginLeft: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** "Perbaiki" under a finding that has a fix. */
export function FixButton(p: { lang: Lang; fix: Fix; onFix(ids: string[]): void }) {
  const s = useStyles();
  return (
    <button
      type="button"
      className={s.one}
      aria-label={t("fixes.ui.fixLabel", { description: p.fix.description }, p.lang)}
      title={p.fix.description}
      onClick={() => p.onFix([p.fix.id])}
      data-testid="fix"
    >
      {t("fixes.ui.fix", {}, p.lang)}
    </button>
  );
}

/** "Perbaiki semua (n)" beside a rule's findings, n of them having a fix; nothing when none has. */
export function FixAllButton(p: {
  lang: Lang;
  findings: readonly Finding[];
  fixOf(finding: Finding): Fix | null;
  onFix(ids: string[]): void;
}) {
  const fixable = p.findings.filter((f) => p.fixOf(f) !== null);
  if (fixable.length === 0) return null;
  const ids = [...new Set(fixable.map((f) => p.fixOf(f)?.id ?? ""))];
  return (
    <Button size="small" appearance="subtle" onClick={() => p.onFix(ids)} data-testid="fix-all">
      {t("fixes.ui.fixAll", { count: fixable.length }, p.lang)}
    </Button>
  );
}
