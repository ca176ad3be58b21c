import { isPercentFormat, parseNumber } from "../../src/core/numbers";
import type { CellValue } from "../../src/core/grid";

describe("parseNumber", () => {
  const readable: [CellValue, number | null, string | null][] = [
    [85.5, 85.5, null],
    [0, 0, null],
    [-3, -3, null],
    ["85", 85, null],
    ["85,5", 85.5, null],
    ["0,75", 0.75, null],
    ["1.250", 1250, null],
    ["1.250.000", 1250000, null],
    ["1.250,5", 1250.5, null],
    ["1,250.5", 1250.5, null],
    ["2,500,000", 2500000, null],
    ["12.5", 12.5, null],
    ["0.250", 0.25, null],
    ["1234.567", 1234.567, null],
    ["12 %", 12, "%"],
    ["16,5%", 16.5, "%"],
    ["85%", 85, "%"],
    ["5 Dokumen", 5, "Dokumen"],
    ["60 kali", 60, "kali"],
    ["3 Laporan  Kinerja", 3, "Laporan Kinerja"],
    ["Rp 1.500.000", 1500000, "Rp"],
    ["-2,5", -2.5, null],
    ["  42  ", 42, null],
    ["7.", 7, null],
  ];
  it.each(readable)("reads %p as %p with unit %p", (raw, value, unit) => {
    expect(parseNumber(raw)).toEqual({ value, readable: true, unit });
  });

  const unreadable: CellValue[] = [
    "-",
    "–",
    "belum ada data",
    "n/a",
    "N/A",
    "tidak ada",
    "85 dari 100",
    "1.25.3",
    "12,5,3",
    true,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ];
  it.each(unreadable)("keeps %p as unreadable", (raw) => {
    expect(parseNumber(raw)).toEqual({ value: null, readable: false, unit: null });
  });

  it("treats blank cells as readable with no value", () => {
    expect(parseNumber(null)).toEqual({ value: null, readable: true, unit: null });
    expect(parseNumber("   ")).toEqual({ value: null, readable: true, unit: null });
  });
});

describe("isPercentFormat", () => {
  it.each([
    ["0%", true],
    ["0.00 %", true],
    ["#,##0.0%;[Red]-#,##0.0%", true],
    ['0 "%"', false],
    ["0\\%", false],
    ["General", false],
    ["0.00", false],
    [null, false],
  ])("says whether %p shows a number as a percent", (format, percent) => {
    expect(isPercentFormat(format)).toBe(percent);
  });
});
