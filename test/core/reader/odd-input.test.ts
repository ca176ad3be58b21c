import fc from "fast-check";
import { readWorkbook } from "../../../src/core/reader";
import type { CellValue } from "../../../src/core/grid";

const words = [
  "No.",
  "CSF",
  "Faktor Penyebab",
  "Kondisi yang diperlukan",
  "Kondisi yang diperlukan (Antara)",
  "Kode",
  "Indikator Kinerja",
  "Definisi",
  "Target",
  "Realisasi",
  "Polaritas",
  "Penjelasan",
  "Outcome",
  "1.1. Meningkatnya A",
  "Meningkatnya A (CSF 1)",
  "CSF 1",
  "1.1",
  "-",
  "85,5",
  "",
  // Words of the other shapes: level columns, outlines, cascading matrices, parent columns.
  "Level",
  "Level 2",
  "Kondisi Antara",
  "Kondisi Operasional",
  "Uraian Kondisi",
  "Indikator CSF",
  "Indikator Kondisi Antara",
  "Kode Induk",
  "Realisasi TW II",
  "Target 2025",
  "Penanggung Jawab",
  "1.1.1",
  "2",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null)
);

/** The rules the reader itself reports (the checks report the others). */
const READER_RULES = [
  "skipped-content",
  "duplicate-indicator",
  "parent-mismatch",
  "codes-given",
  "levels-unknown",
  "measure-columns",
  "unplaced-table",
  "mapping-outdated",
];

describe("odd input", () => {
  it("never throws on random grids built from table words, text and numbers", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 30 }), (rows) => {
        const model = readWorkbook({ sheets: [{ name: "Acak", values: rows }] });
        expect(Array.isArray(model.nodes)).toBe(true);
        for (const f of model.findings) expect(READER_RULES).toContain(f.rule);
      }),
      { numRuns: 600 }
    );
  });

  it("reads an empty workbook as an empty model", () => {
    const model = readWorkbook({ sheets: [] });
    expect(model).toMatchObject({ outcome: null, nodes: [], orphans: [], findings: [] });
  });
});

describe("measure rows", () => {
  const csf: CellValue[][] = [
    ["No.", "Faktor Penyebab", "Kondisi yang diperlukan"],
    ["1.", "Sebab", "Meningkatnya A (CSF 1)"],
  ];

  it("keeps an indicator found only in a measure table under the condition its Kode names", () => {
    const model = readWorkbook({
      sheets: [
        { name: "CSF", values: csf },
        {
          name: "Target",
          values: [
            ["Kode", "Indikator Kinerja", "Target", "Realisasi"],
            ["CSF 1", "Indeks A", "80", "88"],
          ],
        },
      ],
    });
    expect(model.nodes[0]?.indicators.map((i) => [i.name, i.target, i.actual, i.cell])).toEqual([
      ["Indeks A", 80, 88, "'Target'!B2"],
    ]);
    expect(model.orphans).toEqual([]);
  });

  it("reports a second measure row for an indicator already measured and keeps the first", () => {
    const model = readWorkbook({
      sheets: [
        { name: "CSF", values: csf },
        {
          name: "Target",
          values: [
            ["Kode", "Indikator Kinerja", "Target", "Realisasi"],
            ["1", "Indeks A", 80, 88],
            ["1", "Indeks A", 70, 60],
          ],
        },
      ],
    });
    expect(model.nodes[0]?.indicators.map((i) => [i.target, i.actual])).toEqual([[80, 88]]);
    expect(model.findings.map((f) => [f.severity, f.cell])).toEqual([["warning", "'Target'!B3"]]);
  });

  it("keeps the formula of a number cell and reads its value", () => {
    const model = readWorkbook({
      sheets: [
        { name: "CSF", values: csf },
        {
          name: "Target",
          values: [
            ["Kode", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
            ["1", "Indeks A", 80, 88, 110],
          ],
          formulas: [[], [null, null, null, null, "=D2/C2*100"]],
        },
      ],
    });
    const i = model.nodes[0]?.indicators[0];
    expect(i?.values.achievement).toMatchObject({ value: 110, formula: "=D2/C2*100", col: 4 });
    expect(i?.achievement).toBeNull();
  });
});
