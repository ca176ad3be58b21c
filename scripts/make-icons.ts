/**
 * Draws the product icon (a small pohon kinerja: one box over a bus and three boxes) as PNGs
 * at the sizes the manifest declares. Run once with `node lib/scripts/make-icons.js`; the PNGs are committed.
 */
import { PNG } from "pngjs";
import * as fs from "fs";
import * as path from "path";

type Rgba = [number, number, number, number];

const BRAND: Rgba = [15, 108, 189, 255]; // Fluent brand blue
const WHITE: Rgba = [255, 255, 255, 255];
const ACCENT: Rgba = [255, 199, 44, 255];

/** Shapes in a 0..1 unit square, drawn in order. */
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  r: number;
  color: Rgba;
}

const SHAPES: Rect[] = [
  { x: 0.02, y: 0.02, w: 0.96, h: 0.96, r: 0.2, color: BRAND },
  // top box (outcome)
  { x: 0.3, y: 0.14, w: 0.4, h: 0.2, r: 0.04, color: ACCENT },
  // trunk and bus
  { x: 0.47, y: 0.34, w: 0.06, h: 0.14, r: 0, color: WHITE },
  { x: 0.17, y: 0.46, w: 0.66, h: 0.06, r: 0, color: WHITE },
  // drops
  { x: 0.17, y: 0.46, w: 0.06, h: 0.14, r: 0, color: WHITE },
  { x: 0.47, y: 0.46, w: 0.06, h: 0.14, r: 0, color: WHITE },
  { x: 0.77, y: 0.46, w: 0.06, h: 0.14, r: 0, color: WHITE },
  // children
  { x: 0.08, y: 0.6, w: 0.24, h: 0.24, r: 0.04, color: WHITE },
  { x: 0.38, y: 0.6, w: 0.24, h: 0.24, r: 0.04, color: WHITE },
  { x: 0.68, y: 0.6, w: 0.24, h: 0.24, r: 0.04, color: WHITE },
];

function inside(s: Rect, px: number, py: number): boolean {
  if (px < s.x || px > s.x + s.w || py < s.y || py > s.y + s.h) return false;
  const cx = Math.min(Math.max(px, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(py, s.y + s.r), s.y + s.h - s.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= s.r ** 2 + 1e-12;
}

/** Render at `size` px with 4×4 supersampling. */
export function renderIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) / size;
          const py = (y + (sy + 0.5) / ss) / size;
          let c: Rgba = [0, 0, 0, 0];
          for (const s of SHAPES) if (inside(s, px, py)) c = s.color;
          const ca = c[3] / 255;
          r += c[0] * ca;
          g += c[1] * ca;
          b += c[2] * ca;
          a += ca;
        }
      }
      const n = ss * ss;
      const i = (y * size + x) * 4;
      const alpha = a / n;
      png.data[i] = a > 0 ? Math.round(r / a) : 0;
      png.data[i + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[i + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return png;
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

function main(): void {
  const dir = path.resolve(process.argv[2] ?? "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, PNG.sync.write(renderIcon(size)));
    process.stdout.write(`${file}\n`);
  }
  fs.writeFileSync(path.join(dir, "logo-filled.png"), PNG.sync.write(renderIcon(256)));
}

if (require.main === module) main();
