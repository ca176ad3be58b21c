import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Divider,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type Finding, type Fix, t, guessedMapping } from "../core";
import type { PaneHost } from "./host";
import { fixesByFinding, unplacedOf, visibleFindings, type PaneState } from "./reducer";
import { usePane, type PaneCommands } from "./use-pane";
import { StatusArea } from "./components/StatusArea";
import { SummaryCard } from "./components/SummaryCard";
import { ActionsPanel } from "./components/ActionsPanel";
import { FindingsList } from "./components/FindingsList";
import { SettingsPanel } from "./components/SettingsPanel";
import { FixAllButton, FixButton } from "./components/FixButtons";
import { FixDialog } from "./components/FixDialog";
import { LastFixBar } from "./components/LastFixBar";
import { MapButton, MappingDialog } from "./components/MappingDialog";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "560px",
    minWidth: 0,
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  host: PaneHost;
  /** Starting state, for tests; normally from the workbook's settings. */
  initial?: PaneState;
}

/** The button under a finding: its fix, mapping its table, or removing its outdated mapping. */
function FindingAction(p: {
  finding: Finding;
  fix: Fix | null;
  state: PaneState;
  commands: PaneCommands;
}) {
  const { finding: f, state, commands } = p;
  const lang = state.lang;
  if (p.fix) return <FixButton lang={lang} fix={p.fix} onFix={commands.askFix} />;
  if (f.rule === "mapping-outdated" && f.sheet !== null)
    return (
      <MapButton lang={lang} drop where={f.sheet} onClick={() => void commands.dropMapping(f)} />
    );
  const table = unplacedOf(state, f);
  if (!table) return null;
  return <MapButton lang={lang} where={f.cell ?? ""} onClick={() => commands.mapTable(table)} />;
}

/** The pane: a composition of its sections; behaviour lives in `usePane`, state in the reducer. */
export function App({ host, initial }: AppProps) {
  const s = useStyles();
  const { state, commands } = usePane(host, initial);
  const { lang } = state;
  const { dispatch } = commands;
  const { fixes } = state;
  const confirming = fixes.confirming;
  const fixByFinding = React.useMemo(() => fixesByFinding(fixes.planned), [fixes.planned]);
  const fixOf = (f: Finding) => fixByFinding.get(f) ?? null;

  return (
    <main className={s.root} lang={lang}>
      <header className={s.header}>
        <Subtitle1 as="h1">{t("ui.title", {}, lang)}</Subtitle1>
        <Caption1 className={s.subtitle}>{t("ui.subtitle", {}, lang)}</Caption1>
      </header>
      <StatusArea
        lang={lang}
        error={state.error}
        notice={state.notice}
        busy={state.busy}
        progress={state.progress}
        onDismissError={() => dispatch({ type: "dismissError" })}
        onDismissNotice={() => dispatch({ type: "dismissNotice" })}
        onOpenSheet={commands.openSheet}
      />
      <LastFixBar
        lang={lang}
        last={fixes.last}
        remake={fixes.remake}
        busy={state.busy !== null}
        onUndo={() => void commands.undoFix()}
        onRemake={(action) => {
          dispatch({ type: "remade", action });
          void commands.run(action);
        }}
      />
      <SummaryCard summary={state.summary} lang={lang} />
      <ActionsPanel
        lang={lang}
        busy={state.busy}
        replaceOverrides={state.replaceOverrides}
        cleanPrint={state.settings.cleanPrint}
        onRun={(a) => void commands.run(a)}
        onNew={() => void commands.addBlank()}
        onReplaceOverrides={(value) => dispatch({ type: "replaceOverrides", value })}
        onCleanPrint={(value) => void commands.setCleanPrint(value)}
      />
      <Accordion
        collapsible
        onToggle={(_, d) => {
          if (d.openItems.includes("settings")) void commands.prefill();
        }}
      >
        <AccordionItem value="settings">
          <AccordionHeader as="h2">{t("ui.settings.title", {}, lang)}</AccordionHeader>
          <AccordionPanel>
            <SettingsPanel
              lang={lang}
              settings={state.settings}
              suggested={state.workbook}
              busy={state.busy !== null}
              onSave={(x) => void commands.saveSettings(x)}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Divider />
      {state.summary !== null && (
        <FindingsList
          lang={lang}
          findings={visibleFindings(state)}
          total={state.findings.length}
          filter={state.filter}
          current={state.current}
          onFilterText={(text) => dispatch({ type: "filterText", text })}
          onFilterSeverity={(severity) => dispatch({ type: "filterSeverity", severity })}
          onSelect={commands.select}
          onStep={commands.step}
          findingAction={(f) => (
            <FindingAction finding={f} fix={fixOf(f)} state={state} commands={commands} />
          )}
          ruleAction={(_, found) => (
            <FixAllButton lang={lang} findings={found} fixOf={fixOf} onFix={commands.askFix} />
          )}
        />
      )}
      {confirming !== null && (
        <FixDialog
          lang={lang}
          fixes={fixes.planned.filter((f) => confirming.includes(f.id))}
          busy={state.busy !== null}
          onChoose={commands.chooseFix}
          onApply={() => void commands.applyFixes()}
          onCancel={() => dispatch({ type: "cancelFixes" })}
        />
      )}
      {state.mapping !== null && (
        <MappingDialog
          lang={lang}
          initial={guessedMapping(state.mapping)}
          count={commands.countMapping}
          busy={state.busy !== null}
          onSave={(m) => void commands.saveMapping(m)}
          onCancel={() => commands.mapTable(null)}
        />
      )}
    </main>
  );
}
