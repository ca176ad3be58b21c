/** What the pane needs from Excel, as plain functions so tests can pass fakes. */
import type { WorkbookGrids, WritePlan, Settings, FixRecord } from "../core";
import type { ApplyOptions, ApplyResult } from "../hosts/office/apply";

export interface PaneHost {
  readGrids(): Promise<WorkbookGrids>;
  applyPlan(plan: WritePlan, opts: ApplyOptions): Promise<ApplyResult>;
  /** Activate the sheet of "'Sheet'!B7" and select the cell. */
  selectCell(ref: string): Promise<void>;
  loadSettings(): Settings;
  saveSettings(settings: Settings): Promise<void>;
  /** The last fixes applied (kept in the workbook until the next fix), or null. */
  loadLastFix(): FixRecord | null;
  saveLastFix(record: FixRecord | null): Promise<void>;
}
