import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../core/messages";
import type { Settings } from "../../core/settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

export interface SettingsPanelProps {
  lang: Lang;
  settings: Settings;
  busy: boolean;
  onSave(settings: Settings): void;
}

/** Capaian bands, paper, organisation, year and signatory; saved in the workbook. */
export function SettingsPanel({ lang, settings, busy, onSave }: SettingsPanelProps) {
  const s = useStyles();
  const [draft, setDraft] = React.useState(settings);
  const [yearText, setYearText] = React.useState(
    settings.year === null ? "" : String(settings.year)
  );
  React.useEffect(() => {
    setDraft(settings);
    setYearText(settings.year === null ? "" : String(settings.year));
  }, [settings]);
  const yearValid = yearText.trim() === "" || /^\d{4}$/.test(yearText.trim());
  const sig = draft.signatory;
  const setSig = (key: keyof Settings["signatory"], value: string) =>
    setDraft({ ...draft, signatory: { ...sig, [key]: value } });

  return (
    <form
      className={s.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (!yearValid) return;
        onSave({ ...draft, year: yearText.trim() === "" ? null : Number(yearText.trim()) });
      }}
    >
      <Field label={t("ui.settings.organisation", {}, lang)}>
        <Input
          value={draft.organisation}
          onChange={(_, d) => setDraft({ ...draft, organisation: d.value })}
        />
      </Field>
      <div className={s.pair}>
        <Field
          label={t("ui.settings.year", {}, lang)}
          validationState={yearValid ? "none" : "error"}
          validationMessage={yearValid ? undefined : t("ui.settings.invalidYear", {}, lang)}
        >
          <Input inputMode="numeric" value={yearText} onChange={(_, d) => setYearText(d.value)} />
        </Field>
        <Field label={t("ui.settings.paper", {}, lang)}>
          <Select
            value={draft.paper}
            onChange={(_, d) => setDraft({ ...draft, paper: d.value === "A4" ? "A4" : "A3" })}
          >
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </Select>
        </Field>
      </div>
      <Field label={t("ui.settings.orientation", {}, lang)}>
        <Select
          value={draft.orientation}
          onChange={(_, d) =>
            setDraft({ ...draft, orientation: d.value === "portrait" ? "portrait" : "landscape" })
          }
        >
          <option value="landscape">{t("ui.settings.landscape", {}, lang)}</option>
          <option value="portrait">{t("ui.settings.portrait", {}, lang)}</option>
        </Select>
      </Field>
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{t("ui.settings.bands", {}, lang)}</legend>
        <div className={s.pair}>
          {draft.bands.map((band, i) =>
            band.min === null ? null : (
              <Field key={i} label={band.label[lang]}>
                <Input
                  type="number"
                  aria-label={t("ui.settings.bandMin", { label: band.label[lang] }, lang)}
                  value={String(band.min)}
                  onChange={(_, d) => {
                    const min = Number(d.value);
                    if (!Number.isFinite(min)) return;
                    const bands = draft.bands.map((b, j) => (j === i ? { ...b, min } : b));
                    setDraft({ ...draft, bands });
                  }}
                />
              </Field>
            )
          )}
        </div>
      </fieldset>
      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{t("ui.settings.signatory", {}, lang)}</legend>
        <div className={s.pair}>
          <Field label={t("ui.settings.place", {}, lang)}>
            <Input value={sig.place} onChange={(_, d) => setSig("place", d.value)} />
          </Field>
          <Field label={t("ui.settings.date", {}, lang)}>
            <Input value={sig.date} onChange={(_, d) => setSig("date", d.value)} />
          </Field>
        </div>
        <Field label={t("ui.settings.position", {}, lang)}>
          <Input value={sig.position} onChange={(_, d) => setSig("position", d.value)} />
        </Field>
        <Field label={t("ui.settings.name", {}, lang)}>
          <Input value={sig.name} onChange={(_, d) => setSig("name", d.value)} />
        </Field>
        <Field label={t("ui.settings.nip", {}, lang)}>
          <Input value={sig.nip} onChange={(_, d) => setSig("nip", d.value)} />
        </Field>
      </fieldset>
      <Button type="submit" appearance="primary" disabled={busy || !yearValid}>
        {t("ui.settings.save", {}, lang)}
      </Button>
    </form>
  );
}
