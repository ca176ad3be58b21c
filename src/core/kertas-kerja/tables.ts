/**
 * The kertas kerja's three CSF tables: the CSFs with their causes, then each level's conditions
 * one per row under their parent (the parent merged over its children's rows), in tree order.
 */
import type { ConditionNode } from "../model";
import { t, type Lang } from "../messages";
import { LAST_COL, group, row, type RowSpec, type Unit } from "./layout";

/** A condition's name followed by its code as the tables write it: "Name (CSF 1)", "Name (1.1)". */
export function tableLabel(node: ConditionNode): string {
  if (node.code === null) return node.name;
  return node.level === "csf" ? `${node.name} (CSF ${node.code})` : `${node.name} (${node.code})`;
}

/** A table's header row (written again where the table continues on a new page). */
interface Header {
  header: RowSpec[];
}

/** The CSF tables' column headers: No. | second | third (C:E). */
function csfTableHeader(second: string, third: string, lang: Lang): Header {
  const cells = [
    { col: 0, right: 0, value: t("kertasKerja.col.no", {}, lang) },
    { col: 1, right: 1, value: second },
    { col: 2, right: LAST_COL, value: third },
  ];
  return { header: [row("th", cells, true)] };
}

function headerUnit(header: Header): Unit {
  return { rows: header.header, keepWithNext: true, table: { ...header, isHeader: true } };
}

/** Table 1: No. | Faktor Penyebab | Kondisi yang diperlukan, one row per CSF. */
export function csfTable(csfs: readonly ConditionNode[], lang: Lang): Unit[] {
  const header = csfTableHeader(
    t("kertasKerja.col.cause", {}, lang),
    t("kertasKerja.col.required", {}, lang),
    lang
  );
  const units = [headerUnit(header)];
  csfs.forEach((n, i) => {
    const r = row("td", [
      { col: 0, right: 0, value: `${i + 1}.` },
      { col: 1, right: 1, value: n.cause ?? "" },
      { col: 2, right: LAST_COL, value: tableLabel(n) },
    ]);
    units.push({ rows: [r], table: header });
  });
  return units;
}

/**
 * Tables 2 and 3: `children` (one level's conditions, in tree order) one per row in C:E under
 * their parents, each parent's No. and name in A and B merged over its children's rows on a page.
 * Children whose parent is unknown come first, under an empty parent cell: further down, an
 * empty parent cell reads as "same parent as the row above".
 */
export function cascadeTable(
  children: readonly ConditionNode[],
  byId: ReadonlyMap<string, ConditionNode>,
  level: "antara" | "operasional",
  lang: Lang
): Unit[] {
  const header = csfTableHeader(
    t("kertasKerja.col.csf", {}, lang),
    t(`kertasKerja.col.${level}`, {}, lang),
    lang
  );
  const groups = new Map<string, ConditionNode[]>([["", []]]);
  for (const c of children) {
    const key = c.parentId !== null && byId.has(c.parentId) ? c.parentId : "";
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const units = [headerUnit(header)];
  let no = 0;
  for (const [parentId, kids] of groups) {
    if (kids.length === 0) continue;
    no += 1;
    const parent = byId.get(parentId);
    const g = group([
      { col: 0, right: 0, value: `${no}.` },
      { col: 1, right: 1, value: parent ? tableLabel(parent) : "" },
    ]);
    for (const kid of kids) {
      const r = row("td", [{ col: 2, right: LAST_COL, value: tableLabel(kid) }]);
      units.push({ rows: [r], table: header, group: g });
    }
  }
  return units;
}
