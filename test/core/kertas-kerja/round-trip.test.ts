/**
 * The key property of the kertas kerja: the sheet read on its own gives back the model it was
 * written from. Here on literal models; round-trip-sample.test.ts runs the sample and fixtures.
 */
import { readWorkbook } from "../../../src/core/reader";
import { planKertasKerja } from "../../../src/core/kertas-kerja";
import type { CsfModel } from "../../../src/core/model";
import { planToGrids } from "../../helpers/plan-to-grids";
import { indicator, model as literalModel, node, settings } from "./build-model";
import { essence } from "./essence";

describe("a literal model written and read back", () => {
  function roundTrip(m: CsfModel): CsfModel {
    return readWorkbook(planToGrids(planKertasKerja(m, { sheets: [] }, settings())));
  }

  it("keeps conditions, causes, parents, narratives and indicators", () => {
    const m = literalModel([
      node("1", "Meningkatnya Kualitas Tata Kelola Pemerintahan", {
        cause: "Belum optimalnya Pelaksanaan Reformasi Birokrasi",
      }),
      node("1.1", "Meningkatnya Kualitas Penyelenggaraan Pemerintahan", {
        indicators: [
          indicator("Nilai Laporan Penyelenggaraan Pemerintahan Daerah"),
          indicator("Persentase Rekomendasi yang Ditindaklanjuti", { dataSource: null }),
        ],
      }),
      node("1.1.1", "Terlaksananya Penataan Administrasi Pemerintahan"),
      node("1.1.2", "Tersedianya Dokumen Hasil Fasilitasi Otonomi Daerah", { impact: null }),
      node("1.2", "Meningkatnya Kebijakan Kesejahteraan Rakyat"),
      node("1.2.1", "Terlaksananya Fasilitasi Bina Mental Spiritual"),
    ]);
    const back = roundTrip(m);
    expect(essence(back)).toEqual(essence(m));
    expect(back.outcome).toBe(m.outcome);
  });

  it("keeps both conditions that share a code, each with its own section", () => {
    const m = literalModel([
      node("1", "Meningkatnya Kualitas Tata Kelola Pemerintahan"),
      node("1.4", "Meningkatnya Fasilitasi Perekonomian dan Pembangunan"),
      node("1.4.6", "Terlaksananya Koordinasi Kebijakan Urusan Pertanian dan Perikanan"),
      node("1.4.6", "Terlaksananya Koordinasi Kebijakan Urusan Pertambangan dan Lingkungan", {
        id: "1.4.6#2",
      }),
    ]);
    const back = roundTrip(m);
    const pairs = (x: CsfModel) => x.nodes.map((n) => [n.code, n.name, n.explanation]);
    expect(pairs(back)).toEqual(expect.arrayContaining(pairs(m)));
    expect(back.nodes).toHaveLength(4);
  });

  it("reads back ten conditions under one parent in code order, 1.10 after 1.9", () => {
    const nodes = [node("1", "Meningkatnya Kualitas Tata Kelola Pemerintahan")];
    for (let i = 1; i <= 10; i++)
      nodes.push(node(`1.${i}`, `Meningkatnya Kualitas Bidang Nomor ${i}`));
    const back = roundTrip(literalModel(nodes));
    expect(back.nodes.map((n) => n.code)).toEqual(nodes.map((n) => n.code));
    expect(back.nodes.filter((n) => n.parent === "1")).toHaveLength(10);
  });

  it("splits a paragraph too tall for one row at its line breaks and reads it back whole", () => {
    const paragraph = (k: number) =>
      `${k}. Penataan organisasi merupakan upaya berkelanjutan untuk menata kelembagaan perangkat daerah. `.repeat(
        4
      );
    const explanation = Array.from({ length: 12 }, (_, k) => paragraph(k + 1).trim()).join("\n");
    const m = literalModel([
      node("1", "Terwujudnya Penataan Organisasi Perangkat Daerah", { explanation }),
    ]);
    const plan = planKertasKerja(m, { sheets: [] }, settings());
    const rows = plan.cells.filter(
      (c) => typeof c.value === "string" && /^\d+\. Penataan organisasi/.test(c.value)
    );
    expect(rows.length).toBeGreaterThan(1);
    for (const h of plan.rowHeights) expect(h.height).toBeLessThanOrEqual(409);
    expect(readWorkbook(planToGrids(plan)).nodes[0]?.explanation).toBe(explanation);
  });

  it("keeps a condition whose parent is unknown out from under the other parents", () => {
    const m = literalModel([
      node("1", "Meningkatnya Kualitas Tata Kelola Pemerintahan"),
      node("1.1", "Meningkatnya Kualitas Penyelenggaraan Pemerintahan"),
      node("2.1", "Terlaksananya Fasilitasi Pengelolaan Bina Mental", { parentId: null }),
    ]);
    const back = roundTrip(m);
    const orphan = back.nodes.find((n) => n.code === "2.1");
    expect(orphan?.parentId).toBeNull();
    expect(back.nodes.find((n) => n.code === "1.1")?.parentId).toBe("1");
  });

  it("cuts a parent with more children than a page holds into runs that read back as one", () => {
    const nodes = [
      node("1", "Meningkatnya Kualitas Tata Kelola Pemerintahan"),
      node("1.1", "Meningkatnya Kualitas Penyelenggaraan Pemerintahan"),
    ];
    for (let i = 1; i <= 60; i++) {
      nodes.push(node(`1.1.${i}`, `Terlaksananya Fasilitasi Kegiatan Pemerintahan Nomor ${i}`));
    }
    const m = literalModel(nodes);
    const plan = planKertasKerja(m, { sheets: [] }, settings());
    const parentRows = plan.cells.filter(
      (c) => c.col === 1 && c.value === "Meningkatnya Kualitas Penyelenggaraan Pemerintahan (1.1)"
    );
    expect(parentRows.length).toBeGreaterThan(1);
    // No vertical merge crosses a page break.
    for (const b of plan.print?.rowBreaks ?? []) {
      expect(plan.merges.some((r) => r.top < b && r.bottom >= b)).toBe(false);
    }
    const back = readWorkbook(planToGrids(plan));
    expect(back.nodes.filter((n) => n.parentId === "1.1")).toHaveLength(60);
    expect(essence(back)).toEqual(essence(m));
  });
});
