/**
 * Small builders for hand-made CsfModel objects in tests: every field has a plain default,
 * a test names only what it is about.
 */
import { cellRef } from "../../src/core/address";
import type {
  ConditionNode,
  CsfModel,
  Indicator,
  Level,
  MeasureRow,
  Mention,
  NumberCell,
} from "../../src/core/model";

/** A model with an outcome and nothing else. */
export function emptyModel(over: Partial<CsfModel> = {}): CsfModel {
  return {
    file: null,
    outcome: "Meningkatnya Kualitas Pelayanan Publik",
    outcomeCell: "'CSF'!A6",
    organisation: null,
    nodes: [],
    orphans: [],
    tables: [],
    sheetsRead: ["CSF"],
    findings: [],
    ...over,
  };
}

let rowSeq = 10;

/** Level from the number of segments of a code ("1" csf, "1.1" antara, deeper operasional). */
export function levelOf(code: string | null): Level {
  const n = code ? code.split(".").length : 2;
  return n <= 1 ? "csf" : n === 2 ? "antara" : "operasional";
}

/**
 * A condition. Defaults: id = code, parent = code minus its last number, parentId = parent,
 * name "Kondisi <code>", listed on sheet "CSF" at a fresh row of column C.
 */
export function node(over: Partial<ConditionNode> & { code: string | null }): ConditionNode {
  const code = over.code;
  const parent =
    over.parent !== undefined
      ? over.parent
      : code && code.includes(".")
        ? code.slice(0, code.lastIndexOf("."))
        : null;
  const row = over.source?.row ?? rowSeq++;
  const depth = code ? code.split(".").length : 2;
  return {
    id: code ?? `n${row}`,
    name: `Meningkatnya Kondisi ${code ?? ""}`.trim(),
    depth,
    level: levelOf(code),
    parentId: parent,
    cell: cellRef("CSF", row, 2),
    source: { sheet: "CSF", row, col: 2 },
    explanation: null,
    problems: null,
    indicatorLine: null,
    impact: null,
    sectionCell: null,
    mentions: [],
    indicators: [],
    ...over,
    parent,
  };
}

/** A mention of a condition's name somewhere else (a section heading by default). */
export function mention(over: Partial<Mention> & { name: string }): Mention {
  return { code: null, kind: "section-heading", cell: "'Uraian Kondisi'!A1", ...over };
}

/** A number cell on "Target & Realisasi" (readable, no formula unless given). */
export function numberCell(over: Partial<NumberCell> = {}): NumberCell {
  const value =
    over.value !== undefined ? over.value : typeof over.raw === "number" ? over.raw : null;
  return {
    sheet: "Target & Realisasi",
    row: 5,
    col: 3,
    raw: value,
    value,
    readable: true,
    formula: null,
    ...over,
  };
}

/** An indicator read from a five-column text table row, all fields filled unless given. */
export function indicator(over: Partial<Indicator> = {}): Indicator {
  const row = over.textSource?.row ?? rowSeq++;
  const sheet = "Uraian Kondisi";
  const name = over.name ?? "Jumlah Dokumen Hasil Fasilitasi";
  return {
    name,
    // Texts derived from the name, so two indicators never share them by accident.
    definition: `${name} merupakan hasil kerja yang dapat diukur`,
    relevance: `${name} menggambarkan kondisi ini`,
    formula: `${name} selama 1 tahun`,
    dataSource: "Bagian Pemerintahan",
    unit: null,
    target: null,
    actual: null,
    achievement: null,
    numerator: null,
    denominator: null,
    polarity: "higher",
    polarityAssumed: true,
    cell: cellRef(sheet, row, 0),
    conditionCode: null,
    textSource: { sheet, row, col: 0 },
    textCells: {
      name: { sheet, row, col: 0 },
      definition: { sheet, row, col: 1 },
      relevance: { sheet, row, col: 2 },
      formula: { sheet, row, col: 3 },
      dataSource: { sheet, row, col: 4 },
    },
    measure: null,
    values: {},
    ...over,
  };
}

/**
 * The columns of the sample's "Target & Realisasi" table:
 * Kode | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%) | Polaritas.
 */
export function measureRow(row: number, over: Partial<MeasureRow> = {}): MeasureRow {
  return {
    sheet: "Target & Realisasi",
    row,
    headerRow: 3,
    lastCol: 6,
    columns: { code: 0, name: 1, unit: 2, target: 3, actual: 4, achievement: 5, polarity: 6 },
    ...over,
  };
}

/**
 * An indicator measured on "Target & Realisasi" row `row`: target, realisasi and capaian as
 * typed (numbers read as themselves; strings as unreadable text; null as blank).
 */
export function measuredIndicator(
  row: number,
  typed: {
    target?: number | string | null;
    actual?: number | string | null;
    achievement?: number | string | null;
    achievementFormula?: string;
  },
  over: Partial<Indicator> = {}
): Indicator {
  const m = measureRow(row);
  const cell = (
    col: number,
    raw: number | string | null | undefined,
    formula: string | null = null
  ): NumberCell =>
    numberCell({
      row,
      col,
      raw: raw ?? null,
      value: typeof raw === "number" ? raw : null,
      readable: typeof raw !== "string",
      formula,
    });
  const values: Indicator["values"] = {};
  if (typed.target !== undefined) values.target = cell(3, typed.target);
  if (typed.actual !== undefined) values.actual = cell(4, typed.actual);
  if (typed.achievement !== undefined || typed.achievementFormula !== undefined)
    values.achievement = cell(5, typed.achievement, typed.achievementFormula ?? null);
  return indicator({
    measure: m,
    values,
    target: typeof typed.target === "number" ? typed.target : null,
    actual: typeof typed.actual === "number" ? typed.actual : null,
    ...over,
  });
}
