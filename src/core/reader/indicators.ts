/** A new indicator, and the cells of an indicator row's text fields. */
import type { Indicator, SourceRef } from "../model";
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

const TEXT_FIELDS = ["definition", "relevance", "formula", "dataSource"] as const;

/** The cells of a row's text fields, the name's being `name`. */
export function textCells(name: SourceRef, col: Header["columns"]): Indicator["textCells"] {
  const cells: Indicator["textCells"] = { name };
  for (const field of TEXT_FIELDS) {
    const c = col[field];
    if (c !== undefined) cells[field] = { sheet: name.sheet, row: name.row, col: c };
  }
  return cells;
}
