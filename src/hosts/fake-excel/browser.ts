/**
 * The fake host as a browser script, served in place of office.js by the end-to-end tests and
 * `npm run preview`. The page gets `window.__POKIN_FAKE_WORKBOOK__` (grids) and optionally
 * `window.__POKIN_FAKE_OPTIONS__` first; the running fake is left at `window.__pokinFake`.
 */
import type { WorkbookGrids } from "../../core/grid";
import { FakeExcelHost, type FakeOptions } from "./fake";
import { workbookToGrids } from "./state";

interface FakeWindow {
  __POKIN_FAKE_WORKBOOK__?: WorkbookGrids;
  __POKIN_FAKE_OPTIONS__?: FakeOptions;
  __pokinFake?: FakeExcelHost;
  /** The workbook as grids plus what was written, as plain JSON (for the test to read back). */
  __pokinFakeExport?: () => unknown;
}

const w = window as unknown as FakeWindow & Record<string, unknown>;
const grids = w.__POKIN_FAKE_WORKBOOK__ ?? { sheets: [{ name: "Sheet1", values: [] }] };
const host = new FakeExcelHost(grids, w.__POKIN_FAKE_OPTIONS__ ?? {}).install(w);
w.__pokinFake = host;
w.__pokinFakeExport = () => ({
  grids: workbookToGrids(host.workbook),
  workbook: host.workbook,
  stats: host.stats,
  settings: host.savedSettings,
});
