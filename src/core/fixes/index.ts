/**
 * Perbaiki: findings turned into fixes. A fix is the list of cell edits that repairs a finding
 * everywhere the same thing is written, with the values read (so hosts refuse it when a cell
 * changed since), and a one-line description. A fix only writes cells of the condition or
 * indicator the finding is about, never a formula, never a sheet the add-in made, never a
 * protected sheet.
 */
export type { CellEdit, Fix, FixChoice, FixRecord, TextSplice } from "./types";
export { FIXABLE_RULES } from "./types";
export { planFixes, fixesOfRules, type FixOptions } from "./make";
export { combineFixes, gridsWithEdits, planEdits, planUndo } from "./plan";
export { fixAll, findingsToFix, composeEdits, type FixAllOptions, type FixAllResult } from "./all";
export { previewEdit, type EditPreview } from "./preview";
