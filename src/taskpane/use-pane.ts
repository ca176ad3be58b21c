/**
 * The pane's behaviour: the reducer's state plus the commands that talk to the host. Components
 * get `state` and call `commands`; every state change goes through the tested reducer.
 */
import * as React from "react";
import { cellRef } from "../core/address";
import type { WorkbookGrids } from "../core/grid";
import type { ColumnMapping, CsfModel, UnplacedTable } from "../core/model";
import { mappingCounts, readWorkbook, withMapping } from "../core/reader";
import type { Settings } from "../core/settings";
import { workbookYear } from "../core/year";
import { t } from "../core/messages";
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
import { addBlankKertasKerja, runAction, type ActionId, type ActionOutcome } from "./run";
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
  dispatch(action: PaneAction): void;
}

/** The starting state with the last fixes the workbook keeps (Batalkan survives a reload). */
function withLastFix(state: PaneState, host: PaneHost): PaneState {
  return { ...state, fixes: { ...state.fixes, last: host.loadLastFix() } };
}

function facts(model: CsfModel, grids: WorkbookGrids): WorkbookFacts {
  return { organisation: model.organisation, year: workbookYear(grids) };
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
  // The last action's outcome: fixes are planned (again, when a pick changes) from its read.
  const outcome = React.useRef<ActionOutcome | null>(null);

  const commands = React.useMemo<PaneCommands>(() => {
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

    /** Apply `action` through the reducer and select the cell of the finding it lands on. */
    const move = (action: PaneAction) => {
      const next = reducer(latest.current, action);
      latest.current = next;
      dispatch(action);
      const cell = currentFinding(next)?.cell;
      if (cell) host.selectCell(cell).catch(fail);
    };

    const saveSettings = (settings: Settings) =>
      busyWith("settings", async () => {
        await host.saveSettings(settings);
        dispatch({ type: "settings", settings });
        const text = t("ui.settings.saved", {}, settings.lang);
        dispatch({ type: "done", notice: { intent: "success", text, written: [] } });
      });

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

    return {
      run: (action) => busyWith(action, () => runAndShow(action)),
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
      addBlank: () =>
        busyWith("new", async () => {
          const { lang } = latest.current;
          const { plan } = await addBlankKertasKerja(host, lang, { onProgress });
          const sheets = plan.sheets.map((s) => s.sheet);
          const text = t("ui.done.newKertasKerja", {}, lang);
          const written = sheets.map((sheet) => ({ sheet, text: sheet }));
          dispatch({ type: "done", notice: { intent: "success", text, written } });
        }),
      saveSettings,
      setCleanPrint: (value) => saveSettings({ ...latest.current.settings, cleanPrint: value }),
      prefill: async () => {
        if (latest.current.workbook !== null || latest.current.busy !== null) return;
        await busyWith("prefill", async () => {
          const grids = await host.readGrids();
          const model = readWorkbook(grids, {
            lang: latest.current.lang,
            file: grids.name ?? null,
          });
          dispatch({ type: "workbook", workbook: facts(model, grids) });
        });
      },
      select: (index) => move({ type: "select", index }),
      step: (delta) => move({ type: "step", delta }),
      openSheet: (sheet) => {
        host.selectCell(cellRef(sheet, 0, 0)).catch(fail);
      },
      mapTable: (table) => dispatch({ type: "mapTable", table }),
      countMapping: (mapping) => {
        const { settings, lang } = latest.current;
        const grids = outcome.current?.grids;
        if (!grids) return { conditions: 0, indicators: 0 };
        const mappings = withMapping(settings.mappings ?? [], mapping);
        return mappingCounts(grids, mappings, { lang, year: settings.year });
      },
      saveMapping: (mapping) =>
        busyWith("settings", async () => {
          const current = latest.current.settings;
          const settings = { ...current, mappings: withMapping(current.mappings ?? [], mapping) };
          await host.saveSettings(settings);
          dispatch({ type: "settings", settings });
          latest.current = { ...latest.current, settings };
          dispatch({ type: "mapTable", table: null });
          await runAndShow("periksa", t("mapping.ui.saved", {}, settings.lang));
        }),
      dispatch,
    };
  }, [host]);

  return { state, commands };
}
