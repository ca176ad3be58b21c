/** The .xlsx package host: the zip archive read (and written) directly, without ExcelJS. */
export { readZip, writeZip, ZipFormatError } from "./zip";
export { readXlsxPackage, readPackageParts, PackageFormatError } from "./read";
export type { XlsxPackage, XlsxSheetRef, SheetState, SheetKind } from "./types";
export { applyPlanToPackage, writePlanToXlsxFile, emptyPackage, type PackageParts } from "./write";
