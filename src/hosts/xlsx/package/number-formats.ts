/**
 * Excel's built-in number formats (ECMA-376 Part 1, 18.8.30): a cell format (xf) names one by
 * `numFmtId` alone, without a `<numFmt>` in styles.xml. Ids 5–8, 27–36 and 50–81 depend on the
 * locale and are left out (a cell using one reads as having no known format).
 */
export const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "mm-dd-yy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yy h:mm"],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00;(#,##0.00)"],
  [40, "#,##0.00;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** The built-in id of a format code, for the writer (a code Excel knows needs no `<numFmt>`). */
export const BUILTIN_NUMBER_FORMAT_IDS: ReadonlyMap<string, number> = new Map(
  [...BUILTIN_NUMBER_FORMATS].map(([id, code]) => [code, id])
);
