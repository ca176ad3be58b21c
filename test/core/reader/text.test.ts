import {
  normalise,
  normaliseCode,
  similarity,
  splitLeadingCode,
  splitTrailingCode,
  words,
} from "../../../src/core/reader/text";
import { parsePolarity } from "../../../src/core/reader";
import { recogniseHeader, roleOf } from "../../../src/core/reader/headers";

describe("reader text helpers", () => {
  it.each([
    ["Definisi/ Penjelasan", "definisi penjelasan"],
    ["Definisi/Penjelasan", "definisi penjelasan"],
    ["Capaian (%)", "capaian"],
    ["  Sumber\nData ", "sumber data"],
    ["No.", "no"],
  ])("normalises the header %p to %p", (raw, key) => {
    expect(normalise(raw)).toBe(key);
  });

  it("normalises plain text as the Unicode rule does: lower case, one space between words", () => {
    // The ASCII pass copies runs of words already one space apart; every way a run can start,
    // continue and break is here (double spaces, tabs, punctuation, edges).
    const texts = [
      "Meningkatnya Kualitas Layanan 1.1",
      "  Terwujudnya  kondisi ini dapat tergambar dari indikator (1) Persentase",
      "a b  c\td-e f.",
      "x",
      " .; ",
      "",
      "ABC def GHI",
      "one two three (CSF 1.2)",
      "Masalah terkait: (a) belum optimal; b) koordinasi",
      "tail space ",
      "9 10  11",
    ];
    for (const text of texts)
      expect(normalise(text)).toBe(
        text
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, " ")
          .trim()
      );
    expect(normalise("Kualitas   Layanan\u00a0Publik")).toBe("kualitas layanan publik");
  });

  it.each([
    ["CSF 1", "1"],
    ["CSF1.1", "1.1"],
    ["1.1.", "1.1"],
    ["1.6.4", "1.6.4"],
    [" 2 ", "2"],
    ["CSF-1", "1"],
    ["KA-1.1", "1.1"],
    ["KA 1.1", "1.1"],
    ["KO-1.1.1", "1.1.1"],
    ["1.1.1.", "1.1.1"],
    ["I.1", "1"],
  ])("normalises the code %p to %p", (raw, code) => {
    expect(normaliseCode(raw)).toBe(code);
  });

  it("rejects text that is not a code", () => {
    expect(normaliseCode("Indeks")).toBeNull();
    expect(normaliseCode("1.a")).toBeNull();
    // Codes already in normal form, and near misses that are not codes at all.
    expect(normaliseCode("1.2.3")).toBe("1.2.3");
    expect(normaliseCode("10")).toBe("10");
    expect(normaliseCode("1.2.")).toBe("1.2");
    for (const text of ["1..2", ".1", "1.2.3a", ""]) expect(normaliseCode(text)).toBeNull();
  });

  it.each([
    ["Meningkatnya ITKP (CSF 1.5)", "Meningkatnya ITKP", "1.5"],
    [
      "Meningkatnya Kualitas Penyelenggaraan Pemerintahan (CSF1.1)",
      "Meningkatnya Kualitas Penyelenggaraan Pemerintahan",
      "1.1",
    ],
    ["Terlaksananya Penataan (1.1.1)", "Terlaksananya Penataan", "1.1.1"],
    ["Terlaksananya Administrasi (CSF 1.6.4)", "Terlaksananya Administrasi", "1.6.4"],
    ["Pelayanan (publik)", "Pelayanan (publik)", null],
    ["Tersusunnya Renja (KO-1.2.1)", "Tersusunnya Renja", "1.2.1"],
  ])("splits the code off the end of %p", (text, name, code) => {
    expect(splitTrailingCode(text)).toEqual({ name, code });
  });

  it.each([
    ["1.1.1. Terlaksananya Penataan", { code: "1.1.1", name: "Terlaksananya Penataan" }],
    ["1.8 Terwujudnya Penataan", { code: "1.8", name: "Terwujudnya Penataan" }],
    ["KA-1.2 Meningkatnya Kualitas", { code: "1.2", name: "Meningkatnya Kualitas" }],
    ["Meningkatnya Kualitas", null],
  ])("reads the leading code of %p", (text, expected) => {
    expect(splitLeadingCode(text)).toEqual(expected);
  });

  it("scores a shortened heading close to the full name and an unrelated name low", () => {
    const full = words("Meningkatnya Kualitas Tata Kelola Pemerintahan Sekretariat Daerah");
    expect(
      similarity(words("Meningkatnya Kualitas Tata kelola Pemerintahan"), full)
    ).toBeGreaterThan(0.75);
    expect(similarity(words("Meningkatnya ITKP"), full)).toBeLessThan(0.5);
  });

  it.each([
    ["naik", "higher"],
    ["Positif", "higher"],
    ["Semakin tinggi semakin baik", "higher"],
    ["maksimal", "higher"],
    ["turun", "lower"],
    ["Menurun", "lower"],
    ["negatif", "lower"],
    ["semakin rendah semakin baik", "lower"],
    ["Minimal", "lower"],
    ["", null],
    ["kadang", null],
    ["+", "higher"],
    [" - ", "lower"],
    ["NAIK.", "higher"],
    ["  turun ", "lower"],
    ["naik turun", null],
  ])("reads the polarity word %p as %p", (word, polarity) => {
    expect(parsePolarity(word)).toBe(polarity);
  });

  it.each([
    ["Indikator Kinerja", "name"],
    ["Definisi/ Penjelasan", "definition"],
    ["Relevansi Menggambarkan Kondisi", "relevance"],
    ["Formulasi/Rumus Perhitungan", "formula"],
    ["Sumber Data", "dataSource"],
    ["Capaian (%)", "achievement"],
    ["Arah", "polarity"],
    ["Pembilang", "numerator"],
    ["Penyebut", "denominator"],
  ])("recognises the header %p as %p", (text, role) => {
    expect(roleOf(text)?.role).toBe(role);
  });

  it("recognises a header row whatever the spacing around its cells, and not a data row", () => {
    const spaced = recogniseHeader([
      "  Indikator Kinerja  ",
      "\nTarget",
      `Realisasi${" ".repeat(70)}`,
      "Catatan",
    ]);
    expect(spaced?.kind).toBe("measure");
    expect(spaced?.columns).toEqual({ name: 0, target: 1, actual: 2 });
    expect(spaced?.lastCol).toBe(3);
    expect(recogniseHeader(["Persentase layanan", 80, 75, "Catatan target"])).toBeNull();
    expect(recogniseHeader(["Indikator Kinerja"])).toBeNull();
  });

  it("does not take a long sentence for a header", () => {
    expect(roleOf(`Target ${"x".repeat(80)}`)).toBeNull();
  });
});
