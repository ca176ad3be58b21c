/**
 * Excel's worksheet events as the fake models them: handlers added on the worksheets collection
 * (each event at its own ExcelApi version), fired for every change, the add-in's own writes as
 * well as the user's, and delivered after the request that caused them has run (or later still,
 * with the `eventDelivery: "late"` option), only while `context.runtime.enableEvents` is on.
 */
import type { FakeContext } from "./context";
import { FakeProxy } from "./proxy";

/** The worksheet collection's events the fake fires, with the ExcelApi version of each. */
export const EVENT_API = {
  onChanged: "1.9",
  onFormatChanged: "1.9",
  onAdded: "1.7",
  onDeleted: "1.7",
  onRowSorted: "1.10",
  onColumnSorted: "1.10",
  onProtectionChanged: "1.14",
  onNameChanged: "1.17",
  onMoved: "1.17",
} as const;

export type FakeEventName = keyof typeof EVENT_API;

/** What a handler receives: the fields of Excel's *EventArgs the fake fills. */
export interface FakeEventArgs {
  type: string;
  worksheetId: string;
  source: "Local" | "Remote";
  /** onChanged and onFormatChanged: the changed cells, without the sheet's name ("B2:C4"). */
  address?: string;
  changeType?: string;
  /** onChanged from ExcelApi 1.14: "ThisLocalAddin" for this add-in's own writes. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
  nameBefore?: string;
  nameAfter?: string;
}

export type FakeHandler = (args: FakeEventArgs) => Promise<unknown>;

const EVENT_TYPE: Record<FakeEventName, string> = {
  onChanged: "WorksheetChanged",
  onFormatChanged: "WorksheetFormatChanged",
  onAdded: "WorksheetAdded",
  onDeleted: "WorksheetDeleted",
  onRowSorted: "WorksheetRowSorted",
  onColumnSorted: "WorksheetColumnSorted",
  onProtectionChanged: "WorksheetProtectionChanged",
  onNameChanged: "WorksheetNameChanged",
  onMoved: "WorksheetMoved",
};

/** The event's `type` field for an event name. */
export function eventType(name: FakeEventName): string {
  return EVENT_TYPE[name];
}

/** `worksheets.onChanged` and its kind: add() registers at the next sync, as in Office.js. */
export class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly name: FakeEventName
  ) {}
  add(handler: FakeHandler): { remove(): void } {
    const host = this.context._host;
    this.context._enqueue({
      json: { addHandler: this.name },
      api: EVENT_API[this.name],
      run: () => host._handlers(this.name).push(handler),
    });
    return {
      remove: () =>
        this.context._enqueue({
          json: { removeHandler: this.name },
          run: () => {
            const list = host._handlers(this.name);
            const i = list.indexOf(handler);
            if (i >= 0) list.splice(i, 1);
          },
        }),
    };
  }
}

/** context.runtime (ExcelApi 1.8): whether this add-in's events are on. */
export class FakeRuntime extends FakeProxy {
  get enableEvents(): boolean {
    return this.read("enableEvents");
  }
  set enableEvents(v: boolean) {
    this.context._enqueue({
      json: { runtime: { enableEvents: v } },
      api: "1.8",
      run: () => {
        this.context._host.enableEvents = v;
      },
    });
  }
  load(_names?: string | string[]): FakeRuntime {
    this.context._enqueue({
      json: { load: "runtime" },
      api: "1.8",
      run: () => {
        this.loaded.set("enableEvents", this.context._host.enableEvents);
        return { enableEvents: this.context._host.enableEvents };
      },
    });
    return this;
  }
}
