/** Taking the user to a cell. */
import { parseCellRef, a1 } from "../../core";
import { HostError, runExcel } from "./errors";

/**
 * Activate the sheet of "'Sheet'!B7" and select the cell (one round trip). A sheet renamed or
 * deleted since the check ran is said so by name, not as Excel's ItemNotFound.
 */
export async function selectCell(ref: string): Promise<void> {
  const parsed = parseCellRef(ref);
  if (!parsed || !parsed.sheet) throw new HostError("badRef", { ref });
  const { sheet, row, col } = parsed;
  try {
    await runExcel(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1(row, col)).select();
      await context.sync();
    });
  } catch (e) {
    if (e instanceof HostError && e.code === "api" && e.params.code === "ItemNotFound")
      throw new HostError("missingSheet", { sheet }, { cause: e });
    throw e;
  }
}
