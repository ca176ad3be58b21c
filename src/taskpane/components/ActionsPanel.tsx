import * as React from "react";
import {
  Button,
  Checkbox,
  Subtitle2,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang, type MessageKey } from "../../core/messages";
import type { ActionId } from "../run";
import type { BusyWith } from "../reducer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  wide: { gridColumn: "1 / span 2" },
});

const ACTIONS: { id: ActionId; label: MessageKey; hint: MessageKey }[] = [
  { id: "periksa", label: "ui.action.periksa", hint: "ui.action.periksa.hint" },
  { id: "fill", label: "ui.action.fill", hint: "ui.action.fill.hint" },
  { id: "tree", label: "ui.action.tree", hint: "ui.action.tree.hint" },
  { id: "kertas-kerja", label: "ui.action.kertasKerja", hint: "ui.action.kertasKerja.hint" },
  { id: "hasil", label: "ui.action.hasil", hint: "ui.action.hasil.hint" },
];

export interface ActionsPanelProps {
  lang: Lang;
  busy: BusyWith | null;
  replaceOverrides: boolean;
  onRun(action: ActionId): void;
  onNew(): void;
  onReplaceOverrides(value: boolean): void;
}

export function ActionsPanel(p: ActionsPanelProps) {
  const s = useStyles();
  const { lang } = p;
  const disabled = p.busy !== null;
  return (
    <section className={s.root} aria-labelledby="actions-title">
      <Subtitle2 as="h2" id="actions-title">
        {t("ui.actions.title", {}, lang)}
      </Subtitle2>
      <div className={s.grid}>
        {ACTIONS.map((a) => (
          <Tooltip key={a.id} content={t(a.hint, {}, lang)} relationship="description">
            <Button
              appearance={a.id === "periksa" ? "primary" : "secondary"}
              className={a.id === "periksa" ? s.wide : undefined}
              disabled={disabled}
              onClick={() => p.onRun(a.id)}
            >
              {t(a.label, {}, lang)}
            </Button>
          </Tooltip>
        ))}
        <Tooltip content={t("ui.action.newKertasKerja.hint", {}, lang)} relationship="description">
          <Button appearance="subtle" className={s.wide} disabled={disabled} onClick={p.onNew}>
            {t("ui.action.newKertasKerja", {}, lang)}
          </Button>
        </Tooltip>
      </div>
      <Tooltip content={t("ui.replaceOverrides.hint", {}, lang)} relationship="description">
        <Checkbox
          checked={p.replaceOverrides}
          onChange={(_, d) => p.onReplaceOverrides(d.checked === true)}
          label={t("ui.replaceOverrides", {}, lang)}
        />
      </Tooltip>
    </section>
  );
}
