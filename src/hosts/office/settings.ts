/** Settings kept in the workbook's document settings, so they travel with the file. */
import { langFromLocale, withDefaults, type Settings, type FixRecord } from "../../core";
import { HostError } from "./errors";

export const SETTINGS_KEY = "pokin-csf.settings";
/** The last fixes applied, kept until the next fix so they can be undone. */
export const LAST_FIX_KEY = "pokin-csf.lastFix";

/** The workbook's settings over the defaults; the language follows Office's display language. */
export function loadSettings(): Settings {
  const stored = Office.context.document.settings.get(SETTINGS_KEY) as Partial<Settings> | null;
  const settings = withDefaults(stored && typeof stored === "object" ? stored : null);
  return { ...settings, lang: langFromLocale(Office.context.displayLanguage) };
}

/** Store the settings in the workbook (saved with the file when the user saves it). */
export function saveSettings(settings: Settings): Promise<void> {
  const { lang: _lang, ...rest } = settings;
  Office.context.document.settings.set(SETTINGS_KEY, rest);
  return saveDocumentSettings();
}

/** The record of the last fixes applied, or null. */
export function loadLastFix(): FixRecord | null {
  const stored = Office.context.document.settings.get(LAST_FIX_KEY) as FixRecord | null;
  return stored && typeof stored === "object" && Array.isArray(stored.edits) ? stored : null;
}

/** Keep `record` as the last fixes applied (null: forget them), saved with the document. */
export function saveLastFix(record: FixRecord | null): Promise<void> {
  if (record === null) Office.context.document.settings.remove(LAST_FIX_KEY);
  else Office.context.document.settings.set(LAST_FIX_KEY, record);
  return saveDocumentSettings();
}

/** Save the document settings (they go with the file when the user saves it). */
export function saveDocumentSettings(): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else
        reject(
          new HostError(
            "settings",
            { detail: result.error?.message ?? "" },
            { cause: result.error }
          )
        );
    });
  });
}
