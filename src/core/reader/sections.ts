/**
 * The document's sections, in one walk of the blocks: a heading starts a condition's section;
 * the lines after it are its narrative (Penjelasan, Masalah, the indicator line, the closing
 * paragraph); its indicator table follows. Also the outcome after its label line and the
 * organisation from the title block.
 */
import type { ConditionNode } from "../model";
import { cellRef } from "../address";
import type { Block } from "./blocks";
import { excerpt, join } from "./cells";
import type { Draft } from "./draft";
import { matchHeading } from "./headings";
import { listsConditions } from "./headers";
import { readIndicatorTable, type TableEnd } from "./indicator-tables";
import {
  isIndicatorLine,
  isKnownLabel,
  isOutcomeLabel,
  isPenjelasan,
  labelKey,
  looksLikeLabel,
} from "./lines";
import { lines } from "./text";

/** Where the walk is inside a condition's section. */
interface Section {
  node: ConditionNode;
  /** The heading's column: the section's lines start there. */
  col: number;
  afterTable: boolean;
  inProblems: boolean;
  inLine: boolean;
}

/** Read every sheet's sections, outcome line and title block. */
export function readSections(draft: Draft, blocks: readonly Block[]): void {
  const claimed = new Set<ConditionNode>();
  let i = 0;
  while (i < blocks.length) {
    const sheet = blocks[i]?.sheet;
    let end = i;
    while (end < blocks.length && blocks[end]?.sheet === sheet) end++;
    readSheetSections(draft, blocks.slice(i, end), claimed);
    i = end;
  }
}

/** One sheet's blocks (sections do not run from one sheet into the next). */
function readSheetSections(draft: Draft, blocks: readonly Block[], claimed: Set<ConditionNode>) {
  let section: Section | null = null;
  let signature = false;
  let pendingOutcome = false;
  const titleLines: string[] = [];
  // The indicator table just read, while nothing but its header written again follows it.
  let tableEnd: TableEnd | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    if (b.kind === "table") {
      const carried = tableEnd;
      tableEnd = null;
      if (listsConditions(b.header.kind)) section = null;
      else if (b.header.kind === "indicator-text") {
        tableEnd = readIndicatorTable(draft, b, section?.node ?? null, carried);
        if (section) section.afterTable = true;
      }
      continue;
    }
    tableEnd = null;
    if (draft.isConsumed(b.sheet.name, b.row, b.col)) continue;
    const text = b.text;
    const n = labelKey(text);
    if (isOutcomeLabel(n)) {
      pendingOutcome = true;
      continue;
    }
    if (pendingOutcome) {
      pendingOutcome = false;
      if (draft.outcome === null) {
        draft.outcome = text;
        draft.outcomeCell = cellRef(b.sheet.name, b.row, b.col);
      }
      continue;
    }
    const heading = looksLikeLabel(n)
      ? null
      : matchHeading(draft, b, nextIsPenjelasan(blocks, i), claimed);
    if (heading) {
      section = { node: heading, col: b.col, afterTable: false, inProblems: false, inLine: false };
      draft.markRead(b.sheet.name);
    } else if (section && b.col > section.col) {
      // A block set right of the sections (the signature in D:E) ends them and carries no data.
      section = null;
      signature = true;
    } else if (signature && b.col > 0) continue;
    else if (section) addNarrative(section, text, n);
    else if (b.title) titleLines.push(...lines(text));
    else if (!isKnownLabel(n))
      draft.skipped("info", "reader.skipped.text", b.sheet.name, b.row, b.col, {
        text: excerpt(text),
      });
  }
  // A table naming conditions (a flat one too) makes the title block a kertas kerja's.
  const hasCsfTable = blocks.some(
    (b) =>
      b.kind === "table" &&
      (listsConditions(b.header.kind) || b.header.columns.kondisi !== undefined)
  );
  if (draft.organisation === null && hasCsfTable) draft.organisation = organisationOf(titleLines);
}

function nextIsPenjelasan(blocks: readonly Block[], i: number): boolean {
  const next = blocks[i + 1];
  return next !== undefined && next.kind === "text" && isPenjelasan(next.text);
}

/** A line of a section: which part of the narrative it continues. `n` is its labelKey. */
function addNarrative(section: Section, text: string, n: string): void {
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

/**
 * The organisation's name from a title block: its upper-case lines, else what follows "Pohon
 * Kinerja" in the title ("Kertas Kerja Pohon Kinerja X", "POHON KINERJA X TAHUN 2025"), without
 * the year.
 */
function organisationOf(titleLines: readonly string[]): string | null {
  const parts: string[] = [];
  let fromTitle: string | null = null;
  for (const l of titleLines) {
    const kk = /pohon kinerja\s+(.+)$/i.exec(l);
    const named = (kk?.[1] ?? "")
      .replace(/^\(?\s*(csf|critical success factors?)\s*\)?\s*/i, "")
      .replace(/\s*(tahun(\s+anggaran)?\s*)?\d{4}(\s*[-–]\s*\d{4})?\s*$/i, "");
    if (named.trim() !== "") fromTitle ??= named.trim();
    if (/critical success|kertas kerja|pohon kinerja|\bcsf\b|outcome/i.test(l)) continue;
    if (/\p{L}/u.test(l) && l === l.toUpperCase()) parts.push(l.replace(/\s+/g, " "));
  }
  return parts.length ? parts.join(" ") : fromTitle;
}
