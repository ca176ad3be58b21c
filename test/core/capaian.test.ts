import fc from "fast-check";
import {
  applyCapaian,
  capaianFormula,
  capaianGap,
  computeCapaian,
  HIGHER_POLARITY_WORDS,
  isOwnCapaianFormula,
  isOwnRatioFormula,
  isPercentageIndicator,
  LOWER_POLARITY_WORDS,
  polarityInFormula,
  ratioFormula,
  roundHalfAway,
  sheetNumber,
  textNumberFormula,
  type CellRead,
} from "../../src/core/capaian";
import { parseNumber } from "../../src/core/numbers";
import { parsePolarity } from "../../src/core/reader";
import {
  emptyModel,
  indicator,
  measuredIndicator,
  node,
  numberCell,
} from "../helpers/model-builder";

describe("computeCapaian", () => {
  it("divides realisasi by target for higher-is-better indicators", () => {
    expect(computeCapaian(80, 60, "higher")).toBe(75);
    expect(computeCapaian(3, 2, "higher")).toBe(66.67);
  });

  it("uses (2 × target − realisasi) / target for lower-is-better indicators, as in the domain notes", () => {
    expect(computeCapaian(7, 6.5, "lower")).toBe(107.14);
    expect(computeCapaian(8, 9, "lower")).toBe(87.5);
  });

  it("computes lower-is-better as 200 − R/T × 100, which rounds as (2T − R)/T × 100 does", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (t, r) => computeCapaian(t, r, "lower") === roundHalfAway(((2 * t - r) / t) * 100, 2)
      ),
      { numRuns: 2000 }
    );
  });

  it("does not cap values above 100", () => {
    expect(computeCapaian(10, 15, "higher")).toBe(150);
    expect(computeCapaian(10, 2, "lower")).toBe(180);
  });

  it("gives null, never 0 or Infinity, when the target is 0 or missing or the realisasi is missing", () => {
    expect(computeCapaian(0, 5, "higher")).toBeNull();
    expect(computeCapaian(0, 5, "lower")).toBeNull();
    expect(computeCapaian(null, 5, "higher")).toBeNull();
    expect(computeCapaian(5, null, "higher")).toBeNull();
    expect(computeCapaian(Number.NaN, 5, "higher")).toBeNull();
  });

  it("gives a real 0 when the realisasi is 0 against a real target", () => {
    expect(computeCapaian(10, 0, "higher")).toBe(0);
  });
});

describe("roundHalfAway", () => {
  it("rounds half away from zero like Excel's ROUND despite binary float error", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(107.142857, 2)).toBe(107.14);
  });
});

describe("applyCapaian", () => {
  it("sets the capaian of every indicator, orphans included", () => {
    const model = emptyModel();
    model.nodes.push(
      node({
        code: "1",
        indicators: [
          indicator({ name: "Jumlah Dokumen", target: 4, actual: 3 }),
          indicator({ name: "Angka Kasus", target: 8, actual: 9, polarity: "lower" }),
        ],
      })
    );
    model.orphans.push({
      indicator: indicator({ name: "Jumlah Laporan", target: 2, actual: 2 }),
      refersTo: "9",
    });
    applyCapaian(model);
    expect(model.nodes[0]?.indicators.map((i) => i.achievement)).toEqual([75, 87.5]);
    expect(model.orphans[0]?.indicator.achievement).toBe(100);
  });

  it("computes a Persentase realisasi from pembilang and penyebut when the realisasi is empty", () => {
    const model = emptyModel();
    const ind = indicator({
      name: "Persentase Layanan Terpenuhi",
      target: 90,
      actual: null,
      numerator: 45,
      denominator: 52,
    });
    model.nodes.push(node({ code: "1", indicators: [ind] }));
    applyCapaian(model);
    // 45 / 52 × 100 = 86.538… → 86.54; capaian 86.54 / 90 × 100 = 96.155… → 96.16
    expect(ind.actual).toBe(86.54);
    expect(ind.achievement).toBe(96.16);
  });

  it("keeps a typed realisasi and an unreadable one, and does not derive it for a Jumlah indicator", () => {
    const typed = indicator({
      name: "% Layanan",
      target: 80,
      actual: 70,
      numerator: 1,
      denominator: 2,
    });
    const unreadable = indicator({
      name: "Persentase Layanan",
      target: 80,
      actual: null,
      numerator: 1,
      denominator: 2,
      values: { actual: numberCell({ raw: "-", value: null, readable: false }) },
    });
    const count = indicator({
      name: "Jumlah Layanan",
      target: 80,
      actual: null,
      numerator: 1,
      denominator: 2,
    });
    const model = emptyModel();
    model.nodes.push(node({ code: "1", indicators: [typed, unreadable, count] }));
    applyCapaian(model);
    expect(typed.actual).toBe(70);
    expect(typed.achievement).toBe(87.5);
    expect(unreadable.actual).toBeNull();
    expect(unreadable.achievement).toBeNull();
    expect(count.actual).toBeNull();
  });

  it("leaves the realisasi empty when the penyebut is 0", () => {
    const ind = indicator({
      name: "Persentase Layanan",
      target: 80,
      actual: null,
      numerator: 3,
      denominator: 0,
    });
    const model = emptyModel();
    model.nodes.push(node({ code: "1", indicators: [ind] }));
    applyCapaian(model);
    expect(ind.actual).toBeNull();
    expect(ind.achievement).toBeNull();
  });
});

describe("sheetNumber: a number typed as text, read as the written formulas read it", () => {
  const read: [string, number][] = [
    ["82,5", 82.5],
    ["16,5%", 16.5],
    ["16,5 %", 16.5],
    [" 85 ", 85],
    ["1.200", 1200],
    ["1.250,5", 1250.5],
    ["12.5", 12.5],
    ["0.125", 0.125],
    ["1234.567", 1234.567],
    ["012.500", 12500],
    ["0012.500", 12.5],
    ["85", 85],
  ];
  it.each(read)("reads %p as %p, as parseNumber does", (text, value) => {
    expect(sheetNumber(text)).toBe(value);
    expect(parseNumber(text).value).toBe(value);
  });

  const unread: string[] = [
    "5 Dokumen",
    "Rp 1.500",
    "-2,5",
    "+5",
    "1.250.000",
    "1,250.5",
    "1,250,000",
    "5,",
    "7.",
    ",5",
    "5%%",
    "%12",
    "1 250",
    "1e3",
    "\u00a085",
    "1234567890123456",
    "-",
    "belum ada data",
    "",
  ];
  it.each(unread)("reads nothing from %p", (text) => {
    expect(sheetNumber(text)).toBeNull();
  });

  it("reads numbers as they are, and nothing from booleans and blanks", () => {
    expect(sheetNumber(82.5)).toBe(82.5);
    expect(sheetNumber(0)).toBe(0);
    expect(sheetNumber(true)).toBeNull();
    expect(sheetNumber(null)).toBeNull();
  });

  /** Text made of what people type in number cells, in any order. */
  const typed = fc
    .array(fc.constantFrom(..."0123456789012345.,.,% -+eRp\t\u00a0"), { maxLength: 14 })
    .map((cs) => cs.join(""));

  it("gives parseNumber's number or nothing, never another number (property)", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const v = sheetNumber(text);
        if (v === null) return true;
        const p = parseNumber(text);
        return p.readable && p.value === v;
      }),
      { numRuns: 20000 }
    );
  });

  it("reads every Indonesian way of writing a number up to 15 digits (property)", () => {
    const indonesian = fc
      .tuple(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.boolean()
      )
      .map(([int, frac, pct]) => {
        const grouped =
          int >= 1000 && int < 1_000_000
            ? `${Math.floor(int / 1000)}.${String(int % 1000).padStart(3, "0")}`
            : String(int);
        const text = `${grouped}${frac > 0 ? `,${frac}` : ""}${pct ? "%" : ""}`;
        return { text, value: Number(`${int}${frac > 0 ? `.${frac}` : ""}`) };
      });
    fc.assert(
      fc.property(indonesian, ({ text, value }) => sheetNumber(text) === value),
      { numRuns: 5000 }
    );
  });

  it("is one expression on the cell, NUMBERVALUE guarded so a real number passes unchanged", () => {
    const f = textNumberFormula("D5");
    expect(f.startsWith("IF(ISNUMBER(D5),D5,")).toBe(true);
    expect(f).toContain("NUMBERVALUE(");
    expect(f).not.toContain("_xlfn.");
  });
});

describe("capaianGap", () => {
  it("says why a capaian is missing, as the sheet shows it", () => {
    const cases: [Parameters<typeof measuredIndicator>[1], string | null][] = [
      [{ target: 80, actual: 84 }, null],
      [{ target: null, actual: 84 }, "target-missing"],
      [{ target: 0, actual: 84 }, "target-zero"],
      [{ target: 80, actual: null }, "actual-missing"],
      [{ target: "belum ada", actual: 84 }, "target-missing"],
    ];
    for (const [typed, gap] of cases) {
      const model = emptyModel();
      const ind = measuredIndicator(5, typed);
      model.nodes.push(node({ code: "1", indicators: [ind] }));
      applyCapaian(model);
      expect([typed, capaianGap(ind)]).toEqual([typed, gap]);
    }
  });

  it("names a number typed as text in a shape the sheet cannot read", () => {
    const model = emptyModel();
    const ind = measuredIndicator(5, { target: 5, actual: 4 });
    ind.values.target = numberCell({ row: 5, col: 3, raw: "5 Dokumen", value: 5, readable: true });
    const other = measuredIndicator(6, { target: 80, actual: 4 });
    other.values.actual = numberCell({ row: 6, col: 4, raw: "84 %%", value: 84, readable: true });
    other.actual = 84;
    model.nodes.push(node({ code: "1", indicators: [ind, other] }));
    applyCapaian(model);
    expect(ind.achievement).toBeNull();
    expect(capaianGap(ind)).toBe("target-text");
    expect(other.achievement).toBeNull();
    expect(capaianGap(other)).toBe("actual-text");
  });
});

describe("the capaian of numbers typed as text", () => {
  it("is computed from the text as the sheet reads it", () => {
    const model = emptyModel();
    const ind = measuredIndicator(5, { target: 80, actual: 84 });
    ind.values.target = numberCell({ row: 5, col: 3, raw: "80,0", value: 80, readable: true });
    ind.values.actual = numberCell({ row: 5, col: 4, raw: " 84 %", value: 84, readable: true });
    model.nodes.push(node({ code: "1", indicators: [ind] }));
    applyCapaian(model);
    expect(ind.achievement).toBe(105);
  });
});

describe("the capaian of numbers shown as percents", () => {
  it("is computed from the cells scaled as the sheet's formula scales them (× 100)", () => {
    const model = emptyModel();
    const ind = measuredIndicator(5, { target: 80, actual: 85 });
    ind.values.actual = numberCell({ row: 5, col: 4, raw: 0.85, value: 85, percent: true });
    model.nodes.push(node({ code: "1", indicators: [ind] }));
    applyCapaian(model);
    // (0.85 × 100) / 80 × 100, the formula's steps: 106.25.
    expect(ind.achievement).toBe(106.25);
    const f = capaianFormula(
      { ref: "D6", kind: "number" },
      { ref: "E6", kind: "percent" },
      "higher"
    );
    expect(f).toBe('=IFERROR(ROUND(((E6*100)/D6*100)/(ISNUMBER(D6)*ISNUMBER(E6)),2),"–")');
  });
});

describe("isPercentageIndicator", () => {
  it("knows Persentase in its spellings and a leading %, not other kinds", () => {
    for (const name of ["Persentase A", "prosentase B", "Presentase C", "% D", "  Persentase E"])
      expect([name, isPercentageIndicator(name)]).toEqual([name, true]);
    for (const name of ["Jumlah A", "Indeks B", "Persentasenya C", "Rasio D"])
      expect([name, isPercentageIndicator(name)]).toEqual([name, false]);
  });
});

describe("polarity words", () => {
  it("are the reader's words: every word reads as its polarity", () => {
    for (const w of HIGHER_POLARITY_WORDS) expect([w, parsePolarity(w)]).toEqual([w, "higher"]);
    for (const w of LOWER_POLARITY_WORDS) expect([w, parsePolarity(w)]).toEqual([w, "lower"]);
  });

  it("are the live formula's words: a lower word, trimmed as Excel trims, in any case", () => {
    expect(polarityInFormula("  Semakin  Rendah Semakin Baik ")).toBe("lower");
    expect(polarityInFormula("TURUN")).toBe("lower");
    expect(polarityInFormula("naik")).toBe("higher");
    expect(polarityInFormula("minimize")).toBe("higher");
    expect(polarityInFormula(null)).toBe("higher");
    expect(polarityInFormula(3)).toBeNull();
    const f = capaianFormula(
      { ref: "D5", kind: "number" },
      { ref: "E5", kind: "number" },
      { cell: "G5" }
    );
    for (const w of LOWER_POLARITY_WORDS) expect(f).toContain(`"${w}"`);
  });
});

describe("the add-in's own formulas", () => {
  const plain = (ref: string): CellRead => ({ ref, kind: "number" });
  const text = (ref: string): CellRead => ({ ref, kind: "text" });
  const percent = (ref: string): CellRead => ({ ref, kind: "percent" });

  it("are recognised with any read of the cells, fixed or live, with anchors and spaces", () => {
    for (const t of [plain("D5"), text("D5"), percent("D5")])
      for (const r of [plain("E5"), text("E5"), percent("E5")])
        for (const rule of ["higher", "lower", { cell: "G5" }] as const) {
          const f = capaianFormula(t, r, rule);
          expect(isOwnCapaianFormula(f, "D5", "E5", "G5")).toBe(true);
          expect(
            isOwnCapaianFormula(f.replace(/D5/g, "$D$5").replace(/,/g, ", "), "D5", "E5", "G5")
          ).toBe(true);
          expect(isOwnCapaianFormula(f, "D6", "E6", "G6")).toBe(false);
        }
  });

  it("include what earlier versions wrote, stored with _xlfn. or not", () => {
    const older = '=IF(AND(ISNUMBER(D5),ISNUMBER(E5)),IF(D5<>0,ROUND(E5/D5*100,2),""),"")';
    expect(isOwnCapaianFormula(older, "D5", "E5", null)).toBe(true);
    const stored = capaianFormula(text("D5"), plain("E5"), "higher").replace(
      /NUMBERVALUE\(/g,
      "_xlfn.NUMBERVALUE("
    );
    expect(isOwnCapaianFormula(stored, "D5", "E5", null)).toBe(true);
    expect(isOwnCapaianFormula("=E5/D5*100", "D5", "E5", null)).toBe(false);
  });

  it("include the realisasi formula, old and new", () => {
    expect(isOwnRatioFormula(ratioFormula(text("B5"), plain("C5")), "B5", "C5")).toBe(true);
    expect(
      isOwnRatioFormula(
        '=IF(AND(ISNUMBER(B5),ISNUMBER(C5)),IF(C5<>0,ROUND(B5/C5*100,2),""),"")',
        "B5",
        "C5"
      )
    ).toBe(true);
    expect(isOwnRatioFormula("=B5/C5", "B5", "C5")).toBe(false);
  });
});
