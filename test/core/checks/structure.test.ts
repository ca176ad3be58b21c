import { checkModel } from "../../../src/core/checks";
import type { Finding, RuleId } from "../../../src/core/findings";
import type { CsfModel } from "../../../src/core/model";
import { emptyModel, indicator, mention, node } from "../../helpers/model-builder";

const wb = {
  sheets: [
    { name: "CSF", values: [] },
    { name: "Uraian Kondisi", values: [] },
  ],
};

function run(model: CsfModel, lang: "id" | "en" = "id"): Finding[] {
  return checkModel(model, wb, { lang });
}

function of(findings: Finding[], rule: RuleId): { code: string | null; cell: string | null }[] {
  return findings.filter((f) => f.rule === rule).map((f) => ({ code: f.code, cell: f.cell }));
}

/** A clean cascade 1 → 1.1, 1.2 → 1.1.1, 1.1.2, 1.2.1, every condition with an indicator and a section. */
function cleanModel(): CsfModel {
  const names: Record<string, string> = {
    "1": "Meningkatnya Kualitas Tata Kelola Pemerintahan",
    "1.1": "Meningkatnya Kualitas Penyelenggaraan Pemerintahan",
    "1.2": "Terwujudnya Penataan Organisasi",
    "1.1.1": "Terlaksananya Penataan Administrasi Pemerintahan",
    "1.1.2": "Tersedianya Dokumen Otonomi Daerah",
    "1.2.1": "Tersusunnya Laporan Kinerja",
  };
  const model = emptyModel();
  let n = 0;
  for (const [code, name] of Object.entries(names)) {
    n++;
    model.nodes.push(
      node({
        code,
        name,
        sectionCell: `'Uraian Kondisi'!A${n * 10}`,
        indicatorLine: `Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Dokumen ${code}`,
        mentions: [
          mention({ name: name.toUpperCase(), code, cell: `'Uraian Kondisi'!A${n * 10}` }),
        ],
        indicators: [
          indicator({
            name: `Jumlah Dokumen ${code}`,
            formula: `Jumlah dokumen ${code} selama 1 tahun`,
          }),
        ],
      })
    );
  }
  return model;
}

describe("structure rules", () => {
  it("find nothing in a consistent cascade", () => {
    expect(run(cleanModel())).toEqual([]);
  });

  it("report a missing outcome as an error without a cell", () => {
    const model = cleanModel();
    model.outcome = null;
    const f = run(model).filter((x) => x.rule === "missing-outcome");
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe("error");
    expect(f[0]?.cell).toBeNull();
  });

  it("report a code used by two different conditions at the second one", () => {
    const model = cleanModel();
    const second = node({
      code: "1.1.2",
      id: "1.1.2#2",
      name: "Terlaksananya Pemenuhan Kebutuhan Pimpinan",
      parent: "1.1",
      sectionCell: "'Uraian Kondisi'!A99",
      indicators: [
        indicator({ name: "Jumlah Paket", formula: "Jumlah paket kebutuhan yang disediakan" }),
      ],
    });
    model.nodes.push(second);
    const f = run(model);
    expect(of(f, "duplicate-code")).toEqual([{ code: "1.1.2", cell: second.cell }]);
    const d = f.find((x) => x.rule === "duplicate-code");
    expect(d?.severity).toBe("error");
    expect(d?.message).toContain("Terlaksananya Pemenuhan Kebutuhan Pimpinan");
    expect(d?.message).toContain("Tersedianya Dokumen Otonomi Daerah");
  });

  it("do not call the same condition listed twice with the same name a duplicate", () => {
    const model = cleanModel();
    const again = model.nodes[4];
    if (!again) throw new Error("fixture");
    model.nodes.push({ ...again, id: "1.1.2#2", cell: "'CSF'!C90" });
    expect(of(run(model), "duplicate-code")).toEqual([]);
  });

  it("report a condition whose parent does not exist and an indicator row tied to no condition", () => {
    const model = cleanModel();
    const lost = node({
      code: "1.7.1",
      name: "Terlaksananya Administrasi Umum",
      parent: "1.7",
      parentId: null,
    });
    lost.indicators.push(
      indicator({ name: "Jumlah Dokumen Umum", formula: "Jumlah dokumen umum yang tersedia" })
    );
    lost.sectionCell = "'Uraian Kondisi'!A200";
    model.nodes.push(lost);
    const stray = indicator({
      name: "Jumlah Laporan Keuangan",
      formula: "Jumlah laporan keuangan yang disusun",
    });
    model.orphans.push({ indicator: stray, refersTo: "1.6.3" });
    const f = run(model);
    expect(of(f, "orphan")).toEqual([
      { code: "1.7.1", cell: lost.cell },
      { code: "1.6.3", cell: stray.cell },
    ]);
    expect(f.find((x) => x.cell === stray.cell)?.message).toContain("1.6.3");
  });

  it("report a child whose code does not extend the code it is listed under, as the seed's (2.1) under CSF 1.2", () => {
    const model = cleanModel();
    const wrong = node({
      code: "2.1",
      name: "Terlaksananya Fasilitasi Bina Mental Spritual",
      parent: "1.2",
      sectionCell: "'Uraian Kondisi'!A300",
      indicators: [
        indicator({
          name: "Jumlah Dokumen Bina Mental",
          formula: "Jumlah dokumen bina mental spritual",
        }),
      ],
    });
    model.nodes.push(wrong);
    const f = run(model);
    expect(of(f, "code-parent-mismatch")).toEqual([{ code: "2.1", cell: wrong.cell }]);
    expect(f.find((x) => x.rule === "code-parent-mismatch")?.params).toMatchObject({
      parent: "1.2",
    });
    // A wrong code does not also count as a numbering gap under 1.2.
    expect(of(f, "numbering-gap")).toEqual([]);
  });

  it("report a child code that only starts like its parent's, or goes two levels down", () => {
    const model = cleanModel();
    const child = (code: string): ReturnType<typeof node> =>
      node({
        code,
        name: `Terlaksananya Kegiatan ${code}`,
        parent: "1.2",
        sectionCell: `'Uraian Kondisi'!A${500 + model.nodes.length}`,
        indicators: [indicator({ name: `Jumlah Dokumen ${code}`, formula: `Jumlah ${code}` })],
      });
    const wrong = [child("1.21"), child("1.2.1.1"), child("1.2")];
    model.nodes.push(...wrong);
    const f = of(run(model), "code-parent-mismatch");
    expect(f).toEqual(wrong.map((n) => ({ code: n.code, cell: n.cell })));
  });

  it("report siblings that skip a number or do not start at 1", () => {
    const model = cleanModel();
    const n124 = node({
      code: "1.2.4",
      name: "Tersusunnya Laporan Keuangan",
      sectionCell: "'Uraian Kondisi'!A400",
      indicators: [
        indicator({
          name: "Jumlah Laporan Keuangan",
          formula: "Jumlah laporan keuangan yang disusun",
        }),
      ],
    });
    model.nodes.push(n124);
    const f = run(model).filter((x) => x.rule === "numbering-gap");
    expect(f.map((x) => x.params["missing"])).toEqual(["1.2.2", "1.2.3"]);
    expect(f.every((x) => x.cell === n124.cell)).toBe(true);
  });

  it("report a name that differs between the table and the section heading, with both names, once per name", () => {
    const model = cleanModel();
    const csf13 = node({
      code: "1.3",
      name: "Terselenggaranya Fasilitasi dan Koordinasi Hukum",
      sectionCell: "'Uraian Kondisi'!A500",
      mentions: [
        mention({
          name: "Meningkatnya Kualitas Penyelenggaraan Fasilitasi dan Koordinasi Hukum",
          code: "1.3",
          kind: "csf-table",
          cell: "'CSF'!C30",
        }),
        mention({
          name: "Meningkatnya kualitas penyelenggaraan fasilitasi dan koordinasi hukum",
          code: "1.3",
          cell: "'Uraian Kondisi'!A500",
        }),
      ],
      indicators: [
        indicator({
          name: "Indeks Reformasi Hukum",
          formula: "Nilai indeks reformasi hukum setiap tahun",
        }),
      ],
    });
    model.nodes.push(csf13);
    const f = run(model).filter((x) => x.rule === "name-mismatch");
    expect(f.map((x) => ({ code: x.code, cell: x.cell }))).toEqual([
      { code: "1.3", cell: "'CSF'!C30" },
    ]);
    expect(f[0]?.message).toContain("Terselenggaranya Fasilitasi dan Koordinasi Hukum");
    expect(f[0]?.message).toContain(
      "Meningkatnya Kualitas Penyelenggaraan Fasilitasi dan Koordinasi Hukum"
    );
  });

  it("do not count case, spacing, punctuation, '&' for 'dan' or a trailing code as a different name", () => {
    const model = cleanModel();
    const n = model.nodes[5];
    if (!n) throw new Error("fixture");
    n.name = "Tersusunnya Pelaporan Kinerja & Budaya Kerja Tata laksana (1.2.1)";
    n.mentions = [
      mention({
        name: "Tersusunnya pelaporan kinerja dan budaya kerja tatalaksana.",
        code: "1.2.1",
        cell: "'Uraian Kondisi'!A60",
      }),
    ];
    expect(of(run(model), "name-mismatch")).toEqual([]);
  });

  it("report a condition without indicators, and one without a section when others have sections", () => {
    const model = cleanModel();
    const bare = node({ code: "1.2.2", name: "Tersusunnya Dokumen Perencanaan" });
    model.nodes.push(bare);
    const f = run(model);
    expect(of(f, "no-indicator")).toEqual([{ code: "1.2.2", cell: bare.cell }]);
    expect(of(f, "no-section")).toEqual([{ code: "1.2.2", cell: bare.cell }]);
  });

  it("do not ask for sections in a workbook that has none", () => {
    const model = cleanModel();
    for (const n of model.nodes) n.sectionCell = null;
    expect(of(run(model), "no-section")).toEqual([]);
  });

  it("note an operational condition not phrased as something done, and an antara phrased as one", () => {
    const model = cleanModel();
    const [, , antara, , op] = model.nodes;
    if (!antara || !op) throw new Error("fixture");
    antara.name = "Terselenggaranya Fasilitasi dan Koordinasi Hukum";
    op.name = "Terwujudnya Dokumen Otonomi Daerah";
    const f = run(model).filter((x) => x.rule === "level-naming");
    expect(f.map((x) => ({ code: x.code, severity: x.severity }))).toEqual([
      { code: "1.2", severity: "info" },
      { code: "1.1.2", severity: "info" },
    ]);
  });

  it("render messages in English when asked, with params to render them again", () => {
    const model = cleanModel();
    model.nodes.push(
      node({
        code: "1.2.2",
        name: "Tersusunnya Dokumen Perencanaan",
        sectionCell: "'Uraian Kondisi'!A1",
      })
    );
    const [f] = run(model, "en").filter((x) => x.rule === "no-indicator");
    expect(f?.message).toContain("has no performance indicator");
    expect(f?.params).toMatchObject({ code: "1.2.2", messageKey: "checks.noIndicator" });
    expect(f?.sheet).toBe("Uraian Kondisi");
  });

  it("list findings by sheet, row and column, whatever order the rules ran in", () => {
    const model = cleanModel();
    model.outcome = null;
    model.nodes.push(
      node({ code: "1.2.3", name: "Tersusunnya A", source: { sheet: "CSF", row: 2, col: 2 } })
    );
    model.nodes.push(
      node({ code: "1.2.4", name: "Tersusunnya B", source: { sheet: "CSF", row: 1, col: 2 } })
    );
    const f = run(model);
    expect(f[0]?.rule).toBe("missing-outcome");
    const cells = f.slice(1).map((x) => x.cell);
    expect(cells.indexOf("'CSF'!C2")).toBeLessThan(cells.indexOf("'CSF'!C3"));
    expect(run(model)).toEqual(f);
  });
});
