/** Parsing the addresses Office.js returns ("'My Sheet'!B3:D10"). */
import type { CellRange } from "../../core/grid";
import { columnIndex } from "../../core/address";

/** The 0-based rectangle of an Office.js address, sheet part ignored; null when unreadable. */
export function rangeOfAddress(address: string): CellRange | null {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(local.trim());
  if (!m || !m[1] || !m[2]) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
