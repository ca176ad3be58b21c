import {
  firstWord,
  nameKey,
  nameSimilarity,
  namesInIndicatorLine,
  textKey,
  words,
} from "../../../src/core/checks/text";

describe("check text helpers", () => {
  it("split an indicator line at (1), (a) and 1) markers, keeping parentheses inside names", () => {
    expect(
      namesInIndicatorLine(
        "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Nilai Indeks Reformasi Hukum (IRH) (2) Jumlah Kasus (Dokumen)."
      )
    ).toEqual(["Nilai Indeks Reformasi Hukum (IRH)", "Jumlah Kasus (Dokumen)"]);
    expect(
      namesInIndicatorLine(
        "Terwujudnya kondisi ini dapat tergambar dari indicator(a) A satu b) B dua"
      )
    ).toEqual(["A satu", "B dua"]);
  });

  it("strip the punctuation around each name: . , ; : and - before it, . , ; : after it", () => {
    expect(
      namesInIndicatorLine(
        "Tergambar dari INDIKATOR :  (1) - Nilai A;  (2) Jumlah B -. (3) ,; : (4)\u00a0Persen C…"
      )
    ).toEqual(["Nilai A", "Jumlah B -", "Persen C…"]);
    expect(namesInIndicatorLine("indikator: Indeks Kepuasan.")).toEqual(["Indeks Kepuasan"]);
    expect(namesInIndicatorLine("  : Tanpa kata kunci ; ")).toEqual(["Tanpa kata kunci"]);
    expect(namesInIndicatorLine("indikator (1) . (2) ;")).toEqual([]);
  });

  it("do not split at a word ending before a closing parenthesis", () => {
    expect(
      namesInIndicatorLine(
        "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Laporan (Kecamatan dan Kelurahan)"
      )
    ).toEqual(["Jumlah Laporan (Kecamatan dan Kelurahan)"]);
  });

  it("read a line without markers as one name", () => {
    expect(
      namesInIndicatorLine(
        "Terwujudnya kondisi ini dapat tergambar dari indikator Jumlah Dokumen Hasil"
      )
    ).toEqual(["Jumlah Dokumen Hasil"]);
  });

  it("compare names without case, spacing, punctuation, '&' or a trailing code", () => {
    expect(nameKey("Tata laksana & Budaya (CSF 1.8.2)")).toBe(nameKey("tatalaksana dan budaya."));
    expect(nameKey("Analisis Jabatan PD")).not.toBe(nameKey("Analisis Jabatan"));
  });

  it("compare texts word for word, ignoring case and punctuation only", () => {
    expect(textKey("Jumlah dokumen,  dalam 1 Tahun.")).toBe(
      textKey("jumlah Dokumen dalam 1 tahun")
    );
    expect(textKey("Jumlah dokumen dalam 1 tahun")).not.toBe(
      textKey("Jumlah dokumen dalam 2 tahun")
    );
  });

  it("score '%' as 'Persentase' and ignore 'yang' and 'dan' in indicator names", () => {
    expect(nameSimilarity("% Layanan yang Terpenuhi", "Persentase Layanan Terpenuhi")).toBe(1);
    expect(nameSimilarity("Jumlah Dokumen Renja", "Persentase BMD Baik")).toBe(0);
  });

  it("split words as documented: lowercase, '&' as dan, '%' as persentase, accents kept", () => {
    expect(words("  Tata-Laksana&Budaya (CSF 1.2)  ")).toEqual([
      "tata",
      "laksana",
      "dan",
      "budaya",
      "csf",
      "1",
      "2",
    ]);
    expect(words("12%  Layanan Café’s")).toEqual(["12", "persentase", "layanan", "café", "s"]);
    expect(words(" ,.; ")).toEqual([]);
    expect(words("")).toEqual([]);
  });

  it("key texts alike when their words are the same, whatever the case or punctuation", () => {
    expect(textKey("Jumlah & Nilai, 100%")).toBe("jumlah dan nilai 100 persentase");
    expect(textKey("Layanan CAFÉ Baru")).toBe(textKey("layanan café  baru."));
    expect(textKey("Layanan CAFÉ Baru")).not.toBe(textKey("Layanan CAFE Baru"));
    expect(textKey(" .; ")).toBe("");
  });

  it("give the same first word as the full split", () => {
    // Plain ASCII names take a shorter path: a letter with an accent (or the Kelvin sign, which
    // lowercases to "k") right after the first word must still count as part of it.
    for (const s of [
      "  & Budaya",
      "(1) Persentase x",
      "1.2.3 Jumlah",
      "...",
      "Éta b",
      "%",
      "Jumlah Dokumen",
      "- Rasio, x",
      "Cafés baru",
      "Ab\u212Ac d",
      "Nilai É",
    ])
      expect(firstWord(s)).toBe(words(s.replace(/^\s*\(?\d+(?:\.\d+)*\.?\)?\s+/, ""))[0] ?? "");
  });

  it("take the first word after a leading number", () => {
    expect(firstWord("1.2. Meningkatnya Kualitas")).toBe("meningkatnya");
    expect(firstWord("% Kebijakan")).toBe("persentase");
  });
});
