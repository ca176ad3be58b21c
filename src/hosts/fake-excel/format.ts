/** Range.format and what hangs off it: every property write is recorded against the range. */
import type { CellRange } from "../../core";
import type { FakeSheet } from "./state";

/** What a format writes against: a range or the areas of a RangeAreas (internal). */
export interface FormatTarget {
  _queueWrite(
    json: Record<string, unknown>,
    apply: (t: { sheet: FakeSheet; rect: CellRange }) => void,
    api?: string
  ): void;
}

/** A format object whose every property write is recorded against the range. */
function formatWriter(range: FormatTarget, prefix: string, api?: string) {
  return (path: string, value: unknown) =>
    range._queueWrite(
      { format: `${prefix}${path}`, value },
      (t) => {
        t.sheet.formats.push({ range: { ...t.rect }, path: `${prefix}${path}`, value });
      },
      api
    );
}

export class FakeRangeFont {
  private readonly w: (p: string, v: unknown) => void;
  constructor(range: FormatTarget) {
    this.w = formatWriter(range, "font.");
  }
  set bold(v: boolean) {
    this.w("bold", v);
  }
  set italic(v: boolean) {
    this.w("italic", v);
  }
  set underline(
    v:
      | Excel.RangeUnderlineStyle
      | "None"
      | "Single"
      | "Double"
      | "SingleAccountant"
      | "DoubleAccountant"
  ) {
    this.w("underline", v);
  }
  set size(v: number) {
    this.w("size", v);
  }
  set color(v: string) {
    this.w("color", v);
  }
  set name(v: string) {
    this.w("name", v);
  }
}

export class FakeRangeFill {
  constructor(private readonly range: FormatTarget) {}
  set color(v: string) {
    formatWriter(this.range, "fill.")("color", v);
  }
}

export class FakeRangeBorder {
  private readonly w: (p: string, v: unknown) => void;
  constructor(range: FormatTarget, index: string) {
    this.w = formatWriter(range, `borders.${index}.`);
  }
  set style(
    v:
      | Excel.BorderLineStyle
      | "None"
      | "Continuous"
      | "Dash"
      | "DashDot"
      | "DashDotDot"
      | "Dot"
      | "Double"
      | "SlantDashDot"
  ) {
    this.w("style", v);
  }
  set color(v: string) {
    this.w("color", v);
  }
  set weight(v: Excel.BorderWeight | "Hairline" | "Thin" | "Medium" | "Thick") {
    this.w("weight", v);
  }
}

export class FakeRangeBorderCollection {
  constructor(private readonly range: FormatTarget) {}
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.range, index);
  }
}

export class FakeRangeFormat {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;
  private readonly w: (p: string, v: unknown) => void;
  private readonly indent: (p: string, v: unknown) => void;
  constructor(range: FormatTarget) {
    this.font = new FakeRangeFont(range);
    this.fill = new FakeRangeFill(range);
    this.borders = new FakeRangeBorderCollection(range);
    this.w = formatWriter(range, "");
    this.indent = formatWriter(range, "", "1.9");
  }
  set horizontalAlignment(
    v:
      | Excel.HorizontalAlignment
      | "General"
      | "Left"
      | "Center"
      | "Right"
      | "Fill"
      | "Justify"
      | "CenterAcrossSelection"
      | "Distributed"
  ) {
    this.w("horizontalAlignment", v);
  }
  set verticalAlignment(
    v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed"
  ) {
    this.w("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.w("wrapText", v);
  }
  set indentLevel(v: number) {
    this.indent("indentLevel", v);
  }
  set columnWidth(v: number) {
    this.w("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.w("rowHeight", v);
  }
}
