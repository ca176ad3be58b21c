import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { previewEdit, type Fix, t, type Lang } from "../../core";

const useStyles = makeStyles({
  fixes: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  edits: { listStyleType: "none", margin: 0, padding: 0 },
  edit: { marginTop: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  cell: { color: tokens.colorNeutralForeground3 },
  before: { color: tokens.colorPaletteRedForeground1, textDecorationLine: "line-through" },
  after: { color: tokens.colorPaletteGreenForeground1 },
});

export interface FixDialogProps {
  lang: Lang;
  /** The fixes to confirm. */
  fixes: Fix[];
  busy: boolean;
  onChoose(id: string, index: number): void;
  onApply(): void;
  onCancel(): void;
}

/** The edits of the fixes, before → after, for the user to confirm; a pick where a fix has one. */
export function FixDialog(p: FixDialogProps) {
  const s = useStyles();
  const { lang, fixes } = p;
  const title =
    fixes.length === 1
      ? t("fixes.ui.confirmTitle.one", {}, lang)
      : t("fixes.ui.confirmTitle.many", { count: fixes.length }, lang);
  const empty = t("fixes.ui.empty", {}, lang);
  return (
    <Dialog open onOpenChange={(_, d) => (d.open ? undefined : p.onCancel())}>
      <DialogSurface aria-describedby="fix-intro">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Body1 id="fix-intro">{t("fixes.ui.confirmIntro", {}, lang)}</Body1>
            <ul className={s.fixes}>
              {fixes.map((fix) => (
                <li key={fix.id} data-testid="fix-item">
                  <Text weight="semibold">{fix.description}</Text>
                  {fix.choice && (
                    <Field label={fix.choice.question}>
                      <RadioGroup
                        value={String(fix.choice.chosen)}
                        onChange={(_, d) => p.onChoose(fix.id, Number(d.value))}
                      >
                        {fix.choice.options.map((option, i) => (
                          <Radio key={i} value={String(i)} label={option} />
                        ))}
                      </RadioGroup>
                    </Field>
                  )}
                  <ul className={s.edits}>
                    {fix.edits.map((e) => {
                      const shown = previewEdit(e, lang);
                      return (
                        <li key={shown.cell} className={s.edit} data-testid="fix-edit">
                          <Caption1 className={s.cell}>{shown.cell}</Caption1>
                          <div>
                            <span className={s.before} title={t("fixes.ui.before", {}, lang)}>
                              {shown.before === "" ? empty : shown.before}
                            </span>
                            {" → "}
                            <span className={s.after} title={t("fixes.ui.after", {}, lang)}>
                              {shown.after === "" ? empty : shown.after}
                            </span>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={p.onCancel} disabled={p.busy}>
              {t("fixes.ui.cancel", {}, lang)}
            </Button>
            <Button appearance="primary" onClick={p.onApply} disabled={p.busy}>
              {t("fixes.ui.apply", {}, lang)}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
