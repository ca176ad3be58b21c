/**
 * Period columns of measures as offices type them ("Target 2025", "Realisasi TW III",
 * "Realisasi s.d. TW IV", "Semester I", "Kumulatif") and which of them a table's target and
 * realisasi are read from: the year the workbook is about, then the annual or cumulative column,
 * else the latest quarter (or semester) filled.
 */

/** The period a measure column is about; all null for a plain "Target". */
export interface Period {
  year: number | null;
  quarter: number | null;
  semester: number | null;
  /** "s.d. TW IV", "Kumulatif", "Tahunan", "Akhir Tahun": the whole year so far. */
  cumulative: boolean;
}

const YEAR = /\b(19[5-9]\d|2[01]\d\d)\b/;
const QUARTER = /\b(?:tw|triwulan|trw|tri wulan|q|kuartal)\s*(iv|i{1,3}|[1-4])\b/;
const SEMESTER = /\b(?:semester|smt|sem)\s*(ii|i|[12])\b/;
const CUMULATIVE = /\b(?:s d|sd|s\/d|sampai dengan|kumulatif|tahunan|akhir tahun|total)\b/;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** The period named in a normalised header key ("realisasi s d tw iv 2025"), or null for none. */
export function periodOf(key: string): Period | null {
  const year = YEAR.exec(key);
  const quarter = QUARTER.exec(key);
  const semester = SEMESTER.exec(key);
  const cumulative = CUMULATIVE.test(key);
  if (!year && !quarter && !semester && !cumulative) return null;
  return {
    year: year ? Number(year[1]) : null,
    quarter: quarter ? numeral(quarter[1] ?? "") : null,
    semester: semester ? numeral(semester[1] ?? "") : null,
    cumulative,
  };
}

function numeral(s: string): number {
  return ROMAN[s] ?? Number(s);
}

/** A candidate column: where it is, what period, and whether any row of the table fills it. */
export interface PeriodColumn {
  col: number;
  period: Period | null;
  filled: boolean;
}

/**
 * The year the table is about: the workbook's year (title, else settings) when some column
 * names it, else the latest year that has both a target and a realisasi column (a column without
 * a year counts for every year), else the latest year named; null when no column names a year.
 */
export function chooseYear(
  targets: readonly PeriodColumn[],
  actuals: readonly PeriodColumn[],
  preferred: readonly (number | null)[]
): number | null {
  const years = new Set<number>();
  for (const c of [...targets, ...actuals]) if (c.period?.year) years.add(c.period.year);
  if (years.size === 0) return null;
  for (const y of preferred) if (y !== null && years.has(y)) return y;
  const sorted = [...years].sort((a, b) => b - a);
  const has = (list: readonly PeriodColumn[], y: number) =>
    list.some((c) => (c.period?.year ?? y) === y);
  return sorted.find((y) => has(targets, y) && has(actuals, y)) ?? sorted[0] ?? null;
}

/**
 * The column to read for `year` (null: columns without a year): the plain annual column first,
 * then the cumulative one, then the latest quarter filled, then the latest semester filled.
 * Null when none is of that year.
 */
export function chooseColumn(columns: readonly PeriodColumn[], year: number | null): number | null {
  const ofYear = columns.filter((c) => (c.period?.year ?? null) === year);
  const pool = ofYear.length > 0 ? ofYear : columns.filter((c) => !c.period?.year);
  if (pool.length === 0) return null;
  const plain = pool.find(
    (c) => !c.period || (!c.period.quarter && !c.period.semester && !c.period.cumulative)
  );
  if (plain) return plain.col;
  const cumulative = pool.find((c) => c.period?.cumulative);
  if (cumulative) return cumulative.col;
  const latest = (key: "quarter" | "semester") =>
    pool
      .filter((c) => c.period?.[key] && c.filled)
      .sort((a, b) => (b.period?.[key] ?? 0) - (a.period?.[key] ?? 0))[0];
  const pick = latest("quarter") ?? latest("semester") ?? pool[pool.length - 1];
  return pick ? pick.col : null;
}
