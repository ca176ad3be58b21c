import { planKertasKerja } from "../../../src/core/kertas-kerja";
import { analyse } from "../../../src/core/pipeline";
import { planToGrids } from "../../helpers/plan-to-grids";
import { fixOnce, ruleCodes, SETTINGS, written } from "./helpers";
import { writtenWorkbook, type WrittenCondition } from "./workbook";

const ind = (name: string) => [{ name }];

/** CSF 1 with kondisi antara 1.1 "Perencanaan" and 1.2 "Kesejahteraan" and their children. */
function tree(under11: WrittenCondition[], under12: WrittenCondition[]): WrittenCondition[] {
  return [
    {
      code: "1",
      name: "Meningkatnya Kualitas Tata Kelola",
      indicators: ind("Nilai Tata Kelola Pemerintahan"),
      children: [
        {
          code: "1.1",
          name: "Meningkatnya Kualitas Perencanaan",
          indicators: ind("Nilai Perencanaan Daerah"),
          children: under11,
        },
        {
          code: "1.2",
          name: "Meningkatnya Kebijakan Kesejahteraan",
          indicators: ind("Nilai Kebijakan Kesejahteraan"),
          children: under12,
        },
      ],
    },
  ];
}

const op = (
  code: string,
  word: string,
  over: Partial<WrittenCondition> = {}
): WrittenCondition => ({
  code,
  name: `Terlaksananya Fasilitasi ${word}`,
  indicators: ind(`Jumlah Dokumen Fasilitasi ${word}`),
  ...over,
});

const codesOf = (wb: ReturnType<typeof writtenWorkbook>) =>
  analyse(wb, SETTINGS).model.nodes.map((n) => n.code);

describe("renumbering a code that is not under its parent", () => {
  it("gives the children of 1.2 typed 2.1, 2.2 the codes 1.2.1, 1.2.2, in the CSF table only when the headings have them", () => {
    const wb = writtenWorkbook(
      tree(
        [op("1.1.1", "Renja")],
        [
          op("2.1", "Bina Mental", {
            heading: { code: "1.2.1", name: "Terlaksananya Fasilitasi Bina Mental" },
            kode: "1.2.1",
          }),
          op("2.2", "Kesejahteraan Sosial", {
            heading: { code: "1.2.2", name: "Terlaksananya Fasilitasi Kesejahteraan Sosial" },
            kode: "1.2.2",
          }),
        ]
      )
    );
    const r = fixOnce(wb);
    expect(r.fixes.map((f) => f.description)).toEqual([
      "Kode 2.1 → 1.2.1 di 1 tempat",
      "Kode 2.2 → 1.2.2 di 1 tempat",
    ]);
    // Both fixes write the one cell listing 1.2's children: each its own line.
    expect(written(r.edits)).toEqual([
      "CSF!14,2: Terlaksananya Fasilitasi Bina Mental (1.2.1)\nTerlaksananya Fasilitasi Kesejahteraan Sosial (1.2.2)",
    ]);
    expect(ruleCodes(r.before, "code-parent-mismatch")).toHaveLength(2);
    expect(ruleCodes(r.after, "code-parent-mismatch", "numbering-gap")).toEqual([]);
    expect(codesOf(r.grids)).toEqual(["1", "1.1", "1.2", "1.1.1", "1.2.1", "1.2.2"]);
  });

  it("rewrites the code in the table, the heading and the Kode column when all carry it", () => {
    const wb = writtenWorkbook(tree([op("1.1.1", "Renja")], [op("3.1", "Bina Mental")]));
    const r = fixOnce(wb);
    expect(r.fixes.map((f) => f.description)).toEqual(["Kode 3.1 → 1.2.1 di 3 tempat"]);
    expect(written(r.edits)).toEqual([
      "CSF!14,2: Terlaksananya Fasilitasi Bina Mental (1.2.1)",
      "Uraian Kondisi!36,0: 1.2.1. Terlaksananya Fasilitasi Bina Mental",
      "Target & Realisasi!7,0: 1.2.1",
    ]);
    expect(r.after).toEqual([]);
  });

  it("keeps the siblings' order: a wrong code takes the first free number after the sibling before it", () => {
    const wb = writtenWorkbook(
      tree([], [op("1.2.1", "Renja"), op("7.7", "Renstra"), op("1.2.3", "Lakip")])
    );
    const r = fixOnce(wb);
    expect(r.fixes.map((f) => f.description)).toEqual(["Kode 7.7 → 1.2.2 di 3 tempat"]);
    expect(codesOf(r.grids)).toEqual(["1", "1.1", "1.2", "1.2.1", "1.2.2", "1.2.3"]);
  });

  it("takes the conditions under a renumbered one along, in one fix", () => {
    const wb = writtenWorkbook([
      {
        code: "1",
        name: "Meningkatnya Kualitas Tata Kelola",
        indicators: ind("Nilai Tata Kelola Pemerintahan"),
        children: [
          {
            code: "2.1",
            name: "Meningkatnya Kualitas Perencanaan",
            indicators: ind("Nilai Perencanaan Daerah"),
            children: [op("2.1.1", "Renja"), op("2.1.2", "Renstra")],
          },
        ],
      },
    ]);
    const r = fixOnce(wb);
    expect(r.fixes.map((f) => f.description)).toEqual([
      "Kode 2.1 → 1.1 di 9 tempat, beserta 2 kondisi di bawahnya",
    ]);
    expect(codesOf(r.grids)).toEqual(["1", "1.1", "1.1.1", "1.1.2"]);
    expect(r.after).toEqual([]);
  });

  it("makes one fix of a wrong condition under a wrong condition", () => {
    const wb = writtenWorkbook([
      {
        code: "1",
        name: "Meningkatnya Kualitas Tata Kelola",
        indicators: ind("Nilai Tata Kelola Pemerintahan"),
        children: [
          {
            code: "2.1",
            name: "Meningkatnya Kualitas Perencanaan",
            indicators: ind("Nilai Perencanaan Daerah"),
            children: [op("5.5.1", "Renja")],
          },
        ],
      },
    ]);
    const r = fixOnce(wb);
    expect(r.fixes).toHaveLength(1);
    expect(r.fixes[0]?.findings.map((f) => f.code)).toEqual(["2.1", "5.5.1"]);
    expect(codesOf(r.grids)).toEqual(["1", "1.1", "1.1.1"]);
  });
});

describe("renumbering the later of two conditions with one code", () => {
  it("gives it the next code after the highest under its parent, everywhere it is written", () => {
    const wb = writtenWorkbook(
      tree(
        [],
        [
          op("1.2.1", "Renja"),
          op("1.2.2", "Pertanian"),
          op("1.2.2", "Pertambangan", {
            heading: { code: "1.2.3", name: "Terlaksananya Fasilitasi Pertambangan" },
          }),
        ]
      )
    );
    const r = fixOnce(wb);
    expect(r.fixes.map((f) => `${f.rule}: ${f.description}`)).toEqual([
      "duplicate-code: Kode 1.2.2 → 1.2.3 di 2 tempat",
    ]);
    // The later condition's own Kode cell too, though the reader credits it to the first 1.2.2.
    expect(written(r.edits)).toContain("Target & Realisasi!8,0: 1.2.3");
    expect(codesOf(r.grids)).toEqual(["1", "1.1", "1.2", "1.2.1", "1.2.2", "1.2.3"]);
    expect(r.after).toEqual([]);
  });
});

describe("what a renumbering never touches", () => {
  it("leaves a heading that is a formula to follow its source", () => {
    const wb = writtenWorkbook(tree([], [op("3.1", "Bina Mental")]));
    const sections = wb.sheets[1];
    if (!sections) throw new Error("no sections sheet");
    sections.formulas = [];
    sections.formulas[27] = ["=CSF!C14"];
    const r = fixOnce(wb);
    expect(r.edits.map((e) => e.sheet)).toEqual(["CSF", "Target & Realisasi"]);
  });

  it("offers nothing on a sheet the add-in made, even when it is the only one read", () => {
    const wb = writtenWorkbook(tree([], [op("3.1", "Bina Mental")]));
    const generated = planToGrids(planKertasKerja(analyse(wb, SETTINGS).model, wb, SETTINGS));
    const r = fixOnce(generated);
    expect(ruleCodes(r.before, "code-parent-mismatch")).toEqual(["code-parent-mismatch 3.1"]);
    expect(r.fixes).toEqual([]);
  });

  it("offers nothing on a protected sheet", () => {
    const wb = writtenWorkbook(tree([], [op("3.1", "Bina Mental")]));
    for (const s of wb.sheets) s.protected = true;
    expect(fixOnce(wb).fixes).toEqual([]);
  });
});
