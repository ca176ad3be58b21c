import {
  MAX_ROW_HEIGHT,
  charsPerLine,
  heightForLines,
  toPixelGrid,
  wrappedLines,
} from "../../../src/core/kertas-kerja/text-fit";

describe("wrapped text estimates", () => {
  it("fits more characters on a line in a wider column and at a smaller font", () => {
    expect(charsPerLine(40, 10)).toBeGreaterThan(charsPerLine(20, 10));
    expect(charsPerLine(20, 10)).toBeGreaterThan(charsPerLine(20, 12));
  });

  it("counts an empty cell and a short text as one line", () => {
    expect(wrappedLines("", 20, 10)).toBe(1);
    expect(wrappedLines("Sumber Data", 20, 10)).toBe(1);
  });

  it("wraps at word boundaries", () => {
    const cap = charsPerLine(20, 10);
    const word = "x".repeat(Math.floor((cap - 1) / 2));
    // Two half-line words fit on one line with their space; the third goes to the next line.
    expect(wrappedLines(`${word} ${word}`, 20, 10)).toBe(1);
    expect(wrappedLines(`${word} ${word} ${word}`, 20, 10)).toBe(2);
  });

  it("counts each line break as a new line, blank lines included", () => {
    expect(wrappedLines("Satu\nDua\n\nEmpat", 40, 10)).toBe(4);
  });

  it("breaks a word longer than the line over several lines", () => {
    const cap = charsPerLine(10, 10);
    expect(wrappedLines("y".repeat(cap * 3), 10, 10)).toBe(3);
    expect(wrappedLines("y".repeat(cap * 3 + 1), 10, 10)).toBe(4);
  });

  it("gives heights on Excel's 0.75 pt pixel grid, never above its largest row", () => {
    expect(toPixelGrid(15)).toBe(15);
    expect(toPixelGrid(15.1)).toBe(15.75);
    expect(heightForLines(2, 10)).toBeGreaterThan(heightForLines(1, 10));
    expect((heightForLines(3, 10) / 0.75) % 1).toBe(0);
    expect(heightForLines(500, 10)).toBe(MAX_ROW_HEIGHT);
  });
});
