/**
 * Real .xlsx files (the sample and the fixtures) damaged at the byte level: random byte flips,
 * truncations, flips inside a part's XML (re-zipped so the zip checks pass and the XML is read),
 * duplicated and missing parts, and parts that inflate past the ceilings. `pokin periksa` never
 * crashes and never takes more than a few seconds: it gives a model (exit 0 or 1) or one line
 * naming the file (exit 2). `pokin proses` on what still reads writes a copy or says why not.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { readZip } from "../../src/hosts/xlsx/package/zip";
import { deflatedEntry, rawZip, repeatedDeflate, type RawZipEntry } from "../../bench/bomb";
import { runCli } from "../cli/run";
import { ROOT, SAMPLE } from "./helpers";

const FACTOR = Math.max(1, Number(process.env.POKIN_HOSTILE_RUNS ?? 1) || 1);

const FILES = [
  SAMPLE,
  ...["checks", "reader"].flatMap((d) =>
    fs
      .readdirSync(path.join(ROOT, "test", "fixtures", d))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(ROOT, "test", "fixtures", d, f))
  ),
];
const BYTES = new Map(FILES.map((f) => [f, fs.readFileSync(f)]));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-hostile-bytes-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One way to damage a file; positions are fractions of its length, parts picked by index. */
type Damage =
  | { kind: "flip"; at: number[]; xor: number }
  | { kind: "truncate"; keep: number }
  | { kind: "flip-in-part"; part: number; at: number[]; byte: number }
  | { kind: "duplicate-part" | "missing-part"; part: number }
  | { kind: "bomb-part"; part: number; lies: boolean };

/** A fraction in [0, 1), uniform: fast-check's bias to 0 would mostly hit a zip's first bytes. */
const unit = fc.noBias(fc.integer({ min: 0, max: 0xffffff })).map((k) => k / 0x1000000);
const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant("flip" as const),
    at: fc.array(unit, { minLength: 1, maxLength: 8 }),
    xor: fc.noBias(fc.integer({ min: 1, max: 255 })),
  }),
  fc.record({ kind: fc.constant("truncate" as const), keep: unit }),
  fc.record({
    kind: fc.constant("flip-in-part" as const),
    part: fc.nat(),
    at: fc.array(unit, { minLength: 1, maxLength: 6 }),
    // XML's own characters first: they break structure where random bytes mostly break text.
    byte: fc.oneof(
      fc.constantFrom(0x3c, 0x3e, 0x22, 0x26, 0x2f, 0x3d, 0x00),
      fc.noBias(fc.nat(255))
    ),
  }),
  fc.record({
    kind: fc.constantFrom("duplicate-part" as const, "missing-part" as const),
    part: fc.nat(),
  }),
  fc.record({ kind: fc.constant("bomb-part" as const), part: fc.nat(), lies: fc.boolean() })
);

/** The file's parts, each as a deflated entry with its true size and CRC. */
function entriesOf(bytes: Buffer): RawZipEntry[] {
  return [...readZip(bytes)].map(([name, data]) => deflatedEntry(name, data));
}

function damaged(bytes: Buffer, d: Damage): Buffer {
  switch (d.kind) {
    case "flip": {
      const out = Buffer.from(bytes);
      for (const a of d.at) {
        const i = Math.floor(a * out.length);
        out[i] = (out[i]! ^ d.xor) & 0xff;
      }
      return out;
    }
    case "truncate":
      return bytes.subarray(0, Math.floor(d.keep * bytes.length));
    case "flip-in-part": {
      const parts = [...readZip(bytes)];
      const [name, data] = parts[d.part % parts.length]!;
      const text = Buffer.from(data);
      for (const a of d.at) if (text.length > 0) text[Math.floor(a * text.length)] = d.byte;
      return rawZip(parts.map(([n, b]) => deflatedEntry(n, n === name ? text : b)));
    }
    case "duplicate-part": {
      const entries = entriesOf(bytes);
      const i = d.part % entries.length;
      return rawZip([...entries.slice(0, i + 1), entries[i]!, ...entries.slice(i + 1)]);
    }
    case "missing-part": {
      const entries = entriesOf(bytes);
      return rawZip(entries.filter((_, i) => i !== d.part % entries.length));
    }
    case "bomb-part": {
      const entries = entriesOf(bytes);
      const i = d.part % entries.length;
      const bomb: RawZipEntry = {
        name: entries[i]!.name,
        raw: repeatedDeflate(300),
        method: 8,
        size: d.lies ? 1024 * 1024 : 300 * 1024 * 1024,
        crc: 0,
      };
      return rawZip(entries.map((e, k) => (k === i ? bomb : e)));
    }
  }
}

let n = 0;
function written(bytes: Buffer): string {
  const file = path.join(dir, `rusak-${n++}.xlsx`);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Why `periksa`'s result breaks the contract, or null when it keeps it. */
function contractBroken(
  file: string,
  r: { code: number; stdout: string; stderr: string }
): string | null {
  if (r.code === 2) {
    const lines = r.stderr.trimEnd().split("\n");
    if (lines.length !== 1 || !lines[0]!.startsWith(`${file}: `))
      return `exit 2 without one line naming the file: ${r.stderr}`;
    return null;
  }
  if (r.code !== 0 && r.code !== 1) return `exit ${r.code}: ${r.stderr}`;
  const json = JSON.parse(r.stdout) as { file?: string; nodes?: unknown };
  if (json.file !== file || !Array.isArray(json.nodes))
    return `no model: ${r.stdout.slice(0, 200)}`;
  return null;
}

describe("real workbooks damaged byte by byte", () => {
  it("periksa gives a model or one line with exit 2, in a few seconds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), damageArb, async (source, damage) => {
        const file = written(damaged(BYTES.get(source)!, damage));
        const t0 = Date.now();
        const r = await runCli(["periksa", file, "--json"]);
        expect(contractBroken(file, r)).toBeNull();
        expect(Date.now() - t0).toBeLessThan(5000);
      }),
      { numRuns: 40 * FACTOR }
    );
  });

  it("proses on what still reads writes its copy, or one line with exit 2", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), damageArb, async (source, damage) => {
        const file = written(damaged(BYTES.get(source)!, damage));
        const out = `${file}.hasil.xlsx`;
        const r = await runCli(["proses", file, "-o", out]);
        if (r.code === 2) {
          expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
          expect(fs.existsSync(out)).toBe(false);
        } else {
          expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
          expect(readZip(fs.readFileSync(out)).size).toBeGreaterThan(0);
        }
      }),
      { numRuns: 8 * FACTOR }
    );
  });

  it("refuses, in one line naming the file, to update a sheet a damaged sheet list leaves out", async () => {
    // The reader reads on past a broken </sheets>; the writer's sheet list stops there.
    const source = path.join(ROOT, "test", "fixtures", "reader", "matrix-repeated.xlsx");
    const parts = [...readZip(fs.readFileSync(source))].map(([name, data]): [string, Uint8Array] =>
      name === "xl/workbook.xml"
        ? [
            name,
            Buffer.from(Buffer.from(data).toString("utf8").replace("</sheets>", "</\u0000heets>")),
          ]
        : [name, data]
    );
    const file = written(rawZip(parts.map(([n, b]) => deflatedEntry(n, b))));
    const out = `${file}.hasil.xlsx`;
    const r = await runCli(["proses", file, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      `${file}: Lembar "Matriks" yang akan diperbarui tidak ada. Berkas hasil tidak ditulis.`,
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });
});
