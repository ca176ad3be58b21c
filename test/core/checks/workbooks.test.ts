/**
 * The checks end to end on fixture workbooks (test/fixtures/checks/*.xlsx, from fixtures.ts):
 * read by the reader, capaian computed, checked. A clean document next to the same document
 * with one planted mistake per rule.
 */
import * as path from "path";
import { applyCapaian } from "../../../src/core/capaian";
import { checkModel } from "../../../src/core/checks";
import type { Finding } from "../../../src/core/findings";
import { allIndicators, type CsfModel } from "../../../src/core/model";
import { readWorkbook } from "../../../src/core/reader";
import { readXlsxFile } from "../../../src/hosts/xlsx";

async function analyse(file: string): Promise<{ model: CsfModel; findings: Finding[] }> {
  const grids = await readXlsxFile(path.join(__dirname, "../../fixtures/checks", file));
  const model = readWorkbook(grids, { file });
  applyCapaian(model);
  return { model, findings: checkModel(model, grids) };
}

async function check(file: string): Promise<Finding[]> {
  return (await analyse(file)).findings;
}

const key = (f: Finding): string => `${f.rule} ${f.code ?? "-"}`;

describe("checking fixture workbooks", () => {
  it("finds nothing in the clean document but the polarity it assumed where the cell is blank", async () => {
    // 1.2.1's Polaritas cell is empty: listed once (info), so the user can confirm "naik".
    expect((await check("clean.xlsx")).map(key)).toEqual(["polarity-assumed 1.2.1"]);
  });

  it("computes the clean document's capaian: ratio realisasi, lower-is-better, typed value kept", async () => {
    const { model } = await analyse("clean.xlsx");
    const byName = new Map(allIndicators(model).map((i) => [i.name, i]));
    // 45 / 50 × 100 = 90 against a target of 90
    expect(byName.get("Persentase Rekomendasi Evaluasi yang Ditindaklanjuti")).toMatchObject({
      actual: 90,
      achievement: 100,
    });
    // lower is better: (2 × 5 − 4) / 5 × 100
    expect(byName.get("Jumlah Temuan Audit Kelembagaan")?.achievement).toBe(120);
    // 72.5 / 70 × 100 = 103.571…
    expect(byName.get("Indeks Reformasi Birokrasi")?.achievement).toBe(103.57);
  });

  it("finds each planted mistake of the faulty document, and nothing else", async () => {
    const found = (await check("faulty.xlsx")).map(key).sort();
    expect(found).toEqual(
      [
        "missing-outcome -",
        // Table 3: "Tersusunnya Dokumen Renstra (1.1.1)" after "Tersusunnya Dokumen Renja (1.1.1)"
        "duplicate-code 1.1.1",
        "no-section 1.1.1",
        "no-indicator 1.1.1",
        // 1.1.3 after 1.1.1: no 1.1.2
        "numbering-gap 1.1.3",
        // "(2.2)" under CSF 1.2, with no section or indicator
        "code-parent-mismatch 2.2",
        "no-section 2.2",
        "no-indicator 2.2",
        // "Peningkatan Kualitas Analisis Jabatan (1.2.1)": not a done thing, no section, no indicator
        "level-naming 1.2.1",
        "no-section 1.2.1",
        "no-indicator 1.2.1",
        // "Terwujudnya Penataan Organisasi" in Table 2 and the heading, "… Perangkat Daerah" in Table 3
        "name-mismatch 1.2",
        // the CSF 1 indicator has no Definisi/Penjelasan
        "missing-field 1",
        // Jumlah Dokumen Renja with unit "%", and its capaian typed 50 against 2/2 = 100
        "formula-type-mismatch 1.1.1",
        "manual-override 1.1.1",
        // the Persentase of 1.1.3 whose formula is a report; its line names another indicator
        "formula-type-mismatch 1.1.3",
        "narrative-mismatch 1.1.3",
        "narrative-mismatch 1.1.3",
        // 1.2's formula is 1.1's
        "duplicate-text 1.2",
        // 1.1 has no target
        "missing-target 1.1",
        "achievement-uncomputable 1.1",
        // 1.2's realisasi is "-"
        "invalid-number 1.2",
        "achievement-uncomputable 1.2",
        // a Target row for condition 1.9, which does not exist
        "orphan 1.9",
        // The row of 1.9 leaves its Polaritas cell empty.
        "polarity-assumed 1.9",
      ].sort()
    );
  });

  it("points the faulty findings at the offending cells", async () => {
    const found = await check("faulty.xlsx");
    const at = (rule: string, code: string): (string | null)[] =>
      found.filter((f) => f.rule === rule && f.code === code).map((f) => f.cell);
    expect(at("manual-override", "1.1.1")).toEqual(["'Target & Realisasi'!F5"]);
    expect(at("invalid-number", "1.2")).toEqual(["'Target & Realisasi'!E7"]);
    expect(at("missing-target", "1.1")).toEqual(["'Target & Realisasi'!D4"]);
    expect(at("formula-type-mismatch", "1.1.1")).toEqual(["'Target & Realisasi'!C5"]);
  });
});
