/**
 * The kertas kerja of every reader fixture, read on its own, gives back the fixture's model
 * (conditions, codes, parents, names, indicators' five texts, narratives).
 */
import * as fs from "fs";
import * as path from "path";
import { expectRoundTrip } from "./round-trip-check";

const fixtureDir = path.resolve(__dirname, "../../fixtures/reader");

/** Each reader fixture (.xlsx, or WorkbookGrids as .json; "error.*" files are meant to fail). */
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => /\.(xlsx|json)$/i.test(f) && !/^error\./i.test(f));

describe("the kertas kerja of a reader fixture read on its own", () => {
  it("has fixtures to go round", () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)("gives back the model of %s", async (f) => {
    await expectRoundTrip(path.join(fixtureDir, f));
  });
});
