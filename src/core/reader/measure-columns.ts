/**
 * Which of a table's Target, Realisasi and Capaian columns are read, when it has several (one per
 * year, quarter or semester): see periods.ts. Said once per table, naming the columns used.
 */
import { isBlank } from "../grid";
import { columnLetters } from "../address";
import { t } from "../messages";
import { headerRef, type TableBlock } from "./blocks";
import type { Draft } from "./draft";
import type { HeaderCell } from "./headers";
import { chooseColumn, chooseYear, type PeriodColumn } from "./periods";

/** The columns read for target, realisasi and capaian (undefined when the table has none). */
export interface ChosenColumns {
  target?: number;
  actual?: number;
  achievement?: number;
}

/** Choose the table's measure columns; report the choice when there was one to make. */
export function chooseMeasureColumns(draft: Draft, b: TableBlock): ChosenColumns {
  const of = (role: string): PeriodColumn[] =>
    b.header.cells
      .filter((c) => c.guess?.role === role)
      .map((c) => ({ col: c.col, period: c.guess?.period ?? null, filled: filled(b, c.col) }));
  const targets = of("target");
  const actuals = of("actual");
  const achievements = of("achievement");
  const baselines = b.header.cells.filter((c) => c.guess?.role === "baseline");
  const year = chooseYear(targets, actuals, [...b.yearsAbove, ...draft.titleYears, draft.year]);
  const chosen: ChosenColumns = {};
  const target = chooseColumn(targets, year);
  const actual = chooseColumn(actuals, year);
  const achievement = chooseColumn(achievements, year);
  if (target !== null) chosen.target = target;
  if (actual !== null) chosen.actual = actual;
  if (achievement !== null) chosen.achievement = achievement;
  const choice =
    targets.length + actuals.length + achievements.length > 3 ||
    [...targets, ...actuals].some((c) => c.period !== null) ||
    baselines.length > 0;
  if (choice) report(draft, b, chosen, year);
  return chosen;
}

function filled(b: TableBlock, col: number): boolean {
  return b.rows.some((r) => !isBlank(b.sheet.values[r]?.[col]));
}

/** "Kolom yang dibaca dari tabel di 'T'!A3 untuk tahun 2025: target dari kolom D "Target 2025", …". */
function report(draft: Draft, b: TableBlock, chosen: ChosenColumns, year: number | null): void {
  const lang = draft.lang;
  const column = (col: number): string => {
    const cell = b.header.cells.find((c: HeaderCell) => c.col === col);
    return `${columnLetters(col)} "${cell ? cell.text : ""}"`;
  };
  const read = (["target", "actual", "achievement"] as const)
    .filter((k) => chosen[k] !== undefined)
    .map((k) => t(`reader.measureColumns.${k}`, { column: column(chosen[k] as number) }, lang));
  const used = new Set([chosen.target, chosen.actual, chosen.achievement]);
  const unused = b.header.cells
    .filter((c) => {
      const role = c.guess?.role;
      const measure = role === "target" || role === "actual" || role === "achievement";
      return (measure || role === "baseline") && !used.has(c.col);
    })
    .map((c) => column(c.col));
  draft.report(
    "measure-columns",
    "info",
    headerRef(b),
    year === null ? "reader.measureColumns" : "reader.measureColumnsYear",
    {
      year: year ?? "",
      read: read.join(", "),
      unused:
        unused.length > 0
          ? t("reader.measureColumns.unused", { columns: unused.join(", ") }, lang)
          : "",
    }
  );
}
