/** Capaian (achievement) arithmetic and the fill plan. (Stub: implemented by the percentages work.) */
import type { WorkbookGrids } from "./grid";
import type { CsfModel, Polarity } from "./model";
import type { Finding } from "./findings";
import type { SheetPlan } from "./plan";
import type { Settings } from "./settings";

/**
 * Capaian in percent, rounded to 2 decimals, or null when it cannot be computed
 * (target 0 or missing, realisasi missing).
 */
export function computeAchievement(
  _target: number | null,
  _actual: number | null,
  _polarity: Polarity
): number | null {
  throw new Error("computeAchievement: not implemented yet");
}

/** Set `achievement` (and ratio indicators' `actual`) on every indicator of the model, in place. */
export function applyAchievements(_model: CsfModel): CsfModel {
  throw new Error("applyAchievements: not implemented yet");
}

export interface FillOptions {
  /** Replace typed capaian values reported as manual-override (the user chose to). */
  replaceOverrides?: boolean;
}

/** The fill: live capaian (and ratio realisasi) formulas written into the user's own sheets. */
export function planFill(
  _model: CsfModel,
  _wb: WorkbookGrids,
  _settings: Settings,
  _opts: FillOptions = {}
): { sheets: SheetPlan[]; findings: Finding[] } {
  throw new Error("planFill: not implemented yet");
}
