/**
 * `narrative-mismatch`: the "Terwujudnya kondisi ini dapat tergambar dari indikator (1) … (2) …"
 * line rewritten from the condition's indicator table. The words before the list stay as typed;
 * the list becomes the table's names, in its order, with the line's own markers ("(1)" or "(a)").
 * A line continued on the rows below is written whole into its first row and the rest emptied.
 */
import type { CellValue, SheetGrid } from "../grid";
import { cellText } from "../grid";
import type { Finding } from "../findings";
import type { ConditionNode } from "../model";
import {
  addTo,
  editText,
  makeFix,
  refToSource,
  spliceEdit,
  valueEdit,
  type FixContext,
} from "./context";
import type { CellEdit, Fix } from "./types";

/** One fix per condition whose line and table disagree (a section without the line has none). */
export function narrativeFixes(ctx: FixContext, findings: readonly Finding[]): Fix[] {
  const byNode = new Map<ConditionNode, Finding[]>();
  for (const f of findings) {
    if (f.rule !== "narrative-mismatch" || f.params.messageKey === "checks.narrative.noLine")
      continue;
    const node = ctx.model.nodes.find(
      (n) =>
        n.code === f.code &&
        (n.sectionCell === f.cell ||
          n.cell === f.cell ||
          n.indicators.some((i) => i.cell === f.cell))
    );
    if (!node) continue;
    addTo(byNode, node, f);
  }
  const out: Fix[] = [];
  for (const [node, fixed] of byNode) {
    const edits = lineEdits(ctx, node);
    if (edits.length === 0) continue;
    const params = { code: node.code ?? "?", count: node.indicators.length };
    out.push(makeFix(ctx, "narrative-mismatch", fixed, edits, "fixes.narrative", params));
  }
  return out;
}

/** A cell of the section, by the first non-blank cell of its row (as the reader reads text). */
interface TextCell {
  row: number;
  col: number;
  text: string;
}

/** The rows of the node's section: from its heading to the next condition's heading. */
function sectionCells(
  ctx: FixContext,
  node: ConditionNode
): { grid: SheetGrid; cells: TextCell[] } | null {
  const head = refToSource(node.sectionCell);
  const grid = head && ctx.writableSheet(head.sheet);
  if (!head || !grid) return null;
  let end = grid.values.length;
  for (const n of ctx.model.nodes) {
    const h = refToSource(n.sectionCell);
    if (h && h.sheet === head.sheet && h.row > head.row && h.row < end) end = h.row;
  }
  const cells: TextCell[] = [];
  for (let row = head.row + 1; row < end; row++) {
    const values: CellValue[] = grid.values[row] ?? [];
    const col = values.findIndex((v) => cellText(v) !== "");
    if (col >= 0) cells.push({ row, col, text: cellText(values[col] ?? null) });
  }
  return { grid, cells };
}

/** The cells holding the line: the rows it was read from, or the paragraph it was typed inside. */
function lineCells(
  ctx: FixContext,
  node: ConditionNode
): { grid: SheetGrid; cells: TextCell[] } | null {
  const section = sectionCells(ctx, node);
  if (!section) return null;
  const line = node.indicatorLine;
  if (line === null) {
    const inside = section.cells.find((c) => EMBEDDED.test(c.text));
    return inside ? { grid: section.grid, cells: [inside] } : null;
  }
  const cells: TextCell[] = [];
  let read = "";
  for (const c of section.cells) {
    const next = cells.length === 0 ? c.text : `${read}\n${c.text}`;
    if (line === next || line.startsWith(`${next}\n`)) {
      cells.push(c);
      read = next;
      if (read === line) return { grid: section.grid, cells };
    } else if (cells.length > 0) break;
  }
  return null;
}

const INDIKATOR = /indi[kc]ator/i;
/** The line typed inside another paragraph, as the check finds it. */
const EMBEDDED = /dapat\s+tergambar\s+dari\s+indi[kc]ator\b/i;

function lineEdits(ctx: FixContext, node: ConditionNode): CellEdit[] {
  const found = lineCells(ctx, node);
  const first = found?.cells[0];
  if (!found || !first) return [];
  const text = editText(found.grid.values[first.row]?.[first.col] ?? null);
  const embedded = node.indicatorLine === null;
  const at = embedded ? text.search(EMBEDDED) : 0;
  const word = text.slice(at).search(INDIKATOR);
  if (at < 0 || word < 0) return [];
  // The list starts after "indikator" and any colon; a line typed inside a paragraph ends there.
  let from = at + word + "indikator".length;
  const colon = /^\s*:/.exec(text.slice(from));
  if (colon) from += colon[0].length;
  const breakAt = embedded ? text.slice(from).search(/\r|\n/) : -1;
  const to = breakAt < 0 ? text.length : from + breakAt;
  const list = listOf(node, text.slice(from, to));
  const edits: CellEdit[] = [];
  const head = spliceEdit(ctx, { sheet: found.grid.name, row: first.row, col: first.col }, [
    { from, to, text: ` ${list}` },
  ]);
  if (!head) return [];
  edits.push(head);
  for (const c of found.cells.slice(1)) {
    const rest = valueEdit(ctx, { sheet: found.grid.name, row: c.row, col: c.col }, null);
    if (!rest) return [];
    edits.push(rest);
  }
  return edits;
}

/** "(1) A (2) B", or "(a) A (b) B" when the old list was marked with letters. */
function listOf(node: ConditionNode, old: string): string {
  const letters = /^\s*\(\s*[a-z]\s*\)/i.test(old);
  return node.indicators
    .map((ind, i) => `(${letters ? String.fromCharCode(97 + (i % 26)) : i + 1}) ${ind.name}`)
    .join(" ");
}
