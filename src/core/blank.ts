/** The "new kertas kerja" action: empty CSF sheets with the headers the reader recognises. */
import { t, type Lang, type MessageKey } from "./messages";
import {
  emptySheetPlan,
  withinExcelLimits,
  type CellStyle,
  type SheetPlan,
  type WritePlan,
} from "./plan";
import type { WorkbookGrids } from "./grid";

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

/**
 * The names of the three sheets: "CSF", "Uraian Kondisi", "Target & Realisasi", or, when any of
 * them is taken (the user's own kertas kerja is already there), the first "(2)", "(3)", … suffix
 * free for all three, so the new sheets sit together and nothing of the user's is replaced.
 */
function freeNames(base: readonly string[], wb: WorkbookGrids): string[] {
  const taken = new Set(wb.sheets.map((s) => s.name.toLowerCase()));
  for (let i = 1; ; i++) {
    const names = base.map((b) => (i === 1 ? b : `${b} (${i})`));
    if (names.every((n) => !taken.has(n.toLowerCase()))) return names;
  }
}

/**
 * The plan for three empty sheets (CSF, Uraian Kondisi, Target & Realisasi) with the headers the
 * reader recognises, named so that no sheet of `wb` is touched (see `freeNames`).
 */
export function blankCsfPlan(lang: Lang, wb: WorkbookGrids): WritePlan {
  const [csfName = "CSF", uraianName = "", targetName = ""] = freeNames(
    ["CSF", t("ui.blank.uraianSheet", {}, lang), t("ui.blank.targetSheet", {}, lang)],
    wb
  );
  const csf = emptySheetPlan(csfName, "create");
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

  const uraian = emptySheetPlan(uraianName, "create");
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

  const target = emptySheetPlan(targetName, "create");
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
  // These are the user's sheets to type into, not the add-in's: they keep Excel's gridlines.
  for (const sheet of [csf, uraian, target]) sheet.gridlines = true;
  return withinExcelLimits({ sheets: [csf, uraian, target], activate: csfName });
}
