import * as React from "react";
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang, type MessageKey } from "../../core";
import type { BusyWith, Notice } from "../reducer";

const useStyles = makeStyles({
  written: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    marginTop: `calc(-1 * ${tokens.spacingVerticalS})`,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  link: { textAlign: "left" },
  // A plain "×": Fluent's default button width would take a quarter of the bar at 320 px.
  dismiss: {
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  body: { whiteSpace: "normal" },
});

const BUSY_LABEL: Record<BusyWith, MessageKey> = {
  periksa: "ui.action.periksa",
  fill: "ui.action.fill",
  tree: "ui.action.tree",
  "kertas-kerja": "ui.action.kertasKerja",
  report: "ui.action.report",
  all: "ui.action.all",
  new: "ui.action.newKertasKerja",
  settings: "ui.settings.save",
  prefill: "ui.busy.prefill",
  fix: "fixes.ui.busy.fix",
  undo: "fixes.ui.busy.undo",
};

function Dismiss({ lang, onClick }: { lang: Lang; onClick(): void }) {
  const s = useStyles();
  return (
    <MessageBarActions
      containerAction={
        <Button
          className={s.dismiss}
          appearance="transparent"
          aria-label={t("ui.error.dismiss", {}, lang)}
          onClick={onClick}
        >
          ×
        </Button>
      }
    />
  );
}

export interface StatusAreaProps {
  lang: Lang;
  error: string | null;
  notice: Notice | null;
  busy: BusyWith | null;
  progress: { done: number; total: number } | null;
  onDismissError(): void;
  onDismissNotice(): void;
  onOpenSheet(sheet: string): void;
}

/** A host failure (red, an alert), the last action's result, and the progress of the current one. */
export function StatusArea(p: StatusAreaProps) {
  const s = useStyles();
  const { lang, notice, busy, progress } = p;
  const busyText =
    busy === null ? "" : t("ui.busy", { action: t(BUSY_LABEL[busy], {}, lang) }, lang);
  return (
    <>
      {p.error !== null && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="error">
          <MessageBarBody className={s.body}>
            <MessageBarTitle>{t("ui.error.title", {}, lang)}</MessageBarTitle>
            {p.error}
          </MessageBarBody>
          <Dismiss lang={lang} onClick={p.onDismissError} />
        </MessageBar>
      )}
      {notice !== null && (
        <MessageBar
          intent={notice.intent}
          layout="multiline"
          data-testid="notice"
          data-intent={notice.intent}
        >
          <MessageBarBody className={s.body}>{notice.text}</MessageBarBody>
          <Dismiss lang={lang} onClick={p.onDismissNotice} />
        </MessageBar>
      )}
      {notice !== null && notice.written.length > 0 && (
        <nav aria-labelledby="written-title" className={s.written}>
          <Caption1 id="written-title">{t("ui.written", {}, lang)}</Caption1>
          <ul className={s.list}>
            {notice.written.map((w) => (
              <li key={w.sheet}>
                <Link
                  as="button"
                  className={s.link}
                  onClick={() => p.onOpenSheet(w.sheet)}
                  title={t("ui.openSheet", { sheet: w.sheet }, lang)}
                  data-testid="written-sheet"
                >
                  {w.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {busy !== null && (
        <div aria-live="polite" data-testid="busy">
          <ProgressBar
            value={progress ? progress.done / progress.total : undefined}
            aria-label={busyText}
          />
          <Caption1>
            {progress
              ? t("ui.progress", { done: progress.done, total: progress.total }, lang)
              : busyText}
          </Caption1>
        </div>
      )}
    </>
  );
}
