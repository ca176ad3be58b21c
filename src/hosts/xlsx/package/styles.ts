/**
 * styles.xml of a package, appended to and never renumbered: the cells of the user's sheets keep
 * their style ids. New fonts, fills, borders, number formats, cell formats (xf) and differential
 * formats (dxf) are added once each (de-duplicated by their XML).
 */
import type { BandRule, BorderLine, CellStyle } from "../../../core";
import { BUILTIN_NUMBER_FORMAT_IDS } from "./number-formats";
import { attrsText, escapeAttr, parseAttrs, setAttr } from "./xml-text";

/** A cell format (xf): its attributes, its alignment attributes, and its other children as XML. */
interface Xf {
  attrs: Map<string, string>;
  alignment: Map<string, string> | null;
  rest: string;
}

/** Edge flags of a cell within a formatted range. */
export const TOP = 1;
export const BOTTOM = 2;
export const LEFT = 4;
export const RIGHT = 8;

/** The empty base of a cell on a created sheet: ExcelJS's empty style (its font: none yet). */
export const EMPTY_BASE = -1;

const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];
const BORDER_ORDER = [
  "start",
  "end",
  "left",
  "right",
  "top",
  "bottom",
  "diagonal",
  "vertical",
  "horizontal",
];

/** "#RRGGBB" → "FFRRGGBB". */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, "0")}`;
}

/** The elements of a list section (`<fonts>…</fonts>`) as XML strings, and where it is. */
interface Section {
  items: string[];
  /** Number of items present in the file (new ones come after). */
  original: number;
}

function sectionItems(xml: string, section: string, item: string): Section {
  const re = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`);
  const m = re.exec(xml);
  const body = m?.[1] ?? "";
  const items: string[] = [];
  const itemRe = new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g");
  let im: RegExpExecArray | null;
  while ((im = itemRe.exec(body)) !== null) items.push(im[0]);
  return { items, original: items.length };
}

/** Children of a simple element (`<font><b/><sz val="11"/></font>`) keyed by local name. */
function childElements(xml: string): { name: string; xml: string }[] {
  const gt = xml.indexOf(">");
  if (xml[gt - 1] === "/") return [];
  const body = xml.slice(gt + 1, xml.lastIndexOf("</"));
  const out: { name: string; xml: string }[] = [];
  const re = /<([\w:]+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out.push({ name: m[1] as string, xml: m[0] });
  return out;
}

function startTag(xml: string): string {
  const gt = xml.indexOf(">");
  const tag = xml.slice(0, gt + 1);
  return tag.endsWith("/>") ? `${tag.slice(0, -2).trimEnd()}>` : tag;
}

function ordered(children: { name: string; xml: string }[], order: string[]) {
  const rank = (n: string) => {
    const i = order.indexOf(n);
    return i < 0 ? order.length : i;
  };
  return [...children].sort((a, b) => rank(a.name) - rank(b.name));
}

function borderLineXml(side: string, line: BorderLine): string {
  return `<${side} style="${line.style}"><color rgb="${argb(line.color ?? "#000000")}"/></${side}>`;
}

export class StyleBook {
  private readonly xml: string;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly borders: Section;
  private readonly xfs: Xf[];
  private readonly xfOriginal: number;
  private readonly dxfs: Section;
  private readonly numFmts: { id: number; code: string; isNew: boolean }[] = [];
  private readonly fontIds = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly borderIds = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();
  private readonly dxfIds = new Map<string, number>();
  /** Derived xf per plan style object, then per base xf and edge flags. */
  private readonly derived = new WeakMap<CellStyle, Map<number, Map<number, number>>>();

  constructor(xml: string) {
    this.xml = xml;
    this.fonts = sectionItems(xml, "fonts", "font");
    this.fills = sectionItems(xml, "fills", "fill");
    this.borders = sectionItems(xml, "borders", "border");
    this.dxfs = sectionItems(xml, "dxfs", "dxf");
    const xfs = sectionItems(xml, "cellXfs", "xf");
    this.xfs = xfs.items.map(parseXf);
    this.xfOriginal = this.xfs.length;
    for (const nf of sectionItems(xml, "numFmts", "numFmt").items) {
      const a = parseAttrs(nf);
      this.numFmts.push({
        id: Number(a.get("numFmtId")),
        code: a.get("formatCode") ?? "",
        isNew: false,
      });
    }
    this.fonts.items.forEach((f, i) => this.fontIds.set(f, i));
    this.fills.items.forEach((f, i) => this.fillIds.set(f, i));
    this.borders.items.forEach((b, i) => this.borderIds.set(b, i));
    this.xfs.forEach((x, i) => {
      const key = xfXml(x);
      if (!this.xfIds.has(key)) this.xfIds.set(key, i);
    });
    this.dxfs.items.forEach((d, i) => this.dxfIds.set(d, i));
  }

  /** True when something was added. */
  get changed(): boolean {
    return (
      this.fonts.items.length > this.fonts.original ||
      this.fills.items.length > this.fills.original ||
      this.borders.items.length > this.borders.original ||
      this.xfs.length > this.xfOriginal ||
      this.dxfs.items.length > this.dxfs.original ||
      this.numFmts.some((n) => n.isNew)
    );
  }

  /** Whether xf `id` exists (a cell's `s` may point past the end in a damaged file). */
  hasXf(id: number): boolean {
    return id >= 0 && id < this.xfs.length;
  }

  /**
   * The xf for a cell whose format is `base` (EMPTY_BASE on a created sheet) after `style` is
   * applied at the given edges of its range: absent properties keep the base's.
   */
  derive(base: number, style: CellStyle, edges: number): number {
    let byBase = this.derived.get(style);
    if (!byBase) this.derived.set(style, (byBase = new Map()));
    let byEdges = byBase.get(base);
    if (!byEdges) byBase.set(base, (byEdges = new Map()));
    let id = byEdges.get(edges);
    if (id === undefined) {
      id = this.deriveNew(base, style, edges);
      byEdges.set(edges, id);
    }
    return id;
  }

  private deriveNew(base: number, style: CellStyle, edges: number): number {
    const empty = base === EMPTY_BASE || !this.hasXf(base);
    const from: Xf = empty
      ? {
          attrs: new Map([
            ["numFmtId", "0"],
            ["fontId", "0"],
            ["fillId", "0"],
            ["borderId", "0"],
            ["xfId", "0"],
          ]),
          alignment: null,
          rest: "",
        }
      : (this.xfs[base] as Xf);
    const xf: Xf = {
      attrs: new Map(from.attrs),
      alignment: from.alignment ? new Map(from.alignment) : null,
      rest: from.rest,
    };
    const hasFont =
      style.fontName !== undefined ||
      style.bold !== undefined ||
      style.italic !== undefined ||
      style.underline !== undefined ||
      style.fontSize !== undefined ||
      style.fontColor !== undefined;
    if (hasFont) {
      const baseFont = empty
        ? "<font/>"
        : (this.fonts.items[Number(xf.attrs.get("fontId"))] ?? "<font/>");
      xf.attrs.set("fontId", String(this.addFont(patchFont(baseFont, style))));
      xf.attrs.set("applyFont", "1");
    }
    if (style.fill) {
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`;
      xf.attrs.set("fillId", String(this.add(this.fills, this.fillIds, fill)));
      xf.attrs.set("applyFill", "1");
    }
    if (style.hAlign || style.vAlign || style.wrap !== undefined || style.indent !== undefined) {
      const al = xf.alignment ?? new Map<string, string>();
      if (style.hAlign) al.set("horizontal", style.hAlign);
      // Excel indents only left- (or right-) aligned text.
      if (style.indent !== undefined) {
        if (style.indent > 0 && !al.has("horizontal")) al.set("horizontal", "left");
        al.set("indent", String(style.indent));
      }
      if (style.vAlign) al.set("vertical", style.vAlign === "middle" ? "center" : style.vAlign);
      if (style.wrap !== undefined) al.set("wrapText", style.wrap ? "1" : "0");
      xf.alignment = al;
      xf.attrs.set("applyAlignment", "1");
    }
    if (style.numberFormat !== undefined) {
      xf.attrs.set("numFmtId", String(this.numFmtId(style.numberFormat)));
      xf.attrs.set("applyNumberFormat", "1");
    }
    const outline = style.border ?? {};
    const inner = style.innerBorder;
    if (inner !== undefined || Object.keys(outline).length > 0) {
      const baseBorder = empty
        ? "<border/>"
        : (this.borders.items[Number(xf.attrs.get("borderId"))] ?? "<border/>");
      const sides = new Map<string, string>();
      const others: { name: string; xml: string }[] = [];
      for (const ch of childElements(baseBorder)) {
        if (["left", "right", "top", "bottom"].includes(ch.name)) sides.set(ch.name, ch.xml);
        else others.push(ch);
      }
      const set = (side: string, line: BorderLine | undefined, at: boolean) => {
        if (line && at) sides.set(side, borderLineXml(side, line));
      };
      set("top", inner, !(edges & TOP));
      set("bottom", inner, !(edges & BOTTOM));
      set("left", inner, !(edges & LEFT));
      set("right", inner, !(edges & RIGHT));
      set("top", outline.top, (edges & TOP) !== 0);
      set("bottom", outline.bottom, (edges & BOTTOM) !== 0);
      set("left", outline.left, (edges & LEFT) !== 0);
      set("right", outline.right, (edges & RIGHT) !== 0);
      const children = [...others];
      for (const side of ["left", "right", "top", "bottom"])
        children.push({ name: side, xml: sides.get(side) ?? `<${side}/>` });
      if (!children.some((c) => c.name === "diagonal"))
        children.push({ name: "diagonal", xml: "<diagonal/>" });
      const border = `${startTag(baseBorder)}${ordered(children, BORDER_ORDER)
        .map((c) => c.xml)
        .join("")}</border>`;
      xf.attrs.set("borderId", String(this.add(this.borders, this.borderIds, border)));
      xf.attrs.set("applyBorder", "1");
    }
    const key = xfXml(xf);
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    this.xfs.push(xf);
    this.xfIds.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  /** The xf of `base` with number format `code` (the fill's "0.00" on a user's cell). */
  withNumberFormat(base: number, code: string): number {
    return this.derive(base, numberFormatStyle(code), 0);
  }

  /** A differential format for a capaian band (fill, and font colour when given). */
  bandDxf(band: BandRule): number {
    const font = band.fontColor ? `<font><color rgb="${argb(band.fontColor)}"/></font>` : "";
    const dxf = `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${argb(band.fill)}"/></patternFill></fill></dxf>`;
    return this.add(this.dxfs, this.dxfIds, dxf);
  }

  private addFont(xml: string): number {
    return this.add(this.fonts, this.fontIds, xml);
  }

  private add(section: Section, ids: Map<string, number>, xml: string): number {
    const known = ids.get(xml);
    if (known !== undefined) return known;
    section.items.push(xml);
    ids.set(xml, section.items.length - 1);
    return section.items.length - 1;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_NUMBER_FORMAT_IDS.get(code);
    if (builtin !== undefined) return builtin;
    const found = this.numFmts.find((n) => n.code === code);
    if (found) return found.id;
    const id = Math.max(163, ...this.numFmts.map((n) => n.id)) + 1;
    this.numFmts.push({ id, code, isNew: true });
    return id;
  }

  /** styles.xml with the additions spliced into their sections (counts updated). */
  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    const newNumFmts = this.numFmts.filter((n) => n.isNew);
    if (newNumFmts.length > 0) {
      const items = newNumFmts
        .map((n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeAttr(n.code)}"/>`)
        .join("");
      xml = appendToSection(xml, "numFmts", items, this.numFmts.length, [
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
      ]);
    }
    xml = appendToSection(
      xml,
      "fonts",
      this.fonts.items.slice(this.fonts.original).join(""),
      this.fonts.items.length,
      ["fills", "borders", "cellStyleXfs", "cellXfs"]
    );
    xml = appendToSection(
      xml,
      "fills",
      this.fills.items.slice(this.fills.original).join(""),
      this.fills.items.length,
      ["borders", "cellStyleXfs", "cellXfs"]
    );
    xml = appendToSection(
      xml,
      "borders",
      this.borders.items.slice(this.borders.original).join(""),
      this.borders.items.length,
      ["cellStyleXfs", "cellXfs"]
    );
    xml = appendToSection(
      xml,
      "cellXfs",
      this.xfs.slice(this.xfOriginal).map(xfXml).join(""),
      this.xfs.length,
      ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]
    );
    xml = appendToSection(
      xml,
      "dxfs",
      this.dxfs.items.slice(this.dxfs.original).join(""),
      this.dxfs.items.length,
      ["tableStyles", "colors", "extLst"]
    );
    return xml;
  }
}

/** A CellStyle setting only a number format. */
function numberFormatStyle(code: string): CellStyle {
  let s = NUMFMT_STYLES.get(code);
  if (!s) NUMFMT_STYLES.set(code, (s = { numberFormat: code }));
  return s;
}
const NUMFMT_STYLES = new Map<string, CellStyle>();

/**
 * `items` appended at the end of section `name` (created before the first of `before`, or before
 * the root's end tag, when missing), its count attribute set to `count`.
 */
function appendToSection(
  xml: string,
  name: string,
  items: string,
  count: number,
  before: string[]
): string {
  if (items === "") return xml;
  const re = new RegExp(`<${name}\\b[^>]*?(/>|>)`);
  const m = re.exec(xml);
  if (m) {
    const tag = m[0];
    const open = setAttr(
      tag.endsWith("/>") ? `${tag.slice(0, -2).trimEnd()}>` : tag,
      "count",
      String(count)
    );
    if (tag.endsWith("/>"))
      return `${xml.slice(0, m.index)}${open}${items}</${name}>${xml.slice(m.index + tag.length)}`;
    const close = xml.indexOf(`</${name}>`, m.index);
    return `${xml.slice(0, m.index)}${open}${xml.slice(m.index + tag.length, close)}${items}${xml.slice(close)}`;
  }
  const section = `<${name} count="${count}">${items}</${name}>`;
  for (const b of before) {
    const at = new RegExp(`<${b}\\b`).exec(xml);
    if (at) return `${xml.slice(0, at.index)}${section}${xml.slice(at.index)}`;
  }
  const end = xml.lastIndexOf("</styleSheet>");
  return `${xml.slice(0, end)}${section}${xml.slice(end)}`;
}

function parseXf(xml: string): Xf {
  const attrs = parseAttrs(xml.slice(0, xml.indexOf(">") + 1));
  let alignment: Map<string, string> | null = null;
  let rest = "";
  for (const ch of childElements(xml)) {
    if (ch.name === "alignment") alignment = parseAttrs(ch.xml);
    else rest += ch.xml;
  }
  return { attrs, alignment, rest };
}

function xfXml(xf: Xf): string {
  const inner = (xf.alignment ? `<alignment${attrsText(xf.alignment)}/>` : "") + xf.rest;
  return inner ? `<xf${attrsText(xf.attrs)}>${inner}</xf>` : `<xf${attrsText(xf.attrs)}/>`;
}

/** The font `xml` with the style's font properties; a font without name or size gets Calibri 11. */
function patchFont(xml: string, style: CellStyle): string {
  const children = new Map<string, string>();
  const extra: { name: string; xml: string }[] = [];
  for (const ch of childElements(xml)) {
    if (FONT_ORDER.includes(ch.name)) children.set(ch.name, ch.xml);
    else extra.push(ch);
  }
  // A font without a name makes LibreOffice (and some Excel builds) fall back to a serif face.
  if (!children.has("name")) children.set("name", `<name val="Calibri"/>`);
  if (!children.has("sz")) children.set("sz", `<sz val="11"/>`);
  if (style.fontName !== undefined)
    children.set("name", `<name val="${escapeAttr(style.fontName)}"/>`);
  const flag = (name: string, on: boolean | undefined) => {
    if (on === undefined) return;
    if (on) children.set(name, `<${name}/>`);
    else children.delete(name);
  };
  flag("b", style.bold);
  flag("i", style.italic);
  flag("u", style.underline);
  if (style.fontSize !== undefined) children.set("sz", `<sz val="${style.fontSize}"/>`);
  if (style.fontColor !== undefined)
    children.set("color", `<color rgb="${argb(style.fontColor)}"/>`);
  const list = [...children].map(([name, x]) => ({ name, xml: x }));
  return `${startTag(xml)}${ordered([...list, ...extra], FONT_ORDER)
    .map((c) => c.xml)
    .join("")}</font>`;
}
