/** A new indicator, the cells of an indicator row's text fields, and an indicator typed twice. */
import type { ConditionNode, Indicator, SourceRef } from "../model";
import { excerpt } from "./cells";
import type { Draft } from "./draft";
import { normalise } from "./text";
import type { Header } from "./headers";

/** An indicator with only its name: the tables fill in the rest. */
export function newIndicator(name: string, cell: string, conditionCode: string | null): Indicator {
  return {
    name,
    definition: null,
    relevance: null,
    formula: null,
    dataSource: null,
    unit: null,
    target: null,
    actual: null,
    achievement: null,
    numerator: null,
    denominator: null,
    polarity: "higher",
    polarityAssumed: true,
    cell,
    conditionCode,
    textSource: null,
    textCells: {},
    measure: null,
    values: {},
  };
}

const TEXT_FIELDS = ["definition", "relevance", "formula", "dataSource", "responsible"] as const;

/** The cells of a row's text fields, the name's being `name`. */
export function textCells(name: SourceRef, col: Header["columns"]): Indicator["textCells"] {
  const cells: Indicator["textCells"] = { name };
  for (const field of TEXT_FIELDS) {
    const c = col[field];
    if (c !== undefined) cells[field] = { sheet: name.sheet, row: name.row, col: c };
  }
  return cells;
}

/** The condition has an indicator of this name read from a text table already. */
export function isDuplicate(node: ConditionNode, name: string): boolean {
  const key = normalise(name);
  return node.indicators.some((i) => i.textSource !== null && normalise(i.name) === key);
}

/** The same indicator typed twice under one condition: the first row is kept. */
export function reportDuplicate(
  draft: Draft,
  at: SourceRef,
  name: string,
  node: ConditionNode
): void {
  const first = node.indicators.find((i) => normalise(i.name) === normalise(name));
  draft.report(
    "duplicate-indicator",
    "warning",
    at,
    "reader.duplicateIndicator",
    { name: excerpt(name), first: first?.cell ?? "" },
    node.code
  );
}
