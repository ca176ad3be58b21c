/** The Office.js host: reads the workbook into grids and applies write plans. */
export { readWorkbookGrids, apiSupported, MAX_READ_CELLS, type ReadOptions } from "./read";
export {
  applyPlan,
  preflight,
  cellInput,
  charsToPoints,
  DEFAULT_REQUEST_BUDGET,
  type ApplyOptions,
  type ApplyResult,
} from "./apply";
export {
  loadSettings,
  saveSettings,
  loadLastFix,
  saveLastFix,
  SETTINGS_KEY,
  LAST_FIX_KEY,
} from "./settings";
export { selectCell } from "./select";
export { HostError, errorMessage, toHostError, runExcel, type HostErrorCode } from "./errors";
export { officeHost } from "./host";
