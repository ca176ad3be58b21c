import {
  MAX_ROW_HEIGHT,
  columnPoints,
  heightForLines,
  lineStarts,
  linesInColumns,
  textWidth,
  toPixelGrid,
  wrappedLines,
  type Font,
} from "../../src/core/text-fit";

const ARIAL: Font = { name: "Arial", size: 10 };

describe("text measured as Excel and LibreOffice set it", () => {
  it("gives Arial's and Calibri's own widths: digits of one width, bold wider, Calibri narrower", () => {
    // Arial's digits are 1139/2048 em: "0000" at 10 pt is 22.2 pt.
    expect(textWidth("0000", ARIAL)).toBeCloseTo((4 * 1139 * 10) / 2048, 6);
    expect(textWidth("0123", ARIAL)).toBeCloseTo(textWidth("9999", ARIAL), 6);
    expect(textWidth("Kinerja", { ...ARIAL, bold: true })).toBeGreaterThan(
      textWidth("Kinerja", ARIAL)
    );
    const text = "Meningkatnya Kualitas Pelayanan Publik";
    expect(textWidth(text, { name: "Calibri", size: 10 })).toBeLessThan(textWidth(text, ARIAL));
    // A character without a measured width counts as the widest: never a line too few.
    expect(textWidth("\u4e2d", ARIAL)).toBeGreaterThanOrEqual(textWidth("W", ARIAL));
  });

  it("counts an empty cell and a short text as one line", () => {
    expect(wrappedLines("", 100, ARIAL)).toBe(1);
    expect(wrappedLines("Sumber Data", 100, ARIAL)).toBe(1);
  });

  it("wraps at spaces where the next word no longer fits", () => {
    const word = "Kinerja";
    const w = textWidth(word, ARIAL);
    const space = textWidth(" ", ARIAL);
    // Two words and their space fit exactly; a hair less and the second goes down.
    expect(wrappedLines(`${word} ${word}`, 2 * w + space, ARIAL)).toBe(1);
    expect(wrappedLines(`${word} ${word}`, 2 * w + space - 0.01, ARIAL)).toBe(2);
    expect(wrappedLines(`${word} ${word} ${word}`, 2 * w + space, ARIAL)).toBe(2);
  });

  it("counts each line break as a new line, blank lines included, \\r\\n as one", () => {
    expect(wrappedLines("Satu\nDua\n\nEmpat", 200, ARIAL)).toBe(4);
    expect(wrappedLines("Satu\r\nDua", 200, ARIAL)).toBe(2);
  });

  it("breaks after a hyphen between letters", () => {
    const head = textWidth("dan perundang-", ARIAL);
    const whole = textWidth("dan perundang-undangan", ARIAL);
    // The piece up to the hyphen stays on the first line, the rest goes to the next (without
    // the break: "dan", then the long word cut over two lines).
    expect(wrappedLines("dan perundang-undangan", head + 0.01, ARIAL)).toBe(2);
    expect(wrappedLines("dan perundang-undangan", whole + 0.01, ARIAL)).toBe(1);
  });

  it("breaks a word longer than the line over as many lines as it needs", () => {
    const w = textWidth("y", ARIAL);
    expect(wrappedLines("y".repeat(30), 10 * w + 0.001, ARIAL)).toBe(3);
    expect(wrappedLines("y".repeat(31), 10 * w + 0.001, ARIAL)).toBe(4);
  });

  it("says where each wrapped line starts: at a word, after a line break, -1 inside a long word", () => {
    const w = textWidth("y", ARIAL);
    const room = 10 * w + 0.001;
    const text = "yyyy yyyy yyyyy\nyy " + "y".repeat(15);
    const starts = lineStarts(text, room, ARIAL);
    expect(starts).toHaveLength(wrappedLines(text, room, ARIAL));
    // "yyyy yyyy " | "yyyyy" | "yy " | 15 y's over two lines, the second inside the word.
    expect(starts).toEqual([0, 10, 16, 19, -1]);
  });

  it("measures a cell by its columns as Excel draws them (7 px a character and 5 px)", () => {
    expect(columnPoints(8)).toBe(61 * 0.75);
    const text = "Terlaksananya Penataan Administrasi Pemerintahan";
    expect(linesInColumns(text, [10, 12], ARIAL)).toBe(
      wrappedLines(text, columnPoints(10) + columnPoints(12) - 3, ARIAL)
    );
  });

  it("gives heights on Excel's 0.75 pt pixel grid, never above its largest row", () => {
    expect(toPixelGrid(15)).toBe(15);
    expect(toPixelGrid(15.1)).toBe(15.75);
    expect(heightForLines(2, 10)).toBeGreaterThan(heightForLines(1, 10));
    expect((heightForLines(3, 10) / 0.75) % 1).toBe(0);
    expect(heightForLines(500, 10)).toBe(MAX_ROW_HEIGHT);
    // Calibri's lines are taller in Excel than Arial's.
    expect(heightForLines(5, 10, "Calibri")).toBeGreaterThan(heightForLines(5, 10));
  });
});

describe("wrappedLines on any text", () => {
  /**
   * The plain statement of the rule: paragraphs; words between runs of spaces and tabs, a run as
   * wide as its spaces (none at the start of a line); a greedy wrap.
   */
  function byWords(text: string, width: number, font: Font): number {
    const space = textWidth(" ", font);
    let lines = 0;
    for (const paragraph of text.replace(/\r/g, "").split("\n")) {
      const tokens = paragraph.match(/[ \t]+|[^ \t]+/g) ?? [];
      let used = 0;
      let gap = 0;
      let count = 1;
      for (const token of tokens) {
        if (/^[ \t]/.test(token)) {
          if (used > 0) gap += token.length * space;
          continue;
        }
        const w = textWidth(token, font);
        if (used > 0 && used + gap + w > width) {
          count += 1;
          used = 0;
        } else if (used > 0) used += gap;
        used += w;
        gap = 0;
        while (used > width) {
          count += 1;
          used -= width;
        }
      }
      lines += count;
    }
    return lines;
  }

  it("counts the lines of a greedy wrap for random texts with spaces, tabs and breaks", () => {
    // A small deterministic generator: the same texts on every run.
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = [
      "a",
      "kata",
      "Persentase",
      "x".repeat(70),
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\u00a0",
      "",
    ];
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: next(30) }, () => pieces[next(pieces.length)]).join("");
      const width = 20 + next(300);
      const font: Font = {
        name: next(2) ? "Arial" : "Calibri",
        size: 8 + next(4),
        bold: next(2) === 1,
      };
      expect(wrappedLines(text, width, font)).toBe(byWords(text, width, font));
    }
  });
});
