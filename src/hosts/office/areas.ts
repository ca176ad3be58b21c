/** Several ranges as one RangeAreas (Worksheet.getRanges, ExcelApi 1.9). */

/**
 * Longest address given to one getRanges call. Excel cuts getRange/getRanges addresses at 8,192
 * characters (Office docs, "Troubleshooting Excel add-ins"); longer RangeAreas fail
 * (OfficeDev/office-js#5198), so stay below with a margin.
 */
export const AREAS_ADDRESS_CHARS = 8000;

/** Addresses joined by the list separator, each join within the getRanges limit. */
export function areaAddresses(addresses: string[], separator: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > AREAS_ADDRESS_CHARS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}${separator}${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** The range or RangeAreas an address joined by `separator` names (one area: a plain range). */
export function areasTarget(
  ws: Excel.Worksheet,
  address: string,
  separator: string | null
): Excel.Range | Excel.RangeAreas {
  return separator && address.includes(separator) ? ws.getRanges(address) : ws.getRange(address);
}

/**
 * The list separator getRanges wants between areas. Excel desktop takes the Windows list
 * separator, ";" on Indonesian (and German, Czech …) Windows, "," on English Windows and on the
 * web (OfficeDev/office-js#1167, #1985); Office.js has no API that says which (#2891). So the
 * host guesses, probes with its guess as the first operation of the first write request, and
 * remembers what worked for the rest of the session. Null: this Excel refused both, so every
 * range is written on its own.
 */
export type ListSeparator = "," | ";" | null;

/** What this session has learnt, per Office context (one per page; one per fake host in tests). */
const learnt = new WeakMap<object, ListSeparator>();

/** The separator learnt in this session, or undefined before the first write with areas. */
export function learntSeparator(): ListSeparator | undefined {
  return learnt.get(Office.context);
}

/** Remember the separator for the rest of the session. */
export function learnSeparator(separator: ListSeparator): void {
  learnt.set(Office.context, separator);
}

/**
 * The first guess: "," on the web; otherwise ";" where Excel's decimal separator is "," (the
 * Windows default list separator of such locales, Indonesian among them), else ",".
 */
export function guessSeparator(decimalSeparator: string | null): "," | ";" {
  if (String(Office.context.platform) === "OfficeOnline") return ",";
  return decimalSeparator === "," ? ";" : ",";
}

/** The next separator to try after `refused` was refused: the other one, then none. */
export function nextSeparator(refused: "," | ";", tried: Set<string>): ListSeparator {
  const other = refused === "," ? ";" : ",";
  return tried.has(other) ? null : other;
}

/**
 * The probe: a two-area RangeAreas on the active sheet, which Excel refuses with InvalidArgument
 * when the separator is not this Excel's. Nothing is read or written.
 */
export function queueSeparatorProbe(context: Excel.RequestContext, separator: string): void {
  context.workbook.worksheets.getActiveWorksheet().getRanges(`A1${separator}A2`);
}

/** Whether an error is Excel refusing a getRanges address (the probe's failure). */
export function refusedAreas(e: unknown): boolean {
  const err = e as { code?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  if (!err || err.code !== "InvalidArgument") return false;
  const where = err.debugInfo?.errorLocation;
  return typeof where !== "string" || where === "" || /getRanges/i.test(where);
}
