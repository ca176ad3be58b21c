import { mergedParents, oddHeaders } from "../../fixtures/reader/fixtures";
import { nodeById, outline, readBoth } from "./load";

describe("reading the CSF tables", () => {
  it.each([mergedParents])("reads one table per sheet with merged parents ($file)", async (f) => {
    for (const [variant, model] of await readBoth(f)) {
      expect([variant, outline(model)]).toEqual([
        variant,
        [
          ["1", "Meningkatnya A", 1, "csf", null],
          ["2", "Meningkatnya B", 1, "csf", null],
          ["1.1", "Meningkatnya A satu", 2, "antara", "1"],
          ["1.2", "Meningkatnya A dua", 2, "antara", "1"],
          ["2.1", "Meningkatnya B satu", 2, "antara", "2"],
          ["1.1.1", "Terlaksananya A1a", 3, "operasional", "1.1"],
          ["1.1.2", "Terlaksananya A1b", 3, "operasional", "1.1"],
          ["1.1.3", "Terlaksananya A1c", 3, "operasional", "1.1"],
          ["2.1", "Terlaksananya A2a", 3, "operasional", "1.2"],
          ["1.2.2", "Terlaksananya A2b", 3, "operasional", "1.2"],
          ["1.2.2", "Terlaksananya A2c", 3, "operasional", "1.2"],
        ],
      ]);
      expect(model.findings).toEqual([]);
    }
  });

  it("keeps duplicate codes as separate nodes with unique ids and links parents by id", async () => {
    for (const [, model] of await readBoth(mergedParents)) {
      expect(model.nodes.map((n) => n.id)).toEqual([
        "1",
        "2",
        "1.1",
        "1.2",
        "2.1",
        "1.1.1",
        "1.1.2",
        "1.1.3",
        "2.1#2",
        "1.2.2",
        "1.2.2#2",
      ]);
      // "(2.1)" listed under CSF 1.2 keeps the parent it is listed under, not one derived from its code.
      expect(nodeById(model, "2.1#2").parentId).toBe("1.2");
      expect(nodeById(model, "1.2.2#2").parentId).toBe("1.2");
    }
  });

  it("records where each condition is listed and how the CSF column names its parent", async () => {
    for (const [, model] of await readBoth(mergedParents)) {
      const a = nodeById(model, "1");
      expect(a.cell).toBe("'CSF'!C2");
      expect(a.cause).toBe("Sebab A");
      expect(a.mentions).toEqual([
        { name: "Meningkatnya A", code: "1", kind: "csf-table", cell: "'CSF'!C2" },
        { name: "Meningkatnya A", code: "1", kind: "csf-table", cell: "'Antara'!B2" },
      ]);
      expect(nodeById(model, "2").mentions.map((m) => m.cell)).toEqual(["'CSF'!C3", "'Antara'!B4"]);
      expect(nodeById(model, "1.1.3").cell).toBe("'Operasional'!C3");
    }
  });

  it("finds several tables on one sheet below title and blank rows, headers in any case and spacing", async () => {
    for (const [, model] of await readBoth(oddHeaders)) {
      expect(outline(model)).toEqual([
        ["1", "Meningkatnya Mutu Layanan", 1, "csf", null],
        ["1.1", "Meningkatnya Kepuasan Warga", 2, "antara", "1"],
      ]);
      expect(model.tables.map((t) => [t.sheet, t.headerRow, t.kind])).toEqual([
        ["Pohon", 2, "csf"],
        ["Pohon", 6, "antara"],
        ["Indikator", 2, "indicator-text"],
      ]);
    }
  });
});
