/**
 * The seed document (the 2024 kertas kerja pohon kinerja of the Sekretariat Daerah of
 * Kabupaten Luwu Timur, kept as `examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt`)
 * parsed into structured truth.
 *
 * The sample generator writes the sample workbook from this, and tests of other parts (the
 * reader's acceptance test above all) compare what they read with it. So the text is kept
 * exactly as typed, typos, differing names and wrong or duplicate codes included. Only
 * document-conversion artefacts are cleaned, the same way the sample workbook cleans them:
 * - `<p …>…</p>` tags in a table cell become separate entries (one line each in the sheet cell);
 * - markdown `**bold**` and `*italic*` markers are removed;
 * - the "Penjelasan" label loses its leading "- " or "• " bullet and its bold markers;
 * - leading and trailing spaces of a line or table field are trimmed.
 *
 * Pure: takes the text, returns data; no file system, no ExcelJS.
 */

/** A header of a three-column CSF table, as typed (e.g. ["No.", "CSF", "Kondisi yang diperlukan (Antara)"]). */
export type Header3 = [string, string, string];

/** A header of a five-column indicator table, as typed ("Definisi/Penjelasan" or "Definisi/ Penjelasan"). */
export type Header5 = [string, string, string, string, string];

/** Table 1 (No. | Faktor Penyebab | Kondisi yang diperlukan): one row per CSF. */
export interface SeedTable1Row {
  /** "1." as typed. */
  no: string;
  /** Faktor penyebab, e.g. "Belum optimalnya Pelaksanaan Reformasi Birokrasi". */
  cause: string;
  /** The CSF with its code as typed: "Meningkatnya Kualitas Tata Kelola Pemerintahan Sekretariat Daerah (CSF 1)". */
  condition: string;
}

/** Table 2 (No. | CSF | Kondisi yang diperlukan (Antara)): one row per CSF. */
export interface SeedTable2Row {
  no: string;
  /** The CSF name as typed in this table (without a code here). */
  csf: string;
  /** The antara conditions with their codes as typed ("Meningkatnya ITKP (CSF 1.5)"), in order. */
  children: string[];
}

/** One item (No.) of Table 3 (No. | CSF | Kondisi yang diperlukan (Operasional)). */
export interface SeedTable3Item {
  /** "1." … "7.", then "8" and "9" (without dot), as typed. */
  no: string;
  /** The antara condition with its code as typed ("Meningkatnya Nilai LAKIP Sekretariat Daerah (CSF 1.6)"). */
  csf: string;
  /** All operasional conditions of the item with codes as typed, in page order. */
  children: string[];
  /**
   * The children grouped by the text rows that hold them: items 1–5 have one row holding all
   * children, item 6 two rows (1.6.1–1.6.3, then 1.6.4), items 7–9 one row per child.
   */
  rows: string[][];
  /** 0-based page of Table 3 the item is on (the seed repeats the header on each page). */
  page: number;
}

/** One row of a five-column indicator table: the indicator's text fields as typed. */
export interface SeedIndicator {
  /** Indikator Kinerja. */
  name: string;
  /** Definisi/Penjelasan. */
  definition: string;
  /** Relevansi Menggambarkan Kondisi. */
  relevance: string;
  /** Formulasi/Rumus Perhitungan. */
  formula: string;
  /** Sumber Data. */
  dataSource: string;
}

/** An indicator table of a section: its header as typed and its rows. */
export interface SeedIndicatorTable {
  header: Header5;
  rows: SeedIndicator[];
}

/**
 * One section of the narrative part ("Uraian"): one per condition, in the seed's order.
 * Every paragraph is one line of the seed; the sample writes one row per paragraph.
 */
export interface SeedSection {
  /** The heading line as typed: "1.1. Meningkatnya …", "1.8 Terwujudnya …", or (first section) a name only. */
  heading: string;
  /** The heading's code as typed ("1.1.", "1.8"), or null when the heading has none (the CSF 1 section). */
  codeAsTyped: string | null;
  /** The code without a trailing dot ("1.1", "1.8"), or null. */
  code: string | null;
  /** The heading without its code. */
  name: string;
  /** The label line as typed in the seed ("• Penjelasan", "- **Penjelasan**" …); the sample writes "Penjelasan". */
  labelAsTyped: string;
  /**
   * Paragraphs between the label and the "Masalah …" paragraph (or the indicator line or table).
   * Some contain the Masalah and indicator sentences themselves (1.2, 1.4, 1.6.1, 1.6.2, 1.6.4, 1.9.3),
   * 1.4.2 is split over two paragraphs, 1.8 has two numbered paragraphs ("1. Penataan …").
   */
  explanation: string[];
  /** The paragraph starting "Masalah terkait dengan kondisi ini", or null when it is not a paragraph of its own. */
  problems: string | null;
  /**
   * The paragraph starting "Terwujudnya kondisi ini dapat tergambar dari indikator" and any paragraph
   * continuing it before the table (1.7 has "(3) Persentase …" on its own); empty when absent.
   */
  indicatorLine: string[];
  /** The indicator tables of the section (1.8 has two: the seed repeats the header after a page break). */
  tables: SeedIndicatorTable[];
  /** All indicator rows of the section's tables, in order. */
  indicators: SeedIndicator[];
  /** The closing paragraph(s) after the table. */
  closing: string[];
}

/** A condition as listed in the three CSF tables (Table 1, 2 and 3), in table order. */
export interface SeedCondition {
  level: "csf" | "antara" | "operasional";
  /** The cell text of this entry as typed, code included: "Meningkatnya ITKP (CSF 1.5)". */
  text: string;
  /** The name without the trailing code. */
  name: string;
  /** The trailing code as typed inside the parentheses ("CSF 1.2", "1.1.1", "2.1"), or null. */
  codeAsTyped: string | null;
  /** The code normalised: "CSF 1.2" → "1.2", "CSF 1" → "1". */
  code: string | null;
  /** The normalised code of the condition it is listed under; null for the CSF. */
  parentCode: string | null;
}

/** The whole seed. */
export interface Seed {
  /** The bold title block: ["CRITICAL SUCCESS FAKTOR (CSF)", "SEKRETARIAT DAERAH", "KABUPATEN LUWU TIMUR"]. */
  titleLines: string[];
  /** "KERTAS KERJA POHON KINERJA SEKRETARIAT DAERAH". */
  documentTitle: string;
  /** "Critical Success Factor (CSF) dari Outcome Kinerja". */
  outcomeLabel: string;
  /** "Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah". */
  outcome: string;
  table1: { header: Header3; rows: SeedTable1Row[] };
  /** "Uraian CSF Ke Kondisi Antara Sampai Kondisi paling Operasional". */
  table2Caption: string;
  table2: { header: Header3; rows: SeedTable2Row[] };
  /** Table 3 with each page's header as typed (three pages) and its items in page order. */
  table3: { headers: Header3[]; items: SeedTable3Item[] };
  /** The 44 conditions listed in the tables: 1 CSF, 9 antara, 34 operasional. */
  conditions: SeedCondition[];
  /** One section per condition (44), in the seed's order. */
  sections: SeedSection[];
  /** All 54 indicators, in section order. */
  indicators: SeedIndicator[];
  /** The signature block after the last section: ["Malili, Oktober 2024", "Sekretaris Daerah", "BAHRI SULI"]. */
  signature: string[];
}

/** Thrown when the text does not have the seed's structure (a bug in the parser or a wrong file). */
export class SeedFormatError extends Error {
  constructor(line: number, expected: string, found: string) {
    super(
      `Seed line ${line + 1}: expected ${expected}, found ${JSON.stringify(found.slice(0, 80))}`
    );
    this.name = "SeedFormatError";
  }
}

const PENJELASAN_LABEL = /^(?:[-•]\s*)?(?:\*\*)?Penjelasan(?:\*\*)?$/;
const HEADING_CODE = /^(\d+(?:\.\d+)*\.?)\s+(\S.*)$/;
const TRAILING_CODE = /^(.*?)\s*\(((?:CSF\s*)?\d+(?:\.\d+)*)\)$/;
const SIGNATURE_START = /^\p{Lu}[\p{L} ]+, \p{L}+ \d{4}$/u;

/** Removes markdown bold/italic markers (`**x**`, `*x*`) that came with the document conversion. */
export function stripMarkdown(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, "$1").replace(/\*([^*\s][^*]*)\*/g, "$1");
}

/**
 * The entries of a table cell: the contents of its `<p …>` tags, or the whole cell when it has none.
 */
export function splitCellParagraphs(cell: string): string[] {
  const tagged = [...cell.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) => clean(m[1] ?? ""));
  if (tagged.length > 0) return tagged;
  const text = clean(cell);
  return text === "" ? [] : [text];
}

/**
 * Splits the trailing code off a condition as typed in the CSF tables:
 * "Meningkatnya ITKP (CSF 1.5)" → { name: "Meningkatnya ITKP", codeAsTyped: "CSF 1.5", code: "1.5" }.
 */
export function splitTrailingCode(text: string): {
  name: string;
  codeAsTyped: string | null;
  code: string | null;
} {
  const m = TRAILING_CODE.exec(text);
  if (!m) return { name: text, codeAsTyped: null, code: null };
  const codeAsTyped = m[2] ?? "";
  return { name: m[1] ?? "", codeAsTyped, code: codeAsTyped.replace(/^CSF\s*/, "") };
}

function clean(text: string): string {
  return stripMarkdown(text).trim();
}

function fields(line: string): string[] {
  return line.split("\t").map(clean);
}

function header3(line: string): Header3 {
  const f = fields(line);
  return [f[0] ?? "", f[1] ?? "", f[2] ?? ""];
}

/**
 * Parses the seed text into structured truth.
 * @param text the seed file's content (UTF-8 text; LF or CRLF line ends)
 * @returns the title, the outcome, the three CSF tables, the 44 conditions, the 44 sections with
 *   their 54 indicators, and the signature block
 * @throws SeedFormatError when the text does not have the seed's structure
 */
export function parseSeed(text: string): Seed {
  const lines = text.split(/\r?\n/);
  let i = 0;
  const skipBlank = (): void => {
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  };
  const take = (expected: string): string => {
    skipBlank();
    if (i >= lines.length) throw new SeedFormatError(i, expected, "end of text");
    return lines[i++] ?? "";
  };
  const isTabLine = (k: number): boolean => (lines[k] ?? "").includes("\t");

  // Title block: bold over several lines ("**CRITICAL …\nSEKRETARIAT DAERAH\nKABUPATEN LUWU TIMUR**").
  const titleLines: string[] = [];
  let line = take("the bold title");
  if (!line.startsWith("**")) throw new SeedFormatError(i - 1, "the bold title", line);
  for (;;) {
    titleLines.push(line.replace(/^\*\*/, "").replace(/\*\*$/, "").trim());
    if (line.trimEnd().endsWith("**")) break;
    line = lines[i++] ?? "";
  }
  const documentTitle = clean(take("the document title"));
  const outcomeLabel = clean(take("the outcome label"));
  const outcome = clean(take("the outcome"));

  // Tables: a tab-separated header line followed by tab-separated rows up to a blank line.
  const tableRows = (): string[][] => {
    const rows: string[][] = [];
    while (i < lines.length && isTabLine(i)) rows.push((lines[i++] ?? "").split("\t"));
    return rows;
  };

  const t1Header = header3(take("the header of Table 1"));
  const table1 = {
    header: t1Header,
    rows: tableRows().map((r) => ({
      no: clean(r[0] ?? ""),
      cause: clean(r[1] ?? ""),
      condition: clean(r[2] ?? ""),
    })),
  };

  const table2Caption = clean(take("the caption of Table 2"));
  const t2Header = header3(take("the header of Table 2"));
  const table2 = {
    header: t2Header,
    rows: tableRows().map((r) => ({
      no: clean(r[0] ?? ""),
      csf: clean(r[1] ?? ""),
      children: splitCellParagraphs(r[2] ?? ""),
    })),
  };

  // Table 3 spans three pages, each repeating the header; rows with empty No/CSF continue the item above.
  const headers: Header3[] = [];
  const items: SeedTable3Item[] = [];
  for (;;) {
    skipBlank();
    const head = fields(lines[i] ?? "");
    if (head[0] !== "No." || !(head[2] ?? "").startsWith("Kondisi yang diperlukan (Operasional)")) {
      break;
    }
    headers.push(header3(lines[i++] ?? ""));
    for (const r of tableRows()) {
      const no = clean(r[0] ?? "");
      const csf = clean(r[1] ?? "");
      const children = splitCellParagraphs(r[2] ?? "");
      const last = items[items.length - 1];
      if (no === "" && csf === "") {
        if (!last) throw new SeedFormatError(i - 1, "a Table 3 item before a continuation row", "");
        last.children.push(...children);
        last.rows.push(children);
      } else {
        items.push({
          no,
          csf,
          children: [...children],
          rows: [children],
          page: headers.length - 1,
        });
      }
    }
  }
  if (headers.length === 0) throw new SeedFormatError(i, "the header of Table 3", lines[i] ?? "");

  // Sections: each heading is the line before a "Penjelasan" label; the signature ends the last one.
  const labelLines: number[] = [];
  let signatureAt = lines.length;
  for (let k = i; k < lines.length; k++) {
    const s = (lines[k] ?? "").trim();
    if (PENJELASAN_LABEL.test(s)) labelLines.push(k);
    else if (SIGNATURE_START.test(s)) signatureAt = k;
  }
  const headingLine = (label: number): number => {
    let k = label - 1;
    while (k >= 0 && (lines[k] ?? "").trim() === "") k--;
    return k;
  };

  const sections: SeedSection[] = labelLines.map((label, n) => {
    const h = headingLine(label);
    const next = labelLines[n + 1];
    const end = next === undefined ? signatureAt : headingLine(next);
    return parseSection(lines, h, label, end);
  });

  const signature = lines
    .slice(signatureAt)
    .map((l) => l.trim())
    .filter((l) => l !== "");

  const conditions = listConditions(table1.rows, table2.rows, items);
  return {
    titleLines,
    documentTitle,
    outcomeLabel,
    outcome,
    table1,
    table2Caption,
    table2,
    table3: { headers, items },
    conditions,
    sections,
    indicators: sections.flatMap((s) => s.indicators),
    signature,
  };
}

function parseSection(lines: string[], h: number, label: number, end: number): SeedSection {
  const heading = clean(lines[h] ?? "");
  const m = HEADING_CODE.exec(heading);
  const codeAsTyped = m ? (m[1] ?? null) : null;
  const section: SeedSection = {
    heading,
    codeAsTyped,
    code: codeAsTyped === null ? null : codeAsTyped.replace(/\.$/, ""),
    name: m ? (m[2] ?? "") : heading,
    labelAsTyped: (lines[label] ?? "").trim(),
    explanation: [],
    problems: null,
    indicatorLine: [],
    tables: [],
    indicators: [],
    closing: [],
  };
  let state: "explanation" | "problems" | "indicatorLine" = "explanation";
  for (let k = label + 1; k < end; k++) {
    const raw = lines[k] ?? "";
    if (raw.trim() === "") continue;
    const text = clean(raw);
    if (raw.includes("\t")) {
      const f = fields(raw);
      if (f.length !== 5) throw new SeedFormatError(k, "five table fields", raw);
      const row = f as Header5;
      const table = section.tables[section.tables.length - 1];
      if (row[0] === "Indikator Kinerja") section.tables.push({ header: row, rows: [] });
      else if (!table || section.closing.length > 0) {
        throw new SeedFormatError(k, "an indicator table header", raw);
      } else {
        const [name, definition, relevance, formula, dataSource] = row;
        const indicator = { name, definition, relevance, formula, dataSource };
        table.rows.push(indicator);
        section.indicators.push(indicator);
      }
    } else if (section.tables.length > 0) {
      section.closing.push(text);
    } else if (text.startsWith("Masalah terkait dengan kondisi ini")) {
      if (section.problems !== null) throw new SeedFormatError(k, "one Masalah paragraph", raw);
      section.problems = text;
      state = "problems";
    } else if (text.startsWith("Terwujudnya kondisi ini") || state === "indicatorLine") {
      section.indicatorLine.push(text);
      state = "indicatorLine";
    } else if (state === "explanation") {
      section.explanation.push(text);
    } else {
      throw new SeedFormatError(k, "the indicator line after the Masalah paragraph", raw);
    }
  }
  return section;
}

function condition(
  level: SeedCondition["level"],
  text: string,
  parentCode: string | null
): SeedCondition {
  return { level, text, ...splitTrailingCode(text), parentCode };
}

function listConditions(
  t1: SeedTable1Row[],
  t2: SeedTable2Row[],
  t3: SeedTable3Item[]
): SeedCondition[] {
  const out: SeedCondition[] = t1.map((r) => condition("csf", r.condition, null));
  // Table 2 names the CSF without a code; its row number matches Table 1's.
  for (const r of t2) {
    const csf = out.find(
      (c) => c.level === "csf" && t1.some((t) => t.no === r.no && t.condition === c.text)
    );
    for (const child of r.children) out.push(condition("antara", child, csf?.code ?? null));
  }
  for (const item of t3) {
    const parent = splitTrailingCode(item.csf).code;
    for (const child of item.children) out.push(condition("operasional", child, parent));
  }
  return out;
}
