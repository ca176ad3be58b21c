/**
 * Undoing a write Excel refused part way (Office.js has no transactions: what ran before the
 * failing operation stays): the sheets the plan makes are removed, the cells it writes into the
 * user's sheets are given back what they held, and the error says which.
 */
import type { PlanCell, SheetPlan, WritePlan } from "../../core";
import { cellSteps } from "./cells";
import { HostError, runExcel } from "./errors";

/** Name a replaced generated sheet has while its successor is added (see sheet-steps). */
export const OLD_SHEET_NAME = "pokin-csf-old";

/**
 * Undo what a failed write may have done and return the error to show. Removing a sheet the plan
 * makes only ever removes the add-in's own: a user's sheet of that name was refused before
 * writing. A generated sheet left renamed half way through its replacement gets its name back.
 */
export async function undoWrite(plan: WritePlan, failure: unknown): Promise<unknown> {
  const created = plan.sheets.filter((s) => s.mode === "create");
  const updated = plan.sheets.filter((s) => s.mode === "update" && (s.expect?.length ?? 0) > 0);
  if (created.length === 0 && updated.length === 0) return failure;
  const detail = failureDetail(failure);
  const sheets = [...created, ...updated].map((s) => s.sheet).join('", "');
  try {
    await runExcel(async (context) => {
      const worksheets = context.workbook.worksheets;
      const made = created.map((sp) => worksheets.getItemOrNullObject(sp.sheet));
      const old = worksheets.getItemOrNullObject(OLD_SHEET_NAME);
      for (const ws of [...made, old]) ws.load("name");
      await context.sync();
      for (const ws of made) if (!ws.isNullObject) ws.delete();
      const replaced = created.find((sp) => sp.kind);
      if (!old.isNullObject && replaced) old.name = replaced.sheet;
      for (const sp of updated) queueRestore(context, sp);
      await context.sync();
    });
  } catch {
    return new HostError("writeHalfDone", { detail, sheets }, { cause: failure });
  }
  const code = created.length > 0 ? "writeRemoved" : "writeRestored";
  return new HostError(code, { detail, sheets }, { cause: failure });
}

/** Give the plan's cells back what they held when read (the plan's `expect`). */
function queueRestore(context: Excel.RequestContext, sp: SheetPlan): void {
  const cells: PlanCell[] = (sp.expect ?? []).map((e) =>
    e.formula
      ? { row: e.row, col: e.col, formula: e.formula }
      : { row: e.row, col: e.col, value: e.value }
  );
  const ws = context.workbook.worksheets.getItem(sp.sheet);
  const shared = new Map<string, unknown>();
  for (const step of cellSteps({ ...sp, cells })) step.queue(ws, context, shared);
}

/** What Excel said, for the message: its code and text, or the error's text. */
function failureDetail(e: unknown): string {
  if (e instanceof HostError) {
    const { code, detail } = e.params;
    return [code, detail].filter((x) => x !== undefined && x !== "").join(": ");
  }
  return e instanceof Error ? e.message : String(e);
}
