/**
 * Internal hyperlinks in ExcelJS 4.4: a value `{ hyperlink: "#'Sheet'!A1" }` is written with BOTH an
 * external relationship and a `location` that still carries the "#", which Excel shows as
 * "#Sheet!A1##Sheet!A1" (exceljs issues #749, #3027); and on reading, location-only links
 * (as Excel writes them) are dropped. These patches write "#..." targets as a plain
 * `location` without a relationship, and read location-only links back as "#...".
 * Installed once, before any load or write.
 */

interface XmlStream {
  leafNode(name: string, attrs: Record<string, unknown>): void;
}
interface HyperlinkModel {
  address: string;
  target?: string;
  tooltip?: string;
  rId?: string;
}
interface Rel {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}
interface SheetModel {
  hyperlinks?: HyperlinkModel[];
  rels?: Rel[];
  relationships?: Rel[];
}
type Proto<T> = { prototype: T };

const HYPERLINK_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
let installed = false;

export function installExcelJsPatches(): void {
  if (installed) return;
  installed = true;

  const HyperlinkXform = require("exceljs/lib/xlsx/xform/sheet/hyperlink-xform") as Proto<{
    render(xml: XmlStream, model: HyperlinkModel): void;
  }>;
  const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as Proto<{
    prepare(model: SheetModel, options: unknown): void;
    reconcile(model: SheetModel, options: unknown): void;
  }>;

  const render = HyperlinkXform.prototype.render;
  HyperlinkXform.prototype.render = function (xml: XmlStream, model: HyperlinkModel) {
    if (model.target?.startsWith("#")) {
      xml.leafNode("hyperlink", {
        ref: model.address,
        location: model.target.slice(1),
        tooltip: model.tooltip,
        display: undefined,
      });
      return;
    }
    render.call(this, xml, model);
  };

  const prepare = WorksheetXform.prototype.prepare;
  WorksheetXform.prototype.prepare = function (model: SheetModel, options: unknown) {
    prepare.call(this, model, options);
    // Drop the external relationship ExcelJS made for each internal link (ids of the rest stay).
    if (model.rels)
      model.rels = model.rels.filter(
        (r) => !(r.Type === HYPERLINK_REL && r.Target.startsWith("#"))
      );
  };

  const reconcile = WorksheetXform.prototype.reconcile;
  WorksheetXform.prototype.reconcile = function (model: SheetModel, options: unknown) {
    const links = model.hyperlinks ?? [];
    links.forEach((h, i) => {
      if (!h.rId && h.target) {
        h.rId = `pokinLocation${i}`;
        (model.relationships ??= []).push({
          Id: h.rId,
          Type: HYPERLINK_REL,
          Target: `#${h.target}`,
        });
      }
    });
    reconcile.call(this, model, options);
  };
}
