/**
 * Before/after: the sample and every fixture workbook give the model, the `periksa --json` object
 * and the findings (both languages) stored in test/fixtures/reader/dumps. Keys added since may be
 * new; nothing stored may change. When a change is meant, regenerate with make-dumps.ts (its
 * header says how) and say why in the commit.
 */
import * as fs from "fs";
import { dumpCases, dumpFile, dumpOf, type Dump } from "../../fixtures/reader/dumps/dumps";

describe("the reader gives what it gave before", () => {
  for (const c of dumpCases()) {
    test(`${c.name}: same model, JSON and findings`, async () => {
      const stored = JSON.parse(fs.readFileSync(dumpFile(c.name), "utf8")) as Dump;
      const now = dumpOf(await c.load());
      // toMatchObject: every stored key equal, arrays of the same length, new keys allowed.
      expect(now.model).toMatchObject(stored.model as object);
      expect(now.json).toMatchObject(stored.json as object);
      expect(now.findingsEn).toMatchObject(stored.findingsEn as object);
    });
  }
});
