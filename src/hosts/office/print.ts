/** Print setup (ExcelApi 1.9): at the end of the last write request, after everything it prints. */
import { a1, rangeA1, type PrintSetup } from "../../core";
import {
  ACTION_BYTES,
  OBJECT_BYTES,
  STEP_OVERHEAD,
  jsonBytes,
  sheetStep,
  type Step,
} from "./steps";

/**
 * A sheet's print setup as two steps: the paper size first (Excel refuses a size the printer
 * cannot take; the request is then sent again without it), then the rest of the page layout.
 */
export function printSteps(sheet: string, p: PrintSetup): Step[] {
  const paper = sheetStep(sheet, STEP_OVERHEAD + jsonBytes(p.paper), (ws) => {
    ws.pageLayout.paperSize = p.paper;
  });
  paper.paper = true;
  // Page layout, its zoom and footer objects, about a dozen property sets, a call per break.
  const bytes =
    4 * OBJECT_BYTES +
    14 * ACTION_BYTES +
    (p.rowBreaks?.length ?? 0) * STEP_OVERHEAD +
    jsonBytes(p);
  return [paper, sheetStep(sheet, bytes, (ws) => queueLayout(ws, p))];
}

/** Everything but the paper size; page breaks last (each is a call of its own). */
function queueLayout(ws: Excel.Worksheet, p: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  if (p.fitToWidth)
    layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight ?? 0 };
  if (p.area) layout.setPrintArea(rangeA1(p.area));
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  if (p.footerCenter) layout.headersFooters.defaultForAllPages.centerFooter = p.footerCenter;
  if (p.margins) {
    layout.topMargin = p.margins.top * 72;
    layout.bottomMargin = p.margins.bottom * 72;
    layout.leftMargin = p.margins.left * 72;
    layout.rightMargin = p.margins.right * 72;
  }
  if (p.centerHorizontally !== undefined) layout.centerHorizontally = p.centerHorizontally;
  for (const row of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(a1(row, 0));
}
