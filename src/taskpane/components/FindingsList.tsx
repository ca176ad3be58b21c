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
import {
  type Finding,
  type RuleId,
  type Severity,
  t,
  type Lang,
  ruleName,
  unbreakableRefs,
} from "../../core";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  controls: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
  control: { minWidth: 0, width: "100%" },
  // Stays at the top while the list scrolls, so ‹ › are always at hand.
  stepper: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalXS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  group: { marginTop: tokens.spacingVerticalS },
  rule: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
  ruleRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
  },
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
    // Scrolled into view below the sticky stepper, not under it.
    scrollMarginTop: "48px",
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
  /** Shown under a finding (its "Perbaiki"), and beside a rule's name (its "Perbaiki semua"). */
  findingAction?(finding: Finding): React.ReactNode;
  ruleAction?(rule: RuleId, findings: Finding[]): React.ReactNode;
}

type Actions = Pick<FindingsListProps, "findingAction" | "ruleAction">;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

type Styles = ReturnType<typeof useStyles>;
type Indexed = { f: Finding; i: number };

/** One finding: its code and message; its cell under it, never broken over lines. */
function FindingItem(props: {
  s: Styles;
  lang: Lang;
  item: Indexed;
  current: boolean;
  register(i: number, el: HTMLButtonElement | null): void;
  onSelect(index: number): void;
  action?: React.ReactNode;
}) {
  const { s, lang, current } = props;
  const { f, i } = props.item;
  return (
    <li>
      <button
        type="button"
        ref={(el) => props.register(i, el)}
        className={mergeClasses(s.item, s[f.severity], current && s.current)}
        aria-current={current ? "true" : undefined}
        aria-label={
          f.cell ? `${f.message} — ${t("ui.findings.goto", { cell: f.cell }, lang)}` : f.message
        }
        onClick={() => props.onSelect(i)}
        data-testid="finding"
      >
        <Text size={200}>
          {f.code ? <strong>{f.code} </strong> : null}
          {unbreakableRefs(f.message)}
        </Text>
        {f.cell ? <div className={s.cell}>{f.cell}</div> : null}
      </button>
      {props.action}
    </li>
  );
}

/** The findings of one severity, under a heading per rule (the rule's name). */
function SeverityGroup(props: {
  s: Styles;
  lang: Lang;
  severity: Severity;
  items: Indexed[];
  current: number | null;
  register(i: number, el: HTMLButtonElement | null): void;
  onSelect(index: number): void;
  actions: Actions;
}) {
  const { s, lang, severity, items, actions } = props;
  const rules = [...new Set(items.map((x) => x.f.rule))];
  return (
    <div className={s.group} role="group" aria-labelledby={`sev-${severity}`}>
      <Subtitle2 as="h3" id={`sev-${severity}`}>
        {t(`common.severity.${severity}`, {}, lang)} ({items.length})
      </Subtitle2>
      {rules.map((rule) => (
        <div key={rule}>
          <div className={s.ruleRow}>
            <Caption1 as="h4" className={s.rule}>
              {ruleName(rule, lang)}
            </Caption1>
            {actions.ruleAction?.(
              rule,
              items.filter((x) => x.f.rule === rule).map((x) => x.f)
            )}
          </div>
          <ul className={s.list}>
            {items
              .filter((x) => x.f.rule === rule)
              .map((item) => (
                <FindingItem
                  key={item.i}
                  s={s}
                  lang={lang}
                  item={item}
                  current={props.current === item.i}
                  register={props.register}
                  onSelect={props.onSelect}
                  action={actions.findingAction?.(item.f)}
                />
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** The text and severity filters. */
function FindingsFilter({ s, p }: { s: Styles; p: FindingsListProps }) {
  const { lang } = p;
  return (
    <div className={s.controls}>
      <Field label={t("ui.findings.filter", {}, lang)} className={s.grow}>
        <Input
          className={s.control}
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
  );
}

/** ‹ n dari N ›: "–" until a finding is chosen. */
function Stepper({ s, p }: { s: Styles; p: FindingsListProps }) {
  const { lang, findings, current } = p;
  const step = (delta: 1 | -1, key: "ui.findings.previous" | "ui.findings.next", sign: string) => (
    <Button
      size="small"
      onClick={() => p.onStep(delta)}
      disabled={findings.length === 0}
      aria-label={t(key, {}, lang)}
      title={t(key, {}, lang)}
    >
      {sign}
    </Button>
  );
  return (
    <div className={s.stepper}>
      {step(-1, "ui.findings.previous", "‹")}
      <Caption1 aria-live="polite" data-testid="findings-position">
        {t(
          "ui.findings.position",
          { index: current === null ? "–" : current + 1, total: findings.length },
          lang
        )}
      </Caption1>
      {step(1, "ui.findings.next", "›")}
    </div>
  );
}

/**
 * Findings grouped by severity, then rule (by its name); each selects its cell. The current one
 * is scrolled into view when ‹ › step to it.
 */
export function FindingsList(p: FindingsListProps) {
  const s = useStyles();
  const { lang, findings, current } = p;
  const indexed = findings.map((f, i) => ({ f, i }));
  const items = React.useRef(new Map<number, HTMLButtonElement>());
  const register = React.useCallback((i: number, el: HTMLButtonElement | null) => {
    if (el) items.current.set(i, el);
    else items.current.delete(i);
  }, []);
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
      <FindingsFilter s={s} p={p} />
      <Stepper s={s} p={p} />
      {findings.length === 0 ? (
        <Text>{t("ui.findings.none", {}, lang)}</Text>
      ) : (
        SEVERITIES.map((severity) => {
          const ofSeverity = indexed.filter((x) => x.f.severity === severity);
          if (ofSeverity.length === 0) return null;
          return (
            <SeverityGroup
              key={severity}
              s={s}
              lang={lang}
              severity={severity}
              items={ofSeverity}
              current={current}
              register={register}
              onSelect={p.onSelect}
              actions={p}
            />
          );
        })
      )}
    </section>
  );
}
