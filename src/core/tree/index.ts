/** The pohon kinerja sheet: a linked, printable tree drawn in cells. */
import type { WorkbookGrids } from "../grid";
import type { CsfModel } from "../model";
import type { Finding } from "../findings";
import type { SheetPlan } from "../plan";
import type { Settings } from "../settings";
import { buildTreePlan } from "./plan";

export { layoutTree, pageBreaks, SLOT_COLS, BOX_COLS } from "./layout";
export type { LayoutNode, BoxPlacement, TreeLayout } from "./layout";

/**
 * The "Pohon Kinerja" sheet plan: one box per condition in merged cells (outcome at the top,
 * the deepest level stacked under its parent), connectors as cell borders, every text and number
 * a formula on its source cell, each box's code a link to its source. Conditions with error
 * findings carry a red "⚠ n" marker; conditions that cannot be placed go on a "Tidak terhubung"
 * shelf. The sheet takes the name "Pohon Kinerja" unless a user's own sheet has it (then
 * "Pohon Kinerja (2)", …) and starts with the generated-sheet marker in A1.
 */
export function planTree(
  model: CsfModel,
  findings: readonly Finding[],
  wb: WorkbookGrids,
  settings: Settings
): SheetPlan {
  return buildTreePlan(model, findings, wb, settings);
}
