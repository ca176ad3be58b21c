/** The pane's state and every change to it, as a pure reducer. */
import {
  type Finding,
  type Severity,
  countBySeverity,
  type CsfModel,
  type Level,
  type UnplacedTable,
  allIndicators,
  type Settings,
  type Lang,
  ruleName,
  type WrittenSheet,
  type Fix,
  type FixRecord,
  cellRef,
  type ActionId,
} from "../core";

export type BusyWith = ActionId | "new" | "settings" | "prefill" | "fix" | "undo";

export interface Summary {
  outcome: string | null;
  conditions: Record<Level, number>;
  indicators: number;
  bySeverity: Record<Severity, number>;
}

/** What the workbook itself says of the settings, to suggest them (the user's setting wins). */
export interface WorkbookFacts {
  organisation: string | null;
  year: number | null;
}

/** The result bar: its colour follows what was found; `written` names each sheet written. */
export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  text: string;
  written: WrittenSheet[];
}

export interface PaneState {
  lang: Lang;
  settings: Settings;
  busy: BusyWith | null;
  progress: { done: number; total: number } | null;
  summary: Summary | null;
  findings: Finding[];
  filter: { text: string; severity: Severity | "all" };
  /** Index of the current finding in the filtered list. */
  current: number | null;
  replaceOverrides: boolean;
  error: string | null;
  notice: Notice | null;
  /** From the last read of the workbook; null until it has been read. */
  workbook: WorkbookFacts | null;
  /** Perbaiki: the fixes of the findings shown, the user's picks and what is being confirmed. */
  fixes: FixState;
  /** The tables the last read could not place, and the one whose columns the user is mapping. */
  unplaced: UnplacedTable[];
  mapping: UnplacedTable | null;
}

export interface FixState {
  /** The fixes for the findings shown, from the same read. */
  planned: Fix[];
  /** The user's pick for fixes with a choice, by fix id. */
  choices: Record<string, number>;
  /** Ids of the fixes the user is asked to confirm, or null. */
  confirming: string[] | null;
  /** The last fixes applied, which Batalkan puts back; kept in the workbook. */
  last: FixRecord | null;
  /** Actions remaking the add-in's sheets whose content the last fix changed. */
  remake: ActionId[];
}

export type PaneAction =
  | { type: "start"; busy: BusyWith }
  | { type: "progress"; done: number; total: number }
  | {
      type: "analysed";
      summary: Summary;
      findings: Finding[];
      workbook: WorkbookFacts;
      notice: Notice;
      unplaced?: UnplacedTable[];
    }
  | { type: "done"; notice: Notice | null }
  | { type: "workbook"; workbook: WorkbookFacts }
  | { type: "failed"; message: string }
  | { type: "dismissError" }
  | { type: "dismissNotice" }
  | { type: "filterText"; text: string }
  | { type: "filterSeverity"; severity: Severity | "all" }
  | { type: "step"; delta: 1 | -1 }
  | { type: "select"; index: number }
  | { type: "replaceOverrides"; value: boolean }
  | { type: "settings"; settings: Settings }
  | { type: "mapTable"; table: UnplacedTable | null }
  | FixAction;

export type FixAction =
  | { type: "fixesPlanned"; fixes: Fix[] }
  | { type: "confirmFixes"; ids: string[] }
  | { type: "cancelFixes" }
  | { type: "chooseFix"; id: string; index: number }
  | { type: "fixed"; record: FixRecord; remake: ActionId[] }
  | { type: "undone"; remake: ActionId[] }
  | { type: "remade"; action: ActionId };

export function initialState(settings: Settings): PaneState {
  return {
    lang: settings.lang,
    settings,
    busy: null,
    progress: null,
    summary: null,
    findings: [],
    filter: { text: "", severity: "all" },
    current: null,
    replaceOverrides: false,
    error: null,
    notice: null,
    workbook: null,
    fixes: { planned: [], choices: {}, confirming: null, last: null, remake: [] },
    unplaced: [],
    mapping: null,
  };
}

/** The workbook summary shown at the top of the pane. */
export function summarise(model: CsfModel, findings: readonly Finding[]): Summary {
  const conditions: Record<Level, number> = { csf: 0, antara: 0, operasional: 0 };
  for (const n of model.nodes) conditions[n.level]++;
  return {
    outcome: model.outcome,
    conditions,
    indicators: allIndicators(model).length,
    bySeverity: countBySeverity(findings),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings the filter lets through, in the order the list shows them: by severity, then
 * grouped by rule (rules in order of first appearance), so next/previous walk the list as seen.
 * The text filter matches the message, the rule (by name or id), the code and the cell.
 */
export function visibleFindings(state: Pick<PaneState, "findings" | "filter" | "lang">): Finding[] {
  const text = state.filter.text.trim().toLowerCase();
  const shown = state.findings.filter(
    (f) =>
      (state.filter.severity === "all" || f.severity === state.filter.severity) &&
      (text === "" ||
        [f.message, f.rule, ruleName(f.rule, state.lang), f.code ?? "", f.cell ?? ""].some((s) =>
          s.toLowerCase().includes(text)
        ))
  );
  const firstOfRule = new Map<string, number>();
  shown.forEach((f, i) => {
    if (!firstOfRule.has(f.rule)) firstOfRule.set(f.rule, i);
  });
  return shown
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        (firstOfRule.get(a.f.rule) ?? 0) - (firstOfRule.get(b.f.rule) ?? 0) ||
        a.i - b.i
    )
    .map((x) => x.f);
}

/** The finding the user is on, or null when none is chosen. */
export function currentFinding(state: PaneState): Finding | null {
  return state.current === null ? null : (visibleFindings(state)[state.current] ?? null);
}

export function reducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "start":
      return { ...state, busy: action.busy, progress: null, error: null, notice: null };
    case "progress":
      return { ...state, progress: { done: action.done, total: action.total } };
    case "analysed":
      return {
        ...state,
        busy: null,
        progress: null,
        summary: action.summary,
        findings: action.findings,
        workbook: action.workbook,
        current: null,
        notice: action.notice,
        fixes: { ...state.fixes, planned: [], confirming: null },
        unplaced: action.unplaced ?? [],
      };
    case "done":
      return { ...state, busy: null, progress: null, notice: action.notice };
    case "workbook":
      return { ...state, busy: null, progress: null, workbook: action.workbook };
    case "failed":
      // A refused fix closes its dialog, so the message saying why is not behind it.
      return {
        ...state,
        busy: null,
        progress: null,
        error: action.message,
        fixes: { ...state.fixes, confirming: null },
        mapping: null,
      };
    case "dismissError":
      return { ...state, error: null };
    case "dismissNotice":
      return { ...state, notice: null };
    case "filterText":
      return { ...state, filter: { ...state.filter, text: action.text }, current: null };
    case "filterSeverity":
      return { ...state, filter: { ...state.filter, severity: action.severity }, current: null };
    case "step": {
      const n = visibleFindings(state).length;
      if (n === 0) return { ...state, current: null };
      const from = state.current ?? (action.delta === 1 ? -1 : 0);
      return { ...state, current: (((from + action.delta) % n) + n) % n };
    }
    case "select":
      return { ...state, current: action.index };
    case "replaceOverrides":
      return { ...state, replaceOverrides: action.value };
    case "settings":
      return { ...state, settings: action.settings, lang: action.settings.lang };
    case "mapTable":
      return { ...state, mapping: action.table };
    default:
      return { ...state, fixes: fixReducer(state.fixes, action) };
  }
}

/** The Perbaiki part of the state. */
function fixReducer(state: FixState, action: FixAction): FixState {
  switch (action.type) {
    case "fixesPlanned":
      return { ...state, planned: action.fixes };
    case "confirmFixes":
      return { ...state, confirming: action.ids };
    case "cancelFixes":
      return { ...state, confirming: null };
    case "chooseFix":
      return { ...state, choices: { ...state.choices, [action.id]: action.index } };
    case "fixed":
      return { ...state, confirming: null, last: action.record, remake: action.remake };
    case "undone":
      return { ...state, last: null, remake: action.remake };
    case "remade":
      return { ...state, remake: state.remake.filter((a) => a !== action.action) };
  }
}

/** The table an unplaced-table finding is about (its cell is the table's first header cell). */
export function unplacedOf(state: PaneState, finding: Finding): UnplacedTable | null {
  if (finding.rule !== "unplaced-table") return null;
  return (
    state.unplaced.find(
      (u) => finding.sheet === u.sheet && finding.cell === cellRef(u.sheet, u.headerRow, u.firstCol)
    ) ?? null
  );
}

/** The planned fix of each finding that has one (made once per plan, not per finding shown). */
export function fixesByFinding(planned: readonly Fix[]): Map<Finding, Fix> {
  const out = new Map<Finding, Fix>();
  for (const fix of planned) for (const f of fix.findings) if (!out.has(f)) out.set(f, fix);
  return out;
}
