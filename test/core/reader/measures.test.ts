import { numbers } from "../../fixtures/reader/fixtures";
import { indicatorNamed, readBoth } from "./load";

describe("reading Target & Realisasi tables", () => {
  it("reads numbers as typed in Indonesia and keeps what they were typed as", async () => {
    for (const [, model] of await readBoth(numbers)) {
      const rb = indicatorNamed(model, "Indeks RB");
      expect([rb.target, rb.actual, rb.unit]).toEqual([85.5, 1250, "Indeks"]);
      expect(rb.values.target).toEqual({
        sheet: "Target",
        row: 3,
        col: 3,
        raw: "85,5",
        value: 85.5,
        readable: true,
        formula: null,
      });
      const aduan = indicatorNamed(model, "Persentase Aduan");
      expect([aduan.target, aduan.actual, aduan.unit]).toEqual([16.5, 12, "%"]);
      expect([aduan.numerator, aduan.denominator]).toEqual([12, 100]);
      expect(indicatorNamed(model, "Tingkat Inflasi").target).toBe(12.5);
    }
  });

  it("takes the unit from the number when there is no Satuan", async () => {
    for (const [, model] of await readBoth(numbers)) {
      const dok = indicatorNamed(model, "Jumlah Dokumen");
      expect([dok.target, dok.unit]).toEqual([5, "Dokumen"]);
    }
  });

  it("keeps unreadable entries as typed, marked unreadable, without a finding of its own", async () => {
    for (const [, model] of await readBoth(numbers)) {
      const dok = indicatorNamed(model, "Jumlah Dokumen");
      expect(dok.actual).toBeNull();
      expect(dok.values.actual).toMatchObject({ raw: "-", value: null, readable: false });
      const kasus = indicatorNamed(model, "Angka Kasus Hukum");
      expect(kasus.values.actual).toMatchObject({ raw: "belum ada data", readable: false });
      expect(model.findings.filter((f) => f.cell === "'Target'!E6")).toEqual([]);
    }
  });

  it("reads polarity words and assumes higher-is-better when none is given", async () => {
    for (const [, model] of await readBoth(numbers)) {
      const pol = (name: string): [string, boolean] => {
        const i = indicatorNamed(model, name);
        return [i.polarity, i.polarityAssumed];
      };
      expect(pol("Indeks RB")).toEqual(["higher", false]);
      expect(pol("Persentase Aduan")).toEqual(["lower", false]);
      expect(pol("Jumlah Dokumen")).toEqual(["higher", true]);
      expect(pol("Angka Kasus Hukum")).toEqual(["lower", false]);
      expect(pol("Tingkat Inflasi")).toEqual(["lower", false]);
      expect(pol("Nilai Kepatuhan")).toEqual(["higher", false]);
    }
  });

  it("reports a polarity word it does not understand and assumes higher-is-better", async () => {
    for (const [, model] of await readBoth(numbers)) {
      expect(indicatorNamed(model, "Nilai Aneh").polarityAssumed).toBe(true);
      expect(model.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
        ["skipped-content", "warning", "'Target'!G10"],
      ]);
      expect(model.findings[0]?.message).toContain("kadang-kadang");
    }
  });

  it("records the measure row so the fill knows where Capaian goes", async () => {
    for (const [, model] of await readBoth(numbers)) {
      expect(indicatorNamed(model, "Tingkat Inflasi").measure).toEqual({
        sheet: "Target",
        row: 7,
        headerRow: 2,
        lastCol: 8,
        columns: {
          code: 0,
          name: 1,
          unit: 2,
          target: 3,
          actual: 4,
          achievement: 5,
          polarity: 6,
          numerator: 7,
          denominator: 8,
        },
      });
    }
  });

  it("keeps indicators found only in a measure table, under the condition their Kode names", async () => {
    for (const [, model] of await readBoth(numbers)) {
      // No condition table here: every row is an orphan naming the code it was listed under.
      expect(model.orphans.map((o) => [o.indicator.name, o.refersTo])).toEqual([
        ["Indeks RB", "1"],
        ["Persentase Aduan", "1"],
        ["Jumlah Dokumen", "1.1"],
        ["Angka Kasus Hukum", "1.1"],
        ["Tingkat Inflasi", "1.1"],
        ["Nilai Kepatuhan", "1.1"],
        ["Nilai Aneh", "1.1"],
      ]);
    }
  });
});
