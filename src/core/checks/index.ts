/** The checks: model → findings. (Stub: implemented by the checks work.) */
import type { WorkbookGrids } from "../grid";
import type { CsfModel } from "../model";
import type { Finding } from "../findings";
import type { Lang } from "../messages";

export interface CheckOptions {
  lang?: Lang;
}

/**
 * Check every condition and indicator of the model. Returns the findings of the rules only
 * (the reader's own findings stay in `model.findings`). Call after `applyAchievements`.
 */
export function checkModel(
  _model: CsfModel,
  _wb: WorkbookGrids,
  _opts: CheckOptions = {}
): Finding[] {
  throw new Error("checkModel: not implemented yet");
}
