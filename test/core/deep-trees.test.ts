/**
 * Trees deeper than CSF → antara → operasional (codes 1.1.1.1 …): every level between the CSF and
 * the leaves is a kondisi antara, the leaves are kondisi operasional; the checks, the tree and
 * the kertas kerja take any depth.
 */
import type { WorkbookGrids } from "../../src/core/grid";
import { analyse } from "../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { layoutPohon, planTree } from "../../src/core/tree";
import { planKertasKerja } from "../../src/core/kertas-kerja";

const header = [
  "Kode",
  "Kondisi",
  "Indikator Kinerja",
  "Definisi",
  "Relevansi",
  "Formulasi",
  "Sumber Data",
  "Target",
  "Realisasi",
];
const row = (code: string, kondisi: string, indikator: string) => [
  code,
  kondisi,
  indikator,
  `Definisi ${indikator}`,
  `Relevansi ${indikator}`,
  `${indikator} / total x 100`,
  "Dinas Kesehatan",
  80,
  82,
];

const deep: WorkbookGrids = {
  name: "dalam.xlsx",
  sheets: [
    {
      name: "Pohon",
      values: [
        ["Outcome: Meningkatnya Derajat Kesehatan Masyarakat"],
        [],
        header,
        row("1", "Meningkatnya Mutu Layanan Kesehatan", "Indeks Mutu Layanan"),
        row("1.1", "Meningkatnya Akreditasi Puskesmas", "Persentase Puskesmas Terakreditasi"),
        row("1.1.1", "Meningkatnya Kesiapan Puskesmas", "Persentase Puskesmas Siap"),
        row("1.1.1.1", "Terlaksananya Pelatihan Tim Mutu", "Jumlah Pelatihan Tim Mutu"),
        row("1.1.1.1.1", "Tersusunnya Modul Pelatihan", "Jumlah Modul Pelatihan"),
        row("1.1.1.2", "Terlaksananya Survei Kepuasan", "Jumlah Survei Kepuasan"),
        row("1.1.2", "Tersusunnya Dokumen Mutu", "Jumlah Dokumen Mutu"),
        row("1.2", "Meningkatnya Kompetensi Tenaga", "Persentase Tenaga Kompeten"),
      ],
    },
  ],
};

describe("a tree five levels deep", () => {
  const analysis = analyse(deep, DEFAULT_SETTINGS, "dalam.xlsx");
  const { model, findings } = analysis;

  it("reads every level with its parent, antara down to the leaves and operasional at them", () => {
    expect(model.nodes.map((n) => [n.code, n.depth, n.level, n.parent])).toEqual([
      ["1", 1, "csf", null],
      ["1.1", 2, "antara", "1"],
      ["1.1.1", 3, "antara", "1.1"],
      ["1.1.1.1", 4, "antara", "1.1.1"],
      ["1.1.1.1.1", 5, "operasional", "1.1.1.1"],
      ["1.1.1.2", 4, "operasional", "1.1.1"],
      ["1.1.2", 3, "operasional", "1.1"],
      ["1.2", 2, "antara", "1"],
    ]);
    expect(model.nodes.every((n) => n.indicators.length === 1)).toBe(true);
  });

  it("finds no structural fault in it", () => {
    const structural = ["orphan", "code-parent-mismatch", "numbering-gap", "duplicate-code"];
    expect(findings.filter((f) => structural.includes(f.rule))).toEqual([]);
  });

  it("draws every condition in the tree, none on the shelf of unplaced boxes", () => {
    const { layout } = layoutPohon(model, findings, deep, DEFAULT_SETTINGS);
    const placed = layout.boxes.filter((b) => b.kind !== "shelf").map((b) => b.id);
    for (const n of model.nodes) expect(placed).toContain(n.id);
    expect(layout.boxes.some((b) => b.kind === "shelf")).toBe(false);
    // Each child's box sits below its parent's.
    const byId = new Map(layout.boxes.filter((b) => b.kind !== "continued").map((b) => [b.id, b]));
    for (const n of model.nodes)
      if (n.parentId) expect(byId.get(n.id)!.top).toBeGreaterThan(byId.get(n.parentId)!.bottom);
    expect(planTree(model, findings, deep, DEFAULT_SETTINGS).cells.length).toBeGreaterThan(0);
  });

  it("writes every condition into the kertas kerja", () => {
    const plan = planKertasKerja(model, deep, DEFAULT_SETTINGS);
    const texts = plan.cells.map((c) => String(c.value ?? ""));
    for (const n of model.nodes) expect(texts.some((t) => t.includes(n.name))).toBe(true);
  });
});
