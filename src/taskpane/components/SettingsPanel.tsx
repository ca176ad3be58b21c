import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../core/messages";
import type { Settings } from "../../core/settings";
import type { WorkbookFacts } from "../reducer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // minmax(0, …) and min-width 0 let the inputs shrink to a 320 px pane (their own minimum is wider).
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  control: { minWidth: 0, width: "100%" },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** The settings this form edits; the others (language, clean print) are kept as they are. */
type FormFields = Pick<
  Settings,
  "organisation" | "year" | "paper" | "orientation" | "bands" | "signatory"
>;

/** The form's starting values: the settings, with the workbook's organisation and year where unset. */
function startingFields(settings: Settings, suggested: WorkbookFacts | null): FormFields {
  return {
    organisation: settings.organisation || suggested?.organisation || "",
    year: settings.year ?? suggested?.year ?? null,
    paper: settings.paper,
    orientation: settings.orientation,
    bands: settings.bands,
    signatory: settings.signatory,
  };
}

export interface SettingsPanelProps {
  lang: Lang;
  settings: Settings;
  /** What the workbook says, to prefill Perangkat daerah and Tahun when they are not set. */
  suggested: WorkbookFacts | null;
  busy: boolean;
  onSave(settings: Settings): void;
}

/** Capaian bands, paper, organisation, year and signatory; saved in the workbook. */
export function SettingsPanel({ lang, settings, suggested, busy, onSave }: SettingsPanelProps) {
  const s = useStyles();
  const start = startingFields(settings, suggested);
  const startKey = JSON.stringify(start);
  const [draft, setDraft] = React.useState(start);
  const [yearText, setYearText] = React.useState(start.year === null ? "" : String(start.year));
  React.useEffect(() => {
    const fresh = JSON.parse(startKey) as FormFields;
    setDraft(fresh);
    setYearText(fresh.year === null ? "" : String(fresh.year));
  }, [startKey]);
  const yearValid = yearText.trim() === "" || /^\d{4}$/.test(yearText.trim());
  const sig = draft.signatory;
  const setSig = (key: keyof Settings["signatory"], value: string) =>
    setDraft({ ...draft, signatory: { ...sig, [key]: value } });
  const fromWorkbook = t("ui.settings.fromWorkbook", {}, lang);
  // Say where a value came from while it is still the workbook's suggestion.
  const orgSuggested =
    settings.organisation === "" &&
    draft.organisation !== "" &&
    draft.organisation === suggested?.organisation;
  const yearSuggested =
    settings.year === null && yearText !== "" && yearText === String(suggested?.year ?? "");

  const text = (label: string, value: string, set: (v: string) => void, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input className={s.control} value={value} onChange={(_, d) => set(d.value)} />
    </Field>
  );

  return (
    <form
      className={s.root}
      onSubmit={(e) => {
        e.preventDefault();
        if (!yearValid) return;
        const year = yearText.trim() === "" ? null : Number(yearText.trim());
        onSave({ ...settings, ...draft, year });
      }}
    >
      {text(
        t("ui.settings.organisation", {}, lang),
        draft.organisation,
        (organisation) => setDraft({ ...draft, organisation }),
        orgSuggested ? fromWorkbook : undefined
      )}
      <div className={s.pair}>
        <Field
          label={t("ui.settings.year", {}, lang)}
          hint={yearSuggested && yearValid ? fromWorkbook : undefined}
          validationState={yearValid ? "none" : "error"}
          validationMessage={yearValid ? undefined : t("ui.settings.invalidYear", {}, lang)}
        >
          <Input
            className={s.control}
            inputMode="numeric"
            value={yearText}
            onChange={(_, d) => setYearText(d.value)}
          />
        </Field>
        <Field label={t("ui.settings.paper", {}, lang)}>
          <Select
            className={s.control}
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
          className={s.control}
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
                  className={s.control}
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
          {text(t("ui.settings.place", {}, lang), sig.place, (v) => setSig("place", v))}
          {text(t("ui.settings.date", {}, lang), sig.date, (v) => setSig("date", v))}
        </div>
        {text(t("ui.settings.position", {}, lang), sig.position, (v) => setSig("position", v))}
        {text(t("ui.settings.name", {}, lang), sig.name, (v) => setSig("name", v))}
        {text(t("ui.settings.nip", {}, lang), sig.nip, (v) => setSig("nip", v))}
      </fieldset>
      <Button type="submit" appearance="primary" disabled={busy || !yearValid}>
        {t("ui.settings.save", {}, lang)}
      </Button>
    </form>
  );
}
