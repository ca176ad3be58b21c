import { checkModel } from "../../../src/core/checks";
import type { Finding, RuleId } from "../../../src/core/findings";
import type { CsfModel, Indicator } from "../../../src/core/model";
import { readWorkbook } from "../../../src/core/reader";
import { emptyModel, indicator, measuredIndicator, node } from "../../helpers/model-builder";
import { gridsOf } from "../../fixtures/reader/fixtures";
import { matrixMerged } from "../../fixtures/reader/shapes";

const wb = { sheets: [{ name: "Uraian Kondisi", values: [] }] };

/** One antara condition with a section, holding the given indicators. */
function modelWith(indicators: Indicator[], indicatorLine: string | null = null): CsfModel {
  const model = emptyModel();
  model.nodes.push(
    node({
      code: "1",
      name: "Meningkatnya Kualitas Tata Kelola",
      sectionCell: "'Uraian Kondisi'!A1",
      indicatorLine:
        "Terwujudnya kondisi ini dapat tergambar dari indikator (a) Nilai Reformasi Birokrasi",
      indicators: [indicator({ name: "Nilai Reformasi Birokrasi" })],
    }),
    node({
      code: "1.7",
      name: "Meningkatnya Kualitas Layanan Sekretariat Daerah",
      sectionCell: "'Uraian Kondisi'!A2",
      indicatorLine,
      indicators,
    })
  );
  return model;
}

function found(model: CsfModel, rule: RuleId): Finding[] {
  return checkModel(model, wb).filter((f) => f.rule === rule);
}

describe("missing-field", () => {
  it("points at each empty field of an indicator row", () => {
    const ind = indicator({
      name: "Jumlah Dokumen Kepegawaian",
      definition: "  ",
      dataSource: null,
    });
    const f = found(modelWith([ind]), "missing-field");
    expect(f.map((x) => [x.cell, x.params["fieldKey"]])).toEqual([
      [`'Uraian Kondisi'!B${(ind.textSource?.row ?? 0) + 1}`, "definition"],
      [`'Uraian Kondisi'!E${(ind.textSource?.row ?? 0) + 1}`, "dataSource"],
    ]);
    expect(f[0]?.message).toContain("Definisi/Penjelasan");
    expect(f[0]?.code).toBe("1.7");
  });

  it("finds nothing in a complete row", () => {
    expect(
      found(modelWith([indicator({ name: "Jumlah Dokumen Kepegawaian" })]), "missing-field")
    ).toEqual([]);
  });

  it("does not ask text fields of an indicator that only a Target table gives", () => {
    const ind = measuredIndicator(
      5,
      { target: 4, actual: 4 },
      {
        name: "Jumlah Dokumen",
        definition: null,
        relevance: null,
        formula: null,
        dataSource: null,
        textSource: null,
        textCells: {},
      }
    );
    expect(found(modelWith([ind]), "missing-field")).toEqual([]);
  });
});

describe("missing-field in a table without the field's column", () => {
  it("says once per table and field how many indicators lack it, at the table's header", () => {
    const wb = gridsOf(matrixMerged, false);
    const model = readWorkbook(wb);
    const f = checkModel(model, wb).filter((x) => x.rule === "missing-field");
    const indicators = model.nodes.reduce((n, c) => n + c.indicators.length, 0);
    const table = model.tables.find((t) => t.kind === "matrix");
    if (!table) throw new Error("expected the matrix");
    const header = `'${table.sheet}'!${String.fromCharCode(65 + table.firstCol)}${table.headerRow + 1}`;
    expect(f.map((x) => [x.cell, x.params["fieldKey"], x.params["count"]])).toEqual(
      ["definition", "relevance", "formula", "dataSource"].map((k) => [header, k, indicators])
    );
    expect(f[0]?.message).toContain(`${indicators} indikatornya tanpa Definisi/Penjelasan`);
    expect(f.every((x) => x.code === null)).toBe(true);
  });
});

describe("formula-type-mismatch", () => {
  it("reports a Persentase whose formula is no ratio × 100, as the seed's RB General dan RB Tematik", () => {
    const bad = indicator({
      name: "Persentase Implementasi RB General dan RB Tematik",
      formula: "Laporan Hasil Evaluasi Pelaksanaan Reformasi Birokrasi",
    });
    const good = indicator({
      name: "Persentase layanan Administrasi Perkantoran yang memadai",
      formula:
        "Jumlah Layanan Administrasi Perkantoran yang dilaksanakan/Jumlah Layanan yang ditetapkan x 100",
    });
    const pct = indicator({
      name: "% Layanan Keprotokolan",
      formula: "Layanan yang terlaksana : jumlah permintaan × 100",
    });
    const f = found(modelWith([bad, good, pct]), "formula-type-mismatch");
    expect(f.map((x) => x.params["indicator"])).toEqual([bad.name]);
    expect(f[0]?.cell).toBe(`'Uraian Kondisi'!D${(bad.textSource?.row ?? 0) + 1}`);
  });

  it("reports a Jumlah computed as a percentage, but not a count whose text has a slash", () => {
    const bad = indicator({
      name: "Jumlah PD yang dibina",
      formula: "PD yang dibina / seluruh PD x 100",
    });
    const good = indicator({
      name: "Jumlah kasus yang mendapatkan fasilitasi bantuan hukum",
      formula:
        "Jumlah Kasus (gugatan/perkara hukum/permasalahan hukum) yang ditindaklanjuti selama 1 Tahun",
    });
    const f = found(modelWith([bad, good]), "formula-type-mismatch");
    expect(f.map((x) => x.params["indicator"])).toEqual([bad.name]);
  });

  it("reports a Rasio whose formula divides nothing", () => {
    const bad = indicator({
      name: "Rasio Pegawai Terlatih",
      formula: "Pegawai yang dilatih selama 1 tahun",
    });
    const good = indicator({
      name: "Rasio Pegawai Bersertifikat",
      formula: "Pegawai bersertifikat / seluruh pegawai",
    });
    expect(
      found(modelWith([bad, good]), "formula-type-mismatch").map((x) => x.params["indicator"])
    ).toEqual([bad.name]);
  });

  it("reports the unit % on a count and a count unit on a percentage, at the Satuan cell", () => {
    const count = measuredIndicator(
      5,
      { target: 4, actual: 4 },
      { name: "Jumlah Laporan Keuangan", unit: "%" }
    );
    const pct = measuredIndicator(
      6,
      { target: 90, actual: 80 },
      {
        name: "Persentase BMD Dalam Kondisi Baik",
        unit: "Dokumen",
        formula: "BMD baik / seluruh BMD x 100",
      }
    );
    const fine = measuredIndicator(
      7,
      { target: 90, actual: 80 },
      {
        name: "Persentase Layanan",
        unit: "%",
        formula: "Layanan terpenuhi / layanan diminta x 100",
      }
    );
    const fineCount = measuredIndicator(
      8,
      { target: 4, actual: 4 },
      { name: "Jumlah Dokumen", unit: "Dokumen" }
    );
    const f = found(modelWith([count, pct, fine, fineCount]), "formula-type-mismatch");
    expect(f.map((x) => [x.params["indicator"], x.cell])).toEqual([
      ["Jumlah Laporan Keuangan", "'Target & Realisasi'!C6"],
      ["Persentase BMD Dalam Kondisi Baik", "'Target & Realisasi'!C7"],
    ]);
  });

  it("leaves Nilai, Indeks and Tingkat indicators alone", () => {
    const f = found(
      modelWith([
        indicator({ name: "Tingkat Pengendalian Inflasi", formula: "Nilai Inflasi Daerah" }),
        indicator({ name: "Indeks Pelayanan Publik", formula: "Hasil evaluasi pelayanan publik" }),
      ]),
      "formula-type-mismatch"
    );
    expect(f).toEqual([]);
  });
});

describe("narrative-mismatch", () => {
  it("takes '% Kebijakan … yang … berlaku' in the line for 'Persentase Kebijakan …' in the table", () => {
    const ind = indicator({
      name: "Persentase Kebijakan Kesejahteraan Rakyat dilaksanakan sesuai ketentuan",
    });
    const line =
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) % Kebijakan Kesejahteraan Rakyat yang dilaksanakan sesuai ketentuan yang berlaku";
    expect(found(modelWith([ind], line), "narrative-mismatch")).toEqual([]);
  });

  it("tolerates case, a trailing unit, a missing marker and a leading dot", () => {
    const a = indicator({ name: "Jumlah produk hukum daerah yang disusun (Dokumen)" });
    expect(
      found(
        modelWith(
          [a],
          "Terwujudnya kondisi ini dapat tergambar dari indikator (a) Jumlah produk hukum daerah yang disusun"
        ),
        "narrative-mismatch"
      )
    ).toEqual([]);
    const b = indicator({ name: "Jumlah Dokumen Administrasi Kepegawaian" });
    expect(
      found(
        modelWith(
          [b],
          "Terwujudnya kondisi ini dapat tergambar dari indikator (1) . jumlah dokumen administrasi kepegawaian"
        ),
        "narrative-mismatch"
      )
    ).toEqual([]);
    expect(
      found(
        modelWith(
          [b],
          "Terwujudnya kondisi ini dapat tergambar dari indikator Jumlah Dokumen Administrasi Kepegawaian"
        ),
        "narrative-mismatch"
      )
    ).toEqual([]);
  });

  it("catches a line that names another indicator, as the seed's 1.4.6 copying 1.4.5's line", () => {
    const ind = indicator({
      name: "Jumlah Dokumen Hasil Koordinasi, Sinkronisasi dan Evaluasi Kebijakan Urusan Pertanian, Pangan Kehutanan",
    });
    const line =
      "Terwujudnya kondisi ini dapat tergambar dari indicator(1) Jumlah Laporan Hasil Pengelolaan Evaluasi dan Pelaporan Pelaksanaan Pembangunan";
    const f = found(modelWith([ind], line), "narrative-mismatch");
    expect(f.map((x) => [x.params["indicator"], x.cell])).toEqual([
      [
        "Jumlah Laporan Hasil Pengelolaan Evaluasi dan Pelaporan Pelaksanaan Pembangunan",
        "'Uraian Kondisi'!A2",
      ],
      [ind.name, ind.cell],
    ]);
  });

  it("pairs names one to one, so a close but different indicator in the table is still caught", () => {
    const named = indicator({ name: "Jumlah Laporan Kinerja Perangkat Daerah" });
    const other = indicator({ name: "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah" });
    const line =
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Laporan Kinerja Perangkat Daerah";
    const f = found(modelWith([other, named], line), "narrative-mismatch");
    expect(f.map((x) => x.params["indicator"])).toEqual([other.name]);
  });

  it("checks every named indicator of a line with several, as the seed's 1.7", () => {
    const inds = [
      indicator({ name: "Persentase layanan Administrasi Perkantoran yang memadai" }),
      indicator({ name: "Persentase BMD Dalam Kondisi Baik" }),
      indicator({ name: "Persentase Pemenuhan kebutuhan rumah tangga Pimpinan" }),
    ];
    const line =
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Persentase layanan Administrasi Perkantoran yang memadai (2) Jumlah Pengadaan dan Pemeliharaan Barang Milik Daerah.\n(3) Persentase Pemenuhan kebutuhan rumah tangga Pimpinan";
    const f = found(modelWith(inds, line), "narrative-mismatch");
    expect(f.map((x) => x.params["indicator"])).toEqual([
      "Jumlah Pengadaan dan Pemeliharaan Barang Milik Daerah",
      "Persentase BMD Dalam Kondisi Baik",
    ]);
  });

  it("reports names typed alike in line and table when they hold no distinguishing word", () => {
    const inds = [indicator({ name: "Dan yang" }), indicator({ name: "Jumlah Dokumen Renja" })];
    const line =
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Dan yang (2) Jumlah Dokumen Renja";
    const f = found(modelWith(inds, line), "narrative-mismatch");
    expect(f.map((x) => [x.params["messageKey"], x.params["indicator"]])).toEqual([
      ["checks.narrative.notInTable", "Dan yang"],
      ["checks.narrative.notInLine", "Dan yang"],
    ]);
  });

  it("finds nothing when the line names the table's indicators as typed, in another order too", () => {
    const inds = [
      indicator({ name: "Persentase BMD Dalam Kondisi Baik" }),
      indicator({ name: "Jumlah Dokumen Renja" }),
    ];
    const inOrder =
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Persentase BMD Dalam Kondisi Baik (2) Jumlah Dokumen Renja";
    const swapped =
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Dokumen Renja (2) Persentase BMD Dalam Kondisi Baik";
    expect(found(modelWith(inds, inOrder), "narrative-mismatch")).toEqual([]);
    expect(found(modelWith(inds, swapped), "narrative-mismatch")).toEqual([]);
  });

  it("notes a section without an indicator line, once, as info", () => {
    const f = found(modelWith([indicator({ name: "Jumlah Dokumen" })], null), "narrative-mismatch");
    expect(f.map((x) => [x.code, x.severity, x.cell, x.params["messageKey"]])).toEqual([
      ["1.7", "info", "'Uraian Kondisi'!A2", "checks.narrative.noLine"],
    ]);
  });

  it("finds a line typed inside the explanation paragraph, as in the seed's 1.6.4", () => {
    const model = modelWith(
      [indicator({ name: "Jumlah Laporan Administrasi Barang Milik Daerah" })],
      null
    );
    const n = model.nodes[1];
    if (!n) throw new Error("fixture");
    n.explanation =
      "Terlaksananya Administrasi merupakan kondisi dimana … Masalah terkait dengan kondisi ini antara lain (a) Belum optimalnya pendataan Barang Milik Daerah Terwujudnya kondisi ini dapat tergambar dari indikator (1) Jumlah Laporan Keuangan";
    const f = found(model, "narrative-mismatch");
    expect(f.map((x) => x.params["indicator"])).toEqual([
      "Jumlah Laporan Keuangan",
      "Jumlah Laporan Administrasi Barang Milik Daerah",
    ]);
  });

  it("says nothing about the line of a condition that has no section", () => {
    const model = modelWith([indicator({ name: "Jumlah Dokumen" })], null);
    for (const n of model.nodes) n.sectionCell = null;
    expect(found(model, "narrative-mismatch")).toEqual([]);
  });
});

describe("duplicate-text", () => {
  it("reports a formula copied word for word from an indicator with another name, at the copy", () => {
    const original = indicator({
      name: "Jumlah dokumen hasil fasilitasi penyelenggaraan otonomi daerah",
      formula:
        "Jumlah dokumen hasil fasilitasi penyelenggaraan otonomi daerah yang dihasilkan dalam kurun waktu 1 tahun",
    });
    const copy = indicator({
      name: "Jumlah Dokumen Pengelolaan administrasi kewilayahan",
      formula:
        "Jumlah Dokumen hasil fasilitasi penyelenggaraan  otonomi daerah yang dihasilkan dalam kurun waktu 1 tahun.",
    });
    const f = found(modelWith([original, copy]), "duplicate-text");
    expect(f.map((x) => [x.cell, x.params["fieldKey"]])).toEqual([
      [`'Uraian Kondisi'!D${(copy.textSource?.row ?? 0) + 1}`, "formula"],
    ]);
    expect(f[0]?.message).toContain(original.name);
  });

  it("reports a copied definition too", () => {
    const a = indicator({
      name: "Nilai Evaluasi Kelembagaan",
      definition: "Hasil evaluasi kinerja penyelenggaraan pemerintahan",
    });
    const b = indicator({
      name: "Indeks Pelayanan Publik",
      definition: "Hasil evaluasi kinerja penyelenggaraan pemerintahan",
    });
    expect(found(modelWith([a, b]), "duplicate-text").map((x) => x.params["fieldKey"])).toEqual([
      "definition",
    ]);
  });

  it("reports every later copy against the first text, among many distinct texts", () => {
    const distinct = Array.from({ length: 300 }, (_, i) =>
      indicator({
        name: `Jumlah dokumen jenis ${i}`,
        formula: `Jumlah dokumen jenis ${i} yang disusun dalam 1 tahun`,
      })
    );
    const copyA = indicator({
      name: "Indeks Kepuasan Layanan",
      formula: "JUMLAH dokumen jenis 7, yang disusun dalam 1 tahun.",
    });
    const copyB = indicator({
      name: "Nilai & Kinerja",
      formula: "jumlah  Dokumen jenis 7 yang disusun dalam 1 tahun",
    });
    const f = found(modelWith([...distinct, copyA, copyB]), "duplicate-text");
    expect(f.map((x) => [x.params["indicator"], x.params["otherIndicator"]])).toEqual([
      [copyA.name, "Jumlah dokumen jenis 7"],
      [copyB.name, "Jumlah dokumen jenis 7"],
    ]);
  });

  it("does not report the same indicator repeated, nor short generic texts", () => {
    const a = indicator({ name: "Jumlah PD yang dibina", formula: "Jumlah PD dibina" });
    const b = indicator({
      name: "Jumlah PD yang dibina dalam rangka budaya kerja",
      formula: "Jumlah PD dibina",
    });
    const c = indicator({
      name: "Jumlah Laporan Keuangan",
      formula: "Laporan keuangan yang disusun selama setahun",
    });
    const d = indicator({
      name: "jumlah laporan keuangan",
      formula: "Laporan keuangan yang disusun selama setahun",
    });
    expect(found(modelWith([a, b, c, d]), "duplicate-text")).toEqual([]);
  });
});
