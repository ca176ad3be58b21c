/**
 * The .xlsx host of the command line: a workbook read straight from its zip package into the
 * core's grids, and a write plan applied by patching that package (no ExcelJS: that is only a
 * test reference, under test/hosts/xlsx/exceljs).
 */
export {
  readXlsxFile,
  readXlsxPackage,
  readPackageParts,
  PackageFormatError,
} from "./package/read";
export {
  applyPlanToPackage,
  emptyPackage,
  writePlanToXlsxFile,
  type PackageParts,
} from "./package/write";
export { readZip, writeZip, ZipFormatError, ZipRefusedError } from "./package/zip";
export type { XlsxPackage, XlsxSheetRef, SheetState, SheetKind } from "./package/types";
export { InputFileError, PlanRefusedError, type InputProblem } from "./errors";
