import { sections } from "../../fixtures/reader/fixtures";
import { nodeById, readBoth } from "./load";

describe("reading the sections of the document layout", () => {
  it("matches the first heading, which has no code, to the CSF by name", async () => {
    for (const [, model] of await readBoth(sections)) {
      const csf = nodeById(model, "1");
      expect(csf.sectionCell).toBe("'Uraian'!A1");
      expect(csf.explanation).toBe("Tata kelola merupakan konsep.");
      expect(csf.problems).toBe("Masalah terkait dengan kondisi ini antara lain belum optimal.");
      expect(csf.indicatorLine).toBe(
        "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Indeks RB"
      );
      expect(csf.impact).toBe("Dengan meningkatnya tata kelola, pelayanan membaik.");
      expect(csf.indicators.map((i) => [i.name, i.definition, i.dataSource])).toEqual([
        ["Indeks RB", "Def RB", "Sumber RB"],
      ]);
    }
  });

  it("reads a heading without a trailing dot and keeps numbered paragraphs as text", async () => {
    for (const [, model] of await readBoth(sections)) {
      const org = nodeById(model, "1.1");
      expect(org.sectionCell).toBe("'Uraian'!A10");
      expect(org.explanation).toBe(
        "1. Penataan Organisasi merupakan upaya meningkatkan efisiensi organisasi.\n" +
          "2. Organisasi yang tidak tepat fungsi mempengaruhi capaian kinerja"
      );
      expect(org.problems).toBeNull();
      expect(org.indicators.map((i) => i.name)).toEqual([
        "Nilai Evaluasi Kelembagaan",
        "Indeks Pelayanan Publik",
      ]);
      expect(org.impact).toBe("Dengan penataan organisasi, kinerja lebih baik.");
    }
  });

  it("matches a heading whose code differs from the table's code by name, and records both", async () => {
    for (const [, model] of await readBoth(sections)) {
      const renja = nodeById(model, "2.1");
      expect(renja.parent).toBe("1.2");
      expect(renja.sectionCell).toBe("'Uraian'!A25");
      expect(renja.mentions.map((m) => [m.kind, m.code, m.name])).toEqual([
        ["csf-table", "2.1", "Tersusunnya Dokumen Renja"],
        ["section-heading", "1.2.1", "Tersusunnya Dokumen Renja"],
      ]);
      expect(renja.indicators.map((i) => i.name)).toEqual(["Jumlah Dokumen Renja"]);
    }
  });

  it("makes a node of a section no table lists, with its parent from its code", async () => {
    for (const [, model] of await readBoth(sections)) {
      const renstra = nodeById(model, "1.2.2");
      expect({
        name: renstra.name,
        depth: renstra.depth,
        level: renstra.level,
        parent: renstra.parent,
        parentId: renstra.parentId,
        cell: renstra.cell,
      }).toEqual({
        name: "Tersusunnya Dokumen Renstra",
        depth: 3,
        level: "operasional",
        parent: "1.2",
        parentId: "1.2",
        cell: "'Uraian'!A31",
      });
      expect(renstra.explanation).toBe("Renstra disusun.");
      expect(renstra.indicators.map((i) => i.name)).toEqual(["Jumlah Dokumen Renstra"]);
      expect(model.nodes.map((n) => n.id)).toEqual(["1", "1.1", "1.2", "2.1", "1.2.2"]);
      expect(model.findings).toEqual([]);
    }
  });
});
