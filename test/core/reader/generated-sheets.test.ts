import { readWorkbook } from "../../../src/core/reader";
import type { CellValue, SheetGrid } from "../../../src/core/grid";
import { markerText } from "../../../src/core/plan";

const csfTable = (name: string): CellValue[][] => [
  ["No.", "Faktor Penyebab", "Kondisi yang diperlukan"],
  ["1.", "Sebab", `${name} (CSF 1)`],
];

function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, values: rows };
}

describe("sheets the add-in made itself", () => {
  it("never reads a generated tree, findings or report sheet", () => {
    const model = readWorkbook({
      sheets: [
        sheet("Data", csfTable("Meningkatnya A")),
        sheet("Pohon Kinerja", [[markerText("pohon", "id")], ...csfTable("Dari pohon")]),
        sheet("Hasil", [[markerText("hasil", "en")], ...csfTable("Dari hasil")]),
        sheet("Laporan", [[markerText("laporan", "id")], ...csfTable("Dari laporan")]),
      ],
    });
    expect(model.nodes.map((n) => n.name)).toEqual(["Meningkatnya A"]);
    expect(model.sheetsRead).toEqual(["Data"]);
  });

  it("skips a generated Kertas Kerja sheet when other sheets give the conditions", () => {
    const model = readWorkbook({
      sheets: [
        sheet("Kertas Kerja", [[markerText("kertas-kerja", "id")], ...csfTable("Salinan")]),
        sheet("Data", csfTable("Meningkatnya A")),
      ],
    });
    expect(model.nodes.map((n) => n.name)).toEqual(["Meningkatnya A"]);
  });

  it("reads a generated Kertas Kerja sheet when it is the only source, marker row aside", () => {
    const model = readWorkbook({
      sheets: [
        sheet("Kertas Kerja", [
          [markerText("kertas-kerja", "id")],
          ["Critical Success Factor (CSF) dari Outcome Kinerja"],
          ["Meningkatnya Pelayanan"],
          [null],
          ...csfTable("Meningkatnya A"),
        ]),
        sheet("Pohon Kinerja", [[markerText("pohon", "id")], ...csfTable("Dari pohon")]),
      ],
    });
    expect(model.outcome).toBe("Meningkatnya Pelayanan");
    expect(model.nodes.map((n) => n.name)).toEqual(["Meningkatnya A"]);
    expect(model.findings).toEqual([]);
  });
});
