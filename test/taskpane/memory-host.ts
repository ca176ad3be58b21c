/**
 * A plain PaneHost over grids in memory, for the pane's tests: it records what the pane asked
 * (plans, selections, saved settings) and lays each plan into its grids as a host would, after
 * the Office host's own checks (a cell changed since it was read is refused).
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/core/grid";
import type { SheetPlan, WritePlan } from "../../src/core/plan";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { FixRecord } from "../../src/core/fixes";
import { preflight, type ApplyOptions, type ApplyResult } from "../../src/hosts/office/apply";
import type { PaneHost } from "../../src/taskpane/host";
import { planToSheetGrid } from "../helpers/plan-to-grids";

function patch(sheet: SheetGrid, plan: SheetPlan): void {
  for (const c of plan.cells) {
    while (sheet.values.length <= c.row) sheet.values.push([]);
    const row = sheet.values[c.row] as CellValue[];
    while (row.length <= c.col) row.push(null);
    row[c.col] = c.value ?? null;
    if (c.formula !== undefined) {
      sheet.formulas ??= [];
      while (sheet.formulas.length <= c.row) sheet.formulas.push([]);
      const f = sheet.formulas[c.row] as (string | null)[];
      while (f.length <= c.col) f.push(null);
      f[c.col] = c.formula;
    }
  }
}

/** A deep copy of grids (jsdom has no structuredClone; grids are plain JSON). */
export function copyGrids(grids: WorkbookGrids): WorkbookGrids {
  return JSON.parse(JSON.stringify(grids)) as WorkbookGrids;
}

export class MemoryHost implements PaneHost {
  readonly plans: WritePlan[] = [];
  readonly selections: string[] = [];
  readonly savedSettings: Settings[] = [];
  reads = 0;

  constructor(
    public grids: WorkbookGrids,
    public settings: Settings = DEFAULT_SETTINGS
  ) {}

  readGrids = (): Promise<WorkbookGrids> => {
    this.reads++;
    return Promise.resolve(copyGrids(this.grids));
  };

  applyPlan = (plan: WritePlan, opts: ApplyOptions): Promise<ApplyResult> => {
    try {
      preflight(plan, opts.grids ?? this.grids);
    } catch (e) {
      return Promise.reject(e);
    }
    this.plans.push(plan);
    for (const sp of plan.sheets) {
      const existing = this.grids.sheets.find((s) => s.name === sp.sheet);
      if (sp.mode === "update" && existing) patch(existing, sp);
      else if (existing) Object.assign(existing, planToSheetGrid(sp));
      else this.grids.sheets.push(planToSheetGrid(sp));
    }
    opts.onProgress?.(1, 1);
    return Promise.resolve({ sheets: plan.sheets.map((s) => s.sheet), chunks: 1, skipped: [] });
  };

  selectCell = (ref: string): Promise<void> => {
    this.selections.push(ref);
    return Promise.resolve();
  };

  loadSettings = (): Settings => this.settings;

  saveSettings = (settings: Settings): Promise<void> => {
    this.settings = settings;
    this.savedSettings.push(settings);
    return Promise.resolve();
  };

  lastFix: FixRecord | null = null;

  loadLastFix = (): FixRecord | null => this.lastFix;

  saveLastFix = (record: FixRecord | null): Promise<void> => {
    this.lastFix = record === null ? null : (JSON.parse(JSON.stringify(record)) as FixRecord);
    return Promise.resolve();
  };

  sheet(name: string): SheetGrid | undefined {
    return this.grids.sheets.find((s) => s.name === name);
  }
}
