import { planKertasKerja } from "../../../src/core/kertas-kerja";
import { cellAt, type SheetGrid } from "../../../src/core/grid";
import { markerText } from "../../../src/core/plan";
import { planToSheetGrid } from "../../helpers/plan-to-grids";
import { indicator, model, node, settings } from "./build-model";
import { lookAt } from "./styles";

const emptyWb = { sheets: [] };

function sample() {
  return model([
    node("1", "Meningkatnya Tata Kelola", { cause: "Belum optimalnya Reformasi Birokrasi" }),
    node("1.1", "Meningkatnya Penyelenggaraan Pemerintahan"),
    node("1.2", "Meningkatnya Kebijakan Kesra"),
    node("1.1.1", "Terlaksananya Penataan Administrasi", {
      indicators: [indicator("Jumlah Dokumen Penataan"), indicator("Persentase Kecamatan Tertib")],
    }),
    node("1.1.2", "Tersedianya Dokumen Otonomi"),
    node("1.2.1", "Terlaksananya Fasilitasi Bina Mental"),
  ]);
}

/** Rows (0-based) whose column A text equals `text`. */
function rowsWith(grid: SheetGrid, text: string): number[] {
  const out: number[] = [];
  grid.values.forEach((r, i) => {
    if (r[0] === text) out.push(i);
  });
  return out;
}

function rowTexts(grid: SheetGrid, r: number): (string | number | boolean | null)[] {
  return [0, 1, 2, 3, 4].map((c) => cellAt(grid, r, c));
}

describe("planKertasKerja", () => {
  it("makes a new Kertas Kerja sheet marked as the add-in's own in A1", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    expect(plan.sheet).toBe("Kertas Kerja");
    expect(plan.mode).toBe("create");
    expect(plan.kind).toBe("kertas-kerja");
    expect(plan.cells.find((c) => c.row === 0 && c.col === 0)?.value).toBe(
      markerText("kertas-kerja", "id")
    );
  });

  it("takes another name when the user has a sheet called Kertas Kerja", () => {
    const wb = { sheets: [{ name: "Kertas Kerja", values: [["Catatan saya"]] }] };
    expect(planKertasKerja(sample(), wb, settings()).sheet).toBe("Kertas Kerja (2)");
  });

  it("keeps the name of a Kertas Kerja sheet the add-in made before, to replace it", () => {
    const own = { name: "Kertas Kerja", values: [[markerText("kertas-kerja", "id")]] };
    expect(planKertasKerja(sample(), { sheets: [own] }, settings()).sheet).toBe("Kertas Kerja");
  });

  it("leaves out the outcome heading when the model has no outcome", () => {
    const grid = planToSheetGrid(
      planKertasKerja(model(sample().nodes, { outcome: null }), emptyWb, settings())
    );
    expect(rowsWith(grid, "Critical Success Factor (CSF) dari Outcome Kinerja")).toEqual([]);
  });

  it("writes the title block, the outcome heading and the outcome", () => {
    const grid = planToSheetGrid(planKertasKerja(sample(), emptyWb, settings()));
    const a = grid.values.slice(1, 8).map((r) => r[0] ?? null);
    expect(a).toEqual(
      expect.arrayContaining([
        "KERTAS KERJA POHON KINERJA",
        "SEKRETARIAT DAERAH",
        "Tahun 2024",
        "Critical Success Factor (CSF) dari Outcome Kinerja",
        "Meningkatnya Kualitas Pelayanan Publik",
      ])
    );
    const heading = rowsWith(grid, "Critical Success Factor (CSF) dari Outcome Kinerja")[0] ?? -1;
    expect(cellAt(grid, heading + 1, 0)).toBe("Meningkatnya Kualitas Pelayanan Publik");
  });

  it("uses the model's organisation when the settings give none", () => {
    const m = sample();
    m.organisation = "Dinas Kesehatan";
    const grid = planToSheetGrid(planKertasKerja(m, emptyWb, settings({ organisation: "" })));
    expect(rowsWith(grid, "DINAS KESEHATAN")).toHaveLength(1);
  });

  it("writes the CSF table with the cause and the name followed by its code", () => {
    const grid = planToSheetGrid(planKertasKerja(sample(), emptyWb, settings()));
    const [header] = rowsWith(grid, "No.");
    expect(rowTexts(grid, header ?? -1).slice(0, 3)).toEqual([
      "No.",
      "Faktor Penyebab",
      "Kondisi yang diperlukan",
    ]);
    expect(rowTexts(grid, (header ?? -1) + 1).slice(0, 3)).toEqual([
      "1.",
      "Belum optimalnya Reformasi Birokrasi",
      "Meningkatnya Tata Kelola (CSF 1)",
    ]);
  });

  it("lists each child on its own row with its parent merged over the children's rows", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    const header = rowsWith(grid, "No.").find(
      (r) => cellAt(grid, r, 2) === "Kondisi yang diperlukan (Operasional)"
    );
    expect(header).toBeDefined();
    const h = header ?? -1;
    expect(rowTexts(grid, h + 1).slice(0, 3)).toEqual([
      "1.",
      "Meningkatnya Penyelenggaraan Pemerintahan (1.1)",
      "Terlaksananya Penataan Administrasi (1.1.1)",
    ]);
    expect(rowTexts(grid, h + 2).slice(0, 3)).toEqual([
      null,
      null,
      "Tersedianya Dokumen Otonomi (1.1.2)",
    ]);
    expect(rowTexts(grid, h + 3).slice(0, 3)).toEqual([
      "2.",
      "Meningkatnya Kebijakan Kesra (1.2)",
      "Terlaksananya Fasilitasi Bina Mental (1.2.1)",
    ]);
    expect(plan.merges).toEqual(
      expect.arrayContaining([
        { top: h + 1, left: 0, bottom: h + 2, right: 0 },
        { top: h + 1, left: 1, bottom: h + 2, right: 1 },
        { top: h + 1, left: 2, bottom: h + 1, right: 4 },
      ])
    );
    // A parent with one child needs no vertical merge.
    expect(plan.merges.filter((m) => m.top === h + 3 && m.left < 2)).toEqual([]);
  });

  it("writes the sections in tree order: each condition's children right after it, as listed", () => {
    // Listed as a workbook lists them: the CSF table, the antara table, the operational table,
    // with codes that do not say where they belong (2.1 under 1.2).
    const m = model([
      node("1", "CSF Satu"),
      node("1.1", "Antara Satu"),
      node("1.10", "Antara Sepuluh"),
      node("1.2", "Antara Dua"),
      node("1.1.1", "Operasional 1.1.1"),
      node("2.1", "Operasional di bawah 1.2", {
        parent: "1.2",
        parentId: "1.2",
        depth: 3,
        level: "operasional",
      }),
      node("1.10.1", "Operasional 1.10.1"),
      node("1.1.2", "Operasional 1.1.2"),
    ]);
    const grid = planToSheetGrid(planKertasKerja(m, emptyWb, settings()));
    const headings = grid.values
      .map((r) => r[0])
      .filter((v): v is string => typeof v === "string" && /^\d+(\.\d+)*\. /.test(v));
    expect(headings).toEqual([
      "1. CSF Satu",
      "1.1. Antara Satu",
      "1.1.1. Operasional 1.1.1",
      "1.1.2. Operasional 1.1.2",
      "1.10. Antara Sepuluh",
      "1.10.1. Operasional 1.10.1",
      "1.2. Antara Dua",
      "2.1. Operasional di bawah 1.2",
    ]);
    // The operational table numbers its parents in the same order.
    const parents = grid.values.filter((r) => /^\d+\.$/.test(String(r[0] ?? ""))).map((r) => r[1]);
    expect(parents.slice(-3)).toEqual([
      "Antara Satu (1.1)",
      "Antara Sepuluh (1.10)",
      "Antara Dua (1.2)",
    ]);
  });

  it("heads a section with the document's own heading where the workbook has one", () => {
    const m = model([
      node("1", "CSF Satu"),
      node("1.5", "Meningkatnya ITKP", {
        mentions: [
          {
            kind: "section-heading",
            code: "1.5",
            name: "Meningkatnya Kualitas Pengelolaan Pengadaan Barang dan Jasa",
            cell: "'Uraian Kondisi'!A9",
          },
        ],
      }),
    ]);
    const grid = planToSheetGrid(planKertasKerja(m, emptyWb, settings()));
    const texts = grid.values.flat();
    expect(texts).toContain("1.5. Meningkatnya Kualitas Pengelolaan Pengadaan Barang dan Jasa");
    // The tables keep the tables' own words.
    expect(texts).toContain("Meningkatnya ITKP (1.5)");
  });

  it("writes a section's heading, Penjelasan, paragraphs, indicator line and table in order", () => {
    const grid = planToSheetGrid(planKertasKerja(sample(), emptyWb, settings()));
    const [h] = rowsWith(grid, "1.1.1. Terlaksananya Penataan Administrasi");
    const at = (k: number) => rowTexts(grid, (h ?? -1) + k);
    expect(at(1)[0]).toBe("Penjelasan");
    expect(at(2)[0]).toBe(
      "Terlaksananya Penataan Administrasi merupakan kondisi dimana semuanya berjalan baik."
    );
    expect(at(3)[0]).toBe(
      "Masalah terkait dengan kondisi ini antara lain (a) belum optimalnya Terlaksananya Penataan Administrasi"
    );
    expect(at(4)[0]).toBe(
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Dokumen Penataan (2) Persentase Kecamatan Tertib"
    );
    expect(at(5)).toEqual([
      "Indikator Kinerja",
      "Definisi/Penjelasan",
      "Relevansi Menggambarkan Kondisi",
      "Formulasi/Rumus Perhitungan",
      "Sumber Data",
    ]);
    expect(at(6)).toEqual([
      "Jumlah Dokumen Penataan",
      "Definisi Jumlah Dokumen Penataan",
      "Relevansi Jumlah Dokumen Penataan",
      "Rumus Jumlah Dokumen Penataan",
      "Sumber Jumlah Dokumen Penataan",
    ]);
    expect(at(7)[0]).toBe("Persentase Kecamatan Tertib");
    expect(at(8)[0]).toBe("Dengan Terlaksananya Penataan Administrasi maka kinerja meningkat.");
  });

  it("writes a name fixed in the model the same way in table, heading and indicator line", () => {
    const m = sample();
    const n = m.nodes.find((x) => x.code === "1.1.1");
    if (!n) throw new Error("fixture");
    n.name = "Terlaksananya Penataan Administrasi Pemerintahan";
    const ind = n.indicators[0];
    if (!ind) throw new Error("fixture");
    ind.name = "Jumlah Dokumen Hasil Penataan";
    const grid = planToSheetGrid(planKertasKerja(m, emptyWb, settings()));
    const all = grid.values.flat().filter((v): v is string => typeof v === "string");
    expect(all).toContain("Terlaksananya Penataan Administrasi Pemerintahan (1.1.1)");
    expect(all).toContain("1.1.1. Terlaksananya Penataan Administrasi Pemerintahan");
    expect(all.some((s) => s.includes("(1) Jumlah Dokumen Hasil Penataan (2)"))).toBe(true);
    expect(all).not.toContain("Jumlah Dokumen Penataan");
    expect(all.filter((s) => s.startsWith("Terwujudnya")).join()).not.toContain(
      "(1) Jumlah Dokumen Penataan"
    );
  });

  it("keeps both conditions that share a code", () => {
    const m = model([
      node("1", "CSF"),
      node("1.4", "Antara"),
      node("1.4.6", "Koordinasi Pertanian"),
      node("1.4.6", "Koordinasi Pertambangan", { id: "1.4.6#2" }),
    ]);
    const grid = planToSheetGrid(planKertasKerja(m, emptyWb, settings()));
    expect(rowsWith(grid, "1.4.6. Koordinasi Pertanian")).toHaveLength(1);
    expect(rowsWith(grid, "1.4.6. Koordinasi Pertambangan")).toHaveLength(1);
    const c = grid.values.map((r) => r[2]);
    expect(c).toContain("Koordinasi Pertanian (1.4.6)");
    expect(c).toContain("Koordinasi Pertambangan (1.4.6)");
  });

  it("writes text that looks like a formula as a plain value, never as a formula", () => {
    const m = model([
      node("1", "CSF", {
        indicators: [indicator("Persentase", { formula: "=A/B x 100", dataSource: "@Bagian" })],
      }),
    ]);
    const plan = planKertasKerja(m, emptyWb, settings());
    expect(plan.cells.every((c) => c.formula === undefined)).toBe(true);
    expect(plan.cells.map((c) => c.value)).toEqual(
      expect.arrayContaining(["=A/B x 100", "@Bagian"])
    );
  });

  it("ends with the signature block from the settings", () => {
    const s = settings({
      signatory: {
        place: "Malili",
        date: "Oktober 2024",
        position: "Sekretaris Daerah",
        name: "BAHRI SULI",
        nip: "19700101 199003 1 001",
      },
    });
    const plan = planKertasKerja(sample(), emptyWb, s);
    const grid = planToSheetGrid(plan);
    const d = grid.values.map((r) => r[3] ?? null).filter((v) => v !== null);
    expect(d.slice(-4)).toEqual([
      "Malili, Oktober 2024",
      "Sekretaris Daerah",
      "BAHRI SULI",
      "NIP. 19700101 199003 1 001",
    ]);
    expect(plan.print?.area?.bottom).toBe(grid.values.length - 1);
  });

  it("leaves blanks to fill by hand in the signature block when no signatory is set", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings({ year: 2024 }));
    const grid = planToSheetGrid(plan);
    const d = grid.values.map((r) => r[3] ?? null).filter((v) => v !== null);
    expect(d.slice(-4)).toEqual([
      "………………, ……………… 2024",
      "……………………………",
      "(……………………………)",
      "NIP. ……………………………",
    ]);
    // Place and date stay on one line: the row is as tall as the NIP's.
    const rowOf = (text: string) => plan.cells.find((c) => c.value === text)?.row;
    const height = (row: number | undefined) => plan.rowHeights.find((h) => h.row === row)?.height;
    expect(height(rowOf(d[d.length - 4] as string))).toBe(height(rowOf("NIP. ……………………………")));
  });

  it("prints on A4 portrait with page numbers in the footer and the marker outside the area", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    expect(plan.print).toMatchObject({
      paper: "A4",
      orientation: "portrait",
      footerCenter: "Halaman &P dari &N",
    });
    expect(plan.print?.area?.top).toBe(1);
    expect(plan.columnWidths.map((w) => w.col)).toEqual([0, 1, 2, 3, 4]);
  });

  it("writes the labels in English when the language is English", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings({ lang: "en" }));
    const values = plan.cells.map((c) => c.value);
    expect(values).toContain("Explanation");
    expect(values).toContain("Performance indicator");
    expect(plan.print?.footerCenter).toBe("Page &P of &N");
  });
});

describe("planKertasKerja page layout", () => {
  function big() {
    const nodes = [node("1", "CSF Satu")];
    for (let i = 1; i <= 12; i++) {
      nodes.push(
        node(`1.${i}`, `Kondisi Antara ${i}`, {
          explanation: `Kondisi antara ${i} merupakan kondisi yang panjang penjelasannya. `.repeat(
            12
          ),
          indicators: [1, 2, 3].map((k) =>
            indicator(`Persentase Capaian ${i}.${k}`, {
              definition: "Definisi yang cukup panjang untuk membungkus beberapa baris. ".repeat(4),
            })
          ),
        })
      );
    }
    return model(nodes);
  }

  it("gives every written row a height that grows with its text, within Excel's limit", () => {
    const plan = planKertasKerja(big(), emptyWb, settings());
    const height = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    const rowOf = (pred: (v: string) => boolean) =>
      plan.cells.find((c) => typeof c.value === "string" && pred(c.value))?.row ?? -1;
    const long = rowOf((v) => v.startsWith("Kondisi antara 1 merupakan"));
    const short = rowOf((v) => v === "Penjelasan");
    expect(height.get(long) ?? 0).toBeGreaterThan(4 * (height.get(short) ?? 99));
    for (const c of plan.cells) if (c.row > 0) expect(height.has(c.row)).toBe(true);
    expect(Math.max(...plan.rowHeights.map((h) => h.height))).toBeLessThanOrEqual(409);
  });

  it("breaks pages so that no page holds more than an A4 page of rows", () => {
    const plan = planKertasKerja(big(), emptyWb, settings());
    const breaks = plan.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(3);
    const height = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    const bounds = [1, ...breaks, (plan.print?.area?.bottom ?? 0) + 1];
    for (let i = 0; i + 1 < bounds.length; i++) {
      let sum = 0;
      for (let r = bounds[i] ?? 0; r < (bounds[i + 1] ?? 0); r++) sum += height.get(r) ?? 15;
      // A4 portrait: 842 pt less 0.75 in top and bottom margins.
      expect(sum).toBeLessThanOrEqual(842 - 2 * 54);
    }
  });

  it("never breaks a page between a heading and its Penjelasan or inside the table header", () => {
    const plan = planKertasKerja(big(), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    for (const b of plan.print?.rowBreaks ?? []) {
      const above = cellAt(grid, b - 1, 0);
      expect(typeof above === "string" && /^1\.\d+\. /.test(above)).toBe(false);
      expect(above).not.toBe("Penjelasan");
      expect(above).not.toBe("Indikator Kinerja");
      expect(typeof above === "string" && above.startsWith("Terwujudnya")).toBe(false);
    }
  });

  it("breaks a page only where the next row would not fit on it", () => {
    const plan = planKertasKerja(big(), emptyWb, settings());
    const height = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
    const breaks = plan.print?.rowBreaks ?? [];
    const bounds = [1, ...breaks];
    for (let i = 0; i < breaks.length; i++) {
      let used = 0;
      for (let r = bounds[i] ?? 0; r < (bounds[i + 1] ?? 0); r++) used += height.get(r) ?? 0;
      // The row that opens the next page, with the rows kept with it (headings, labels, the
      // indicator line and table header, all bold or "Terwujudnya …"), did not fit what was left.
      const text = (r: number) => String(plan.cells.find((c) => c.row === r)?.value ?? "");
      const bold = (r: number) =>
        plan.formats.some((f) => f.range.top <= r && r <= f.range.bottom && f.style.bold);
      let next = 0;
      for (let r = bounds[i + 1] ?? 0; ; r++) {
        next += height.get(r) ?? 0;
        const kept = text(r) === "" || bold(r) || text(r).startsWith("Terwujudnya");
        if (!kept) break;
      }
      expect(used + next).toBeGreaterThan(725);
    }
  });

  it("splits a parent's children over a page end, the parent written again on the next page", () => {
    const nodes = [node("1", "CSF Satu"), node("1.1", "Antara Satu")];
    for (let i = 1; i <= 70; i++)
      nodes.push(node(`1.1.${i}`, `Terlaksananya Kegiatan Operasional Nomor ${i}`));
    const plan = planKertasKerja(model(nodes), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    const parents = rowsWith(grid, "1.").filter((r) => cellAt(grid, r, 1) === "Antara Satu (1.1)");
    // Once in the antara table, and at the top of each page the operational group runs onto.
    const starts = parents.filter((r) => /Operasional Nomor/.test(String(cellAt(grid, r, 2))));
    expect(starts.length).toBeGreaterThan(1);
    for (const r of starts.slice(1)) {
      // Right under the table header written again after the page break.
      expect(cellAt(grid, r - 1, 0)).toBe("No.");
      expect(plan.print?.rowBreaks).toContain(r - 2);
    }
    // Each run is merged over its own rows only: no merge crosses a page break.
    for (const m of plan.merges)
      for (const b of plan.print?.rowBreaks ?? []) expect(m.top < b && b <= m.bottom).toBe(false);
  });

  it("writes the indicator table header again where a table continues on a new page", () => {
    const definition = "Definisi panjang sekali yang membungkus banyak baris. ".repeat(5);
    const nodes = [
      node("1", "CSF", {
        indicators: Array.from({ length: 14 }, (_, k) =>
          indicator(`Indikator ${k + 1}`, { definition })
        ),
      }),
    ];
    const plan = planKertasKerja(model(nodes), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    const headers = rowsWith(grid, "Indikator Kinerja");
    expect(headers.length).toBeGreaterThan(1);
    for (const h of headers.slice(1)) {
      // The repeated header opens a page, after a small blank row, and the rows continue below
      // it: the next indicator, or the texts of the one above going on (its name left blank).
      expect((plan.print?.rowBreaks ?? []).includes(h - 1)).toBe(true);
      const name = cellAt(grid, h + 1, 0);
      if (name === null) expect(definition).toContain(String(cellAt(grid, h + 1, 1)).trim());
      else expect(name).toMatch(/^Indikator \d+$/);
    }
    const names = grid.values.map((r) => r[0]).filter((v) => /^Indikator \d+$/.test(String(v)));
    expect(names).toHaveLength(14);
  });
});

describe("planKertasKerja styles", () => {
  /** `sections` conditions under one CSF, each with `perSection` indicators. */
  function document(sections: number, perSection: number) {
    const nodes = [node("1", "CSF Satu")];
    for (let i = 1; i < sections; i++)
      nodes.push(
        node(`1.${i}`, `Kondisi Antara ${i}`, {
          indicators: Array.from({ length: perSection }, (_, k) =>
            indicator(`Jumlah Dokumen ${i}.${k + 1}`)
          ),
        })
      );
    return model(nodes);
  }

  const allSides = { top: "thin", bottom: "thin", left: "thin", right: "thin" };

  it("borders every cell of an indicator table, the header bold, centred and shaded", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    // The table of 1.1.1, with its two indicators.
    const header = (rowsWith(grid, "Jumlah Dokumen Penataan")[0] ?? 0) - 1;
    expect(cellAt(grid, header, 0)).toBe("Indikator Kinerja");
    for (let c = 0; c <= 4; c++) {
      const head = lookAt(plan, header, c);
      expect(head.borders).toEqual(allSides);
      expect(head.style).toMatchObject({ bold: true, fill: "#D9D9D9", hAlign: "center" });
      for (const r of [header + 1, header + 2]) {
        const body = lookAt(plan, r, c);
        expect(body.borders).toEqual(allSides);
        expect(body.style).toMatchObject({ wrap: true, vAlign: "top", fontSize: 10 });
        expect(body.style.bold).toBeUndefined();
        expect(body.style.fill).toBeUndefined();
      }
    }
    // The paragraph after the table is not bordered.
    expect(lookAt(plan, header + 3, 0).borders).toEqual({});
  });

  it("borders the cascade tables around each merged parent and each child", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    const h =
      rowsWith(grid, "No.").find(
        (r) => cellAt(grid, r, 2) === "Kondisi yang diperlukan (Operasional)"
      ) ?? -1;
    // Rows h+1 and h+2 share the parent 1.1, merged over both in A and B.
    expect(lookAt(plan, h + 1, 0).borders).toMatchObject({ top: "thin", left: "thin" });
    expect(lookAt(plan, h + 2, 0).borders).toMatchObject({ bottom: "thin", left: "thin" });
    for (const r of [h + 1, h + 2, h + 3]) {
      expect(lookAt(plan, r, 2).borders).toEqual(allSides);
      expect(lookAt(plan, r, 4).borders).toMatchObject({ right: "thin" });
    }
  });

  it("sets the document in Arial and keeps table text off the left border", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    const fonts = new Set(plan.formats.filter((f) => f.range.top > 0).map((f) => f.style.fontName));
    expect([...fonts]).toEqual(["Arial"]);
    const row = rowsWith(planToSheetGrid(plan), "Jumlah Dokumen Penataan")[0] ?? -1;
    const cell = plan.formats.find((f) => f.range.top <= row && row <= f.range.bottom);
    expect(cell?.style).toMatchObject({ hAlign: "left", indent: 1 });
  });

  it("writes titles centred and bold, headings bold and larger, paragraphs wrapped at the top", () => {
    const plan = planKertasKerja(sample(), emptyWb, settings());
    const grid = planToSheetGrid(plan);
    const look = (text: string) => lookAt(plan, rowsWith(grid, text)[0] ?? -1, 0).style;
    expect(look("KERTAS KERJA POHON KINERJA")).toMatchObject({
      bold: true,
      fontSize: 12,
      hAlign: "center",
    });
    expect(look("1.1.1. Terlaksananya Penataan Administrasi")).toMatchObject({
      bold: true,
      fontSize: 11,
    });
    expect(look("Penjelasan")).toMatchObject({ bold: true, fontSize: 10 });
    const para = look(
      "Terlaksananya Penataan Administrasi merupakan kondisi dimana semuanya berjalan baik."
    );
    expect(para).toMatchObject({ wrap: true, vAlign: "top", fontSize: 10 });
    expect(para.bold).toBeUndefined();
    expect(lookAt(plan, 0, 0).style).toMatchObject({ italic: true, fontSize: 8 });
  });

  it("styles the signature centred, the name bold and underlined", () => {
    const s = settings({
      signatory: {
        place: "Malili",
        date: "Oktober 2024",
        position: "Sekretaris Daerah",
        name: "BAHRI SULI",
        nip: "",
      },
    });
    const plan = planKertasKerja(sample(), emptyWb, s);
    const at = (text: string) => plan.cells.find((c) => c.value === text) ?? { row: -1, col: -1 };
    const place = at("Malili, Oktober 2024");
    const name = at("BAHRI SULI");
    expect(lookAt(plan, place.row, place.col).style).toMatchObject({ hAlign: "center" });
    expect(lookAt(plan, name.row, name.col).style).toMatchObject({
      bold: true,
      underline: true,
      hAlign: "center",
    });
  });

  it("styles the document in blocks: formats grow with sections and pages, not with cells", () => {
    const few = planKertasKerja(document(40, 2), emptyWb, settings());
    const many = planKertasKerja(document(40, 12), emptyWb, settings());
    for (const plan of [few, many]) {
      const pages = (plan.print?.rowBreaks ?? []).length + 1;
      // Per section: heading, label, paragraphs, table header, table body, closing paragraph;
      // a table continued on a new page adds its header and body again.
      expect(plan.formats.length).toBeLessThanOrEqual(6 * 40 + 2 * pages + 20);
    }
    expect(many.cells.length).toBeGreaterThan(3 * few.cells.length);
    expect(many.formats.length).toBeLessThan(many.cells.length / 5);
    // No two formats style the same cell: the look does not depend on their order.
    const seen = new Set<number>();
    for (const f of many.formats)
      for (let r = f.range.top; r <= f.range.bottom; r++)
        for (let c = f.range.left; c <= f.range.right; c++) {
          expect(seen.has(r * 8 + c)).toBe(false);
          seen.add(r * 8 + c);
        }
  });

  it("merges text and spacer rows so that each section's rows form one run of one-row merges", () => {
    const plan = planKertasKerja(document(40, 3), emptyWb, settings());
    const wideRows = new Set(
      plan.merges
        .filter((m) => m.top === m.bottom && m.left === 0 && m.right === 4)
        .map((m) => m.top)
    );
    // Runs of consecutive merged rows: Excel takes each run in one merge-across call, so their
    // number, not the number of rows, is what a large document costs to write.
    let runs = 0;
    for (const r of wideRows) if (!wideRows.has(r - 1)) runs++;
    expect(wideRows.size).toBeGreaterThan(4 * 40);
    expect(runs).toBeLessThanOrEqual(1.5 * 40);
    // A spacer's merge holds nothing: no cell is written in a merged spacer row.
    const written = new Set(plan.cells.map((c) => c.row));
    const spacers = [...wideRows].filter((r) => !written.has(r));
    expect(spacers.length).toBeGreaterThan(0);
  });
});

describe("planKertasKerja linked indicator texts", () => {
  const fields = ["name", "definition", "relevance", "formula", "dataSource"] as const;

  /** A source sheet "Uraian Kondisi" holding one indicator's five texts on row 3 (0-based 2). */
  function linkedModel(texts: (string | number | null | undefined)[] = []) {
    const typed = ["Jumlah Dokumen", "Definisi", "Relevansi", "=A/B x 100", "Bagian Umum"];
    const values = typed.map((v, i) => (texts[i] === undefined ? v : (texts[i] ?? null)));
    const ind = indicator("Jumlah Dokumen", {
      definition: "Definisi",
      relevance: "Relevansi",
      formula: "=A/B x 100",
      dataSource: "Bagian Umum",
      textCells: Object.fromEntries(
        fields.map((f, col) => [f, { sheet: "Uraian Kondisi", row: 2, col }])
      ),
    });
    const wb = { sheets: [{ name: "Uraian Kondisi", values: [[], [], values] }] };
    return { m: model([node("1", "CSF", { indicators: [ind] })]), wb };
  }

  function tableRow(plan: ReturnType<typeof planKertasKerja>) {
    const name = plan.cells.find((c) => c.value === "Jumlah Dokumen" && c.col === 0);
    return plan.cells.filter((c) => c.row === name?.row).sort((a, b) => a.col - b.col);
  }

  it("writes each indicator text as a formula on its source cell, the text as its value", () => {
    const { m, wb } = linkedModel();
    const plan = planKertasKerja(m, wb, settings());
    const cells = tableRow(plan);
    expect(cells.map((c) => [c.value, c.formula])).toEqual([
      ["Jumlah Dokumen", `='Uraian Kondisi'!A3&""`],
      ["Definisi", `='Uraian Kondisi'!B3&""`],
      ["Relevansi", `='Uraian Kondisi'!C3&""`],
      ["=A/B x 100", `='Uraian Kondisi'!D3&""`],
      ["Bagian Umum", `='Uraian Kondisi'!E3&""`],
    ]);
    // Read on its own (formulas with their cached values), the row gives the same texts.
    expect(rowTexts(planToSheetGrid(plan), cells[0]?.row ?? -1)).toEqual([
      "Jumlah Dokumen",
      "Definisi",
      "Relevansi",
      "=A/B x 100",
      "Bagian Umum",
    ]);
  });

  it("writes the text itself where the source cell holds something else or nothing", () => {
    // Emptied since it was read, joined from two rows, typed with spaces around, a number.
    const { m, wb } = linkedModel([null, "Definisi (bagian 1)", " Relevansi ", undefined, 42]);
    const cells = tableRow(planKertasKerja(m, wb, settings()));
    expect(cells.map((c) => [c.value, c.formula])).toEqual([
      ["Jumlah Dokumen", undefined],
      ["Definisi", undefined],
      ["Relevansi", undefined],
      ["=A/B x 100", `='Uraian Kondisi'!D3&""`],
      ["Bagian Umum", undefined],
    ]);
  });

  it("never links to a sheet the add-in made, nor to a sheet that is not there", () => {
    const { m, wb } = linkedModel();
    const own = wb.sheets[0];
    if (!own) throw new Error("fixture");
    const generated = {
      sheets: [{ ...own, values: [[markerText("kertas-kerja", "id")], ...own.values.slice(1)] }],
    };
    for (const w of [generated, emptyWb]) {
      const cells = tableRow(planKertasKerja(m, w, settings()));
      expect(cells).toHaveLength(5);
      expect(cells.every((c) => c.formula === undefined)).toBe(true);
    }
  });

  it("quotes a sheet name with an apostrophe in the link", () => {
    const { m, wb } = linkedModel();
    const sheet = wb.sheets[0];
    if (!sheet) throw new Error("fixture");
    sheet.name = "Uraian 'Kondisi'";
    for (const ind of m.nodes[0]?.indicators ?? [])
      for (const f of fields) {
        const ref = ind.textCells[f];
        if (ref) ref.sheet = sheet.name;
      }
    expect(tableRow(planKertasKerja(m, wb, settings()))[1]?.formula).toBe(
      `='Uraian ''Kondisi'''!B3&""`
    );
  });
});

describe("planKertasKerja responsible unit", () => {
  const row = (m: ReturnType<typeof model>, lang: "id" | "en" = "id") => {
    const plan = planKertasKerja(m, emptyWb, settings({ lang }));
    const name = plan.cells.find((c) => c.value === "Jumlah Dokumen" && c.col === 0);
    const cells = plan.cells.filter((c) => c.row === name?.row).sort((a, b) => a.col - b.col);
    return { plan, cells, height: plan.rowHeights.find((r) => r.row === name?.row)?.height };
  };
  const withUnit = (responsible: string | null | undefined, dataSource: string | null = "BPS") =>
    model([
      node("1", "CSF", { indicators: [indicator("Jumlah Dokumen", { responsible, dataSource })] }),
    ]);

  it("writes it as a line under the Sumber Data, the table still five columns", () => {
    const { cells, plan } = row(withUnit("Bagian Pemerintahan"));
    expect(cells).toHaveLength(5);
    expect(cells[4]?.value).toBe("BPS\nPenanggung Jawab: Bagian Pemerintahan");
    expect(Math.max(...plan.cells.map((c) => c.col))).toBe(4);
    expect(row(withUnit("Bagian Umum", null)).cells[4]?.value).toBe(
      "Penanggung Jawab: Bagian Umum"
    );
    expect(row(withUnit("Bagian Umum"), "en").cells[4]?.value).toBe(
      "BPS\nResponsible unit: Bagian Umum"
    );
  });

  it("makes the row tall enough for the added line", () => {
    expect(row(withUnit("Bagian Pemerintahan")).height ?? 0).toBeGreaterThan(
      row(withUnit(null)).height ?? 0
    );
  });

  it("changes nothing when the indicator has none", () => {
    const none = planKertasKerja(withUnit(undefined), emptyWb, settings());
    for (const r of [null, "", "  "])
      expect(planKertasKerja(withUnit(r), emptyWb, settings())).toEqual(none);
    expect(row(withUnit(undefined)).cells[4]?.value).toBe("BPS");
  });
});

describe("planKertasKerja responsible unit under a linked Sumber Data", () => {
  it("keeps the Sumber Data live, the responsible unit joined to its formula", () => {
    const ind = indicator("Jumlah Dokumen", {
      dataSource: "Bagian Umum",
      responsible: 'Bagian "Umum"',
      textCells: { dataSource: { sheet: "Uraian Kondisi", row: 2, col: 4 } },
    });
    const wb = {
      sheets: [{ name: "Uraian Kondisi", values: [[], [], [0, 0, 0, 0, "Bagian Umum"]] }],
    };
    const plan = planKertasKerja(model([node("1", "CSF", { indicators: [ind] })]), wb, settings());
    const name = plan.cells.find((c) => c.value === "Jumlah Dokumen" && c.col === 0);
    const cell = plan.cells.find((c) => c.row === name?.row && c.col === 4);
    expect(cell?.value).toBe('Bagian Umum\nPenanggung Jawab: Bagian "Umum"');
    expect(cell?.formula).toBe(
      `='Uraian Kondisi'!E3&""&CHAR(10)&"Penanggung Jawab: Bagian ""Umum"""`
    );
  });
});
