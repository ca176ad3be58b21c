/** Applying a host-neutral WritePlan through Office.js. */
import {
  type SheetGrid,
  type WorkbookGrids,
  parseAreas,
  rangeA1,
  type ApplyResult,
  type WritePlan,
  planRefusals,
} from "../../core";
import { apiSupported } from "./api";
import {
  guessSeparator,
  learnSeparator,
  learntSeparator,
  nextSeparator,
  queueSeparatorProbe,
  refusedAreas,
  type ListSeparator,
} from "./areas";
import { HostError, runExcel } from "./errors";
import { factsOf, ownBandIndexes, type WorkbookFacts } from "./facts";
import { readWorkbookGrids } from "./read";
import { sheetSteps, type CopyCheck, type StepContext } from "./sheet-steps";
import {
  ACTION_BYTES,
  DEFAULT_REQUEST_BUDGET,
  OBJECT_BYTES,
  STEP_OVERHEAD,
  chunkSteps,
  jsonBytes,
  type Step,
} from "./steps";
import { undoWrite } from "./undo";
import { readSession } from "./read-cache";
import { queueReadBack, rememberWrite, type ReadBack } from "./write-cache";
import { checkAgain } from "./write-check";

export type { ApplyResult };
export { DEFAULT_REQUEST_BUDGET } from "./steps";
export { cellInput } from "./cells";
export { charsToPoints } from "./sheet-steps";

export interface ApplyOptions {
  /** Called after each request is written: (requests done, requests in all). */
  onProgress?: (done: number, total: number) => void;
  /**
   * The grids read at the start of this same action. The pre-write checks (protection,
   * generated-sheet marker, expected cells) run against them, saving a round trip (what a write
   * into the user's sheets relies on is read again when they came from the read cache); without
   * them the workbook is read first, in full.
   */
  grids?: WorkbookGrids;
  /** Request budget per sync in bytes; below Excel on the web's 5 MB limit by default. */
  maxRequestBytes?: number;
}

type Skipped = ApplyResult["skipped"][number];

/**
 * Write a plan: checks first (protected sheets or workbook structure, a user's sheet in the way,
 * cells changed since they were read) so a refusal writes nothing; then the writes in requests
 * under the request limit, calculation suspended until the last, which ends with the print
 * setup and the recalculation. A write Excel refuses part way is undone (the sheets it made
 * removed, the cells it wrote restored) and the error says so.
 */
export async function applyPlan(plan: WritePlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  if (!apiSupported("1.7")) throw new HostError("unsupported", { version: "1.7" });
  // A plan given alone is checked against the workbook as it is now, not as cached.
  const grids = opts.grids ?? (await readWorkbookGrids({ fresh: true }));
  let facts = factsOf(grids);
  let checked = grids;
  // Grids not from the Office read, or from its cache: what the write relies on, read again.
  if (!facts || (facts.rulesStale && plan.sheets.some((sp) => sp.mode === "update")))
    ({ facts, grids: checked } = await checkAgain(plan, grids, sheetsWithRules(plan, grids)));
  try {
    preflight(plan, checked, facts);
  } catch (e) {
    readSession().drop();
    throw e;
  }
  return new PlanWriter(plan, grids, facts, opts).write();
}

/** Existing sheets the plan adds conditional formats to (their own rules are replaced). */
function sheetsWithRules(plan: WritePlan, grids: WorkbookGrids): string[] {
  return plan.sheets
    .filter((sp) => sp.mode === "update" && sp.conditionalFormats.length > 0)
    .map((sp) => findSheet(grids, sp.sheet)?.name)
    .filter((name): name is string => name !== undefined);
}

function findSheet(grids: WorkbookGrids, name: string): SheetGrid | undefined {
  const lower = name.toLowerCase();
  return grids.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** Every check before anything is written (the core's pre-write guard); throws the first refusal. */
export function preflight(plan: WritePlan, grids: WorkbookGrids, facts?: WorkbookFacts): void {
  const [refusal] = planRefusals(plan, grids, { structureProtected: facts?.structureProtected });
  if (!refusal) return;
  if (refusal.reason === "workbookProtected") throw new HostError("workbookProtected");
  if (refusal.reason === "changed") throw new HostError("changed", { cell: refusal.cell });
  throw new HostError(refusal.reason, { sheet: refusal.sheet });
}

/** A plan's requests for one list separator. */
interface Requests {
  /** The last request ends with the print setups (or is theirs alone when they do not fit). */
  chunks: Step[][];
  /** The print setups, sent again without the paper size when Excel refuses them. */
  print: Step[];
  checks: CopyCheck[];
  /** Whether a request joins areas with the separator (which is then probed if not known). */
  areas: boolean;
}

/** Whether Excel refused a request for its size (nothing of it was done). */
function payloadRefused(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "RequestPayloadSizeLimitExceeded";
}

/** Whether an error came from Excel (a code of its own) rather than from a bug. */
function fromExcel(e: unknown): boolean {
  return typeof (e as { code?: unknown } | null)?.code === "string";
}

/** Sends one plan's requests, learning the list separator on the way. */
class PlanWriter {
  private written = 0;
  private total = 0;
  private readonly skipped = new Set<Skipped>();
  private readonly tried = new Set<string>();
  private separator: ListSeparator;
  private confirmed: boolean;
  private readonly budget: number;
  /** What the last request read back for the read cache. */
  private readBack: ReadBack | null = null;

  constructor(
    private readonly plan: WritePlan,
    private readonly grids: WorkbookGrids,
    private readonly facts: WorkbookFacts,
    private readonly opts: ApplyOptions
  ) {
    const learnt = learntSeparator();
    this.confirmed = learnt !== undefined;
    this.separator = learnt !== undefined ? learnt : guessSeparator(facts.decimalSeparator);
    this.budget = opts.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  }

  async write(): Promise<ApplyResult> {
    const session = readSession();
    try {
      await runExcel((context) => this.sendChunks(context, this.build(), 0));
    } catch (e) {
      session.drop();
      throw await undoWrite(this.plan, e);
    }
    rememberWrite(session, this.plan, this.readBack);
    return {
      sheets: this.plan.sheets.map((s) => s.sheet),
      chunks: this.written,
      skipped: [...this.skipped],
    };
  }

  /** The plan as requests for the current separator. */
  private build(): Requests {
    const canAreas = apiSupported("1.9");
    this.skipped.clear();
    const ctx: StepContext = {
      canAreas,
      separator: canAreas ? this.separator : null,
      skipped: this.skipped,
      checks: [],
      print: [],
      ownBands: (sheet) => ownBandIndexes(this.facts, sheet),
    };
    const steps: Step[] = [];
    for (const sp of this.plan.sheets)
      for (const step of sheetSteps(sp, findSheet(this.grids, sp.sheet), ctx)) steps.push(step);
    const created = this.plan.sheets.filter((s) => s.mode === "create");
    const activate = this.plan.activate ?? created[created.length - 1]?.sheet;
    if (activate)
      steps.push({ sheet: activate, bytes: STEP_OVERHEAD, queue: (ws) => ws?.activate() });
    // Merged areas can be read back from ExcelApi 1.13; the reads ride on the last request.
    const checks = apiSupported("1.13") ? ctx.checks : [];
    for (const check of checks) steps.push(copyCheckStep(check));
    const chunks = withPrintLast(chunkSteps(steps, this.budget), ctx.print, this.budget);
    this.total = chunks.length;
    const areas = ctx.separator !== null && (steps.some((s) => s.areas) || checks.length > 0);
    return { chunks, print: ctx.print, checks, areas };
  }

  /**
   * Send the chunks from `i` on, then the copies' repairs. The first request carries the
   * separator probe while the separator is not known; a probe refused means the requests are
   * made again with the next separator. A request Excel refuses for its size is split in two and
   * sent again. The last request ends with the print setup: when Excel refuses the setup, what
   * ran before it stays done, and the setup is sent again without the paper size.
   */
  private async sendChunks(context: Excel.RequestContext, r: Requests, i: number): Promise<void> {
    const chunk = r.chunks[i];
    if (!chunk) return this.finish(context, r);
    const probe = i === 0 && r.areas && !this.confirmed ? this.separator : null;
    const final = i === r.chunks.length - 1;
    try {
      await send(context, chunk, { probe, final, after: final ? this.queueBack(context) : null });
    } catch (e) {
      if (probe && refusedAreas(e)) return this.sendChunks(context, this.refuse(probe), 0);
      if (payloadRefused(e) && chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        r.chunks.splice(i, 1, chunk.slice(0, half), chunk.slice(half));
        this.total++;
        return this.sendChunks(context, r, i);
      }
      if (!final || r.print.length === 0 || !printRefused(e)) throw e;
      await this.sendPrintAgain(context, r);
    }
    if (probe) this.learn();
    this.written++;
    this.opts.onProgress?.(this.written, this.total);
    return this.sendChunks(context, r, i + 1);
  }

  /** Queues the read-back for the cache on the last request (after its recalculation). */
  private queueBack(context: Excel.RequestContext): () => void {
    return () => {
      this.readBack = queueReadBack(context, this.plan, readSession());
    };
  }

  /** The separator was refused: the next one (or none), and the requests made again. */
  private refuse(refused: string): Requests {
    this.tried.add(refused);
    this.separator = nextSeparator(refused === ";" ? ";" : ",", this.tried);
    if (this.separator === null) this.learn();
    return this.build();
  }

  private learn(): void {
    this.confirmed = true;
    learnSeparator(this.separator);
  }

  /** After the chunks: copies that lost their merged areas written in full. */
  private async finish(context: Excel.RequestContext, r: Requests): Promise<void> {
    const repair = r.checks.filter((c) => !copiedAsPlanned(c)).flatMap((c) => c.repair());
    if (repair.length === 0) return;
    const chunks = chunkSteps(repair, this.budget);
    this.total += chunks.length;
    return this.sendChunks(context, { chunks, print: [], checks: [], areas: false }, 0);
  }

  /**
   * Excel refused the print setup at the end of the last request (a paper size the printer
   * cannot take): the writes before it stand, the copies' read-backs and the recalculation did
   * not run. They go again with the setup less its paper size ("paper" skipped), and if Excel
   * still refuses, without the setup ("print" skipped).
   */
  private async sendPrintAgain(context: Excel.RequestContext, r: Requests): Promise<void> {
    const checks = r.checks.map(copyCheckStep);
    const final = { ...FINAL, after: this.queueBack(context) };
    try {
      await send(context, [...checks, ...r.print.filter((s) => !s.paper)], final);
      this.skipped.add("paper");
    } catch (e) {
      if (!printRefused(e)) throw e;
      this.skipped.add("print");
      await send(context, checks, final);
    }
  }
}

const FINAL = { probe: null, final: true, after: null };

/**
 * The print setups at the end of the last request, or in one of their own when the last is too
 * full: printing is set up once everything it prints is written, without a round trip more.
 */
function withPrintLast(chunks: Step[][], print: Step[], budget: number): Step[][] {
  if (print.length === 0) return chunks;
  const last = chunks[chunks.length - 1];
  const bytes = (steps: Step[]) => steps.reduce((n, s) => n + s.bytes, 0);
  if (last && bytes(last) + bytes(print) <= budget) last.push(...print);
  else chunks.push([...print]);
  return chunks;
}

/**
 * Whether Excel refused the print setup: its error names a page layout or page break operation
 * (OfficeExtension.DebugInfo.errorLocation, "the object type and property or method name").
 * Without a location the failure cannot be told from a write's, and the write is undone.
 */
function printRefused(e: unknown): boolean {
  if (!fromExcel(e)) return false;
  const where = (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof where === "string" && /^(PageLayout|PageBreak|HeaderFooter)/i.test(where);
}

/**
 * One request. Calculation is suspended while writing; the last request is not suspended and
 * recalculates the workbook, since Office.js leaves propagating what was written under
 * suspension to the add-in ("it is the developer's responsibility to re-calc the workbook").
 */
async function send(
  context: Excel.RequestContext,
  steps: Step[],
  how: { probe: string | null; final: boolean; after: (() => void) | null }
): Promise<void> {
  if (!how.final) context.application.suspendApiCalculationUntilNextSync();
  if (how.probe) queueSeparatorProbe(context, how.probe);
  queueSteps(context, steps);
  if (how.final) context.application.calculate("Full");
  how.after?.();
  await context.sync();
}

/** Queue steps, fetching each sheet's proxy once per request. */
function queueSteps(context: Excel.RequestContext, steps: Step[]): void {
  const sheets = new Map<string, Excel.Worksheet>();
  const shared = new Map<string, unknown>();
  for (const step of steps) {
    let ws = step.creates ? null : (sheets.get(step.sheet) ?? null);
    if (!ws && !step.creates) {
      ws = context.workbook.worksheets.getItem(step.sheet);
      sheets.set(step.sheet, ws);
    }
    const made = step.queue(ws, context, shared);
    if (made) sheets.set(step.sheet, made);
  }
}

/** The read-back of one copied box's merged areas (ExcelApi 1.13). */
function copyCheckStep(check: CopyCheck): Step {
  return {
    sheet: check.sheet,
    bytes: 3 * OBJECT_BYTES + 2 * ACTION_BYTES + jsonBytes(check.target),
    queue: (ws) => {
      if (!ws) return;
      const areas = ws.getRange(check.target).getMergedAreasOrNullObject();
      // Each area's own address: the RangeAreas' address can list only the areas' top-left
      // cells (OfficeDev/office-js#1590).
      areas.areas.load("items/address");
      check.areas = areas;
    },
  };
}

/** Whether the checked copy has exactly the merged areas its template has. */
function copiedAsPlanned(check: CopyCheck): boolean {
  const areas = check.areas;
  if (!areas) return true;
  const found = areas.isNullObject
    ? []
    : areas.areas.items
        .map((a) => parseAreas(a.address)?.[0])
        .filter((r) => r !== undefined)
        .map((r) => rangeA1(r))
        .sort();
  return found.length === check.expected.length && found.every((a, i) => a === check.expected[i]);
}
