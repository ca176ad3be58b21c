import { drawTree, layoutPohon, planTree, printableSize } from "../../../src/core/tree";
import { COL_POINTS } from "../../../src/core/tree/content";
import { WIDE_RENDERER } from "../../../src/core/text-fit";
import { a1 } from "../../../src/core/address";
import {
  withDefaults,
  DEFAULT_BANDS,
  DEFAULT_SETTINGS,
  type Settings,
} from "../../../src/core/settings";
import { analyse } from "../../../src/core/pipeline";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { SAMPLE } from "../../cli/run";
import { shapeFor, syntheticWorkbook } from "../../../bench/synthetic";
import { markerText, markerTag, type PlanCell, type SheetPlan } from "../../../src/core/plan";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/grid";
import type { CsfModel } from "../../../src/core/model";
import type { Finding } from "../../../src/core/findings";
import { emptyModel, indicator, measuredIndicator, node } from "../../helpers/model-builder";

const settings: Settings = withDefaults({ lang: "id" });

/** A sheet with the given cells (0-based), the rest empty. */
function sheet(name: string, cells: [number, number, CellValue][]): SheetGrid {
  const values: CellValue[][] = [];
  for (const [r, c, v] of cells) {
    while (values.length <= r) values.push([]);
    const row = values[r] as CellValue[];
    while (row.length <= c) row.push(null);
    row[c] = v;
  }
  return { name, values };
}

/**
 * Outcome on CSF!A6; CSF 1 on CSF!C10; antara 1.1 and 1.2 sharing CSF!C12 (one per line);
 * 1.1.1 on CSF!C14; an indicator of 1.1.1 measured on 'Target & Realisasi' row 6.
 */
function smallCase(): { model: CsfModel; wb: WorkbookGrids } {
  const wb: WorkbookGrids = {
    sheets: [
      sheet("CSF", [
        [5, 0, "Meningkatnya Kualitas Pelayanan Publik"],
        [9, 2, "Meningkatnya Tata Kelola (CSF 1)"],
        [
          11,
          2,
          "Meningkatnya Kualitas Pemerintahan (CSF1.1)\n  Meningkatnya  Kebijakan Kesra (CSF 1.2)",
        ],
        [13, 2, "Terlaksananya Penataan Administrasi (1.1.1)"],
      ]),
      sheet("Uraian Kondisi", [[30, 0, "Jumlah Dokumen Penataan"]]),
      sheet("Target & Realisasi", [
        [5, 3, 10],
        [5, 4, 8],
      ]),
    ],
  };
  const ind = measuredIndicator(
    5,
    { target: 10, actual: 8 },
    {
      name: "Jumlah Dokumen Penataan",
      textCells: { name: { sheet: "Uraian Kondisi", row: 30, col: 0 } },
    }
  );
  const model = emptyModel({
    nodes: [
      node({
        code: "1",
        name: "Meningkatnya Tata Kelola",
        source: { sheet: "CSF", row: 9, col: 2 },
      }),
      node({
        code: "1.1",
        name: "Meningkatnya Kualitas Pemerintahan",
        source: { sheet: "CSF", row: 11, col: 2 },
      }),
      node({
        code: "1.2",
        name: "Meningkatnya Kebijakan Kesra",
        source: { sheet: "CSF", row: 11, col: 2 },
      }),
      node({
        code: "1.1.1",
        name: "Terlaksananya Penataan Administrasi",
        source: { sheet: "CSF", row: 13, col: 2 },
        indicators: [ind],
      }),
    ],
  });
  return { model, wb };
}

/** The formula or value written at (row, col). */
function at(
  plan: SheetPlan,
  row: number,
  col: number
): { value?: CellValue; formula?: string } | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}

/** The top-left cell of the box whose code link shows `code`, and the box's right column. */
function boxOf(plan: SheetPlan, code: string): { row: number; col: number; right: number } {
  const h = plan.hyperlinks.find((x) => x.text === code);
  if (!h) throw new Error(`no box for ${code}`);
  const block = plan.blocks?.find((b) => b.top === h.row && b.left === h.col);
  return { row: h.row, col: h.col, right: block?.right ?? h.col };
}

/**
 * A box's cells in its left column, top to bottom: code, name, then "IK" name and target per
 * indicator. `values(k)` gives the k-th indicator's target, realisasi and capaian cells.
 */
function boxColumn(plan: SheetPlan, code: string) {
  const b = boxOf(plan, code);
  const nextTop = Math.min(
    ...plan.hyperlinks.filter((h) => h.col === b.col && h.row > b.row).map((h) => h.row),
    Infinity
  );
  const col = plan.cells
    .filter((c) => c.col === b.col && c.row >= b.row && c.row < nextTop)
    .sort((x, y) => x.row - y.row);
  const values = (k: number) => {
    const row = col[3 + 2 * k]?.row;
    return plan.cells
      .filter((c) => c.row === row && c.col >= b.col && c.col <= b.right)
      .sort((x, y) => x.col - y.col);
  };
  return { name: col[1], indicatorName: (k: number) => col[2 + 2 * k], values };
}

/** What Excel's TRIM(MID(SUBSTITUTE(text,CHAR(10),REPT(" ",999)),start,999)) gives. */
function evalLinePick(formula: string, text: string): string {
  const m = /MID\(SUBSTITUTE\([^,]+,CHAR\(10\),REPT\(" ",999\)\),(\d+),999\)/.exec(formula);
  if (!m) throw new Error(`not a line pick: ${formula}`);
  const start = Number(m[1]);
  const spread = text.split("\n").join(" ".repeat(999));
  return spread
    .substr(start - 1, 999)
    .trim()
    .replace(/ +/g, " ");
}

describe("planTree", () => {
  it("makes a new sheet 'Pohon Kinerja' marked as the add-in's own in A1", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    expect(plan.sheet).toBe("Pohon Kinerja");
    expect(plan.mode).toBe("create");
    expect(plan.kind).toBe("pohon");
    expect(at(plan, 0, 0)?.value).toBe(markerText("pohon", "id"));
  });

  it("never takes the name of a user's own sheet 'Pohon Kinerja', but replaces its own", () => {
    const { model, wb } = smallCase();
    const users = { sheets: [...wb.sheets, sheet("Pohon Kinerja", [[0, 0, "pohon saya"]])] };
    expect(planTree(model, [], users, settings).sheet).toBe("Pohon Kinerja (2)");
    const own = { sheets: [...wb.sheets, sheet("Pohon Kinerja", [[0, 0, markerTag("pohon")]])] };
    expect(planTree(model, [], own, settings).sheet).toBe("Pohon Kinerja");
  });

  it("writes each name as a formula showing its source cell as text, without a typed code", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    // ref&"" shows "" for a blank cell (test/core/tree/recalc.test.ts checks the results).
    expect(boxColumn(plan, "OUTCOME").name?.formula).toBe(`='CSF'!A6&""`);
    // The box's header shows the code: the "(CSF 1)" typed after the name is left out.
    expect(boxColumn(plan, "CSF 1").name).toMatchObject({
      formula: `=TRIM(SUBSTITUTE('CSF'!C10," (CSF 1)",""))`,
      value: "Meningkatnya Tata Kelola",
    });
  });

  it("writes every formula with the value it shows today, for viewers that do not recalculate", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(5);
    for (const c of formulas) expect(c.value).not.toBeUndefined();
    expect(boxColumn(plan, "1.1").name?.value).toBe("Meningkatnya Kualitas Pemerintahan");
    expect(boxColumn(plan, "1.1.1").indicatorName(0)?.value).toBe("IK: Jumlah Dokumen Penataan");
    // Target 10, realisasi 8: the capaian cached is 80.
    expect(
      boxColumn(plan, "1.1.1")
        .values(0)
        .map((c) => c.value)
    ).toEqual([10, 8, 80]);
  });

  it("takes a condition's own line from a cell that lists several conditions", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    const text = wb.sheets[0]?.values[11]?.[2] as string;
    const f11 = boxColumn(plan, "1.1").name?.formula as string;
    const f12 = boxColumn(plan, "1.2").name?.formula as string;
    expect(f11).toContain("'CSF'!C12");
    expect(evalLinePick(f11, text)).toBe("Meningkatnya Kualitas Pemerintahan (CSF1.1)");
    expect(evalLinePick(f12, text)).toBe("Meningkatnya Kebijakan Kesra (CSF 1.2)");
    // Each line's typed code is taken out of the picked line.
    expect(f11).toMatch(/^=TRIM\(SUBSTITUTE\(TRIM\(MID\(.*\)\)," \(CSF1\.1\)",""\)\)$/);
  });

  it("writes the text itself when the line cannot be told apart", () => {
    const { model, wb } = smallCase();
    // Both lines now contain the name of 1.2: the position is ambiguous.
    (wb.sheets[0]?.values[11] as CellValue[])[2] =
      "Meningkatnya Kebijakan Kesra A\nMeningkatnya Kebijakan Kesra B";
    const plan = planTree(model, [], wb, settings);
    const cell = boxColumn(plan, "1.2").name;
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe("Meningkatnya Kebijakan Kesra");
  });

  it("links indicator name, target, realisasi and capaian to their cells", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    expect(boxColumn(plan, "1.1.1").indicatorName(0)?.formula).toBe(
      `=IF(ISBLANK('Uraian Kondisi'!A31),"","IK: "&'Uraian Kondisi'!A31)`
    );
    const values = boxColumn(plan, "1.1.1").values(0);
    const formulas = values.map((c) => c.formula ?? "");
    expect(formulas[0]).toBe(`=IF(ISBLANK('Target & Realisasi'!D6),"",'Target & Realisasi'!D6)`);
    expect(formulas[1]).toBe(`=IF(ISBLANK('Target & Realisasi'!E6),"",'Target & Realisasi'!E6)`);
    // The capaian divides the box's own realisasi cell by its target cell (which show the
    // source cells as they are): the capaian module's formula, "–" when there is none.
    const [t, r] = values.map((c) => a1(c.row, c.col));
    expect(formulas[2]).toBe(
      `=IFERROR(ROUND((${r}/${t}*100)/(ISNUMBER(${t})*ISNUMBER(${r})),2),"–")`
    );
  });

  it("computes a lower-is-better capaian with 2 × target − realisasi (as 200 − R/T × 100)", () => {
    const { model, wb } = smallCase();
    const ind = model.nodes[3]?.indicators[0];
    if (ind) ind.polarity = "lower";
    const plan = planTree(model, [], wb, settings);
    const values = boxColumn(plan, "1.1.1").values(0);
    const [t, r] = values.map((c) => a1(c.row, c.col));
    expect(values[2]?.formula).toContain(`ROUND((200-${r}/${t}*100)/`);
  });

  it("colours every capaian cell by the settings' bands", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    expect(plan.conditionalFormats).toHaveLength(1);
    const bands = plan.conditionalFormats[0]?.bands ?? [];
    expect(bands.map((x) => x.fill)).toEqual(DEFAULT_BANDS.map((x) => x.fill));
    expect(bands[0]).toMatchObject({ min: 91 });
    expect(bands[1]).toMatchObject({ min: 76, max: 91 });
    expect(bands[4]).toMatchObject({ max: 51 });
    expect(bands[4]?.min).toBeUndefined();
  });

  it("links each box's code to its source cell", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    const targets = Object.fromEntries(plan.hyperlinks.map((h) => [h.text, h.target]));
    expect(targets).toEqual({
      OUTCOME: "'CSF'!A6",
      "CSF 1": "'CSF'!C10",
      "1.1": "'CSF'!C12",
      "1.2": "'CSF'!C12",
      "1.1.1": "'CSF'!C14",
    });
  });

  it("draws a legend of levels and bands", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    const texts = plan.cells.map((c) => c.value);
    for (const label of [
      "Legenda",
      "CSF",
      "Kondisi Antara",
      "Kondisi Operasional",
      "Sangat tinggi",
      "Sangat rendah",
      "≥ 91",
      "< 51",
    ]) {
      expect(texts).toContain(label);
    }
  });

  it("prints a small tree on one page of the settings' paper, the marker and instructions left off", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, withDefaults({ paper: "A4", orientation: "portrait" }));
    expect(plan.print).toMatchObject({
      paper: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 1,
    });
    const area = plan.print?.area;
    const maxRow = Math.max(...plan.cells.map((c) => c.row));
    const maxCol = Math.max(...plan.merges.map((m) => m.right));
    // Rows 0 and 1 (the marker, "klik kode kotak …") are above the print area.
    expect(area?.top).toBe(2);
    expect(at(plan, 1, 0)?.value).toMatch(/Klik kode kotak/);
    const printed = plan.cells.filter((c) => c.row >= 2).map((c) => String(c.value ?? ""));
    expect(printed.filter((v) => /pokin-csf|jangan mengetik|Klik kode/i.test(v))).toEqual([]);
    expect(area?.bottom).toBeGreaterThanOrEqual(maxRow);
    expect(area?.right).toBeGreaterThanOrEqual(maxCol);
    expect(plan.print?.rowBreaks).toBeUndefined();
    expect(plan.gridlines).toBe(false);
  });

  it("titles the tree with the organisation and the year, from the settings or the workbook", () => {
    const { model, wb } = smallCase();
    const title = (p: SheetPlan) =>
      plan0(p).find((v) => typeof v === "string" && v.startsWith("POHON KINERJA"));
    const plan0 = (p: SheetPlan) => p.cells.map((c) => c.value);
    const fromSettings = planTree(
      model,
      [],
      wb,
      withDefaults({ organisation: "Setda", year: 2025 })
    );
    expect(title(fromSettings)).toBe("POHON KINERJA\nSETDA TAHUN 2025");
    const typed = {
      sheets: [...wb.sheets, sheet("Target", [[0, 0, "Target dan Realisasi Tahun 2024"]])],
    };
    expect(title(planTree(model, [], typed, settings))).toBe("POHON KINERJA\nTAHUN 2024");
  });

  it("breaks a tall tree into pages only between boxes", () => {
    const kids = Array.from({ length: 40 }, (_, i) =>
      node({
        code: `1.1.${i + 1}`,
        name: `Terlaksananya Kegiatan Nomor ${i + 1} yang cukup panjang namanya`,
        indicators: [indicator()],
      })
    );
    const model = emptyModel({ nodes: [node({ code: "1" }), node({ code: "1.1" }), ...kids] });
    const plan = planTree(
      model,
      [],
      { sheets: [] },
      withDefaults({ paper: "A4", orientation: "portrait" })
    );
    const breaks = plan.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(1);
    // No box is cut by a break: a box is the outlined range whose top-left holds a code link.
    const links = new Set(plan.hyperlinks.map((h) => `${h.row},${h.col}`));
    const boxes = plan.formats.filter(
      (x) =>
        x.style.border?.top && x.style.border.left && links.has(`${x.range.top},${x.range.left}`)
    );
    expect(boxes.length).toBe(plan.hyperlinks.length);
    for (const r of breaks) {
      for (const b of boxes) expect(b.range.top < r && r <= b.range.bottom).toBe(false);
    }
  });

  it("continues a stack that runs off a page under its parent repeated, saying so", () => {
    const kids = Array.from({ length: 40 }, (_, i) =>
      node({
        code: `1.1.${i + 1}`,
        name: `Terlaksananya Kegiatan ${i + 1}`,
        indicators: [indicator()],
      })
    );
    const model = emptyModel({ nodes: [node({ code: "1" }), node({ code: "1.1" }), ...kids] });
    const plan = planTree(
      model,
      [],
      { sheets: [] },
      withDefaults({ paper: "A4", orientation: "portrait" })
    );
    const breaks = plan.print?.rowBreaks ?? [];
    const continued = plan.hyperlinks.filter((h) => h.text === "lanjutan dari 1.1");
    // Every page after the first opens with the repeated 1.1, named as its original is.
    expect(continued.map((h) => h.row)).toEqual(breaks);
    const names = plan.cells.filter((c) => c.value === "Meningkatnya Kondisi 1.1");
    expect(names).toHaveLength(1 + breaks.length);
  });

  it("prints clean for presenting: no red outlines, no error counts, no note about them", () => {
    const { model, wb } = smallCase();
    const error: Finding = {
      rule: "duplicate-code",
      severity: "error",
      sheet: null,
      cell: null,
      code: "1.2",
      message: "x",
      params: {},
    };
    const texts = (p: SheetPlan) => p.cells.map((c) => String(c.value ?? ""));
    const red = (p: SheetPlan) =>
      p.formats.filter((f) => f.style.border?.left?.color === "#C00000");
    const checking = planTree(model, [error], wb, settings);
    expect(texts(checking).some((v) => v.startsWith("⚠"))).toBe(true);
    expect(red(checking).length).toBeGreaterThan(0);
    const clean = planTree(model, [error], wb, withDefaults({ cleanPrint: true }));
    expect(texts(clean).filter((v) => v.includes("⚠"))).toEqual([]);
    expect(red(clean)).toEqual([]);
  });

  it("shows a realisasi typed as words in full, on a line of its own", () => {
    const { model, wb } = smallCase();
    (wb.sheets[2]?.values[5] as CellValue[])[4] = "belum ada data";
    // Ten antara side by side: boxes as narrow as they get.
    for (let i = 3; i <= 12; i++) model.nodes.push(node({ code: `1.${i}` }));
    const plan = planTree(model, [], wb, settings);
    const laidOut = layoutPohon(model, [], wb, settings);
    const parts = laidOut.parts.get("1.1.1")?.map((p) => p.role);
    expect(parts).toEqual(["code", "name", "indicator", "target", "actual"]);
    const realisasi = plan.cells.find((c) => c.value === "belum ada data");
    expect(realisasi?.formula).toContain("'Target & Realisasi'!E6");
    // Its merged area is as wide as the box less the capaian.
    const area = plan.merges.find((m) => m.top === realisasi?.row && m.left === realisasi?.col);
    const box = boxOf(plan, "1.1.1");
    expect((area?.right ?? 0) - (area?.left ?? 0) + 1).toBe(box.right - box.col + 1 - 4);
  });

  it("shows an indicator's responsible unit on a line of its own under its name", () => {
    const { model, wb } = smallCase();
    const ind = model.nodes.find((n) => n.code === "1.1.1")?.indicators[0];
    if (!ind) throw new Error("fixture");
    ind.responsible = "Bagian Pemerintahan";
    const laidOut = layoutPohon(model, [], wb, settings);
    const roles = laidOut.parts.get("1.1.1")?.map((p) => p.role);
    expect(roles).toEqual(["code", "name", "indicator", "responsible", "values"]);
    const plan = planTree(model, [], wb, settings);
    const line = plan.cells.find((c) => c.value === "PJ: Bagian Pemerintahan");
    const box = boxOf(plan, "1.1.1");
    expect(line?.col).toBe(box.col);
    // Merged over the box's width, like the indicator's name.
    const area = plan.merges.find((m) => m.top === line?.row && m.left === line?.col);
    expect(area?.right).toBe(box.right);
    const en = planTree(model, [], wb, withDefaults({ lang: "en" }));
    expect(en.cells.some((c) => c.value === "Resp.: Bagian Pemerintahan")).toBe(true);
  });

  it("links the responsible unit's line to the cell it was typed in, its text cached", () => {
    const { model, wb } = smallCase();
    const ind = model.nodes.find((n) => n.code === "1.1.1")?.indicators[0];
    const measures = wb.sheets[2]?.values[5];
    if (!ind || !measures) throw new Error("fixture");
    measures[6] = "Bagian Pemerintahan";
    ind.responsible = "Bagian Pemerintahan";
    ind.textCells.responsible = { sheet: "Target & Realisasi", row: 5, col: 6 };
    const line = planTree(model, [], wb, settings).cells.find((c) =>
      String(c.value).startsWith("PJ: ")
    );
    expect(line?.value).toBe("PJ: Bagian Pemerintahan");
    expect(line?.formula).toBe(
      `=IF(ISBLANK('Target & Realisasi'!G6),"","PJ: "&'Target & Realisasi'!G6)`
    );
  });

  it("explains the responsible unit's prefix in the legend only when a box shows one", () => {
    const { model, wb } = smallCase();
    const legendLine = (lang: "id" | "en") =>
      planTree(model, [], wb, withDefaults({ lang })).cells.filter((c) =>
        /^(PJ|Resp\.) = /.test(String(c.value))
      );
    expect(legendLine("id")).toEqual([]);
    const ind = model.nodes.find((n) => n.code === "1.1.1")?.indicators[0];
    if (!ind) throw new Error("fixture");
    ind.responsible = "Bagian Pemerintahan";
    expect(legendLine("id").map((c) => c.value)).toEqual([
      "PJ = penanggung jawab indikator (unit kerja)",
    ]);
    expect(legendLine("en")).toHaveLength(1);
  });

  it("wraps a long responsible unit in a narrow box over as many lines as it takes", () => {
    const { model, wb } = smallCase();
    const ind = model.nodes.find((n) => n.code === "1.1.1")?.indicators[0];
    if (!ind) throw new Error("fixture");
    // Ten antara side by side: boxes as narrow as they get.
    for (let i = 3; i <= 12; i++) model.nodes.push(node({ code: `1.${i}` }));
    const parts = (unit: string) => {
      ind.responsible = unit;
      const laidOut = layoutPohon(model, [], wb, settings);
      const box = laidOut.layout.boxes.find((b) => b.id === "1.1.1");
      const own = laidOut.parts.get("1.1.1") ?? [];
      const k = own.findIndex((p) => p.role === "responsible");
      return { part: own[k], box, k };
    };
    const short = parts("Bagian Umum");
    const long = parts("Bagian Perencanaan dan Keuangan Sekretariat Daerah Kabupaten Luwu Timur");
    expect(long.part?.height ?? 0).toBeGreaterThanOrEqual(3 * (short.part?.height ?? 0));
    // The box gives the line the rows it measured: more than one, nothing cut off.
    expect(long.box?.partEnds[long.k] ?? 0).toBeGreaterThan(long.box?.partTops[long.k] ?? 0);
    expect(short.box?.partEnds[short.k]).toBe(short.box?.partTops[short.k]);
  });

  it("draws a box without a responsible unit as before", () => {
    const { model, wb } = smallCase();
    const before = planTree(model, [], wb, settings);
    const ind = model.nodes.find((n) => n.code === "1.1.1")?.indicators[0];
    if (!ind) throw new Error("fixture");
    for (const none of [null, "", "  "]) {
      ind.responsible = none;
      expect(planTree(model, [], wb, settings)).toEqual(before);
    }
    ind.responsible = "Bagian Umum";
    expect(planTree(model, [], wb, settings)).not.toEqual(before);
  });

  it("draws a tree of any depth: every level between the CSF and the leaves side by side", () => {
    const codes = ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "1.1.2", "1.1.2.1", "1.2", "1.2.1"];
    const model = emptyModel({ nodes: codes.map((code) => node({ code })) });
    const plan = planTree(model, [], { sheets: [] }, settings);
    const laidOut = layoutPohon(model, [], { sheets: [] }, settings);
    const kind = (id: string) => laidOut.layout.boxes.find((b) => b.id === id)?.kind;
    expect(codes.map(kind)).toEqual([
      "tier",
      "tier",
      "tier",
      "stacked",
      "stacked",
      "tier",
      "stacked",
      "tier",
      "stacked",
    ]);
    for (const code of codes)
      expect(plan.hyperlinks.some((h) => h.text === (code === "1" ? "CSF 1" : code))).toBe(true);
  });

  it("marks a condition with errors with a red count, and not one with warnings only", () => {
    const { model, wb } = smallCase();
    const f = (
      severity: Finding["severity"],
      code: string | null,
      cell: string | null = null
    ): Finding => ({
      rule: "name-mismatch",
      severity,
      sheet: null,
      cell,
      code,
      message: "x",
      params: {},
    });
    const findings = [f("error", "CSF 1.2"), f("error", null, "'CSF'!C12"), f("warning", "1.1.1")];
    const plan = planTree(model, findings, wb, settings);
    // The marker sits in the code row of the box, within its six columns.
    const markerOf = (code: string): CellValue | undefined => {
      const b = boxOf(plan, code);
      return plan.cells.find(
        (c) =>
          c.row === b.row &&
          c.col > b.col &&
          c.col <= b.right &&
          typeof c.value === "string" &&
          c.value.startsWith("⚠")
      )?.value;
    };
    expect(markerOf("1.2")).toBe("⚠ 2");
    // 1.1 shares the cell C12 with 1.2, so the finding on the cell marks it too.
    expect(markerOf("1.1")).toBe("⚠ 1");
    expect(markerOf("1.1.1")).toBeUndefined();
    const b12 = boxOf(plan, "1.2");
    // The box outline turns red and medium.
    const red = plan.formats.filter(
      (x) =>
        x.range.top === b12.row &&
        x.range.left === b12.col &&
        x.style.border?.left?.color === "#C00000" &&
        x.style.border.left.style === "medium"
    );
    expect(red.length).toBe(1);
  });

  it("puts conditions whose parent is missing on the 'Tidak terhubung' shelf", () => {
    const { model, wb } = smallCase();
    model.nodes.push(
      node({ code: "9.9.1", name: "Terlaksananya Hal Tanpa Induk", parentId: "9.9" }),
      node({ code: "2.3", name: "Terlaksananya Hal Tanpa Kode Induk", parentId: null, depth: 2 })
    );
    const plan = planTree(model, [], wb, settings);
    // The shelf's own title (the legend names the shelf too): the last one.
    const title = plan.cells.filter((c) => c.value === "Tidak terhubung").pop();
    expect(title).toBeDefined();
    const tree = boxOf(plan, "1.1.1");
    const orphan = boxOf(plan, "9.9.1");
    const orphan2 = boxOf(plan, "2.3");
    expect(title?.row).toBeGreaterThan(tree.row);
    expect(orphan.row).toBeGreaterThan(title?.row ?? Infinity);
    expect(orphan2.row).toBe(orphan.row);
  });

  it("speaks English when asked", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, withDefaults({ lang: "en" }));
    expect(at(plan, 0, 0)?.value).toBe(markerText("pohon", "en"));
    expect(plan.cells.map((c) => c.value)).toContain("Legend");
  });
});

describe("the sample's pohon kinerja", () => {
  it("fits its 44 conditions on one A3 landscape page at full size, no text under 8 pt", async () => {
    const wb = await readXlsxFile(SAMPLE);
    const { model, findings } = analyse(wb, settings);
    const laidOut = layoutPohon(model, findings, wb, settings);
    expect(model.nodes).toHaveLength(44);
    expect(laidOut.onePage).toBe(true);
    const plan = drawTree(laidOut);
    expect(plan.print).toMatchObject({ paper: "A3", orientation: "landscape", fitToHeight: 1 });
    expect(plan.print?.rowBreaks).toBeUndefined();
    // As wide as the page at 100 % even where columns come out wider (LibreOffice): no shrinking.
    const page = printableSize("A3", "landscape");
    expect(laidOut.cols * COL_POINTS * WIDE_RENDERER).toBeLessThanOrEqual(page.width);
    let height = 0;
    for (const r of plan.rowHeights) if (r.row >= 2) height += r.height;
    expect(height).toBeLessThanOrEqual(page.height);
    const sizes = plan.formats.map((f) => f.style.fontSize).filter((x) => x !== undefined);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    // The legend is on the page too.
    expect(plan.cells.some((c) => c.value === "Legenda" && c.row >= 2)).toBe(true);
  });
});

describe("planTree on a big tree", () => {
  // The synthetic kertas kerja of the benchmark (four levels, two indicators per condition).
  const wb = syntheticWorkbook(shapeFor(2000));
  const { model, findings } = analyse(wb, DEFAULT_SETTINGS);
  const plan = planTree(model, findings, wb, DEFAULT_SETTINGS);
  const boxes = plan.hyperlinks.length;
  const indicators = model.nodes.reduce((n, x) => n + x.indicators.length, 0);
  /** Connector lines: the formats that draw borders and fill nothing (boxes are filled). */
  const connectors = plan.formats.filter((f) => f.style.border && f.style.fill === undefined);

  it("stays a few formats, merges and formula characters per box, and a few band ranges", () => {
    expect(boxes).toBeGreaterThan(900);
    expect(indicators).toBeGreaterThan(1800);
    // Before: about 50 formats a box (one per connector cell) and one band range per capaian.
    expect(plan.formats.length).toBeLessThanOrEqual(14 * boxes);
    expect(connectors.length).toBeLessThanOrEqual(2 * boxes);
    expect(plan.merges.length).toBeLessThanOrEqual(12 * boxes);
    expect(plan.cells.length).toBeLessThanOrEqual(11 * boxes);
    // One band range per stack of boxes and per box drawn side by side (not one per capaian).
    expect(plan.conditionalFormats.length).toBeLessThanOrEqual(boxes / 4);
    const chars = plan.cells.reduce(
      (n, c) => n + (c.formula?.length ?? (typeof c.value === "string" ? c.value.length : 0)),
      0
    );
    expect(chars).toBeLessThanOrEqual(400 * indicators);
  });

  it("gives each stack one band range, and each box side by side its own", () => {
    // Every condition here has indicators; boxes drawn side by side are the CSF and antara ones.
    const sideBySide = plan.hyperlinks.filter(
      (h) => !/^\d+\.\d+\.\d+$/.test(h.text) && h.text !== "OUTCOME"
    );
    const stacks = new Set(
      plan.hyperlinks.filter((h) => /^\d+\.\d+\.\d+$/.test(h.text)).map((h) => h.col)
    );
    expect(stacks.size).toBeGreaterThan(10);
    expect(plan.conditionalFormats).toHaveLength(sideBySide.length + stacks.size);
  });

  it("draws every connector as straight lines of one side, none overlapping another", () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (const f of connectors) {
      const sides = Object.keys(f.style.border ?? {});
      const side = sides[0] as string;
      const { top, left, bottom, right } = f.range;
      const straight = side === "left" || side === "right" ? left === right : top === bottom;
      if (sides.length !== 1 || !straight) wrong.push(JSON.stringify(f));
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          const key = `${r},${c},${side}`;
          if (seen.has(key)) wrong.push(`twice: ${key}`);
          seen.add(key);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Each stacked box hangs from its parent's spine by a tick: the bottom edge of the cell on
    // its left, in its first row; the spine runs down the column of that cell.
    const stacked = plan.hyperlinks.filter((h) => /^\d+\.\d+\.\d+$/.test(h.text));
    expect(stacked.length).toBeGreaterThan(500);
    const missing = stacked.filter(
      (h) => !seen.has(`${h.row},${h.col - 1},bottom`) || !seen.has(`${h.row},${h.col - 1},left`)
    );
    expect(missing).toEqual([]);
  });

  it("puts every capaian cell, and no target or realisasi cell, in a band range", () => {
    const inBands = (row: number, col: number): boolean =>
      plan.conditionalFormats.some(
        (cf) =>
          cf.range.top <= row &&
          row <= cf.range.bottom &&
          cf.range.left <= col &&
          col <= cf.range.right
      );
    const capaian = plan.cells.filter((c) => c.formula?.startsWith("=IFERROR(ROUND("));
    expect(capaian.length).toBe(indicators);
    const cellsAt = new Map<number, PlanCell[]>();
    for (const c of plan.cells) cellsAt.set(c.row, [...(cellsAt.get(c.row) ?? []), c]);
    for (const c of capaian) {
      expect(inBands(c.row, c.col)).toBe(true);
      // The target and realisasi cells beside it (left of it, in its box) are outside every range.
      const box = plan.blocks?.find(
        (b) => b.top <= c.row && c.row <= b.bottom && b.left <= c.col && c.col <= b.right
      );
      const beside = (cellsAt.get(c.row) ?? []).filter(
        (x) => box && x.col >= box.left && x.col < c.col
      );
      expect(beside).toHaveLength(2);
      for (const x of beside) expect(inBands(x.row, x.col)).toBe(false);
    }
    // Apart from capaian, the band ranges hold only the error markers' text.
    const capaianAt = new Set(capaian.map((c) => `${c.row},${c.col}`));
    for (const c of plan.cells) {
      if (capaianAt.has(`${c.row},${c.col}`) || !inBands(c.row, c.col)) continue;
      expect(typeof c.value === "string" && c.value.startsWith("⚠")).toBe(true);
    }
  });
});

describe("layoutPohon and drawTree", () => {
  it("lay out every condition and the outcome, then draw what planTree draws", () => {
    const wb = syntheticWorkbook(shapeFor(300));
    const { model, findings } = analyse(wb, settings);
    const laidOut = layoutPohon(model, findings, wb, settings);
    const ids = laidOut.layout.boxes.map((b) => b.id).sort();
    expect(ids).toEqual(["outcome", ...model.nodes.map((n) => n.id)].sort());
    for (const id of ids) expect(laidOut.contents.has(id)).toBe(true);
    expect(drawTree(laidOut)).toEqual(planTree(model, findings, wb, settings));
  });
});
