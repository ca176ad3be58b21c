import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang, type Settings } from "../../core";
import type { WorkbookFacts } from "../reducer";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // minmax(0, …) and min-width 0 let the inputs shrink to a 320 px pane (their own minimum is wider).
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  note: { color: tokens.colorNeutralForeground3 },
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

type Styles = ReturnType<typeof useStyles>;

function TextField(props: {
  s: Styles;
  label: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={props.label}>
      <Input
        className={props.s.control}
        value={props.value}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}

/** The lower bound of each capaian band but the lowest. */
function BandsFieldset(props: {
  s: Styles;
  lang: Lang;
  bands: Settings["bands"];
  onChange(bands: Settings["bands"]): void;
}) {
  const { s, lang, bands } = props;
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>{t("ui.settings.bands", {}, lang)}</legend>
      <div className={s.pair}>
        {bands.map((band, i) =>
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
                  props.onChange(bands.map((b, j) => (j === i ? { ...b, min } : b)));
                }}
              />
            </Field>
          )
        )}
      </div>
    </fieldset>
  );
}

/** Place, date, position, name and NIP of the one who signs the kertas kerja. */
function SignatoryFieldset(props: {
  s: Styles;
  lang: Lang;
  signatory: Settings["signatory"];
  onChange(signatory: Settings["signatory"]): void;
}) {
  const { s, lang, signatory } = props;
  const field = (key: keyof Settings["signatory"]) => (
    <TextField
      s={s}
      label={t(`ui.settings.${key}`, {}, lang)}
      value={signatory[key]}
      onChange={(value) => props.onChange({ ...signatory, [key]: value })}
    />
  );
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>{t("ui.settings.signatory", {}, lang)}</legend>
      <div className={s.pair}>
        {field("place")}
        {field("date")}
      </div>
      {field("position")}
      {field("name")}
      {field("nip")}
    </fieldset>
  );
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
  // Say where a value came from while it is still the workbook's suggestion.
  const orgSuggested =
    settings.organisation === "" &&
    draft.organisation !== "" &&
    draft.organisation === suggested?.organisation;
  const yearSuggested =
    settings.year === null && yearText !== "" && yearText === String(suggested?.year ?? "");

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
      {(orgSuggested || yearSuggested) && (
        <Caption1 className={s.note} data-testid="settings-from-workbook">
          {t("ui.settings.fromWorkbook", {}, lang)}
        </Caption1>
      )}
      <TextField
        s={s}
        label={t("ui.settings.organisation", {}, lang)}
        value={draft.organisation}
        onChange={(organisation) => setDraft({ ...draft, organisation })}
      />
      <div className={s.pair}>
        <Field
          label={t("ui.settings.year", {}, lang)}
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
      <BandsFieldset
        s={s}
        lang={lang}
        bands={draft.bands}
        onChange={(bands) => setDraft({ ...draft, bands })}
      />
      <SignatoryFieldset
        s={s}
        lang={lang}
        signatory={draft.signatory}
        onChange={(signatory) => setDraft({ ...draft, signatory })}
      />
      <Button type="submit" appearance="primary" disabled={busy || !yearValid}>
        {t("ui.settings.save", {}, lang)}
      </Button>
    </form>
  );
}
