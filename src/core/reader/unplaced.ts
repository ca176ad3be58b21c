/**
 * Tables the reader could not place, reported for the user to map: a header it does not know,
 * or a table of indicators without a column naming their conditions, none of whose rows it could
 * link to one. Each comes with the reader's best guess of every column's role.
 */
import { cellText } from "../grid";
import type { Indicator, UnplacedTable } from "../model";
import type { Block, TableBlock } from "./blocks";
import type { Draft } from "./draft";
import { guessColumns, mappingOf } from "./mapping";

/** Report the unknown tables found by the scan and the tables whose rows linked nothing. */
export function reportUnplaced(draft: Draft, blocks: readonly Block[]): void {
  for (const t of draft.unknownTables) {
    const cells = guessColumns(t.sheet, t.rows, t.cells);
    add(draft, {
      sheet: t.sheet.name,
      headerRow: t.headerRow,
      firstCol: cells[0]?.col ?? 0,
      lastCol: cells[cells.length - 1]?.col ?? 0,
      lastRow: t.lastRow,
      reason: "unknown-header",
      columns: mappingOf(t.sheet.name, t.headerRow, cells).columns,
    });
  }
  const orphans = draft.indicators.orphans.map((o) => o.indicator);
  if (orphans.length === 0) return;
  const candidates = blocks.filter(
    (b): b is TableBlock =>
      b.kind === "table" && !b.mapped && holdsIndicators(b) && orphans.some((i) => rowOf(i, b))
  );
  for (const b of candidates) {
    const linked = draft.conditions.nodes.some((n) => n.indicators.some((i) => rowOf(i, b)));
    if (linked) continue;
    add(draft, {
      sheet: b.sheet.name,
      headerRow: b.headerRow,
      firstCol: b.header.firstCol,
      lastCol: b.header.lastCol,
      lastRow: b.rows[b.rows.length - 1] ?? b.headerRow,
      reason: "not-linked",
      columns: mappingOf(b.sheet.name, b.headerRow, guessColumns(b.sheet, b.rows, b.header.cells))
        .columns,
    });
  }
}

function holdsIndicators(b: TableBlock): boolean {
  const { kind, columns } = b.header;
  if (kind !== "indicator-text" && kind !== "measure") return false;
  return columns.code === undefined && columns.kondisi === undefined;
}

/** The indicator was read from a row of this table. */
function rowOf(i: Indicator, b: TableBlock): boolean {
  const inTable = (at: { sheet: string; row: number } | null) =>
    at !== null && at.sheet === b.sheet.name && b.rows.includes(at.row);
  return inTable(i.textSource) || inTable(i.measure);
}

function add(draft: Draft, t: UnplacedTable): void {
  draft.unplaced.push(t);
  const headers = t.columns.map((c) => cellText(c.header)).join(" | ");
  draft.report(
    "unplaced-table",
    "warning",
    { sheet: t.sheet, row: t.headerRow, col: t.firstCol },
    t.reason === "unknown-header" ? "reader.unplaced.unknown" : "reader.unplaced.notLinked",
    { headers }
  );
}
