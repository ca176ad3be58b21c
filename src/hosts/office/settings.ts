/** Settings kept in the workbook's document settings, so they travel with the file. */
import { langFromLocale } from "../../core/messages";
import { withDefaults, type Settings } from "../../core/settings";
import { HostError } from "./errors";

export const SETTINGS_KEY = "pokin-csf.settings";

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
