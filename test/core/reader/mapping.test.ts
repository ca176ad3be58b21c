/**
 * When nothing fits, the user maps the columns (issue 14): a table under headers the reader does
 * not know is reported with the reader's best guess of each column; a mapping reads it (the tree,
 * live counts); a mapping that no longer matches its header is reported and never applied; and
 * the mappings the reader used, applied again, read every fixture exactly as before.
 */
import * as path from "path";
import type { ColumnMapping, CsfModel, MappingRole } from "../../../src/core/model";
import {
  guessedMapping,
  mappingCounts,
  parseMappings,
  readWorkbook,
  usedMappings,
  withMapping,
  withoutOutdated,
} from "../../../src/core/reader";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { all, gridsOf } from "../../fixtures/reader/fixtures";
import { shapes, unknownHeaders, UNKNOWN_HEADERS_ROLES } from "../../fixtures/reader/shapes";
import { readAllWays } from "./load";

function missing(what: string): never {
  throw new Error(`expected ${what}`);
}

const grids = () => gridsOf(unknownHeaders, true);

/** The mapping the user makes: the guess with the roles picked in the dialog. */
function userMapping(roles: MappingRole[]): ColumnMapping {
  const guess = guessedMapping(readWorkbook(grids()).unplaced?.[0] ?? missing("an unplaced table"));
  return { ...guess, columns: guess.columns.map((c, i) => ({ ...c, role: roles[i] ?? c.role })) };
}

const ROLES = UNKNOWN_HEADERS_ROLES;

function outline(model: CsfModel) {
  return model.nodes.map((n) => [n.code, n.codeGiven ? "place" : "typed", n.depth, n.parent]);
}

describe("a table the reader cannot place", () => {
  it("is reported with its header row and the reader's best guess of each column", () => {
    const model = readWorkbook(grids());
    expect(model.nodes).toEqual([]);
    expect(model.findings.map((f) => [f.rule, f.cell])).toEqual([["unplaced-table", "'Pohon'!A3"]]);
    expect(model.findings[0]?.message).toContain("Sasaran Strategis | Sasaran Antara");
    expect(model.unplaced).toEqual([
      {
        sheet: "Pohon",
        headerRow: 2,
        firstCol: 0,
        lastCol: 6,
        lastRow: 6,
        reason: "unknown-header",
        columns: [
          { column: "A", header: "Sasaran Strategis", role: "condition" },
          { column: "B", header: "Sasaran Antara", role: "condition" },
          { column: "C", header: "Rencana Aksi", role: "ignore" },
          { column: "D", header: "Ukuran Keberhasilan", role: "indicator" },
          { column: "E", header: "Nilai Target", role: "target" },
          { column: "F", header: "Nilai Capaian Riil", role: "ignore" },
          { column: "G", header: "Bidang", role: "responsible" },
        ],
      },
    ]);
  });

  it("reads as a tree once mapped, every way a workbook reaches the reader", async () => {
    for (const [way, model] of await readAllWays(unknownHeaders, {
      mappings: [userMapping(ROLES)],
    })) {
      expect([way, outline(model)]).toEqual([
        way,
        [
          ["1", "place", 1, null],
          ["1.1", "place", 2, "1"],
          ["1.1.1", "place", 3, "1.1"],
          ["1.1.2", "place", 3, "1.1"],
          ["1.2", "place", 2, "1"],
          ["1.2.1", "place", 3, "1.2"],
          ["2", "place", 1, null],
          ["2.1", "place", 2, "2"],
          ["2.1.1", "place", 3, "2.1"],
        ],
      ]);
      const measured = model.nodes.flatMap((n) =>
        n.indicators.map((i) => [n.code, i.name, i.target, i.actual, i.responsible])
      );
      expect([way, measured]).toEqual([
        way,
        [
          ["1.1.1", "Jumlah Puskesmas Didampingi", 12, 12, "Bidang Yankes"],
          ["1.1.2", "Jumlah Dokumen Mutu", 4, 3, "Bidang Yankes"],
          ["1.2.1", "Persentase Tenaga Kesehatan Kompeten", 70, 72, "Bidang SDK"],
          ["2.1.1", "Persentase Penduduk Miskin Terdata", 90, 85, "Bidang P2P"],
        ],
      ]);
      expect(model.findings.map((f) => f.rule)).not.toContain("unplaced-table");
      expect(model.tables.map((t) => [t.kind, t.mapped])).toEqual([["matrix", true]]);
    }
  });

  it("counts the conditions and indicators each mapping gives, as the user changes it", () => {
    expect(mappingCounts(grids(), [])).toEqual({ conditions: 0, indicators: 0 });
    expect(mappingCounts(grids(), [userMapping([])])).toEqual({ conditions: 5, indicators: 4 });
    expect(mappingCounts(grids(), [userMapping(ROLES)])).toEqual({ conditions: 9, indicators: 4 });
  });

  it("takes the latest mapping made for the same sheet and header row", () => {
    const first = userMapping([]);
    const second = userMapping(ROLES);
    expect(withMapping([first], second)).toEqual([second]);
  });
});

describe("a mapping that no longer matches its sheet", () => {
  it("is reported at its header row and not applied when a header changed", () => {
    const changed = grids();
    const row = changed.sheets[0]?.values[2];
    if (row) row[4] = "Target Kinerja";
    const model = readWorkbook(changed, { mappings: [userMapping(ROLES)] });
    expect(model.nodes).toEqual([]);
    const outdated = model.findings.filter((f) => f.rule === "mapping-outdated");
    expect(outdated.map((f) => f.cell)).toEqual(["'Pohon'!A3"]);
    expect(outdated[0]?.message).toContain('"Nilai Target"');
    expect(outdated[0]?.message).toContain('"Target Kinerja"');
    expect(model.findings.map((f) => f.rule)).toContain("unplaced-table");
  });

  it("is reported when its sheet is gone or its header row is now blank", () => {
    const mapping = userMapping(ROLES);
    const model = readWorkbook(grids(), {
      lang: "en",
      mappings: [
        { ...mapping, sheet: "Lama" },
        { ...mapping, headerRow: 2 },
      ],
    });
    expect(model.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["unplaced-table", "Pohon", "'Pohon'!A3"],
      ["mapping-outdated", "Lama", null],
      ["mapping-outdated", "Pohon", "'Pohon'!A2"],
    ]);
    expect(model.findings[1]?.message).toMatch(/sheet "Lama", which this workbook does not have/);
  });

  it("is dropped, alone, by the finding about it; the workbook then reads without that finding", () => {
    const mapping = userMapping(ROLES);
    const gone = { ...mapping, sheet: "Lama" };
    const blankRow = { ...mapping, headerRow: 2 };
    const mappings = [gone, blankRow, mapping];
    const findings = readWorkbook(grids(), { mappings }).findings;
    const [noSheet, atRow] = findings.filter((f) => f.rule === "mapping-outdated");
    if (!noSheet || !atRow) throw new Error("expected two outdated mappings");
    expect(withoutOutdated(mappings, noSheet)).toEqual([blankRow, mapping]);
    expect(withoutOutdated(mappings, atRow)).toEqual([gone, mapping]);
    const left = withoutOutdated(withoutOutdated(mappings, noSheet), atRow);
    const after = readWorkbook(grids(), { mappings: left });
    expect(after.findings.map((f) => f.rule)).not.toContain("mapping-outdated");
    expect(after.nodes).toHaveLength(9);
    // Any other finding leaves the mappings alone.
    const other = findings.find((f) => f.rule !== "mapping-outdated");
    expect(other && withoutOutdated(mappings, other)).toEqual(mappings);
  });

  it("is passed over for another made for the same row that fits (a folder's mappings)", () => {
    const mapping = userMapping(ROLES);
    const other = { ...mapping, columns: [{ column: "A", header: "Kode", role: "code" as const }] };
    const model = readWorkbook(grids(), { mappings: [other, mapping] });
    expect(model.nodes).toHaveLength(9);
    expect(model.findings.map((f) => f.rule)).not.toContain("mapping-outdated");
  });
});

describe("the mappings the reader used", () => {
  const workbooks = [...all, ...shapes].map((f) => ({
    name: f.file,
    load: async () => readXlsxFile(path.join(__dirname, "../../fixtures/reader", f.file)),
  }));
  workbooks.push({
    name: "the sample",
    load: () =>
      readXlsxFile(path.join(process.cwd(), "examples/kertas-kerja-setda-luwu-timur.xlsx")),
  });
  for (const w of workbooks)
    it(`read ${w.name} again exactly as before`, async () => {
      const wb = await w.load();
      const before = readWorkbook(wb);
      const mappings = usedMappings(before);
      expect(mappings.length).toBe(before.tables.length);
      const after = readWorkbook(wb, { mappings });
      expect(after.tables.every((t) => t.mapped === true)).toBe(true);
      expect(after.nodes).toEqual(before.nodes);
      expect(after.orphans).toEqual(before.orphans);
      expect(after.outcome).toEqual(before.outcome);
      expect(after.findings).toEqual(before.findings);
    });
});

describe("mappings from JSON", () => {
  it("takes what --tulis-peta prints, for one file or a folder", () => {
    const m = userMapping(ROLES);
    expect(parseMappings([m])).toEqual({ mappings: [m] });
    expect(
      parseMappings([
        { file: "a.xlsx", mappings: [m] },
        { file: "b.xlsx", mappings: [m] },
      ])
    ).toEqual({
      mappings: [m, m],
    });
    expect(
      parseMappings({ mappings: [{ ...m, columns: [{ column: "b", header: "X", role: "code" }] }] })
    ).toEqual({
      mappings: [{ ...m, columns: [{ column: "B", header: "X", role: "code" }] }],
    });
  });

  it("says where JSON is not a mapping", () => {
    const m = userMapping(ROLES);
    expect(parseMappings({ foo: 1 })).toEqual({ error: "mappings" });
    expect(parseMappings([{ ...m, headerRow: 0 }])).toEqual({ error: "Pohon: headerRow" });
    expect(
      parseMappings([{ ...m, columns: [{ column: "B", header: "X", role: "boss" }] }])
    ).toEqual({
      error: "Pohon!B",
    });
    expect(
      parseMappings([{ ...m, columns: [{ column: "1", header: "X", role: "code" }] }])
    ).toEqual({
      error: "Pohon!1",
    });
  });
});

describe("a table whose indicators link to no condition", () => {
  const wb = {
    name: "uraian.xlsx",
    sheets: [
      {
        name: "IKU",
        values: [
          ["No", "Uraian", "Indikator Kinerja", "Target", "Realisasi"],
          [1, "Meningkatnya Mutu Layanan", "Indeks Kepuasan Masyarakat", 80, 82],
          [2, "Meningkatnya Mutu Layanan", "Persentase Pengaduan Selesai", 90, 95],
        ],
      },
    ],
  };

  it("is reported for the user to map, the column the reader did not know guessed", () => {
    const model = readWorkbook(wb);
    expect(model.orphans).toHaveLength(2);
    expect(model.unplaced?.map((u) => [u.reason, u.columns.map((c) => c.role)])).toEqual([
      ["not-linked", ["no", "condition", "indicator", "target", "actual"]],
    ]);
    expect(model.findings.map((f) => [f.rule, f.cell])).toContainEqual([
      "unplaced-table",
      "'IKU'!A1",
    ]);
  });

  it("gives one condition with both indicators once Uraian is mapped as the condition", () => {
    const guess = guessedMapping(readWorkbook(wb).unplaced?.[0] ?? missing("an unplaced table"));
    const mapping = {
      ...guess,
      columns: guess.columns.map((c) =>
        c.header === "Uraian" ? { ...c, role: "condition" as const } : c
      ),
    };
    const model = readWorkbook(wb, { mappings: [mapping] });
    expect(model.nodes.map((n) => [n.name, n.indicators.map((i) => i.name)])).toEqual([
      ["Meningkatnya Mutu Layanan", ["Indeks Kepuasan Masyarakat", "Persentase Pengaduan Selesai"]],
    ]);
    expect(model.unplaced).toBeUndefined();
    expect(model.orphans).toEqual([]);
  });
});
