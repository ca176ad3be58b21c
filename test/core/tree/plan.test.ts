import { drawTree, layoutPohon, planTree } from "../../../src/core/tree";
import { estimateLines } from "../../../src/core/tree/plan";
import { a1 } from "../../../src/core/address";
import {
  withDefaults,
  DEFAULT_BANDS,
  DEFAULT_SETTINGS,
  type Settings,
} from "../../../src/core/settings";
import { analyse } from "../../../src/core/pipeline";
import { shapeFor, syntheticWorkbook } from "../../../bench/synthetic";
import { markerText, markerTag, type SheetPlan } from "../../../src/core/plan";
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

/** The top-left cell of the box whose code link shows `code`. */
function boxOf(plan: SheetPlan, code: string): { row: number; col: number } {
  const h = plan.hyperlinks.find((x) => x.text === code);
  if (!h) throw new Error(`no box for ${code}`);
  return { row: h.row, col: h.col };
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
      .filter((c) => c.row === row && c.col >= b.col && c.col < b.col + 6)
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

  it("writes each name as a formula showing its source cell as text", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, settings);
    // ref&"" shows "" for a blank cell (test/core/tree/recalc.test.ts checks the results).
    expect(boxColumn(plan, "CSF 1").name?.formula).toBe(`='CSF'!C10&""`);
    expect(boxColumn(plan, "OUTCOME").name?.formula).toBe(`='CSF'!A6&""`);
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

  it("sets up printing one page wide on the paper of the settings", () => {
    const { model, wb } = smallCase();
    const plan = planTree(model, [], wb, withDefaults({ paper: "A4", orientation: "portrait" }));
    expect(plan.print).toMatchObject({
      paper: "A4",
      orientation: "portrait",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const area = plan.print?.area;
    const maxRow = Math.max(...plan.cells.map((c) => c.row));
    const maxCol = Math.max(...plan.merges.map((m) => m.right));
    expect(area?.top).toBe(0);
    expect(area?.bottom).toBeGreaterThanOrEqual(maxRow);
    expect(area?.right).toBeGreaterThanOrEqual(maxCol);
    expect(plan.print?.rowBreaks).toBeUndefined();
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
          c.col < b.col + 6 &&
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
    const title = plan.cells.find((c) => c.value === "Tidak terhubung");
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

  it("gives a stack and its parent one band range", () => {
    // Every condition here has indicators; boxes drawn side by side are the CSF and antara ones.
    const sideBySide = plan.hyperlinks.filter(
      (h) => !/^\d+\.\d+\.\d+$/.test(h.text) && h.text !== "OUTCOME"
    );
    const stacks = new Set(
      plan.hyperlinks.filter((h) => /^\d+\.\d+\.\d+$/.test(h.text)).map((h) => h.col)
    );
    expect(stacks.size).toBeGreaterThan(10);
    // One range per box side by side: each stack's range is its parent's, stretched down.
    expect(plan.conditionalFormats).toHaveLength(sideBySide.length);
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
    for (const c of capaian) {
      expect(inBands(c.row, c.col)).toBe(true);
      // Target (four columns left) and realisasi (two left) are outside every band range.
      expect(inBands(c.row, c.col - 2)).toBe(false);
      expect(inBands(c.row, c.col - 4)).toBe(false);
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

describe("estimateLines on any text", () => {
  /** The plain statement of the rule: split into paragraphs and words, wrap greedily. */
  function byWords(text: string, charsPerLine: number): number {
    const cpl = Math.max(1, Math.floor(charsPerLine));
    let lines = 0;
    for (const para of text.split("\n")) {
      let n = 1;
      let len = 0;
      for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
        if (len === 0) {
          n += Math.floor((word.length - 1) / cpl);
          len = ((word.length - 1) % cpl) + 1;
        } else if (len + 1 + word.length <= cpl) {
          len += 1 + word.length;
        } else {
          n += 1 + Math.floor((word.length - 1) / cpl);
          len = ((word.length - 1) % cpl) + 1;
        }
      }
      lines += n;
    }
    return Math.max(1, lines);
  }

  it("counts the lines of a greedy word wrap for random texts with every kind of space and break", () => {
    let seed = 777;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [
      "a",
      "kata",
      "Persentase",
      "y".repeat(45),
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\u00a0",
      "\u2003",
      "",
    ];
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: next(30) }, () => pieces[next(pieces.length)]).join("");
      const cpl = 3 + next(50) + next(10) / 10;
      expect(estimateLines(text, cpl)).toBe(byWords(text, cpl));
    }
  });
});
