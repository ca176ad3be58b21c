/**
 * Two ways to apply a WritePlan to an .xlsx file, behind one interface, so the host tests run
 * against both: the package writer the CLI ships (patch the zip package) and the ExcelJS
 * reference (load, apply, re-serialise), an independent reading of what a plan means.
 */
import type { Lang } from "../../../src/core/messages";
import type { WritePlan } from "../../../src/core/plan";
import { readXlsxPackage, writePlanToXlsxFile } from "../../../src/hosts/xlsx";
import { applyPlan, loadXlsxFile, writeXlsxFile } from "./exceljs";

export interface XlsxHost {
  name: string;
  /** Apply `plan` to the workbook file `input` and write the result to `output`. */
  applyFile(input: string, plan: WritePlan, output: string, lang?: Lang): Promise<void>;
}

export const excelJsHost: XlsxHost = {
  name: "ExcelJS reference",
  async applyFile(input, plan, output, lang = "id") {
    const wb = await loadXlsxFile(input, lang);
    applyPlan(wb, plan, lang);
    await writeXlsxFile(wb, output);
  },
};

export const packageHost: XlsxHost = {
  name: "package writer",
  async applyFile(input, plan, output, lang = "id") {
    // As pokin does: the package reader's grids and parts.
    const { grids, pkg } = await readXlsxPackage(input, { lang });
    await writePlanToXlsxFile(pkg, plan, lang, grids, output);
  },
};

export const HOSTS: readonly XlsxHost[] = [excelJsHost, packageHost];
