/** Capaian (achievement) arithmetic: pure numbers, no workbook. */
import type { CsfModel, Indicator, Polarity } from "./model";

/**
 * Round to `digits` decimals, half away from zero, the way Excel's ROUND does.
 * Both the value and its scaled form are first cut to 15 significant digits (Excel's
 * precision), so binary noise such as 1.005 → 1.00499999… still rounds up to 1.01.
 */
export function roundHalfAway(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const raw = Math.abs(x) * factor;
  let rounded: number;
  if (raw < 1e6 && Math.abs(raw - Math.floor(raw) - 0.5) > 1e-6) {
    // Far from a half: the two cuts to 15 digits move `raw` by under 1e-8 here (2 × 5e-15 of
    // it), so they cannot change which way it rounds; toPrecision, the costly part, is skipped.
    rounded = Math.floor(raw + 0.5) / factor;
  } else {
    const abs = Number(Math.abs(x).toPrecision(15));
    const scaled = Number((abs * factor).toPrecision(15));
    rounded = Math.floor(scaled + 0.5) / factor;
  }
  // A value that rounds to zero comes back as plain 0, never -0.
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Capaian in percent, rounded to 2 decimals, or null when it cannot be computed
 * (target 0 or missing, realisasi missing, or either not a finite number).
 * Higher is better: realisasi / target × 100. Lower is better: (2 × target − realisasi) / target × 100.
 * No cap: values above 100 stay as they are.
 */
export function computeAchievement(
  target: number | null,
  actual: number | null,
  polarity: Polarity
): number | null {
  if (target === null || actual === null) return null;
  if (!Number.isFinite(target) || !Number.isFinite(actual) || target === 0) return null;
  const raw =
    polarity === "lower" ? ((2 * target - actual) / target) * 100 : (actual / target) * 100;
  return Number.isFinite(raw) ? roundHalfAway(raw, 2) : null;
}

/** True when the indicator's name says it is a percentage ("Persentase …", "% …"). */
export function isPercentageIndicator(name: string): boolean {
  const t = name.trim().toLowerCase();
  return t.startsWith("%") || /^persentase\b/.test(t);
}

/** True when the indicator has no realisasi typed at all (an unreadable "-" is not empty). */
function actualIsEmpty(ind: Indicator): boolean {
  if (ind.actual !== null) return false;
  const cell = ind.values.actual;
  return cell === undefined || (cell.readable && cell.value === null);
}

/**
 * Set `achievement` on every indicator of the model (orphans included), in place.
 * A Persentase indicator with numbers in pembilang and penyebut and an empty realisasi
 * first gets realisasi = pembilang / penyebut × 100 (rounded to 2 decimals).
 */
export function applyAchievements(model: CsfModel): CsfModel {
  for (const node of model.nodes) for (const ind of node.indicators) applyAchievement(ind);
  for (const o of model.orphans) applyAchievement(o.indicator);
  return model;
}

/** applyAchievements for one indicator. */
function applyAchievement(ind: Indicator): void {
  // The name test last: most indicators have no pembilang/penyebut at all.
  if (
    ind.numerator !== null &&
    ind.denominator !== null &&
    Number.isFinite(ind.numerator) &&
    Number.isFinite(ind.denominator) &&
    ind.denominator !== 0 &&
    actualIsEmpty(ind) &&
    isPercentageIndicator(ind.name)
  ) {
    ind.actual = roundHalfAway((ind.numerator / ind.denominator) * 100, 2);
  }
  ind.achievement = computeAchievement(ind.target, ind.actual, ind.polarity);
}
