/**
 * Excel desktop on Windows whose list separator is ";" (Indonesian Windows among them) refuses
 * getRanges addresses joined with "," (OfficeDev/office-js#1167, #1985). Every pane action must
 * write the same workbook there as where "," is the separator, and a write Excel refuses part way
 * must not leave a half-made sheet.
 */
import path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { FakeExcelHost, type FakeOptions } from "../../../src/hosts/fake-excel";
import { applyPlan, HostError, officeHost, readWorkbookGrids } from "../../../src/hosts/office";
import { analyse, planJobs, type Job } from "../../../src/core/pipeline";
import { addBlankKertasKerja, runAction, type ActionId } from "../../../src/core/actions";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import type { WorkbookGrids } from "../../../src/core/grid";
import { resolved } from "../../helpers/fake-sheet";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");
const ACTIONS: ActionId[] = ["periksa", "fill", "tree", "kertas-kerja", "report"];

let sample: WorkbookGrids;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
});

/** Every action in turn in one session; the workbook as Excel would show it and the syncs. */
async function session(opts: FakeOptions) {
  const host = new FakeExcelHost(sample, opts).install();
  const syncs: number[] = [];
  for (const action of ACTIONS) {
    host.resetStats();
    await runAction(action, officeHost, DEFAULT_SETTINGS);
    syncs.push(host.stats.syncs);
  }
  return { sheets: host.workbook.sheets.map(resolved), syncs };
}

describe("the list separator", () => {
  let comma: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    comma = await session({ listSeparator: "," });
  });

  it("every action writes the same workbook with ';' as with ',', in as many round trips", async () => {
    const semicolon = await session({ listSeparator: ";" });
    expect(semicolon.sheets).toEqual(comma.sheets);
    // Excel's decimal comma makes ";" the first guess, so the probe rides on the first write.
    expect(semicolon.syncs).toEqual(comma.syncs);
  });

  it("a wrong first guess costs one refused request, once per session", async () => {
    const guessedWrong = await session({ listSeparator: ";", decimalSeparator: "." });
    expect(guessedWrong.sheets).toEqual(comma.sheets);
    const extra = guessedWrong.syncs.map((n, i) => n - (comma.syncs[i] ?? 0));
    // The first action that writes formats through getRanges (the tree) pays it; no other does.
    expect(extra).toEqual([0, 0, 1, 0, 0]);
  });

  it("below ExcelApi 1.9 no areas are joined, so nothing is probed", async () => {
    const host = new FakeExcelHost(sample, { listSeparator: ";", maxApi: "1.8" }).install();
    await runAction("tree", officeHost, DEFAULT_SETTINGS);
    expect(host.workbook.sheets.some((s) => s.name === "Pohon Kinerja")).toBe(true);
  });

  it("the new empty sheets are added in both modes", async () => {
    for (const listSeparator of [",", ";"] as const) {
      const host = new FakeExcelHost(
        { sheets: [{ name: "Sheet1", values: [] }] },
        {
          listSeparator,
        }
      ).install();
      await addBlankKertasKerja(officeHost, "id");
      expect(host.workbook.sheets.map((s) => s.name)).toEqual([
        "Sheet1",
        "CSF",
        "Uraian Kondisi",
        "Target & Realisasi",
      ]);
    }
  });
});

/**
 * An action whose writes Excel refuses above `limit` bytes a request: the host splits its
 * requests down to single steps, and the first step still too large fails the write after
 * others were done.
 */
async function refusedAbove(limit: number, job: Job) {
  const host = new FakeExcelHost(sample).install();
  const grids = await readWorkbookGrids();
  const before = JSON.stringify(host.grids());
  const { plan } = planJobs(grids, analyse(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS, [job]);
  host.requestLimitBytes = limit;
  host.resetStats();
  const err: unknown = await applyPlan(plan, { grids }).catch((e: unknown) => e);
  // Requests Excel took: some writes, then the undo's two (what to remove, then removing it).
  const taken = host.stats.requestBytes.filter((b) => b <= limit).length;
  return { host, before, err, writes: taken - 2 };
}

describe("a write Excel refuses part way", () => {
  it("removes the sheet it was making and says so", async () => {
    const { host, before, err, writes } = await refusedAbove(20_000, "kertas-kerja");
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("writeRemoved");
    expect((err as HostError).userMessage("id")).toContain('Lembar "Kertas Kerja"');
    expect(writes).toBeGreaterThan(0);
    expect(JSON.stringify(host.grids())).toBe(before);
  });

  it("gives the cells of the user's sheet back what they held", async () => {
    const host = new FakeExcelHost(sample).install();
    // A band rule of the add-in's on the sheet when it is read, gone (deleted by the user) by
    // the time the fill, having written its cells, removes it: Excel fails the request there.
    const target = host.sheet("Target & Realisasi");
    if (!target) throw new Error("no Target & Realisasi");
    const rule = { range: { top: 5, left: 5, bottom: 9, right: 5 }, type: "Custom" };
    target.conditionalFormats.push({ ...rule, formula: "=AND(ISNUMBER(F6),F6>=91)" });
    const grids = await readWorkbookGrids();
    const before = JSON.stringify(host.grids());
    target.conditionalFormats = [];
    const { plan } = planJobs(grids, analyse(grids, DEFAULT_SETTINGS), DEFAULT_SETTINGS, ["fill"]);
    const err: unknown = await applyPlan(plan, { grids }).catch((e: unknown) => e);
    expect((err as HostError).code).toBe("writeRestored");
    expect((err as HostError).userMessage("en")).toContain("Target & Realisasi");
    expect(JSON.stringify(host.grids())).toBe(before);
  });
});
