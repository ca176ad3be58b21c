/**
 * The reader: workbook grids → CSF model, in passes over plain data.
 *   1. blocks.ts      each sheet cut into tables (by their header row) and text rows;
 *   2. csf-tables.ts  the conditions listed in CSF tables, then matrix.ts the tables of level
 *                     columns (conditions and indicators together);
 *   3. sections.ts    the document's sections (headings.ts), with their indicator tables
 *                     (indicator-tables.ts), the outcome and the organisation;
 *   4. measures.ts    Target/Realisasi tables, matched to the indicators read;
 *   5. finish.ts      parents named only by code linked, levels from the tree, responsible units.
 * The passes share a Draft (draft.ts): the conditions (found by code or by name, names.ts), the
 * indicators, the tables and the findings.
 */
import type { SheetGrid, WorkbookGrids } from "../grid";
import type { ColumnMapping, CsfModel } from "../model";
import type { Lang } from "../messages";
import { generatedKind } from "../plan";
import { reportOutdated, scanSheet } from "./blocks";
import { readConditionTable } from "./csf-tables";
import { Draft } from "./draft";
import { isConditionKind } from "./headers";
import { readMatrix } from "./matrix";
import { readMeasureTable } from "./measures";
import { readSections } from "./sections";
import { finish } from "./finish";
import { reportUnplaced } from "./unplaced";

export { parsePolarity } from "./measures";
export {
  MAPPING_ROLES,
  guessedMapping,
  mappingOf,
  parseMappings,
  usedMappings,
  withMapping,
  withoutOutdated,
} from "./mapping";

export interface ReadOptions {
  /** Column mappings the user made (per sheet and header row). */
  mappings?: readonly ColumnMapping[];
  lang?: Lang;
  /** The year the workbook is about (settings), for tables with a column per year. */
  year?: number | null;
  /** File name recorded in the model. */
  file?: string | null;
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
  const year = opts.year ?? null;
  const mappings = opts.mappings ?? [];
  let draft = readSheets(own, new Draft(lang, year, mappings));
  if (draft.conditions.nodes.length === 0) {
    const kk = wb.sheets.filter((s) => generatedKind(s) === "kertas-kerja");
    if (kk.length > 0) draft = readSheets([...own, ...kk], new Draft(lang, year, mappings));
  }
  reportUnseenMappings(draft, wb);
  return draft.model(opts.file ?? wb.name ?? null);
}

/**
 * Mappings the scan never met: made for a sheet this workbook does not have, or for a row that
 * is now blank or past the sheet's end. Reported as outdated, like a header that changed.
 */
function reportUnseenMappings(draft: Draft, wb: WorkbookGrids): void {
  for (const m of draft.mappings) {
    if (draft.mappingsSeen.has(m)) continue;
    if (wb.sheets.some((s) => s.name === m.sheet))
      reportOutdated(draft, m, m.columns[0]?.header ?? "", "");
    else
      draft.reportSheet("mapping-outdated", "warning", m.sheet, "reader.mappingNoSheet", {
        sheet: m.sheet,
      });
  }
}

/**
 * How many conditions and indicators the workbook gives read with these mappings: the live
 * count the pane shows while the user maps a table.
 */
export function mappingCounts(
  wb: WorkbookGrids,
  mappings: readonly ColumnMapping[],
  opts: Omit<ReadOptions, "mappings"> = {}
): { conditions: number; indicators: number } {
  const model = readWorkbook(wb, { ...opts, mappings });
  const attached = model.nodes.reduce((n, node) => n + node.indicators.length, 0);
  return { conditions: model.nodes.length, indicators: attached };
}

function readSheets(sheets: readonly SheetGrid[], draft: Draft): Draft {
  const blocks = sheets.flatMap((s) => scanSheet(draft, s, generatedKind(s) !== null));
  for (const b of blocks)
    if (b.kind === "table" && isConditionKind(b.header.kind)) readConditionTable(draft, b);
  // Matrices after the CSF tables: a condition both list is found, not made twice.
  for (const b of blocks)
    if (b.kind === "table" && b.header.kind === "matrix") readMatrix(draft, b);
  readSections(draft, blocks);
  for (const b of blocks)
    if (b.kind === "table" && b.header.kind === "measure") readMeasureTable(draft, b);
  finish(draft);
  reportUnplaced(draft, blocks);
  return draft;
}
