/** The .xlsx package host: the zip archive read and written directly, without ExcelJS. */
export { readZip, writeZip, ZipFormatError } from "./zip";
