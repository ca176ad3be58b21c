/**
 * The bench's request sizes come from Office.js's own serializer: every request the host sends
 * to the fake is also serialised by `@microsoft/office-js`, and that JSON is what is measured.
 */
import path from "path";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { FakeExcelHost } from "../../src/hosts/fake-excel";
import { officeHost } from "../../src/hosts/office";
import { runAction } from "../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { WorkbookGrids } from "../../src/core/grid";
import { loadOfficeJs, teeExcel, type OfficeJs } from "../../bench/office-js";

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");

let sample: WorkbookGrids;
let js: OfficeJs;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
  js = loadOfficeJs();
});

describe("requests measured with Office.js's serializer", () => {
  it.each(["1.7", "1.17"])(
    "the tree at ExcelApi %s: one Office.js request per sync, each larger than the fake's own measure",
    async (maxApi) => {
      const host = new FakeExcelHost(sample, { maxApi }).install();
      (globalThis as Record<string, unknown>).Excel = teeExcel(host.Excel, js);
      js.requestBytes = [];
      js.refusedCalls = [];
      const outcome = await runAction("tree", officeHost, DEFAULT_SETTINGS);
      expect(outcome.result?.sheets).toContain("Pohon Kinerja");
      expect(host.sheet("Pohon Kinerja")).toBeDefined();
      expect(js.refusedCalls).toEqual([]);
      expect(js.requestBytes).toHaveLength(host.stats.syncs);
      // Office.js sends object paths and action envelopes the fake's measure leaves out.
      js.requestBytes.forEach((bytes, i) =>
        expect(bytes).toBeGreaterThan(host.stats.requestBytes[i] ?? Infinity)
      );
      expect(Math.max(...js.requestBytes)).toBeLessThanOrEqual(5_000_000);
    }
  );
});
