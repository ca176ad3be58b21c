import * as React from "react";
import { Badge, Caption1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../core";
import type { Summary } from "../reducer";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  outcome: { fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  row: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export function SummaryCard({ summary, lang }: { summary: Summary | null; lang: Lang }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-labelledby="summary-title">
      <Subtitle2 as="h2" id="summary-title">
        {t("ui.summary.title", {}, lang)}
      </Subtitle2>
      {summary === null ? (
        <Text>{t("ui.summary.empty", {}, lang)}</Text>
      ) : (
        <>
          <Caption1>{t("ui.summary.outcome", {}, lang)}</Caption1>
          <Text className={s.outcome} data-testid="summary-outcome">
            {summary.outcome ?? t("ui.summary.noOutcome", {}, lang)}
          </Text>
          <Caption1>{t("ui.summary.conditions", {}, lang)}</Caption1>
          <dl style={{ margin: 0 }}>
            {(["csf", "antara", "operasional"] as const).map((level) => (
              <div className={s.row} key={level}>
                <dt>{t(`common.level.${level}`, {}, lang)}</dt>
                <dd style={{ margin: 0 }} data-testid={`summary-${level}`}>
                  {summary.conditions[level]}
                </dd>
              </div>
            ))}
            <div className={s.row}>
              <dt>{t("ui.summary.indicators", {}, lang)}</dt>
              <dd style={{ margin: 0 }} data-testid="summary-indicators">
                {summary.indicators}
              </dd>
            </div>
          </dl>
          <Caption1>{t("ui.summary.findings", {}, lang)}</Caption1>
          <div className={s.badges}>
            <Badge color="danger" appearance="tint" data-testid="summary-error">
              {t("common.severity.error", {}, lang)}: {summary.bySeverity.error}
            </Badge>
            <Badge color="warning" appearance="tint" data-testid="summary-warning">
              {t("common.severity.warning", {}, lang)}: {summary.bySeverity.warning}
            </Badge>
            <Badge color="informative" appearance="tint" data-testid="summary-info">
              {t("common.severity.info", {}, lang)}: {summary.bySeverity.info}
            </Badge>
          </div>
        </>
      )}
    </section>
  );
}
