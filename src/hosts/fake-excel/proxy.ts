/**
 * The fake's base: errors shaped like Office.js's, queued operations, and the strict proxy that
 * throws on a property read before it was loaded and synced, as Office.js does.
 */
import { type CellRange, parseRange } from "../../core";
import type { FakeContext } from "./context";

/** An error shaped like OfficeExtension.Error (a `code` string the host maps to a message). */
export class FakeOfficeError extends Error {
  /** Where Excel says it failed, as OfficeExtension.Error's debugInfo.errorLocation. */
  readonly debugInfo: { errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = errorLocation ? { errorLocation } : {};
  }
}

/** One queued operation: what Office.js would send, what it needs, and what Excel does. */
export interface Op {
  json: unknown;
  /** Requirement set the operation needs. */
  api?: string;
  /** The operation changes the workbook (so it is left uncalculated while calculation is suspended). */
  write?: boolean;
  /** Runs at sync; returns what it puts in the response (loaded data), if anything. */
  run(): unknown;
}

export function apiAtLeast(have: string, need: string): boolean {
  const [hM = 0, hm = 0] = have.split(".").map(Number);
  const [nM = 0, nm = 0] = need.split(".").map(Number);
  return hM > nM || (hM === nM && hm >= nm);
}

/** Parse "A1", "$B$2:C3", "5:9" into a 0-based rectangle, or fail as Excel does. */
export function parseAddress(address: string): CellRange {
  const r = parseRange(address);
  if (!r) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  return r;
}

export function propList(names?: string | string[]): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(",");
  return list.map((n) => n.trim()).filter((n) => n !== "");
}

export function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** Base of every proxy: loaded properties and the strict read. */
export abstract class FakeProxy {
  protected loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;
  constructor(readonly context: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        "isNullObject is not available before context.sync()."
      );
    return this.nullState;
  }
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
}
