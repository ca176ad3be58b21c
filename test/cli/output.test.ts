/** Where -o and --laporan may write: only a regular, writable file that is not the input, in a folder that exists. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fingerprint, runCli, SAMPLE } from "./run";
import { writeFailure } from "../../src/cli/output";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-output-"));
});
afterEach(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` (temporary files included), to show nothing was left behind. */
function filesUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("pokin's output file (-o)", () => {
  it("refuses a folder, naming it and saying what to give instead", async () => {
    const folder = path.join(dir, "hasil");
    fs.mkdirSync(folder);
    const r = await runCli(["hitung", SAMPLE, "-o", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${folder}: ini sebuah folder. Tulis nama berkas hasil setelah -o, misalnya ${folder}/hasil.xlsx.\n`
    );
    expect(filesUnder(dir)).toEqual(["hasil"]);
  });

  it("never replaces a device such as /dev/null", async () => {
    const before = fs.statSync("/dev/null");
    const r = await runCli(["pohon", SAMPLE, "-o", "/dev/null"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/dev/null: ini bukan berkas biasa");
    const after = fs.statSync("/dev/null");
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
  });

  it("never replaces a read-only file, and leaves it as it was", async () => {
    const file = path.join(dir, "arsip.xlsx");
    fs.writeFileSync(file, "isi lama");
    fs.chmodSync(file, 0o444);
    const before = fingerprint(file);
    const r = await runCli(["proses", SAMPLE, "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: berkas ini hanya-baca, jadi tidak ditimpa.`);
    expect(fingerprint(file)).toEqual(before);
  });

  it("never creates folders: a missing folder is named and nothing is made", async () => {
    const out = path.join(dir, "belum", "ada", "hasil.xlsx");
    const r = await runCli(["hitung", SAMPLE, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`folder ${path.join(dir, "belum", "ada")} tidak ada`);
    expect(filesUnder(dir)).toEqual([]);
  });

  it("refuses a broken link and a second name (hard link) of the input", async () => {
    const broken = path.join(dir, "rusak.xlsx");
    fs.symlinkSync(path.join(dir, "tidak-ada"), broken);
    expect((await runCli(["hitung", SAMPLE, "-o", broken])).stderr).toContain(
      "ini bukan berkas biasa"
    );
    const input = path.join(dir, "masukan.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const second = path.join(dir, "nama-lain.xlsx");
    fs.linkSync(input, second);
    const before = fingerprint(input);
    const r = await runCli(["hitung", input, "-o", second]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("tidak boleh sama dengan berkas masukan");
    expect(fingerprint(input)).toEqual(before);
  });

  it("writes through a link to a regular file, keeping the link", async () => {
    const real = path.join(dir, "nyata.xlsx");
    fs.writeFileSync(real, "lama");
    const link = path.join(dir, "pintasan.xlsx");
    fs.symlinkSync(real, link);
    const r = await runCli(["hitung", SAMPLE, "-o", link]);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real).subarray(0, 2).toString()).toBe("PK");
  });

  it("speaks English with --lang en, and checks --laporan the same way", async () => {
    const r = await runCli(["periksa", SAMPLE, "--laporan", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir}: this is a folder.`);
  });

  it("names the user's file and the reason in their words when the write itself fails, never the temporary file", () => {
    const e = Object.assign(new Error("EACCES: permission denied, open '/x/.hasil.xlsx.123.tmp'"), {
      code: "EACCES",
    });
    const failure = writeFailure(e, "keluaran/hasil.xlsx", "id");
    expect(failure?.message).toBe(
      "keluaran/hasil.xlsx: berkas hasil tidak dapat ditulis (tidak ada izin menulis di folder keluaran)."
    );
    expect(failure?.message).not.toContain(".tmp");
    const full = writeFailure(Object.assign(new Error("x"), { code: "ENOSPC" }), "a.xlsx", "en");
    expect(full?.message).toBe("a.xlsx: the output file cannot be written (the disk is full).");
    expect(writeFailure(new Error("a bug"), "a.xlsx", "id")).toBeNull();
  });
});
