/**
 * Texts at Excel's 32,767-character limit: nothing the add-in plans or writes may pass it —
 * not a generated line that quotes them, not a message, not a formula joining text to them.
 */
import type { WorkbookGrids } from "../../src/core/grid";
import { analyse, planJobs, type Job } from "../../src/core/pipeline";
import type { WritePlan } from "../../src/core/plan";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsxFile, readXlsxPackage, writePlanToXlsxFile } from "../../src/hosts/xlsx";
import { withCellsTyped } from "../helpers/xlsx";
import { FakeExcelHost } from "../../src/hosts/fake-excel";
import { applyPlan as applyOffice, readWorkbookGrids } from "../../src/hosts/office";
import { MAX_CELL_CHARS, planProblems, SAMPLE, sampleGrids } from "./helpers";
import { LONG, LONG_KEYS, LONG_TEXT, overLimit, withLongTexts } from "./long-text";

const ALL_JOBS: Job[] = ["fill", "tree", "kertas-kerja", "report"];

function plan(wb: WorkbookGrids): WritePlan {
  const analysis = analyse(wb, DEFAULT_SETTINGS);
  return planJobs(wb, analysis, DEFAULT_SETTINGS, ALL_JOBS).plan;
}

/**
 * The longest text a planned formula can show when it joins literals and cell texts with "&":
 * the literals plus the referenced cells' texts (a MID(…,999) line pick shows at most 999).
 */
function joinedLength(formula: string, wb: WorkbookGrids): number {
  const literals = [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) =>
    (m[1] ?? "").replace(/""/g, '"')
  );
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')+'!/g, "S!");
  if (!bare.includes("&")) return 0;
  if (/\bMID\(/.test(bare)) return literals.join("").length + 999;
  let total = literals.join("").length;
  const seen = new Set<string>();
  for (const m of formula.matchAll(/'((?:[^']|'')+)'!\$?([A-Z]{1,3})\$?(\d+)/g)) {
    const key = m[0];
    if (seen.has(key)) continue;
    seen.add(key);
    const sheet = wb.sheets.find((s) => s.name === (m[1] ?? "").replace(/''/g, "'"));
    const col = [...(m[2] ?? "A")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const v = sheet?.values[Number(m[3]) - 1]?.[col];
    total += v === null || v === undefined ? 0 : String(v).length;
  }
  return total;
}

describe("cells at Excel's 32,767-character limit", () => {
  it("are planned with no text beyond the limit", async () => {
    expect(planProblems(plan(withLongTexts(await sampleGrids())))).toEqual([]);
  });

  it("never join a cell at the limit with more text in a formula", async () => {
    const wb = withLongTexts(await sampleGrids());
    const over = plan(wb).sheets.flatMap((sp) =>
      sp.cells
        .filter((c) => c.formula !== undefined && joinedLength(c.formula, wb) > MAX_CELL_CHARS)
        .map((c) => `${sp.sheet}!R${c.row}C${c.col}: ${c.formula}`)
    );
    expect(over).toEqual([]);
  });

  it("are written by the package writer with no cell beyond the limit", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-long-"));
    const input = path.join(dir, "panjang.xlsx");
    await withCellsTyped(
      SAMPLE,
      LONG_KEYS.map((k) => ({ ...LONG[k], value: LONG_TEXT[k] })),
      input
    );
    const { grids, pkg } = await readXlsxPackage(input);
    const out = path.join(dir, "panjang.hasil.xlsx");
    await writePlanToXlsxFile(pkg, plan(grids), "id", grids, out);
    expect(overLimit((await readXlsxFile(out)).sheets)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("are written by the Office host with no cell beyond the limit", async () => {
    const host = new FakeExcelHost(withLongTexts(await sampleGrids())).install();
    const grids = await readWorkbookGrids();
    await applyOffice(plan(grids), { grids });
    expect(overLimit(host.workbook.sheets)).toEqual([]);
  });
});
