/** The pohon kinerja sheet: a linked, printable tree drawn in cells. */
import type { WorkbookGrids } from "../grid";
import type { CsfModel } from "../model";
import type { Finding } from "../findings";
import type { SheetPlan } from "../plan";
import type { Settings } from "../settings";
import { buildTreeLayout, buildTreePlan, type PohonLayout } from "./plan";

export { layoutTree, pageBreaks, SLOT_COLS, BOX_COLS } from "./layout";
export type { LayoutNode, BoxPlacement, TreeLayout } from "./layout";
export type { PohonLayout } from "./plan";

/**
 * The tree laid out, before it is drawn: each box's content (its texts as live formulas and its
 * lines) and its place on the sheet, the connectors, the rows' heights and where pages break.
 * `drawTree` turns it into the sheet plan; `planTree` does both.
 */
export function layoutPohon(
  model: CsfModel,
  findings: readonly Finding[],
  wb: WorkbookGrids,
  settings: Settings
): PohonLayout {
  return buildTreeLayout(model, findings, wb, settings);
}

/** The sheet plan of a laid-out tree (see `planTree`). */
export function drawTree(laidOut: PohonLayout): SheetPlan {
  return buildTreePlan(laidOut);
}

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
  return buildTreePlan(buildTreeLayout(model, findings, wb, settings));
}
