import { fixOnce, ruleCodes, written } from "./helpers";
import { writtenWorkbook, type WrittenCondition } from "./workbook";

/** CSF 1 and antara 1.1, whose heading names it "Meningkatnya Kualitas Perencanaan Daerah". */
function workbook(heading = "Meningkatnya Kualitas Perencanaan Daerah"): WrittenCondition[] {
  return [
    {
      code: "1",
      name: "Meningkatnya Kualitas Tata Kelola",
      indicators: [{ name: "Nilai Tata Kelola Pemerintahan" }],
      children: [
        {
          code: "1.1",
          name: "Meningkatnya Kualitas Perencanaan",
          heading: { code: "1.1", name: heading },
          indicators: [{ name: "Nilai Perencanaan Daerah" }],
        },
      ],
    },
  ];
}

describe("one name for a condition written with two", () => {
  it("writes the CSF table's name in the heading by default, and offers both", () => {
    const r = fixOnce(writtenWorkbook(workbook()), ["name-mismatch"]);
    expect(r.fixes.map((f) => [f.description, f.choice])).toEqual([
      [
        'Nama kondisi 1.1 → "Meningkatnya Kualitas Perencanaan" di 1 tempat',
        {
          question: "Nama yang ditulis di semua tempat:",
          options: [
            "Meningkatnya Kualitas Perencanaan",
            "Meningkatnya Kualitas Perencanaan Daerah",
          ],
          chosen: 0,
        },
      ],
    ]);
    expect(written(r.edits)).toEqual([
      "Uraian Kondisi!9,0: 1.1. Meningkatnya Kualitas Perencanaan",
    ]);
    expect(ruleCodes(r.after, "name-mismatch")).toEqual([]);
  });

  it("writes the name the user picks in every place, the CSF tables included", () => {
    const id = "name-mismatch|'Uraian Kondisi'!A10|1.1";
    const r = fixOnce(writtenWorkbook(workbook()), ["name-mismatch"], { choices: { [id]: 1 } });
    expect(r.fixes.map((f) => f.id)).toEqual([id]);
    expect(written(r.edits)).toEqual([
      "CSF!10,2: Meningkatnya Kualitas Perencanaan Daerah (CSF 1.1)",
    ]);
    expect(ruleCodes(r.after, "name-mismatch")).toEqual([]);
  });

  it("leaves names that differ only in case and spacing alone", () => {
    const r = fixOnce(writtenWorkbook(workbook("meningkatnya  kualitas perencanaan")));
    expect(r.fixes).toEqual([]);
  });
});
