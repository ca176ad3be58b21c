/**
 * Every tree the reader's fixtures and the sample give is drawn on whole cells: no coordinate
 * half-way through a column, and no two merged areas overlapping (Excel refuses both; the mixed
 * fixture, a leaf beside a stack folded in two, once put its parent at column 12.5).
 */
import * as fs from "fs";
import * as path from "path";
import type { CellRange } from "../../../src/core/grid";
import { analyse } from "../../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { planTree } from "../../../src/core/tree";
import { readXlsxFile } from "../../../src/hosts/xlsx";

const fixtures = path.join(__dirname, "../../fixtures/reader");
const workbooks = [
  path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx"),
  ...fs
    .readdirSync(fixtures)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(fixtures, f)),
];

function whole(r: CellRange): boolean {
  return [r.top, r.left, r.bottom, r.right].every(Number.isInteger);
}

function overlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

describe.each(workbooks.map((w) => [path.basename(w), w]))("the tree of %s", (_name, file) => {
  it("lies on whole cells, its merged areas apart", async () => {
    const grids = await readXlsxFile(file);
    const analysis = analyse(grids, DEFAULT_SETTINGS);
    const plan = planTree(analysis.model, analysis.findings, grids, DEFAULT_SETTINGS);
    const notWhole = [
      ...plan.cells.filter((c) => !Number.isInteger(c.row) || !Number.isInteger(c.col)),
      ...plan.merges.filter((m) => !whole(m)),
      ...plan.formats.filter((f) => !whole(f.range)),
    ];
    expect(notWhole).toEqual([]);
    const clashes = plan.merges.flatMap((m, i) =>
      plan.merges
        .slice(i + 1)
        .filter((n) => overlap(m, n))
        .map((n) => [m, n])
    );
    expect(clashes).toEqual([]);
  });
});
