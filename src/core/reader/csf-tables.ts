/**
 * The CSF tables of the document layout: "No | Faktor Penyebab | Kondisi" (the CSF),
 * "No | CSF | Kondisi (Antara/Operasional)" (children listed beside the parent's name, several in
 * one cell), and "Kode | Kondisi" (depth and parent from the codes).
 */
import type { CellValue } from "../grid";
import { cellText } from "../grid";
import { cellRef } from "../address";
import type { ConditionNode } from "../model";
import type { TableBlock } from "./blocks";
import { firstNonBlank } from "./cells";
import type { Draft } from "./draft";
import { conditionCells, conditionFromRow, Outline } from "./row-conditions";
import { codeDepth, lines, normaliseCode, splitTrailingCode } from "./text";

/** The parent named in a CSF column, as far as the rows have come. */
interface ParentCell {
  node: ConditionNode | null;
  /** The code written with the parent's name, when any. */
  code: string | null;
}

/** Read a table of conditions; each line of a Kondisi cell is one condition. */
export function readConditionTable(draft: Draft, b: TableBlock): void {
  const { sheet, header } = b;
  const col = header.columns;
  const kondisiCol = col.kondisi;
  if (kondisiCol === undefined) return;
  let parent: ParentCell = { node: null, code: null };
  let carriedCode: string | null = null;
  const outline = new Outline(b);
  for (const r of b.rows) {
    const row = sheet.values[r] ?? [];
    if (header.kind !== "csf" && col.csf !== undefined)
      parent = parentNamed(draft, b, r, col.csf) ?? parent;
    if (col.code !== undefined) {
      const codeText = cellText(row[col.code] ?? null);
      if (codeText !== "") carriedCode = normaliseCode(codeText);
    }
    const kondisi = cellText(row[kondisiCol] ?? null);
    if (kondisi === "") {
      reportEmptyRow(draft, b, r, row);
      continue;
    }
    const kondisiLines = lines(kondisi);
    for (const line of kondisiLines) {
      const split = splitTrailingCode(line);
      let code = split.code;
      if (!code && col.code !== undefined && kondisiLines.length === 1) code = carriedCode;
      const at = { sheet: sheet.name, row: r, col: kondisiCol };
      if (header.kind === "csf") {
        const node = draft.conditions.add({
          code,
          name: split.name,
          depth: 1,
          parent: null,
          parentCode: null,
          at,
          kind: "csf-table",
        });
        const cause = col.faktor !== undefined ? cellText(row[col.faktor] ?? null) : "";
        node.cause = cause === "" ? null : cause;
      } else if (header.kind === "conditions") {
        const cells = conditionCells(b, r);
        if (cells) {
          const hasParent = col.parent !== undefined;
          const row = { ...cells, code, name: split.name, at };
          const given = outline.code(row);
          const node = conditionFromRow(
            draft,
            { ...row, code: given ?? code },
            hasParent,
            "csf-table"
          );
          outline.seen(node, given !== null);
        }
      } else {
        draft.conditions.add({
          code,
          name: split.name,
          depth: childDepth(header.depth, parent.node, code),
          parent: parent.node,
          parentCode: parent.code,
          at,
          kind: "csf-table",
        });
      }
      draft.markRead(sheet.name);
    }
  }
  outline.report(draft);
}

/**
 * The depth of a condition listed beside its parent: the level the header names, or deeper when
 * the parent itself is at or below it (a tree deeper than three levels); without a header level
 * one below the parent, else the code's.
 */
function childDepth(headerDepth: number | null, parent: ConditionNode | null, code: string | null) {
  const belowParent = parent ? parent.depth + 1 : null;
  if (headerDepth !== null) return Math.max(headerDepth, belowParent ?? 0);
  return belowParent ?? (code ? codeDepth(code) : 2);
}

/**
 * The parent a CSF cell names ("Meningkatnya … (CSF 1)"), recorded as a mention and another
 * name of it; null when the cell is blank (the parent above carries on: merged or left blank).
 */
function parentNamed(draft: Draft, b: TableBlock, r: number, c: number): ParentCell | null {
  const text = cellText(b.sheet.values[r]?.[c] ?? null);
  if (text === "") return null;
  const depth = b.header.depth !== null ? b.header.depth - 1 : null;
  // The parent's code alone ("1.2", "KA-1.2"): found by code, or linked when all is read.
  const code = normaliseCode(text);
  if (code !== null) return { node: draft.conditions.resolve(code, null, depth), code };
  const ref = splitTrailingCode(text);
  const node = draft.conditions.resolve(ref.code, ref.name, depth);
  if (node) {
    draft.conditions.names.add(node, ref.name);
    node.mentions.push({
      name: ref.name,
      code: ref.code,
      kind: "csf-table",
      cell: cellRef(b.sheet.name, r, c),
    });
  }
  return { node, code: ref.code };
}

/** A row without a condition: reported unless it holds only its number, parent or code. */
function reportEmptyRow(draft: Draft, b: TableBlock, r: number, row: readonly CellValue[]): void {
  const col = b.header.columns;
  const other = firstNonBlank(row, 0);
  if (other < 0) return;
  if (b.header.kind === "csf" || (other !== col.no && other !== col.csf && other !== col.code))
    draft.skipped("warning", "reader.skipped.tableRow", b.sheet.name, r, other);
}
