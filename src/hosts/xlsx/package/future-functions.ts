/**
 * Excel's "future functions" in the file format. Functions added after Excel 2007 (NUMBERVALUE
 * among them) are stored in a formula's XML as `_xlfn.NAME(`; Excel shows and Office.js takes
 * them without the prefix, and a file that stores one bare makes Excel (and LibreOffice) show
 * #NAME?. Plans and grids hold formulas as Office.js does: the prefix is added when a formula is
 * written into a file and removed when one is read from it.
 * Source: [MS-XLSX] 2.2.2 Formulas, the future-function list, as Excel::Writer::XLSX's
 * documentation ("Formulas added in Excel 2010 and later") reproduces it.
 */

/** The future functions of [MS-XLSX] that take the `_xlfn.` prefix. */
const FUTURE_FUNCTIONS = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV " +
    "BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT " +
    "CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P " +
    "COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT F.INV " +
    "F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT " +
    "FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST " +
    "GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH " +
    "IMSINH IMTAN ISFORMULA ISOWEEKNUM LOGNORM.DIST LOGNORM.INV MODE.MULT MODE.SNGL MUNIT " +
    "NEGBINOM.DIST NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC " +
    "PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC " +
    "QUARTILE.INC QUERYSTRING RANK.AVG RANK.EQ RRI SEC SECH SHEET SHEETS SKEW.P STDEV.P STDEV.S " +
    "T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST UNICHAR UNICODE VAR.P VAR.S WEBSERVICE " +
    "WEIBULL.DIST XOR Z.TEST"
  ).split(" ")
);

/**
 * Apply `edit` to the parts of a formula outside string literals ("…") and quoted sheet names
 * ('…'), so a text or a sheet that happens to spell a function name is left as it is.
 */
function outsideQuotes(formula: string, edit: (code: string) => string): string {
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|[^"']+/g, (part, quoted?: string) =>
    quoted !== undefined ? part : edit(part)
  );
}

/** A formula as the file stores it: every future function called with its `_xlfn.` prefix. */
export function toFileFormula(formula: string): string {
  return outsideQuotes(formula, (code) =>
    code.replace(/(^|[^\w.])([A-Za-z][\w.]*)(?=\()/g, (m, before: string, name: string) =>
      FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `${before}_xlfn.${name}` : m
    )
  );
}

/** A formula read from a file as Excel shows it: the `_xlfn.` and `_xlws.` prefixes removed. */
export function fromFileFormula(formula: string): string {
  if (!formula.includes("_xl")) return formula;
  return outsideQuotes(formula, (code) => code.replace(/_xl(?:fn|ws)\./gi, ""));
}
