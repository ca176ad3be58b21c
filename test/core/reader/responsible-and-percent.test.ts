import type { CellValue, SheetGrid } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/core/reader";
import { applyCapaian } from "../../../src/core/capaian";
import { gridsOf } from "../../fixtures/reader/fixtures";
import { flat, matrixMerged } from "../../fixtures/reader/shapes";

const _ = null;

/** One sheet: conditions by code, a measure table with a Penanggung Jawab column. */
function workbook(rows: CellValue[][], numberFormats?: (string | null)[][]) {
  const measure: SheetGrid = { name: "Target", values: rows };
  if (numberFormats) measure.numberFormats = numberFormats;
  return {
    sheets: [
      {
        name: "Kondisi",
        values: [
          ["Kode", "Kondisi"],
          ["1", "Meningkatnya Tata Kelola"],
          ["1.1", "Meningkatnya Akuntabilitas"],
        ],
      },
      measure,
    ],
  };
}

const header = ["Kode", "Indikator Kinerja", "Target", "Realisasi", "Penanggung Jawab"];

describe("the responsible unit", () => {
  it("is read per indicator, and given to the condition when all its rows agree", () => {
    const model = readWorkbook(
      workbook([
        header,
        ["1", "Indeks RB", 80, 82, "Bagian Organisasi"],
        [_, "Nilai SAKIP", 70, 71, "Bagian Organisasi"],
        ["1.1", "Nilai LAKIP", 70, 71, "Bagian Organisasi"],
        [_, "Persentase Aduan", 90, 95, "Bagian Umum"],
      ])
    );
    const [csf, antara] = model.nodes;
    expect(csf?.indicators.map((i) => i.responsible)).toEqual([
      "Bagian Organisasi",
      "Bagian Organisasi",
    ]);
    expect(csf?.responsible).toBe("Bagian Organisasi");
    expect(antara?.indicators.map((i) => i.responsible)).toEqual([
      "Bagian Organisasi",
      "Bagian Umum",
    ]);
    expect(antara?.responsible ?? null).toBeNull();
    // Where each unit was typed, for the tree's live "PJ: …" line.
    expect(csf?.indicators.map((i) => i.textCells.responsible)).toEqual([
      { sheet: "Target", row: 1, col: 4 },
      { sheet: "Target", row: 2, col: 4 },
    ]);
  });

  it.each([
    ["a flat table", flat],
    ["a level-column matrix", matrixMerged],
  ])("is read with the cell it was typed in from %s", (_shape, fixture) => {
    const wb = gridsOf(fixture, true);
    const inds = readWorkbook(wb).nodes.flatMap((n) => n.indicators);
    const withUnit = inds.filter((i) => i.responsible);
    expect(withUnit.length).toBeGreaterThan(0);
    for (const ind of withUnit) {
      const at = ind.textCells.responsible;
      const typed = wb.sheets.find((x) => x.name === at?.sheet)?.values[at?.row ?? -1]?.[
        at?.col ?? -1
      ];
      expect(typed).toBe(ind.responsible);
    }
  });

  it.each(["PIC", "Unit Kerja", "Pelaksana", "Penanggungjawab"])(
    "is read from a %p column",
    (h) => {
      const model = readWorkbook(
        workbook([
          [...header.slice(0, 4), h],
          ["1", "Indeks RB", 1, 2, "Setda"],
        ])
      );
      expect(model.nodes[0]?.indicators[0]?.responsible).toBe("Setda");
    }
  );
});

describe("percent-formatted cells", () => {
  it("read 0.85 shown as 85% as 85, and compute the capaian of two percent cells on one scale", () => {
    const model = readWorkbook(
      workbook(
        [
          header,
          ["1", "Persentase Aduan Selesai", 0.8, 0.85, _],
          ["1.1", "Nilai LAKIP", 80, 0.85, _],
        ],
        [[], [_, _, "0%", "0.0%"], [_, _, _, '0 "%"']]
      )
    );
    applyCapaian(model);
    const aduan = model.nodes[0]?.indicators[0];
    expect([aduan?.target, aduan?.actual, aduan?.achievement]).toEqual([80, 85, 106.25]);
    expect(aduan?.values.actual).toMatchObject({ raw: 0.85, value: 85, percent: true });
    // A "%" in quotes is text in the format: the number is shown as typed, not scaled.
    const lakip = model.nodes[1]?.indicators[0];
    expect([lakip?.target, lakip?.actual]).toEqual([80, 0.85]);
    expect(lakip?.values.actual?.percent).toBeUndefined();
  });
});
