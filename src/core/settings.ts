/** Settings that travel with the workbook (document settings in Excel, a JSON file for the CLI). */
import type { Lang } from "./messages";
import type { ColumnMapping } from "./model";
import { parseMappings } from "./reader/mapping";

/** A capaian band: values ≥ min (and < the next band's min) get this label and colour. */
export interface Band {
  /** Lower bound, inclusive. The lowest band has min -Infinity (written as null in JSON). */
  min: number | null;
  label: { id: string; en: string };
  fill: string;
  fontColor: string;
}

export interface Signatory {
  place: string;
  date: string;
  position: string;
  name: string;
  /** Nomor Induk Pegawai, optional. */
  nip: string;
}

export interface Settings {
  lang: Lang;
  /** Bands from the highest to the lowest. */
  bands: Band[];
  paper: "A4" | "A3";
  orientation: "portrait" | "landscape";
  organisation: string;
  year: number | null;
  signatory: Signatory;
  /**
   * Print for presenting: the tree without the checking marks (red borders, "⚠ n" badges).
   * The checking version (false) is the default.
   */
  cleanPrint: boolean;
  /** Column mappings the user made for tables the reader cannot place (absent: none). */
  mappings?: ColumnMapping[];
}

/** Permendagri 86/2017 interpretation bands: ≥91, 76–90, 66–75, 51–65, ≤50. */
export const DEFAULT_BANDS: Band[] = [
  {
    min: 91,
    label: { id: "Sangat tinggi", en: "Very high" },
    fill: "#C6EFCE",
    fontColor: "#006100",
  },
  { min: 76, label: { id: "Tinggi", en: "High" }, fill: "#DDEBF7", fontColor: "#1F4E78" },
  { min: 66, label: { id: "Sedang", en: "Medium" }, fill: "#FFEB9C", fontColor: "#7F6000" },
  { min: 51, label: { id: "Rendah", en: "Low" }, fill: "#F8CBAD", fontColor: "#833C0B" },
  {
    min: null,
    label: { id: "Sangat rendah", en: "Very low" },
    fill: "#FFC7CE",
    fontColor: "#9C0006",
  },
];

export const DEFAULT_SETTINGS: Settings = {
  lang: "id",
  bands: DEFAULT_BANDS,
  paper: "A3",
  orientation: "landscape",
  organisation: "",
  year: null,
  signatory: { place: "", date: "", position: "", name: "", nip: "" },
  cleanPrint: false,
};

/** The band a capaian falls in (values between integer bounds, e.g. 90.5, go to the lower band). */
export function bandFor(value: number, bands: readonly Band[]): Band | null {
  for (const b of bands) if (b.min === null || value >= b.min) return b;
  return null;
}

/** Merge partial settings (e.g. from JSON) over the defaults, ignoring unknown keys. */
export function withDefaults(partial: Partial<Settings> | null | undefined): Settings {
  const p = partial ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...p,
    bands: p.bands && p.bands.length > 0 ? p.bands : DEFAULT_BANDS,
    signatory: { ...DEFAULT_SETTINGS.signatory, ...(p.signatory ?? {}) },
    mappings: storedMappings(p.mappings),
  };
}

/**
 * The column mappings kept with the settings, when they read as mappings (a workbook's stored
 * settings are not trusted to be well formed); absent otherwise.
 */
function storedMappings(stored: unknown): ColumnMapping[] | undefined {
  if (stored === undefined) return undefined;
  const parsed = parseMappings(stored);
  return "mappings" in parsed ? parsed.mappings : undefined;
}
