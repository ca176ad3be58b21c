/**
 * The model as the reader's passes build it: the conditions and indicators read so far, the
 * outcome, the tables recognised, and the findings. Each pass is a function over a Draft.
 */
import type {
  ColumnMapping,
  CsfModel,
  Indicator,
  OrphanIndicator,
  TableInfo,
  UnplacedTable,
} from "../model";
import type { UnknownTable } from "./blocks";
import type { Finding, RuleId, Severity } from "../findings";
import { cellRef } from "../address";
import { t, type Lang, type MessageKey } from "../messages";
import { push } from "./cells";
import { Conditions } from "./conditions";
import { normalise } from "./text";

export type Params = Record<string, string | number>;

export class Draft {
  readonly conditions = new Conditions();
  readonly indicators = new Indicators();
  readonly tables: TableInfo[] = [];
  /** Sheets the reader took data from, in the order it first did. */
  readonly sheetsRead = new Set<string>();
  readonly findings: Finding[] = [];
  outcome: string | null = null;
  outcomeCell: string | null = null;
  organisation: string | null = null;
  /** Years named in the sheets' title blocks, in reading order. */
  readonly titleYears: number[] = [];
  /** Tables under headers the reader does not know. */
  readonly unknownTables: UnknownTable[] = [];
  /** Tables the reader could not place (see unplaced.ts). */
  readonly unplaced: UnplacedTable[] = [];
  /** Cells taken as labels or values (the outcome's) so they are not reported as skipped. */
  private readonly consumed = new Set<string>();

  /**
   * `year`: the year the settings say the workbook is about, when they say one; `mappings`: the
   * column mappings the user made.
   */
  constructor(
    readonly lang: Lang,
    readonly year: number | null = null,
    readonly mappings: readonly ColumnMapping[] = []
  ) {}

  /** The mappings consulted at their header row (the others are reported as outdated). */
  readonly mappingsSeen = new Set<ColumnMapping>();

  /**
   * The mappings made for this sheet's header row `r` (0-based): usually one, several when a
   * folder's mappings hold one per workbook.
   */
  mappingsAt(sheet: string, r: number): ColumnMapping[] {
    if (this.mappings.length === 0) return [];
    const found = this.mappings.filter((m) => m.sheet === sheet && m.headerRow === r + 1);
    for (const m of found) this.mappingsSeen.add(m);
    return found;
  }

  /** A finding at a cell (the message rendered in the draft's language). */
  report(
    rule: RuleId,
    severity: Severity,
    at: { sheet: string; row: number; col: number },
    key: MessageKey,
    params: Params = {},
    code: string | null = null
  ): void {
    const cell = cellRef(at.sheet, at.row, at.col);
    const all = { cell, ...params };
    this.findings.push({
      rule,
      severity,
      sheet: at.sheet,
      cell,
      code,
      message: t(key, all, this.lang),
      params: all,
    });
  }

  /** A finding about a whole sheet (no cell). */
  reportSheet(rule: RuleId, severity: Severity, sheet: string, key: MessageKey, params: Params) {
    this.findings.push({
      rule,
      severity,
      sheet,
      cell: null,
      code: null,
      message: t(key, params, this.lang),
      params,
    });
  }

  /** Something at a cell the reader could not place. */
  skipped(
    severity: Severity,
    key: MessageKey,
    sheet: string,
    row: number,
    col: number,
    params: Params = {}
  ): void {
    this.report("skipped-content", severity, { sheet, row, col }, key, params);
  }

  /** Record that `sheet` gave something. */
  markRead(sheet: string): void {
    this.sheetsRead.add(sheet);
  }

  consume(sheet: string, row: number, col: number): void {
    this.consumed.add(cellRef(sheet, row, col));
  }

  isConsumed(sheet: string, row: number, col: number): boolean {
    return this.consumed.size > 0 && this.consumed.has(cellRef(sheet, row, col));
  }

  /** The model, once every pass has run. */
  model(file: string | null): CsfModel {
    return {
      file,
      outcome: this.outcome,
      outcomeCell: this.outcomeCell,
      organisation: this.organisation,
      nodes: this.conditions.nodes,
      orphans: this.indicators.orphans,
      tables: this.tables,
      sheetsRead: [...this.sheetsRead],
      findings: this.findings,
      ...(this.unplaced.length > 0 ? { unplaced: this.unplaced } : {}),
    };
  }
}

/** The indicators read so far: attached to a condition, or orphans; found again by name. */
export class Indicators {
  readonly orphans: OrphanIndicator[] = [];
  private readonly attached: Indicator[] = [];
  /**
   * By normalised name, made when first asked: measure rows mostly find their indicator under
   * their code (core10kMs: about 40 ms of 450).
   */
  private byName: Map<string, Indicator[]> | null = null;

  /** Attach `ind` to `node`, or keep it as an orphan naming `refersTo`. */
  attach(ind: Indicator, node: { indicators: Indicator[] } | null, refersTo: string | null): void {
    if (node) node.indicators.push(ind);
    else this.orphans.push({ indicator: ind, refersTo });
    this.attached.push(ind);
    if (this.byName) push(this.byName, normalise(ind.name), ind);
  }

  /** Gives `ind` its whole name (a name read in pieces), found again under it. */
  rename(ind: Indicator, name: string): void {
    const list = this.byName?.get(normalise(ind.name));
    if (list?.includes(ind)) list.splice(list.indexOf(ind), 1);
    ind.name = name;
    if (this.byName) push(this.byName, normalise(name), ind);
  }

  /** Indicators with this name (normalised), in the order they were attached. */
  named(name: string): readonly Indicator[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const i of this.attached) push(this.byName, normalise(i.name), i);
    }
    return this.byName.get(normalise(name)) ?? [];
  }
}
