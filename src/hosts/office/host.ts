/** The Office.js host as one object: what the pane and the ribbon command call. */
import { applyPlan } from "./apply";
import { readWorkbookGrids } from "./read";
import { selectCell } from "./select";
import { loadLastFix, loadSettings, saveLastFix, saveSettings } from "./settings";

export const officeHost = {
  readGrids: readWorkbookGrids,
  applyPlan,
  selectCell,
  loadSettings,
  saveSettings,
  loadLastFix,
  saveLastFix,
};
