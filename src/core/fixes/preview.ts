/** What to show of an edit before it is applied: the changed line, before and after, kept short. */
import { cellRef } from "../address";
import { cellText, type CellValue } from "../grid";
import type { Lang } from "../messages";
import { asShownPercent, isPercentFormat } from "../numbers";
import { lineSpans } from "./cell-text";
import { editText } from "./context";
import type { CellEdit } from "./types";

export interface EditPreview {
  /** "'CSF'!C20" */
  cell: string;
  before: string;
  after: string;
}

/** A line up to this long is shown whole; a longer one around the change. */
const WHOLE_LINE = 120;
/** Characters shown either side of a change in a long line. */
const CONTEXT = 50;

/**
 * The edit as the user should see it: a cell listing several conditions shows only the line
 * that changes, and a long line only the words around the change ("… (2.1)" → "… (1.2.1)").
 */
export function previewEdit(edit: CellEdit, lang: Lang = "id"): EditPreview {
  const cell = cellRef(edit.sheet, edit.row, edit.col);
  // A number as its format shows it: 0.165 in a percent format is "16,5%".
  const shown = (v: CellValue, format: string | null) => {
    if (typeof v !== "number") return cellText(v);
    const percent = isPercentFormat(format);
    const text = String(percent ? asShownPercent(v) : v);
    return `${lang === "id" ? text.replace(".", ",") : text}${percent ? "%" : ""}`;
  };
  const before = editText(edit.before);
  const after = editText(edit.after);
  if (typeof edit.before !== "string" || typeof edit.after !== "string")
    return {
      cell,
      before: shown(edit.before, edit.numberFormatBefore ?? null),
      after: shown(edit.after, edit.numberFormat ?? null),
    };
  // The changed stretch: the common start and end of both texts left out.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const line = lineSpans(before).find((l) => l.from <= start && start <= l.to);
  const whole = line !== undefined && line.to - line.from <= WHOLE_LINE;
  const from = whole ? line.from : Math.max(line?.from ?? 0, start - CONTEXT);
  const lineTo = line?.to ?? before.length;
  const beforeTo = whole ? lineTo : Math.min(lineTo, before.length - end + CONTEXT);
  const afterTo = beforeTo + (after.length - before.length);
  const cut = (text: string, to: number, lineEnd: number) =>
    `${from > (line?.from ?? 0) ? "…" : ""}${text.slice(from, to)}${to < lineEnd ? "…" : ""}`;
  const lineEnd = lineTo;
  return {
    cell,
    before: cut(before, beforeTo, lineEnd),
    after: cut(after, afterTo, lineEnd + (after.length - before.length)),
  };
}
