import {
  applySplices,
  codeSplices,
  lineParts,
  lineSpans,
  nameSplices,
  splicesOverlap,
} from "../../../src/core/fixes/cell-text";
import type { Mention } from "../../../src/core/model";

const mention = (over: Partial<Mention>): Mention => ({
  name: "",
  code: null,
  kind: "csf-table",
  cell: "'CSF'!C20",
  ...over,
});

const recode = (text: string, m: Mention, code: string) =>
  applySplices(text, codeSplices(text, m, code));

describe("taking a cell's line apart as the reader does", () => {
  it("finds a trailing code in parentheses, with or without CSF", () => {
    const line = "Meningkatnya Kualitas Penyelenggaraan Pemerintahan (CSF1.1)";
    const p = lineParts(line, false);
    expect(p.name).toBe("Meningkatnya Kualitas Penyelenggaraan Pemerintahan");
    expect(p.codes.map((c) => [c.code, line.slice(c.span.from, c.span.to)])).toEqual([
      ["1.1", "1.1"],
    ]);
  });

  it("finds a heading's leading code and keeps the name after it", () => {
    const line = "1.1.1. Terlaksananya penataan administrasi pemerintahan";
    const p = lineParts(line, true);
    expect(p.codes.map((c) => c.code)).toEqual(["1.1.1"]);
    expect(line.slice(p.nameSpan?.from, p.nameSpan?.to)).toBe(
      "Terlaksananya penataan administrasi pemerintahan"
    );
  });

  it("reads a leading code only in headings (a table line is a name)", () => {
    expect(lineParts("1.2 Tersusunnya Renja", false).codes).toEqual([]);
  });

  it("reads a cell holding only a code, spaced or with CSF", () => {
    expect(lineParts("CSF 1 . 2", false).codes.map((c) => c.code)).toEqual(["1.2"]);
    expect(lineParts("1.4.6.", false).codes.map((c) => c.code)).toEqual(["1.4.6"]);
  });

  it("splits a text into lines with their offsets, any line break", () => {
    expect(lineSpans("a\r\nbb\rc\n")).toEqual([
      { from: 0, to: 1 },
      { from: 3, to: 5 },
      { from: 6, to: 7 },
      { from: 8, to: 8 },
    ]);
  });
});

describe("rewriting a code where it is written", () => {
  const cell =
    "Terlaksananya Fasilitasi Bina Mental (2.1)\nTerlaksananya Kebijakan Kesejahteraan Sosial (2.2)";

  it("changes only the line of the condition in a cell listing several", () => {
    const m = mention({ name: "Terlaksananya Kebijakan Kesejahteraan Sosial", code: "2.2" });
    expect(recode(cell, m, "1.2.2")).toBe(
      "Terlaksananya Fasilitasi Bina Mental (2.1)\nTerlaksananya Kebijakan Kesejahteraan Sosial (1.2.2)"
    );
  });

  it("keeps 'CSF', spacing and a trailing dot as typed", () => {
    const m = mention({ name: "Meningkatnya Kebijakan", code: "1.2" });
    expect(recode("Meningkatnya Kebijakan ( CSF 1.2 )", m, "1.3")).toBe(
      "Meningkatnya Kebijakan ( CSF 1.3 )"
    );
    const heading = mention({ name: "Terlaksananya X", code: "2.1", kind: "section-heading" });
    expect(recode("2.1. Terlaksananya X", heading, "1.2.1")).toBe("1.2.1. Terlaksananya X");
    const kode = mention({ code: "1.4.6", kind: "measure-table" });
    expect(recode("1.4.6.", kode, "1.4.7")).toBe("1.4.7.");
  });

  it("leaves a line naming another condition with the same code alone", () => {
    const twice = "Tersusunnya Renja (1.1.1)\nTersusunnya Renstra (1.1.1)";
    const m = mention({ name: "Tersusunnya Renstra", code: "1.1.1" });
    expect(recode(twice, m, "1.1.2")).toBe(
      "Tersusunnya Renja (1.1.1)\nTersusunnya Renstra (1.1.2)"
    );
  });

  it("writes nothing when the code is already the new one, or the mention has none", () => {
    expect(codeSplices("X (1.2)", mention({ name: "X", code: "1.2" }), "1.2")).toEqual([]);
    expect(codeSplices("X", mention({ name: "X" }), "1.2")).toEqual([]);
  });
});

describe("rewriting a name where it is written", () => {
  it("replaces the name and keeps the codes around it", () => {
    const m = mention({ name: "Meningkatnya Kualitas Layanan SETDA", code: "1.7" });
    const text = "Meningkatnya Kualitas Layanan SETDA (CSF 1.7)";
    expect(applySplices(text, nameSplices(text, m, "Meningkatnya Layanan Setda"))).toBe(
      "Meningkatnya Layanan Setda (CSF 1.7)"
    );
    const h = mention({ name: "Terlaksannya Otonomi", code: "1.1.2", kind: "section-heading" });
    expect(
      applySplices(
        "1.1.2. Terlaksannya Otonomi",
        nameSplices("1.1.2. Terlaksannya Otonomi", h, "Tersedianya Otonomi")
      )
    ).toBe("1.1.2. Tersedianya Otonomi");
  });

  it("finds nothing in a cell holding only a code", () => {
    expect(
      nameSplices("1.2", mention({ name: "", code: "1.2", kind: "kode-column" }), "X")
    ).toEqual([]);
  });
});

describe("splices", () => {
  it("apply from the end so earlier offsets stay right", () => {
    expect(
      applySplices("a (1) b (2)", [
        { from: 3, to: 4, text: "1.1" },
        { from: 9, to: 10, text: "1.2" },
      ])
    ).toBe("a (1.1) b (1.2)");
  });

  it("overlap when they share a character", () => {
    expect(splicesOverlap([{ from: 0, to: 3, text: "" }], [{ from: 2, to: 4, text: "" }])).toBe(
      true
    );
    expect(splicesOverlap([{ from: 0, to: 3, text: "" }], [{ from: 3, to: 4, text: "" }])).toBe(
      false
    );
  });
});
