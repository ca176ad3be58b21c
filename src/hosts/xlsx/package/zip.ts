/**
 * A minimal zip archive reader and writer for .xlsx packages (Node only): stored and deflate
 * entries, zip64 on reading, no encryption. Reading goes by the central directory, as Excel does,
 * so local headers with data descriptors and stale sizes do not matter.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** The bytes are not a zip archive this reader can read (truncated, corrupt, encrypted, …). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const U32_MAX = 0xffffffff;
/** A fixed timestamp keeps the output reproducible: the same entries give the same bytes. */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

const utf8 = new TextDecoder("utf-8");
const latin1 = new TextDecoder("latin1");

/**
 * Ceilings on what an archive may inflate to. An .xlsx is XML that deflates 10 to 1 and more, so
 * a 3 MB file can hold a sheet of gigabytes (a zip bomb, or millions of empty styled rows saved by
 * an old tool); inflated whole it exhausts memory and V8's string limit, and Node aborts.
 */
export interface ZipLimits {
  /** Bytes one part may inflate to. */
  partBytes: number;
  /** Bytes all parts together may inflate to. */
  totalBytes: number;
}

/**
 * 128 MiB for one part: the largest part pokin meets on the benchmark's 10,000-indicator workbook
 * is the kertas kerja sheet of its `proses` output, 22 MB, so almost six times that; and a
 * quarter of the 512 MiB V8 allows a string, into which a sheet's XML is decoded.
 */
export const MAX_PART_BYTES = 128 * 1024 * 1024;

/**
 * 256 MiB for all parts together: that output holds 55 MB in all, so over four times that; the
 * part ceiling alone would let a thousand parts of 100 MB through.
 */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  partBytes: MAX_PART_BYTES,
  totalBytes: MAX_TOTAL_BYTES,
};

/** Why a readable archive is refused: it would inflate past a ceiling, or past what it declares. */
export type ZipRefusal = "part-too-large" | "total-too-large" | "size-mismatch";

/** An archive refused for its sizes, naming the part; nothing of it has been kept. */
export class ZipRefusedError extends ZipFormatError {
  constructor(
    readonly part: string,
    readonly refusal: ZipRefusal,
    /** The ceiling passed, in bytes (for a size mismatch: the size the archive declares). */
    readonly limitBytes: number
  ) {
    super(`entry ${part}: ${refusal} (${limitBytes} bytes)`);
    this.name = "ZipRefusedError";
  }
}

/** One entry of the central directory, as declared there. */
interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  /** The inflated size the archive declares. */
  size: number;
  localOffset: number;
}

/**
 * Every entry of a zip archive by path, bytes inflated. Throws ZipFormatError on anything that is
 * not a readable zip, and ZipRefusedError, before inflating anything, when the declared sizes
 * pass a ceiling; each part is inflated with its declared size as the ceiling, so one that
 * declares less than it holds stops there and is refused.
 */
export function readZip(
  data: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS
): Map<string, Uint8Array> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = readCentralDirectory(data, view);
  refuseOversized(entries, limits);
  const out = new Map<string, Uint8Array>();
  for (const e of entries) out.set(e.name, entryBytes(data, view, e));
  return out;
}

/** Refuse, by the sizes the central directory declares, before anything is inflated. */
function refuseOversized(entries: readonly ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.size > limits.partBytes)
      throw new ZipRefusedError(e.name, "part-too-large", limits.partBytes);
    total += e.size;
    if (total > limits.totalBytes)
      throw new ZipRefusedError(e.name, "total-too-large", limits.totalBytes);
  }
}

/** The entries of the central directory in order (directories left out, names unique). */
function readCentralDirectory(data: Uint8Array, view: DataView): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(data, view);
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0)
    throw new ZipFormatError("multi-disk zip archives are not supported");
  if (count === 0xffff || cdSize === U32_MAX || cdOffset === U32_MAX) {
    const z64 = readZip64End(data, view, eocd);
    count = z64.count;
    cdSize = z64.cdSize;
    cdOffset = z64.cdOffset;
  }
  if (cdOffset + cdSize > data.length) throw new ZipFormatError("central directory out of range");

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const { entry, next } = centralEntry(data, view, p, i);
    p = next;
    if (entry === null) continue;
    if (names.has(entry.name)) throw new ZipFormatError(`duplicate entry ${entry.name}`);
    names.add(entry.name);
    entries.push(entry);
  }
  return entries;
}

/** The central directory entry at `p` (null for a directory) and where the next one starts. */
function centralEntry(
  data: Uint8Array,
  view: DataView,
  p: number,
  i: number
): { entry: ZipEntry | null; next: number } {
  if (p + 46 > data.length || view.getUint32(p, true) !== SIG_CENTRAL)
    throw new ZipFormatError(`bad central directory entry ${i}`);
  const flags = view.getUint16(p + 8, true);
  const method = view.getUint16(p + 10, true);
  const crc = view.getUint32(p + 16, true);
  let compressedSize = view.getUint32(p + 20, true);
  let size = view.getUint32(p + 24, true);
  const nameLen = view.getUint16(p + 28, true);
  const extraLen = view.getUint16(p + 30, true);
  const commentLen = view.getUint16(p + 32, true);
  let localOffset = view.getUint32(p + 42, true);
  const nameEnd = p + 46 + nameLen;
  if (nameEnd + extraLen + commentLen > data.length)
    throw new ZipFormatError(`central directory entry ${i} out of range`);
  const nameBytes = data.subarray(p + 46, nameEnd);
  const name = ((flags & FLAG_UTF8) !== 0 ? utf8 : latin1).decode(nameBytes);
  if (size === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX) {
    // Zip64 extended information: the 64-bit values, in this order, only for fields at 0xFFFFFFFF.
    const z = zip64Extra(view, nameEnd, extraLen);
    if (!z) throw new ZipFormatError(`entry ${name}: zip64 sizes missing`);
    let q = z;
    const next = (): number => {
      const v = readU64(view, q);
      q += 8;
      return v;
    };
    if (size === U32_MAX) size = next();
    if (compressedSize === U32_MAX) compressedSize = next();
    if (localOffset === U32_MAX) localOffset = next();
  }
  const after = nameEnd + extraLen + commentLen;
  if ((flags & FLAG_ENCRYPTED) !== 0) throw new ZipFormatError(`entry ${name} is encrypted`);
  if (name.endsWith("/") && size === 0) return { entry: null, next: after }; // a directory
  return { entry: { name, method, crc, compressedSize, size, localOffset }, next: after };
}

function findEndOfCentralDirectory(data: Uint8Array, view: DataView): number {
  if (data.length < EOCD_SIZE) throw new ZipFormatError("too short to be a zip archive");
  const stop = Math.max(0, data.length - EOCD_SIZE - MAX_COMMENT);
  for (let p = data.length - EOCD_SIZE; p >= stop; p--) {
    if (data[p] === 0x50 && data[p + 1] === 0x4b && view.getUint32(p, true) === SIG_EOCD) {
      const commentLen = view.getUint16(p + 20, true);
      if (p + EOCD_SIZE + commentLen <= data.length) return p;
    }
  }
  throw new ZipFormatError("no end of central directory (truncated or not a zip archive)");
}

function readZip64End(
  data: Uint8Array,
  view: DataView,
  eocd: number
): { count: number; cdSize: number; cdOffset: number } {
  const loc = eocd - 20;
  if (loc < 0 || view.getUint32(loc, true) !== SIG_EOCD64_LOCATOR)
    throw new ZipFormatError("zip64 end of central directory locator missing");
  const rec = readU64(view, loc + 8);
  if (rec + 56 > data.length || view.getUint32(rec, true) !== SIG_EOCD64)
    throw new ZipFormatError("zip64 end of central directory missing");
  return {
    count: readU64(view, rec + 32),
    cdSize: readU64(view, rec + 40),
    cdOffset: readU64(view, rec + 48),
  };
}

/** Offset of the zip64 extra field's data within an extra area, or undefined. */
function zip64Extra(view: DataView, start: number, len: number): number | undefined {
  let p = start;
  const end = start + len;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) return p + 4;
    p += 4 + size;
  }
  return undefined;
}

function readU64(view: DataView, p: number): number {
  const lo = view.getUint32(p, true);
  const hi = view.getUint32(p + 4, true);
  const v = hi * 0x100000000 + lo;
  if (!Number.isSafeInteger(v)) throw new ZipFormatError("zip64 value too large");
  return v;
}

function entryBytes(data: Uint8Array, view: DataView, e: ZipEntry): Uint8Array {
  const { name, localOffset, compressedSize, size } = e;
  if (localOffset + 30 > data.length || view.getUint32(localOffset, true) !== SIG_LOCAL)
    throw new ZipFormatError(`entry ${name}: local header missing`);
  const start =
    localOffset +
    30 +
    view.getUint16(localOffset + 26, true) +
    view.getUint16(localOffset + 28, true);
  if (start + compressedSize > data.length) throw new ZipFormatError(`entry ${name} is truncated`);
  const raw = data.subarray(start, start + compressedSize);
  let bytes: Uint8Array;
  if (e.method === METHOD_STORED) bytes = raw;
  else if (e.method === METHOD_DEFLATE) bytes = inflateAtMost(raw, name, size);
  else throw new ZipFormatError(`entry ${name}: unsupported compression method ${e.method}`);
  if (bytes.length !== size) throw new ZipRefusedError(name, "size-mismatch", size);
  if (crc32(bytes) !== e.crc) throw new ZipFormatError(`entry ${name}: CRC mismatch`);
  return bytes;
}

/** Inflate `raw`, stopping (and refusing the part) as soon as it passes its declared `size`. */
function inflateAtMost(raw: Uint8Array, name: string, size: number): Uint8Array {
  try {
    // One output chunk of the declared size and a byte: a part that holds what it declares fills
    // it without a second chunk or a concatenation, and one that holds more passes the maximum
    // in that first chunk, so Node stops before inflating (or allocating) any further.
    return inflateRawSync(raw, {
      chunkSize: Math.max(64, Math.min(size + 1, 1 << 30)),
      maxOutputLength: Math.max(1, size),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipRefusedError(name, "size-mismatch", size);
    throw new ZipFormatError(`entry ${name}: ${(e as Error).message}`);
  }
}

/** A zip archive (deflate, given level, default 6; entries in the given order). */
export function writeZip(
  entries: Iterable<readonly [string, Uint8Array | string]>,
  opts?: { level?: number }
): Buffer {
  const level = opts?.level ?? 6;
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  const seen = new Set<string>();
  for (const [name, content] of entries) {
    if (seen.has(name)) throw new Error(`writeZip: duplicate entry ${name}`);
    seen.add(name);
    const nameBytes = Buffer.from(name, "utf8");
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const crc = crc32(bytes);
    let method = METHOD_STORED;
    let stored: Uint8Array = bytes;
    if (level > 0 && bytes.length > 0) {
      const deflated = deflateRawSync(bytes, { level });
      // Keep the smaller form: tiny or incompressible parts are stored.
      if (deflated.length < bytes.length) {
        method = METHOD_DEFLATE;
        stored = deflated;
      }
    }
    if (bytes.length >= U32_MAX || offset >= U32_MAX)
      throw new Error("writeZip: archives over 4 GB are not supported");
    const flags = nameBytes.length !== name.length ? FLAG_UTF8 : 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);

    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(SIG_CENTRAL, 0);
    cd.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(stored.length, 20);
    cd.writeUInt32LE(bytes.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, nameBytes);

    chunks.push(local, nameBytes, stored);
    offset += 30 + nameBytes.length + stored.length;
    count++;
  }
  if (count >= 0xffff) throw new Error("writeZip: too many entries");
  const cdBuf = Buffer.concat(central);
  if (offset + cdBuf.length >= U32_MAX)
    throw new Error("writeZip: archives over 4 GB are not supported");
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(SIG_EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBuf, end]);
}
