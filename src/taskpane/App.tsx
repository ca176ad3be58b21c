import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type MessageKey } from "../core/messages";
import { countBySeverity } from "../core/findings";
import type { Settings } from "../core/settings";
import { errorMessage } from "../hosts/office/errors";
import type { PaneHost } from "./host";
import { initialState, reducer, summarise, visibleFindings, type PaneState } from "./reducer";
import { runAction, type ActionId } from "./run";
import { SummaryCard } from "./components/SummaryCard";
import { ActionsPanel } from "./components/ActionsPanel";
import { FindingsList } from "./components/FindingsList";
import { SettingsPanel } from "./components/SettingsPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "560px",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

const ACTION_LABEL: Record<ActionId | "new" | "settings", MessageKey> = {
  periksa: "ui.action.periksa",
  fill: "ui.action.fill",
  tree: "ui.action.tree",
  "kertas-kerja": "ui.action.kertasKerja",
  hasil: "ui.action.hasil",
  new: "ui.action.newKertasKerja",
  settings: "ui.settings.save",
};

export interface AppProps {
  host: PaneHost;
  /** Starting state, for tests; normally from the workbook's settings. */
  initial?: PaneState;
}

export function App({ host, initial }: AppProps) {
  const s = useStyles();
  const [state, dispatch] = React.useReducer(
    reducer,
    initial,
    (init) => init ?? initialState(host.loadSettings())
  );
  const { lang } = state;
  const shown = visibleFindings(state);

  const run = async (action: ActionId) => {
    dispatch({ type: "start", busy: action });
    try {
      const out = await runAction(action, host, state.settings, {
        replaceOverrides: state.replaceOverrides,
        onProgress: (done, total) => dispatch({ type: "progress", done, total }),
      });
      const c = countBySeverity(out.findings);
      const parts: string[] = [
        action === "periksa"
          ? t("ui.done.periksa", { errors: c.error, warnings: c.warning, infos: c.info }, lang)
          : t("ui.done.write", { sheets: out.result?.sheets.length ?? 0 }, lang),
      ];
      if (out.result && out.result.skipped.length > 0) parts.push(t("ui.skipped.print", {}, lang));
      dispatch({
        type: "analysed",
        summary: summarise(out.analysis.model, out.findings),
        findings: out.findings,
        notice: { text: parts.join(" "), intent: parts.length > 1 ? "warning" : "success" },
      });
    } catch (e) {
      dispatch({ type: "failed", message: errorMessage(e, lang) });
    }
  };

  const createBlank = async () => {
    dispatch({ type: "start", busy: "new" });
    try {
      await host.createBlank(lang, {
        onProgress: (done, total) => dispatch({ type: "progress", done, total }),
      });
      dispatch({
        type: "done",
        notice: { text: t("ui.done.newKertasKerja", {}, lang), intent: "success" },
      });
    } catch (e) {
      dispatch({ type: "failed", message: errorMessage(e, lang) });
    }
  };

  const saveSettings = async (settings: Settings) => {
    dispatch({ type: "start", busy: "settings" });
    try {
      await host.saveSettings(settings);
      dispatch({ type: "settings", settings });
      dispatch({
        type: "done",
        notice: { text: t("ui.settings.saved", {}, lang), intent: "success" },
      });
    } catch (e) {
      dispatch({ type: "failed", message: errorMessage(e, lang) });
    }
  };

  const goTo = (index: number) => {
    dispatch({ type: "select", index });
    const cell = shown[index]?.cell;
    if (cell)
      host
        .selectCell(cell)
        .catch((e: unknown) => dispatch({ type: "failed", message: errorMessage(e, lang) }));
  };

  const step = (delta: 1 | -1) => {
    const n = shown.length;
    if (n === 0) return;
    const from = state.current ?? (delta === 1 ? -1 : 0);
    goTo((((from + delta) % n) + n) % n);
  };

  return (
    <main className={s.root} lang={lang}>
      <header className={s.header}>
        <Subtitle1 as="h1">{t("ui.title", {}, lang)}</Subtitle1>
        <Caption1 className={s.subtitle}>{t("ui.subtitle", {}, lang)}</Caption1>
      </header>

      {state.error !== null && (
        <MessageBar intent="error" role="alert" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t("ui.error.title", {}, lang)}</MessageBarTitle>
            {state.error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("ui.error.dismiss", {}, lang)}
                onClick={() => dispatch({ type: "dismissError" })}
              >
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      {state.notice !== null && (
        <MessageBar intent={state.notice.intent} data-testid="notice">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("ui.error.dismiss", {}, lang)}
                onClick={() => dispatch({ type: "dismissNotice" })}
              >
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      {state.busy !== null && (
        <div aria-live="polite" data-testid="busy">
          <ProgressBar
            value={state.progress ? state.progress.done / state.progress.total : undefined}
            aria-label={t("ui.busy", { action: t(ACTION_LABEL[state.busy], {}, lang) }, lang)}
          />
          <Caption1>
            {state.progress
              ? t("ui.progress", { done: state.progress.done, total: state.progress.total }, lang)
              : t("ui.busy", { action: t(ACTION_LABEL[state.busy], {}, lang) }, lang)}
          </Caption1>
        </div>
      )}

      <SummaryCard summary={state.summary} lang={lang} />
      <ActionsPanel
        lang={lang}
        busy={state.busy}
        replaceOverrides={state.replaceOverrides}
        onRun={(a) => void run(a)}
        onNew={() => void createBlank()}
        onReplaceOverrides={(value) => dispatch({ type: "replaceOverrides", value })}
      />
      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader as="h2">{t("ui.settings.title", {}, lang)}</AccordionHeader>
          <AccordionPanel>
            <SettingsPanel
              lang={lang}
              settings={state.settings}
              busy={state.busy !== null}
              onSave={(x) => void saveSettings(x)}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <Divider />
      {state.summary !== null && (
        <FindingsList
          lang={lang}
          findings={shown}
          total={state.findings.length}
          filter={state.filter}
          current={state.current}
          onFilterText={(text) => dispatch({ type: "filterText", text })}
          onFilterSeverity={(severity) => dispatch({ type: "filterSeverity", severity })}
          onSelect={goTo}
          onStep={step}
        />
      )}
    </main>
  );
}
