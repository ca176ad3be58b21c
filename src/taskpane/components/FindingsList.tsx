import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/findings";
import { t, type Lang } from "../../core/messages";
import { ruleName, unbreakableRefs } from "../../core/report";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  controls: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
  stepper: { display: "flex", alignItems: "center", justifyContent: "space-between" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  group: { marginTop: tokens.spacingVerticalS },
  rule: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: `3px solid transparent`,
    background: "none",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
});

export interface FindingsListProps {
  lang: Lang;
  findings: Finding[];
  total: number;
  filter: { text: string; severity: Severity | "all" };
  current: number | null;
  onFilterText(text: string): void;
  onFilterSeverity(severity: Severity | "all"): void;
  onSelect(index: number): void;
  onStep(delta: 1 | -1): void;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

/**
 * Findings grouped by severity, then rule (by its name); each selects its cell. The current one
 * is scrolled into view when ‹ › step to it.
 */
export function FindingsList(p: FindingsListProps) {
  const s = useStyles();
  const { lang, findings, current } = p;
  const indexed = findings.map((f, i) => ({ f, i }));
  const items = React.useRef(new Map<number, HTMLButtonElement>());
  React.useEffect(() => {
    if (current !== null) items.current.get(current)?.scrollIntoView({ block: "nearest" });
  }, [current]);
  return (
    <section className={s.root} aria-labelledby="findings-title">
      <Subtitle2 as="h2" id="findings-title">
        {findings.length === p.total
          ? t("ui.findings.count", { total: p.total }, lang)
          : t("ui.findings.countFiltered", { shown: findings.length, total: p.total }, lang)}
      </Subtitle2>
      <div className={s.controls}>
        <Field label={t("ui.findings.filter", {}, lang)} className={s.grow}>
          <Input
            value={p.filter.text}
            placeholder={t("ui.findings.filter.placeholder", {}, lang)}
            onChange={(_, d) => p.onFilterText(d.value)}
          />
        </Field>
        <Field label={t("ui.findings.severityFilter", {}, lang)}>
          <Select
            value={p.filter.severity}
            onChange={(_, d) => p.onFilterSeverity(d.value as Severity | "all")}
          >
            <option value="all">{t("ui.findings.all", {}, lang)}</option>
            {SEVERITIES.map((sev) => (
              <option key={sev} value={sev}>
                {t(`common.severity.${sev}`, {}, lang)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={s.stepper}>
        <Button
          size="small"
          onClick={() => p.onStep(-1)}
          disabled={findings.length === 0}
          aria-label={t("ui.findings.previous", {}, lang)}
          title={t("ui.findings.previous", {}, lang)}
        >
          ‹
        </Button>
        <Caption1 aria-live="polite" data-testid="findings-position">
          {t(
            "ui.findings.position",
            { index: current === null ? "–" : current + 1, total: findings.length },
            lang
          )}
        </Caption1>
        <Button
          size="small"
          onClick={() => p.onStep(1)}
          disabled={findings.length === 0}
          aria-label={t("ui.findings.next", {}, lang)}
          title={t("ui.findings.next", {}, lang)}
        >
          ›
        </Button>
      </div>
      {findings.length === 0 ? (
        <Text>{t("ui.findings.none", {}, lang)}</Text>
      ) : (
        SEVERITIES.map((sev) => {
          const ofSev = indexed.filter((x) => x.f.severity === sev);
          if (ofSev.length === 0) return null;
          const rules = [...new Set(ofSev.map((x) => x.f.rule))];
          return (
            <div key={sev} className={s.group} role="group" aria-labelledby={`sev-${sev}`}>
              <Subtitle2 as="h3" id={`sev-${sev}`}>
                {t(`common.severity.${sev}`, {}, lang)} ({ofSev.length})
              </Subtitle2>
              {rules.map((rule) => (
                <div key={rule}>
                  <Caption1 as="h4" className={s.rule}>
                    {ruleName(rule, lang)}
                  </Caption1>
                  <ul className={s.list}>
                    {ofSev
                      .filter((x) => x.f.rule === rule)
                      .map(({ f, i }) => (
                        <li key={i}>
                          <button
                            type="button"
                            ref={(el) => {
                              if (el) items.current.set(i, el);
                              else items.current.delete(i);
                            }}
                            className={mergeClasses(s.item, s[sev], p.current === i && s.current)}
                            aria-current={p.current === i ? "true" : undefined}
                            aria-label={
                              f.cell
                                ? `${f.message} — ${t("ui.findings.goto", { cell: f.cell }, lang)}`
                                : f.message
                            }
                            onClick={() => p.onSelect(i)}
                            data-testid="finding"
                          >
                            <Text size={200}>
                              {f.code ? <strong>{f.code} </strong> : null}
                              {unbreakableRefs(f.message)}
                            </Text>
                            {f.cell ? <div className={s.cell}>{f.cell}</div> : null}
                          </button>
                        </li>
                      ))}
                  </ul>
                </div>
              ))}
            </div>
          );
        })
      )}
    </section>
  );
}
