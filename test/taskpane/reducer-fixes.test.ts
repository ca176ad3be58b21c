import { fixesByFinding, initialState, reducer, type PaneState } from "../../src/taskpane/reducer";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { Finding } from "../../src/core/findings";
import type { Fix, FixRecord } from "../../src/core/fixes";

const finding = (code: string): Finding => ({
  rule: "code-parent-mismatch",
  severity: "error",
  sheet: "CSF",
  cell: "'CSF'!C20",
  code,
  message: `Kode ${code}`,
  params: {},
});

const fix = (id: string, findings: Finding[]): Fix => ({
  id,
  rule: "code-parent-mismatch",
  findings,
  cell: "'CSF'!C20",
  code: null,
  edits: [],
  description: id,
  params: {},
});

const record: FixRecord = {
  edits: [{ sheet: "CSF", row: 19, col: 2, before: "A (2.1)", after: "A (1.2.1)" }],
  descriptions: ["Kode 2.1 → 1.2.1 di 1 tempat"],
};

const a = finding("2.1");
const b = finding("2.2");
const planned = [fix("x", [a]), fix("y", [b])];
const base: PaneState = reducer(initialState(DEFAULT_SETTINGS), {
  type: "fixesPlanned",
  fixes: planned,
});

describe("the pane's Perbaiki state", () => {
  it("asks to confirm fixes, forgets them when cancelled, keeps the user's picks", () => {
    const asked = reducer(base, { type: "confirmFixes", ids: ["x", "y"] });
    expect(asked.fixes.confirming).toEqual(["x", "y"]);
    expect(reducer(asked, { type: "cancelFixes" }).fixes.confirming).toBeNull();
    const picked = reducer(asked, { type: "chooseFix", id: "x", index: 1 });
    expect(picked.fixes.choices).toEqual({ x: 1 });
    expect(picked.fixes.confirming).toEqual(["x", "y"]);
  });

  it("keeps the record of the applied fixes for Batalkan, and offers the sheets to make again", () => {
    const asked = reducer(base, { type: "confirmFixes", ids: ["x"] });
    const fixed = reducer(asked, { type: "fixed", record, remake: ["tree", "report"] });
    expect(fixed.fixes).toMatchObject({
      confirming: null,
      last: record,
      remake: ["tree", "report"],
    });
    expect(reducer(fixed, { type: "remade", action: "tree" }).fixes.remake).toEqual(["report"]);
    const undone = reducer(fixed, { type: "undone", remake: ["tree"] });
    expect(undone.fixes).toMatchObject({ last: null, remake: ["tree"] });
  });

  it("drops the planned fixes when a new check arrives, keeping the last record", () => {
    const fixed = reducer(base, { type: "fixed", record, remake: [] });
    const next = reducer(fixed, {
      type: "analysed",
      summary: fixed.summary ?? {
        outcome: null,
        conditions: { csf: 0, antara: 0, operasional: 0 },
        indicators: 0,
        bySeverity: { error: 0, warning: 0, info: 0 },
      },
      findings: [],
      workbook: { organisation: null, year: null },
      notice: { intent: "success", text: "", written: [] },
    });
    expect(next.fixes).toMatchObject({ planned: [], confirming: null, last: record });
  });

  it("finds each finding's fix", () => {
    const byFinding = fixesByFinding(planned);
    expect(byFinding.get(a)?.id).toBe("x");
    expect(byFinding.get(b)?.id).toBe("y");
    expect(byFinding.get(finding("9.9"))).toBeUndefined();
  });
});
