import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FixRecord, t, type Lang, type MessageKey, type ActionId } from "../../core";

const useStyles = makeStyles({
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
  remake: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const REMAKE_LABEL: Partial<Record<ActionId, MessageKey>> = {
  tree: "ui.action.tree",
  "kertas-kerja": "ui.action.kertasKerja",
  report: "ui.action.report",
};

export interface LastFixBarProps {
  lang: Lang;
  last: FixRecord | null;
  remake: ActionId[];
  busy: boolean;
  onUndo(): void;
  onRemake(action: ActionId): void;
}

/** The last fixes with "Batalkan", and the add-in's sheets they changed, to be made again. */
export function LastFixBar(p: LastFixBarProps) {
  const s = useStyles();
  const { lang, last } = p;
  const first = last?.descriptions[0] ?? "";
  const more = (last?.descriptions.length ?? 0) - 1;
  const what = more > 0 ? t("fixes.ui.lastFixMore", { first, more }, lang) : first;
  return (
    <>
      {last !== null && (
        <MessageBar intent="info" layout="multiline" data-testid="last-fix">
          <MessageBarBody className={s.body}>
            {t("fixes.ui.lastFix", { what }, lang)}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={p.onUndo} disabled={p.busy} data-testid="undo">
              {t("fixes.ui.undo", {}, lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {p.remake.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="remake">
          <MessageBarBody className={s.body}>
            {t("fixes.ui.remake", {}, lang)}
            <div className={s.remake}>
              {p.remake.map((action) => {
                const label = REMAKE_LABEL[action];
                return label ? (
                  <Button
                    key={action}
                    size="small"
                    disabled={p.busy}
                    onClick={() => p.onRemake(action)}
                  >
                    {t(label, {}, lang)}
                  </Button>
                ) : null;
              })}
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
