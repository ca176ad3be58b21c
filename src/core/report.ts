/** The "Hasil Pemeriksaan" sheet and the multi-workbook laporan. (Stub: implemented by the checks work.) */
import type { WorkbookGrids } from "./grid";
import type { CsfModel } from "./model";
import type { Finding } from "./findings";
import type { SheetPlan, WritePlan } from "./plan";
import type { Lang } from "./messages";

/** One row per finding, its cell reference a hyperlink to the offending cell. */
export function planFindingsSheet(
  _findings: readonly Finding[],
  _model: CsfModel,
  _wb: WorkbookGrids,
  _lang: Lang
): SheetPlan {
  throw new Error("planFindingsSheet: not implemented yet");
}

/** What the laporan needs of one checked workbook. */
export interface WorkbookResult {
  file: string;
  model: CsfModel;
  findings: Finding[];
}

/** The summary workbook of `pokin periksa --laporan`: one row per workbook, one row per finding. */
export function planLaporan(_results: readonly WorkbookResult[], _lang: Lang): WritePlan {
  throw new Error("planLaporan: not implemented yet");
}
