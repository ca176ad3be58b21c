/**
 * The level-column matrix: one column per level (Outcome | CSF | Kondisi Antara | Kondisi
 * Operasional …), one row per indicator. A level cell merged down over its rows, left blank below
 * ("same as above") or typed again on each row names the same condition; an indicator belongs to
 * the deepest condition its row fills or carries. Conditions without a typed code get one from
 * their place (1, 1.1, 1.1.1 …), and the model says so. A cascading matrix gives each level an
 * indicator column of its own, right of the level's column ("Kondisi CSF | Indikator CSF |
 * Kondisi Antara | Indikator Kondisi Antara | …"): those indicators belong to that level's
 * condition, and the measures to the indicator column left of them.
 */
import type { SheetGrid } from "../grid";
import { cellText } from "../grid";
import { cellRef } from "../address";
import type { ConditionNode, SourceRef } from "../model";
import { reportCodesGiven, type TableBlock } from "./blocks";
import { excerpt, firstNonBlank, textAt } from "./cells";
import type { Draft } from "./draft";
import { hasMeasureColumns } from "./headers";
import { isDuplicate, newIndicator, reportDuplicate, textCells } from "./indicators";
import { applyMeasure, measureOf, type MeasureTable } from "./measures";
import { normalise, splitLeadingCode, splitTrailingCode } from "./text";

/** A level cell's condition: its code when typed, and its name. */
interface LevelCell {
  code: string | null;
  name: string;
  at: SourceRef;
}

/** Read a matrix table: its conditions, its indicators, and the outcome when it has a column. */
export function readMatrix(draft: Draft, b: TableBlock): void {
  const merged = mergedSources(b.sheet);
  const levels = b.header.levels.filter((l) => l.depth > 0);
  const outcomeCol = b.header.levels.find((l) => l.depth === 0)?.col;
  const tree = new MatrixTree(draft, b);
  const chain: (ConditionNode | null)[] = levels.map(() => null);
  const measured = hasMeasureColumns(b.header) ? measureOf(draft, b) : null;
  const own = levelIndicatorColumns(b, levels);
  for (const r of b.rows) {
    if (outcomeCol !== undefined) readOutcome(draft, b.sheet, r, outcomeCol, merged);
    const cells = levels.map((l) => levelCell(b.sheet, r, l.col, merged));
    const first = cells.findIndex((c) => c !== null);
    if (first >= 0)
      for (let d = first; d < levels.length; d++) {
        const cell = cells[d];
        chain[d] = cell ? tree.condition(cell, levels[d]?.depth ?? d + 1, nearest(chain, d)) : null;
      }
    for (const [d, c] of own.byLevel) readLevelIndicator(draft, b, r, c, chain[d] ?? null, merged);
    readIndicator(draft, b, r, own.rowColumn, nearest(chain, levels.length), measured);
  }
  reportCodesGiven(draft, b, tree.placed);
}

/**
 * A cascading matrix's indicator columns: each level's own (the indicator column right of the
 * level's column, before the next level's), and the row's indicator column, which the measures
 * belong to: the indicator column nearest left of the first measure column, else the last one.
 * With one indicator column, it is the row's and no level has one of its own.
 */
function levelIndicatorColumns(
  b: TableBlock,
  levels: readonly { col: number }[]
): { byLevel: Map<number, number>; rowColumn: number | undefined } {
  const names = b.header.cells.filter((c) => c.guess?.role === "name").map((c) => c.col);
  const byLevel = new Map<number, number>();
  if (names.length < 2) return { byLevel, rowColumn: b.header.columns.name };
  const cols = b.header.columns;
  const measures = [cols.target, cols.actual, cols.achievement].filter(
    (c): c is number => c !== undefined
  );
  const firstMeasure = measures.length > 0 ? Math.min(...measures) : Infinity;
  const rowColumn = names.filter((c) => c < firstMeasure).pop() ?? names[names.length - 1];
  for (const c of names) {
    if (c === rowColumn) continue;
    const d = levels.reduce((k, l, i) => (l.col < c ? i : k), -1);
    if (d >= 0 && !byLevel.has(d)) byLevel.set(d, c);
  }
  return { byLevel, rowColumn };
}

/**
 * The indicator a level's own column names on row `r`, under that level's condition. Typed again
 * on the rows below (or merged down), it is the same indicator, not a duplicate.
 */
function readLevelIndicator(
  draft: Draft,
  b: TableBlock,
  r: number,
  c: number,
  node: ConditionNode | null,
  merged: ReadonlyMap<string, SourceRef>
): void {
  if (merged.has(`${r},${c}`)) return;
  const name = cellText(b.sheet.values[r]?.[c] ?? null);
  if (name === "" || !node) return;
  const key = normalise(name);
  const same = (i: { name: string; textSource: SourceRef | null }) =>
    i.textSource?.col === c && i.textSource.sheet === b.sheet.name && normalise(i.name) === key;
  if (node.indicators.some(same)) return;
  const at = { sheet: b.sheet.name, row: r, col: c };
  const ind = newIndicator(name, cellRef(at.sheet, r, c), node.code);
  ind.textSource = at;
  ind.textCells = { name: at };
  draft.indicators.attach(ind, node, null);
}

/** The deepest condition of the chain above level `d`. */
function nearest(chain: readonly (ConditionNode | null)[], d: number): ConditionNode | null {
  for (let k = d - 1; k >= 0; k--) if (chain[k]) return chain[k] ?? null;
  return null;
}

/** The conditions of one matrix: found again when a level cell repeats, made when new. */
class MatrixTree {
  /** Conditions of this table by parent (null: top level) and normalised name. */
  private readonly children = new Map<ConditionNode | null, Map<string, ConditionNode>>();
  /** Every condition this table named. */
  private readonly own = new Set<ConditionNode>();
  /** Conditions that got their code from their place. */
  placed = 0;

  constructor(
    private readonly draft: Draft,
    private readonly b: TableBlock
  ) {}

  /** The condition a level cell names under `parent`. */
  condition(cell: LevelCell, depth: number, parent: ConditionNode | null): ConditionNode {
    const siblings = this.siblingsOf(parent);
    const key = normalise(cell.name);
    const again = siblings.get(key);
    if (again) return again;
    const node =
      this.known(cell, depth, parent) ?? this.make(cell, depth, parent, siblings.size + 1);
    siblings.set(key, node);
    this.own.add(node);
    return node;
  }

  private siblingsOf(parent: ConditionNode | null): Map<string, ConditionNode> {
    let siblings = this.children.get(parent);
    if (!siblings) this.children.set(parent, (siblings = new Map()));
    return siblings;
  }

  /**
   * The condition when another table lists it already (the same code, or exactly this name at
   * this depth); listed under another parent there, the disagreement is reported.
   */
  private known(
    cell: LevelCell,
    depth: number,
    parent: ConditionNode | null
  ): ConditionNode | null {
    const conditions = this.draft.conditions;
    const byCode = cell.code ? conditions.withCode(cell.code)[0] : undefined;
    const node =
      byCode ??
      conditions.names.exact(cell.name).find((n) => n.depth === depth && !this.own.has(n));
    if (!node) return null;
    const at = cellRef(cell.at.sheet, cell.at.row, cell.at.col);
    node.mentions.push({ name: cell.name, code: cell.code, kind: "csf-table", cell: at });
    if (parent && node.parentId !== null && node.parentId !== parent.id)
      this.draft.report(
        "parent-mismatch",
        "warning",
        cell.at,
        "reader.parentMismatch",
        { name: excerpt(cell.name), parent: excerpt(parent.name), other: node.cell },
        node.code
      );
    return node;
  }

  /** A new condition: its typed code, else the next number under its parent. */
  private make(
    cell: LevelCell,
    depth: number,
    parent: ConditionNode | null,
    place: number
  ): ConditionNode {
    const given = cell.code === null && (parent === null || parent.code !== null);
    const code = cell.code ?? (given ? (parent ? `${parent.code}.${place}` : `${place}`) : null);
    const node = this.draft.conditions.add({
      code,
      name: cell.name,
      depth,
      parent,
      parentCode: parent?.code ?? null,
      at: cell.at,
      kind: "csf-table",
    });
    if (given) {
      node.codeGiven = true;
      this.placed++;
    }
    this.draft.markRead(this.b.sheet.name);
    return node;
  }
}

/** The condition a level cell names, with its code when typed ("1.1 Name", "Name (1.1)"). */
function levelCell(
  sheet: SheetGrid,
  r: number,
  c: number,
  merged: ReadonlyMap<string, SourceRef>
): LevelCell | null {
  const source = merged.get(`${r},${c}`) ?? { sheet: sheet.name, row: r, col: c };
  const text = cellText(sheet.values[source.row]?.[source.col] ?? null);
  if (text === "") return null;
  const lead = splitLeadingCode(text);
  const trailing = splitTrailingCode(lead ? lead.name : text);
  return { code: lead?.code ?? trailing.code, name: trailing.name, at: source };
}

/**
 * For every cell inside a merged area but its top-left one: where the area's value is. A merged
 * level cell then names its condition on every row it covers.
 */
function mergedSources(sheet: SheetGrid): Map<string, SourceRef> {
  const sources = new Map<string, SourceRef>();
  for (const m of sheet.merges ?? []) {
    if (m.bottom === m.top) continue;
    const top = { sheet: sheet.name, row: m.top, col: m.left };
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) sources.set(`${r},${c}`, top);
  }
  return sources;
}

/** The outcome column: its first value is the outcome; another one is reported. */
function readOutcome(
  draft: Draft,
  sheet: SheetGrid,
  r: number,
  c: number,
  merged: ReadonlyMap<string, SourceRef>
): void {
  if (merged.has(`${r},${c}`)) return;
  const text = cellText(sheet.values[r]?.[c] ?? null);
  if (text === "") return;
  if (draft.outcome === null) {
    draft.outcome = text;
    draft.outcomeCell = cellRef(sheet.name, r, c);
  } else if (normalise(text) !== normalise(draft.outcome))
    draft.skipped("warning", "reader.skipped.otherOutcome", sheet.name, r, c, {
      text: excerpt(text),
      outcome: draft.outcomeCell ?? "",
    });
}

/** The row's indicator, when it names one, under the deepest condition of its row. */
function readIndicator(
  draft: Draft,
  b: TableBlock,
  r: number,
  nameCol: number | undefined,
  node: ConditionNode | null,
  measured: MeasureTable | null
): void {
  const col = b.header.columns;
  const row = b.sheet.values[r] ?? [];
  if (nameCol === undefined) return;
  const name = cellText(row[nameCol] ?? null);
  if (name === "") {
    // Level cells and the levels' own indicators are read; anything else has no indicator.
    const read = new Set(b.header.levels.map((l) => l.col));
    for (const c of b.header.cells) if (c.guess?.role === "name") read.add(c.col);
    const at = firstNonBlank(row, 0);
    const stray = row.some((v, c) => c !== col.no && !read.has(c) && cellText(v ?? null) !== "");
    if (stray && at >= 0) draft.skipped("warning", "reader.skipped.noName", b.sheet.name, r, at);
    return;
  }
  const at = { sheet: b.sheet.name, row: r, col: nameCol };
  if (node && isDuplicate(node, name)) {
    reportDuplicate(draft, at, name, node);
    return;
  }
  const ind = newIndicator(name, cellRef(at.sheet, r, nameCol), node?.code ?? null);
  ind.definition = textAt(row, col.definition);
  ind.relevance = textAt(row, col.relevance);
  ind.formula = textAt(row, col.formula);
  ind.dataSource = textAt(row, col.dataSource);
  if (col.responsible !== undefined) ind.responsible = textAt(row, col.responsible);
  ind.textSource = at;
  ind.textCells = textCells(at, col);
  if (measured) applyMeasure(draft, ind, measured, r);
  draft.indicators.attach(ind, node, null);
  draft.markRead(b.sheet.name);
}
