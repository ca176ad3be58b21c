/**
 * What a cell of a sheet plan looks like once every format is applied in order: its font,
 * fill and alignment, and the line on each of its four sides (a range's outline on its edge
 * cells, its inner border between its cells), as a host applies them.
 */
import type { CellStyle, SheetPlan } from "../../../src/core/plan";

export type Side = "top" | "bottom" | "left" | "right";

export interface CellLook {
  style: Omit<CellStyle, "border" | "innerBorder">;
  /** The border style on each side, or absent. */
  borders: Partial<Record<Side, string>>;
}

export function lookAt(plan: SheetPlan, row: number, col: number): CellLook {
  const look: CellLook = { style: {}, borders: {} };
  for (const f of plan.formats) {
    const { top, left, bottom, right } = f.range;
    if (row < top || row > bottom || col < left || col > right) continue;
    const { border, innerBorder, ...rest } = f.style;
    Object.assign(look.style, rest);
    const edge: Record<Side, boolean> = {
      top: row === top,
      bottom: row === bottom,
      left: col === left,
      right: col === right,
    };
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const line = edge[side] ? border?.[side] : innerBorder;
      if (line) look.borders[side] = line.style;
    }
  }
  return look;
}
