/**
 * Synthetic kertas kerja workbooks for the benchmark: the sample's layout (CSF tables, one section
 * per condition, a Target & Realisasi table) at any size, over four levels
 * (outcome, CSF, kondisi antara, kondisi operasional), two indicators per condition.
 */
import type { CellValue, WorkbookGrids } from "../src/core";

export interface SyntheticShape {
  csf: number;
  antaraPerCsf: number;
  operasionalPerAntara: number;
  indicatorsPerCondition: number;
}

/** A shape with about `indicators` indicators. */
export function shapeFor(indicators: number): SyntheticShape {
  const perCondition = 2;
  const conditions = Math.ceil(indicators / perCondition);
  const csf = 10;
  const antaraPerCsf = 10;
  const operasionalPerAntara = Math.max(
    1,
    Math.round((conditions - csf - csf * antaraPerCsf) / (csf * antaraPerCsf))
  );
  return { csf, antaraPerCsf, operasionalPerAntara, indicatorsPerCondition: perCondition };
}

interface Cond {
  code: string;
  name: string;
  parentCode: string | null;
}

const KINDS = ["Persentase", "Jumlah", "Indeks", "Nilai"] as const;

function indicatorName(code: string, k: number): string {
  return `${KINDS[k % KINDS.length]} capaian layanan ${code} bagian ${k + 1}`;
}

/** Each indicator its own formula, as in a real kertas kerja (copies are a finding of their own). */
function formulaFor(name: string): string {
  const subject = name.replace(/^\S+ /, "");
  return name.startsWith("Persentase")
    ? `Jumlah ${subject} yang tepat waktu / jumlah seluruh ${subject} x 100`
    : name.startsWith("Jumlah")
      ? `Jumlah ${subject} yang diselesaikan dalam 1 tahun`
      : `Nilai hasil penilaian tahunan atas ${subject}`;
}

/** Build the grids of a synthetic workbook. Deterministic. */
export function syntheticWorkbook(shape: SyntheticShape): WorkbookGrids {
  const csf: Cond[] = [];
  const antara: Cond[] = [];
  const ops: Cond[] = [];
  for (let i = 1; i <= shape.csf; i++) {
    const c = {
      code: `${i}`,
      name: `Meningkatnya Kualitas Tata Kelola Urusan ${i}`,
      parentCode: null,
    };
    csf.push(c);
    for (let j = 1; j <= shape.antaraPerCsf; j++) {
      const a = {
        code: `${i}.${j}`,
        name: `Meningkatnya Kualitas Layanan ${i}.${j}`,
        parentCode: c.code,
      };
      antara.push(a);
      for (let k = 1; k <= shape.operasionalPerAntara; k++) {
        ops.push({
          code: `${i}.${j}.${k}`,
          name: `Terlaksananya Kegiatan Pelayanan ${i}.${j}.${k}`,
          parentCode: a.code,
        });
      }
    }
  }

  const csfSheet: CellValue[][] = [];
  csfSheet.push(["KERTAS KERJA POHON KINERJA BADAN SINTETIS"]);
  csfSheet.push(["Critical Success Factor (CSF) dari Outcome Kinerja"]);
  csfSheet.push(["Meningkatnya Kualitas Pelayanan Publik Badan Sintetis"]);
  csfSheet.push([]);
  csfSheet.push(["No.", "Faktor Penyebab", "Kondisi yang diperlukan"]);
  csf.forEach((c, n) =>
    csfSheet.push([`${n + 1}.`, `Belum optimalnya urusan ${c.code}`, `${c.name} (CSF ${c.code})`])
  );
  csfSheet.push([]);
  const childTable = (title: string, parents: Cond[], children: Cond[]): void => {
    csfSheet.push(["No.", "CSF", title]);
    const byParent = new Map<string, Cond[]>();
    for (const ch of children) {
      const list = byParent.get(ch.parentCode ?? "") ?? [];
      list.push(ch);
      byParent.set(ch.parentCode ?? "", list);
    }
    parents.forEach((p, n) => {
      (byParent.get(p.code) ?? []).forEach((ch, m) => {
        // Merged-parent shape: No and CSF only on the first row of each parent.
        csfSheet.push(
          m === 0
            ? [`${n + 1}.`, `${p.name} (CSF ${p.code})`, `${ch.name} (${ch.code})`]
            : [null, null, `${ch.name} (${ch.code})`]
        );
      });
    });
    csfSheet.push([]);
  };
  childTable("Kondisi yang diperlukan (Antara)", csf, antara);
  childTable("Kondisi yang diperlukan (Operasional)", antara, ops);

  const uraian: CellValue[][] = [];
  const measure: CellValue[][] = [
    ["Target dan Realisasi Indikator Kinerja (data sintetis)"],
    [],
    ["Kode", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Polaritas"],
  ];
  let seq = 0;
  for (const c of [...csf, ...antara, ...ops]) {
    const names = Array.from({ length: shape.indicatorsPerCondition }, (_, k) =>
      indicatorName(c.code, k)
    );
    uraian.push([`${c.code}. ${c.name}`]);
    uraian.push(["Penjelasan"]);
    uraian.push([
      `${c.name} merupakan kondisi dimana layanan ${c.code} berjalan sesuai ketentuan.`,
    ]);
    uraian.push([
      `Masalah terkait dengan kondisi ini antara lain (a) belum optimalnya koordinasi ${c.code}.`,
    ]);
    uraian.push([
      `Terwujudnya kondisi ini dapat tergambar dari indikator ${names.map((n, k) => `(${k + 1}) ${n}`).join(" ")}`,
    ]);
    uraian.push([
      "Indikator Kinerja",
      "Definisi/Penjelasan",
      "Relevansi Menggambarkan Kondisi",
      "Formulasi/Rumus Perhitungan",
      "Sumber Data",
    ]);
    for (const n of names) {
      uraian.push([
        n,
        `${n} adalah ukuran hasil layanan ${c.code}.`,
        `${n} menggambarkan kondisi ${c.code}.`,
        formulaFor(n),
        `Bagian Layanan ${c.code}`,
      ]);
      seq++;
      const target = 50 + (seq % 50);
      const actual = seq % 97 === 0 ? "-" : target - 10 + (seq % 23);
      measure.push([
        c.code,
        n,
        n.startsWith("Persentase") ? "%" : "Dokumen",
        target,
        actual,
        null,
        seq % 13 === 0 ? "turun" : "naik",
      ]);
    }
    uraian.push([
      `Terwujudnya ${c.name.toLowerCase()} akan meningkatkan kualitas pelayanan publik.`,
    ]);
    uraian.push([]);
  }
  return {
    name: "sintetis.xlsx",
    sheets: [
      { name: "CSF", values: csfSheet },
      { name: "Uraian Kondisi", values: uraian },
      { name: "Target & Realisasi", values: measure },
    ],
  };
}

/** Number of indicator rows in a synthetic workbook. */
export function indicatorCount(wb: WorkbookGrids): number {
  const m = wb.sheets.find((s) => s.name === "Target & Realisasi");
  return m ? m.values.length - 3 : 0;
}
