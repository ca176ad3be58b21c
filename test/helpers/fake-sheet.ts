/** The fake Excel host's sheets as Excel would show them, for comparing two ways of writing. */
import type { FakeSheet } from "../../src/hosts/fake-excel/state";

/**
 * A sheet as Excel would show it: each cell's value, formula, number format and format
 * properties, each grid line's border (the line under a cell is the line over the next one),
 * row heights, column widths, merges, links and rules; the last write of each wins.
 */
export function resolved(s: FakeSheet): Record<string, unknown> {
  const cells = new Map<string, Record<string, unknown>>();
  const lines = new Map<string, Record<string, unknown>>();
  const rows = new Map<number, unknown>();
  const cols = new Map<number, unknown>();
  const put = (map: Map<string, Record<string, unknown>>, at: string, k: string, v: unknown) => {
    const entry = map.get(at) ?? {};
    entry[k] = v;
    map.set(at, entry);
  };
  for (const f of s.formats) {
    const { top, left, bottom, right } = f.range;
    const border = /^borders\.(\w+)\.(\w+)$/.exec(f.path);
    if (f.path === "rowHeight") for (let r = top; r <= bottom; r++) rows.set(r, f.value);
    else if (f.path === "columnWidth") for (let c = left; c <= right; c++) cols.set(c, f.value);
    else if (border) {
      const [, index, prop = ""] = border;
      const across = (r: number) => {
        for (let c = left; c <= right; c++) put(lines, `h${r},${c}`, prop, f.value);
      };
      const down = (c: number) => {
        for (let r = top; r <= bottom; r++) put(lines, `v${r},${c}`, prop, f.value);
      };
      if (index === "EdgeTop") across(top - 1);
      else if (index === "EdgeBottom") across(bottom);
      else if (index === "EdgeLeft") down(left - 1);
      else if (index === "EdgeRight") down(right);
      else if (index === "InsideHorizontal") for (let r = top; r < bottom; r++) across(r);
      else if (index === "InsideVertical") for (let c = left; c < right; c++) down(c);
      else throw new Error(`unexpected border ${index}`);
    } else
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) put(cells, `${r},${c}`, f.path, f.value);
  }
  const sorted = <T>(m: Map<string | number, T>) =>
    [...m.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
  const byPlace = (a: { top: number; left: number }, b: { top: number; left: number }) =>
    a.top - b.top || a.left - b.left;
  return {
    name: s.name,
    values: s.values,
    formulas: s.formulas,
    numberFormats: s.numberFormats,
    cells: sorted(cells),
    lines: sorted(lines),
    rows: sorted(rows),
    cols: sorted(cols),
    merges: [...s.merges].sort(byPlace),
    hyperlinks: [...s.hyperlinks].sort((a, b) => a.row - b.row || a.col - b.col),
    conditionalFormats: s.conditionalFormats,
    freeze: s.freeze,
    tabColor: s.tabColor,
  };
}
