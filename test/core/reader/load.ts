/** Reads a reader fixture both ways: the .xlsx file (merges known) and the bare grid (no merges). */
import * as path from "path";
import { readXlsxFile } from "../../../src/hosts/xlsx";
import { readWorkbook } from "../../../src/core/reader";
import type { WorkbookGrids } from "../../../src/core/grid";
import { FakeExcelHost } from "../../../src/hosts/fake-excel";
import { readWorkbookGrids } from "../../../src/hosts/office";
import type { ColumnMapping, ConditionNode, CsfModel, Indicator } from "../../../src/core/model";
import { gridsOf, type Fixture } from "../../fixtures/reader/fixtures";

export type Variant = "xlsx file with merges" | "grid without merge info";

/** The model of the fixture read from its .xlsx file and from its literal grid without merges. */
export async function readBoth(f: Fixture): Promise<[Variant, CsfModel][]> {
  const file = await readXlsxFile(path.join(__dirname, "../../fixtures/reader", f.file));
  return [
    ["xlsx file with merges", readWorkbook(file, { file: f.file })],
    ["grid without merge info", readWorkbook(gridsOf(f, false), { file: f.file })],
  ];
}

/** The node with this id, failing the test when absent. */
export function nodeById(model: CsfModel, id: string): ConditionNode {
  const n = model.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id} in ${model.nodes.map((x) => x.id).join(", ")}`);
  return n;
}

/** code, name, depth, level, parent of each node, in reading order. */
export function outline(model: CsfModel): [string | null, string, number, string, string | null][] {
  return model.nodes.map((n) => [n.code, n.name, n.depth, n.level, n.parent]);
}

/** The indicator with this name anywhere in the model (orphans included). */
export function indicatorNamed(model: CsfModel, name: string): Indicator {
  const all = [
    ...model.nodes.flatMap((n) => n.indicators),
    ...model.orphans.map((o) => o.indicator),
  ];
  const i = all.find((x) => x.name === name);
  if (!i) throw new Error(`no indicator ${name}`);
  return i;
}

export type Way =
  | "package reader, merges known"
  | "Office host, ExcelApi 1.13 (merges known)"
  | "Office host, ExcelApi 1.7 (no merges)"
  | "grid without merge info";

/**
 * The fixture's model read every way a workbook reaches the reader: its .xlsx file through the
 * package reader (the command line), the same workbook through the Office host over the fake
 * Excel with and without merged areas (ExcelApi 1.13 and 1.7), and the literal grid without merges.
 */
export async function readAllWays(
  f: Fixture,
  opts: { year?: number | null; mappings?: ColumnMapping[] } = {}
): Promise<[Way, CsfModel][]> {
  const file = await readXlsxFile(path.join(__dirname, "../../fixtures/reader", f.file));
  const read = (grids: WorkbookGrids) => readWorkbook(grids, { file: f.file, ...opts });
  const throughOffice = async (maxApi: string) => {
    new FakeExcelHost(file, { maxApi }).install();
    return read(await readWorkbookGrids());
  };
  return [
    ["package reader, merges known", read(file)],
    ["Office host, ExcelApi 1.13 (merges known)", await throughOffice("1.13")],
    ["Office host, ExcelApi 1.7 (no merges)", await throughOffice("1.7")],
    ["grid without merge info", read(gridsOf(f, false))],
  ];
}
