import { outcomeBelow, outcomeRight, unplaceable } from "../../fixtures/reader/fixtures";
import { readBoth } from "./load";
import { readWorkbook } from "../../../src/core/reader";

describe("reading the outcome", () => {
  it("takes the value right of an Outcome label", async () => {
    for (const [, model] of await readBoth(outcomeRight)) {
      expect([model.outcome, model.outcomeCell]).toEqual([
        "Meningkatnya Pelayanan Publik",
        "'Data'!C1",
      ]);
      expect(model.nodes.map((n) => n.name)).toEqual(["Meningkatnya Tata Kelola"]);
      expect(model.findings).toEqual([]);
    }
  });

  it("takes the value below an Outcome Kinerja label", async () => {
    for (const [, model] of await readBoth(outcomeBelow)) {
      expect([model.outcome, model.outcomeCell]).toEqual([
        "Meningkatnya Pelayanan Publik",
        "'Data'!B3",
      ]);
      expect(model.findings).toEqual([]);
    }
  });

  it("takes the outcome typed with its label in one cell, as a title line", () => {
    const model = readWorkbook({
      sheets: [
        {
          name: "Pohon",
          values: [
            ["POHON KINERJA DINAS KESEHATAN"],
            ["Outcome: Meningkatnya Derajat Kesehatan Masyarakat"],
            [null],
            ["Kode", "Kondisi"],
            ["1", "Meningkatnya Mutu Layanan"],
          ],
        },
      ],
    });
    expect([model.outcome, model.outcomeCell]).toEqual([
      "Meningkatnya Derajat Kesehatan Masyarakat",
      "'Pohon'!A2",
    ]);
    expect(model.findings).toEqual([]);
  });
});

describe("content the reader cannot place", () => {
  it("is reported with its cell while the rest is read", async () => {
    for (const [, model] of await readBoth(unplaceable)) {
      expect(model.nodes.map((n) => n.code)).toEqual(["1"]);
      expect(model.nodes[0]?.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
        ["Indeks A", 10, 9],
      ]);
      const found = model.findings.map((f) => [f.rule, f.severity, f.cell]);
      expect(found.sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual([
        ["skipped-content", "warning", "'CSF'!A3"],
        ["skipped-content", "info", "'CSF'!A5"],
        ["skipped-content", "warning", "'CSF'!C9"],
      ]);
      for (const f of model.findings) expect(f.message).toContain(f.cell ?? "");
    }
  });

  it("renders its findings in English when asked", async () => {
    const { readWorkbook } = await import("../../../src/core/reader");
    const { gridsOf } = await import("../../fixtures/reader/fixtures");
    const model = readWorkbook(gridsOf(unplaceable, false), { lang: "en" });
    const text = model.findings.find((f) => f.cell === "'CSF'!A5");
    expect(text?.message).toMatch(/^Text at 'CSF'!A5 could not be placed/);
  });
});
