/** Which ExcelApi requirement sets the running Excel supports. */

/** True when the running Excel supports ExcelApi `version`. */
export function apiSupported(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}
