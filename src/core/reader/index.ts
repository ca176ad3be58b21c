/** The reader: workbook grids → CSF model. */
import type { CellValue, SheetGrid, WorkbookGrids } from "../grid";
import { cellText, formulaAt } from "../grid";
import { cellRef } from "../address";
import { isSpace } from "../chars";
import type {
  ConditionNode,
  CsfModel,
  Indicator,
  Level,
  Mention,
  NumberCell,
  Polarity,
  SourceRef,
} from "../model";
import type { Finding, Severity } from "../findings";
import { t, type Lang, type MessageKey } from "../messages";
import { generatedKind } from "../plan";
import { parseNumber } from "../numbers";
import { recogniseHeader, type Header } from "./headers";
import {
  codeDepth,
  lines,
  normalise,
  normaliseCode,
  parentCode,
  similarity,
  splitLeadingCode,
  splitTrailingCode,
  words,
} from "./text";

export interface ReadOptions {
  lang?: Lang;
  /** File name recorded in the model. */
  file?: string | null;
}

/** A text row outside any table: its first non-blank cell. */
interface TextBlock {
  kind: "text";
  sheet: SheetGrid;
  row: number;
  col: number;
  text: string;
  /** True while no table or section heading has been seen on the sheet yet (title block). */
  title: boolean;
}

interface TableBlock {
  kind: "table";
  sheet: SheetGrid;
  header: Header;
  headerRow: number;
  rows: number[];
  /** The measure columns of the header, made when the first row is measured. */
  measureColumns: MeasureColumns | null;
}

type MeasureColumns = NonNullable<Indicator["measure"]>["columns"];

type Block = TextBlock | TableBlock;

/** Where the walk is inside a condition's section. */
interface Section {
  node: ConditionNode;
  afterTable: boolean;
  inProblems: boolean;
  inLine: boolean;
}

/** Words that say which way is better in a Polaritas/Arah column. */
const HIGHER =
  /^(naik|meningkat|positif|semakin tinggi semakin baik|maksimal|maksimum|max|higher|tinggi|\+)$/;
const LOWER =
  /^(turun|menurun|negatif|semakin rendah semakin baik|minimal|minimum|min|lower|rendah|-)$/;

/**
 * Lines whose normalised start matters (labels, outcome line); other lines are not normalised,
 * which keeps long paragraphs cheap.
 */
const LABEL_START =
  /^[^\p{L}]*(masalah|terwujudnya kondisi|kondisi ini|penjelasan|critical|csf|uraian|kertas)/iu;

/**
 * Cheap first test of an Outcome label: normalising keeps ASCII letters in order, and no other
 * character lowercases to one of "outcome", so a cell normalising to it contains the word.
 */
const OUTCOME_WORD = /outcome/i;
const PENJELASAN_WORD = /penjelasan/i;
const NON_ASCII = /[\u0080-\uffff]/;
const FIRST_WORD = /[a-z0-9]+/i;
const PENJELASAN_ONLY = /^\s*penjelasan\s*$/i;

// Patterns of the per-row tests, made once.
const DENGAN = /^dengan\b/i;
const MERUPAKAN = /\bmerupakan\b/i;

/** Characters of a long line normalised first for the label tests (see labelKey). */
const LABEL_HEAD = 40;
/** Longer than every label start tested ("kondisi ini dapat tergambar" has 27 characters). */
const LABEL_WORDS = 28;

/** Strong name agreement: a heading or Kode row is the same condition without needing its code. */
const STRONG = 0.75;
/** Weak name agreement: good enough when the code agrees or a Penjelasan label follows. */
const WEAK = 0.5;
/** Word postings longer than this are too common to find candidates by ("terlaksananya"). */
const MAX_POSTING = 64;

class Reader {
  readonly findings: Finding[] = [];
  readonly nodes: ConditionNode[] = [];
  readonly orphans: CsfModel["orphans"] = [];
  readonly tables: CsfModel["tables"] = [];
  readonly sheetsRead = new Set<string>();
  private lastRead: string | null = null;
  outcome: string | null = null;
  outcomeCell: string | null = null;
  organisation: string | null = null;

  private readonly byCode = new Map<string, ConditionNode[]>();
  private readonly byName = new Map<string, ConditionNode[]>();
  /** normalise(name) of every alias as typed (names repeat in headings and other tables). */
  private readonly aliasKeys = new Map<string, string>();
  /** First word of every key of byName. */
  private readonly nameFirstWords = new Set<string>();
  /** Words of each name a node goes by (its own, and how other cells name it). */
  private readonly nodeWords = new Map<ConditionNode, string[][]>();
  private readonly wordIndex = new Map<string, ConditionNode[]>();
  /** Every alias added (indexed or pending), and their lowercased text once a search needs it. */
  private readonly aliasNames: string[] = [];
  /** The node of each alias in aliasNames (parallel lists: no pair per alias). */
  private readonly aliasNodes: ConditionNode[] = [];
  /** Aliases before this index are in the word index; the rest are pending. */
  private wordsIndexed = 0;
  private aliasText: string | null = null;
  private aliasTextCount = 0;
  private readonly idCount = new Map<string, number>();
  private readonly claimed = new Set<ConditionNode>();
  /** Not yet claimed by a section heading (one function for every heading, not one each). */
  private readonly unclaimed = (n: ConditionNode): boolean => !this.claimed.has(n);
  private readonly attached: Indicator[] = [];
  private indicatorsByName: Map<string, Indicator[]> | null = null;
  /** Cells consumed as labels or values (outcome) so they are not reported as skipped. */
  private readonly consumed = new Map<string, Set<number>>();
  private readonly shortLabels = new Map<string, string>();
  private anon = 0;

  constructor(private readonly lang: Lang) {}

  // ---------- findings ----------

  skipped(
    severity: Severity,
    key: MessageKey,
    sheet: string,
    row: number,
    col: number,
    params: Record<string, string | number> = {},
    code: string | null = null
  ): void {
    const cell = cellRef(sheet, row, col);
    const all = { cell, ...params };
    this.findings.push({
      rule: "skipped-content",
      severity,
      sheet,
      cell,
      code,
      message: t(key, all, this.lang),
      params: all,
    });
  }

  /** Record that `sheet` gave something (the set is asked once per row; the same sheet repeats). */
  private markRead(sheet: string): void {
    if (sheet === this.lastRead) return;
    this.sheetsRead.add(sheet);
    this.lastRead = sheet;
  }

  private isConsumed(sheet: string, row: number, col: number): boolean {
    // Asked for every text row and cell: a number per cell, no key string built.
    if (this.consumed.size === 0) return false;
    return this.consumed.get(sheet)?.has(cellNumber(row, col)) ?? false;
  }

  private consume(sheet: string, row: number, col: number): void {
    let cells = this.consumed.get(sheet);
    if (!cells) this.consumed.set(sheet, (cells = new Set()));
    cells.add(cellNumber(row, col));
  }

  // ---------- pass 1: find tables and text rows ----------

  /** Append the sheet's blocks to `blocks` (one list for the workbook, no copy per sheet). */
  scanSheet(sheet: SheetGrid, skipMarker: boolean, blocks: Block[]): void {
    const merged = new Set<string>();
    for (const m of sheet.merges ?? []) if (m.right > m.left) merged.add(`${m.top},${m.left}`);
    let table: TableBlock | null = null;
    let structureSeen = false;
    const close = (): void => {
      if (table) {
        blocks.push(table);
        this.tables.push({
          sheet: sheet.name,
          headerRow: table.headerRow,
          firstCol: table.header.firstCol,
          lastCol: table.header.lastCol,
          lastRow: table.rows.length ? (table.rows[table.rows.length - 1] ?? 0) : table.headerRow,
          kind: table.header.kind,
        });
      }
      table = null;
    };
    for (let r = 0; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      const first = firstNonBlank(row, skipMarker && r === 0 ? 1 : 0);
      if (first < 0) {
        close();
        continue;
      }
      const header = recogniseHeader(row);
      if (header) {
        close();
        table = { kind: "table", sheet, header, headerRow: r, rows: [], measureColumns: null };
        structureSeen = true;
        continue;
      }
      if (table && !this.endsTable(table, row, r, merged)) {
        table.rows.push(r);
        continue;
      }
      close();
      const text = cellText(row[first] ?? null);
      blocks.push({ kind: "text", sheet, row: r, col: first, text, title: !structureSeen });
      if (!structureSeen && splitLeadingCode(text) && text.length <= 200) structureSeen = true;
      this.scanOutcomeLabel(sheet, r, row);
      for (let c = first + 1; c < row.length; c++) {
        if (blank(row[c]) || this.isConsumed(sheet.name, r, c)) continue;
        if (structureSeen)
          this.skipped("info", "reader.skipped.text", sheet.name, r, c, {
            text: excerpt(cellText(row[c] ?? null)),
          });
      }
    }
    close();
  }

  /** A row with one cell of prose at the table's left edge is the paragraph after the table. */
  private endsTable(table: TableBlock, row: CellValue[], r: number, merged: Set<string>): boolean {
    const { firstCol, lastCol } = table.header;
    let count = 0;
    let at = -1;
    for (let c = 0; c < row.length; c++) {
      if (blank(row[c])) continue;
      if (c < firstCol || c > lastCol) continue;
      count++;
      at = c;
    }
    if (count === 0) return true;
    if (count > 1 || at !== firstCol) return false;
    if (merged.has(`${r},${at}`)) return true;
    const text = cellText(row[at] ?? null);
    if (normaliseCode(text) !== null) return false;
    // Indicator names are short and do not end a sentence; closing paragraphs do.
    return (
      text.length > 100 ||
      endsSentence(text, true) ||
      DENGAN.test(text) ||
      isProse(text) ||
      isLabel(text) ||
      splitLeadingCode(text) !== null
    );
  }

  /** "Outcome" / "Outcome Kinerja" label: the value is the next cell to the right, else below. */
  private scanOutcomeLabel(sheet: SheetGrid, r: number, row: CellValue[]): void {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length > 30 || !OUTCOME_WORD.test(v)) continue;
      const n = normalise(v);
      if (n !== "outcome" && n !== "outcome kinerja") continue;
      this.consume(sheet.name, r, c);
      let found: { row: number; col: number } | null = null;
      for (let cc = c + 1; cc < row.length && !found; cc++)
        if (!blank(row[cc])) found = { row: r, col: cc };
      for (let rr = r + 1; rr < Math.min(sheet.values.length, r + 6) && !found; rr++)
        if (!blank(sheet.values[rr]?.[c])) found = { row: rr, col: c };
      if (found && this.outcome === null) {
        this.outcome = cellText(sheet.values[found.row]?.[found.col] ?? null);
        this.outcomeCell = cellRef(sheet.name, found.row, found.col);
        this.consume(sheet.name, found.row, found.col);
      }
    }
  }

  // ---------- nodes ----------

  private addNode(
    code: string | null,
    name: string,
    depth: number,
    parent: ConditionNode | null,
    parentCodeText: string | null,
    sheet: string,
    row: number,
    col: number,
    kind: Mention["kind"]
  ): ConditionNode {
    const base = code ?? `n${++this.anon}`;
    const n = (this.idCount.get(base) ?? 0) + 1;
    this.idCount.set(base, n);
    const cell = cellRef(sheet, row, col);
    const node: ConditionNode = {
      id: n === 1 ? base : `${base}#${n}`,
      code,
      name,
      depth,
      level: levelOf(depth),
      parent: parent ? parent.code : parentCodeText,
      parentId: parent ? parent.id : null,
      cell,
      source: { sheet, row, col },
      explanation: null,
      problems: null,
      indicatorLine: null,
      impact: null,
      sectionCell: null,
      mentions: [{ name, code, kind, cell }],
      indicators: [],
    };
    this.nodes.push(node);
    if (code) this.indexCode(code, node);
    this.addAlias(node, name);
    this.markRead(sheet);
    return node;
  }

  /** Another name the node goes by (a CSF column naming it differently), for matching. */
  private addAlias(node: ConditionNode, name: string): void {
    let key = this.aliasKeys.get(name);
    if (key === undefined) {
      key = normalise(name);
      this.aliasKeys.set(name, key);
    }
    if (key === "") return;
    const list = this.byName.get(key);
    if (list?.includes(node)) return;
    push(this.byName, key, node);
    const space = key.indexOf(" ");
    this.nameFirstWords.add(space < 0 ? key : key.slice(0, space));
    // Words are indexed only when a fuzzy match is first needed: exact names are the common case.
    this.aliasNames.push(name);
    this.aliasNodes.push(node);
  }

  /** The nodes going by exactly this name (normalised), if any. */
  private exactByName(name: string): ConditionNode[] | undefined {
    // A heading usually repeats a listed name as typed: its key is known without normalising.
    const known = this.aliasKeys.get(name);
    if (known !== undefined) return this.byName.get(known);
    return this.mayBeName(name) ? this.byName.get(normalise(name)) : undefined;
  }

  /**
   * False when `name` surely normalises to no known name: for ASCII text the first normalised
   * word is the first run of letters and digits, lowercased. Spares normalising paragraphs.
   */
  private mayBeName(name: string): boolean {
    if (NON_ASCII.test(name)) return true;
    const first = FIRST_WORD.exec(name);
    return first !== null && this.nameFirstWords.has(first[0].toLowerCase());
  }

  /**
   * False when no name a node goes by contains any of these words, so no node shares a word
   * with them (a normalised word is a substring of the lowercased name). Lets a title line that
   * names no condition skip building the word index.
   */
  private mayShareWord(w: readonly string[]): boolean {
    if (this.aliasText === null || this.aliasTextCount !== this.aliasNames.length) {
      this.aliasText = this.aliasNames.join("\n").toLowerCase();
      this.aliasTextCount = this.aliasNames.length;
    }
    const text = this.aliasText;
    return w.some((word) => text.includes(word));
  }

  private flushWords(): void {
    const names = this.aliasNames;
    const nodes = this.aliasNodes;
    for (let i = this.wordsIndexed; i < names.length; i++) {
      const node = nodes[i] as ConditionNode;
      const w = words(names[i] ?? "");
      push(this.nodeWords, node, w);
      for (const word of w) {
        const posting = this.wordIndex.get(word);
        if (!posting) this.wordIndex.set(word, [node]);
        else if (posting[posting.length - 1] !== node) posting.push(node);
      }
    }
    this.wordsIndexed = names.length;
  }

  private score(w: readonly string[], node: ConditionNode): number {
    this.flushWords();
    let best = 0;
    for (const names of this.nodeWords.get(node) ?? []) best = Math.max(best, similarity(w, names));
    return best;
  }

  private indexCode(code: string, node: ConditionNode): void {
    const list = this.byCode.get(code);
    if (!list) this.byCode.set(code, [node]);
    else if (!list.includes(node)) list.push(node);
  }

  /** Best node by name among those `accept` allows, with its score. */
  private bestByName(
    name: string,
    accept: (n: ConditionNode) => boolean
  ): { node: ConditionNode; score: number } | null {
    const exact = this.exactByName(name)?.find(accept);
    if (exact) return { node: exact, score: 1 };
    const w = words(name);
    if (!this.mayShareWord(w)) return null;
    this.flushWords();
    const shared = new Map<ConditionNode, number>();
    for (const word of w) {
      const posting = this.wordIndex.get(word);
      if (!posting || posting.length > MAX_POSTING) continue;
      for (const n of posting) shared.set(n, (shared.get(n) ?? 0) + 1);
    }
    let best: { node: ConditionNode; score: number } | null = null;
    for (const n of shared.keys()) {
      if (!accept(n)) continue;
      const score = this.score(w, n);
      if (!best || score > best.score) best = { node: n, score };
    }
    return best;
  }

  /** Best node with this code, by name agreement. */
  private bestByCode(
    code: string,
    name: string | null,
    accept: (n: ConditionNode) => boolean
  ): { node: ConditionNode; score: number } | null {
    const list = this.byCode.get(code);
    if (!list) return null;
    const exact = name ? this.exactByName(name) : undefined;
    let w: string[] | null = null;
    let best: { node: ConditionNode; score: number } | null = null;
    for (const n of list) {
      if (!accept(n)) continue;
      let score = 1;
      if (name && !exact?.includes(n)) score = this.score((w ??= words(name)), n);
      if (!best || score > best.score) best = { node: n, score };
    }
    return best;
  }

  /** The node a Kode/Kondisi/CSF cell refers to: by code (names agreeing), else by name. */
  private resolveRef(
    code: string | null,
    name: string | null,
    depth: number | null
  ): ConditionNode | null {
    const atDepth = (n: ConditionNode): boolean => depth === null || n.depth === depth;
    if (code) {
      const hit = this.bestByCode(code, name, atDepth) ?? this.bestByCode(code, name, () => true);
      if (hit) return hit.node;
    }
    if (name) {
      const hit = this.bestByName(name, atDepth) ?? this.bestByName(name, () => true);
      if (hit && hit.score >= (code ? STRONG : WEAK)) return hit.node;
    }
    return null;
  }

  // ---------- CSF tables ----------

  readConditionTable(b: TableBlock): void {
    const { sheet, header } = b;
    const col = header.columns;
    const kondisiCol = col.kondisi;
    if (kondisiCol === undefined) return;
    let parent: ConditionNode | null = null;
    let parentText: string | null = null;
    let carriedCode: string | null = null;
    for (const r of b.rows) {
      const row = sheet.values[r] ?? [];
      if (header.kind !== "csf" && col.csf !== undefined) {
        const csfText = cellText(row[col.csf] ?? null);
        if (csfText !== "") {
          const ref = splitTrailingCode(csfText);
          parent = this.resolveRef(
            ref.code,
            ref.name,
            header.depth !== null ? header.depth - 1 : null
          );
          parentText = ref.code;
          if (parent) {
            this.addAlias(parent, ref.name);
            parent.mentions.push({
              name: ref.name,
              code: ref.code,
              kind: "csf-table",
              cell: cellRef(sheet.name, r, col.csf),
            });
          }
        }
      }
      if (col.code !== undefined) {
        const codeText = cellText(row[col.code] ?? null);
        if (codeText !== "") carriedCode = normaliseCode(codeText);
      }
      const kondisi = cellText(row[kondisiCol] ?? null);
      if (kondisi === "") {
        const other = firstNonBlank(row, 0);
        if (other >= 0 && other !== col.no && other !== col.csf && other !== col.code)
          this.skipped("warning", "reader.skipped.tableRow", sheet.name, r, other);
        else if (other >= 0 && header.kind === "csf")
          this.skipped("warning", "reader.skipped.tableRow", sheet.name, r, other);
        continue;
      }
      const kondisiLines = lines(kondisi);
      for (const line of kondisiLines) {
        const split = splitTrailingCode(line);
        let code = split.code;
        if (!code && col.code !== undefined && kondisiLines.length === 1) code = carriedCode;
        if (header.kind === "csf") {
          const node = this.addNode(
            code,
            split.name,
            1,
            null,
            null,
            sheet.name,
            r,
            kondisiCol,
            "csf-table"
          );
          const cause = col.faktor !== undefined ? cellText(row[col.faktor] ?? null) : "";
          node.cause = cause === "" ? null : cause;
        } else if (header.kind === "conditions") {
          const depth = code ? codeDepth(code) : 1;
          const p = code ? parentCode(code) : null;
          const parentNode = p ? (this.byCode.get(p)?.[0] ?? null) : null;
          this.addNode(
            code,
            split.name,
            depth,
            parentNode,
            p,
            sheet.name,
            r,
            kondisiCol,
            "csf-table"
          );
        } else {
          const depth = header.depth ?? (parent ? parent.depth + 1 : code ? codeDepth(code) : 2);
          this.addNode(
            code,
            split.name,
            depth,
            parent,
            parentText,
            sheet.name,
            r,
            kondisiCol,
            "csf-table"
          );
        }
      }
    }
  }

  // ---------- sections and indicator-text tables ----------

  readSections(blocks: Block[]): void {
    let section: Section | null = null;
    let pendingOutcome = false;
    let sheetName = "";
    let titleLines: string[] = [];
    let titleSheetHasCsf = false;
    // The sheets holding a CSF table, found once (not by a walk of every block per sheet).
    const csfSheets = new Set<SheetGrid>();
    for (const x of blocks)
      if (x.kind === "table" && isConditionKind(x.header.kind)) csfSheets.add(x.sheet);
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (!b) continue;
      if (b.sheet.name !== sheetName) {
        this.takeOrganisation(titleLines, titleSheetHasCsf);
        sheetName = b.sheet.name;
        titleLines = [];
        titleSheetHasCsf = csfSheets.has(b.sheet);
        section = null;
        pendingOutcome = false;
      }
      if (b.kind === "table") {
        if (isConditionKind(b.header.kind)) {
          section = null;
          continue;
        }
        if (b.header.kind === "indicator-text") {
          this.readIndicatorText(b, section?.node ?? null);
          if (section) section.afterTable = true;
        }
        continue;
      }
      const text = b.text;
      // Only the start matters for recognising labels; long paragraphs are not normalised whole.
      const n = LABEL_START.test(text) ? this.labelKey(text) : "";
      if (this.isConsumed(b.sheet.name, b.row, b.col)) continue;
      if (isOutcomeLabel(n)) {
        pendingOutcome = true;
        continue;
      }
      if (pendingOutcome) {
        pendingOutcome = false;
        if (this.outcome === null) {
          this.outcome = text;
          this.outcomeCell = cellRef(b.sheet.name, b.row, b.col);
        }
        continue;
      }
      const next = blocks[i + 1];
      const nextIsLabel =
        next !== undefined &&
        next.kind === "text" &&
        next.sheet === b.sheet &&
        isPenjelasan(next.text);
      const heading = looksLikeLabel(n) ? null : this.matchHeading(b, nextIsLabel);
      if (heading) {
        section = { node: heading, afterTable: false, inProblems: false, inLine: false };
        this.markRead(b.sheet.name);
        continue;
      }
      if (section) {
        this.addNarrative(section, text, n);
        continue;
      }
      if (b.title) {
        titleLines.push(...lines(text));
        continue;
      }
      if (isKnownLabel(n)) continue;
      this.skipped("info", "reader.skipped.text", b.sheet.name, b.row, b.col, {
        text: excerpt(text),
      });
    }
    this.takeOrganisation(titleLines, titleSheetHasCsf);
  }

  /**
   * normalise(text.slice(0, 80)), or for a long line only as much of its start as the label
   * tests read; short labels ("Penjelasan") repeat in every section.
   */
  private labelKey(text: string): string {
    if (text.length > 30) {
      const head = text.slice(0, 80);
      // The label tests are startsWith tests of at most LABEL_WORDS characters, an equality and
      // a length of at most 20, and the outcome label's "outcome" anywhere in the 80 characters.
      // For ASCII text normalising a prefix gives a prefix of the full key, so a key of at least
      // LABEL_WORDS characters from the first LABEL_HEAD answers all of them alike when "outcome"
      // is not there.
      if (text.length > LABEL_HEAD && !OUTCOME_WORD.test(head) && !NON_ASCII.test(head)) {
        const n = normalise(text.slice(0, LABEL_HEAD));
        if (n.length >= LABEL_WORDS) return n;
      }
      return normalise(head);
    }
    let n = this.shortLabels.get(text);
    if (n === undefined) {
      n = normalise(text);
      this.shortLabels.set(text, n);
    }
    return n;
  }

  private addNarrative(section: Section, text: string, n: string): void {
    const node = section.node;
    if (isPenjelasan(text)) return;
    if (n.startsWith("masalah")) {
      node.problems = join(node.problems, text);
      section.inProblems = true;
    } else if (isIndicatorLine(n)) {
      node.indicatorLine = join(node.indicatorLine, text);
      section.inProblems = false;
      section.inLine = true;
    } else if (section.afterTable) {
      node.impact = join(node.impact, text);
    } else if (section.inLine) {
      // "(3) Persentase …" continuing the indicator line on its own row.
      node.indicatorLine = join(node.indicatorLine, text);
    } else if (section.inProblems) {
      node.problems = join(node.problems, text);
    } else {
      node.explanation = join(node.explanation, text);
    }
  }

  /** Organisation from the title block of a sheet holding the CSF tables. */
  private takeOrganisation(titleLines: string[], hasCsf: boolean): void {
    if (this.organisation !== null || !hasCsf || titleLines.length === 0) return;
    const parts: string[] = [];
    let fromKertasKerja: string | null = null;
    for (const l of titleLines) {
      const kk = /kertas kerja pohon kinerja\s+(.+)$/i.exec(l);
      if (kk) fromKertasKerja = (kk[1] ?? "").trim();
      if (/critical success|kertas kerja|pohon kinerja|\bcsf\b|outcome/i.test(l)) continue;
      if (/\p{L}/u.test(l) && l === l.toUpperCase()) parts.push(l.replace(/\s+/g, " "));
    }
    this.organisation = parts.length ? parts.join(" ") : fromKertasKerja;
  }

  /**
   * A section heading names a condition: "1.1.1. Name", "1.8 Name", or a name alone.
   * Numbered paragraphs ("1. Penataan Organisasi merupakan …") are prose, not headings:
   * a heading must agree with a known condition by code or name, or be followed by "Penjelasan".
   */
  private matchHeading(b: TextBlock, nextIsLabel: boolean): ConditionNode | null {
    const text = b.text;
    if (hasLineBreak(text)) return null;
    const lead = splitLeadingCode(text);
    const code = lead ? lead.code : null;
    const prose = isProse(text);
    // A long name may still be a heading: only when it is a listed condition's exact name.
    if (prose && (!code || text.length > 1000)) return null;
    // A sentence without a code needs an exact name (below); when even its first word starts no
    // known name, it is text (the name before a trailing code starts with that same word).
    const sentence = !code && !nextIsLabel && (endsSentence(text, false) || text.length > 150);
    if (sentence && !this.mayBeName(text)) return null;
    const trailing = splitTrailingCode(lead ? lead.name : text);
    const name = trailing.name;
    const free = this.unclaimed;
    if (prose) {
      const exact = this.exactByName(name)?.filter(free) ?? [];
      const found = exact.find((n) => n.code === code) ?? exact[0];
      return found ? this.claimHeading(found, b, code, name) : null;
    }
    // A line without a code, not followed by "Penjelasan" and ending a sentence is text;
    // only an exact name could make it a heading (this keeps the fuzzy search off paragraphs).
    if (sentence) {
      const exact = this.exactByName(name)?.find(free);
      if (!exact) return null;
    }
    let node: ConditionNode | null = null;
    if (code) {
      const hit = this.bestByCode(code, name, free);
      if (hit && hit.score >= WEAK) node = hit.node;
    }
    if (!node) {
      // A weak name match must at least sit at the level the heading's code says.
      const sameLevel = (n: ConditionNode): boolean =>
        free(n) && (code === null || n.depth === codeDepth(code));
      const strong = this.bestByName(name, free);
      const weak = this.bestByName(name, sameLevel);
      const hit = strong && strong.score >= STRONG ? strong : weak;
      if (hit && (hit.score >= STRONG || (hit.score >= WEAK && (code !== null || nextIsLabel)))) {
        // Without a code, a name alone must really be that name, not a sentence about it.
        if (code !== null || nextIsLabel || (hit.score >= 0.9 && !/\.\s*$/.test(text)))
          node = hit.node;
      }
    }
    if (!node && code) {
      const hit = this.bestByCode(code, name, free);
      if (hit && (hit.score > 0 || nextIsLabel)) node = hit.node;
    }
    if (!node) {
      if (!(nextIsLabel || (code !== null && codeDepth(code) >= 2))) return null;
      const depth = code ? codeDepth(code) : 1;
      const p = code ? parentCode(code) : null;
      const made = this.addNode(
        code,
        name,
        depth,
        null,
        p,
        b.sheet.name,
        b.row,
        b.col,
        "section-heading"
      );
      this.claimed.add(made);
      made.sectionCell = made.cell;
      return made;
    }
    return this.claimHeading(node, b, code, name);
  }

  /** The section at `b` describes `node`: record the heading as a mention, and its code. */
  private claimHeading(
    node: ConditionNode,
    b: TextBlock,
    code: string | null,
    name: string
  ): ConditionNode {
    const cell = cellRef(b.sheet.name, b.row, b.col);
    node.mentions.push({ name, code, kind: "section-heading", cell });
    if (code) this.indexCode(code, node);
    this.claimed.add(node);
    node.sectionCell = cell;
    return node;
  }

  private readIndicatorText(b: TableBlock, sectionNode: ConditionNode | null): void {
    const { sheet, header } = b;
    const col = header.columns;
    const nameCol = col.name;
    if (nameCol === undefined) return;
    let refNode: ConditionNode | null = null;
    let refCode: string | null = null;
    let last: Indicator | null = null;
    const byRef = col.code !== undefined || col.kondisi !== undefined;
    for (const r of b.rows) {
      const row = sheet.values[r] ?? [];
      if (byRef) {
        const codeText = col.code !== undefined ? cellText(row[col.code] ?? null) : "";
        const kondisiText = col.kondisi !== undefined ? cellText(row[col.kondisi] ?? null) : "";
        if (codeText !== "" || kondisiText !== "") {
          const k = splitTrailingCode(kondisiText);
          refCode = (codeText !== "" ? normaliseCode(codeText) : null) ?? k.code;
          refNode = this.resolveRef(refCode, k.name || null, null);
          const at = codeText !== "" ? (col.code ?? 0) : (col.kondisi ?? 0);
          refNode?.mentions.push({
            name: k.name,
            code: refCode,
            kind: col.code !== undefined ? "kode-column" : "indicator-table",
            cell: cellRef(sheet.name, r, at),
          });
        }
      }
      const node = byRef ? refNode : sectionNode;
      const name = cellText(row[nameCol] ?? null);
      if (name === "") {
        // A row continuing the previous indicator's cells (text split over two rows).
        if (last) {
          last.definition = joinNull(last.definition, textAt(row, col.definition));
          last.relevance = joinNull(last.relevance, textAt(row, col.relevance));
          last.formula = joinNull(last.formula, textAt(row, col.formula));
          last.dataSource = joinNull(last.dataSource, textAt(row, col.dataSource));
        } else {
          const at = firstNonBlank(row, 0);
          if (at >= 0) this.skipped("warning", "reader.skipped.noName", sheet.name, r, at);
        }
        continue;
      }
      const ind = newIndicator(name, cellRef(sheet.name, r, nameCol), node?.code ?? refCode);
      ind.definition = textAt(row, col.definition);
      ind.relevance = textAt(row, col.relevance);
      ind.formula = textAt(row, col.formula);
      ind.dataSource = textAt(row, col.dataSource);
      const source = { sheet: sheet.name, row: r, col: nameCol };
      ind.textSource = source;
      // The name's cell is the text source itself (same place): one object for both.
      ind.textCells = textCells(source, col, sheet.name, r);
      if (hasMeasureColumns(header)) this.applyMeasure(ind, b, r);
      this.attach(ind, node, byRef ? refCode : null);
      this.markRead(sheet.name);
      last = ind;
    }
  }

  private attach(ind: Indicator, node: ConditionNode | null, refersTo: string | null): void {
    if (node) node.indicators.push(ind);
    else this.orphans.push({ indicator: ind, refersTo });
    this.attached.push(ind);
    if (this.indicatorsByName) push(this.indicatorsByName, normalise(ind.name), ind);
  }

  /**
   * Indicators by normalised name, in the order they were attached. Built when a measure row is
   * first not found under its code (tables without a Kode column): most rows never need it.
   */
  private indicatorsNamed(key: string): Indicator[] {
    if (!this.indicatorsByName) {
      this.indicatorsByName = new Map();
      for (const i of this.attached) push(this.indicatorsByName, normalise(i.name), i);
    }
    return this.indicatorsByName.get(key) ?? [];
  }

  // ---------- measure tables ----------

  readMeasure(b: TableBlock): void {
    const { sheet, header } = b;
    const col = header.columns;
    const nameCol = col.name;
    if (nameCol === undefined) return;
    let code: string | null = null;
    let codeNodes: ConditionNode[] = [];
    // The Kode cell usually repeats on each indicator row of a condition: resolved once. Nothing
    // read here adds nodes or codes, so the same text resolves the same way on the next row.
    let lastCodeText: string | null = null;
    let lastHit: ConditionNode | null = null;
    for (const r of b.rows) {
      const row = sheet.values[r] ?? [];
      if (col.code !== undefined) {
        const codeText = cellText(row[col.code] ?? null);
        if (codeText !== "") {
          let hit: ConditionNode | null = lastHit;
          if (codeText !== lastCodeText) {
            code = normaliseCode(codeText) ?? splitTrailingCode(codeText).code;
            hit = code ? this.resolveRef(code, null, null) : this.resolveRef(null, codeText, null);
            codeNodes = hit ? (this.byCode.get(code ?? "") ?? [hit]) : [];
            if (hit && !codeNodes.includes(hit)) codeNodes = [hit, ...codeNodes];
            lastCodeText = codeText;
            lastHit = hit;
          }
          hit?.mentions.push({
            name: code ? "" : codeText,
            code,
            kind: "measure-table",
            cell: cellRef(sheet.name, r, col.code),
          });
        }
      }
      const name = cellText(row[nameCol] ?? null);
      if (name === "") {
        // Numbers without a name cannot be placed; a Kode alone is just a merged/blank-below cell.
        let at = firstNonBlank(row, 0);
        if (at === col.code) at = firstNonBlank(row, at + 1);
        if (at >= 0) this.skipped("warning", "reader.skipped.noName", sheet.name, r, at);
        continue;
      }
      // The name normalised only when needed: a row usually repeats its text table's name as typed.
      // Plain loops, no closures: this runs on every measure row.
      let key: string | null = null;
      let ind: Indicator | undefined;
      for (const n of codeNodes) {
        for (const i of n.indicators) {
          if (i.measure !== null) continue;
          if (i.name === name || normalise(i.name) === (key ??= normalise(name))) {
            ind = i;
            break;
          }
        }
        if (ind) break;
      }
      if (!ind) {
        const same = this.indicatorsNamed((key ??= normalise(name)));
        ind = same.find((i) => i.measure === null);
        if (!ind && same.length > 0) {
          this.skipped("warning", "reader.skipped.measuredTwice", sheet.name, r, nameCol, {
            name: excerpt(name),
          });
          continue;
        }
      }
      if (!ind) {
        const node = codeNodes[0] ?? null;
        ind = newIndicator(name, cellRef(sheet.name, r, nameCol), node?.code ?? code);
        this.attach(ind, node, code);
      }
      this.applyMeasure(ind, b, r);
      this.markRead(sheet.name);
    }
  }

  private applyMeasure(ind: Indicator, b: TableBlock, r: number): void {
    const { sheet, header } = b;
    const col = header.columns;
    const row = sheet.values[r] ?? [];
    ind.measure = {
      sheet: sheet.name,
      row: r,
      headerRow: b.headerRow,
      lastCol: header.lastCol,
      // One columns object per table, shared by its rows (nothing changes it once read).
      columns: (b.measureColumns ??= measureColumns(col)),
    };
    // Field by field (target, actual, achievement, numerator, denominator): each store is to a
    // known property (a loop over the key names made every load and store a lookup by name).
    // The first unit typed with a number (not "Rp", not in the Capaian cell) is the unit when
    // no Satuan is given.
    const values = ind.values;
    let typedUnit: string | null = null;
    if (col.target !== undefined) {
      const cell = numberCell(sheet, row, r, col.target);
      values.target = cell;
      ind.target = cell.value;
      typedUnit ??= usableUnit(lastTypedUnit);
    }
    if (col.actual !== undefined) {
      const cell = numberCell(sheet, row, r, col.actual);
      values.actual = cell;
      ind.actual = cell.value;
      typedUnit ??= usableUnit(lastTypedUnit);
    }
    if (col.achievement !== undefined)
      values.achievement = numberCell(sheet, row, r, col.achievement);
    if (col.numerator !== undefined) {
      const cell = numberCell(sheet, row, r, col.numerator);
      values.numerator = cell;
      ind.numerator = cell.value;
      typedUnit ??= usableUnit(lastTypedUnit);
    }
    if (col.denominator !== undefined) {
      const cell = numberCell(sheet, row, r, col.denominator);
      values.denominator = cell;
      ind.denominator = cell.value;
      typedUnit ??= usableUnit(lastTypedUnit);
    }
    const unit = col.unit !== undefined ? cellText(row[col.unit] ?? null) : "";
    if (unit !== "") ind.unit = unit;
    else if (ind.unit === null && typedUnit !== null) ind.unit = typedUnit;
    if (col.polarity !== undefined) {
      const word = cellText(row[col.polarity] ?? null);
      const p = parsePolarity(word);
      if (p) {
        ind.polarity = p;
        ind.polarityAssumed = false;
      } else if (word !== "") {
        this.skipped("warning", "reader.skipped.polarity", sheet.name, r, col.polarity, {
          text: excerpt(word),
        });
      }
    }
  }

  // ---------- finishing ----------

  /** Parents named only by code (section-only nodes, parents listed later) are linked now. */
  linkParents(): void {
    for (const n of this.nodes) {
      if (n.parentId !== null || n.parent === null) continue;
      const p = this.byCode.get(n.parent)?.find((x) => x !== n);
      if (p) n.parentId = p.id;
    }
  }
}

/**
 * Read every sheet of the workbook into the CSF model. Never throws on odd input:
 * what cannot be placed becomes a `skipped-content` finding in `model.findings`.
 * Sheets the add-in made are skipped, except a generated Kertas Kerja sheet when no other
 * sheet gives conditions (it then is the only source and is read like any document).
 */
export function readWorkbook(wb: WorkbookGrids, opts: ReadOptions = {}): CsfModel {
  const lang = opts.lang ?? "id";
  const own = wb.sheets.filter((s) => generatedKind(s) === null);
  let reader = readSheets(own, lang);
  if (reader.nodes.length === 0) {
    const kk = wb.sheets.filter((s) => generatedKind(s) === "kertas-kerja");
    if (kk.length > 0) reader = readSheets([...own, ...kk], lang);
  }
  return {
    file: opts.file ?? wb.name ?? null,
    outcome: reader.outcome,
    outcomeCell: reader.outcomeCell,
    organisation: reader.organisation,
    nodes: reader.nodes,
    orphans: reader.orphans,
    tables: reader.tables,
    sheetsRead: [...reader.sheetsRead],
    findings: reader.findings,
  };
}

function readSheets(sheets: SheetGrid[], lang: Lang): Reader {
  const reader = new Reader(lang);
  const blocks: Block[] = [];
  for (const s of sheets) reader.scanSheet(s, generatedKind(s) !== null, blocks);
  for (const b of blocks)
    if (b.kind === "table" && isConditionKind(b.header.kind)) reader.readConditionTable(b);
  reader.readSections(blocks);
  for (const b of blocks)
    if (b.kind === "table" && b.header.kind === "measure") reader.readMeasure(b);
  reader.linkParents();
  return reader;
}

// ---------- small helpers ----------

const MEASURE_KEYS = [
  "code",
  "name",
  "unit",
  "target",
  "actual",
  "achievement",
  "polarity",
  "numerator",
  "denominator",
] as const;

/** The unit parseNumber found in the text of the last numberCell, or null (a number, a blank). */
let lastTypedUnit: string | null = null;

/**
 * The number cell at column `c` of row `r`. A blank or a real number reads as itself:
 * parseNumber (and its result) only for text, whose typed unit is left in lastTypedUnit.
 */
function numberCell(sheet: SheetGrid, row: readonly CellValue[], r: number, c: number): NumberCell {
  const raw = row[c] ?? null;
  let value: number | null = null;
  let readable = true;
  lastTypedUnit = null;
  if (typeof raw === "number" && Number.isFinite(raw)) value = raw;
  else if (raw !== null) {
    const p = parseNumber(raw);
    value = p.value;
    readable = p.readable;
    lastTypedUnit = p.unit;
  }
  return {
    sheet: sheet.name,
    row: r,
    col: c,
    raw,
    value,
    readable,
    formula: formulaAt(sheet, r, c),
  };
}

/** A typed unit that may stand for the indicator's unit ("Rp" goes with amounts, not units). */
function usableUnit(typed: string | null): string | null {
  return typed && typed !== "Rp" ? typed : null;
}

/** The header's columns a measure row records, in MEASURE_KEYS order. */
function measureColumns(col: Header["columns"]): MeasureColumns {
  const columns: MeasureColumns = {};
  for (const k of MEASURE_KEYS) {
    const c = col[k];
    if (c !== undefined) columns[k] = c;
  }
  return columns;
}

/** The trimmed text of column `c` of the row, or null when blank or there is no such column. */
function textAt(row: readonly CellValue[], c: number | undefined): string | null {
  if (c === undefined) return null;
  const s = cellText(row[c] ?? null);
  return s === "" ? null : s;
}

/**
 * An indicator row's text cells, the name's being `source`. The usual five-column table gets one
 * literal (one shape, all fields in the object); other tables field by field, in the same order.
 */
function textCells(
  source: SourceRef,
  col: Header["columns"],
  sheet: string,
  row: number
): Indicator["textCells"] {
  const { definition, relevance, formula, dataSource } = col;
  if (
    definition !== undefined &&
    relevance !== undefined &&
    formula !== undefined &&
    dataSource !== undefined
  )
    return {
      name: source,
      definition: { sheet, row, col: definition },
      relevance: { sheet, row, col: relevance },
      formula: { sheet, row, col: formula },
      dataSource: { sheet, row, col: dataSource },
    };
  const cells: Indicator["textCells"] = { name: source };
  if (definition !== undefined) cells.definition = { sheet, row, col: definition };
  if (relevance !== undefined) cells.relevance = { sheet, row, col: relevance };
  if (formula !== undefined) cells.formula = { sheet, row, col: formula };
  if (dataSource !== undefined) cells.dataSource = { sheet, row, col: dataSource };
  return cells;
}

function levelOf(depth: number): Level {
  return depth <= 1 ? "csf" : depth === 2 ? "antara" : "operasional";
}

function isConditionKind(kind: string): boolean {
  return kind === "csf" || kind === "antara" || kind === "operasional" || kind === "conditions";
}

function hasMeasureColumns(h: Header): boolean {
  const c = h.columns;
  return c.target !== undefined || c.actual !== undefined || c.achievement !== undefined;
}

function newIndicator(name: string, cell: string, conditionCode: string | null): Indicator {
  return {
    name,
    definition: null,
    relevance: null,
    formula: null,
    dataSource: null,
    unit: null,
    target: null,
    actual: null,
    achievement: null,
    numerator: null,
    denominator: null,
    polarity: "higher",
    polarityAssumed: true,
    cell,
    conditionCode,
    textSource: null,
    textCells: {},
    measure: null,
    values: {},
  };
}

/** "naik" → higher, "turun" → lower; null when blank or not understood. */
export function parsePolarity(word: string): Polarity | null {
  // The words as usually typed ("naik", "turun") are their own normal form.
  if (HIGHER.test(word)) return "higher";
  if (LOWER.test(word)) return "lower";
  const n = normalise(word);
  if (n === "" && word.trim() !== "+" && word.trim() !== "-") return null;
  const w = n === "" ? word.trim() : n;
  if (HIGHER.test(w)) return "higher";
  if (LOWER.test(w)) return "lower";
  return null;
}

/** Like grid's isBlank, without allocating a trimmed copy (this runs on every cell). */
function blank(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Most text starts with a non-space: no need to search it.
  return v.length === 0 || (isSpace(v.charCodeAt(0)) && !NON_SPACE.test(v));
}

const NON_SPACE = /\S/;

/** One number per cell of a sheet (Excel has 16,384 columns). */
function cellNumber(row: number, col: number): number {
  return row * 16384 + col;
}

/**
 * The last character ends a sentence: ".", "!", "?", or also ":" with `colon`. (A regex such as
 * /[.!?]$/ tries every position of a long paragraph.)
 */
function endsSentence(text: string, colon: boolean): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 46 || c === 33 || c === 63 || (colon && c === 58);
}

/** Holds "\n" or "\r" (two native searches, no regex over the whole text). */
function hasLineBreak(text: string): boolean {
  return text.indexOf("\n") >= 0 || text.indexOf("\r") >= 0;
}

function firstNonBlank(row: readonly CellValue[], from: number): number {
  for (let c = from; c < row.length; c++) if (!blank(row[c])) return c;
  return -1;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function join(a: string | null, b: string): string {
  return a === null ? b : `${a}\n${b}`;
}

function joinNull(a: string | null, b: string | null): string | null {
  return b === null ? a : join(a, b);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

function isPenjelasan(text: string): boolean {
  // Normalising keeps ASCII letters in order and makes none: the label holds the word as typed.
  if (text.length > 30 || !PENJELASAN_WORD.test(text)) return false;
  if (PENJELASAN_ONLY.test(text)) return true;
  const n = normalise(text);
  return n === "penjelasan" || (n.startsWith("penjelasan") && n.length <= 20);
}

/** The fixed lines of a section (not headings, not free text). */
function isLabel(text: string): boolean {
  return isPenjelasan(text) || looksLikeLabel(normalise(text.slice(0, 80)));
}

/** Label test on the normalised start of a line. */
function looksLikeLabel(n: string): boolean {
  return (
    n === "penjelasan" ||
    (n.startsWith("penjelasan") && n.length <= 20) ||
    n.startsWith("masalah terkait") ||
    isIndicatorLine(n)
  );
}

/** "Terwujudnya kondisi ini dapat tergambar dari indikator …" (normalised). */
function isIndicatorLine(n: string): boolean {
  return n.startsWith("terwujudnya kondisi ini") || n.startsWith("kondisi ini dapat tergambar");
}

/** Sentences, not names: long, or saying what something "merupakan". */
function isProse(text: string): boolean {
  return text.length > 200 || MERUPAKAN.test(text);
}

function isOutcomeLabel(n: string): boolean {
  return (n.includes("critical success factor") || n.startsWith("csf ")) && n.includes("outcome");
}

/** Lines of the document layout that carry no data ("Uraian CSF Ke Kondisi Antara …"). */
function isKnownLabel(n: string): boolean {
  return n.startsWith("uraian csf") || n.startsWith("kertas kerja pohon kinerja");
}
