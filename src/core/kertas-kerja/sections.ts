/**
 * One section per condition: its heading, Penjelasan, the problems, the indicator line, the
 * indicator table (its texts live from the cells they were read from) and the closing paragraph;
 * and the signature block that ends the document.
 */
import { a1, quoteSheet } from "../address";
import type { SheetGrid, WorkbookGrids } from "../grid";
import type { ConditionNode, Indicator, SourceRef } from "../model";
import { t, type Lang } from "../messages";
import { generatedKind } from "../plan";
import type { Settings } from "../settings";
import { MAX_ROW_HEIGHT, lineHeight } from "../text-fit";
import {
  BODY_FONT,
  LAST_COL,
  cellLines,
  row,
  spacer,
  wide,
  type RowCell,
  type RowSpec,
  type Unit,
} from "./layout";
import { tableRows } from "./continuation";

/**
 * A section heading in the document's own words: the code and name of the section heading the
 * workbook has for the condition (a heading that disagrees with the tables stays a finding, it is
 * not silently resolved here), the tables' code where the heading has none; else "1.1. Name"
 * from the tables ("1. Name" for a CSF).
 */
export function sectionHeading(node: ConditionNode): string {
  const own = node.mentions.find((m) => m.kind === "section-heading");
  const code = own?.code ?? node.code;
  const name = own?.name.trim() ? own.name.trim() : node.name;
  return code === null ? name : `${code}. ${name}`;
}

/** The "Terwujudnya kondisi ini dapat tergambar dari indikator (1) … (2) …" line, from the indicators. */
export function indicatorLine(indicators: readonly Indicator[], lang: Lang): string {
  const list = indicators.map((ind, i) => `(${i + 1}) ${ind.name}`).join(" ");
  return t("kertasKerja.indicatorLine", { list }, lang);
}

/** Sentences of a text, each with its full stop (no regex lookbehind: old Safari lacks it). */
function sentences(text: string): string[] {
  return text.split(/\.\s+/).map((p, i, all) => (i < all.length - 1 ? `${p}.` : p));
}

/**
 * A paragraph as one or more rows: one row unless its text would need more than Excel's largest
 * row height, in which case it is cut at line breaks (or, failing those, between sentences).
 */
function paragraphRows(text: string): RowSpec[] {
  const one = wide("para", text);
  if (one.height < MAX_ROW_HEIGHT) return [one];
  const lines = (s: string): number => cellLines("para", { col: 0, right: LAST_COL, value: s });
  // Lines that fit in Excel's tallest row.
  const limit = Math.floor((MAX_ROW_HEIGHT - 3) / lineHeight(BODY_FONT));
  let pieces = text.split(/\r?\n/);
  if (pieces.length === 1) pieces = sentences(text);
  const sep = text.includes("\n") ? "\n" : " ";
  const out: string[] = [];
  let current = "";
  for (const p of pieces) {
    const joined = current === "" ? p : `${current}${sep}${p}`;
    if (current !== "" && lines(joined) > limit) {
      out.push(current);
      current = p;
    } else current = joined;
  }
  if (current !== "") out.push(current);
  return out.map((s) => wide("para", s));
}

/**
 * A formula showing a text live from the cell it was read from (`='Uraian Kondisi'!B12&""`), or
 * undefined where the text must be written as it is: the cell must hold exactly that text (not
 * one joined from several rows, not trimmed), on a sheet of the user's own (a generated sheet
 * may be the one being replaced). `&""` shows a cell emptied later as empty rather than 0.
 * Some 25 characters instead of a paragraph keep the sheet's write small; the row heights are
 * the text's, so the printout is the same.
 */
export function sourceLinker(
  wb: WorkbookGrids
): (ref: SourceRef | undefined, text: string) => string | undefined {
  const sheets = new Map<string, { grid: SheetGrid; prefix: string } | null>();
  return (ref, text) => {
    if (!ref || text === "") return undefined;
    let sheet = sheets.get(ref.sheet);
    if (sheet === undefined) {
      const grid = wb.sheets.find((s) => s.name === ref.sheet);
      sheet =
        grid && generatedKind(grid) === null
          ? { grid, prefix: `=${quoteSheet(grid.name)}!` }
          : null;
      sheets.set(ref.sheet, sheet);
    }
    if (!sheet || sheet.grid.values[ref.row]?.[ref.col] !== text) return undefined;
    return `${sheet.prefix}${a1(ref.row, ref.col)}&""`;
  };
}

/** The indicator table's columns, A to E. */
const INDICATOR_TEXTS = ["name", "definition", "relevance", "formula", "dataSource"] as const;

/** The rows every section repeats, made once per document (their text and height never vary). */
export interface SectionParts {
  lang: Lang;
  explanation: RowSpec;
  indicatorHeader: RowSpec;
  link: (ref: SourceRef | undefined, text: string) => string | undefined;
}

export function sectionParts(lang: Lang, wb: WorkbookGrids): SectionParts {
  const headers = INDICATOR_TEXTS.map((k, c) => ({
    col: c,
    right: c,
    value: t(`kertasKerja.ind.${k}`, {}, lang),
  }));
  return {
    lang,
    explanation: wide("label", t("kertasKerja.explanation", {}, lang)),
    indicatorHeader: row("th", headers, true),
    link: sourceLinker(wb),
  };
}

/** The indicator table: its header, then one row per indicator. */
function indicatorTable(indicators: readonly Indicator[], parts: SectionParts): Unit[] {
  // Each table its own header list: a header is written again only within its own table.
  const header = { header: [parts.indicatorHeader] };
  const units: Unit[] = [
    { rows: header.header, keepWithNext: true, table: { ...header, isHeader: true } },
  ];
  for (const ind of indicators) {
    const cells = INDICATOR_TEXTS.map((key, col): RowCell => {
      const value = ind[key] ?? "";
      const formula = parts.link(ind.textCells[key], value);
      const cell: RowCell =
        formula === undefined ? { col, right: col, value } : { col, right: col, value, formula };
      return key === "dataSource" ? withResponsible(cell, ind, parts.lang) : cell;
    });
    // The name cut only between words: the reader starts an indicator at a name.
    for (const r of tableRows(cells, (c) => c.col === 0)) units.push({ rows: [r], table: header });
  }
  return units;
}

/**
 * The Sumber Data cell with a "Penanggung Jawab: …" line under its text when the indicator names
 * a responsible unit (the table keeps its five columns, so the page is no wider); unchanged
 * otherwise. A live text stays live: the line is joined to its formula.
 */
function withResponsible(cell: RowCell, ind: Indicator, lang: Lang): RowCell {
  const unit = ind.responsible?.trim() ?? "";
  if (unit === "") return cell;
  const line = t("kertasKerja.ind.responsible", { unit }, lang);
  const value = cell.value === "" ? line : `${cell.value}\n${line}`;
  if (cell.formula === undefined) return { ...cell, value };
  const quoted = `"${line.replace(/"/g, '""')}"`;
  return { ...cell, value, formula: `${cell.formula}&CHAR(10)&${quoted}` };
}

const paragraph = (r: RowSpec): Unit => ({ rows: [r] });
const kept = (r: RowSpec): Unit => ({ rows: [r], keepWithNext: true });

/** Units of one condition's section. */
export function sectionUnits(node: ConditionNode, parts: SectionParts): Unit[] {
  const units: Unit[] = [kept(wide("heading", sectionHeading(node)))];
  if (node.explanation !== null) {
    units.push(kept(parts.explanation));
    units.push(...paragraphRows(node.explanation).map(paragraph));
  }
  if (node.problems !== null) units.push(...paragraphRows(node.problems).map(paragraph));
  if (node.indicators.length > 0) {
    units.push(kept(wide("para", indicatorLine(node.indicators, parts.lang))));
    units.push(...indicatorTable(node.indicators, parts));
  }
  if (node.impact !== null) units.push(...paragraphRows(node.impact).map(paragraph));
  units.push(paragraph(spacer()));
  return units;
}

/** A blank to fill by hand, as long as the line it stands for. */
const BLANK = "……………………………";
/** The blanks of "place, date year": short enough for the line to stay one line in D:E. */
const SHORT_BLANK = "………………";

/**
 * The signature block in D:E: place and date, position, room to sign, name and NIP from the
 * settings, each left as a blank to fill by hand where the settings do not say.
 */
export function signatureUnit(settings: Settings, year: number | null): Unit {
  const s = settings.signatory;
  const lang = settings.lang;
  const or = (value: string, blank = BLANK): string => (value.trim() !== "" ? value.trim() : blank);
  const date = s.date.trim() !== "" ? s.date.trim() : `${SHORT_BLANK} ${year ?? ""}`.trim();
  const cell = (value: string) => [{ col: 3, right: LAST_COL, value }];
  return {
    rows: [
      spacer(15),
      row("sign", cell(`${or(s.place, SHORT_BLANK)}, ${date}`), true),
      row("sign", cell(or(s.position)), true),
      spacer(54),
      row("signName", cell(or(s.name, `(${BLANK})`)), true),
      row("sign", cell(t("kertasKerja.signature.nip", { nip: or(s.nip) }, lang)), true),
    ],
  };
}
