/**
 * A growing byte buffer for writing large XML parts without building strings: a tree sheet has
 * over a million cells, and joining that many small strings costs seconds of allocation and GC.
 */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** Any text, as UTF-8. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** Bytes prepared beforehand (ASCII snippets such as column letters). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i] as number;
    this.pos = p;
  }

  /** A non-negative integer in decimal. */
  uint(n: number): void {
    this.ensure(16);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 0;
    for (let x = n; x > 0; x = Math.floor(x / 10)) digits++;
    let p = this.pos + digits - 1;
    for (let x = n; x > 0; x = Math.floor(x / 10)) buf[p--] = 48 + (x % 10);
    this.pos += digits;
  }

  /** The bytes written (a view on the buffer). */
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** An ASCII string as bytes, for ByteWriter.bytes. */
export function ascii(s: string): Uint8Array {
  return Buffer.from(s, "latin1");
}
