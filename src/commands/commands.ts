/**
 * Ribbon commands (function file). "runPeriksa" checks the workbook, writes Hasil Pemeriksaan and
 * shows the result, or the error, in a small dialog: a function command has no surface of its own.
 */
import { runAction, type ActionOutcome, langFromLocale, t, type Lang } from "../core";
import { errorMessage } from "../hosts/office/errors";
import { officeHost } from "../hosts/office/host";

/** Run Periksa from the ribbon: the findings go to the Hasil Pemeriksaan sheet. */
export async function runPeriksa(event: Office.AddinCommands.Event): Promise<void> {
  let lang: Lang = langFromLocale(Office.context.displayLanguage);
  let message: { text: string; error: boolean };
  try {
    // Settings inside: a workbook whose stored settings cannot be read is reported too.
    const settings = officeHost.loadSettings();
    lang = settings.lang;
    const outcome = await runAction("report", officeHost, settings);
    message = { text: summary(outcome, lang), error: false };
  } catch (e) {
    console.error(errorMessage(e, lang), e);
    message = { text: errorMessage(e, lang), error: true };
  }
  try {
    await showDialog(message.text, message.error);
  } finally {
    event.completed();
  }
}

/** "Pemeriksaan selesai: 2 kesalahan, …; hasilnya ada di lembar Hasil Pemeriksaan." */
function summary(outcome: ActionOutcome, lang: Lang): string {
  const count = (severity: string) =>
    outcome.findings.filter((f) => f.severity === severity).length;
  const counts = { errors: count("error"), warnings: count("warning"), infos: count("info") };
  return `${t("ui.done.periksa", counts, lang)} ${t("ui.command.done", {}, lang)}`;
}

/** The dialog stays up until the user closes it; longer than this and the command ends anyway. */
const DIALOG_MS = 4 * 60 * 1000;

/**
 * Show `text` in dialog.html (next to this page) and wait until the user closes it. When Office
 * cannot open a dialog the text stays in the console, where Office shows a command's errors.
 */
export function showDialog(text: string, error: boolean): Promise<void> {
  const url = new URL("dialog.html", window.location.href);
  url.searchParams.set("m", text);
  if (error) url.searchParams.set("k", "error");
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, DIALOG_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 30, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          console.error(text, result.error);
          return done();
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          done();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      }
    );
  });
}

Office.onReady(() => {
  Office.actions.associate("runPeriksa", runPeriksa);
});
