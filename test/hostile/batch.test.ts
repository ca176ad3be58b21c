/**
 * Issue 19: Perencanaan runs `pokin periksa FOLDER --laporan` over the workbooks every unit sends.
 * A zip bomb (3 MB inflating to 3 GB), a bomb that lies about its size and a truncated file sit
 * beside good workbooks: each bad one is one line naming it (and the part), one `{ file, error }`
 * entry and one row of the laporan; the good ones are still checked; nothing crashes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pipeline from "../../src/core/pipeline";
import { readXlsxPackage } from "../../src/hosts/xlsx/package/read";
import { zipBombXlsx } from "../../bench/bomb";
import { fingerprint, runCli } from "../cli/run";
import { ROOT, SAMPLE } from "./helpers";

const CLEAN = path.join(ROOT, "test", "fixtures", "checks", "clean.xlsx");
const SHEET = "xl/worksheets/sheet1.xml";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-hostile-batch-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A folder of `files` (name → bytes or a file to copy). */
function folderOf(name: string, files: Record<string, Buffer | string>): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(folder, file);
    if (typeof content === "string") fs.copyFileSync(content, target);
    else fs.writeFileSync(target, content);
  }
  return folder;
}

interface Entry {
  file: string;
  error?: string;
  nodes?: unknown[];
}

describe("pokin periksa on a folder with hostile files", () => {
  let folder: string;
  beforeAll(() => {
    const sample = fs.readFileSync(SAMPLE);
    folder = folderOf("unit-kerja", {
      "a-setda.xlsx": SAMPLE,
      "b-bom.xlsx": zipBombXlsx(3000),
      "c-bom-berbohong.xlsx": zipBombXlsx(3000, 8 * 1024 * 1024),
      "d-bersih.xlsx": CLEAN,
      "e-rusak.xlsx": sample.subarray(0, sample.length - 100),
    });
  });

  it("checks the good ones, gives each bad one its entry and line, and exits with 2", async () => {
    const laporan = path.join(dir, "laporan.xlsx");
    const t0 = Date.now();
    const r = await runCli(["periksa", folder, "--json", "--laporan", laporan]);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as Entry[];
    const name = (f: string) => path.join(folder, f);
    expect(json.map((e) => e.file)).toEqual(
      ["a-setda.xlsx", "b-bom.xlsx", "c-bom-berbohong.xlsx", "d-bersih.xlsx", "e-rusak.xlsx"].map(
        name
      )
    );
    const [setda, bomb, liar, clean, broken] = json as [Entry, Entry, Entry, Entry, Entry];
    expect(setda.nodes!.length).toBeGreaterThan(10);
    expect(clean.nodes!.length).toBeGreaterThan(0);
    expect(bomb.error).toBe(
      `${name("b-bom.xlsx")}: bagian ${SHEET} mengembang melebihi 128 MB; berkas tidak dibaca (bom zip, atau lembar berisi jutaan baris kosong: hapus baris kosong itu lalu simpan ulang).`
    );
    expect(liar.error).toContain(`${name("c-bom-berbohong.xlsx")}: bagian ${SHEET} `);
    expect(broken.error).toContain(name("e-rusak.xlsx"));
    for (const e of [bomb, liar, broken]) expect(Object.keys(e)).toEqual(["file", "error"]);
    // stderr: exactly the three reasons, one line each; then the laporan's line.
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([bomb.error, liar.error, broken.error]);
    expect(lines).toHaveLength(4);

    const { grids } = await readXlsxPackage(laporan);
    const summary = grids.sheets.find((s) => s.name === "Ringkasan")!;
    const rows = summary.values.filter((row) => json.some((e) => e.file === row[0]));
    expect(rows.map((row) => row[0])).toEqual(json.map((e) => e.file));
    expect(rows[1]!.slice(1, 3)).toEqual([bomb.error, "Tidak dapat dibaca"]);
    expect(rows[0]![2]).toBe("Ada kesalahan");
  });

  it("without --json prints each good workbook's summary and each bad one's line", async () => {
    const r = await runCli(["periksa", folder, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      expect.stringContaining(`part ${SHEET} inflates past 128 MB`),
      expect.stringContaining(`part ${SHEET} does not inflate to the size the zip declares`),
      expect.stringContaining("e-rusak.xlsx"),
    ]);
  });

  it("exits with 1 when every file reads and one has errors, 0 when none has", async () => {
    const mixed = folderOf("terbaca", { "a.xlsx": SAMPLE, "b.xlsx": CLEAN });
    expect((await runCli(["periksa", mixed])).code).toBe(1);
    const clean = folderOf("bersih", { "b.xlsx": CLEAN });
    expect((await runCli(["periksa", clean])).code).toBe(0);
  });
});

describe("a bug met on one file of a batch", () => {
  afterEach(() => jest.restoreAllMocks());

  it("is that file's entry; the others are still checked; the exit status is 3", async () => {
    const folder = folderOf("galat", { "a.xlsx": SAMPLE, "b.xlsx": CLEAN });
    const real = pipeline.analyse;
    jest.spyOn(pipeline, "analyse").mockImplementation((grids, ...rest) => {
      if (grids.name?.endsWith("a.xlsx")) throw new Error("kaboom");
      return real(grids, ...rest);
    });
    const r = await runCli(["periksa", folder, "--json"]);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as Entry[];
    expect(json[0]!.error).toContain("kaboom");
    expect(json[0]!.error).toContain("laporkan");
    expect(json[1]!.nodes!.length).toBeGreaterThan(0);
    expect(r.stderr.trimEnd().split("\n")).toEqual([json[0]!.error]);
  });
});

describe("a zip bomb given to each command", () => {
  it.each([
    ["info", []],
    ["periksa", ["--json"]],
    ["proses", ["-o"]],
  ])("%s: one line naming the file and the part, exit 2, nothing written", async (cmd, opts) => {
    const bomb = path.join(dir, `bom-${cmd}.xlsx`);
    fs.writeFileSync(bomb, zipBombXlsx(3000));
    const before = fingerprint(bomb)!;
    const out = path.join(dir, `hasil-${cmd}.xlsx`);
    const argv = [cmd, bomb, ...opts];
    if (opts.includes("-o")) argv.push(out);
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^${bomb}: bagian ${SHEET} mengembang melebihi 128 MB`)),
    ]);
    expect(fs.existsSync(out)).toBe(false);
    const after = fingerprint(bomb)!;
    // Buffer.equals: Jest's deep equality walks 3 MB byte by byte for seconds.
    expect(after.bytes.equals(before.bytes) && after.mtime === before.mtime).toBe(true);
  });
});
