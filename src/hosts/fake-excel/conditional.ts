/**
 * Range.conditionalFormats (ExcelApi 1.6). A range's collection is the rules that intersect it,
 * in priority order; `add` always adds a rule, at the top priority (Office.js docs: "Adds a new
 * conditional format to the collection at the first/top priority"), so adding the same rules
 * again stacks them.
 */
import type { CellRange } from "../../core";
import type { FakeContext } from "./context";
import { FakeOfficeError, FakeProxy, notLoaded, overlaps, propList } from "./proxy";
import type { ConditionalFormatRecord, FakeSheet } from "./state";

/** What a collection operates on: the range's sheet and rectangle, resolved at sync (internal). */
export interface RuleScope {
  context: FakeContext;
  _resolve(): { sheet: FakeSheet; rect: CellRange } | null;
  _queueWrite(
    json: Record<string, unknown>,
    apply: (t: { sheet: FakeSheet; rect: CellRange }) => void,
    api?: string
  ): void;
  readonly _describe: string;
}

/** Resolves a proxy's rule at sync time; null when there is none. */
type RuleRef = () => { sheet: FakeSheet; rec: ConditionalFormatRecord } | null;

function rulesOf(scope: RuleScope): { sheet: FakeSheet; rules: ConditionalFormatRecord[] } | null {
  const t = scope._resolve();
  if (!t) return null;
  return {
    sheet: t.sheet,
    rules: t.sheet.conditionalFormats.filter((c) => overlaps(c.range, t.rect)),
  };
}

export class FakeConditionalFormatCollection extends FakeProxy {
  constructor(private readonly scope: RuleScope) {
    super(scope.context);
  }
  get items(): FakeConditionalFormat[] {
    return this.read("items");
  }
  add(type: "CellValue" | "Custom"): FakeConditionalFormat {
    const holder: { sheet?: FakeSheet; rec?: ConditionalFormatRecord } = {};
    this.scope._queueWrite(
      { conditionalFormat: type },
      (t) => {
        holder.sheet = t.sheet;
        holder.rec = { range: { ...t.rect }, type };
        t.sheet.conditionalFormats.unshift(holder.rec);
      },
      "1.6"
    );
    return new FakeConditionalFormat(this.context, () =>
      holder.sheet && holder.rec ? { sheet: holder.sheet, rec: holder.rec } : null
    );
  }
  /** The rule at `index` in priority order; a missing one fails the request when used. */
  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const found = rulesOf(this.scope);
      const rec = found?.rules[index];
      return found && rec ? { sheet: found.sheet, rec } : null;
    });
  }
  load(names?: string | string[]): FakeConditionalFormatCollection {
    const props = propList(names).map((p) => p.replace(/^items\//, ""));
    this.context._enqueue({
      json: { load: `${this.scope._describe}.conditionalFormats`, props },
      api: "1.6",
      run: () => {
        const found = rulesOf(this.scope);
        const items = (found?.rules ?? []).map((rec) => {
          const item = new FakeConditionalFormat(this.context, () =>
            found ? { sheet: found.sheet, rec } : null
          );
          item._fill(rec, props);
          return item;
        });
        this.loaded.set("items", items);
        return (found?.rules ?? []).map((rec) => ({
          type: rec.type,
          formula: rec.formula ?? null,
        }));
      },
    });
    return this;
  }
}

export class FakeConditionalFormat extends FakeProxy {
  readonly cellValue: FakeCellValueConditionalFormat;
  readonly custom: FakeCustomConditionalFormat;
  /** The custom rule, or a null object when this rule is of another type. */
  readonly customOrNullObject: FakeCustomConditionalFormat;
  constructor(
    context: FakeContext,
    private readonly ref: RuleRef
  ) {
    super(context);
    this.cellValue = new FakeCellValueConditionalFormat(context, ref);
    this.custom = new FakeCustomConditionalFormat(context, ref);
    this.customOrNullObject = new FakeCustomConditionalFormat(context, ref);
  }
  get type(): string {
    return this.read("type");
  }
  /** Fill loaded properties from a collection load (internal). */
  _fill(rec: ConditionalFormatRecord, props: string[]): void {
    for (const p of props) {
      if (p === "type") this.loaded.set("type", rec.type);
      else if (p === "customOrNullObject/rule/formula") this.customOrNullObject._fill(rec);
      else throw new FakeOfficeError("InvalidArgument", `The fake cannot load "${p}".`);
    }
  }
  delete(): void {
    this.context._enqueue({
      json: { deleteRule: true },
      api: "1.6",
      run: () => {
        const r = this.ref();
        if (!r) throw new FakeOfficeError("ItemNotFound", "The conditional format does not exist.");
        r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((c) => c !== r.rec);
      },
    });
  }
}

/** The format part shared by cell-value and custom conditional formats. */
class FakeConditionalFormatBase {
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(
    protected readonly context: FakeContext,
    private readonly ref: RuleRef
  ) {
    const set = (key: "fill" | "fontColor") => (v: string) =>
      this.edit({ [key]: v }, (rec) => {
        rec[key] = v;
      });
    const setFill = set("fill");
    const setFont = set("fontColor");
    this.format = {
      fill: {
        set color(v: string) {
          setFill(v);
        },
        get color(): string {
          throw notLoaded("fill.color");
        },
      },
      font: {
        set color(v: string) {
          setFont(v);
        },
        get color(): string {
          throw notLoaded("font.color");
        },
      },
    };
  }
  protected edit(json: unknown, f: (rec: ConditionalFormatRecord) => void): void {
    this.context._enqueue({
      json,
      api: "1.6",
      run: () => {
        const r = this.ref();
        if (!r) throw new FakeOfficeError("InvalidObjectPath", "conditional format");
        f(r.rec);
      },
    });
  }
}

export class FakeCellValueConditionalFormat extends FakeConditionalFormatBase {
  set rule(v: Excel.ConditionalCellValueRule) {
    this.edit({ rule: v }, (rec) => {
      rec.rule = { formula1: v.formula1, operator: String(v.operator) };
      if (v.formula2 !== undefined) rec.rule.formula2 = v.formula2;
    });
  }
}

/** `custom.rule.formula = "=…"`: the rule is an object whose formula is set (ExcelApi 1.6). */
export class FakeCustomConditionalFormat extends FakeConditionalFormatBase {
  readonly rule: { formula: string };
  private loadedFormula: { value: string | null } | null = null;
  constructor(context: FakeContext, ref: RuleRef) {
    super(context, ref);
    const setFormula = (v: string) =>
      this.edit({ formula: v }, (rec) => {
        rec.formula = v;
      });
    const loaded = () => this.loadedFormula;
    this.rule = {
      set formula(v: string) {
        setFormula(v);
      },
      get formula(): string {
        const l = loaded();
        if (!l || l.value === null) throw notLoaded("rule.formula");
        return l.value;
      },
    };
  }
  get isNullObject(): boolean {
    const l = this.loadedFormula;
    if (!l) throw notLoaded("isNullObject");
    return l.value === null;
  }
  /** Loaded through a collection load: null object unless the rule is custom (internal). */
  _fill(rec: ConditionalFormatRecord): void {
    this.loadedFormula = { value: rec.type === "Custom" ? (rec.formula ?? "") : null };
  }
}
