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

describe("wrappedLines on any text", () => {
  /** The plain statement of the rule: split into paragraphs and words, wrap greedily. */
  function byWords(text: string, cap: number): number {
    let lines = 0;
    for (const paragraph of text.split(/\r?\n/)) {
      const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
      let used = 0;
      let count = 1;
      for (const word of words) {
        const need = used === 0 ? word.length : used + 1 + word.length;
        if (need <= cap) {
          used = need;
          continue;
        }
        if (used > 0) count += 1;
        const extra = Math.ceil(word.length / cap) - 1;
        count += extra;
        used = word.length - extra * cap;
      }
      lines += count;
    }
    return lines;
  }

  it("counts the lines of a greedy word wrap for random texts with every kind of space and break", () => {
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
      "\u3000",
      "\r",
      "",
    ];
    for (let k = 0; k < 500; k++) {
      const text = Array.from({ length: next(30) }, () => pieces[next(pieces.length)]).join("");
      const width = 5 + next(60);
      const cap = charsPerLine(width, 10);
      expect(wrappedLines(text, width, 10)).toBe(byWords(text, cap));
    }
  });
});
