import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import {
  parseSeed,
  SeedFormatError,
  splitCellParagraphs,
  splitTrailingCode,
  stripMarkdown,
  type Seed,
  type SeedSection,
} from "../../scripts/seed";

const SEED_FILE = path.join(
  __dirname,
  "../../examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt"
);
const seedText = fs.readFileSync(SEED_FILE, "utf8");

function section(seed: Seed, code: string): SeedSection {
  const found = seed.sections.filter((s) => s.code === code);
  expect(found).toHaveLength(1);
  return found[0] as SeedSection;
}

describe("the seed copy in the repo", () => {
  it("is the shared seed byte for byte (nobody fixes its typos)", () => {
    // sha256 of shared/seed/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt as delivered.
    const digest = createHash("sha256").update(fs.readFileSync(SEED_FILE)).digest("hex");
    expect(digest).toBe("69ba5d8b670798d6de429f3081e4acd37f628ef8314d792625b435b9956809f2");
  });
});

describe("parseSeed on the seed", () => {
  const seed = parseSeed(seedText);

  it("finds 44 conditions in the three tables: 1 CSF, 9 antara, 34 operasional", () => {
    expect(seed.conditions).toHaveLength(44);
    const count = (level: string): number =>
      seed.conditions.filter((c) => c.level === level).length;
    expect([count("csf"), count("antara"), count("operasional")]).toEqual([1, 9, 34]);
  });

  it("finds one section per condition and 54 indicators across the section tables", () => {
    expect(seed.sections).toHaveLength(44);
    expect(seed.indicators).toHaveLength(54);
    const perSection = seed.sections.reduce((n, s) => n + s.indicators.length, 0);
    expect(perSection).toBe(54);
  });

  it("reads the title block, the document title and the outcome", () => {
    expect(seed.titleLines).toEqual([
      "CRITICAL SUCCESS FAKTOR (CSF)",
      "SEKRETARIAT DAERAH",
      "KABUPATEN LUWU TIMUR",
    ]);
    expect(seed.documentTitle).toBe("KERTAS KERJA POHON KINERJA SEKRETARIAT DAERAH");
    expect(seed.outcomeLabel).toBe("Critical Success Factor (CSF) dari Outcome Kinerja");
    expect(seed.outcome).toBe("Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah");
  });

  it("reads Table 1 with the CSF and its code as typed", () => {
    expect(seed.table1.header).toEqual(["No.", "Faktor Penyebab", "Kondisi yang diperlukan"]);
    expect(seed.table1.rows).toEqual([
      {
        no: "1.",
        cause: "Belum optimalnya Pelaksanaan Reformasi Birokrasi",
        condition: "Meningkatnya Kualitas Tata Kelola Pemerintahan Sekretariat Daerah (CSF 1)",
      },
    ]);
  });

  it("reads the nine antara conditions of Table 2 from the p-tags of one cell, codes as typed", () => {
    expect(seed.table2Caption).toBe(
      "Uraian CSF Ke Kondisi Antara Sampai Kondisi paling Operasional"
    );
    expect(seed.table2.header[2]).toBe("Kondisi yang diperlukan (Antara)");
    const [row] = seed.table2.rows;
    expect(seed.table2.rows).toHaveLength(1);
    expect(row?.csf).toBe("Meningkatnya Kualitas Tata Kelola Pemerintahan Sekretariat Daerah");
    expect(row?.children).toHaveLength(9);
    expect(row?.children[0]).toBe("Meningkatnya Kualitas Penyelenggaraan Pemerintahan (CSF1.1)");
    expect(row?.children[1]).toBe("Meningkatnya Kebijakan Kesejahteraan Rakyat (CSF 1.2)");
    expect(row?.children[4]).toBe("Meningkatnya ITKP (CSF 1.5)");
    expect(row?.children.every((c) => !c.includes("<"))).toBe(true);
  });

  it("reads Table 3 over its three pages with the item numbers as typed", () => {
    expect(seed.table3.headers).toHaveLength(3);
    for (const h of seed.table3.headers) {
      expect(h).toEqual(["No.", "CSF", "Kondisi yang diperlukan (Operasional)"]);
    }
    const items = seed.table3.items;
    expect(items.map((i) => i.no)).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8", "9"]);
    expect(items.map((i) => i.page)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(items.map((i) => i.children.length)).toEqual([4, 3, 3, 7, 3, 4, 4, 3, 3]);
  });

  it("keeps item 6's continuation row (1.6.4) and one row per child for items 7 to 9", () => {
    const items = seed.table3.items;
    expect(items[5]?.rows.map((r) => r.length)).toEqual([3, 1]);
    expect(items[5]?.rows[1]).toEqual([
      "Terlaksananya Administrasi Barang Milik Daerah pada Perangkat Daerah (CSF 1.6.4)",
    ]);
    expect(items[6]?.rows.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(items[8]?.rows.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(items[0]?.rows).toHaveLength(1);
  });

  it("lists 1.4.6 twice under CSF 1.4 with different names", () => {
    const dup = seed.conditions.filter((c) => c.code === "1.4.6");
    expect(dup).toHaveLength(2);
    expect(dup[0]?.name).toMatch(
      /^Terlaksananya Koordinasi, Sinkronisasi dan Evaluasi .* Pertanian/
    );
    expect(dup[1]?.name).toMatch(
      /^Terlaksananya Koordinasi, Sinkronisasi, dan Evaluasi .* Pertambangan/
    );
    expect(dup.every((c) => c.parentCode === "1.4")).toBe(true);
  });

  it("lists 1.7.3 twice, the second being the kerumahtanggaan condition", () => {
    const dup = seed.conditions.filter((c) => c.code === "1.7.3");
    expect(dup.map((c) => c.name)).toEqual([
      "Terlaksananya Pengadaan dan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
      "Terlaksananya Pemenuhan Kebutuhan Kerumahtanggaan pimpinan",
    ]);
  });

  it("keeps codes that do not extend their parent: (2.1) under CSF 1.2 and (3.1.1) under CSF 1.3", () => {
    const c21 = seed.conditions.find((c) => c.codeAsTyped === "2.1");
    expect(c21?.text).toBe("Terlaksananya Fasilitasi pengelolaan Bina Mental Spritual (2.1)");
    expect(c21?.parentCode).toBe("1.2");
    expect(seed.conditions.find((c) => c.codeAsTyped === "3.1.1")?.parentCode).toBe("1.3");
    expect(seed.conditions.find((c) => c.codeAsTyped === "CSF 1.6.4")?.code).toBe("1.6.4");
    expect(seed.conditions.find((c) => c.codeAsTyped === "CSF1.1")?.code).toBe("1.1");
    expect(seed.conditions[0]?.codeAsTyped).toBe("CSF 1");
  });

  it("gives the first section a heading without a code", () => {
    const first = seed.sections[0];
    expect(first?.heading).toBe("Meningkatnya Kualitas Tata kelola Pemerintahan");
    expect(first?.codeAsTyped).toBeNull();
    expect(first?.code).toBeNull();
    expect(first?.name).toBe(first?.heading);
    expect(first?.problems).toBe(
      "Masalah terkait dengan kondisi ini antara lain A, Belum optimalnya Pelaksanaan Reformasi Birokrasi"
    );
  });

  it("keeps the section codes as typed, with and without trailing dot", () => {
    expect(seed.sections[1]?.codeAsTyped).toBe("1.1.");
    expect(section(seed, "1.8").codeAsTyped).toBe("1.8");
    expect(section(seed, "1.8").heading).toBe(
      "1.8 Terwujudnya Penataan Organisasi Perangkat Daerah"
    );
    expect(section(seed, "1.1.2").name).toBe("Terlaksannya Fasilitasi Pelaksanaan Otonomi Daerah");
    // The sections number the second 1.4.6 and 1.7.3 of Table 3 as 1.4.7 and 1.7.4.
    expect(section(seed, "1.4.7").name).toMatch(/Pertambangan/);
    expect(section(seed, "1.7.4").name).toBe(
      "Terlaksananya Pemenuhan Kebutuhan Kerumahtanggaan Pimpinan"
    );
  });

  it("keeps 1.8's numbered paragraphs as explanation text and reads its two tables", () => {
    const s18 = section(seed, "1.8");
    expect(s18.explanation).toHaveLength(2);
    expect(s18.explanation[0]).toMatch(/^1\. Penataan Organisasi merupakan kondisi/);
    expect(s18.explanation[1]).toMatch(/^2\. Organisasi yang tidak tepat fungsi/);
    expect(s18.problems).toBeNull();
    expect(s18.indicatorLine).toEqual([]);
    expect(s18.tables.map((t) => t.rows.length)).toEqual([2, 4]);
    expect(s18.indicators.map((i) => i.name)).toEqual([
      "Nilai Bobot Komponen Pelaporan Kinerja",
      "Persentase Implementasi RB General dan RB Tematik",
      "Nilai Evaluasi Kelembagaan",
      "Indeks Pelayanan Publik",
      "Nilai Kepatuhan Penyelenggaraan Pelayanan Publik",
      "Nilai SAKIP Perangkat Daerah",
    ]);
  });

  it("keeps the Masalah sentence inside 1.2's explanation, as typed", () => {
    const s12 = section(seed, "1.2");
    expect(s12.problems).toBeNull();
    expect(s12.explanation).toEqual([
      "Meningkatnya Kebijakan Kesejahteraan Rakyat merupakan kondisi dimana akan meningkatkan pencapaian kinerja perangkat daerah Masalah terkait dengan kondisi ini antara lain (a) belum optimalnya penerapan regulasi",
    ]);
    expect(s12.indicatorLine).toEqual([
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) % Kebijakan Kesejahteraan Rakyat yang dilaksanakan sesuai ketentuan yang berlaku",
    ]);
  });

  it("keeps 1.4's explanation, Masalah and indicator line in one paragraph and its two indicators", () => {
    const s14 = section(seed, "1.4");
    expect(s14.explanation).toHaveLength(1);
    expect(s14.explanation[0]).toMatch(
      /Masalah terkait .* Terwujudnya kondisi ini dapat tergambar/
    );
    expect(s14.problems).toBeNull();
    expect(s14.indicatorLine).toEqual([]);
    expect(s14.indicators.map((i) => i.name)).toEqual([
      "Tingkat Pengendalian Inflasi",
      "Persentase Kebijakan perekonomian dan administrasi Pembangunan yang dilaksanakan",
    ]);
  });

  it("keeps 1.4.2's explanation split over two paragraphs as typed", () => {
    expect(section(seed, "1.4.2").explanation[1]).toBe("BUMD dan BLUD");
  });

  it("keeps 1.7's indicator line with its continuation paragraph and three indicators", () => {
    const s17 = section(seed, "1.7");
    expect(s17.indicatorLine).toEqual([
      "Terwujudnya kondisi ini dapat tergambar dari indikator (1) Persentase layanan Administrasi Perkantoran yang memadai (2) Jumlah Pengadaan dan Pemeliharaan Barang Milik Daerah.",
      "(3) Persentase Pemenuhan kebutuhan rumah tangga Pimpinan",
    ]);
    expect(s17.indicators).toHaveLength(3);
  });

  it("keeps the indicator sentence inside 1.7.4's Masalah paragraph", () => {
    const s174 = section(seed, "1.7.4");
    expect(s174.problems).toMatch(/^Masalah terkait .* Terwujudnya kondisi ini dapat tergambar/);
    expect(s174.indicatorLine).toEqual([]);
  });

  it("keeps the table headers as typed, including 'Definisi/ Penjelasan'", () => {
    expect(section(seed, "1.1").tables[0]?.header).toEqual([
      "Indikator Kinerja",
      "Definisi/Penjelasan",
      "Relevansi Menggambarkan Kondisi",
      "Formulasi/Rumus Perhitungan",
      "Sumber Data",
    ]);
    expect(section(seed, "1.3").tables[0]?.header[1]).toBe("Definisi/ Penjelasan");
    expect(section(seed, "1.9").tables[0]?.header[1]).toBe("Definisi/ Penjelasan");
  });

  it("reads the five text fields of an indicator row as typed", () => {
    const [ind] = section(seed, "1.3.3").indicators;
    expect(ind?.name).toBe("Jumlah kasus yang mendapatkan fasilitasi bantuan hukum (kasus)");
    expect(ind?.definition).toMatch(
      /^Jumlah kasus yang mendapatkan fasilitasi bantuan hukum adalah/
    );
    expect(ind?.relevance).toMatch(/Re-regulasi atau deregulasi merupakan variabel penilaian IRH$/);
    expect(ind?.formula).toBe(
      "Jumlah Kasus (gugatan/perkara hukum/permasalahan hukum) yang telah diadvokasi, tertangani dan ditindaklanjuti selama 1 Tahun"
    );
    expect(ind?.dataSource).toBe("Bagian Hukum");
    expect(seed.indicators.every((i) => Object.values(i).every((v) => v !== ""))).toBe(true);
  });

  it("keeps the copied formula of 1.1.2 in 1.1.3", () => {
    expect(section(seed, "1.1.3").indicators[0]?.formula).toBe(
      section(seed, "1.1.2").indicators[0]?.formula
    );
  });

  it("removes markdown markers but keeps the words they marked", () => {
    expect(section(seed, "1.3.1").problems).toContain("masih sering ditemukan typo (salah ketik)");
    expect(section(seed, "1.1.1").labelAsTyped).toBe("- **Penjelasan**");
    expect(section(seed, "1.1").labelAsTyped).toBe("• Penjelasan");
  });

  it("ends the last section before the signature block", () => {
    expect(seed.signature).toEqual(["Malili, Oktober 2024", "Sekretaris Daerah", "BAHRI SULI"]);
    const last = seed.sections[seed.sections.length - 1];
    expect(last?.code).toBe("1.9.3");
    expect(last?.closing).toHaveLength(1);
  });

  it("gives every section a heading, an explanation and a closing paragraph", () => {
    for (const s of seed.sections) {
      expect(s.explanation.length).toBeGreaterThan(0);
      expect(s.closing.length).toBeGreaterThan(0);
      expect(s.indicators.length).toBeGreaterThan(0);
    }
  });

  it("reads CRLF line ends the same way", () => {
    expect(parseSeed(seedText.replace(/\n/g, "\r\n"))).toEqual(seed);
  });
});

describe("seed helpers", () => {
  it("splits a cell into the contents of its p-tags", () => {
    expect(splitCellParagraphs('<p data-bbox="1 2 3 4">A (1.1)</p> <p>B **x**</p>')).toEqual([
      "A (1.1)",
      "B x",
    ]);
    expect(splitCellParagraphs("  Plain (1.7.1) ")).toEqual(["Plain (1.7.1)"]);
    expect(splitCellParagraphs("")).toEqual([]);
  });

  it("splits the trailing code off a condition", () => {
    expect(splitTrailingCode("Meningkatnya ITKP (CSF 1.5)")).toEqual({
      name: "Meningkatnya ITKP",
      codeAsTyped: "CSF 1.5",
      code: "1.5",
    });
    expect(splitTrailingCode("X (CSF1.1)").code).toBe("1.1");
    expect(splitTrailingCode("Indeks Reformasi Hukum (IRH)")).toEqual({
      name: "Indeks Reformasi Hukum (IRH)",
      codeAsTyped: null,
      code: null,
    });
  });

  it("strips bold and italic markers", () => {
    expect(stripMarkdown("- **Penjelasan**")).toBe("- Penjelasan");
    expect(stripMarkdown("ditemukan *typo* (salah ketik), 2 x 100")).toBe(
      "ditemukan typo (salah ketik), 2 x 100"
    );
  });

  it("rejects a text without the seed's title block", () => {
    expect(() => parseSeed("Hello\n\nWorld\n")).toThrow(SeedFormatError);
  });
});
