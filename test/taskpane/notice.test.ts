import { actionNotice, findingsIntent } from "../../src/taskpane/notice";
import type { ActionOutcome } from "../../src/core";
import type { Finding } from "../../src/core/findings";
import { emptySheetPlan } from "../../src/core/plan";
import { emptyModel, indicator, node } from "../helpers/model-builder";

function finding(severity: Finding["severity"]): Finding {
  return {
    rule: "missing-field",
    severity,
    sheet: null,
    cell: null,
    code: null,
    message: "",
    params: {},
  };
}

function outcome(
  findings: Finding[],
  written: boolean,
  skipped: ("print" | "autoFilter" | "paper")[] = []
) {
  const model = emptyModel({
    nodes: [node({ code: "1", indicators: [indicator(), indicator()] }), node({ code: "1.1" })],
  });
  const tree = emptySheetPlan("Pohon Kinerja", "create", "pohon");
  const out: ActionOutcome = {
    grids: { sheets: [] },
    analysis: { model, findings },
    findings,
    plan: { sheets: written ? [tree] : [] },
    result: written ? { sheets: ["Pohon Kinerja"], chunks: 1, skipped } : null,
  };
  return out;
}

describe("the result bar", () => {
  it("is red when errors were found, amber for warnings only, green for info or nothing", () => {
    expect(findingsIntent([finding("error"), finding("warning")])).toBe("error");
    expect(findingsIntent([finding("warning"), finding("info")])).toBe("warning");
    expect(findingsIntent([finding("info")])).toBe("success");
    expect(findingsIntent([])).toBe("success");
  });

  it("after Periksa gives the counts and names no sheet", () => {
    const n = actionNotice(outcome([finding("error"), finding("info")], false), "id");
    expect(n).toEqual({
      intent: "error",
      text: "Pemeriksaan selesai: 1 kesalahan, 0 peringatan, 1 info.",
      written: [],
    });
  });

  it("after a write names each sheet and what it holds", () => {
    const n = actionNotice(outcome([], true), "id");
    expect(n.intent).toBe("success");
    expect(n.written).toEqual([
      { sheet: "Pohon Kinerja", text: "Pohon Kinerja: 2 kotak, 2 indikator" },
    ]);
  });

  it("says in plain words when print setup was skipped, and is at least amber then", () => {
    const n = actionNotice(outcome([], true, ["print"]), "id");
    expect(n.intent).toBe("warning");
    expect(n.text).toContain("Excel 2021 atau yang lebih baru");
    expect(n.text).not.toMatch(/ExcelApi/);
  });

  it("says only the paper size was refused when the rest of the print setup is in place", () => {
    const n = actionNotice(outcome([], true, ["paper"]), "id");
    expect(n.intent).toBe("warning");
    expect(n.text).toContain("ukuran kertas");
    expect(n.text).not.toContain("Excel 2021");
  });
});
