/** Capaian (achievement) arithmetic and the fill plan. (Stub: implemented by the percentages work.) */

// The arithmetic lives in achievement.ts (owned apart from the fill).
export { computeAchievement, applyAchievements } from "./achievement";

// The fill lives in fill.ts (its own file, so the arithmetic and the fill can change apart).
export { planFill, type FillOptions } from "./fill";
