/** The pohon kinerja sheet. (Stub: implemented by the tree work.) */
import type { WorkbookGrids } from "../grid";
import type { CsfModel } from "../model";
import type { Finding } from "../findings";
import type { SheetPlan } from "../plan";
import type { Settings } from "../settings";

/** The "Pohon Kinerja" sheet plan: boxes in merged cells, linked to their source cells. */
export function planTree(
  _model: CsfModel,
  _findings: readonly Finding[],
  _wb: WorkbookGrids,
  _settings: Settings
): SheetPlan {
  throw new Error("planTree: not implemented yet");
}
