/** Rules on the cascade itself: codes, parents, numbering, names, sections, the outcome. */
import type { Finding } from "../findings";
import type { ConditionNode, CsfModel } from "../model";
import type { RuleContext } from "./context";
import { firstWord, nameKey } from "./text";

/** Display form of a node's code for messages ("?" when the workbook gives none). */
export function codeOf(node: ConditionNode): string {
  return node.code ?? "?";
}

/** Two or more conditions with different names under one code. The first keeps it; the others are reported. */
export function duplicateCode(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const firstByCode = new Map<string, ConditionNode>();
  for (const node of model.nodes) {
    if (node.code === null) continue;
    const first = firstByCode.get(node.code);
    if (!first) {
      firstByCode.set(node.code, node);
      continue;
    }
    if (nameKey(first.name) === nameKey(node.name)) continue;
    out.push(
      ctx.finding("duplicate-code", "error", node.cell, node.code, "checks.duplicateCode", {
        code: node.code,
        name: node.name,
        otherName: first.name,
        otherCell: first.cell,
      })
    );
  }
  return out;
}

/** Conditions whose parent code does not exist, and indicator rows tied to no condition. */
export function orphans(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const node of model.nodes) {
    if (node.parent === null || node.parentId !== null) continue;
    out.push(
      ctx.finding("orphan", "error", node.cell, node.code, "checks.orphanCondition", {
        code: codeOf(node),
        name: node.name,
        parent: node.parent,
      })
    );
  }
  for (const o of model.orphans) {
    const refers = o.refersTo ? ctx.msg("checks.orphanRefers", { refersTo: o.refersTo }) : "";
    out.push(
      ctx.finding("orphan", "error", o.indicator.cell, o.refersTo, "checks.orphanIndicator", {
        indicator: o.indicator.name,
        refersTo: o.refersTo ?? "",
        refers,
      })
    );
  }
  return out;
}

/** The nodes by id (a loop: no [id, node] pair per node). */
function nodesById(model: CsfModel): Map<string, ConditionNode> {
  const byId = new Map<string, ConditionNode>();
  for (const n of model.nodes) byId.set(n.id, n);
  return byId;
}

/** "2.1" listed under "1.2": a child's code must be its parent's code plus one number. */
export function codeParentMismatch(model: CsfModel, ctx: RuleContext): Finding[] {
  const byId = nodesById(model);
  const out: Finding[] = [];
  for (const node of model.nodes) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (!parent || node.code === null || parent.code === null) continue;
    if (extendsCode(node.code, parent.code)) continue;
    out.push(
      ctx.finding(
        "code-parent-mismatch",
        "error",
        node.cell,
        node.code,
        "checks.codeParentMismatch",
        {
          code: node.code,
          name: node.name,
          parent: parent.code,
        }
      )
    );
  }
  return out;
}

/** `child` is `parent` plus one more segment (as comparing their "."-split segments would say). */
export function extendsCode(child: string, parent: string): boolean {
  return (
    child.length > parent.length &&
    child.charCodeAt(parent.length) === 46 &&
    child.startsWith(parent) &&
    child.indexOf(".", parent.length + 1) < 0
  );
}

/** The last "."-separated segment of a code. */
function lastSegment(code: string): string {
  return code.slice(code.lastIndexOf(".") + 1);
}

/**
 * Siblings that skip a number or do not start at 1. Only children whose code properly extends
 * the parent's take part (a wrong code is code-parent-mismatch's business). One finding per
 * missing number, at the first sibling after the gap.
 */
export function numberingGap(model: CsfModel, ctx: RuleContext): Finding[] {
  const byId = nodesById(model);
  const groups = new Map<string, ConditionNode[]>();
  for (const node of model.nodes) {
    if (node.code === null) continue;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    let key: string;
    if (parent) {
      if (parent.code === null || !extendsCode(node.code, parent.code)) continue;
      key = parent.code;
    } else if (node.parent === null && !node.code.includes(".")) {
      key = "";
    } else continue;
    const list = groups.get(key) ?? [];
    list.push(node);
    groups.set(key, list);
  }
  const out: Finding[] = [];
  for (const [parentCode, kids] of groups) {
    const numbered = kids
      .map((k) => ({ node: k, n: Number(lastSegment(k.code ?? "")) }))
      .filter((x) => Number.isInteger(x.n) && x.n > 0)
      .sort((a, b) => a.n - b.n);
    const present = new Set(numbered.map((x) => x.n));
    const max = numbered[numbered.length - 1]?.n ?? 0;
    for (let n = 1; n < max; n++) {
      if (present.has(n)) continue;
      const after = numbered.find((x) => x.n > n);
      if (!after) continue;
      const missing = parentCode === "" ? String(n) : `${parentCode}.${n}`;
      const key = parentCode === "" ? "checks.numberingGapTop" : "checks.numberingGap";
      out.push(
        ctx.finding("numbering-gap", "warning", after.node.cell, after.node.code, key, {
          parent: parentCode,
          missing,
        })
      );
    }
  }
  return out;
}

/**
 * One code, different names: every mention whose name differs (case, spacing and punctuation
 * aside) from the name the condition was first listed with, once per distinct name.
 */
export function nameMismatch(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const node of model.nodes) {
    if (node.code === null) continue;
    let seen: Set<string> | null = null; // made when a mention names it otherwise
    for (const m of node.mentions) {
      if (m.code !== null && m.code !== node.code) continue;
      // The first name's own key is already seen; an empty name (a Kode cell) has key "".
      if (m.name === node.name || m.name === "") continue;
      seen ??= new Set([nameKey(node.name)]);
      const key = nameKey(m.name);
      if (key === "" || seen.has(key)) continue;
      seen.add(key);
      out.push(
        ctx.finding("name-mismatch", "warning", m.cell, node.code, "checks.nameMismatch", {
          code: node.code,
          name: node.name,
          nameCell: node.cell,
          other: m.name,
        })
      );
    }
  }
  return out;
}

/** A condition without any indicator. */
export function noIndicator(model: CsfModel, ctx: RuleContext): Finding[] {
  return model.nodes
    .filter((n) => n.indicators.length === 0)
    .map((n) =>
      ctx.finding(
        "no-indicator",
        "warning",
        n.sectionCell ?? n.cell,
        n.code,
        "checks.noIndicator",
        {
          code: codeOf(n),
          name: n.name,
        }
      )
    );
}

/** A condition in the tables with no section, when the workbook has sections at all. */
export function noSection(model: CsfModel, ctx: RuleContext): Finding[] {
  if (!model.nodes.some((n) => n.sectionCell !== null)) return [];
  return model.nodes
    .filter((n) => n.sectionCell === null)
    .map((n) =>
      ctx.finding("no-section", "warning", n.cell, n.code, "checks.noSection", {
        code: codeOf(n),
        name: n.name,
      })
    );
}

/** The model has conditions but no outcome. */
export function missingOutcome(model: CsfModel, ctx: RuleContext): Finding[] {
  if (model.outcome !== null && model.outcome.trim() !== "") return [];
  return [ctx.finding("missing-outcome", "error", null, null, "checks.missingOutcome", {})];
}

/** First words of conditions that are done things (operational). */
const DONE = new Set([
  "terlaksananya",
  "terlaksanakannya",
  "dilaksanakannya",
  "tersusunnya",
  "disusunnya",
  "tersedianya",
  "terkelolanya",
  "terselenggaranya",
  "terfasilitasinya",
  "terpenuhinya",
  "terbangunnya",
  "terbentuknya",
  "terdokumentasinya",
  "terdokumentasikannya",
  "terbinanya",
  "terkoordinasinya",
  "tertanganinya",
  "terselesaikannya",
  "terlayaninya",
  "terpeliharanya",
  "terealisasinya",
  "terevaluasinya",
  "termonitornya",
  "terdatanya",
  "tersalurkannya",
  "tersosialisasikannya",
  "ditetapkannya",
  "tersampaikannya",
  "terlaporkannya",
  "terintegrasinya",
  "terimplementasinya",
  "diterapkannya",
]);

/** First words of conditions that are states (outcome, CSF, antara). */
const STATE = new Set([
  "meningkatnya",
  "menurunnya",
  "terwujudnya",
  "tercapainya",
  "membaiknya",
  "berkurangnya",
  "bertambahnya",
  "terjaminnya",
  "terjaganya",
  "menguatnya",
  "terkendalinya",
  "stabilnya",
  "optimalnya",
  "meluasnya",
  "tumbuhnya",
  "berkembangnya",
]);

/**
 * Operational conditions are done things (Terlaksananya …); the outcome, CSF and antara are
 * states (Meningkatnya …, Terwujudnya …). Unknown first words of an antara are left alone;
 * of an operational condition they are noted (typos such as "Terlaksannya" included).
 * Info only: wording, not structure.
 */
export function levelNaming(model: CsfModel, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  if (model.outcome && isDoneOnly(firstWord(model.outcome))) {
    out.push(
      ctx.finding("level-naming", "info", model.outcomeCell, null, "checks.levelNaming.state", {
        level: ctx.msg("checks.levelNaming.outcome"),
        code: "",
        name: model.outcome,
      })
    );
  }
  for (const node of model.nodes) {
    const w = firstWord(node.name);
    if (w === "") continue;
    if (node.level === "operasional") {
      if (DONE.has(w)) continue;
      out.push(
        ctx.finding(
          "level-naming",
          "info",
          node.cell,
          node.code,
          "checks.levelNaming.operasional",
          {
            code: codeOf(node),
            name: node.name,
          }
        )
      );
    } else if (isDoneOnly(w)) {
      const level = node.level === "csf" ? "checks.levelNaming.csf" : "checks.levelNaming.antara";
      out.push(
        ctx.finding("level-naming", "info", node.cell, node.code, "checks.levelNaming.state", {
          level: ctx.msg(level),
          code: codeOf(node),
          name: node.name,
        })
      );
    }
  }
  return out;
}

function isDoneOnly(word: string): boolean {
  return DONE.has(word) && !STATE.has(word);
}
