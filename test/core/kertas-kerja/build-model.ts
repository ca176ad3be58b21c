/**
 * Small literal models for the kertas kerja tests: the shared builders (test/helpers) with the
 * texts these tests read back ("Definisi …", "Rumus …", a narrative for every condition).
 */
import type { ConditionNode, CsfModel, Indicator, Level } from "../../../src/core/model";
import { withDefaults, type Settings } from "../../../src/core/settings";
import * as base from "../../helpers/model-builder";

export function indicator(name: string, text: Partial<Indicator> = {}): Indicator {
  return base.indicator({
    name,
    definition: `Definisi ${name}`,
    relevance: `Relevansi ${name}`,
    formula: `Rumus ${name}`,
    dataSource: `Sumber ${name}`,
    cell: "'Uraian'!A1",
    textSource: null,
    textCells: {},
    ...text,
  });
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
  return base.node({
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
    impact: `Dengan ${name} maka kinerja meningkat.`,
    indicators: [indicator(`Jumlah Dokumen ${code ?? name}`)],
    ...more,
  });
}

export function model(nodes: ConditionNode[], more: Partial<CsfModel> = {}): CsfModel {
  return base.emptyModel({ outcomeCell: null, sheetsRead: [], nodes, ...more });
}

export function settings(more: Partial<Settings> = {}): Settings {
  return withDefaults({ organisation: "Sekretariat Daerah", year: 2024, ...more });
}
