/**
 * What the Office read learns besides the grids, kept for the write that follows in the same
 * action (the grids object is the key): the workbook's structure protection, Excel's decimal
 * separator, and each sheet's conditional formats.
 */
import { type WorkbookGrids, isBandCondition } from "../../core";
import { apiSupported } from "./api";

/** One conditional format of a sheet, at its index in the whole sheet's collection. */
export interface ConditionalFormatFact {
  index: number;
  /** The rule's formula for a custom (expression) rule, else null. */
  formula: string | null;
}

export interface WorkbookFacts {
  /** Sheets cannot be added, deleted or renamed (Review → Protect Workbook). */
  structureProtected: boolean;
  /** Excel's decimal separator (ExcelApi 1.11), a hint to the list separator; null below. */
  decimalSeparator: string | null;
  /** Conditional formats by lower-cased sheet name, for the sheets read. */
  conditionalFormats: Map<string, ConditionalFormatFact[]>;
  /**
   * Some sheets' cells came from the read cache, not their conditional formats (and the cells a
   * write expects may have changed a moment ago): a write reads what it relies on again.
   */
  rulesStale?: boolean;
}

const known = new WeakMap<WorkbookGrids, WorkbookFacts>();

/** Keep the facts learnt while reading these grids. */
export function rememberFacts(grids: WorkbookGrids, facts: WorkbookFacts): void {
  known.set(grids, facts);
}

/** The facts learnt while reading these grids, when the Office read made them. */
export function factsOf(grids: WorkbookGrids): WorkbookFacts | undefined {
  return known.get(grids);
}

/** Load a sheet's conditional formats: their types and custom rules' formulas, to find the add-in's. */
export function loadRules(rules: Excel.ConditionalFormatCollection): void {
  rules.load("items/type,items/customOrNullObject/rule/formula");
}

/** Queue the workbook-wide facts on a request (read them with `workbookFacts` after the sync). */
export function queueWorkbookFacts(context: Excel.RequestContext): {
  protection: Excel.WorkbookProtection | null;
  culture: Excel.CultureInfo | null;
} {
  const protection = apiSupported("1.7") ? context.workbook.protection : null;
  protection?.load("protected");
  const culture = apiSupported("1.11") ? context.application.cultureInfo : null;
  culture?.load("numberFormat/numberDecimalSeparator");
  return { protection, culture };
}

/** The facts of a synced queueWorkbookFacts (conditional formats added by the caller). */
export function workbookFacts(queued: ReturnType<typeof queueWorkbookFacts>): WorkbookFacts {
  return {
    structureProtected: queued.protection ? queued.protection.protected : false,
    decimalSeparator: queued.culture ? queued.culture.numberFormat.numberDecimalSeparator : null,
    conditionalFormats: new Map(),
  };
}

/** The conditional formats of a loaded collection, by index. */
export function conditionalFormatFacts(
  collection: Excel.ConditionalFormatCollection
): ConditionalFormatFact[] {
  return collection.items.map((cf, index) => ({
    index,
    formula:
      cf.type === "Custom" && !cf.customOrNullObject.isNullObject
        ? cf.customOrNullObject.rule.formula
        : null,
  }));
}

/** Indexes of the add-in's own band rules among a sheet's conditional formats, highest first. */
export function ownBandIndexes(facts: WorkbookFacts, sheet: string): number[] {
  const list = facts.conditionalFormats.get(sheet.toLowerCase()) ?? [];
  return list
    .filter((cf) => cf.formula !== null && isBandCondition(cf.formula))
    .map((cf) => cf.index)
    .sort((a, b) => b - a);
}
