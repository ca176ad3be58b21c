/**
 * Sheets that claim more than they hold: a `<dimension>` of the whole sheet, cells at row
 * 1,048,576 or column XFD, thousands of empty styled rows (as old tools save a sheet "used" to
 * its end). The package reader reads them sparsely: the grid reaches the last cell that holds
 * something and no further, and the time grows with the bytes, never with the claim.
 */
import fc from "fast-check";
import { columnLetters } from "../../src/core/address";
import { cellAt, type SheetGrid } from "../../src/core/grid";
import { InputFileError } from "../../src/hosts/xlsx/errors";
import { readXlsxPackage } from "../../src/hosts/xlsx/package/read";
import { MAX_COLS, MAX_ROWS } from "./helpers";
import { oneSheetWorkbook, worksheetXml } from "./packages";

const FACTOR = Math.max(1, Number(process.env.POKIN_HOSTILE_RUNS ?? 1) || 1);

interface Cell {
  row: number;
  col: number;
  value: number | string;
}

/** Rows and columns biased towards both ends of the sheet. */
const rowArb = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.integer({ min: MAX_ROWS - 40, max: MAX_ROWS }),
  fc.integer({ min: 1, max: MAX_ROWS })
);
const colArb = fc.oneof(
  fc.integer({ min: 1, max: 10 }),
  fc.integer({ min: MAX_COLS - 10, max: MAX_COLS }),
  fc.integer({ min: 1, max: MAX_COLS })
);
const cellArb: fc.Arbitrary<Cell> = fc.record({
  row: rowArb,
  col: colArb,
  value: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.stringMatching(/^[A-Za-z0-9 .]{1,12}$/)),
});

const claimArb = fc.record({
  cells: fc.uniqueArray(cellArb, { maxLength: 8, selector: (c) => `${c.row}:${c.col}` }),
  dimension: fc.option(fc.constantFrom("A1:XFD1048576", "A1", "B2:C1048576", "A1:XFD1"), {
    nil: undefined,
  }),
  /** A run of empty styled rows: where it starts and how long it is. */
  emptyFrom: fc.integer({ min: 1, max: MAX_ROWS }),
  emptyRows: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 30_000 })),
  /** Empty styled cells at the far right of every row that holds cells. */
  farEmptyCells: fc.boolean(),
});

type Claim = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function ref(row: number, col: number): string {
  return `${columnLetters(col - 1)}${row}`;
}

/** The sheet's XML: rows in order, each either holding cells or empty and styled. */
function sheetOf(claim: Claim): string {
  const byRow = new Map<number, Cell[]>();
  for (const c of claim.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const empty = Math.min(claim.emptyRows, MAX_ROWS - claim.emptyFrom + 1);
  const rows = new Set<number>([...byRow.keys()]);
  for (let r = claim.emptyFrom; r < claim.emptyFrom + empty; r++) rows.add(r);
  const out: string[] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const cells = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
    if (cells.length === 0) {
      out.push(`<row r="${r}" s="1" customFormat="1"/>`);
      continue;
    }
    const xml = cells.map((c) =>
      typeof c.value === "number"
        ? `<c r="${ref(r, c.col)}"><v>${c.value}</v></c>`
        : `<c r="${ref(r, c.col)}" t="inlineStr"><is><t>${c.value}</t></is></c>`
    );
    const last = cells[cells.length - 1]!.col;
    if (claim.farEmptyCells && last < MAX_COLS) xml.push(`<c r="${ref(r, MAX_COLS)}" s="1"/>`);
    out.push(`<row r="${r}">${xml.join("")}</row>`);
  }
  return worksheetXml(out.join(""), claim.dimension);
}

/** Problems with the grid: a cell lost or changed, or a row or column beyond the last cell held. */
function sparseProblems(grid: SheetGrid, cells: readonly Cell[]): string[] {
  const problems: string[] = [];
  for (const c of cells) {
    const got = cellAt(grid, c.row - 1, c.col - 1);
    if (got !== c.value) problems.push(`${ref(c.row, c.col)}: ${String(got)} for ${c.value}`);
  }
  const lastRow = Math.max(0, ...cells.map((c) => c.row));
  if (grid.values.length !== lastRow)
    problems.push(`${grid.values.length} rows for a last cell in row ${lastRow}`);
  grid.values.forEach((row, r) => {
    const lastCol = Math.max(0, ...cells.filter((c) => c.row === r + 1).map((c) => c.col));
    if (row.length !== lastCol) problems.push(`row ${r + 1}: ${row.length} columns for ${lastCol}`);
  });
  return problems;
}

describe("sheets that claim more than they hold", () => {
  it("are read sparsely, in time that follows the bytes and not the claim", async () => {
    await fc.assert(
      fc.asyncProperty(claimArb, async (claim) => {
        const bytes = oneSheetWorkbook(sheetOf(claim));
        const t0 = Date.now();
        const { grids } = await readXlsxPackage(bytes, { name: "klaim.xlsx" });
        const ms = Date.now() - t0;
        expect(sparseProblems(grids.sheets[0]!, claim.cells)).toEqual([]);
        // A guard against reading by the claim (a hang), not a benchmark: a cell at row 1,048,576
        // pads the grid with a million empty rows (the grid is dense by row), about 0.2 s, and
        // several seconds on a machine as loaded as the CI's can be.
        expect(ms).toBeLessThan(10_000);
      }),
      { numRuns: 15 * FACTOR }
    );
  });

  it("one cell at XFD1048576 under a dimension of the whole sheet", async () => {
    const xml = worksheetXml(
      `<row r="${MAX_ROWS}"><c r="XFD${MAX_ROWS}"><v>7</v></c></row>`,
      "A1:XFD1048576"
    );
    const { grids } = await readXlsxPackage(oneSheetWorkbook(xml), { name: "jauh.xlsx" });
    const grid = grids.sheets[0]!;
    expect(grid.values).toHaveLength(MAX_ROWS);
    expect(grid.values[MAX_ROWS - 1]).toHaveLength(MAX_COLS);
    expect(cellAt(grid, MAX_ROWS - 1, MAX_COLS - 1)).toBe(7);
    expect(grid.values[0]).toEqual([]);
  });

  it("a row numbered past Excel's last row is refused as corrupt, not padded to", async () => {
    const xml = worksheetXml(`<row r="4294967294"><c r="A4294967294"><v>1</v></c></row>`);
    const read = readXlsxPackage(oneSheetWorkbook(xml), { name: "baris.xlsx" });
    await expect(read).rejects.toThrow(InputFileError);
    await expect(read).rejects.toThrow(/^baris\.xlsx: .*row 4294967294/);
  });
});
