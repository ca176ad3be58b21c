/**
 * Workbook files for the tests, through the package host the CLI ships: cells typed into a copy
 * (as a user would before running pokin), and every sheet but one hidden (LibreOffice prints only
 * visible sheets, so a print test shows only the sheet it is about).
 */
import * as fs from "fs";
import type { CellValue } from "../../src/core/grid";
import { emptySheetPlan, type SheetPlan } from "../../src/core/plan";
import { readXlsxPackage, readZip, writePlanToXlsxFile, writeZip } from "../../src/hosts/xlsx";

/** The package at `file` with every sheet but `keep` hidden, written to `out` (default: itself). */
export function onlySheet(file: string, keep: string, out: string = file): void {
  const parts = readZip(fs.readFileSync(file));
  let xml = Buffer.from(parts.get("xl/workbook.xml")!).toString("utf8");
  const index = (xml.match(/<sheet\b[^>]*\/>/g) ?? []).findIndex((t) =>
    t.includes(`name="${keep}"`)
  );
  xml = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    if (tag.includes(`name="${keep}"`)) return tag.replace(/\sstate="[^"]*"/, "");
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    return bare.replace(/\/>$/, ' state="hidden"/>');
  });
  // LibreOffice prints a hidden sheet that has a print area: only `keep` keeps its own.
  xml = xml.replace(
    /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g,
    (m, id: string) => (Number(id) === index ? m : "")
  );
  xml = xml.replace(/activeTab="\d+"/, `activeTab="${index}"`);
  parts.set("xl/workbook.xml", Buffer.from(xml, "utf8"));
  fs.writeFileSync(out, writeZip(parts));
}

/** One cell typed into a sheet (0-based row and column). */
export interface TypedCell {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
}

/** A copy of `input` at `out` with `cells` typed in; every other cell and part untouched. */
export async function withCellsTyped(
  input: string,
  cells: readonly TypedCell[],
  out: string
): Promise<void> {
  const { grids, pkg } = await readXlsxPackage(input);
  const plans = new Map<string, SheetPlan>();
  for (const { sheet, row, col, value } of cells) {
    let plan = plans.get(sheet);
    if (!plan) plans.set(sheet, (plan = emptySheetPlan(sheet, "update")));
    plan.cells.push({ row, col, value });
  }
  await writePlanToXlsxFile(pkg, { sheets: [...plans.values()] }, "id", grids, out);
}
