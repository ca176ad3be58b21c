/** What every kind of fix shares: the workbook as read, which cells may be written, the edits. */
import { parseCellRef } from "../address";
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { cellAt, cellText, formulaAt, numberFormatAt } from "../grid";
import type { Finding, RuleId } from "../findings";
import type { ConditionNode, CsfModel, SourceRef } from "../model";
import { t, type Lang, type MessageKey } from "../messages";
import { generatedKind } from "../plan";
import { applySplices } from "./cell-text";
import { fixId } from "./id";
import type { CellEdit, Fix, FixChoice, TextSplice } from "./types";

export interface FixContext {
  model: CsfModel;
  lang: Lang;
  /** The sheet of this name, when a fix may write on it (a user's sheet, not protected). */
  writableSheet(name: string): SheetGrid | null;
  /** A cell a fix may write: on a writable sheet and not a formula (a formula is the user's). */
  writable(sheet: string, row: number, col: number): SheetGrid | null;
  /** The node a finding about a condition is about: by its cell, code and name. */
  nodeOf(cell: string | null, code: string | null, name: unknown): ConditionNode | null;
}

export function makeFixContext(model: CsfModel, wb: WorkbookGrids, lang: Lang): FixContext {
  const sheets = new Map<string, SheetGrid>();
  for (const s of wb.sheets)
    if (generatedKind(s) === null && !s.protected) sheets.set(s.name.toLowerCase(), s);
  const writableSheet = (name: string) => sheets.get(name.toLowerCase()) ?? null;
  return {
    model,
    lang,
    writableSheet,
    writable(sheet, row, col) {
      const grid = writableSheet(sheet);
      return grid && formulaAt(grid, row, col) === null ? grid : null;
    },
    nodeOf(cell, code, name) {
      return (
        model.nodes.find((n) => n.cell === cell && n.code === code && n.name === name) ??
        model.nodes.find((n) => n.cell === cell && n.code === code) ??
        null
      );
    },
  };
}

/** The cell a reference such as "'CSF'!C20" names, as a source position. */
export function refToSource(ref: string | null): SourceRef | null {
  const p = ref ? parseCellRef(ref) : null;
  return p && p.sheet !== null ? { sheet: p.sheet, row: p.row, col: p.col } : null;
}

/** The text a cell's splices are counted in: the string as read, or a number's rendering. */
export function editText(v: CellValue): string {
  return typeof v === "string" ? v : cellText(v);
}

/** An edit replacing parts of a cell's text; null when nothing changes or it may not be written. */
export function spliceEdit(ctx: FixContext, at: SourceRef, splices: TextSplice[]): CellEdit | null {
  const grid = ctx.writable(at.sheet, at.row, at.col);
  if (!grid || splices.length === 0) return null;
  const before = cellAt(grid, at.row, at.col);
  const after = applySplices(editText(before), splices);
  if (after === before) return null;
  return { sheet: grid.name, row: at.row, col: at.col, before, after, splices };
}

/** An edit writing a whole new value (and number format); null when it may not be written. */
export function valueEdit(
  ctx: FixContext,
  at: SourceRef,
  after: CellValue,
  numberFormat?: string
): CellEdit | null {
  const grid = ctx.writable(at.sheet, at.row, at.col);
  if (!grid) return null;
  const before = cellAt(grid, at.row, at.col);
  if (after === before && numberFormat === undefined) return null;
  const edit: CellEdit = { sheet: grid.name, row: at.row, col: at.col, before, after };
  if (numberFormat !== undefined) {
    edit.numberFormat = numberFormat;
    edit.numberFormatBefore = numberFormatAt(grid, at.row, at.col);
  }
  return edit;
}

/** Add `value` to the list `map` holds for `key`. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Edits of one cell made by one fix become one edit (their splices together). */
export function mergeSameCell(edits: readonly CellEdit[]): CellEdit[] {
  const byCell = new Map<string, CellEdit>();
  for (const e of edits) {
    const key = `${e.sheet}\u0000${e.row}\u0000${e.col}`;
    const held = byCell.get(key);
    if (!held) {
      byCell.set(key, e);
      continue;
    }
    if (!held.splices || !e.splices) continue;
    const splices = [...held.splices];
    for (const s of e.splices)
      if (!splices.some((x) => x.from < s.to && s.from < x.to)) splices.push(s);
    byCell.set(key, { ...held, splices, after: applySplices(editText(held.before), splices) });
  }
  return [...byCell.values()];
}

/** "3 tempat": the number of distinct cells the edits write, in the context's language. */
export function placesOf(ctx: FixContext, edits: readonly CellEdit[]): string {
  const count = new Set(edits.map((e) => `${e.sheet}\u0000${e.row}\u0000${e.col}`)).size;
  return t(count === 1 ? "fixes.places.one" : "fixes.places.many", { count }, ctx.lang);
}

/** A fix with its description rendered in the context's language. */
export function makeFix(
  ctx: FixContext,
  rule: RuleId,
  findings: Finding[],
  edits: CellEdit[],
  key: MessageKey,
  params: Record<string, string | number>,
  choice?: FixChoice
): Fix {
  const first = findings[0];
  const fix: Fix = {
    id: fixId(rule, first ?? null),
    rule,
    findings,
    cell: first?.cell ?? null,
    code: first?.code ?? null,
    edits,
    description: t(key, params, ctx.lang),
    params: { ...params, messageKey: key },
  };
  if (choice) fix.choice = choice;
  return fix;
}
