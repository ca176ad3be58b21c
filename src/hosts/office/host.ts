/** The Office.js host as one object: what the pane and the ribbon command call. */
import { generatedKind, type SheetGrid, type WorkbookGrids, type WritePlan } from "../../core";
import { applyPlan, type ApplyOptions } from "./apply";
import { readWorkbookGrids } from "./read";
import { readSession } from "./read-cache";
import { loadReadHint, readHintOf, saveReadHint } from "./read-hint";
import { selectCell } from "./select";
import { loadLastFix, loadSettings, saveLastFix, saveSettings } from "./settings";

export const officeHost = {
  readGrids: readWorkbookGrids,
  applyPlan: applyAndHint,
  selectCell,
  loadSettings,
  saveSettings,
  loadLastFix,
  saveLastFix,
};

/** Apply a plan; then keep in the workbook what a fresh pane should read first (read-hint.ts). */
async function applyAndHint(plan: WritePlan, opts: ApplyOptions = {}) {
  const result = await applyPlan(plan, opts);
  const hint = readHintOf(userSheets(opts.grids));
  if (hint.length > 0 && JSON.stringify(hint) !== JSON.stringify(loadReadHint()))
    await saveReadHint(hint);
  return result;
}

/** The user's sheets as read: from the session's cache (with what the write put in), else `grids`. */
function userSheets(grids: WorkbookGrids | undefined): SheetGrid[] {
  const cached = (readSession().sheets ?? []).flatMap((s) => (s.grid ? [s.grid] : []));
  const unread = new Set(grids?.unread ?? []);
  const sheets =
    cached.length > 0 ? cached : (grids?.sheets ?? []).filter((s) => !unread.has(s.name));
  return sheets.filter((s) => generatedKind(s) === null);
}
