/**
 * Continuation rows: a tall table row written as several rows whose pieces read back as the
 * row's texts, no row over CONTINUE_AFTER lines as Excel wraps them, joined without a border.
 */
import {
  CONTINUE_AFTER,
  FIRST_LINES,
  tableRows,
} from "../../../src/core/kertas-kerja/continuation";
import { cellLines, type RowCell, type RowSpec } from "../../../src/core/kertas-kerja/layout";
import { planKertasKerja } from "../../../src/core/kertas-kerja";
import { readWorkbook } from "../../../src/core/reader";
import { planToGrids } from "../../helpers/plan-to-grids";
import { indicator, model, node, settings } from "./build-model";
import { essence } from "./essence";

const SENTENCE =
  "Nilai pada komponen ini merupakan hasil pencapaian kinerja pemerintah daerah setiap akhir tahun berdasarkan perjanjian kinerja yang selanjutnya dituangkan dalam laporan. ";
const LONG = SENTENCE.repeat(5).trim();
const WITH_BREAKS = `${SENTENCE.repeat(2).trim()}\n${SENTENCE.repeat(3).trim()}`;

/** The pieces of column `col` joined as the reader joins them: on a piece's trailing spaces, else a line break. */
function joined(rows: readonly RowSpec[], col: number): string {
  let text = "";
  for (const r of rows) {
    const v = r.cells.find((c) => c.col === col)?.value ?? "";
    if (v === "") continue;
    const sep = /[ \t]+$/.exec(text)?.[0];
    text = text === "" ? v : sep ? `${text}${v}` : `${text}\n${v}`;
  }
  return text.trimEnd();
}

function cells(texts: string[], formulas: (string | undefined)[] = []): RowCell[] {
  return texts.map((value, col) => {
    const f = formulas[col];
    return f === undefined ? { col, right: col, value } : { col, right: col, value, formula: f };
  });
}

const nameByWords = (c: RowCell) => c.col === 0;

describe("continuation rows", () => {
  it("writes a row of a few lines as one row, as before", () => {
    const texts = ["Nilai SAKIP", "Nilai hasil evaluasi", "Relevan", "Rumus", "Bagian"];
    const rows = tableRows(cells(texts), nameByWords);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.continued).toBeUndefined();
    expect(rows[0]?.cells.map((c) => c.value)).toEqual(texts);
  });

  it("cuts long texts into pieces that join back, no row over the limit as Excel wraps them", () => {
    const texts = [
      "Nilai Bobot Komponen Pelaporan Kinerja",
      LONG,
      WITH_BREAKS,
      "Skor",
      "Kemendagri",
    ];
    const rows = tableRows(cells(texts), nameByWords);
    expect(rows.length).toBeGreaterThan(2);
    for (let col = 0; col < texts.length; col++) expect(joined(rows, col)).toBe(texts[col]);
    // The last row may take a line or two more rather than leave them a row of their own.
    rows.forEach((r, i) => {
      const lines = Math.max(...r.cells.map((c) => cellLines("td", c)));
      expect(lines).toBeLessThanOrEqual(CONTINUE_AFTER + (i === rows.length - 1 ? 2 : 0));
    });
    // The short cells only in the first row (of FIRST_LINES lines); the others carry on.
    const firstLines = Math.max(...(rows[0]?.cells ?? []).map((c) => cellLines("td", c)));
    expect(firstLines).toBeLessThanOrEqual(FIRST_LINES);
    expect(rows.slice(1).every((r) => r.continued === true)).toBe(true);
    expect(rows.slice(1).every((r) => r.cells[3]?.value === "")).toBe(true);
    expect(rows.slice(1).every((r) => r.cells[4]?.value === "")).toBe(true);
    // Every row has every column (the merges and borders of a table row).
    for (const r of rows) expect(r.cells.map((c) => c.col)).toEqual([0, 1, 2, 3, 4]);
  });

  it("cuts a long name only between words, each piece but the last ending in its spaces", () => {
    const name = "Jumlah Dokumen Hasil Koordinasi Sinkronisasi dan Evaluasi Kebijakan "
      .repeat(3)
      .trim();
    const texts = [name, LONG, "Relevan", "Rumus", "Bagian"];
    const rows = tableRows(cells(texts), nameByWords);
    const pieces = rows.map((r) => r.cells[0]?.value ?? "").filter((v) => v !== "");
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(name);
    pieces.slice(0, -1).forEach((p) => expect(p).toMatch(/\S +$/));
    // In consecutive rows from the first.
    expect(rows.slice(0, pieces.length).every((r) => r.cells[0]?.value !== "")).toBe(true);
    expect(joined(rows, 1)).toBe(LONG);
  });

  it("cuts a text with line breaks only between words where asked", () => {
    const rows = tableRows(cells([WITH_BREAKS, WITH_BREAKS]), nameByWords);
    const name = rows.map((r) => r.cells[0]?.value ?? "").filter((v) => v !== "");
    expect(name.slice(0, -1).every((p) => /[ \t]$/.test(p))).toBe(true);
    expect(name.join("")).toBe(WITH_BREAKS);
    expect(joined(rows, 1)).toBe(WITH_BREAKS);
  });

  it("cuts a live text into MID formulas of the same formula, the last taking the rest", () => {
    const formula = "='Uraian Kondisi'!C12&\"\"";
    const texts = ["Nilai SAKIP", LONG, "Relevan", "Rumus", "Bagian"];
    const rows = tableRows(cells(texts, [undefined, formula]), nameByWords);
    const pieces = rows.map((r) => r.cells[1] as RowCell).filter((c) => c.value !== "");
    expect(pieces.length).toBeGreaterThan(1);
    let at = 1;
    pieces.forEach((p, i) => {
      const last = i === pieces.length - 1;
      const length = last ? 32767 : p.value.length;
      expect(p.formula).toBe(`=MID('Uraian Kondisi'!C12&"",${at},${length})`);
      at += p.value.length;
    });
    expect(pieces.map((p) => p.value).join("")).toBe(LONG);
    // A short live text keeps its formula whole, in the first row.
    const short = tableRows(
      cells(["Nilai SAKIP", LONG, "Relevan"], [undefined, undefined, formula]),
      nameByWords
    );
    expect(short[0]?.cells[2]?.formula).toBe(formula);
  });

  it("borders the rows of one table row round each column, with no line between them", () => {
    const ind = indicator("Nilai Bobot Komponen Pelaporan Kinerja", {
      definition: LONG,
      relevance: WITH_BREAKS,
    });
    const m = model([node("1", "Meningkatnya Kualitas Tata Kelola", { indicators: [ind] })]);
    const plan = planKertasKerja(m, { sheets: [] }, settings());
    const HEADER = "Indikator Kinerja";
    const top = (plan.cells.find((c) => c.value === HEADER)?.row as number) + 1;
    const texts = [ind.name, LONG, WITH_BREAKS, ind.formula ?? "", ind.dataSource ?? ""];
    const cellsOf = (r: number) => plan.cells.filter((c) => c.row === r);
    const isHeader = (r: number) => cellsOf(r).some((c) => c.value === HEADER);
    const blank = (r: number) => cellsOf(r).length === 0;
    // A row of the indicator's: each of its cells a piece of that column's text.
    const isPiece = (r: number) =>
      !blank(r) && cellsOf(r).every((c) => texts[c.col]?.includes(String(c.value).trim()));
    const end = Math.max(...plan.rowHeights.map((h) => h.row));
    // The row's parts: its rows up to a page break, the table's header written again over the next.
    const parts: number[][] = [[]];
    for (let r = top; r <= end; r++) {
      if (blank(r) || isHeader(r)) {
        if ((parts.at(-1) ?? []).length > 0) parts.push([]);
      } else if (isPiece(r)) parts.at(-1)?.push(r);
      else break;
    }
    const pieces = parts.filter((p) => p.length > 0);
    expect(pieces.length).toBeGreaterThan(1);
    const breaks = plan.print?.rowBreaks ?? [];
    pieces.forEach((rows, i) => {
      const first = rows[0] as number;
      const last = rows.at(-1) as number;
      expect(rows).toEqual(Array.from({ length: last - first + 1 }, (_, k) => first + k));
      // Each page's part bordered round, column by column, with no line between its rows.
      const over = plan.formats.filter((f) => f.range.top <= last && f.range.bottom >= first);
      expect(over.map((f) => f.range)).toEqual(
        [0, 1, 2, 3, 4].map((col) => ({ top: first, left: col, bottom: last, right: col }))
      );
      for (const f of over) {
        expect(f.style.innerBorder).toBeUndefined();
        expect(Object.keys(f.style.border ?? {}).sort()).toEqual([
          "bottom",
          "left",
          "right",
          "top",
        ]);
      }
      // A part goes on only on a new page, under the table's header written again.
      if (i > 0) {
        expect(breaks.some((b) => b < first && b > (pieces[i - 1]?.at(-1) as number))).toBe(true);
        expect(isHeader(first - 1)).toBe(true);
      }
    });
    expect(plan.cells.filter((c) => c.value === HEADER)).toHaveLength(pieces.length);
    // And it reads back whole.
    expect(essence(readWorkbook(planToGrids(plan)))).toEqual(essence(m));
  });

  it("reads a kertas kerja with continued rows back to the same model, a long name too", () => {
    const long = "Jumlah Dokumen Hasil Koordinasi Sinkronisasi dan Evaluasi Kebijakan "
      .repeat(3)
      .trim();
    const ind = indicator(long, {
      definition: LONG,
      relevance: WITH_BREAKS,
      dataSource: `Kementerian Dalam Negeri. ${SENTENCE.repeat(3).trim()}`,
      responsible: "Bagian Organisasi",
    });
    const m = model([
      node("1", "Meningkatnya Kualitas Tata Kelola", {
        indicators: [ind, indicator("Nilai SAKIP")],
      }),
    ]);
    const plan = planKertasKerja(m, { sheets: [] }, settings());
    const back = readWorkbook(planToGrids(plan));
    expect(essence(back)).toEqual(essence(m));
  });

  it("cuts a long live Sumber Data with its responsible unit into MID pieces of the joined formula", () => {
    const source = `Kementerian Dalam Negeri. ${SENTENCE.repeat(3).trim()}`;
    const ind = indicator("Nilai SAKIP", {
      dataSource: source,
      responsible: "Bagian Organisasi",
      textCells: { dataSource: { sheet: "Uraian Kondisi", row: 2, col: 4 } },
    });
    const wb = { sheets: [{ name: "Uraian Kondisi", values: [[], [], [0, 0, 0, 0, source]] }] };
    const plan = planKertasKerja(model([node("1", "CSF", { indicators: [ind] })]), wb, settings());
    const top = plan.cells.find((c) => c.value === "Nilai SAKIP" && c.col === 0)?.row as number;
    const pieces = plan.cells.filter(
      (c) => c.col === 4 && c.row >= top && c.formula?.startsWith("=MID(")
    );
    expect(pieces.length).toBeGreaterThan(1);
    const whole = `'Uraian Kondisi'!E3&""&CHAR(10)&"Penanggung Jawab: Bagian Organisasi"`;
    for (const p of pieces) expect(p.formula?.startsWith(`=MID(${whole},`)).toBe(true);
    expect(pieces.map((p) => String(p.value)).join("")).toBe(
      `${source}\nPenanggung Jawab: Bagian Organisasi`
    );
    expect(pieces.at(-1)?.formula).toMatch(/,32767\)$/);
  });

  it("reads back a name a page breaks inside, the table's header written again in it", () => {
    const phrase = "Jumlah Dokumen Hasil Koordinasi Sinkronisasi dan Evaluasi Kebijakan Urusan";
    const indicators = Array.from({ length: 12 }, (_, k) =>
      indicator(`${phrase} ${phrase} Nomor ${k + 1}`, { definition: LONG })
    );
    const m = model([node("1", "Meningkatnya Kualitas Tata Kelola", { indicators })]);
    const plan = planKertasKerja(m, { sheets: [] }, settings());
    const nameAt = (r: number) =>
      String(plan.cells.find((c) => c.row === r && c.col === 0)?.value ?? "");
    // A page breaks between two pieces of a name: the piece above ends in a space, and the first
    // row under the header written again goes on with it.
    const inside = (plan.print?.rowBreaks ?? []).filter(
      (b) => /\S +$/.test(nameAt(b - 1)) && nameAt(b + 1) === "Indikator Kinerja"
    );
    expect(inside.length).toBeGreaterThan(0);
    const back = readWorkbook(planToGrids(plan));
    expect(essence(back)).toEqual(essence(m));
    expect(back.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
