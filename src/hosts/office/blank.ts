/** The "new kertas kerja" action: empty CSF sheets with the headers the reader recognises. */
import { t, type Lang, type MessageKey } from "../../core/messages";
import { emptySheetPlan, type CellStyle, type SheetPlan, type WritePlan } from "../../core/plan";
import type { WorkbookGrids } from "../../core/grid";
import { applyPlan, type ApplyOptions, type ApplyResult } from "./apply";

const HEADER: CellStyle = {
  bold: true,
  fill: "#D9E1F2",
  hAlign: "center",
  vAlign: "middle",
  wrap: true,
  border: {
    top: { style: "thin" },
    bottom: { style: "thin" },
    left: { style: "thin" },
    right: { style: "thin" },
  },
  innerBorder: { style: "thin" },
};
const BODY: CellStyle = {
  vAlign: "top",
  wrap: true,
  border: {
    top: { style: "thin" },
    bottom: { style: "thin" },
    left: { style: "thin" },
    right: { style: "thin" },
  },
  innerBorder: { style: "thin" },
};
const TITLE: CellStyle = { bold: true, hAlign: "center", fontSize: 12 };

/** A table: header at `row`, then `bodyRows` empty bordered rows. Returns the next free row. */
function table(
  p: SheetPlan,
  row: number,
  headers: MessageKey[],
  bodyRows: number,
  lang: Lang
): number {
  headers.forEach((key, col) => p.cells.push({ row, col, value: t(key, {}, lang) }));
  const right = headers.length - 1;
  p.formats.push({ range: { top: row, left: 0, bottom: row, right }, style: HEADER });
  p.formats.push({ range: { top: row + 1, left: 0, bottom: row + bodyRows, right }, style: BODY });
  return row + bodyRows + 2;
}

function title(p: SheetPlan, row: number, key: MessageKey, right: number, lang: Lang): void {
  p.cells.push({ row, col: 0, value: t(key, {}, lang) });
  p.merges.push({ top: row, left: 0, bottom: row, right });
  p.formats.push({ range: { top: row, left: 0, bottom: row, right }, style: TITLE });
}

/** The plan for the three empty sheets (CSF, Uraian Kondisi, Target & Realisasi). */
export function blankCsfPlan(lang: Lang): WritePlan {
  const csf = emptySheetPlan("CSF", "create");
  title(csf, 0, "ui.blank.csfTitle", 2, lang);
  title(csf, 1, "ui.blank.kertasKerjaTitle", 2, lang);
  csf.cells.push({ row: 3, col: 0, value: t("ui.blank.outcomeLabel", {}, lang) });
  csf.merges.push(
    { top: 3, left: 0, bottom: 3, right: 2 },
    { top: 4, left: 0, bottom: 4, right: 2 }
  );
  csf.formats.push({
    range: { top: 4, left: 0, bottom: 4, right: 2 },
    style: { ...BODY, bold: true },
  });
  let row = table(
    csf,
    6,
    ["ui.blank.no", "ui.blank.faktorPenyebab", "ui.blank.kondisiDiperlukan"],
    3,
    lang
  );
  csf.cells.push({ row, col: 0, value: t("ui.blank.uraianTitle", {}, lang) });
  csf.formats.push({ range: { top: row, left: 0, bottom: row, right: 2 }, style: { bold: true } });
  row = table(csf, row + 1, ["ui.blank.no", "ui.blank.csf", "ui.blank.kondisiAntara"], 3, lang);
  table(csf, row, ["ui.blank.no", "ui.blank.csf", "ui.blank.kondisiOperasional"], 6, lang);
  csf.columnWidths.push({ col: 0, width: 6 }, { col: 1, width: 40 }, { col: 2, width: 60 });

  const uraian = emptySheetPlan(t("ui.blank.uraianSheet", {}, lang), "create");
  uraian.cells.push({ row: 0, col: 0, value: t("ui.blank.penjelasan", {}, lang) });
  uraian.cells.push({ row: 2, col: 0, value: t("ui.blank.indikatorIntro", {}, lang) });
  table(
    uraian,
    3,
    [
      "ui.blank.indikator",
      "ui.blank.definisi",
      "ui.blank.relevansi",
      "ui.blank.formulasi",
      "ui.blank.sumberData",
    ],
    3,
    lang
  );
  for (let col = 0; col < 5; col++) uraian.columnWidths.push({ col, width: 28 });

  const target = emptySheetPlan(t("ui.blank.targetSheet", {}, lang), "create");
  title(target, 0, "ui.blank.targetTitle", 6, lang);
  table(
    target,
    2,
    [
      "ui.blank.kode",
      "ui.blank.indikator",
      "ui.blank.satuan",
      "ui.blank.target",
      "ui.blank.realisasi",
      "ui.blank.capaian",
      "ui.blank.polaritas",
    ],
    10,
    lang
  );
  [8, 45, 10, 10, 10, 12, 10].forEach((width, col) => target.columnWidths.push({ col, width }));
  target.freeze = { rows: 3, cols: 0 };
  return { sheets: [csf, uraian, target], activate: "CSF" };
}

/**
 * Add the empty sheets. A sheet of the same name already in the workbook is never replaced:
 * the plan's sheets carry no generated kind, so the host refuses before writing anything.
 */
export function createBlankCsfSheets(
  lang: Lang,
  opts: ApplyOptions & { grids?: WorkbookGrids } = {}
): Promise<ApplyResult> {
  return applyPlan(blankCsfPlan(lang), opts);
}
