/**
 * Conditions named on the rows of a table: a flat table typing the condition again on each of its
 * indicator rows ("Kode | Kondisi | Indikator Kinerja | …"), one sheet per level with a parent
 * column ("Kode | Kode Induk | Kondisi"), or one sheet with a Level column. A row's condition is
 * found among those read (by code, or by a name that agrees) or made from the row.
 */
import { cellText } from "../grid";
import { cellRef } from "../address";
import type { ConditionNode, Mention, SourceRef } from "../model";
import { headerRef, reportCodesGiven, type TableBlock } from "./blocks";
import { STRONG } from "./conditions";
import type { Draft } from "./draft";
import { codeDepth, normalise, normaliseCode, parentCode, splitTrailingCode } from "./text";

/** What a row says about its condition. */
export interface ConditionCells {
  code: string | null;
  name: string;
  /** The parent's code from a parent column; null when there is none or it is blank. */
  parent: string | null;
  /** The level a Level column gives the row. */
  level: number | null;
  /** The level the header or the sheet's name suggests ("Kondisi Antara"). */
  hint: number | null;
  /** The cell naming the condition (its name, else its code). */
  at: SourceRef;
  /** The cell a mention points at: the code's when typed, else the name's. */
  mentionAt: SourceRef;
}

/** The row's condition cells, or null when they are all blank (the condition above carries on). */
export function conditionCells(b: TableBlock, r: number): ConditionCells | null {
  const col = b.header.columns;
  const row = b.sheet.values[r] ?? [];
  const text = (c: number | undefined) => (c === undefined ? "" : cellText(row[c] ?? null));
  const codeText = text(col.code);
  const kondisi = splitTrailingCode(text(col.kondisi));
  if (codeText === "" && kondisi.name === "") return null;
  const parentText = text(col.parent);
  const at = kondisi.name !== "" ? col.kondisi : col.code;
  return {
    code: (codeText !== "" ? normaliseCode(codeText) : null) ?? kondisi.code,
    name: kondisi.name,
    parent: parentText === "" ? null : (normaliseCode(parentText) ?? parentText),
    level: depthOfLevel(text(col.level)),
    hint: b.header.depth ?? depthOfLevel(b.sheet.name),
    at: { sheet: b.sheet.name, row: r, col: at ?? 0 },
    mentionAt: {
      sheet: b.sheet.name,
      row: r,
      col: (codeText !== "" ? col.code : col.kondisi) ?? 0,
    },
  };
}

/** "CSF" / "1" → 1, "Kondisi Antara" / "KA" / "2" → 2, "Operasional" / "KO" / "3" → 3. */
export function depthOfLevel(text: string): number | null {
  const n = normalise(text);
  if (n === "") return null;
  const digits = /^(?:level |tingkat )?(\d)$/.exec(n);
  if (digits) return Number(digits[1]);
  if (/\boperasional\b|^ko$/.test(n)) return 3;
  if (/\bantara\b|^ka$/.test(n)) return 2;
  if (/\bcsf\b|critical success factor/.test(n)) return 1;
  return null;
}

/**
 * Make the condition a row names. Its parent is the parent column's, else the code's; its depth
 * the Level column's, else the code's, else its parent's, else the header's or sheet's — with a
 * parent column it follows its parent's once all is read.
 */
export function conditionFromRow(
  draft: Draft,
  cells: ConditionCells,
  hasParentColumn: boolean,
  kind: Mention["kind"]
): ConditionNode {
  const parentCodeText = hasParentColumn
    ? cells.parent
    : cells.code
      ? parentCode(cells.code)
      : null;
  const parent =
    parentCodeText !== null ? (draft.conditions.withCode(parentCodeText)[0] ?? null) : null;
  const depth =
    cells.level ??
    (cells.code ? codeDepth(cells.code) : null) ??
    (parent ? parent.depth + 1 : null) ??
    cells.hint ??
    1;
  const node = draft.conditions.add({
    code: cells.code,
    name: cells.name,
    depth,
    parent,
    parentCode: parentCodeText,
    at: cells.at,
    kind,
  });
  if (hasParentColumn && parentCodeText !== null) draft.conditions.depthFromParent.add(node);
  draft.markRead(cells.at.sheet);
  return node;
}

/**
 * Codes from a table's outline: rows that say their level (a Level column) but give neither a
 * code nor a parent are listed as an outline, each under the latest row of a shallower level
 * above it ("CSF", then its "Kondisi Antara", then their "Kondisi Operasional"), and given codes
 * from their place (1, 1.1, 1.1.1 …) as a matrix's are; the model says so.
 */
export class Outline {
  private readonly last: (ConditionNode | undefined)[] = [];
  private readonly children = new Map<ConditionNode | null, number>();
  /** Conditions that got their code from their place. */
  private placed = 0;
  private readonly active: boolean;

  constructor(private readonly b: TableBlock) {
    const c = b.header.columns;
    this.active = c.level !== undefined && c.code === undefined && c.parent === undefined;
  }

  /** The code the row's place gives it; null when it has one, says no level, or is no outline. */
  code(cells: ConditionCells): string | null {
    if (!this.active || cells.code !== null || cells.level === null) return null;
    let parent: ConditionNode | null = null;
    for (let d = cells.level - 1; d >= 1 && !parent; d--) parent = this.last[d] ?? null;
    if (parent && parent.code === null) return null;
    const place = (this.children.get(parent) ?? 0) + 1;
    this.children.set(parent, place);
    return parent ? `${parent.code}.${place}` : `${place}`;
  }

  /** The row's condition is the latest at its depth; `given` when its code came from `code`. */
  seen(node: ConditionNode, given: boolean): void {
    this.last[node.depth] = node;
    this.last.length = node.depth + 1;
    if (!given) return;
    node.codeGiven = true;
    this.placed++;
  }

  /** Say once, at the table's header, how many codes were given. */
  report(draft: Draft): void {
    reportCodesGiven(draft, this.b, this.placed);
  }
}

/** A row's condition, as far as the rows have come. */
export interface RowCondition {
  node: ConditionNode | null;
  code: string | null;
}

/**
 * The conditions named down a table with a Kondisi column: each row's condition is found among
 * those read — by code (a different name there is the name-mismatch check's to report), else by
 * a name agreeing strongly; a condition this table made only by its exact name — or made.
 */
export class TableConditions {
  private readonly made = new Set<ConditionNode>();
  private current: RowCondition = { node: null, code: null };
  private readonly outline: Outline;
  /** Conditions made with nothing to say their level (read as CSF): said once, at the end. */
  private unleveled = 0;

  constructor(
    private readonly draft: Draft,
    private readonly b: TableBlock
  ) {
    this.outline = new Outline(b);
  }

  /** After the last row: what the table's outline gave. */
  finish(): void {
    this.outline.report(this.draft);
    // One condition alone may well be a CSF; several with nothing to tell them apart are a guess.
    if (this.unleveled < 2) return;
    this.draft.report("levels-unknown", "warning", headerRef(this.b), "reader.levelsUnknown", {
      count: this.unleveled,
    });
  }

  /** The condition of row `r`; the one above when the row's condition cells are blank. */
  conditionAt(r: number): RowCondition {
    const cells = conditionCells(this.b, r);
    if (!cells) return this.current;
    const found = this.find(cells);
    if (found) {
      const m = cells.mentionAt;
      found.mentions.push({
        name: cells.name,
        code: cells.code,
        kind: this.b.header.columns.code !== undefined ? "kode-column" : "indicator-table",
        cell: cellRef(m.sheet, m.row, m.col),
      });
      this.current = { node: found, code: cells.code };
      this.outline.seen(found, false);
    } else if (cells.name !== "") {
      const hasParent = this.b.header.columns.parent !== undefined;
      const given = this.outline.code(cells);
      const row = given ? { ...cells, code: given } : cells;
      const node = conditionFromRow(this.draft, row, hasParent, "indicator-table");
      this.outline.seen(node, given !== null);
      if (!hasParent && row.code === null && cells.level === null && cells.hint === null)
        this.unleveled++;
      this.made.add(node);
      this.current = { node, code: row.code };
    } else this.current = { node: null, code: cells.code };
    return this.current;
  }

  private find(cells: ConditionCells): ConditionNode | null {
    const conditions = this.draft.conditions;
    const name = cells.name !== "" ? cells.name : null;
    if (cells.code) {
      const hit = conditions.bestByCode(cells.code, name, () => true);
      if (hit) return hit.node;
    }
    if (!name) return null;
    const exact = conditions.names.exact(name)[0];
    if (exact) return exact;
    const hit = conditions.names.best(name, (n) => !this.made.has(n));
    return hit && hit.score >= STRONG ? hit.node : null;
  }
}
