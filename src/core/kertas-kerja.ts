/** The kertas kerja document sheet. (Stub: implemented by the kertas kerja work.) */
import type { WorkbookGrids } from "./grid";
import type { CsfModel } from "./model";
import type { SheetPlan } from "./plan";
import type { Settings } from "./settings";

/** The "Kertas Kerja" sheet plan, written from the model in the seed's layout. */
export function planKertasKerja(
  _model: CsfModel,
  _wb: WorkbookGrids,
  _settings: Settings
): SheetPlan {
  throw new Error("planKertasKerja: not implemented yet");
}
