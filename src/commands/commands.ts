/** Ribbon commands (function file). "runPeriksa" checks the workbook and writes Hasil Pemeriksaan. */
import { errorMessage } from "../hosts/office/errors";
import { officeHost } from "../hosts/office/host";
import { runAction } from "../core/actions";

/** Run Periksa from the ribbon: the findings go to the Hasil Pemeriksaan sheet. */
export async function runPeriksa(event: Office.AddinCommands.Event): Promise<void> {
  const settings = officeHost.loadSettings();
  try {
    await runAction("report", officeHost, settings);
  } catch (e) {
    // A function command has no surface of its own; the console is where Office shows it.
    console.error(errorMessage(e, settings.lang), e);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("runPeriksa", runPeriksa);
});
