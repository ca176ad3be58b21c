/**
 * A created sheet's cells go as the bounding rectangle in row bands, or as runs down each column
 * when those are smaller (a tree's few columns per box, far apart): the same cells either way.
 */
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { applyPlan, readWorkbookGrids } from "../../../src/hosts/office";
import { emptySheetPlan, markerText, type PlanCell } from "../../../src/core/plan";
import type { WorkbookGrids } from "../../../src/core/grid";

const userBook: WorkbookGrids = { sheets: [{ name: "CSF", values: [["Kode"]] }] };

async function written(cells: PlanCell[]): Promise<{ values: unknown[][]; bytes: number }> {
  const host = new FakeExcelHost(userBook).install();
  const grids = await readWorkbookGrids();
  host.resetStats();
  const sp = emptySheetPlan("Pohon Kinerja", "create", "pohon");
  sp.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") }, ...cells);
  await applyPlan({ sheets: [sp] }, { grids });
  const s = host.sheet("Pohon Kinerja");
  const bytes = host.stats.requestBytes.reduce((a, b) => a + b, 0);
  return { values: s?.values ?? [], bytes };
}

function at(values: unknown[][], row: number, col: number): unknown {
  return values[row]?.[col] ?? null;
}

describe("cells of a created sheet", () => {
  it("far apart in a few columns go as column runs, each cell where the plan puts it", async () => {
    const cells: PlanCell[] = [];
    for (let r = 2; r < 900; r += 3) {
      cells.push({ row: r, col: 40, value: `K${r}` });
      cells.push({ row: r, col: 120, formula: `=AO${r + 1}&""` });
    }
    cells.push({ row: 899, col: 200, value: 7 });
    cells.push({ row: 5, col: 40, value: "later wins" });
    const { values, bytes } = await written(cells);
    expect(at(values, 2, 40)).toBe("K2");
    expect(at(values, 5, 40)).toBe("later wins");
    expect(at(values, 899, 200)).toBe(7);
    expect(at(values, 3, 40)).toBeNull();
    expect(at(values, 8, 119)).toBeNull();
    // The rectangle would be 900 × 201 blank cells of 3 bytes each.
    expect(bytes).toBeLessThan(200_000);
  });

  it("close together go as the rectangle, blanks included", async () => {
    const cells: PlanCell[] = [];
    for (let r = 1; r < 30; r++)
      for (let c = 0; c < 6; c++)
        if ((r + c) % 2 === 0) cells.push({ row: r, col: c, value: r * 10 + c });
    const { values } = await written(cells);
    expect(at(values, 2, 0)).toBe(20);
    expect(at(values, 29, 5)).toBe(295);
    expect(at(values, 2, 1)).toBeNull();
  });
});
