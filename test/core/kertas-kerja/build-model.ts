/** Small literal models for the kertas kerja tests. */
import type { ConditionNode, CsfModel, Indicator, Level } from "../../../src/core/model";
import { withDefaults, type Settings } from "../../../src/core/settings";

export function indicator(name: string, text: Partial<Indicator> = {}): Indicator {
  return {
    name,
    definition: `Definisi ${name}`,
    relevance: `Relevansi ${name}`,
    formula: `Rumus ${name}`,
    dataSource: `Sumber ${name}`,
    unit: null,
    target: null,
    actual: null,
    achievement: null,
    numerator: null,
    denominator: null,
    polarity: "higher",
    polarityAssumed: true,
    cell: "'Uraian'!A1",
    conditionCode: null,
    textSource: null,
    textCells: {},
    measure: null,
    values: {},
    ...text,
  };
}

/** A condition; `id` defaults to the code, parent code from the code ("1.2.3" → "1.2"). */
export function node(
  code: string | null,
  name: string,
  more: Partial<ConditionNode> = {}
): ConditionNode {
  const depth = code === null ? 1 : code.split(".").length;
  const level: Level = depth === 1 ? "csf" : depth === 2 ? "antara" : "operasional";
  const parent = code !== null && depth > 1 ? code.split(".").slice(0, -1).join(".") : null;
  return {
    id: code ?? name,
    code,
    name,
    depth,
    level,
    parent,
    parentId: parent,
    cell: "'CSF'!C1",
    source: { sheet: "CSF", row: 0, col: 2 },
    explanation: `${name} merupakan kondisi dimana semuanya berjalan baik.`,
    problems: `Masalah terkait dengan kondisi ini antara lain (a) belum optimalnya ${name}`,
    indicatorLine: null,
    impact: `Dengan ${name} maka kinerja meningkat.`,
    sectionCell: null,
    mentions: [],
    indicators: [indicator(`Jumlah Dokumen ${code ?? name}`)],
    ...more,
  };
}

export function model(nodes: ConditionNode[], more: Partial<CsfModel> = {}): CsfModel {
  return {
    file: null,
    outcome: "Meningkatnya Kualitas Pelayanan Publik",
    outcomeCell: null,
    organisation: null,
    nodes,
    orphans: [],
    tables: [],
    sheetsRead: [],
    findings: [],
    ...more,
  };
}

export function settings(more: Partial<Settings> = {}): Settings {
  return withDefaults({ organisation: "Sekretariat Daerah", year: 2024, ...more });
}
