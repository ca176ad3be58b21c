/**
 * On random kertas kerja with planted mistakes (a code not under its parent, a code used twice,
 * numbers typed as text, a heading naming its condition otherwise, an indicator line naming
 * another indicator, a blank Polaritas cell), applying every fix and checking again finds none of the fixed rules'
 * findings, and never an error that was not there before.
 */
import fc from "fast-check";
import { cellRef } from "../../../src/core/address";
import type { CellValue } from "../../../src/core/grid";
import type { CsfModel } from "../../../src/core/model";
import type { Finding, RuleId } from "../../../src/core/findings";
import { FIXABLE_RULES, findingsToFix, fixAll } from "../../../src/core/fixes";
import { SETTINGS } from "./helpers";
import { writtenWorkbook, type WrittenCondition } from "./workbook";

const RUNS = Number(process.env.POKIN_HOSTILE_RUNS ?? "1") * 40;

const WORDS = [
  "Renja",
  "Renstra",
  "Lakip",
  "Keuangan",
  "Aset",
  "Kepegawaian",
  "Arsip",
  "Hukum",
  "Protokol",
  "Pengadaan",
  "Kerjasama",
  "Otonomi",
  "Kewilayahan",
  "Inflasi",
  "Pangan",
  "Pariwisata",
  "Koperasi",
  "Statistik",
  "Persandian",
  "Perhubungan",
  "Pendidikan",
  "Kesehatan",
  "Olahraga",
  "Kebudayaan",
  "Perpustakaan",
  "Transmigrasi",
  "Kependudukan",
  "Perikanan",
  "Kehutanan",
  "Perdagangan",
  "Perindustrian",
  "Pertanahan",
  "Lingkungan",
  "Komunikasi",
  "Dokumentasi",
  "Organisasi",
  "Tatalaksana",
  "Pelayanan",
  "Akuntabilitas",
  "Pengawasan",
];

/** What may go wrong with one condition as typed. */
interface Mistakes {
  /** Its code in the CSF table (and maybe its heading and Kode cell) under the wrong parent. */
  wrongCode: 0 | 1 | 2 | 3;
  /** Its code the code of the sibling before it. */
  duplicate: boolean;
  /** Its heading naming it with one word more. */
  headingName: boolean;
  /** Its indicator line naming an indicator that is not in its table. */
  line: boolean;
  /** Target and realisasi typed as text ("82,5", "1.200", "16,5%"). */
  textNumbers: boolean;
  /** Its Polaritas cell left blank. */
  polarity: boolean;
}

const mistakesArb: fc.Arbitrary<Mistakes> = fc.record({
  wrongCode: fc.constantFrom<Mistakes["wrongCode"]>(0, 0, 0, 0, 1, 2, 3),
  duplicate: fc.boolean(),
  headingName: fc.boolean(),
  line: fc.boolean(),
  textNumbers: fc.boolean(),
  polarity: fc.boolean(),
});

/** Children counts: 1–2 CSFs, each with 1–3 antara, each with 0–3 operasional. */
const shapeArb = fc.array(
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
  {
    minLength: 1,
    maxLength: 2,
  }
);

/** A number as Indonesians type it, as text. */
function typed(value: number, percent: boolean): string {
  const [int = "", frac] = String(value).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${grouped}${frac ? `,${frac}` : ""}${percent ? "%" : ""}`;
}

interface Built {
  csfs: WrittenCondition[];
  planted: Set<RuleId>;
}

function build(shape: number[][], mistakes: Mistakes[], targets: number[]): Built {
  const planted = new Set<RuleId>();
  let next = 0;
  const take = () => {
    const i = next++;
    return {
      word: WORDS[i % WORDS.length] ?? "X",
      m: mistakes[i % mistakes.length],
      target: targets[i % targets.length] ?? 10,
    };
  };
  const condition = (
    code: string,
    depth: number,
    previous: WrittenCondition | null
  ): WrittenCondition => {
    const { word, m, target } = take();
    const name =
      depth === 1
        ? `Meningkatnya Tata Kelola ${word}`
        : depth === 2
          ? `Meningkatnya Kualitas ${word}`
          : `Terlaksananya Fasilitasi ${word}`;
    const percent = depth < 3;
    const indicator = {
      name: percent ? `Persentase Layanan ${word} Terpenuhi` : `Jumlah Dokumen ${word}`,
      unit: percent ? "%" : "Dokumen",
      target: m?.textNumbers ? typed(target, percent) : target,
      actual: m?.textNumbers ? typed(target * 2, false) : target * 2,
      polarity: m?.polarity ? null : "naik",
    } as {
      name: string;
      unit: string;
      target: CellValue;
      actual: CellValue;
      polarity: string | null;
    };
    if (m?.textNumbers) planted.add("invalid-number");
    if (m?.polarity) planted.add("polarity-assumed");
    const c: WrittenCondition = { code, name, indicators: [indicator] };
    if (depth > 1 && m && m.wrongCode > 0) {
      planted.add("code-parent-mismatch");
      const wrong = `8${code.slice(code.indexOf("."))}`;
      c.code = wrong;
      if (m.wrongCode >= 2) c.heading = { code: wrong, name };
      if (m.wrongCode === 3) c.kode = wrong;
    } else if (depth > 1 && m?.duplicate && previous) {
      planted.add("duplicate-code");
      c.code = previous.code;
      c.kode = previous.kode ?? previous.code;
    }
    if (m?.headingName) {
      planted.add("name-mismatch");
      c.heading = { code: c.heading?.code ?? c.code, name: `${name} Daerah` };
    }
    if (m?.line) {
      planted.add("narrative-mismatch");
      c.line = [`Jumlah Laporan Lain ${word}`];
    }
    return c;
  };
  const csfs: WrittenCondition[] = [];
  shape.forEach((antara, i) => {
    const csf = condition(String(i + 1), 1, null);
    let previousA: WrittenCondition | null = null;
    csf.children = antara.map((ops, j) => {
      const a = condition(`${i + 1}.${j + 1}`, 2, previousA);
      previousA = a;
      let previousO: WrittenCondition | null = null;
      a.children = Array.from({ length: ops }, (_, k) => {
        const o = condition(`${i + 1}.${j + 1}.${k + 1}`, 3, previousO);
        previousO = o;
        return o;
      });
      return a;
    });
    csfs.push(csf);
  });
  return { csfs, planted };
}

const key = (f: Finding) => `${f.rule}|${f.cell}`;

/** The cells where the reader found the conditions and their indicators' rows. */
function recordCells(model: CsfModel): Set<string> {
  const out = new Set<string>();
  for (const n of model.nodes) {
    for (const m of n.mentions) out.add(m.cell);
    for (const i of n.indicators) {
      for (const v of Object.values(i.values)) if (v) out.add(cellRef(v.sheet, v.row, v.col));
      // Its row of the Target & Realisasi table, and a column added at the table's edge.
      const m = i.measure;
      if (!m) continue;
      for (let c = 0; c <= m.lastCol + 1; c++) out.add(cellRef(m.sheet, m.row, c));
      out.add(cellRef(m.sheet, m.headerRow, m.lastCol + 1));
    }
  }
  return out;
}

describe("fixing random kertas kerja with planted mistakes", () => {
  it("leaves none of the fixed rules' findings and no new error", () => {
    fc.assert(
      fc.property(
        shapeArb,
        fc.array(mistakesArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(4, 12.5, 82.5, 100, 1200, 16.5), { minLength: 1, maxLength: 5 }),
        (shape, mistakes, targets) => {
          const { csfs, planted } = build(shape, mistakes, targets);
          const wb = writtenWorkbook(csfs);
          const { analysis, findings: before } = findingsToFix(wb, SETTINGS);
          const fixed = fixAll(wb, SETTINGS, { rules: FIXABLE_RULES });
          const after = fixed.findings;
          // Only cells of the conditions' and indicators' records, never anything else.
          const record = recordCells(analysis.model);
          for (const e of fixed.edits) {
            const line = typeof e.before === "string" && /tergambar dari indi/i.test(e.before);
            expect(line || record.has(cellRef(e.sheet, e.row, e.col))).toBe(true);
          }
          const left = after.filter(
            (f) =>
              FIXABLE_RULES.includes(f.rule) && f.params.messageKey !== "checks.narrative.noLine"
          );
          expect(left.map((f) => `${f.rule} ${f.cell}: ${f.message}`)).toEqual([]);
          const errorsBefore = new Set(before.filter((f) => f.severity === "error").map(key));
          const newErrors = after.filter(
            (f) => f.severity === "error" && !errorsBefore.has(key(f))
          );
          expect(newErrors.map((f) => `${f.rule} ${f.cell}: ${f.message}`)).toEqual([]);
          // The planted mistakes were there to fix.
          for (const rule of planted) expect(before.map((f) => f.rule)).toContain(rule);
        }
      ),
      { numRuns: RUNS, seed: Number(process.env.POKIN_FIX_SEED ?? Date.now() % 100000) }
    );
  });
});
