import { modelToJson, summaryText } from "../../src/core/json";
import type { ConditionNode, CsfModel, Indicator } from "../../src/core/model";
import type { Finding } from "../../src/core/findings";

function indicator(name: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    name,
    definition: "Definisi",
    relevance: "Relevansi",
    formula: "A / B x 100",
    dataSource: "Bagian Umum",
    unit: "%",
    target: 82.5,
    actual: 84,
    achievement: null,
    numerator: null,
    denominator: null,
    polarity: "higher",
    polarityAssumed: true,
    cell: "'Uraian'!A12",
    conditionCode: null,
    textSource: null,
    textCells: {},
    measure: null,
    values: {},
    ...extra,
  };
}

function node(
  id: string,
  parentId: string | null,
  level: ConditionNode["level"],
  depth: number,
  indicators: Indicator[] = []
): ConditionNode {
  return {
    id,
    code: id.replace(/#\d+$/, ""),
    name: `Kondisi ${id}`,
    depth,
    level,
    parent: parentId,
    parentId,
    cell: `'CSF'!C${depth + 5}`,
    source: { sheet: "CSF", row: depth + 4, col: 2 },
    explanation: `Penjelasan ${id}`,
    problems: null,
    indicatorLine: null,
    impact: `Dampak ${id}`,
    sectionCell: null,
    mentions: [],
    indicators,
  };
}

const model: CsfModel = {
  file: "contoh.xlsx",
  outcome: "Meningkatnya Kualitas Pelayanan Publik",
  outcomeCell: "'CSF'!A3",
  organisation: "SEKRETARIAT DAERAH",
  nodes: [
    node("1", null, "csf", 1, [indicator("Indeks RB")]),
    node("1.1", "1", "antara", 2),
    node("1.1.1", "1.1", "operasional", 3, [
      indicator("Jumlah Dokumen", { polarity: "lower", polarityAssumed: false }),
    ]),
    node("1.2", "1", "antara", 2),
  ],
  orphans: [{ indicator: indicator("Indikator Yatim"), refersTo: "9.9" }],
  tables: [],
  sheetsRead: ["CSF"],
  findings: [],
};

const findings: Finding[] = [
  {
    rule: "duplicate-code",
    severity: "error",
    sheet: "CSF",
    cell: "'CSF'!B7",
    code: "1.4.6",
    message: "Kode ganda",
    params: { code: "1.4.6" },
  },
  {
    rule: "skipped-content",
    severity: "info",
    sheet: "CSF",
    cell: "'CSF'!A40",
    code: null,
    message: "Dilewati",
    params: {},
  },
];

describe("modelToJson", () => {
  const json = modelToJson(model, findings, "contoh.xlsx");

  it("has the documented top-level keys", () => {
    expect(json.file).toBe("contoh.xlsx");
    expect(json.outcome).toBe("Meningkatnya Kualitas Pelayanan Publik");
    expect(json.nodes).toHaveLength(4);
    expect(json.findings).toEqual([
      {
        rule: "duplicate-code",
        severity: "error",
        cell: "'CSF'!B7",
        code: "1.4.6",
        message: "Kode ganda",
      },
      {
        rule: "skipped-content",
        severity: "info",
        cell: "'CSF'!A40",
        code: null,
        message: "Dilewati",
      },
    ]);
  });

  it("gives each node the documented keys with its indicators nested", () => {
    expect(json.nodes[2]).toMatchObject({
      code: "1.1.1",
      name: "Kondisi 1.1.1",
      depth: 3,
      parent: "1.1",
      cell: "'CSF'!C8",
      explanation: "Penjelasan 1.1.1",
      problems: null,
      impact: "Dampak 1.1.1",
      level: "operasional",
    });
    expect(json.nodes[2]?.indicators).toEqual([
      {
        name: "Jumlah Dokumen",
        definition: "Definisi",
        relevance: "Relevansi",
        formula: "A / B x 100",
        dataSource: "Bagian Umum",
        unit: "%",
        target: 82.5,
        actual: 84,
        achievement: null,
        polarity: "lower",
        cell: "'Uraian'!A12",
        polarityAssumed: false,
        numerator: null,
        denominator: null,
        responsible: null,
        targetCell: null,
        actualCell: null,
        targetPercent: false,
        actualPercent: false,
      },
    ]);
    expect(json.nodes[0]?.parent).toBeNull();
  });

  it("says where a code came from, who is responsible, and which cells gave target and realisasi", () => {
    const cell = (col: number, raw: number, percent: boolean) => ({
      sheet: "Matriks",
      row: 4,
      col,
      raw,
      value: percent ? raw * 100 : raw,
      readable: true,
      formula: null,
      percent,
    });
    const measured = indicator("Persentase Aduan", {
      responsible: "Bagian Umum",
      values: { target: cell(6, 80, false), actual: cell(7, 0.85, true) },
    });
    const given = {
      ...node("1", null, "csf", 1, [measured]),
      codeGiven: true,
      responsible: "Bagian Umum",
    };
    const out = modelToJson({ ...model, nodes: [given, model.nodes[1]!] }, [], null);
    expect(out.nodes[0]).toMatchObject({ codeFrom: "place", responsible: "Bagian Umum" });
    expect(out.nodes[1]).toMatchObject({ codeFrom: "typed", responsible: null });
    expect(out.nodes[0]?.indicators[0]).toMatchObject({
      responsible: "Bagian Umum",
      targetCell: "'Matriks'!G5",
      actualCell: "'Matriks'!H5",
      targetPercent: false,
      actualPercent: true,
    });
  });

  it("lists indicators without a condition under orphans with the code they name", () => {
    expect(json.orphans).toHaveLength(1);
    expect(json.orphans[0]).toMatchObject({ name: "Indikator Yatim", refersTo: "9.9" });
  });

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("summaryText", () => {
  it("states the outcome, the count per level and the tree as an indented list", () => {
    const text = summaryText(model, findings, "id");
    const lines = text.split("\n");
    expect(lines).toContain("Outcome: Meningkatnya Kualitas Pelayanan Publik");
    expect(lines).toContain("1 CSF, 2 kondisi antara, 1 kondisi operasional, 2 indikator kinerja");
    expect(lines).toContain("Temuan: 1 kesalahan, 0 peringatan, 1 info");
    const tree = lines.slice(lines.indexOf("Pohon kinerja:") + 1);
    expect(tree).toEqual([
      "  1 Kondisi 1",
      "      - IK: Indeks RB",
      "    1.1 Kondisi 1.1",
      "      1.1.1 Kondisi 1.1.1",
      "          - IK: Jumlah Dokumen",
      "    1.2 Kondisi 1.2",
    ]);
  });

  it("speaks English when asked and says when the outcome is missing", () => {
    const text = summaryText({ ...model, outcome: null }, [], "en");
    expect(text).toContain("Outcome: (not found)");
    expect(text).toContain(
      "1 CSF, 2 intermediate conditions, 1 operational conditions, 2 performance indicators"
    );
    expect(text).toContain("Indicators not linked to any condition: 1");
  });

  it("lists a node whose parent is part of a cycle instead of dropping it", () => {
    const a = node("1", "2", "csf", 1);
    const b = node("2", "1", "csf", 1);
    const text = summaryText({ ...model, nodes: [a, b], orphans: [] }, [], "id");
    expect(text).toContain("1 Kondisi 1");
    expect(text).toContain("2 Kondisi 2");
  });
});
