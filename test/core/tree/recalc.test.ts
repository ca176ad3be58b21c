/**
 * The tree's formulas in a real spreadsheet: the sample with edge cases typed into its
 * "Target & Realisasi" sheet, the tree planned and applied with the package writer, recalculated by
 * LibreOffice headless. Every box must show its target and realisasi as typed, its capaian as
 * computed here by hand from the raw cells (polarity, target 0, blank or text values, a number
 * typed as text) and as the check computes it, and the band colours must reach capaian cells only.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { analyse } from "../../../src/core/pipeline";
import { planTree } from "../../../src/core/tree";
import { withDefaults } from "../../../src/core/settings";
import type { SheetPlan } from "../../../src/core/plan";
import { a1, parseCellRef } from "../../../src/core/address";
import { cellAt } from "../../../src/core/grid";
import { readXlsxPackage, writePlanToXlsxFile } from "../../../src/hosts/xlsx";
import { allIndicators } from "../../../src/core/model";
import { recalculateWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from "../../helpers/libreoffice";
import { withCellsTyped } from "../../helpers/xlsx";

// LibreOffice starts slowly on a busy machine: its timeout, not Jest's minute.
jest.setTimeout(LIBREOFFICE_TIMEOUT_MS);

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");
const TR = "Target & Realisasi";

/** Round half away from zero to 2 decimals, cutting binary noise first as spreadsheets do. */
function round2(x: number): number {
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  return (Math.sign(x) * Math.floor(scaled + 0.5)) / 100;
}

type Typed = number | string | null;
/** Target, realisasi, typed capaian (column F), polarity (column G) written on a sample row. */
interface Case {
  target: Typed;
  actual: Typed;
  typed: Typed;
  polarity: "naik" | "turun";
}

const CASES: Case[] = [
  { target: 10, actual: 8, typed: null, polarity: "naik" },
  { target: 7, actual: 6.5, typed: null, polarity: "turun" },
  { target: 8, actual: 9, typed: null, polarity: "turun" },
  { target: 0, actual: 5, typed: null, polarity: "naik" },
  { target: 0, actual: 0, typed: 55, polarity: "naik" },
  { target: null, actual: 5, typed: 77, polarity: "naik" },
  { target: null, actual: null, typed: null, polarity: "naik" },
  { target: "belum ada", actual: 5, typed: null, polarity: "naik" },
  { target: 8, actual: "-", typed: "tidak dihitung", polarity: "naik" },
  { target: "10", actual: 8, typed: null, polarity: "naik" },
  { target: 3, actual: 1, typed: null, polarity: "naik" },
  { target: 100, actual: 0, typed: null, polarity: "naik" },
];

/** A target or realisasi as the sheet reads it: a number, or digits typed as text. */
function readByHand(v: Typed): number | null {
  if (typeof v === "number") return v;
  return typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null;
}

/** What the tree must show as capaian: computed with the polarity, else "–" (a typed capaian is not the computed one). */
function expectedCapaian(c: Case): number | "–" {
  const t = readByHand(c.target);
  const r = readByHand(c.actual);
  if (t !== null && r !== null && t !== 0)
    return round2(c.polarity === "turun" ? ((2 * t - r) / t) * 100 : (r / t) * 100);
  return "–";
}

/**
 * The cached results of one sheet's cells, read from the file's XML: ExcelJS drops a formula's
 * result 0, which must not read as "" here. Keyed by A1 address; a formula giving "" reads "".
 */
async function cachedValues(file: string, sheet: string): Promise<Map<string, number | string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (name: string): Promise<string> =>
    (await zip.file(name)?.async("string")) ?? "";
  const decode = (s: string): string =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const book = await text("xl/workbook.xml");
  const rid = new RegExp(
    `<sheet [^>]*name="${sheet.replace(/&/g, "&amp;")}"[^>]*r:id="([^"]+)"`
  ).exec(book)?.[1];
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`no sheet ${sheet} in ${file}`);
  const xml = await text(`xl/${target.replace(/^\/?xl\//, "")}`);
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => decode([...(m[1] ?? "").matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(""))
  );
  const out = new Map<string, number | string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attrs, body] = m;
    if (!ref || body === undefined) continue;
    const type = /\bt="(\w+)"/.exec(attrs ?? "")?.[1] ?? "n";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1];
    if (type === "s") out.set(ref, shared[Number(v)] ?? "");
    else if (type === "str" || type === "inlineStr") out.set(ref, decode(v ?? inline ?? ""));
    else if (v !== undefined && v !== "") out.set(ref, Number(v));
    else if (body.includes("<f")) out.set(ref, "");
  }
  return out;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-tree-recalc-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the tree recalculated by LibreOffice", () => {
  it("shows target, realisasi and capaian as computed by hand, and colours capaian cells only", async () => {
    // The first indicator rows under the header (row 4: Kode, Indikator, Satuan, Target, …).
    const sample = await readXlsxPackage(SAMPLE);
    expect(
      cellAt(
        sample.grids.sheets.find((s) => s.name === TR)!,
        3,
        3
      )
    ).toBe("Target");
    const rows = CASES.map((_c, i) => 5 + i);
    const typedFile = path.join(dir, "diketik.xlsx");
    const typed = CASES.flatMap((c, i) =>
      [c.target, c.actual, c.typed, c.polarity].map((value, k) => ({
        sheet: TR,
        row: 4 + i,
        col: 3 + k,
        value,
      }))
    );
    await withCellsTyped(SAMPLE, typed, typedFile);
    const { grids, pkg } = await readXlsxPackage(typedFile);
    const settings = withDefaults({ lang: "id" });
    const { model, findings } = analyse(grids, settings, SAMPLE);
    const plan: SheetPlan = planTree(model, findings, grids, settings);
    const file = path.join(dir, "pohon.xlsx");
    await writePlanToXlsxFile(pkg, { sheets: [plan] }, "id", grids, file);
    const { output } = await recalculateWithLibreOffice(file, path.join(dir, "recalc"));
    const values = await cachedValues(output, plan.sheet);
    /** What a tree cell shows after recalculation ("" when empty). */
    const shown = (row: number, col: number): number | string => values.get(a1(row, col)) ?? "";

    // A box's target and realisasi cells name their source rows, which say which case they show;
    // its capaian is the formula that reads those two cells.
    const byFormula = (part: string) => plan.cells.find((x) => x.formula?.includes(part));
    /** A reference to `ref` and not to a longer one (D5, not D50). */
    const names = (f: string, ref: string) => new RegExp(`\\b${ref}(?!\\d)`).test(f);
    let checked = 0;
    rows.forEach((n, i) => {
      const c = CASES[i] as Case;
      const t = byFormula(`'Target & Realisasi'!D${n})`);
      const r = byFormula(`'Target & Realisasi'!E${n})`);
      if (!t || !r) return;
      const capCell = plan.cells.find(
        (x) =>
          x.formula?.startsWith("=IFERROR(ROUND(") &&
          names(x.formula, a1(t.row, t.col)) &&
          names(x.formula, a1(r.row, r.col))
      );
      checked++;
      const label = `case ${i} (row ${n})`;
      expect([label, shown(t.row, t.col)]).toEqual([label, c.target ?? ""]);
      expect([label, shown(r.row, r.col)]).toEqual([label, c.actual ?? ""]);
      const cap = capCell ? shown(capCell.row, capCell.col) : "no capaian cell";
      const want = expectedCapaian(c);
      if (want === "–") expect([label, cap]).toEqual([label, "–"]);
      else expect([label, cap]).toEqual([label, expect.closeTo(want, 9)]);
      // The box shows what the check computes (periksa --json's achievement).
      const ind = allIndicators(model).find(
        (x) => x.measure?.sheet === TR && x.measure.row === n - 1
      );
      expect([label, ind?.achievement ?? "–"]).toEqual([label, cap]);
      // Today's value is cached in the plan: a viewer that does not recalculate shows the same.
      expect([label, capCell?.value]).toEqual([label, cap]);
    });
    // Most sample rows are drawn (a row may belong to an indicator the tree does not show).
    expect(checked).toBeGreaterThanOrEqual(CASES.length - 2);

    // Every capaian cell lies in a band range, and the band ranges hold no other number.
    const capaianCells = new Set(
      plan.cells
        .filter(
          (c) => c.formula?.startsWith("=IFERROR(ROUND(") || c.formula?.startsWith("=IF(ISNUMBER(")
        )
        .map((c) => `${c.row},${c.col}`)
    );
    expect(capaianCells.size).toBeGreaterThan(30);
    const inBands = new Set<string>();
    for (const cf of plan.conditionalFormats) {
      for (let r = cf.range.top; r <= cf.range.bottom; r++) {
        for (let col = cf.range.left; col <= cf.range.right; col++) {
          const key = `${r},${col}`;
          inBands.add(key);
          if (typeof shown(r, col) === "number") expect(capaianCells).toContain(key);
        }
      }
    }
    for (const key of capaianCells) expect(inBands).toContain(key);

    // Names show their source cell's text (a formula ref&""), without a code typed after them
    // (TRIM(SUBSTITUTE(ref," (1.1)",""))).
    const sourceText = (sheet: string, ref: string): string => {
      const at = parseCellRef(ref);
      const grid = grids.sheets.find((g) => g.name === sheet);
      const v = grid && at ? cellAt(grid, at.row, at.col) : null;
      return v === null || v === undefined ? "" : String(v);
    };
    let nameCells = 0;
    for (const c of plan.cells) {
      const whole = /^='([^']+)'!([A-Z]+\d+)&""$/.exec(c.formula ?? "");
      const coded = /^=TRIM\(SUBSTITUTE\('([^']+)'!([A-Z]+\d+),"((?:[^"]|"")*)",""\)\)$/.exec(
        c.formula ?? ""
      );
      if (whole) expect(shown(c.row, c.col)).toBe(sourceText(whole[1] ?? "", whole[2] ?? "A1"));
      if (coded) {
        const text = sourceText(coded[1] ?? "", coded[2] ?? "A1")
          .split(coded[3] ?? "")
          .join("");
        expect(shown(c.row, c.col)).toBe(text.replace(/ +/g, " ").trim());
        expect(shown(c.row, c.col)).not.toMatch(/\((CSF ?)?\d+(\.\d+)*\)/);
      }
      if (whole || coded) nameCells++;
    }
    expect(nameCells).toBeGreaterThan(10);
    const ik = plan.cells.find((c) => c.formula?.includes(`"IK: "&`));
    expect(ik).toBeDefined();
    if (ik) expect(shown(ik.row, ik.col)).toEqual(expect.stringMatching(/^IK: \S/));
  });
});
