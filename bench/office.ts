/**
 * The Office figures of `npm run bench` (issue 15): every pane action through the Office.js host
 * against the strict fake Excel host on the 10k workbook, in ',' and ';' mode. Runs alone with
 * `node lib/bench/office.js` (POKIN_BENCH_SYNCS=1 prints each sync's bytes).
 */
import type { WorkbookGrids } from "../src/core/grid";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { FakeExcelHost } from "../src/hosts/fake-excel";
import { officeHost } from "../src/hosts/office";
import { runAction, type ActionId } from "../src/core/actions";
import { shapeFor, syntheticWorkbook } from "./synthetic";

export interface ActionFigures {
  syncs: number;
  /** The fake's measure: JSON of its queued operations (smaller than what Office.js sends). */
  maxRequestBytes: number;
  maxResponseBytes: number;
}

const ACTIONS: ActionId[] = ["periksa", "fill", "tree", "kertas-kerja", "report"];

/**
 * Every pane action in one session (as a user clicks them in turn), then each again now that the
 * tree and the kertas kerja exist: per action, the most round trips and the largest request and
 * response.
 */
export async function paneSession(wb: WorkbookGrids, listSeparator: "," | ";") {
  const perAction: Record<string, ActionFigures> = {};
  const host = new FakeExcelHost(wb, { listSeparator }).install();
  for (let pass = 0; pass < 2; pass++)
    for (const a of ACTIONS) {
      host.resetStats();
      await runAction(a, officeHost, DEFAULT_SETTINGS);
      if (process.env.POKIN_BENCH_SYNCS)
        process.stdout.write(
          `${listSeparator} pass ${pass + 1} ${a}: requests ${host.stats.requestBytes.join(" ")}; responses ${host.stats.responseBytes.join(" ")}\n`
        );
      const was = perAction[a];
      perAction[a] = {
        syncs: Math.max(was?.syncs ?? 0, host.stats.syncs),
        maxRequestBytes: Math.max(was?.maxRequestBytes ?? 0, ...host.stats.requestBytes),
        maxResponseBytes: Math.max(was?.maxResponseBytes ?? 0, ...host.stats.responseBytes),
      };
    }
  const all = Object.values(perAction);
  return {
    syncs: Math.max(...all.map((f) => f.syncs)),
    bytes: Math.max(...all.map((f) => f.maxRequestBytes)),
    responseBytes: Math.max(...all.map((f) => f.maxResponseBytes)),
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
    for (const sep of [",", ";"] as const) {
      const s = await paneSession(wb, sep);
      process.stdout.write(`${sep}: ${JSON.stringify(s, null, 1)}\n`);
    }
  })().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
