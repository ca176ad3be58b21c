/**
 * Fixes through the Office host, over the strict fake Excel: written with the values read
 * expected (a cell changed since is refused, nothing written), undone, and the record of the
 * last fixes kept in the document settings.
 */
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import {
  applyPlan,
  LAST_FIX_KEY,
  loadLastFix,
  readWorkbookGrids,
  saveLastFix,
} from "../../../src/hosts/office";
import {
  combineFixes,
  findingsToFix,
  planEdits,
  planFixes,
  planUndo,
} from "../../../src/core/fixes";
import type { WorkbookGrids } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { writtenWorkbook } from "../../core/fixes/workbook";

/** 1.2's child typed "3.1", and a realisasi typed "82,5". */
function book(): WorkbookGrids {
  return writtenWorkbook([
    {
      code: "1",
      name: "Meningkatnya Kualitas Tata Kelola",
      indicators: [{ name: "Nilai Tata Kelola Pemerintahan", actual: "82,5" }],
      children: [
        {
          code: "1.2",
          name: "Meningkatnya Kebijakan Kesejahteraan",
          indicators: [{ name: "Nilai Kebijakan Kesejahteraan" }],
          children: [
            {
              code: "3.1",
              name: "Terlaksananya Fasilitasi Bina Mental",
              indicators: [{ name: "Jumlah Dokumen Bina Mental" }],
            },
          ],
        },
      ],
    },
  ]);
}

async function plannedEdits() {
  const grids = await readWorkbookGrids();
  const { analysis, findings } = findingsToFix(grids, DEFAULT_SETTINGS);
  return combineFixes(planFixes(findings, analysis.model, grids)).edits;
}

const sheet = async (name: string) =>
  (await readWorkbookGrids()).sheets.find((s) => s.name === name);
/** The number format of one cell, as Excel gives it. */
async function formatOf(sheetName: string, address: string): Promise<unknown> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
    range.load("numberFormat");
    await context.sync();
    return range.numberFormat[0]?.[0];
  });
}

const values = async () => (await readWorkbookGrids()).sheets.map((s) => s.values);

describe("fixes through the Office host", () => {
  it("writes the fixes, numbers with their format, and undoes them", async () => {
    new FakeExcelHost(book()).install();
    const original = await values();
    const edits = await plannedEdits();
    expect(edits.map((e) => e.after)).toEqual([
      "Terlaksananya Fasilitasi Bina Mental (1.2.1)",
      "1.2.1. Terlaksananya Fasilitasi Bina Mental",
      "1.2.1",
      82.5,
    ]);
    await applyPlan(planEdits(edits));
    const measures = await sheet("Target & Realisasi");
    expect(measures?.values[3]?.[4]).toBe(82.5);
    expect(await formatOf("Target & Realisasi", "E4")).toBe("0.0");
    expect((await sheet("CSF"))?.values[13]?.[2]).toBe(
      "Terlaksananya Fasilitasi Bina Mental (1.2.1)"
    );

    await applyPlan(planUndo(edits));
    expect(await values()).toEqual(original);
    expect(await formatOf("Target & Realisasi", "E4")).toBe("General");
  });

  it("refuses the fixes when a cell changed since the check, writing nothing", async () => {
    new FakeExcelHost(book()).install();
    const edits = await plannedEdits();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("CSF").getRange("C14").values = [["Diketik ulang"]];
      await context.sync();
    });
    const before = await readWorkbookGrids();
    await expect(applyPlan(planEdits(edits))).rejects.toMatchObject({
      code: "changed",
      params: { cell: "'CSF'!C14" },
    });
    expect(await readWorkbookGrids()).toEqual(before);
  });

  it("keeps the record of the last fixes in the document settings until it is cleared", async () => {
    const host = new FakeExcelHost(book()).install();
    expect(loadLastFix()).toBeNull();
    const record = { edits: await plannedEdits(), descriptions: ["Kode 3.1 → 1.2.1 di 3 tempat"] };
    await saveLastFix(record);
    expect(host.savedSettings[LAST_FIX_KEY]).toEqual(record);
    expect(loadLastFix()).toEqual(record);
    await saveLastFix(null);
    expect(host.savedSettings[LAST_FIX_KEY]).toBeUndefined();
    expect(loadLastFix()).toBeNull();
  });
});
