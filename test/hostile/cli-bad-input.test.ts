/**
 * The real binary on unreadable inputs, for the writing commands. test/cli/bin.test.ts spawns
 * `periksa` on the five kinds of issue 9 and test/cli/main.test.ts runs them in-process; here
 * `hitung` and `proses` are spawned on the same five, and all three commands on two more: a zip
 * that is no workbook and a file holding only a zip signature. Each must give one line on stderr
 * naming the file, exit 2, no stack trace, no output file, and leave the input as it was.
 */
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { badInputs, fingerprint } from "../cli/run";
import { ROOT } from "./helpers";

const BIN = path.join(ROOT, "bin", "pokin.js");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-hostile-cli-"));
  if (!fs.existsSync(path.join(ROOT, "lib", "src", "cli", "main.js")))
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "ignore" });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn `node bin/pokin.js args…` without waiting on the others (the machine has two cores). */
function pokin(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A zip archive holding the given files uncompressed ("stored"), built by hand. */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function expectOneLineNamingFile(r: Run, file: string, label: string): void {
  const lines = r.stderr.trimEnd().split("\n");
  expect({ label, code: r.code, lines: lines.length, stdout: r.stdout }).toEqual({
    label,
    code: 2,
    lines: 1,
    stdout: "",
  });
  expect({ label, names: lines[0]?.includes(file) }).toEqual({ label, names: true });
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Error:|TypeError|node:internal/);
}

describe("hitung and proses on unreadable inputs", () => {
  it("each give one line naming the file, exit 2, no output, and leave the input untouched", async () => {
    const files = await badInputs(path.join(dir, "bad"));
    const before = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fingerprint(f)]));
    // The output's folder exists (pokin makes none), so the input is what is refused.
    fs.mkdirSync(path.join(dir, "keluar"));
    const runs = Object.entries(files).flatMap(([kind, file]) =>
      ["hitung", "proses"].map(async (command) => {
        const out = path.join(dir, "keluar", `${kind}-${command}.xlsx`);
        const r = await pokin([command, file, "-o", out]);
        return { label: `${command} ${kind}`, file, out, r };
      })
    );
    for (const { label, file, out, r } of await Promise.all(runs)) {
      expectOneLineNamingFile(r, file, label);
      expect({ label, written: fs.existsSync(out) }).toEqual({ label, written: false });
    }
    for (const [kind, file] of Object.entries(files))
      expect({ kind, after: fingerprint(file) }).toEqual({ kind, after: before[kind] });
    // Not even a temporary file is left beside the output.
    expect(
      fs.existsSync(path.join(dir, "keluar")) ? fs.readdirSync(path.join(dir, "keluar")) : []
    ).toEqual([]);
  });
});

describe("periksa, hitung and proses on a zip that is no workbook", () => {
  it("each give one line naming the file, exit 2, and leave the input untouched", async () => {
    const files = {
      "zip-not-xlsx": path.join(dir, "arsip.xlsx"),
      "zip-signature-only": path.join(dir, "terpotong.xlsx"),
    };
    fs.writeFileSync(files["zip-not-xlsx"], storedZip({ "catatan.txt": "bukan buku kerja\n" }));
    fs.writeFileSync(files["zip-signature-only"], Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const before = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fingerprint(f)]));
    fs.mkdirSync(path.join(dir, "keluar-zip"));
    const runs = Object.entries(files).flatMap(([kind, file]) =>
      [["periksa"], ["hitung", "-o"], ["proses", "-o"]].map(async ([command, flag]) => {
        const out = path.join(dir, "keluar-zip", `${kind}-${command}.xlsx`);
        const args = flag ? [command ?? "", file, flag, out] : [command ?? "", file];
        return { label: `${command} ${kind}`, file, out, r: await pokin(args) };
      })
    );
    for (const { label, file, out, r } of await Promise.all(runs)) {
      expectOneLineNamingFile(r, file, label);
      expect(fs.existsSync(out)).toBe(false);
    }
    for (const [kind, file] of Object.entries(files))
      expect({ kind, after: fingerprint(file) }).toEqual({ kind, after: before[kind] });
  });
});
