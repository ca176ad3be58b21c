/**
 * Acceptance: the reader on the sample workbook, asserted against the seed's text as parsed by
 * scripts/seed.ts (the truth the sample was generated from), never against the reader's output.
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { readWorkbook } from "../../../src/core/reader";
import type { ConditionNode, CsfModel } from "../../../src/core/model";
import { parseSeed, type Seed } from "../../../scripts/seed";

const root = path.join(__dirname, "../../..");
const flat = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();
const joined = (parts: readonly string[]): string | null =>
  parts.length === 0 ? null : flat(parts.join(" "));

let seed: Seed;
let model: CsfModel;

beforeAll(async () => {
  seed = parseSeed(
    fs.readFileSync(
      path.join(root, "examples/source/kertas-kerja-pohon-kinerja-setda-luwu-timur.txt"),
      "utf8"
    )
  );
  const grids = await readXlsxFile(path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx"));
  model = readWorkbook(grids, { file: "kertas-kerja-setda-luwu-timur.xlsx" });
});

/** The node read for the seed's n-th table condition (reading order is table order). */
function tableNodes(): ConditionNode[] {
  return model.nodes.filter((n) => n.mentions[0]?.kind === "csf-table");
}

describe("reading the sample workbook", () => {
  it("finds the outcome under the CSF label", () => {
    expect(model.outcome).toBe(seed.outcome);
  });

  it("reads all 44 conditions of the tables with their codes, names, levels and parents", () => {
    const nodes = tableNodes();
    expect(nodes).toHaveLength(seed.conditions.length);
    expect(seed.conditions).toHaveLength(44);
    seed.conditions.forEach((c, i) => {
      const n = nodes[i];
      expect({ name: n?.name, code: n?.code, level: n?.level, parent: n?.parent }).toEqual({
        name: c.name,
        code: c.code,
        level: c.level,
        parent: c.parentCode,
      });
    });
  });

  it("adds no node of its own: every section matched a listed condition", () => {
    expect(model.nodes).toHaveLength(44);
  });

  it("keeps duplicate codes as separate nodes with unique ids", () => {
    const ids = model.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(model.nodes.filter((n) => n.code === "1.4.6")).toHaveLength(2);
    expect(model.nodes.filter((n) => n.code === "1.7.3")).toHaveLength(2);
  });

  it("gives every condition its section's narrative", () => {
    // Sections follow the seed's order; each section is matched to exactly one node.
    const bySectionCell = new Map(model.nodes.map((n) => [n.sectionCell, n]));
    expect(bySectionCell.size).toBe(44);
    const nodesInSectionOrder = [...model.nodes].sort(
      (a, b) =>
        (a.mentions.find((m) => m.kind === "section-heading") ? 0 : 1) -
          (b.mentions.find((m) => m.kind === "section-heading") ? 0 : 1) || rowOf(a) - rowOf(b)
    );
    seed.sections.forEach((s, i) => {
      const n = nodesInSectionOrder[i];
      const heading = n?.mentions.find((m) => m.kind === "section-heading");
      expect({ heading: heading?.name, code: heading?.code }).toEqual({
        heading: s.name,
        code: s.code,
      });
      expect({
        explanation: flat(n?.explanation),
        problems: n?.problems === null ? null : flat(n?.problems),
        indicatorLine: n?.indicatorLine === null ? null : flat(n?.indicatorLine),
        impact: n?.impact === null ? null : flat(n?.impact),
      }).toEqual({
        explanation: flat(s.explanation.join(" ")),
        problems: s.problems === null ? null : flat(s.problems),
        indicatorLine: joined(s.indicatorLine),
        impact: joined(s.closing),
      });
    });
  });

  it("reads all 54 indicators with their five text fields under their conditions", () => {
    const read = model.nodes
      .filter((n) => n.sectionCell !== null)
      .sort((a, b) => rowOf(a) - rowOf(b))
      .flatMap((n) => n.indicators);
    expect(model.orphans).toHaveLength(0);
    expect(read).toHaveLength(54);
    expect(
      read.map((i) => ({
        name: i.name,
        definition: i.definition,
        relevance: i.relevance,
        formula: i.formula,
        dataSource: i.dataSource,
      }))
    ).toEqual(seed.indicators.map((i) => ({ ...i })));
  });

  it("attaches each section's indicators to the condition the section describes", () => {
    for (const s of seed.sections) {
      const n = model.nodes.find((x) =>
        x.mentions.some((m) => m.kind === "section-heading" && m.name === s.name)
      );
      expect(n?.indicators.map((i) => i.name)).toEqual(s.indicators.map((i) => i.name));
    }
  });

  it("gives every indicator a target and realisasi row from the Target & Realisasi sheet", () => {
    const all = model.nodes.flatMap((n) => n.indicators);
    expect(all.filter((i) => i.measure === null)).toEqual([]);
    expect(all.every((i) => i.measure?.sheet === "Target & Realisasi")).toBe(true);
    expect(all.filter((i) => i.polarity === "lower").length).toBeGreaterThan(0);
    expect(all.filter((i) => i.values.actual?.readable === false).length).toBeGreaterThan(0);
  });

  it("names the organisation from the title block", () => {
    expect(model.organisation).toBe("SEKRETARIAT DAERAH KABUPATEN LUWU TIMUR");
  });

  it("reports nothing as skipped", () => {
    expect(model.findings).toEqual([]);
  });
});

function rowOf(n: ConditionNode): number {
  const cell = n.sectionCell ?? n.cell;
  const m = /!([A-Z]+)(\d+)$/.exec(cell);
  return m ? Number(m[2]) : 0;
}
