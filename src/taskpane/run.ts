/** The pane's actions: the core's (src/core/actions.ts), shared with the ribbon command. */
export {
  ACTION_JOBS,
  addBlankKertasKerja,
  runAction,
  type ActionId,
  type ActionOutcome,
  type RunOptions,
  type WorkbookHost,
} from "../core";
