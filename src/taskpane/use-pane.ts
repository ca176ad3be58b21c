/**
 * The pane's behaviour: the reducer's state plus the commands that talk to the host. Components
 * get `state` and call `commands`; every state change goes through the tested reducer.
 */
import * as React from "react";
import {
  cellRef,
  type WorkbookGrids,
  type ColumnMapping,
  type CsfModel,
  type Finding,
  type UnplacedTable,
  mappingCounts,
  readWorkbook,
  withMapping,
  withoutOutdated,
  type Settings,
  workbookYear,
  t,
  addBlankKertasKerja,
  runAction,
  type ActionId,
  type ActionOutcome,
} from "../core";
import { errorMessage } from "../hosts/office/errors";
import type { PaneHost } from "./host";
import { actionNotice } from "./notice";
import {
  currentFinding,
  initialState,
  reducer,
  summarise,
  type BusyWith,
  type PaneAction,
  type PaneState,
  type WorkbookFacts,
} from "./reducer";
import { applyFixes, fixesOf, remakeActions, undoFixes } from "./fixes";

export interface PaneCommands {
  run(action: ActionId): Promise<void>;
  /** Perbaiki: ask to confirm these fixes, pick a fix's option, apply, undo the last. */
  askFix(ids: string[]): void;
  chooseFix(id: string, index: number): void;
  applyFixes(): Promise<void>;
  undoFix(): Promise<void>;
  addBlank(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  setCleanPrint(value: boolean): Promise<void>;
  /** Read the workbook for the settings' suggestions, once, when nothing has read it yet. */
  prefill(): Promise<void>;
  select(index: number): void;
  step(delta: 1 | -1): void;
  /** Take the user to a sheet the add-in wrote. */
  openSheet(sheet: string): void;
  /** Open (a table) or close (null) the column mapping dialog. */
  mapTable(table: UnplacedTable | null): void;
  /** The conditions and indicators the last read workbook gives with this mapping. */
  countMapping(mapping: ColumnMapping): { conditions: number; indicators: number };
  /** Keep the mapping in the workbook's settings and check the workbook again with it. */
  saveMapping(mapping: ColumnMapping): Promise<void>;
  /** Remove the saved mapping a mapping-outdated finding is about, and check again. */
  dropMapping(finding: Finding): Promise<void>;
  dispatch(action: PaneAction): void;
}

/** The starting state with the last fixes the workbook keeps (Batalkan survives a reload). */
function withLastFix(state: PaneState, host: PaneHost): PaneState {
  return { ...state, fixes: { ...state.fixes, last: host.loadLastFix() } };
}

function facts(model: CsfModel, grids: WorkbookGrids): WorkbookFacts {
  return { organisation: model.organisation, year: workbookYear(grids) };
}

/** What every command needs: the host, the reducer's dispatch and the latest state. */
interface CommandContext {
  host: PaneHost;
  dispatch: React.Dispatch<PaneAction>;
  latest: React.MutableRefObject<PaneState>;
  /** The last action's outcome: fixes are planned (again, when a pick changes) from its read. */
  outcome: React.MutableRefObject<ActionOutcome | null>;
}

/** The helpers the commands share: showing failures, progress, busy marking, running an action. */
function commandHelpers(ctx: CommandContext) {
  const { host, dispatch, latest, outcome } = ctx;
  const fail = (e: unknown) =>
    dispatch({ type: "failed", message: errorMessage(e, latest.current.lang) });
  const onProgress = (done: number, total: number) => dispatch({ type: "progress", done, total });

  /** Mark the pane busy with `busy` while `work` runs; its failure is shown, never swallowed. */
  const busyWith = async (busy: BusyWith, work: () => Promise<void>) => {
    dispatch({ type: "start", busy });
    try {
      await work();
    } catch (e) {
      fail(e);
    }
  };

  /** Run `action`, show what it found (after `before`, what led to it) and plan the fixes. */
  const runAndShow = async (action: ActionId, before = "") => {
    const { settings, replaceOverrides, lang } = latest.current;
    const out = await runAction(action, host, settings, { replaceOverrides, onProgress });
    outcome.current = out;
    const notice = actionNotice(out, lang);
    if (before !== "") notice.text = `${before} ${notice.text}`;
    dispatch({
      type: "analysed",
      summary: summarise(out.analysis.model, out.findings),
      findings: out.findings,
      workbook: facts(out.analysis.model, out.grids),
      notice,
      unplaced: out.analysis.model.unplaced,
    });
    dispatch({ type: "fixesPlanned", fixes: fixesOf(out, latest.current.fixes.choices, lang) });
  };

  return { fail, onProgress, busyWith, runAndShow };
}

type Helpers = ReturnType<typeof commandHelpers>;

/** Perbaiki: confirm, pick an option, apply and undo, each checked again afterwards. */
function fixCommands(
  ctx: CommandContext,
  { onProgress, busyWith, runAndShow }: Helpers
): Pick<PaneCommands, "askFix" | "chooseFix" | "applyFixes" | "undoFix"> {
  const { host, dispatch, latest, outcome } = ctx;
  return {
    askFix: (ids) => dispatch({ type: "confirmFixes", ids }),
    chooseFix: (id, index) => {
      dispatch({ type: "chooseFix", id, index });
      const out = outcome.current;
      const { fixes, lang } = latest.current;
      if (out === null) return;
      const choices = { ...fixes.choices, [id]: index };
      dispatch({ type: "fixesPlanned", fixes: fixesOf(out, choices, lang) });
    },
    applyFixes: () =>
      busyWith("fix", async () => {
        const { fixes, lang } = latest.current;
        const chosen = fixes.planned.filter((f) => fixes.confirming?.includes(f.id));
        const remake = remakeActions(outcome.current);
        const record = await applyFixes(host, chosen, onProgress);
        dispatch({ type: "fixed", record, remake });
        const counts = { fixes: record.descriptions.length, cells: record.edits.length };
        await runAndShow("periksa", t("fixes.ui.applied", counts, lang));
      }),
    undoFix: async () => {
      const { fixes, lang } = latest.current;
      const last = fixes.last;
      if (last === null) return;
      await busyWith("undo", async () => {
        const remake = remakeActions(outcome.current);
        await undoFixes(host, last, onProgress);
        dispatch({ type: "undone", remake });
        await runAndShow("periksa", t("fixes.ui.undone", { cells: last.edits.length }, lang));
      });
    },
  };
}

/** Settings: save them, the clean-print switch, and the workbook's suggestions. */
function settingsCommands(
  ctx: CommandContext,
  { busyWith }: Helpers
): Pick<PaneCommands, "saveSettings" | "setCleanPrint" | "prefill"> {
  const { host, dispatch, latest } = ctx;
  const saveSettings = (settings: Settings) =>
    busyWith("settings", async () => {
      await host.saveSettings(settings);
      dispatch({ type: "settings", settings });
      const text = t("ui.settings.saved", {}, settings.lang);
      dispatch({ type: "done", notice: { intent: "success", text, written: [] } });
    });
  return {
    saveSettings,
    setCleanPrint: (value) => saveSettings({ ...latest.current.settings, cleanPrint: value }),
    prefill: async () => {
      if (latest.current.workbook !== null || latest.current.busy !== null) return;
      await busyWith("prefill", async () => {
        const grids = await host.readGrids();
        const model = readWorkbook(grids, { lang: latest.current.lang, file: grids.name ?? null });
        dispatch({ type: "workbook", workbook: facts(model, grids) });
      });
    },
  };
}

/** The jobs, Kertas kerja baru, and moving through the findings and the sheets written. */
function workbookCommands(
  ctx: CommandContext,
  { fail, onProgress, busyWith, runAndShow }: Helpers
): Pick<PaneCommands, "run" | "addBlank" | "select" | "step" | "openSheet"> {
  const { host, dispatch, latest } = ctx;
  /** Apply `action` through the reducer and select the cell of the finding it lands on. */
  const move = (action: PaneAction) => {
    const next = reducer(latest.current, action);
    latest.current = next;
    dispatch(action);
    const cell = currentFinding(next)?.cell;
    if (cell) host.selectCell(cell).catch(fail);
  };
  return {
    run: (action) => busyWith(action, () => runAndShow(action)),
    addBlank: () =>
      busyWith("new", async () => {
        const { lang } = latest.current;
        const { plan } = await addBlankKertasKerja(host, lang, { onProgress });
        const text = t("ui.done.newKertasKerja", {}, lang);
        const written = plan.sheets.map((s) => ({ sheet: s.sheet, text: s.sheet }));
        dispatch({ type: "done", notice: { intent: "success", text, written } });
      }),
    select: (index) => move({ type: "select", index }),
    step: (delta) => move({ type: "step", delta }),
    openSheet: (sheet) => {
      host.selectCell(cellRef(sheet, 0, 0)).catch(fail);
    },
  };
}

/** Petakan kolom: the mapping dialog, its live count, and saving a mapping (then checking again). */
function mappingCommands(
  ctx: CommandContext,
  helpers: Helpers
): Pick<PaneCommands, "mapTable" | "countMapping" | "saveMapping" | "dropMapping"> {
  const { dispatch, latest, outcome } = ctx;
  return {
    mapTable: (table) => dispatch({ type: "mapTable", table }),
    countMapping: (mapping) => {
      const { settings, lang } = latest.current;
      const grids = outcome.current?.grids;
      if (!grids) return { conditions: 0, indicators: 0 };
      const mappings = withMapping(settings.mappings ?? [], mapping);
      return mappingCounts(grids, mappings, { lang, year: settings.year });
    },
    saveMapping: (mapping) =>
      keepMappings(ctx, helpers, (ms) => withMapping(ms, mapping), "mapping.ui.saved"),
    dropMapping: (finding) =>
      keepMappings(ctx, helpers, (ms) => withoutOutdated(ms, finding), "mapping.ui.dropped"),
  };
}

/** Save the settings' mappings as `change` makes them, then check the workbook again. */
function keepMappings(
  ctx: CommandContext,
  { busyWith, runAndShow }: Helpers,
  change: (mappings: readonly ColumnMapping[]) => ColumnMapping[],
  done: "mapping.ui.saved" | "mapping.ui.dropped"
): Promise<void> {
  const { host, dispatch, latest } = ctx;
  return busyWith("settings", async () => {
    const current = latest.current.settings;
    const settings = { ...current, mappings: change(current.mappings ?? []) };
    await host.saveSettings(settings);
    dispatch({ type: "settings", settings });
    latest.current = { ...latest.current, settings };
    dispatch({ type: "mapTable", table: null });
    await runAndShow("periksa", t(done, {}, settings.lang));
  });
}

export function usePane(
  host: PaneHost,
  initial?: PaneState
): { state: PaneState; commands: PaneCommands } {
  const [state, dispatch] = React.useReducer(
    reducer,
    initial,
    (init) => init ?? withLastFix(initialState(host.loadSettings()), host)
  );
  // Commands read the latest state, not the state of the render that made them.
  const latest = React.useRef(state);
  latest.current = state;
  const outcome = React.useRef<ActionOutcome | null>(null);

  const commands = React.useMemo<PaneCommands>(() => {
    const ctx: CommandContext = { host, dispatch, latest, outcome };
    const helpers = commandHelpers(ctx);
    return {
      ...workbookCommands(ctx, helpers),
      ...fixCommands(ctx, helpers),
      ...settingsCommands(ctx, helpers),
      ...mappingCommands(ctx, helpers),
      dispatch,
    };
  }, [host]);

  return { state, commands };
}
