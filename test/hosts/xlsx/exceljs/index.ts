/**
 * ExcelJS as a test reference: an independent reader (and writer) of .xlsx files to hold the
 * package host the product ships to. Never imported from src: exceljs is a devDependency.
 */
export { loadXlsxFile, readWithExcelJs, gridsFromWorkbook, sheetGrid, plainValue } from "./read";
export { applyPlan, writeXlsxFile } from "./apply";
