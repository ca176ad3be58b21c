/**
 * Excel's conditionalFormats.add always adds a rule: Isi Capaian run again must replace the
 * add-in's own band rules on the capaian ranges, never add them again, and never touch the
 * user's rules.
 */
import path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import type { ConditionalFormatRecord } from "../../../src/hosts/fake-excel/state";
import { officeHost } from "../../../src/hosts/office";
import { runAction } from "../../../src/core/actions";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { isBandCondition } from "../../../src/core/plan";
import type { WorkbookGrids } from "../../../src/core/grid";

const SAMPLE = path.join(__dirname, "../../../examples/kertas-kerja-setda-luwu-timur.xlsx");

let sample: WorkbookGrids;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
});

function rules(host: FakeExcelHost): ConditionalFormatRecord[] {
  return host.sheet("Target & Realisasi")?.conditionalFormats ?? [];
}

/** The user's own rule on the capaian column, there before the add-in ran. */
const userRule: ConditionalFormatRecord = {
  range: { top: 4, left: 5, bottom: 30, right: 5 },
  type: "Custom",
  formula: "=F5>100",
  fill: "#FF00FF",
};

describe("Isi Capaian's band rules", () => {
  it("are the same after three fills as after one, and the user's rule stays", async () => {
    const host = new FakeExcelHost(sample).install();
    rules(host).push({ ...userRule });
    await runAction("fill", officeHost, DEFAULT_SETTINGS);
    const once = rules(host).map((r) => ({ ...r }));
    expect(once.filter((r) => r.formula && isBandCondition(r.formula)).length).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) await runAction("fill", officeHost, DEFAULT_SETTINGS);
    expect(rules(host)).toEqual(once);
    expect(rules(host).filter((r) => r.formula === userRule.formula)).toHaveLength(1);
  });

  it("follow a change of the bands setting, leaving none of the old ones", async () => {
    const host = new FakeExcelHost(sample).install();
    rules(host).push({ ...userRule });
    await runAction("fill", officeHost, DEFAULT_SETTINGS);
    const two: Settings = {
      ...DEFAULT_SETTINGS,
      bands: [
        { min: 80, label: { id: "Baik", en: "Good" }, fill: "#D9EAD3", fontColor: "#274E13" },
        { min: null, label: { id: "Kurang", en: "Low" }, fill: "#F4CCCC", fontColor: "#990000" },
      ],
    };
    await runAction("fill", officeHost, two);
    const fills = rules(host)
      .filter((r) => r.formula && isBandCondition(r.formula))
      .map((r) => r.fill);
    expect(new Set(fills)).toEqual(new Set(["#F4CCCC", "#D9EAD3"]));
    expect(rules(host).filter((r) => r.formula === userRule.formula)).toHaveLength(1);
  });
});

describe("isBandCondition", () => {
  it("knows the add-in's band conditions and nothing else", () => {
    expect(isBandCondition("=AND(ISNUMBER(F5),F5>=91,F5<1E+15)")).toBe(true);
    expect(isBandCondition("AND(ISNUMBER(AB12),AB12<51)")).toBe(true);
    expect(isBandCondition("=AND(ISNUMBER(F5))")).toBe(true);
    expect(isBandCondition("=F5>100")).toBe(false);
    expect(isBandCondition("=AND(ISNUMBER(F5),G5>=91)")).toBe(false);
    expect(isBandCondition("=AND(ISNUMBER(F5),F50>=91)")).toBe(false);
    expect(isBandCondition("=AND(ISNUMBER(F5),F5>=91,TODAY()>0)")).toBe(false);
  });
});
