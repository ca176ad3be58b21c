/**
 * What `pokin` prints, through LibreOffice: the sample's Pohon Kinerja and Kertas Kerja written by
 * the CLI (the package writer), converted to PDF with only the generated sheet shown, and read
 * back with poppler (pdfinfo, pdftotext, pdffonts). With POKIN_DOCS=folder the pictures of the
 * README are written there from these PDFs (docs/pohon-kinerja.png, docs/kertas-kerja-p1…3.png).
 *
 * The documents are measured in Calibri (the tree) and Arial (the kertas kerja); LibreOffice sets
 * them in the metric-compatible Carlito and Liberation Sans, which must be installed (Debian:
 * fonts-crosextra-carlito, fonts-liberation2).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyse, planJobs, type Job } from "../../src/core/pipeline";
import { withDefaults } from "../../src/core/settings";
import type { SheetPlan } from "../../src/core/plan";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from "../helpers/libreoffice";
import { onlySheet } from "../helpers/xlsx";
import { runCli, SAMPLE } from "./run";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-cli-print-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
  };
}

/** The PDF's text in reading order, every run of white space one space. */
function pdfText(pdf: string): string {
  return execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** Page sizes in points, rounded (A4 595 × 842, A3 842 × 1191). */
const PAPER = { A4: [595, 842], A3: [842, 1191] } as const;

interface Printed {
  plan: SheetPlan;
  pdf: string;
}

/** `pokin COMMAND` on the sample, its sheet alone converted to PDF (recalculated or as cached). */
async function printed(command: string, job: Job, recalculate = true): Promise<Printed> {
  const grids = await readXlsxFile(SAMPLE);
  const settings = withDefaults({});
  const { plan } = planJobs(grids, analyse(grids, settings, SAMPLE), settings, [job]);
  const sheet = plan.sheets.find((s) => s.mode === "create")!;
  const out = path.join(dir, `${command}.xlsx`);
  if (!fs.existsSync(out)) expect((await runCli([command, SAMPLE, "-o", out])).code).toBe(0);
  const only = path.join(dir, `${command}-saja.xlsx`);
  onlySheet(out, sheet.sheet, only);
  const outDir = path.join(dir, `pdf-${command}-${recalculate ? "hitung" : "cache"}`);
  const { output } = await convertWithLibreOffice(only, "pdf", outDir, { recalculate });
  return { plan: sheet, pdf: output };
}

/**
 * The kertas kerja's rows with text on the PDF's pages (height, and points left below the text),
 * and how full each page but the last is.
 */
function measureRows(doc: Printed): {
  rows: { row: number; height: number; spare: number }[];
  fills: number[];
} {
  const plan = doc.plan;
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const withText = new Set(plan.cells.map((c) => c.row));
  // Rows under a vertical merge hold a parent's text over several rows: not a row's own.
  const merged = new Set<number>();
  for (const m of plan.merges)
    for (let r = m.top; m.bottom > m.top && r <= m.bottom; r++) merged.add(r);
  const html = execFileSync("pdftotext", ["-bbox", doc.pdf, "-"], { encoding: "utf8" });
  const pages = html.split("<page ").slice(1);
  const starts = [1, ...(plan.print?.rowBreaks ?? [])];
  const lastRow = plan.print?.area?.bottom ?? 0;
  const topMargin = (plan.print?.margins?.top ?? 0) * 72;
  const fills: number[] = [];
  const rows: { row: number; height: number; spare: number }[] = [];
  pages.forEach((page, p) => {
    const words = [
      ...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g),
    ].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]) }));
    const end = starts[p + 1] ?? lastRow + 1;
    let y = topMargin;
    for (let r = starts[p] as number; r < end; r++) {
      const h = heights.get(r) ?? 15;
      const inRow = words.filter((w) => w.top >= y - 1 && w.top < y + h - 2);
      if (withText.has(r) && !merged.has(r) && inRow.length > 0)
        rows.push({ row: r, height: h, spare: y + h - Math.max(...inRow.map((w) => w.bottom)) });
      y += h;
    }
    if (p + 1 < pages.length) fills.push((y - topMargin) / (842 - 2 * topMargin));
  });
  return { rows, fills };
}

/** Pages `first..last` of a PDF as PNGs named `name-1.png`…, or `name.png` for one page. */
function pictures(pdf: string, name: string, first: number, last: number, dpi: number): void {
  const args = ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last)];
  if (first === last) args.push("-singlefile");
  execFileSync("pdftoppm", [...args, pdf, name]);
}

describe("what pokin prints, in LibreOffice", () => {
  let tree: Printed;
  let doc: Printed;
  beforeAll(async () => {
    tree = await printed("pohon", "tree");
    doc = await printed("kertas-kerja", "kertas-kerja");
    const docs = process.env.POKIN_DOCS;
    if (docs) {
      pictures(tree.pdf, path.join(docs, "pohon-kinerja"), 1, 1, 110);
      for (const p of [1, 2, 3]) pictures(doc.pdf, path.join(docs, `kertas-kerja-p${p}`), p, p, 80);
    }
  }, 3 * LIBREOFFICE_TIMEOUT_MS);

  it("sets the documents in the typefaces they are measured in", () => {
    const fonts = [tree.pdf, doc.pdf]
      .map((pdf) => execFileSync("pdffonts", [pdf], { encoding: "utf8" }))
      .join("\n");
    // Calibri and Arial as LibreOffice has them (install fonts-crosextra-carlito, fonts-liberation2).
    expect(fonts).toMatch(/Carlito/);
    expect(fonts).toMatch(/LiberationSans/);
  });

  it("prints the sample's tree whole on one A3 landscape page, with its title and legend", () => {
    const info = pdfInfo(tree.pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([...PAPER.A3].reverse());
    expect(info.pages).toBe(1);
    expect(tree.plan.print?.rowBreaks).toBeUndefined();
    const text = pdfText(tree.pdf);
    expect(text).toContain("SEKRETARIAT DAERAH KABUPATEN LUWU TIMUR TAHUN 2024");
    expect(text).toContain("Legenda");
    // Nothing technical on paper: no marker, no instructions, no error from a formula.
    expect(text).not.toMatch(/pokin-csf|jangan mengetik|Klik kode kotak|#NAME|#REF|#VALUE|Err:\d/);
    // Every box, and nothing cut: a realisasi typed in words reads in full.
    for (const code of ["CSF 1", "1.4.6", "1.7.3", "1.9.3", "2.3", "3.1.3"])
      expect(text).toContain(code);
    expect(text).toContain("belum ada data");
    // Codes once: the code typed after a name is not repeated in the box.
    expect(text).not.toMatch(/\(CSF ?1\.\d\)/);
  });

  it(
    "shows the tree's texts and numbers in a viewer that does not recalculate",
    async () => {
      const cached = await printed("pohon", "tree", false);
      const text = pdfText(cached.pdf);
      // A name taken by line from a cell listing nine conditions, and 1.1's capaian.
      expect(text).toContain("Meningkatnya Kebijakan Kesejahteraan Rakyat");
      expect(text).toContain("97.85%");
      expect(text).toContain("IK: Nilai Laporan Penyelenggaraan Pemerintahan Daerah");
    },
    LIBREOFFICE_TIMEOUT_MS
  );

  it("prints the kertas kerja on the planned A4 pages, sections in tree order, in its own words", () => {
    const info = pdfInfo(doc.pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([...PAPER.A4]);
    expect(info.pages).toBe(1 + (doc.plan.print?.rowBreaks ?? []).length);
    const text = pdfText(doc.pdf);
    expect(text).not.toMatch(/pokin-csf|jangan mengetik|#NAME|#REF|#VALUE|Err:\d/);
    // Children right after their parent, as the workbook lists them: the conditions the tables
    // code 2.1–2.3 under 1.2 (their sections head them 1.2.1–1.2.3), those coded 3.1.x under 1.3.
    const order = [
      "1.1.4. ",
      "1.2. ",
      "1.2.1. ",
      "1.2.3. ",
      "1.3. ",
      "1.3.2. ",
      "1.4. ",
      "1.9.3. ",
    ];
    const at = order.map((h) => text.indexOf(` ${h}`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The narrative's own headings, where the tables say otherwise (these stay findings).
    expect(text).toContain("1.4.7. Terlaksananya Koordinasi");
    expect(text).toContain("1.5. Meningkatnya Kualitas Pengelolaan Pengadaan Barang dan Jasa");
    // The signature block, with blanks to fill by hand, never alone on the last page.
    expect(text).toMatch(/NIP\. …+/);
    const last = String(info.pages);
    const lastPage = execFileSync("pdftotext", ["-f", last, "-l", last, doc.pdf, "-"], {
      encoding: "utf8",
    });
    const beforeSignature = lastPage.slice(0, lastPage.indexOf("…")).replace(/\s+/g, " ").trim();
    expect(beforeSignature.length).toBeGreaterThan(40);
  });

  it("sizes every kertas kerja row to its text and fills its pages", () => {
    const { rows, fills } = measureRows(doc);
    expect(rows.length).toBeGreaterThan(300);
    // Nothing cut: every row's text ends inside it.
    expect(rows.filter((r) => r.spare < -0.5)).toEqual([]);
    // At most a line (11.25 pt) and the cell's padding to spare, however tall the row: a tall
    // table row is written as continuation rows of a few lines each, cut where LibreOffice's
    // 6 % wider columns lose at most a line.
    const loose = rows.filter((r) => r.spare > 17);
    expect(loose).toEqual([]);
    const spare = rows.reduce((s, r) => s + Math.max(0, r.spare), 0);
    const total = rows.reduce((s, r) => s + r.height, 0);
    expect(spare / total).toBeLessThan(0.1);
    // No half-empty page: every page but the last is filled to four fifths and more (a page ends
    // early only where a heading, the indicator line, the table's header and the first lines of
    // the next table row keep together; a tall row goes on over the page break).
    expect(Math.min(...fills)).toBeGreaterThan(0.8);
  });

  it("fills the pages of 1.8's six-indicator table: its rows continue across page breaks", () => {
    const plan = doc.plan;
    const rowOf = (text: string, from = 0) =>
      plan.cells.find((c) => c.row >= from && String(c.value).startsWith(text))?.row ?? -1;
    const section = rowOf("1.8. ");
    const first = rowOf("Indikator Kinerja", section);
    const last = rowOf("1.8.1. ") - 1;
    expect(section).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    const starts = [1, ...(plan.print?.rowBreaks ?? [])];
    const pageOf = (r: number) => starts.filter((s) => s <= r).length - 1;
    const pages = measureRows(doc).fills.slice(pageOf(first), pageOf(last) + 1);
    // The six rows are taller than a page together: the table goes on over pages, all full
    // (its last page goes on with 1.8.1).
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const fill of pages) expect(fill).toBeGreaterThan(0.85);
  });
});
