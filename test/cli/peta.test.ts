/**
 * `--peta FILE.json` and `pokin periksa --tulis-peta`: the column mappings of issue 14 on the
 * command line, for one workbook and for a folder, and a mapping file that is not one.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ColumnMapping } from "../../src/core/model";
import type { PetaJson } from "../../src/cli/peta";
import { UNKNOWN_HEADERS_ROLES } from "../fixtures/reader/shapes";
import { runCli } from "./run";

const UNKNOWN = path.join(__dirname, "..", "fixtures", "reader", "unknown-headers.xlsx");
const ROLES = UNKNOWN_HEADERS_ROLES;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-peta-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** The guess --tulis-peta prints for the unknown table, with the roles the user picks. */
async function userPeta(): Promise<ColumnMapping> {
  const r = await runCli(["periksa", UNKNOWN, "--tulis-peta"]);
  const guess = (JSON.parse(r.stdout) as PetaJson).unplaced[0];
  if (!guess) throw new Error("no guess printed");
  return { ...guess, columns: guess.columns.map((c, i) => ({ ...c, role: ROLES[i] ?? c.role })) };
}

describe("pokin periksa --tulis-peta", () => {
  it("prints the reader's guess for a table it could not place, and no mapping used", async () => {
    const r = await runCli(["periksa", UNKNOWN, "--tulis-peta"]);
    const json = JSON.parse(r.stdout) as PetaJson;
    expect(json.file).toBe(UNKNOWN);
    expect(json.mappings).toEqual([]);
    expect(json.unplaced.map((m) => [m.sheet, m.headerRow, m.columns.map((c) => c.role)])).toEqual([
      [
        "Pohon",
        3,
        ["condition", "condition", "ignore", "indicator", "target", "ignore", "responsible"],
      ],
    ]);
    // 1: the workbook has error-level findings (no outcome); the mapping printed is not one.
    expect(r.code).toBe(1);
  });

  it("says the table needs mapping in the findings without it", async () => {
    const r = await runCli(["periksa", UNKNOWN]);
    expect(r.stdout).toContain("'Pohon'!A3 Tabel perlu dipetakan");
    expect(r.stdout).toMatch(/0 CSF, 0 kondisi antara, 0 kondisi operasional, 0 indikator kinerja/);
  });
});

describe("--peta", () => {
  it("reads the table with the mapping: the conditions and indicators it gives", async () => {
    const peta = write("peta.json", { mappings: [await userPeta()] });
    const r = await runCli(["periksa", UNKNOWN, "--peta", peta, "--json"]);
    const json = JSON.parse(r.stdout) as { nodes: { code: string; indicators: unknown[] }[] };
    expect(json.nodes.map((n) => [n.code, n.indicators.length])).toEqual([
      ["1", 0],
      ["1.1", 0],
      ["1.1.1", 1],
      ["1.1.2", 1],
      ["1.2", 0],
      ["1.2.1", 1],
      ["2", 0],
      ["2.1", 0],
      ["2.1.1", 1],
    ]);
    expect(r.stdout).not.toContain("unplaced-table");
  });

  it("applies one office's mapping to a folder, and --tulis-peta gives it back per file", async () => {
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder);
    for (const name of ["a.xlsx", "b.xlsx"]) fs.copyFileSync(UNKNOWN, path.join(folder, name));
    const peta = write("peta-folder.json", [await userPeta()]);
    const r = await runCli(["periksa", folder, "--peta", peta]);
    expect(
      r.stdout.match(/2 CSF, 3 kondisi antara, 4 kondisi operasional, 4 indikator kinerja/g)
    ).toHaveLength(2);
    const printed = await runCli(["periksa", folder, "--peta", peta, "--tulis-peta"]);
    const json = JSON.parse(printed.stdout) as PetaJson[];
    expect(json.map((j) => [path.basename(j.file), j.mappings.length, j.unplaced.length])).toEqual([
      ["a.xlsx", 1, 0],
      ["b.xlsx", 1, 0],
    ]);
    expect(json[0]?.mappings[0]?.columns.map((c) => c.role)).toEqual(ROLES);
    // What --tulis-peta printed for the folder is itself a mapping file.
    const again = await runCli(["periksa", folder, "--peta", write("again.json", printed.stdout)]);
    expect(again.stdout).toBe(r.stdout);
  });

  it("says when the mapping no longer matches the sheet, and reads without it", async () => {
    const mapping = await userPeta();
    const changed = { ...mapping, columns: [{ ...mapping.columns[0], header: "Tujuan" }] };
    const r = await runCli(["periksa", UNKNOWN, "--peta", write("old.json", [changed])]);
    expect(r.stdout).toContain("Peta kolom untuk tabel di 'Pohon'!A3");
    expect(r.stdout).toMatch(/0 CSF, 0 kondisi antara, 0 kondisi operasional, 0 indikator kinerja/);
  });

  it("names a mapping file that is not JSON, exit 2", async () => {
    const bad = write("rusak.json", "{ mappings: [");
    const r = await runCli(["periksa", UNKNOWN, "--peta", bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(`^${escape(bad)}: peta kolom tidak dapat dibaca \\(.+\\)\\.\\n$`)
    );
  });

  it("names a mapping file that holds no mapping, and where, exit 2", async () => {
    const mapping = await userPeta();
    const bad = write("salah.json", [
      { ...mapping, columns: [{ column: "A", header: "X", role: "bos" }] },
    ]);
    const r = await runCli([
      "pohon",
      UNKNOWN,
      "-o",
      path.join(dir, "out.xlsx"),
      "--peta",
      bad,
      "--lang",
      "en",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: not a column mapping (at Pohon!A)`);
    expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  });

  it("names a mapping file that is missing, exit 2", async () => {
    const missing = path.join(dir, "tidak-ada.json");
    const r = await runCli(["periksa", UNKNOWN, "--peta", missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${missing}: peta kolom tidak dapat dibaca`);
  });

  it("--tulis-peta belongs to periksa only", async () => {
    const r = await runCli(["pohon", UNKNOWN, "-o", path.join(dir, "x.xlsx"), "--tulis-peta"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--tulis-peta");
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
