/**
 * Column mappings: the user saying which column of a table is which (code, parent, each level,
 * the indicator's fields, target, realisasi …) where the reader cannot tell by itself. A mapping
 * is made for one sheet and header row and for the header texts seen then; one whose header no
 * longer reads so is reported and never applied.
 */
import { cellText, isBlank, type CellValue, type SheetGrid } from "../grid";
import { columnIndex, columnLetters, parseCellRef } from "../address";
import type { Finding } from "../findings";
import type {
  ColumnMapping,
  CsfModel,
  MappedColumn,
  MappedDepth,
  MappingRole,
  UnplacedTable,
} from "../model";
import type { HeaderCell, Role, RoleGuess } from "./headers";
import { periodOf } from "./periods";
import { headerKey, normalise } from "./text";

const DEPTHS: readonly MappedDepth[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Every role a column can be given, in the order the pane offers them. */
export const MAPPING_ROLES: readonly MappingRole[] = [
  "ignore",
  "no",
  "code",
  "parent",
  "level",
  "outcome",
  "faktor",
  "csf",
  ...DEPTHS.map((d): MappingRole => `condition${d}`),
  "condition",
  "parentName",
  "indicator",
  "definition",
  "relevance",
  "formula",
  "dataSource",
  "unit",
  "target",
  "actual",
  "achievement",
  "polarity",
  "numerator",
  "denominator",
  "responsible",
  "baseline",
];

/** The reader's role of a header cell as a mapping names it (one name per role, both ways). */
export function mappingRoleOf(guess: RoleGuess | null): MappingRole {
  if (!guess) return "ignore";
  switch (guess.role) {
    case "csf":
      return guess.level ? "csf" : "parentName";
    case "kondisi": {
      const depth = DEPTHS.find((d) => d === guess.depth);
      return depth ? `condition${depth}` : "condition";
    }
    case "name":
      return "indicator";
    default:
      return guess.role;
  }
}

/** The reader's role for a column the user mapped (a measure's period read from its header). */
function guessOf(role: MappingRole, header: string): RoleGuess | null {
  if (role === "ignore") return null;
  if (role === "csf") return { role: "csf", level: true };
  if (role === "parentName") return { role: "csf" };
  if (role === "indicator") return { role: "name" };
  if (role === "condition") return { role: "kondisi" };
  const level = /^condition(\d)$/.exec(role);
  if (level) return { role: "kondisi", depth: Number(level[1]) };
  const period = periodOf(headerKey(header));
  const measure = role === "target" || role === "actual" || role === "achievement";
  return measure && period ? { role, period } : { role: role as Role };
}

/** The outcome of holding a mapping against a header row. */
export type MappingFit =
  { fits: true; cells: HeaderCell[] } | { fits: false; expected: string; found: string };

/**
 * The header cells the mapping gives a row, when every mapped column's header still reads as it
 * did (case, spacing and punctuation aside); otherwise the first header expected and what is found.
 * Header cells the mapping does not name are part of the table, with no role.
 */
export function fitMapping(mapping: ColumnMapping, row: readonly CellValue[]): MappingFit {
  const cells: HeaderCell[] = [];
  for (const m of mapping.columns) {
    const col = columnOf(m.column);
    const text = col < 0 ? "" : cellText(row[col] ?? null);
    if (col < 0 || normalise(text) !== normalise(m.header))
      return { fits: false, expected: m.header, found: text };
    cells.push({ col, text, guess: guessOf(m.role, m.header) });
  }
  for (let c = 0; c < row.length; c++)
    if (!isBlank(row[c]) && !cells.some((x) => x.col === c))
      cells.push({ col: c, text: cellText(row[c] ?? null), guess: null });
  return { fits: true, cells: cells.sort((a, b) => a.col - b.col) };
}

/**
 * The mapping that says what the reader made of a header row (`headerRow` 0-based, as the
 * reader counts; the mapping numbers rows as Excel does).
 */
export function mappingOf(
  sheet: string,
  headerRow: number,
  cells: readonly HeaderCell[]
): ColumnMapping {
  return {
    sheet,
    headerRow: headerRow + 1,
    columns: cells.map((c) => ({
      column: columnLetters(c.col),
      header: c.text,
      role: mappingRoleOf(c.guess),
    })),
  };
}

/**
 * The mappings the reader used for the tables it read (what `pokin periksa --tulis-peta` prints):
 * applied to the same workbook, they read it as it was read.
 */
export function usedMappings(model: CsfModel): ColumnMapping[] {
  return model.tables.flatMap((t) =>
    t.columns ? [{ sheet: t.sheet, headerRow: t.headerRow + 1, columns: t.columns }] : []
  );
}

/** The mapping the reader guesses for a table it could not place (the pane's starting point). */
export function guessedMapping(table: UnplacedTable): ColumnMapping {
  return { sheet: table.sheet, headerRow: table.headerRow + 1, columns: table.columns };
}

/** `mappings` with `mapping` in place of any made for the same sheet and header row. */
export function withMapping(
  mappings: readonly ColumnMapping[],
  mapping: ColumnMapping
): ColumnMapping[] {
  const same = (m: ColumnMapping): boolean =>
    m.sheet === mapping.sheet && m.headerRow === mapping.headerRow;
  return [...mappings.filter((m) => !same(m)), mapping];
}

/**
 * `mappings` less the one a `mapping-outdated` finding is about: the mapping at the finding's
 * header row, or every mapping of its sheet when the sheet is gone (a finding without a cell).
 * Any other finding leaves them as they are.
 */
export function withoutOutdated(
  mappings: readonly ColumnMapping[],
  finding: Pick<Finding, "rule" | "sheet" | "cell">
): ColumnMapping[] {
  if (finding.rule !== "mapping-outdated" || finding.sheet === null) return [...mappings];
  const row = finding.cell === null ? null : (parseCellRef(finding.cell)?.row ?? NaN);
  return mappings.filter(
    (m) => m.sheet !== finding.sheet || (row !== null && m.headerRow !== row + 1)
  );
}

/**
 * Mappings from JSON as `--tulis-peta` prints them or a user wrote them: an array of mappings, an
 * object with a `mappings` array, or an array of such objects (one per file). Otherwise the
 * error says where (the sheet and column) the JSON is not a mapping.
 */
export function parseMappings(json: unknown): { mappings: ColumnMapping[] } | { error: string } {
  const list: unknown[] = [];
  const collect = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.every(collect);
    if (isRecord(v) && Array.isArray(v.mappings)) return v.mappings.every(collect);
    if (isRecord(v) && "sheet" in v) {
      list.push(v);
      return true;
    }
    return false;
  };
  if (!collect(json)) return { error: "mappings" };
  const mappings: ColumnMapping[] = [];
  for (const m of list) {
    const parsed = parseMapping(m);
    if (typeof parsed === "string") return { error: parsed };
    mappings.push(parsed);
  }
  return { mappings };
}

function parseMapping(v: unknown): ColumnMapping | string {
  if (!isRecord(v) || typeof v.sheet !== "string") return "sheet";
  const row = v.headerRow;
  if (typeof row !== "number" || !Number.isInteger(row) || row < 1) return `${v.sheet}: headerRow`;
  if (!Array.isArray(v.columns)) return `${v.sheet}: columns`;
  const columns: MappedColumn[] = [];
  for (const c of v.columns as unknown[]) {
    const role = isRecord(c) ? c.role : undefined;
    if (
      !isRecord(c) ||
      typeof c.column !== "string" ||
      columnOf(c.column) < 0 ||
      typeof c.header !== "string" ||
      !MAPPING_ROLES.includes(role as MappingRole)
    )
      return `${v.sheet}!${isRecord(c) && typeof c.column === "string" ? c.column : "?"}`;
    columns.push({ column: c.column.toUpperCase(), header: c.header, role: role as MappingRole });
  }
  return { sheet: v.sheet, headerRow: row, columns };
}

/** 0-based column of letters "A" … "XFD", or -1. */
function columnOf(letters: string): number {
  return /^[A-Za-z]{1,3}$/.test(letters) ? columnIndex(letters.toUpperCase()) : -1;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A header row's cells with the best guess of each column's role (a table the reader could not place). */
export function guessColumns(
  sheet: SheetGrid,
  rows: readonly number[],
  cells: readonly HeaderCell[]
): HeaderCell[] {
  return cells.map((c) => {
    if (c.guess) return c;
    const role = guessByText(c.text) ?? guessByValues(sheet, rows, c.col);
    return { ...c, guess: role ? guessOf(role, c.text) : null };
  });
}

/** Headers the recogniser does not take alone but that say what a column most likely holds. */
function guessByText(text: string): MappingRole | null {
  const h = normalise(text);
  if (/^(uraian|nama kondisi|sasaran|tujuan|kinerja)\b/.test(h)) return "condition";
  if (/^(ik|ukuran|ukuran keberhasilan|nama ik)\b/.test(h)) return "indicator";
  if (/^(id|nomor kode|no kode)$/.test(h)) return "code";
  if (/^(opd|perangkat daerah|bidang|bagian|seksi)\b/.test(h)) return "responsible";
  if (/\btarget\b/.test(h)) return "target";
  if (/\brealisasi\b/.test(h)) return "actual";
  return null;
}

/** A column whose cells are mostly codes ("1.1", "KA-1.2") is a code column. */
function guessByValues(sheet: SheetGrid, rows: readonly number[], col: number): MappingRole | null {
  const values: CellValue[] = rows
    .map((r) => sheet.values[r]?.[col] ?? null)
    .filter((v) => !isBlank(v));
  if (values.length === 0) return null;
  const codes = values.filter((v) =>
    /^\s*(?:\p{L}{1,4}\s*[-.]?\s*)?\d+(?:\.\d+)+\.?\s*$/u.test(String(v))
  );
  return codes.length * 2 > values.length ? "code" : null;
}
