/** The PaneHost backed by Office.js. */
import {
  applyPlan,
  loadSettings,
  readWorkbookGrids,
  saveSettings,
  selectCell,
} from "../hosts/office";
import type { PaneHost } from "./host";

export const officeHost: PaneHost = {
  readGrids: readWorkbookGrids,
  applyPlan,
  selectCell,
  loadSettings,
  saveSettings,
};
