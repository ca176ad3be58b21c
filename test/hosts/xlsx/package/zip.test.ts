import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  MAX_PART_BYTES,
  readZip,
  writeZip,
  ZipFormatError,
  ZipRefusedError,
  type ZipLimits,
} from "../../../../src/hosts/xlsx/package/zip";
import { deflatedEntry, rawZip, zipBombXlsx } from "../../../../bench/bomb";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-zip-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString("utf8");

function hasTool(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
}

describe("writeZip and readZip", () => {
  it("round-trip text, binary, empty and non-ASCII entries in order", () => {
    const binary = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    const entries: [string, Uint8Array | string][] = [
      ["[Content_Types].xml", "<Types/>"],
      ["xl/worksheets/sheet1.xml", "<row>".repeat(2000)],
      ["xl/media/image1.bin", binary],
      ["empty.txt", ""],
      ["docProps/ringkasan-ä€😀.xml", "Kabupaten Luwu Timur — ✓"],
    ];
    const zip = writeZip(entries);
    const back = readZip(zip);
    expect([...back.keys()]).toEqual(entries.map(([n]) => n));
    expect(text(back.get("[Content_Types].xml"))).toBe("<Types/>");
    expect(text(back.get("xl/worksheets/sheet1.xml"))).toBe("<row>".repeat(2000));
    expect(Buffer.from(back.get("xl/media/image1.bin")!).equals(Buffer.from(binary))).toBe(true);
    expect(back.get("empty.txt")!.length).toBe(0);
    expect(text(back.get("docProps/ringkasan-ä€😀.xml"))).toBe("Kabupaten Luwu Timur — ✓");
  });

  it("compresses repetitive parts and stores them at level 0", () => {
    const big = '<c r="A1"><v>1</v></c>'.repeat(10000);
    const deflated = writeZip([["a.xml", big]]);
    const stored = writeZip([["a.xml", big]], { level: 0 });
    expect(deflated.length).toBeLessThan(big.length / 10);
    expect(stored.length).toBeGreaterThan(big.length);
    expect(text(readZip(stored).get("a.xml"))).toBe(big);
  });

  it("gives the same bytes for the same entries", () => {
    const entries: [string, string][] = [
      ["a.xml", "<a/>"],
      ["b.xml", "<b/>".repeat(100)],
    ];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it("reads an .xlsx written by ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("CSF").getCell("B2").value = "Meningkatnya Kualitas";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const parts = readZip(bytes);
    expect(parts.has("[Content_Types].xml")).toBe(true);
    expect(text(parts.get("xl/workbook.xml"))).toContain('name="CSF"');
    expect(text(parts.get("xl/sharedStrings.xml"))).toContain("Meningkatnya Kualitas");
  });

  it("writes an archive ExcelJS opens, with every part it read", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("CSF");
    ws.getCell("A1").value = "Outcome";
    ws.getCell("B2").value = 82.5;
    const parts = readZip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const rezipped = writeZip(parts);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(rezipped as unknown as ExcelJS.Buffer);
    expect(again.worksheets.map((w) => w.name)).toEqual(["CSF"]);
    expect(again.worksheets[0]!.getCell("A1").value).toBe("Outcome");
    expect(again.worksheets[0]!.getCell("B2").value).toBe(82.5);
  });

  it("reads an archive made by Info-ZIP, and its unzip -t accepts ours", () => {
    if (!hasTool("zip") || !hasTool("unzip")) {
      // The tools are part of the CI image; without them only our own round trip is checked.
      expect(readZip(writeZip([["a", "b"]])).size).toBe(1);
      return;
    }
    const src = path.join(dir, "src");
    fs.mkdirSync(path.join(src, "xl"), { recursive: true });
    fs.writeFileSync(path.join(src, "xl", "a.xml"), "<a>".repeat(1000));
    fs.writeFileSync(path.join(src, "b.txt"), "b");
    const theirs = path.join(dir, "theirs.zip");
    execFileSync("zip", ["-q", "-r", theirs, "xl", "b.txt"], { cwd: src });
    const parts = readZip(fs.readFileSync(theirs));
    // The directory entry "xl/" is not a part.
    expect([...parts.keys()].sort()).toEqual(["b.txt", "xl/a.xml"]);
    expect(text(parts.get("xl/a.xml"))).toBe("<a>".repeat(1000));

    const ours = path.join(dir, "ours.zip");
    fs.writeFileSync(ours, writeZip([...parts, ["ü.txt", "ü"]]));
    const result = spawnSync("unzip", ["-t", ours], { encoding: "utf8" });
    expect(result.stdout).toContain("No errors detected");
    expect(result.status).toBe(0);
  });

  it("reads a zip64 archive (Info-ZIP's zip -fz)", () => {
    if (!hasTool("zip")) {
      expect(readZip(writeZip([["a", "b"]])).size).toBe(1);
      return;
    }
    const src = path.join(dir, "z64");
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, "a.txt"), "halo zip64");
    fs.writeFileSync(path.join(src, "b.txt"), "1234567890".repeat(900));
    const archive = path.join(dir, "z64.zip");
    execFileSync("zip", ["-q", "-fz", archive, "a.txt", "b.txt"], { cwd: src });
    const bytes = fs.readFileSync(archive);
    // The end record defers to the zip64 one: central directory offset 0xFFFFFFFF.
    expect(bytes.readUInt32LE(bytes.length - 6)).toBe(0xffffffff);
    const parts = readZip(bytes);
    expect(text(parts.get("a.txt"))).toBe("halo zip64");
    expect(text(parts.get("b.txt"))).toBe("1234567890".repeat(900));
  });

  it("takes sizes from the central directory when local headers defer them to a data descriptor", () => {
    const zip = Buffer.from(writeZip([["a.xml", "<a>".repeat(300)]]));
    zip.writeUInt16LE(0x0008, 6); // flag bit 3: crc and sizes follow the data
    zip.writeUInt32LE(0, 14);
    zip.writeUInt32LE(0, 18);
    zip.writeUInt32LE(0, 22);
    expect(text(readZip(zip).get("a.xml"))).toBe("<a>".repeat(300));
  });
});

describe("readZip on bad input", () => {
  const good = writeZip([
    ["a.xml", "<a>".repeat(500)],
    ["b.xml", "<b/>"],
  ]);

  it.each([
    ["empty", new Uint8Array(0)],
    ["a few bytes", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])],
    ["text", Buffer.from("nama,kode\nCSF 1,1\n".repeat(10))],
    ["truncated at the end", good.subarray(0, good.length - 10)],
    ["truncated to half", good.subarray(0, good.length >> 1)],
  ])("throws ZipFormatError for %s", (_label, bytes) => {
    expect(() => readZip(bytes)).toThrow(ZipFormatError);
  });

  it("throws ZipFormatError when an entry's data is corrupt", () => {
    const bad = Buffer.from(good);
    bad[40] = (bad[40]! ^ 0xff) & 0xff; // inside a.xml's deflated data
    expect(() => readZip(bad)).toThrow(ZipFormatError);
  });

  it("throws ZipFormatError for a stored entry whose CRC does not match", () => {
    const bad = Buffer.from(writeZip([["a.txt", "abc"]], { level: 0 }));
    bad[30 + "a.txt".length] = "x".charCodeAt(0);
    expect(() => readZip(bad)).toThrow(/CRC/);
  });

  it("refuses encrypted entries", () => {
    const bad = Buffer.from(writeZip([["a.txt", "abc"]]));
    const cd = bad.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bad.writeUInt16LE(1, cd + 8); // general purpose flag bit 0: encrypted
    expect(() => readZip(bad)).toThrow(/encrypted/);
  });
});

describe("readZip refuses what would inflate past a ceiling, before or while inflating", () => {
  /** The error readZip throws for `bytes`, timed. */
  function refusal(bytes: Uint8Array, limits?: ZipLimits): { error: ZipRefusedError; ms: number } {
    const t0 = Date.now();
    try {
      readZip(bytes, limits);
    } catch (e) {
      if (!(e instanceof ZipRefusedError)) throw e;
      return { error: e, ms: Date.now() - t0 };
    }
    throw new Error("readZip accepted it");
  }

  it("a part that declares more than the part ceiling: refused by its declared size", () => {
    const bomb = zipBombXlsx(3000); // 3 MB inflating to about 3 GB
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const { error, ms } = refusal(bomb);
    expect(error.part).toBe("xl/worksheets/sheet1.xml");
    expect(error.refusal).toBe("part-too-large");
    expect(error.limitBytes).toBe(MAX_PART_BYTES);
    expect(ms).toBeLessThan(1000);
  });

  it("a part that declares less than it holds: stopped at the declared size", () => {
    const { error, ms } = refusal(zipBombXlsx(3000, 2 * 1024 * 1024));
    expect(error.part).toBe("xl/worksheets/sheet1.xml");
    expect(error.refusal).toBe("size-mismatch");
    expect(ms).toBeLessThan(2000);
  });

  it("a part that holds less than it declares", () => {
    const entry = deflatedEntry("xl/workbook.xml", "<workbook/>");
    const { error } = refusal(rawZip([{ ...entry, size: entry.size + 1 }]));
    expect(error.refusal).toBe("size-mismatch");
    expect(error.part).toBe("xl/workbook.xml");
  });

  it("parts each under the part ceiling that together pass the total ceiling", () => {
    const zip = writeZip([
      ["a.xml", "a".repeat(800)],
      ["b.xml", "b".repeat(800)],
    ]);
    expect(readZip(zip, { partBytes: 1000, totalBytes: 2000 }).size).toBe(2);
    const { error } = refusal(zip, { partBytes: 1000, totalBytes: 1500 });
    expect(error.refusal).toBe("total-too-large");
    expect(error.part).toBe("b.xml");
    expect(refusal(zip, { partBytes: 700, totalBytes: 2000 }).error.refusal).toBe("part-too-large");
  });
});
