/**
 * At ExcelApi 1.9 the Office.js host writes formats of one style together (RangeAreas), row
 * heights per size and stacked one-row merges as one merge(true); below 1.9 one range at a time
 * in plan order. The workbook must end up the same either way, cell by cell.
 */
import path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { FakeRange, type FakeOptions } from "../../../src/hosts/fake-excel/fake";
import { shapeFor, syntheticWorkbook } from "../../../bench/synthetic";
import { resolved } from "../../helpers/fake-sheet";
import { applyPlan, readWorkbookGrids } from "../../../src/hosts/office";
import { analyse, planJobs, type Job } from "../../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import {
  emptySheetPlan,
  markerText,
  type BorderLine,
  type CellStyle,
  type SheetPlan,
  type WritePlan,
} from "../../../src/core/plan";
import type { WorkbookGrids } from "../../../src/core/grid";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

/** Apply a plan on a fresh fake at `maxApi`; the written sheets, resolved, and the requests. */
async function applyAt(
  book: WorkbookGrids,
  plan: WritePlan,
  maxApi: string,
  opts: FakeOptions = {}
): Promise<{ sheets: Record<string, unknown>[]; requestBytes: number[] }> {
  const host = new FakeExcelHost(book, { ...opts, maxApi }).install();
  const grids = await readWorkbookGrids();
  host.resetStats();
  await applyPlan(plan, { grids });
  const sheets = plan.sheets.map((sp) => {
    const s = host.sheet(sp.sheet);
    if (!s) throw new Error(`${sp.sheet} not written`);
    return resolved(s);
  });
  return { sheets, requestBytes: host.stats.requestBytes };
}

/** A copy leaving out the indent (indentLevel), which ExcelApi 1.7 cannot write. */
function withoutIndent(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutIndent);
  if (x === null || typeof x !== "object") return x;
  return Object.fromEntries(
    Object.entries(x)
      .filter(([k]) => k !== "indentLevel")
      .map(([k, v]) => [k, withoutIndent(v)])
  );
}

async function expectSameAt17And19(book: WorkbookGrids, plan: WritePlan): Promise<void> {
  const old = await applyAt(book, plan, "1.7");
  const compact = await applyAt(book, plan, "1.9");
  // An indent (Format.indentLevel) can only be written from ExcelApi 1.9: compare without it, and
  // check on its own that 1.9 wrote every indent the plan asks for.
  expect(withoutIndent(compact.sheets)).toEqual(old.sheets);
  const indents = plan.sheets.flatMap((sp) =>
    sp.formats.filter((f) => f.style.indent !== undefined).map((f) => [sp.sheet, f] as const)
  );
  const text = JSON.stringify(compact.sheets);
  if (indents.length > 0) expect(text).toContain('"indentLevel"');
  // Print setup (ExcelApi 1.9, skipped at 1.7) goes in a request of its own.
  const print = plan.sheets.some((sp) => sp.print) ? 1 : 0;
  expect(compact.requestBytes.length - print).toBeLessThanOrEqual(old.requestBytes.length);
}

const userBook: WorkbookGrids = { sheets: [{ name: "CSF", values: [["Kode"]] }] };

function newPlan(): SheetPlan {
  const sp = emptySheetPlan("Pohon Kinerja", "create", "pohon");
  sp.cells.push({ row: 0, col: 0, value: markerText("pohon", "id") });
  return sp;
}

/** A small deterministic generator (mulberry32), so failures can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("compact writes at ExcelApi 1.9 leave the workbook as range-by-range writes do", () => {
  let sample: WorkbookGrids;
  beforeAll(async () => {
    sample = await readXlsxFile(SAMPLE);
  });

  it.each<Job>(["tree", "kertas-kerja", "fill"])("on the sample's %s", async (job) => {
    const analysis = analyse(sample, DEFAULT_SETTINGS);
    const { plan } = planJobs(sample, analysis, DEFAULT_SETTINGS, [job]);
    expect(plan.sheets.length).toBeGreaterThan(0);
    await expectSameAt17And19(sample, plan);
  });

  it("on a synthetic tree, whose boxes alike are copied rather than written", async () => {
    const book = syntheticWorkbook(shapeFor(300));
    const analysis = analyse(book, DEFAULT_SETTINGS);
    const { plan } = planJobs(book, analysis, DEFAULT_SETTINGS, ["tree"]);
    const boxes = plan.sheets[0]?.blocks?.length ?? 0;
    expect(boxes).toBeGreaterThan(100);
    const copy = jest.spyOn(FakeRange.prototype, "copyFrom");
    try {
      await expectSameAt17And19(book, plan);
      // At 1.9 (the second apply) most boxes come from copies of a few written in full.
      expect(copy.mock.calls.length).toBeGreaterThan(boxes / 2);
      expect(copy.mock.calls.length).toBeLessThan(boxes);
    } finally {
      copy.mockRestore();
    }
  });

  it("on a synthetic tree in an Excel whose copies would lose their merged areas", async () => {
    const book = syntheticWorkbook(shapeFor(300));
    const analysis = analyse(book, DEFAULT_SETTINGS);
    const { plan } = planJobs(book, analysis, DEFAULT_SETTINGS, ["tree"]);
    const old = await applyAt(book, plan, "1.7");
    const copied = await applyAt(book, plan, "1.13");
    const repaired = await applyAt(book, plan, "1.13", { copiedFormats: "no-merges" });
    // The merged areas read back in the last request are not the template's: the copied boxes
    // are written out in full afterwards, and the sheet ends up the same.
    expect(repaired.sheets).toEqual(old.sheets);
    expect(repaired.requestBytes.length).toBeGreaterThan(copied.requestBytes.length);
    expect(copied.sheets).toEqual(old.sheets);
  });

  it("with connectors drawn cell by cell next to boxes whose borders share their lines", async () => {
    const sp = newPlan();
    const grey: BorderLine = { style: "thin", color: "#7F7F7F" };
    const black: BorderLine = { style: "medium" };
    const box: CellStyle = {
      fill: "#DDEBF7",
      border: { top: black, bottom: black, left: black, right: black },
    };
    const header: CellStyle = { bold: true, fill: "#1F3864", fontColor: "#FFFFFF" };
    const down: CellStyle = { border: { left: grey } };
    const across: CellStyle = { border: { bottom: grey } };
    for (let b = 0; b < 12; b++) {
      const top = 2 + (b % 4) * 8;
      const left = 1 + Math.floor(b / 4) * 8;
      sp.formats.push({ range: { top, left, bottom: top + 4, right: left + 5 }, style: box });
      sp.formats.push({ range: { top, left, bottom: top, right: left + 5 }, style: header });
      // A connector running into the box's edge: its line is the box's line there.
      for (let r = top + 5; r < top + 8; r++)
        sp.formats.push({
          range: { top: r, left: left + 2, bottom: r, right: left + 2 },
          style: down,
        });
      for (let c = left - 1; c <= left + 6; c++)
        sp.formats.push({
          range: { top: top + 4, left: c, bottom: top + 4, right: c },
          style: across,
        });
    }
    await expectSameAt17And19(userBook, { sheets: [sp] });
  });

  it("with stacked one-row merges, grouped row heights and column widths", async () => {
    const sp = newPlan();
    for (let r = 2; r < 40; r++) {
      if (r % 7 !== 0) sp.merges.push({ top: r, left: 1, bottom: r, right: 6 });
      sp.rowHeights.push({ row: r, height: r % 3 === 0 ? 30 : 15 });
    }
    sp.merges.push({ top: 2, left: 8, bottom: 5, right: 9 });
    sp.rowHeights.push({ row: 4, height: 45 }); // listed twice: the later height wins
    for (let c = 0; c < 10; c++) sp.columnWidths.push({ col: c, width: c % 2 === 0 ? 12 : 30 });
    await expectSameAt17And19(userBook, { sheets: [sp] });
  });

  it.each([1, 2, 3, 4, 5])(
    "with random overlapping formats in any order (seed %i)",
    async (seed) => {
      const next = random(seed);
      const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)] as T;
      const lines: BorderLine[] = [{ style: "thin" }, { style: "dashed", color: "#FF0000" }];
      const styles: CellStyle[] = [
        { fill: "#FFEB9C" },
        { fill: "#C6EFCE", bold: true },
        { border: { top: lines[0], left: lines[1] } },
        { border: { bottom: lines[1] }, italic: true },
        { innerBorder: lines[0], border: { right: lines[0] } },
        { hAlign: "center", wrap: true, numberFormat: "0.00" },
        { fill: "#FFEB9C", border: { top: lines[1], bottom: lines[1] } },
      ];
      const sp = newPlan();
      for (let i = 0; i < 400; i++) {
        const top = 1 + Math.floor(next() * 12);
        const left = Math.floor(next() * 8);
        const tall = next() < 0.6 ? 0 : Math.floor(next() * 3);
        const wide = next() < 0.6 ? 0 : Math.floor(next() * 3);
        sp.formats.push({
          range: { top, left, bottom: top + tall, right: left + wide },
          style: pick(styles),
        });
      }
      await expectSameAt17And19(userBook, { sheets: [sp] });
    }
  );
});

describe("request sizes", () => {
  it.each(["1.7", "1.9"])(
    "as the fake counts them stay within the host's budget on the sample's tree (ExcelApi %s)",
    async (maxApi) => {
      const sample = await readXlsxFile(SAMPLE);
      const analysis = analyse(sample, DEFAULT_SETTINGS);
      const { plan } = planJobs(sample, analysis, DEFAULT_SETTINGS, ["tree"]);
      const host = new FakeExcelHost(sample, { maxApi }).install();
      const grids = await readWorkbookGrids();
      host.resetStats();
      const budget = 300_000;
      const result = await applyPlan(plan, { grids, maxRequestBytes: budget });
      expect(result.chunks).toBeGreaterThan(1);
      expect(host.stats.requestBytes.length).toBe(result.chunks);
      for (const bytes of host.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(budget);
    }
  );
});
