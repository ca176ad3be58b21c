/**
 * `pokin pohon --bersih` (and `proses --bersih`): the tree for presenting, without the checking
 * marks; the checking version stays the default.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "../../src/cli/args";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { runCli, SAMPLE } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-cli-bersih-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The texts of the Pohon Kinerja sheet of `file`. */
async function treeTexts(file: string): Promise<string[]> {
  const grids = await readXlsxFile(file);
  const sheet = grids.sheets.find((s) => s.name === "Pohon Kinerja");
  if (!sheet) throw new Error("no Pohon Kinerja sheet");
  return sheet.values.flat().filter((v): v is string => typeof v === "string");
}

describe("pokin pohon --bersih", () => {
  it("is taken by pohon and proses only", () => {
    for (const command of ["pohon", "proses"])
      expect(parseArgs([command, "a.xlsx", "-o", "b.xlsx", "--bersih"], "id")).toMatchObject({
        kind: "run",
        options: { cleanPrint: true },
      });
    expect(parseArgs(["hitung", "a.xlsx", "-o", "b.xlsx", "--bersih"], "id")).toMatchObject({
      kind: "usage-error",
    });
  });

  it("draws the sample's tree without error counts; without it, they are there", async () => {
    const checking = path.join(dir, "periksa.xlsx");
    const clean = path.join(dir, "bersih.xlsx");
    expect((await runCli(["pohon", SAMPLE, "-o", checking])).code).toBe(0);
    expect((await runCli(["pohon", SAMPLE, "-o", clean, "--bersih"])).code).toBe(0);
    expect((await treeTexts(checking)).some((v) => v.startsWith("⚠"))).toBe(true);
    const texts = await treeTexts(clean);
    expect(texts.filter((v) => v.includes("⚠"))).toEqual([]);
    // The same boxes: every condition's code is there.
    expect(texts).toEqual(expect.arrayContaining(["CSF 1", "1.4.6", "1.9.3"]));
  });
});
