/** The core's public face: pure TypeScript on plain grids. Hosts and the UI import from here. */
export * from "./grid";
export * from "./address";
export * from "./model";
export * from "./findings";
export * from "./plan";
export * from "./settings";
export * from "./numbers";
export {
  t,
  tCli,
  langFromLocale,
  type Lang,
  type MessageKey,
  type CliMessageKey,
} from "./messages";
export {
  readWorkbook,
  guessedMapping,
  mappingCounts,
  parseMappings,
  usedMappings,
  withMapping,
  withoutOutdated,
  MAPPING_ROLES,
  type ReadOptions,
} from "./reader";
export { modelToJson, summaryText } from "./json";
export { checkModel, type CheckOptions } from "./checks";
export { computeCapaian, applyCapaian, sheetNumber } from "./capaian";
export { planFill, type FillOptions } from "./fill";
export { planTree, layoutPohon } from "./tree";
export { planKertasKerja } from "./kertas-kerja";
export {
  isUnreadable,
  planFindingsSheet,
  planLaporan,
  describeWrite,
  ruleName,
  unbreakableRefs,
  type WrittenSheet,
  type UnreadableWorkbook,
  type WorkbookResult,
} from "./report";
export { analyse, planJobs, ALL_JOBS, type Analysis, type Job } from "./pipeline";
export {
  ACTION_JOBS,
  addBlankKertasKerja,
  runAction,
  type ActionId,
  type ActionOutcome,
  type RunOptions,
  type WorkbookHost,
} from "./actions";
export { workbookYear } from "./year";
export { MEASURED_CODES } from "./font-metrics";
export {
  planFixes,
  fixesOfRules,
  combineFixes,
  gridsWithEdits,
  planEdits,
  planUndo,
  fixAll,
  findingsToFix,
  previewEdit,
  FIXABLE_RULES,
  type CellEdit,
  type Fix,
  type FixChoice,
  type FixRecord,
  type FixOptions,
  type FixAllResult,
} from "./fixes";
export { planRefusals, sameValue, type PlanRefusal, type WorkbookGuardFacts } from "./plan-guard";
export { utf8Length } from "./chars";
export { maxOf, minOf } from "./extent";
