/** The reader: workbook grids → CSF model. (Stub: implemented by the reader work.) */
import type { WorkbookGrids } from "../grid";
import type { CsfModel } from "../model";
import type { Lang } from "../messages";

export interface ReadOptions {
  lang?: Lang;
  /** File name recorded in the model. */
  file?: string | null;
}

/**
 * Read every sheet of the workbook into the CSF model. Never throws on odd input:
 * what cannot be placed becomes a `skipped-content` finding in `model.findings`.
 */
export function readWorkbook(_wb: WorkbookGrids, _opts: ReadOptions = {}): CsfModel {
  throw new Error("readWorkbook: not implemented yet");
}
