/**
 * The Office figures of `npm run bench` (issue 15): every pane action through the Office.js host
 * against the strict fake Excel host on the 10k workbook, in ',' and ';' mode and at ExcelApi
 * 1.7, each request also serialised by Office.js itself (bench/office-js.ts). Runs alone with
 * `node lib/bench/office.js` (POKIN_BENCH_SYNCS=1 prints each sync's bytes).
 *
 * Round trips: the pane keeps its last read for the session, trusted while Excel's events say
 * nothing else changed the workbook (src/hosts/office/read-cache.ts). So in one session (the
 * pane opened, then Periksa, Isi Capaian, Pohon, Kertas Kerja, Laporan, then each again) only
 * the first Periksa reads the workbook in full: the sheets' meta, then the user's sheets' cells
 * (8.1 MB of JSON on the 10k workbook, 10.9 MB once Isi Capaian has written its formulas) in
 * responses under 5 MB; Isi Capaian reads again the cells it expects; the tree's and kertas
 * kerja's writes take 2 and 3 requests (8 MB and 9.2 MB as Office.js sends them).
 * `coldPeriksaSyncs`: a pane opened afresh on the workbook once its tree and kertas kerja exist.
 */
import { type WorkbookGrids, DEFAULT_SETTINGS, runAction, type ActionId } from "../src/core";
import { FakeExcelHost } from "../src/hosts/fake-excel";
import { officeHost } from "../src/hosts/office";
import { shapeFor, syntheticWorkbook } from "./synthetic";
import { loadOfficeJs, teeExcel, type OfficeJs } from "./office-js";

export interface ActionFigures {
  /** The most round trips of the action in the session. */
  syncs: number;
  /** Its round trips in the session's first pass, and in the second (the same actions again). */
  syncsByPass: number[];
  /** The largest request as Office.js serialises it (its JSON is what Excel receives). */
  maxRequestBytes: number;
  /** The fake's own measure: JSON of its queued operations (smaller). */
  maxFakeRequestBytes: number;
  maxResponseBytes: number;
}

let officeJs: OfficeJs | null = null;

/** Office.js's serializer, loaded once. */
function serializer(): OfficeJs {
  officeJs ??= loadOfficeJs();
  return officeJs;
}

const ACTIONS: ActionId[] = ["periksa", "fill", "tree", "kertas-kerja", "report"];

/**
 * Every pane action in one session (as a user clicks them in turn), then each again now that the
 * tree and the kertas kerja exist: per action, the most round trips and the largest request and
 * response.
 */
export async function paneSession(wb: WorkbookGrids, listSeparator: "," | ";", maxApi = "1.17") {
  const perAction: Record<string, ActionFigures> = {};
  const js = serializer();
  const host = new FakeExcelHost(wb, { listSeparator, maxApi }).install();
  (globalThis as Record<string, unknown>).Excel = teeExcel(host.Excel, js);
  for (let pass = 0; pass < 2; pass++)
    for (const a of ACTIONS) {
      host.resetStats();
      js.requestBytes = [];
      await runAction(a, officeHost, DEFAULT_SETTINGS);
      const { requestBytes, responseBytes, syncs } = host.stats;
      if (js.requestBytes.length !== syncs)
        throw new Error(
          `${a}: Office.js serialised ${js.requestBytes.length} of ${syncs} requests`
        );
      if (process.env.POKIN_BENCH_SYNCS)
        process.stdout.write(
          `${listSeparator} ${maxApi} pass ${pass + 1} ${a}: Office.js requests ${js.requestBytes.join(" ")}; fake's ${requestBytes.join(" ")}; responses ${responseBytes.join(" ")}\n`
        );
      const was = perAction[a];
      perAction[a] = {
        syncs: Math.max(was?.syncs ?? 0, syncs),
        syncsByPass: [...(was?.syncsByPass ?? []), syncs],
        maxRequestBytes: Math.max(was?.maxRequestBytes ?? 0, ...js.requestBytes),
        maxFakeRequestBytes: Math.max(was?.maxFakeRequestBytes ?? 0, ...requestBytes),
        maxResponseBytes: Math.max(was?.maxResponseBytes ?? 0, ...responseBytes),
      };
    }
  // A pane opened afresh on the same workbook (a new session: nothing cached).
  // It opens with the document settings the session saved (the read hint among them).
  const cold = new FakeExcelHost(
    { sheets: [] },
    { listSeparator, maxApi, settings: { ...host.savedSettings } }
  ).install();
  cold.workbook = host.workbook;
  (globalThis as Record<string, unknown>).Excel = teeExcel(cold.Excel, js);
  await runAction("periksa", officeHost, DEFAULT_SETTINGS);
  const coldPeriksaSyncs = cold.stats.syncs;
  const coldResponseBytes = Math.max(0, ...cold.stats.responseBytes);
  if (js.refusedCalls.length > 0)
    throw new Error(`Office.js refused calls: ${[...new Set(js.refusedCalls)].join("; ")}`);
  const all = Object.values(perAction);
  return {
    syncs: Math.max(...all.map((f) => f.syncs)),
    bytes: Math.max(...all.map((f) => f.maxRequestBytes)),
    fakeBytes: Math.max(...all.map((f) => f.maxFakeRequestBytes)),
    // The fresh pane's Periksa counts too: its first request carries the hinted rows.
    responseBytes: Math.max(coldResponseBytes, ...all.map((f) => f.maxResponseBytes)),
    coldPeriksaSyncs,
    perAction,
  };
}

/** Conditional formats on the capaian sheet after one Isi Capaian, and after three. */
export async function fillsRules(
  wb: WorkbookGrids
): Promise<{ afterOne: number; afterThree: number }> {
  const host = new FakeExcelHost(wb).install();
  const count = () => host.workbook.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
  await runAction("fill", officeHost, DEFAULT_SETTINGS);
  const afterOne = count();
  for (let i = 0; i < 2; i++) await runAction("fill", officeHost, DEFAULT_SETTINGS);
  return { afterOne, afterThree: count() };
}

if (require.main === module) {
  const wb = syntheticWorkbook(shapeFor(10000));
  (async () => {
    for (const [sep, api] of [
      [",", "1.17"],
      [";", "1.17"],
      [",", "1.7"],
    ] as const) {
      const s = await paneSession(wb, sep, api);
      process.stdout.write(`${sep} ${api}: ${JSON.stringify(s, null, 1)}\n`);
    }
  })().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
