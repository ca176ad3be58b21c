/** A plan's formats as Office.js property sets, grouped by style into RangeAreas at ExcelApi 1.9. */
import {
  rangeA1,
  type CellRange,
  type BorderLine,
  type CellStyle,
  type PlanFormat,
} from "../../core";
import {
  ACTION_BYTES,
  OBJECT_BYTES,
  STEP_OVERHEAD,
  jsonBytes,
  sheetStep,
  type Step,
} from "./steps";
import { areaAddresses, areasTarget } from "./areas";

const BORDER_STYLE: Record<
  BorderLine["style"],
  { style: "Continuous" | "Dash" | "Dot"; weight: "Thin" | "Medium" | "Thick" }
> = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" },
  dashed: { style: "Dash", weight: "Thin" },
  dotted: { style: "Dot", weight: "Thin" },
};

/** Property sets of a style on one object: the objects they go through and the values sent. */
interface PropertySet {
  /** Objects under the range's format this goes through: "font", "fill", "border:EdgeTop". */
  path: string[];
  /** The values sent, one action each. */
  values: unknown[];
  set(f: Excel.RangeFormat): void;
}

/**
 * A style's property sets on a range; inside borders only where the range has them, the indent
 * only where Excel has it (ExcelApi 1.9, `canIndent`). A border's three properties go through one
 * `borders.getItem(index)`: Office.js sends every getItem call as an object path of its own.
 */
function propertySets(
  style: CellStyle,
  inside: { rows: boolean; cols: boolean },
  canIndent: boolean
): PropertySet[] {
  const out: PropertySet[] = [];
  const font = (value: unknown, set: (f: Excel.RangeFont) => void) =>
    out.push({ path: ["font"], values: [value], set: (f) => set(f.font) });
  const format = (value: unknown, set: (f: Excel.RangeFormat) => void) =>
    out.push({ path: [], values: [value], set });
  const name = style.fontName;
  if (name !== undefined) font(name, (f) => (f.name = name));
  if (style.bold !== undefined) font(style.bold, (f) => (f.bold = style.bold === true));
  if (style.italic !== undefined) font(style.italic, (f) => (f.italic = style.italic === true));
  if (style.underline !== undefined) {
    const u = style.underline ? "Single" : "None";
    font(u, (f) => (f.underline = u));
  }
  const size = style.fontSize;
  if (size !== undefined) font(size, (f) => (f.size = size));
  const color = style.fontColor;
  if (color) font(color, (f) => (f.color = color));
  const fill = style.fill;
  if (fill) out.push({ path: ["fill"], values: [fill], set: (f) => (f.fill.color = fill) });
  if (style.hAlign) {
    const h = style.hAlign === "left" ? "Left" : style.hAlign === "center" ? "Center" : "Right";
    format(h, (f) => (f.horizontalAlignment = h));
  }
  if (style.vAlign) {
    const v = style.vAlign === "top" ? "Top" : style.vAlign === "middle" ? "Center" : "Bottom";
    format(v, (f) => (f.verticalAlignment = v));
  }
  const wrap = style.wrap;
  if (wrap !== undefined) format(wrap, (f) => (f.wrapText = wrap));
  const indent = style.indent;
  if (indent !== undefined && canIndent) format(indent, (f) => (f.indentLevel = indent));
  for (const [index, line] of borderLines(style, inside)) out.push(borderSet(index, line));
  return out;
}

/** The border lines a style draws on a range, by Office.js border index. */
function borderLines(
  style: CellStyle,
  inside: { rows: boolean; cols: boolean }
): [Excel.BorderIndex | `${Excel.BorderIndex}`, BorderLine][] {
  const out: [Excel.BorderIndex | `${Excel.BorderIndex}`, BorderLine][] = [];
  const b = style.border;
  if (b?.top) out.push(["EdgeTop", b.top]);
  if (b?.bottom) out.push(["EdgeBottom", b.bottom]);
  if (b?.left) out.push(["EdgeLeft", b.left]);
  if (b?.right) out.push(["EdgeRight", b.right]);
  if (style.innerBorder && inside.rows) out.push(["InsideHorizontal", style.innerBorder]);
  if (style.innerBorder && inside.cols) out.push(["InsideVertical", style.innerBorder]);
  return out;
}

function borderSet(
  index: Excel.BorderIndex | `${Excel.BorderIndex}`,
  line: BorderLine
): PropertySet {
  const s = BORDER_STYLE[line.style];
  const color = line.color ?? "#000000";
  return {
    path: ["borders", `border:${index}`],
    values: [s.style, s.weight, color],
    set: (f) => {
      const border = f.borders.getItem(index);
      border.style = s.style;
      border.weight = s.weight;
      border.color = color;
    },
  };
}

/** Request bytes of a style's property sets on one range or RangeAreas proxy. */
function propertyBytes(sets: PropertySet[]): number {
  const objects = new Set<string>(["format"]);
  let bytes = 0;
  for (const p of sets) {
    for (const o of p.path) objects.add(o);
    for (const v of p.values) bytes += ACTION_BYTES + jsonBytes(v);
  }
  // A border item's object path carries its index as an argument.
  return bytes + objects.size * (OBJECT_BYTES + 20);
}

/**
 * The formats. Below ExcelApi 1.9 one step per format, in plan order. At 1.9, formats with the
 * same style are written together through RangeAreas (a property set on RangeAreas is set on
 * each of its ranges): a tree's thousands of boxes and connectors share a few dozen styles.
 * Number formats, which RangeAreas lacks, are one assignment per range, in plan order (they only
 * meet each other).
 */
export function formatSteps(
  sheet: string,
  formats: PlanFormat[],
  canAreas: boolean,
  separator: string | null
): Step[] {
  const steps: Step[] = [];
  const groups = canAreas && separator ? new StyleGroups() : null;
  for (const f of formats) {
    const r = f.range;
    if (f.style.numberFormat) steps.push(numberFormatStep(sheet, r, f.style.numberFormat));
    const sets = propertySets(
      f.style,
      { rows: r.bottom > r.top, cols: r.right > r.left },
      canAreas
    );
    if (sets.length === 0) continue;
    if (groups) groups.add(r, f.style, sets);
    else steps.push(...areaSteps(sheet, [r], sets, null));
  }
  for (const g of groups?.groups ?? [])
    steps.push(...areaSteps(sheet, g.ranges, g.sets, separator));
  return steps;
}

/** One value for the whole range: Office.js applies a single number format to every cell. */
function numberFormatStep(sheet: string, r: CellRange, fmt: string): Step {
  const address = rangeA1(r);
  return sheetStep(sheet, STEP_OVERHEAD + jsonBytes(address) + jsonBytes(fmt) + 4, (ws) => {
    ws.getRange(address).numberFormat = [[fmt]];
  });
}

/** Property sets on ranges: one RangeAreas per address under the limit, or one range each. */
function areaSteps(
  sheet: string,
  ranges: CellRange[],
  sets: PropertySet[],
  separator: string | null
): Step[] {
  const bytes = propertyBytes(sets);
  const addresses = ranges.map(rangeA1);
  return (separator ? areaAddresses(addresses, separator) : addresses).map((address) => {
    const step = sheetStep(sheet, OBJECT_BYTES + jsonBytes(address) + bytes, (ws) => {
      const f = areasTarget(ws, address, separator).format;
      for (const p of sets) p.set(f);
    });
    if (separator && address.includes(separator)) step.areas = true;
    return step;
  });
}

/** A group of ranges taking one style, written together. */
interface FormatGroup {
  key: string;
  /** Position in the order groups are written. */
  order: number;
  sets: PropertySet[];
  ranges: CellRange[];
}

/** Formats deciding more places than this are written on their own instead of being tracked. */
const TRACKED_CELLS = 200000;

/**
 * Formats grouped by style without changing what any cell ends up with: a format is written
 * after every earlier format that gave one of its cells, or one of the grid lines its borders
 * draw (the line under a cell is the one over the next), another value. Groups are written in
 * order of creation. A format joins the latest group of its style only if every group it must
 * follow was created before that group; otherwise it starts a new group.
 */
class StyleGroups {
  readonly groups: FormatGroup[] = [];
  private readonly latest = new Map<string, FormatGroup>();
  private readonly signatures = new Map<CellStyle, { key: string; cell: string | null }>();
  /**
   * Per cell (its look) and per grid line (its border): the value last written there and the
   * groups that wrote that same value since it last changed.
   */
  private readonly written = new Map<number, { value: string; groups: FormatGroup[] }>();
  /** Formats too large to track are a barrier: nothing later joins a group made before them. */
  private floor = -1;

  add(r: CellRange, style: CellStyle, sets: PropertySet[]): void {
    const sig = this.signature(style);
    const key = style.innerBorder ? `${sig.key}|${r.bottom > r.top}|${r.right > r.left}` : sig.key;
    const marks = footprint(r, style, sig.cell);
    if (!marks) {
      const barrier = this.newGroup(`barrier:${this.groups.length}`, sets);
      barrier.ranges.push(r);
      this.floor = barrier.order;
      return;
    }
    let after = this.floor;
    for (const [at, value] of marks) {
      const w = this.written.get(at);
      if (w && w.value !== value) for (const g of w.groups) after = Math.max(after, g.order);
    }
    const candidate = this.latest.get(key);
    const group = candidate && candidate.order > after ? candidate : this.newGroup(key, sets);
    group.ranges.push(r);
    this.mark(marks, group);
  }

  private mark(marks: [number, string][], group: FormatGroup): void {
    for (const [at, value] of marks) {
      const w = this.written.get(at);
      if (w && w.value === value) {
        if (w.groups[w.groups.length - 1] !== group) w.groups.push(group);
      } else this.written.set(at, { value, groups: [group] });
    }
  }

  private newGroup(key: string, sets: PropertySet[]): FormatGroup {
    const g = { key, order: this.groups.length, sets, ranges: [] };
    this.groups.push(g);
    this.latest.set(key, g);
    return g;
  }

  private signature(style: CellStyle): { key: string; cell: string | null } {
    let sig = this.signatures.get(style);
    if (!sig) this.signatures.set(style, (sig = styleSignature(style)));
    return sig;
  }
}

/** A style's grouping key and the signature of what it sets on a cell besides borders. */
function styleSignature(style: CellStyle): { key: string; cell: string | null } {
  const { numberFormat: _n, border: _b, innerBorder: _i, ...cell } = style;
  const cellSig = Object.keys(cell).length > 0 ? JSON.stringify(cell) : null;
  return { key: JSON.stringify({ ...style, numberFormat: undefined }), cell: cellSig };
}

const H_LINE = 1;
const V_LINE = 2;

/**
 * What a format decides, as (place, value) pairs: each cell's look, and each grid line a border
 * draws (the line under a cell is the line over the next one, as Excel shares it). Null when the
 * format is too large to track.
 */
function footprint(r: CellRange, style: CellStyle, cell: string | null): [number, string][] | null {
  const marks: [number, string][] = [];
  // A place: cells as (row, col); a horizontal line below row `row`, a vertical one right of `col`.
  const place = (kind: number, row: number, col: number) =>
    ((row + 1) * 16385 + (col + 1)) * 3 + kind;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (rows * cols * (cell ? 1 : 0) + 2 * (rows + 1) * (cols + 1) > TRACKED_CELLS) return null;
  if (cell)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) marks.push([place(0, row, col), cell]);
  const line = (l: BorderLine) => `${l.style}${l.color ?? "#000000"}`;
  const across = (row: number, l: BorderLine) => {
    for (let col = r.left; col <= r.right; col++) marks.push([place(H_LINE, row, col), line(l)]);
  };
  const down = (col: number, l: BorderLine) => {
    for (let row = r.top; row <= r.bottom; row++) marks.push([place(V_LINE, row, col), line(l)]);
  };
  const b = style.border;
  if (b?.top) across(r.top - 1, b.top);
  if (b?.bottom) across(r.bottom, b.bottom);
  if (b?.left) down(r.left - 1, b.left);
  if (b?.right) down(r.right, b.right);
  if (style.innerBorder) {
    for (let row = r.top; row < r.bottom; row++) across(row, style.innerBorder);
    for (let col = r.left; col < r.right; col++) down(col, style.innerBorder);
  }
  return marks;
}
