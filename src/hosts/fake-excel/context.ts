/** The request context: the queue of operations, and what one sync sends and receives. */
import { utf8Length } from "../../core";
import type { FakeExcelHost } from "./fake";
import { FakeOfficeError, apiAtLeast, type Op } from "./proxy";
import type { FakeSheet } from "./state";
import { FakeApplication, FakeWorkbookProxy } from "./worksheet";
import { FakeRuntime } from "./events";

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly application: FakeApplication;
  readonly runtime: FakeRuntime;
  private queue: Op[] = [];
  /** Calculation is suspended until the end of the request being run. */
  private suspended = false;
  constructor(readonly _host: FakeExcelHost) {
    this.workbook = new FakeWorkbookProxy(this);
    this.application = new FakeApplication(this);
    this.runtime = new FakeRuntime(this);
  }
  /** Queue an operation (internal). */
  _enqueue(op: Op): void {
    this.queue.push(op);
  }
  _sheetNamed(name: string): FakeSheet {
    const s = this._host.workbook.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet "${name}" does not exist.`);
    return s;
  }
  /** Suspend calculation for the rest of this request (internal). */
  _suspendCalculation(): void {
    this.suspended = true;
  }

  /**
   * Send the queued operations. A request over the limit is refused whole
   * (RequestPayloadSizeLimitExceeded, Excel on the web); otherwise the operations run in order,
   * and those before a failing one stay done, as in Excel. A response over the limit is refused
   * (ResponsePayloadSizeLimitExceeded) after the operations ran.
   */
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stats = this._host.stats;
    const bytes = utf8Length(JSON.stringify(ops.map((o) => o.json)));
    stats.syncs++;
    stats.requestBytes.push(bytes);
    if (bytes > this._host.requestLimitBytes)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`
      );
    this.suspended = false;
    let responseBytes = 0;
    try {
      for (const op of ops) responseBytes += this.run(op);
    } finally {
      stats.responseBytes.push(responseBytes);
      // The events of the operations that ran, failed request or not.
      this._host._deliverEvents();
    }
    if (responseBytes > this._host.responseLimitBytes)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${responseBytes} bytes).`
      );
  }

  /** Run one operation; returns the bytes it adds to the response. */
  private run(op: Op): number {
    if (op.api && !apiAtLeast(this._host.maxApi, op.api))
      throw new FakeOfficeError("ApiNotFound", `ExcelApi ${op.api} is not supported here.`);
    const out = op.run();
    if (op.write && this.suspended) this._host.uncalculated = true;
    return out === undefined || out === null ? 0 : utf8Length(JSON.stringify(out));
  }
}
