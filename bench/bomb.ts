/**
 * Zip bombs shaped as .xlsx workbooks, for the hostile tests and the benchmark: a small file whose
 * sheet part inflates to gigabytes. The deflate stream is one compressed block repeated (each copy
 * refers only to itself), so a 3 GB part costs milliseconds to make, not a minute of deflating.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

/** An entry written as given: raw bytes already compressed, sizes and CRC as they are to be declared. */
export interface RawZipEntry {
  name: string;
  /** The bytes stored in the archive (deflated when `method` is 8). */
  raw: Uint8Array;
  method: 0 | 8;
  /** The inflated size the archive declares (it may lie). */
  size: number;
  crc: number;
}

/** A zip archive of entries written as given (no zip64: every size below 4 GB). */
export function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.method, 10);
    cd.writeUInt32LE(e.crc >>> 0, 16);
    cd.writeUInt32LE(e.raw.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(e.raw));
    central.push(cd, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** A part given whole: deflated, its true size and CRC declared. */
export function deflatedEntry(name: string, content: string | Uint8Array): RawZipEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, raw: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
}

const MIB = 1 << 20;
/**
 * One mebibyte of a sheet: an empty styled row, then blanks (white space between elements is
 * allowed); blanks deflate at deflate's best ratio, about 1,000 to 1, so 3 MB hold 3 GB.
 */
const ROWS_MIB = Buffer.from('<row s="1" customFormat="1"/>'.padEnd(MIB));

/**
 * A raw deflate stream that inflates to `mib` mebibytes of empty rows: one block flushed to a byte
 * boundary, repeated, then an empty final block (bits 1, 01 and end-of-block: 0x03 0x00).
 */
export function repeatedDeflate(mib: number): Buffer {
  const block = deflateRawSync(ROWS_MIB, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * An .xlsx whose one sheet inflates to `mib` mebibytes (3,000: about 3 GB from a 3 MB file).
 * `declared` is the size the archive declares for the sheet: the truth by default, or a lie.
 */
export function zipBombXlsx(mib: number, declared: number = mib * MIB): Buffer {
  const sheet: RawZipEntry = {
    name: "xl/worksheets/sheet1.xml",
    raw: repeatedDeflate(mib),
    method: 8,
    size: Math.min(declared, 0xfffffffe),
    crc: 0,
  };
  return rawZip([
    deflatedEntry(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    ),
    deflatedEntry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    deflatedEntry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="CSF" sheetId="1" r:id="rId1"/></sheets></workbook>`
    ),
    deflatedEntry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
    ),
    sheet,
  ]);
}
