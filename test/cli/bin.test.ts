/**
 * The real binary, spawned as a user runs it. `npm test` builds the CLI first (build:cli);
 * when the compiled CLI is missing it is built here.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { badInputs, fingerprint, SAMPLE } from "./run";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "pokin.js");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-bin-"));
  if (!fs.existsSync(path.join(ROOT, "lib", "src", "cli", "main.js")))
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pokin(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/pokin.js", () => {
  it("prints the help and exits with 0", () => {
    const r = pokin(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pemakaian:");
    expect(pokin(["--help"], { LANG: "en_GB.UTF-8" }).stdout).toContain("Usage:");
  });

  it("prints the version of package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(pokin(["--version"])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("exits with 2 on an unknown command", () => {
    const r = pokin(["gambar", SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("gambar");
  });

  it("prints the sample's sheets with info", () => {
    const r = pokin(["info", SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Target & Realisasi: ");
  });

  it("gives each unreadable input one line on stderr and exit 2, leaving it untouched", async () => {
    const files = await badInputs(path.join(dir, "bad"));
    for (const [kind, file] of Object.entries(files)) {
      const before = fingerprint(file);
      const r = pokin(["periksa", file]);
      expect({ kind, code: r.code }).toEqual({ kind, code: 2 });
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(fingerprint(file)).toEqual(before);
    }
  });
});
