/** The round trip of one workbook file: read it, write its kertas kerja, read that on its own. */
import * as fs from "fs";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { readWorkbook } from "../../../src/core/reader";
import { indicatorLine, planKertasKerja } from "../../../src/core/kertas-kerja";
import { withDefaults } from "../../../src/core/settings";
import type { WorkbookGrids } from "../../../src/core/grid";
import type { CsfModel } from "../../../src/core/model";
import { planToGrids } from "../../helpers/plan-to-grids";
import { essence } from "./essence";

async function load(file: string): Promise<WorkbookGrids> {
  if (file.endsWith(".json")) return JSON.parse(fs.readFileSync(file, "utf8")) as WorkbookGrids;
  return readXlsxFile(file);
}

/** Asserts that the kertas kerja of `file` reads back to the file's model; returns that model. */
export async function expectRoundTrip(file: string): Promise<CsfModel> {
  const wb = await load(file);
  const model = readWorkbook(wb);
  const plan = planKertasKerja(model, wb, withDefaults({ year: 2024 }));
  const back = readWorkbook(planToGrids(plan));

  if (model.nodes.length > 0) expect(back.sheetsRead).toEqual([plan.sheet]);
  expect(back.outcome).toBe(model.outcome);
  // The title block writes the organisation in capitals.
  expect(back.organisation?.toUpperCase() ?? null).toBe(model.organisation?.toUpperCase() ?? null);
  expect(essence(back)).toEqual(essence(model));
  // The indicator line is written from the indicators, so it reads back consistent.
  for (const n of back.nodes) {
    if (n.indicators.length > 0) expect(n.indicatorLine).toBe(indicatorLine(n.indicators, "id"));
  }
  return model;
}
