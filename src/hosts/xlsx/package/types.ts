/** What the package reader keeps of an .xlsx file besides its grids, for the package writer. */

/** How a sheet is shown in Excel's tabs (workbook.xml `state`). */
export type SheetState = "visible" | "hidden" | "veryHidden";

/** What kind of part a `<sheet>` entry of workbook.xml points at. */
export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

/** One `<sheet>` entry of workbook.xml, in workbook order. */
export interface XlsxSheetRef {
  /** The sheet's name as Excel shows it (entities decoded once, as the XML means it). */
  name: string;
  /** The `sheetId` attribute (NaN when absent or not a number). */
  sheetId: number;
  /** The `r:id` attribute: the relationship id in the workbook's rels part. */
  rId: string;
  /** Path of the sheet's part in the zip ("xl/worksheets/sheet1.xml"); undefined when the rel is missing. */
  part: string | undefined;
  /** Path of the sheet part's own rels part (it may not exist). */
  relsPart: string | undefined;
  state: SheetState;
  kind: SheetKind;
  /** Index of this sheet in `grids.sheets`, or -1 when it has no grid (chart sheets, missing parts). */
  gridIndex: number;
}

/** The .xlsx package as read: every part untouched, plus where the workbook and its sheets are. */
export interface XlsxPackage {
  /** Every part of the zip by path (no leading "/"), bytes exactly as stored (inflated). */
  parts: Map<string, Uint8Array>;
  /** Path of the workbook part ("xl/workbook.xml"). */
  workbookPart: string;
  /** Path of the workbook's rels part ("xl/_rels/workbook.xml.rels"). */
  workbookRelsPart: string;
  /** Every `<sheet>` of workbook.xml in workbook order, chart sheets included. */
  sheets: XlsxSheetRef[];
  /** True when the workbook counts dates from 1904 (`<workbookPr date1904="1">`). */
  date1904: boolean;
}
