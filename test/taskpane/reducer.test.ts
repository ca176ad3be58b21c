import {
  currentFinding,
  initialState,
  reducer,
  summarise,
  visibleFindings,
  type PaneState,
} from "../../src/taskpane/reducer";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import type { Finding } from "../../src/core/findings";
import type { CsfModel } from "../../src/core/model";

function finding(
  rule: Finding["rule"],
  severity: Finding["severity"],
  message: string,
  cell: string | null = null
): Finding {
  return { rule, severity, sheet: "CSF", cell, code: null, message, params: {} };
}

const findings: Finding[] = [
  finding("duplicate-code", "error", "Kode 1.4.6 dipakai dua kali", "'CSF'!C20"),
  finding("missing-field", "warning", "Sumber Data kosong", "'Uraian Kondisi'!E12"),
  finding("no-indicator", "error", "Kondisi 1.9 belum memiliki indikator", "'CSF'!C30"),
  finding("duplicate-code", "error", "Kode 1.7.3 dipakai dua kali", "'CSF'!C25"),
];

const base: PaneState = { ...initialState(DEFAULT_SETTINGS), findings };

describe("the pane reducer", () => {
  it("starts an action, clearing the previous error and notice", () => {
    const state = {
      ...base,
      error: "lama",
      notice: { text: "x", intent: "success" as const, written: [] },
    };
    expect(reducer(state, { type: "start", busy: "fill" })).toEqual({
      ...state,
      busy: "fill",
      progress: null,
      error: null,
      notice: null,
    });
  });

  it("records progress and ends busy on failure with the message", () => {
    const busy = reducer(base, { type: "start", busy: "tree" });
    expect(reducer(busy, { type: "progress", done: 1, total: 3 }).progress).toEqual({
      done: 1,
      total: 3,
    });
    expect(reducer(busy, { type: "failed", message: "Lembar diproteksi" })).toEqual({
      ...busy,
      busy: null,
      progress: null,
      error: "Lembar diproteksi",
    });
  });

  it("lists findings by severity, then grouped by rule", () => {
    expect(visibleFindings(base).map((f) => f.message)).toEqual([
      "Kode 1.4.6 dipakai dua kali",
      "Kode 1.7.3 dipakai dua kali",
      "Kondisi 1.9 belum memiliki indikator",
      "Sumber Data kosong",
    ]);
  });

  it("filters by text and severity and resets the current finding", () => {
    const s1 = reducer({ ...base, current: 2 }, { type: "filterText", text: "1.7.3" });
    expect(s1.current).toBeNull();
    expect(visibleFindings(s1).map((f) => f.cell)).toEqual(["'CSF'!C25"]);
    const s2 = reducer(base, { type: "filterSeverity", severity: "warning" });
    expect(visibleFindings(s2).map((f) => f.rule)).toEqual(["missing-field"]);
  });

  it("filters by the rule's name in the user's language as well as by its id", () => {
    const byName = reducer(base, { type: "filterText", text: "kode ganda" });
    expect(visibleFindings(byName).map((f) => f.rule)).toEqual([
      "duplicate-code",
      "duplicate-code",
    ]);
    const english = reducer(
      { ...base, lang: "en" },
      { type: "filterText", text: "without indicator" }
    );
    expect(visibleFindings(english).map((f) => f.rule)).toEqual(["no-indicator"]);
  });

  it("knows the current finding in the list as shown, and none before one is chosen", () => {
    expect(currentFinding(base)).toBeNull();
    const second = reducer(reducer(base, { type: "step", delta: 1 }), { type: "step", delta: 1 });
    expect(currentFinding(second)?.message).toBe("Kode 1.7.3 dipakai dua kali");
  });

  it("records what the workbook says and clears busy", () => {
    const busy = reducer(base, { type: "start", busy: "prefill" });
    const next = reducer(busy, {
      type: "workbook",
      workbook: { organisation: "SEKRETARIAT DAERAH", year: 2024 },
    });
    expect(next.busy).toBeNull();
    expect(next.workbook).toEqual({ organisation: "SEKRETARIAT DAERAH", year: 2024 });
  });

  it("steps forward and backward around the filtered list", () => {
    const first = reducer(base, { type: "step", delta: 1 });
    expect(first.current).toBe(0);
    expect(reducer(first, { type: "step", delta: -1 }).current).toBe(3);
    expect(reducer({ ...base, current: 3 }, { type: "step", delta: 1 }).current).toBe(0);
    expect(reducer({ ...base, findings: [] }, { type: "step", delta: 1 }).current).toBeNull();
  });

  it("keeps the replace-overrides choice and new settings", () => {
    expect(reducer(base, { type: "replaceOverrides", value: true }).replaceOverrides).toBe(true);
    const settings = { ...DEFAULT_SETTINGS, lang: "en" as const, year: 2024 };
    expect(reducer(base, { type: "settings", settings })).toEqual({
      ...base,
      settings,
      lang: "en",
    });
  });

  it("summarises conditions per level, indicators and findings", () => {
    const node = (level: "csf" | "antara" | "operasional", n: number) =>
      ({
        level,
        indicators: Array.from({ length: n }, () => ({})),
      }) as unknown as CsfModel["nodes"][number];
    const model = {
      outcome: "Meningkatnya Kualitas Pelayanan Publik",
      nodes: [node("csf", 1), node("antara", 2), node("antara", 0), node("operasional", 3)],
    } as unknown as CsfModel;
    expect(summarise(model, findings)).toEqual({
      outcome: "Meningkatnya Kualitas Pelayanan Publik",
      conditions: { csf: 1, antara: 2, operasional: 1 },
      indicators: 6,
      bySeverity: { error: 3, warning: 1, info: 0 },
    });
  });
});
