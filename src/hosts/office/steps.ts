/**
 * Steps: the pieces of work a write plan becomes, each with its request size, grouped into
 * requests (chunks) under the request budget.
 */
import { utf8Length } from "../../core";

/** One queued piece of work with its estimated request size. */
export interface Step {
  sheet: string;
  bytes: number;
  /**
   * Queue the work; a step that makes the sheet returns it for the steps after it. `shared` holds
   * proxies made once per request and used by several steps (a copy's template range).
   */
  queue(
    ws: Excel.Worksheet | null,
    context: Excel.RequestContext,
    shared: Map<string, unknown>
  ): Excel.Worksheet | void;
  /** True for the step that creates the sheet (no proxy to fetch before it). */
  creates?: boolean;
  /** A proxy this step shares with others in the same request, and its bytes (counted once). */
  shares?: { key: string; bytes: number };
  /** The paper size of a print setup: left out when Excel refuses it. */
  paper?: boolean;
  /** The step joins several areas with the list separator (Worksheet.getRanges). */
  areas?: boolean;
}

/**
 * Office.js' request is JSON: an object path per proxy ({"Id":…,"ObjectPathType":…,"Name":
 * "GetRange","ParentObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}} plus the action that
 * instantiates it) and an action per property set or method call ({"Id":…,"ActionType":4,
 * "Name":"Bold","ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}). These are their sizes
 * without the arguments, rounded up for six-digit ids and long names.
 */
export const OBJECT_BYTES = 170;
export const ACTION_BYTES = 130;
export const STEP_OVERHEAD = OBJECT_BYTES + ACTION_BYTES;

/**
 * Default budget per request: 4.5 MiB (4,718,592 bytes). Step sizes are estimated as Office.js
 * serialises them (object paths and actions as JSON, with their ids and names), rounded up, so
 * the rest of Excel on the web's 5 MB limit is left for the request's own envelope.
 */
export const DEFAULT_REQUEST_BUDGET = 4.5 * 1024 * 1024;

/** Bytes of a value as JSON. */
export function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x));
}

/**
 * A step on an existing sheet's proxy (every step but the one that creates the sheet).
 */
export function sheetStep(
  sheet: string,
  bytes: number,
  queue: (ws: Excel.Worksheet, context: Excel.RequestContext) => void
): Step {
  return { sheet, bytes, queue: (ws, context) => (ws ? queue(ws, context) : undefined) };
}

/**
 * Group steps into chunks whose estimated request stays under the budget. A proxy shared by
 * several steps is counted in each request that uses it.
 */
export function chunkSteps(steps: Step[], budget: number): Step[][] {
  const chunks: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  let keys = new Set<string>();
  for (const s of steps) {
    const extra = s.shares && !keys.has(s.shares.key) ? s.shares.bytes : 0;
    if (current.length > 0 && bytes + s.bytes + extra > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
      keys = new Set();
    }
    current.push(s);
    bytes += s.bytes;
    if (s.shares && !keys.has(s.shares.key)) {
      keys.add(s.shares.key);
      bytes += s.shares.bytes;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
