/**
 * Prints the advance-width tables of `src/core/font-metrics.ts` from a TrueType font (the regular
 * and bold Liberation Sans, metric-compatible with Arial): `node lib/scripts/font-widths.js
 * /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf …-Bold.ttf`. Run once; the
 * table is committed, so neither the product nor its tests need the font files.
 */
import * as fs from "fs";
import { MEASURED_CODES } from "../src/core";

interface Table {
  offset: number;
}

/** Advance widths in font units (per `unitsPerEm`) of `codePoints`; 0 where the font has no glyph. */
function advanceWidths(file: string, codePoints: readonly number[]): number[] {
  const b = fs.readFileSync(file);
  const tables = new Map<string, Table>();
  for (let i = 0; i < b.readUInt16BE(4); i++) {
    const o = 12 + 16 * i;
    tables.set(b.toString("ascii", o, o + 4), { offset: b.readUInt32BE(o + 8) });
  }
  const need = (tag: string): number => {
    const t = tables.get(tag);
    if (!t) throw new Error(`${file}: no ${tag} table`);
    return t.offset;
  };
  const numberOfHMetrics = b.readUInt16BE(need("hhea") + 34);
  const hmtx = need("hmtx");
  const advance = (glyph: number): number =>
    b.readUInt16BE(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  // The Windows Unicode subtable (platform 3, encoding 1), format 4.
  const cmap = need("cmap");
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    if (b.readUInt16BE(at) === 3 && b.readUInt16BE(at + 2) === 1)
      sub = cmap + b.readUInt32BE(at + 4);
  }
  if (sub < 0) throw new Error(`${file}: no Unicode cmap`);
  const segments = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const glyphOf = (cp: number): number => {
    for (let i = 0; i < segments; i++) {
      if (cp > b.readUInt16BE(ends + 2 * i)) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (cp < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const ro = b.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = b.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return codePoints.map((cp) => {
    const g = glyphOf(cp);
    return g === 0 ? 0 : advance(g);
  });
}

if (require.main === module) {
  const [regular, bold] = process.argv.slice(2);
  if (!regular || !bold) throw new Error("usage: font-widths REGULAR.ttf BOLD.ttf");
  const line = (xs: number[]) => xs.join(",");
  console.log(`regular: [${line(advanceWidths(regular, MEASURED_CODES))}]`);
  console.log(`bold: [${line(advanceWidths(bold, MEASURED_CODES))}]`);
}
