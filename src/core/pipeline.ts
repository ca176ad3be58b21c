/** The jobs, composed from the core pieces; used by the CLI and the task pane alike. */
import type { WorkbookGrids } from "./grid";
import type { CsfModel } from "./model";
import type { Finding } from "./findings";
import { sortFindings } from "./findings";
import { withinExcelLimits, type WritePlan, type SheetPlan } from "./plan";
import type { Settings } from "./settings";
import { readWorkbook } from "./reader";
import { applyCapaian } from "./capaian";
import { planFill, type FillOptions } from "./fill";
import { checkModel } from "./checks";
import { planTree } from "./tree";
import { planKertasKerja } from "./kertas-kerja";
import { planFindingsSheet } from "./report";

export interface Analysis {
  model: CsfModel;
  /** Reader findings and rule findings together, sorted by severity. */
  findings: Finding[];
}

/** Read, compute the capaian and check: everything `pokin periksa` reports. */
export function analyse(
  wb: WorkbookGrids,
  settings: Settings,
  file: string | null = null
): Analysis {
  const model = readWorkbook(wb, {
    lang: settings.lang,
    file,
    year: settings.year,
    mappings: settings.mappings,
  });
  applyCapaian(model);
  const findings = [...model.findings, ...checkModel(model, wb, { lang: settings.lang })];
  return { model, findings: sortFindings(findings) };
}

export type Job = "fill" | "tree" | "kertas-kerja" | "report";

/** Every job, in the order `pokin proses` and the pane's "Jalankan semua" run them. */
export const ALL_JOBS: readonly Job[] = ["fill", "tree", "kertas-kerja", "report"];

/**
 * The plan for one or more jobs on the same analysis. The fill's own findings
 * (manual-override, fill-blocked) are added to the analysis' findings before the
 * "Hasil Pemeriksaan" sheet is planned, so that sheet lists them too.
 */
export function planJobs(
  wb: WorkbookGrids,
  analysis: Analysis,
  settings: Settings,
  jobs: readonly Job[],
  fillOptions: FillOptions = {}
): { plan: WritePlan; findings: Finding[] } {
  const sheets: SheetPlan[] = [];
  let findings = analysis.findings;
  if (jobs.includes("fill")) {
    const fill = planFill(analysis.model, wb, settings, fillOptions);
    sheets.push(...fill.sheets);
    findings = sortFindings(mergeFindings(findings, fill.findings));
  }
  if (jobs.includes("tree")) sheets.push(planTree(analysis.model, findings, wb, settings));
  if (jobs.includes("kertas-kerja")) sheets.push(planKertasKerja(analysis.model, wb, settings));
  if (jobs.includes("report"))
    sheets.push(planFindingsSheet(findings, analysis.model, wb, settings.lang));
  return { plan: withinExcelLimits({ sheets }), findings };
}

/** Add findings not already present (same rule and cell). */
function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const seen = new Set(a.map((f) => `${f.rule}|${f.cell}`));
  return [...a, ...b.filter((f) => !seen.has(`${f.rule}|${f.cell}`))];
}
