/**
 * The one messages module: every user-facing string, Indonesian first, English second.
 * Each area keeps its strings in its own file here; this index merges them and renders.
 * Placeholders are written {name} and filled from params.
 */
import { common } from "./common";
import { reader } from "./reader";
import { checks } from "./checks";
import { capaian } from "./capaian";
import { tree } from "./tree";
import { kertasKerja } from "./kertas-kerja";
import { report } from "./report";
import { ui } from "./ui";
import { cli } from "./cli";
import { page } from "./page";
import { fixes } from "./fixes";
import { rules } from "./rules";
import { mapping } from "./mapping";

export type Lang = "id" | "en";

/** An area's strings: the same keys in both languages. */
export interface Catalogue {
  id: Record<string, string>;
  en: Record<string, string>;
}

const areas = [
  common,
  reader,
  checks,
  rules,
  capaian,
  tree,
  kertasKerja,
  report,
  ui,
  page,
  fixes,
  mapping,
] as const;

type Keys<T> = T extends { id: infer I } ? keyof I : never;
/** Every message key of every area the core and the pane use. */
export type MessageKey = Keys<(typeof areas)[number]> & string;
/** The command line's own keys (kept out of `t`, so the pane's bundle does not carry them). */
export type CliMessageKey = Keys<typeof cli> & string;

type Table = Record<Lang, Record<string, string>>;

function mergeAreas(list: readonly Catalogue[]): Table {
  const merged: Table = { id: {}, en: {} };
  for (const area of list) {
    Object.assign(merged.id, area.id);
    Object.assign(merged.en, area.en);
  }
  return merged;
}

const merged = mergeAreas(areas);
let withCli: Table | null = null;

function render(table: Table, key: string, params: Record<string, string | number>, lang: Lang) {
  const template = table[lang][key] ?? table.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : String(v);
  });
}

/** Render message `key` in `lang` with its {placeholders} filled. Unknown keys render as the key itself. */
export function t(
  key: MessageKey,
  params: Record<string, string | number> = {},
  lang: Lang = "id"
): string {
  return render(merged, key, params, lang);
}

/** `t` for the command line and the `.xlsx` host: every key, the command line's own included. */
export function tCli(
  key: MessageKey | CliMessageKey,
  params: Record<string, string | number> = {},
  lang: Lang = "id"
): string {
  withCli ??= mergeAreas([...areas, cli]);
  return render(withCli, key, params, lang);
}

/** All keys for one language (used by the test that checks both languages match). */
export function catalogueKeys(lang: Lang): string[] {
  return [...Object.keys(merged[lang]), ...Object.keys(cli[lang])];
}

/** Pick the interface language from an Office display language such as "en-US" or "id-ID". */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale && locale.toLowerCase().startsWith("en") ? "en" : "id";
}
