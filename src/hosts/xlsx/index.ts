/** The ExcelJS host: .xlsx files in and out, for the command line and the tests. */
export { loadXlsxFile, readXlsxFile, gridsFromWorkbook, sheetGrid, plainValue } from "./read";
export { applyPlan, writeXlsxFile } from "./apply";
export { InputFileError, PlanRefusedError, type InputProblem } from "./errors";
