import type { CellValue } from "../../../src/core/grid";
import { numberFormatFor } from "../../../src/core/fixes/numbers";
import { analyse } from "../../../src/core/pipeline";
import { fixOnce, ruleCodes, SETTINGS } from "./helpers";
import { writtenWorkbook } from "./workbook";

function workbook(target: CellValue, actual: CellValue, unit = "Dokumen") {
  return writtenWorkbook([
    {
      code: "1",
      name: "Meningkatnya Kualitas Tata Kelola",
      indicators: [{ name: "Jumlah Dokumen Tata Kelola", target, actual, unit }],
    },
  ]);
}

describe("a number typed as text becomes the number", () => {
  it("writes the number the check reads, with a format showing it as typed", () => {
    const r = fixOnce(workbook("82,5", "1.200"));
    expect(r.fixes.map((f) => f.description)).toEqual([
      'Target "82,5" → angka 82,5',
      'Realisasi "1.200" → angka 1200',
    ]);
    expect(r.edits.map((e) => [e.before, e.after, e.numberFormat])).toEqual([
      ["82,5", 82.5, "0.0"],
      ["1.200", 1200, "#,##0"],
    ]);
    expect(ruleCodes(r.before, "invalid-number")).toHaveLength(2);
    expect(ruleCodes(r.after, "invalid-number")).toEqual([]);
  });

  it("writes a percent as the fraction in a percent format, the capaian unchanged", () => {
    const wb = workbook("16,5%", "15 %", "%");
    const capaian = (grids: typeof wb) =>
      analyse(grids, SETTINGS).model.nodes[0]?.indicators[0]?.achievement;
    const r = fixOnce(wb);
    expect(r.edits.map((e) => [e.after, e.numberFormat])).toEqual([
      [0.165, "0.0%"],
      [0.15, "0%"],
    ]);
    expect(r.fixes.map((f) => f.description)).toEqual([
      'Target "16,5%" → angka 16,5',
      'Realisasi "15 %" → angka 15',
    ]);
    expect(capaian(r.grids)).toBe(capaian(wb));
    expect(capaian(wb)).toBe(90.91);
  });

  it("repairs a capaian the sheet cannot compute from a number typed with its unit", () => {
    // "9 Dokumen": the check reads 9; the formula in the sheet cannot, so it shows "–".
    const r = fixOnce(workbook(10, "9 Dokumen"));
    const rules = r.fixes.flatMap((f) => f.findings.map((x) => x.rule)).sort();
    expect(rules).toEqual(["achievement-uncomputable", "invalid-number"]);
    expect(r.edits.map((e) => [e.after, e.numberFormat])).toEqual([[9, '0" Dokumen"']]);
    expect(ruleCodes(r.after, "achievement-uncomputable", "invalid-number")).toEqual([]);
  });

  it("has no fix for text that is not a number", () => {
    const r = fixOnce(workbook(10, "belum ada data"));
    expect(ruleCodes(r.before, "invalid-number")).toEqual(["invalid-number 1"]);
    expect(r.fixes).toEqual([]);
  });
});

describe("the number format of a number typed as text", () => {
  it.each([
    ["82,5", 82.5, "0.0"],
    ["1.200", 1200, "#,##0"],
    ["1.250,75", 1250.75, "#,##0.00"],
    ["16,5%", 16.5, '0.0"%"'],
    ["12 %", 12, '0" %"'],
    ["5 Dokumen", 5, '0" Dokumen"'],
    ["Rp 1.500.000", 1500000, '"Rp "#,##0'],
    ["-3,5", -3.5, "0.0"],
    ["85,", 85, "0"],
  ])("%s is %s shown with %s", (raw, value, format) => {
    expect(numberFormatFor(raw, value)).toBe(format);
  });
});
