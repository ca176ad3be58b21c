/** The result bar after an action: what was found (its colour) and what was written (links). */
import {
  countBySeverity,
  type Finding,
  t,
  type Lang,
  describeWrite,
  type ActionOutcome,
} from "../core";
import type { Notice } from "./reducer";

/** Red when errors were found, amber for warnings (or parts skipped), green otherwise. */
export function findingsIntent(findings: readonly Finding[]): Notice["intent"] {
  const c = countBySeverity(findings);
  return c.error > 0 ? "error" : c.warning > 0 ? "warning" : "success";
}

/** The notice for Periksa or a write: the counts found, then each sheet written. */
export function actionNotice(out: ActionOutcome, lang: Lang): Notice {
  const c = countBySeverity(out.findings);
  const counts = { errors: c.error, warnings: c.warning, infos: c.info };
  const written =
    out.result === null ? [] : describeWrite(out.plan, out.analysis.model, out.findings, lang);
  const parts = [t(out.result === null ? "ui.done.periksa" : "ui.done.write", counts, lang)];
  let intent = findingsIntent(out.findings);
  const skipped = out.result?.skipped ?? [];
  // Only the paper size refused: the rest of the print setup is in place, so say just that.
  if (skipped.includes("print") || skipped.includes("autoFilter"))
    parts.push(t("ui.skipped.print", {}, lang));
  if (skipped.includes("paper")) parts.push(t("ui.skipped.paper", {}, lang));
  if (skipped.length > 0 && intent === "success") intent = "warning";
  return { intent, text: parts.join(" "), written };
}
