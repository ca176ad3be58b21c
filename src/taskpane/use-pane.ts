/**
 * The pane's behaviour: the reducer's state plus the commands that talk to the host. Components
 * get `state` and call `commands`; every state change goes through the tested reducer.
 */
import * as React from "react";
import { cellRef } from "../core/address";
import type { WorkbookGrids } from "../core/grid";
import type { CsfModel } from "../core/model";
import { readWorkbook } from "../core/reader";
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
import { addBlankKertasKerja, runAction, type ActionId } from "./run";

export interface PaneCommands {
  run(action: ActionId): Promise<void>;
  addBlank(): Promise<void>;
  saveSettings(settings: Settings): Promise<void>;
  setCleanPrint(value: boolean): Promise<void>;
  /** Read the workbook for the settings' suggestions, once, when nothing has read it yet. */
  prefill(): Promise<void>;
  select(index: number): void;
  step(delta: 1 | -1): void;
  /** Take the user to a sheet the add-in wrote. */
  openSheet(sheet: string): void;
  dispatch(action: PaneAction): void;
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
    (init) => init ?? initialState(host.loadSettings())
  );
  // Commands read the latest state, not the state of the render that made them.
  const latest = React.useRef(state);
  latest.current = state;

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

    return {
      run: (action) =>
        busyWith(action, async () => {
          const { settings, replaceOverrides, lang } = latest.current;
          const out = await runAction(action, host, settings, { replaceOverrides, onProgress });
          dispatch({
            type: "analysed",
            summary: summarise(out.analysis.model, out.findings),
            findings: out.findings,
            workbook: facts(out.analysis.model, out.grids),
            notice: actionNotice(out, lang),
          });
        }),
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
      dispatch,
    };
  }, [host]);

  return { state, commands };
}
