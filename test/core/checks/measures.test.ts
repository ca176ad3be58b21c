import { applyCapaian } from "../../../src/core/capaian";
import { checkModel } from "../../../src/core/checks";
import type { Finding, RuleId } from "../../../src/core/findings";
import type { CsfModel, Indicator } from "../../../src/core/model";
import {
  emptyModel,
  measuredIndicator,
  measureRow,
  node,
  numberCell,
} from "../../helpers/model-builder";

const wb = { sheets: [{ name: "Target & Realisasi", values: [] }] };

function modelWith(indicators: Indicator[]): CsfModel {
  const model = emptyModel();
  model.nodes.push(node({ code: "1", name: "Meningkatnya Kualitas Tata Kelola", indicators }));
  return applyCapaian(model);
}

function found(model: CsfModel, rule: RuleId): Finding[] {
  return checkModel(model, wb).filter((f) => f.rule === rule);
}

const MEASURE_RULES: RuleId[] = [
  "invalid-number",
  "missing-target",
  "achievement-uncomputable",
  "manual-override",
];

describe("measure rules", () => {
  it("find nothing in a row with numbers and an empty capaian", () => {
    const model = modelWith([
      measuredIndicator(5, { target: 4, actual: 3, achievement: null }, { name: "Jumlah Dokumen" }),
    ]);
    const f = checkModel(model, wb).filter((x) => MEASURE_RULES.includes(x.rule));
    expect(f).toEqual([]);
  });

  it("report a realisasi typed as words, at its cell, and the capaian it prevents", () => {
    const model = modelWith([
      measuredIndicator(
        5,
        { target: 4, actual: "belum ada data", achievement: null },
        { name: "Jumlah Dokumen" }
      ),
    ]);
    const inv = found(model, "invalid-number");
    expect(inv.map((x) => [x.cell, x.params["fieldKey"], x.params["raw"]])).toEqual([
      ["'Target & Realisasi'!E6", "actual", "belum ada data"],
    ]);
    expect(inv[0]?.code).toBe("1");
    const unc = found(model, "achievement-uncomputable");
    expect(unc.map((x) => [x.cell, x.params["messageKey"]])).toEqual([
      ["'Target & Realisasi'!F6", "checks.uncomputable.actualMissing"],
    ]);
  });

  it("report an unreadable pembilang or penyebut", () => {
    const ind = measuredIndicator(5, { target: 90, actual: null }, { name: "Persentase Layanan" });
    ind.values.numerator = numberCell({ row: 5, col: 7, raw: "-", value: null, readable: false });
    ind.values.denominator = numberCell({ row: 5, col: 8, raw: 12, value: 12 });
    ind.measure = measureRow(5, {
      columns: { ...measureRow(5).columns, numerator: 7, denominator: 8 },
    });
    const f = found(modelWith([ind]), "invalid-number");
    expect(f.map((x) => [x.cell, x.params["fieldKey"]])).toEqual([
      ["'Target & Realisasi'!H6", "numerator"],
    ]);
  });

  it("report an empty target where the table has a Target column, and not where it has none", () => {
    const empty = measuredIndicator(5, { target: null, actual: 3 }, { name: "Jumlah Dokumen" });
    const absent = measuredIndicator(6, { actual: 3 }, { name: "Jumlah Laporan" });
    absent.measure = measureRow(6, { columns: { name: 1, actual: 4 } });
    const model = modelWith([empty, absent]);
    expect(found(model, "missing-target").map((x) => x.cell)).toEqual(["'Target & Realisasi'!D6"]);
    expect(found(model, "achievement-uncomputable").map((x) => x.params["messageKey"])).toEqual([
      "checks.uncomputable.targetMissing",
      "checks.uncomputable.targetMissing",
    ]);
  });

  it("report a target of 0 as uncomputable, never as 0 %", () => {
    const model = modelWith([
      measuredIndicator(5, { target: 0, actual: 3 }, { name: "Jumlah Kasus", polarity: "lower" }),
    ]);
    expect(model.nodes[0]?.indicators[0]?.achievement).toBeNull();
    expect(found(model, "achievement-uncomputable").map((x) => x.params["messageKey"])).toEqual([
      "checks.uncomputable.targetZero",
    ]);
    expect(found(model, "missing-target")).toEqual([]);
  });

  it("report a capaian the sheet cannot read, naming the text, at the Capaian cell", () => {
    const ind = measuredIndicator(5, { target: 5, actual: 4 }, { name: "Jumlah Dokumen" });
    ind.values.target = numberCell({ row: 5, col: 3, raw: "5 Dokumen", value: 5, readable: true });
    const model = modelWith([ind]);
    expect(ind.achievement).toBeNull();
    const f = found(model, "achievement-uncomputable");
    expect(f.map((x) => [x.cell, x.params["messageKey"]])).toEqual([
      ["'Target & Realisasi'!F6", "checks.uncomputable.targetText"],
    ]);
    expect(f[0]?.message).toContain('"5 Dokumen"');
  });

  it("list an indicator whose polarity was assumed once, at its blank Polaritas cell", () => {
    const assumed = measuredIndicator(5, { target: 4, actual: 3 }, { name: "Jumlah Dokumen" });
    const stated = measuredIndicator(
      6,
      { target: 4, actual: 3 },
      { name: "Jumlah Kasus", polarity: "lower", polarityAssumed: false }
    );
    const model = modelWith([assumed, stated]);
    const f = found(model, "polarity-assumed");
    expect(f.map((x) => [x.severity, x.cell, x.params["messageKey"]])).toEqual([
      ["info", "'Target & Realisasi'!G6", "checks.polarityAssumed.blank"],
    ]);
    expect(f[0]?.message).toMatch(/"naik".*"turun"/);
  });

  it("point at the indicator's name when the table has no Polaritas column, and not at a word the reader reported", () => {
    const noColumn = measuredIndicator(5, { target: 4, actual: 3 }, { name: "Jumlah Dokumen" });
    noColumn.measure = measureRow(5, { columns: { name: 1, target: 3, actual: 4 } });
    const unread = measuredIndicator(6, { target: 4, actual: 3 }, { name: "Jumlah Laporan" });
    const model = modelWith([noColumn, unread]);
    model.findings.push({
      rule: "skipped-content",
      severity: "warning",
      sheet: "Target & Realisasi",
      cell: "'Target & Realisasi'!G7",
      code: null,
      message: "…",
      params: {},
    });
    const f = found(model, "polarity-assumed");
    expect(f.map((x) => [x.cell, x.params["messageKey"]])).toEqual([
      ["'Target & Realisasi'!B6", "checks.polarityAssumed.noColumn"],
    ]);
  });

  it("do not report capaian for an indicator without a measure row", () => {
    const model = modelWith([measuredIndicator(5, {}, { name: "Jumlah Dokumen", measure: null })]);
    expect(found(model, "achievement-uncomputable")).toEqual([]);
  });

  it("report a typed capaian that differs from the computed one, at the Capaian cell", () => {
    // 6.5 against 7, lower is better: 107.14, typed as 92.86 (the higher-is-better mistake)
    const model = modelWith([
      measuredIndicator(
        5,
        { target: 7, actual: 6.5, achievement: 92.86 },
        { name: "Angka Kasus Hukum", polarity: "lower" }
      ),
    ]);
    const f = found(model, "manual-override");
    expect(f.map((x) => [x.cell, x.params["typed"], x.params["computed"]])).toEqual([
      ["'Target & Realisasi'!F6", 92.86, 107.14],
    ]);
  });

  it("accept a typed capaian equal to the computed one, as a fraction too, and any formula", () => {
    const model = modelWith([
      measuredIndicator(5, { target: 3, actual: 2, achievement: 66.67 }, { name: "Jumlah A" }),
      measuredIndicator(6, { target: 3, actual: 2, achievement: 66.666 }, { name: "Jumlah B" }),
      measuredIndicator(7, { target: 4, actual: 3, achievement: 0.75 }, { name: "Jumlah C" }),
      measuredIndicator(
        8,
        { target: 4, actual: 3, achievement: 12, achievementFormula: "=E9/D9*100" },
        { name: "Jumlah D" }
      ),
    ]);
    expect(found(model, "manual-override")).toEqual([]);
  });
});
