/**
 * The kertas kerja document sheet, written from the model in the seed's layout: title block,
 * outcome, the three CSF tables, one section per condition in tree order (each followed by its
 * children, in the order the workbook lists them), the signature block. Everything comes from the
 * model, so a name fixed once is fixed in every table and indicator line; a section heading keeps
 * the document's own words. The indicator table's texts are formulas on the cells they were read
 * from (with the text as their value), so they follow later edits. The layout is the one the
 * reader reads, so the sheet reads back to the model.
 */
import type { WorkbookGrids } from "./grid";
import type { CsfModel } from "./model";
import { emptySheetPlan, markerText, resolveSheetName, type SheetPlan } from "./plan";
import type { Settings } from "./settings";
import { t } from "./messages";
import { treeOrder } from "./tree/structure";
import { workbookYear } from "./year";
import {
  LAST_COL,
  WIDTHS,
  placeUnits,
  spacer,
  wide,
  type RowSpec,
  type Unit,
} from "./kertas-kerja/layout";
import { cascadeTable, csfTable } from "./kertas-kerja/tables";
import { sectionParts, sectionUnits, signatureUnit } from "./kertas-kerja/sections";
import { writeRows } from "./kertas-kerja/write";

export { tableLabel } from "./kertas-kerja/tables";
export { indicatorLine, sectionHeading, sourceLinker } from "./kertas-kerja/sections";

/** The title block and the outcome. */
function titleUnits(model: CsfModel, settings: Settings, year: number | null): Unit[] {
  const lang = settings.lang;
  const organisation = (settings.organisation.trim() || model.organisation || "").trim();
  const rows: RowSpec[] = [wide("title", t("kertasKerja.title", {}, lang), true)];
  if (organisation !== "") rows.push(wide("title", organisation.toUpperCase(), true));
  // "Tahun 2024" in ordinary case: a line in capitals would read back as part of the organisation.
  if (year !== null) rows.push(wide("title", t("kertasKerja.year", { year }, lang), true));
  const units: Unit[] = [{ rows: [...rows, spacer()], keepWithNext: true }];
  // Without an outcome the heading is left out too: the line after it is read as the outcome.
  if (model.outcome !== null) {
    units.push({
      rows: [wide("heading", t("kertasKerja.outcomeHeading", {}, lang))],
      keepWithNext: true,
    });
    units.push({ rows: [wide("heading", model.outcome)], keepWithNext: true });
  }
  units.push({ rows: [spacer()], keepWithNext: true });
  return units;
}

/** The three CSF tables: the CSFs, then the cascade, level by level. */
function tableUnits(model: CsfModel, ordered: CsfModel["nodes"], settings: Settings): Unit[] {
  const lang = settings.lang;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const units = csfTable(
    ordered.filter((n) => n.level === "csf"),
    lang
  );
  units.push({ rows: [spacer()] });
  units.push({
    rows: [wide("heading", t("kertasKerja.cascadeHeading", {}, lang))],
    keepWithNext: true,
  });
  for (const level of ["antara", "operasional"] as const) {
    const children = ordered.filter((n) => n.level === level);
    if (children.length === 0) continue;
    units.push(...cascadeTable(children, byId, level, lang), { rows: [spacer()] });
  }
  return units;
}

/**
 * Keeps the document's last text (and the blank rows after it) on the page of the signature that
 * follows, so the signature never stands alone on the last page.
 */
function keepLastText(units: Unit[]): void {
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i] as Unit;
    if (u.table) return;
    units[i] = { ...u, keepWithNext: true };
    if (u.rows.some((r) => r.kind !== "spacer")) return;
  }
}

/**
 * The "Kertas Kerja" sheet plan: the document written from the model in the seed's layout, A4
 * portrait, set in Arial with each row as tall as its wrapped text, pages breaking only where
 * the next row would not fit (a table's header written again where the table continues, a
 * parent's cells where its rows continue), "Halaman x dari y" in the footer. Formats are few
 * rectangles (one per run of rows sharing a style; none overlap), so the plan stays small on a
 * document of tens of thousands of rows. It replaces only a sheet the add-in made itself
 * (resolveSheetName and the A1 marker, which is above the print area).
 */
export function planKertasKerja(model: CsfModel, wb: WorkbookGrids, settings: Settings): SheetPlan {
  const lang = settings.lang;
  const name = resolveSheetName(t("kertasKerja.sheetName", {}, lang), wb, "kertas-kerja");
  const plan = emptySheetPlan(name, "create", "kertas-kerja");
  const ordered = treeOrder(model);
  const year = settings.year ?? workbookYear(wb);
  const parts = sectionParts(lang, wb);
  const units = [
    ...titleUnits(model, settings, year),
    ...tableUnits(model, ordered, settings),
    ...ordered.flatMap((n) => sectionUnits(n, parts)),
  ];
  keepLastText(units);
  units.push(signatureUnit(settings, year));
  const placed = placeUnits(units, 1);

  plan.cells.push({ row: 0, col: 0, value: markerText("kertas-kerja", lang) });
  plan.formats.push({
    range: { top: 0, left: 0, bottom: 0, right: 0 },
    style: { italic: true, fontSize: 8, fontColor: "#808080", wrap: false },
  });
  writeRows(plan, placed);
  plan.columnWidths = WIDTHS.map((width, col) => ({ col, width }));
  plan.print = {
    paper: "A4",
    orientation: "portrait",
    area: { top: 1, left: 0, bottom: Math.max(1, placed.lastRow), right: LAST_COL },
    rowBreaks: placed.breaks,
    footerCenter: t("kertasKerja.footer", {}, lang),
    margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5 },
    centerHorizontally: true,
    // One page wide: at 100 % (the columns leave room for a renderer that draws them wider).
    fitToWidth: 1,
    fitToHeight: 0,
  };
  return plan;
}
