import * as React from "react";
import {
  Button,
  Checkbox,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang, type MessageKey, type ActionId } from "../../core";
import type { BusyWith } from "../reducer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  wide: { gridColumn: "1 / span 2" },
  options: { display: "flex", flexDirection: "column" },
});

interface ActionButton {
  id: ActionId;
  label: MessageKey;
  hint: MessageKey;
  primary?: boolean;
}

const ACTIONS: ActionButton[] = [
  { id: "periksa", label: "ui.action.periksa", hint: "ui.action.periksa.hint", primary: true },
  { id: "all", label: "ui.action.all", hint: "ui.action.all.hint", primary: true },
  { id: "fill", label: "ui.action.fill", hint: "ui.action.fill.hint" },
  { id: "tree", label: "ui.action.tree", hint: "ui.action.tree.hint" },
  { id: "kertas-kerja", label: "ui.action.kertasKerja", hint: "ui.action.kertasKerja.hint" },
  { id: "report", label: "ui.action.report", hint: "ui.action.report.hint" },
];

export interface ActionsPanelProps {
  lang: Lang;
  busy: BusyWith | null;
  replaceOverrides: boolean;
  cleanPrint: boolean;
  onRun(action: ActionId): void;
  onNew(): void;
  onReplaceOverrides(value: boolean): void;
  onCleanPrint(value: boolean): void;
}

/** The jobs, "Kertas kerja baru", and the two choices that change what the jobs write. */
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
          <Button
            key={a.id}
            appearance={a.primary ? "primary" : "secondary"}
            disabled={disabled}
            title={t(a.hint, {}, lang)}
            onClick={() => p.onRun(a.id)}
          >
            {t(a.label, {}, lang)}
          </Button>
        ))}
        <Button
          appearance="outline"
          className={s.wide}
          disabled={disabled}
          title={t("ui.action.newKertasKerja.hint", {}, lang)}
          onClick={p.onNew}
        >
          {t("ui.action.newKertasKerja", {}, lang)}
        </Button>
      </div>
      <div className={s.options}>
        <Checkbox
          checked={p.replaceOverrides}
          disabled={disabled}
          title={t("ui.replaceOverrides.hint", {}, lang)}
          onChange={(_, d) => p.onReplaceOverrides(d.checked === true)}
          label={t("ui.replaceOverrides", {}, lang)}
        />
        <Switch
          checked={p.cleanPrint}
          disabled={disabled}
          title={t("ui.cleanPrint.hint", {}, lang)}
          onChange={(_, d) => p.onCleanPrint(d.checked)}
          label={t("ui.cleanPrint", {}, lang)}
        />
      </div>
    </section>
  );
}
