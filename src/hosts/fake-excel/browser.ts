/**
 * The fake host as a browser script, served in place of office.js by the end-to-end tests and
 * `npm run preview`. The page gets `window.__POKIN_FAKE_WORKBOOK__` (grids) and optionally
 * `window.__POKIN_FAKE_OPTIONS__` first; the running fake is left at `window.__pokinFake`.
 */
import type { WorkbookGrids } from "../../core";
import { FakeExcelHost, type FakeOptions } from "./fake";
import { workbookToGrids } from "./state";

interface FakeWindow {
  __POKIN_FAKE_WORKBOOK__?: WorkbookGrids;
  __POKIN_FAKE_OPTIONS__?: FakeOptions;
  __pokinFake?: FakeExcelHost;
  /** The workbook as grids, the selection, counters and saved settings, as a JSON string. */
  __pokinFakeExport?: () => string;
}

const w = window as unknown as FakeWindow & Record<string, unknown>;
const grids = w.__POKIN_FAKE_WORKBOOK__ ?? { sheets: [{ name: "Sheet1", values: [] }] };
const host = new FakeExcelHost(grids, w.__POKIN_FAKE_OPTIONS__ ?? {}).install(w);
w.__pokinFake = host;
// A JSON string: handing a big object graph to the test driver is far slower than one string.
w.__pokinFakeExport = () =>
  JSON.stringify({
    grids: workbookToGrids(host.workbook),
    workbook: { activeSheet: host.workbook.activeSheet, selection: host.workbook.selection },
    stats: host.stats,
    settings: host.savedSettings,
  });
