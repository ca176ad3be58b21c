import type { WorkbookGrids } from "../../src/core/grid";
import {
  EXCEL_LIMITS,
  emptySheetPlan,
  generatedKind,
  looksLikeFormula,
  markerText,
  resolveSheetName,
  withinExcelLimits,
} from "../../src/core/plan";

describe("generated sheets", () => {
  it("are recognised by the marker in A1, and a user's sheet is not", () => {
    expect(generatedKind({ name: "X", values: [[markerText("pohon", "id")]] })).toBe("pohon");
    expect(generatedKind({ name: "X", values: [[markerText("hasil", "en")]] })).toBe("hasil");
    expect(generatedKind({ name: "X", values: [["Pohon Kinerja Dinas"]] })).toBeNull();
    expect(generatedKind({ name: "X", values: [] })).toBeNull();
  });

  it("take another name when a user's sheet has theirs, and replace only their own kind", () => {
    const wb: WorkbookGrids = {
      sheets: [
        { name: "pohon kinerja", values: [["my own tree"]] },
        { name: "Pohon Kinerja (2)", values: [[markerText("kertas-kerja", "id")]] },
        { name: "Kertas Kerja", values: [[markerText("kertas-kerja", "id")]] },
      ],
    };
    expect(resolveSheetName("Pohon Kinerja", wb, "pohon")).toBe("Pohon Kinerja (3)");
    expect(resolveSheetName("Kertas Kerja", wb, "kertas-kerja")).toBe("Kertas Kerja");
    expect(resolveSheetName("Hasil Pemeriksaan", wb, "hasil")).toBe("Hasil Pemeriksaan");
  });
});

describe("text that Excel would take as a formula", () => {
  it.each(["=SUM(A1)", "+62 812", "-", "@user"])("%s looks like a formula", (s) => {
    expect(looksLikeFormula(s)).toBe(true);
  });
  it.each(["Jumlah = 5", "Persentase", " =x"])("%s does not", (s) => {
    expect(looksLikeFormula(s)).toBe(false);
  });
});

describe("withinExcelLimits", () => {
  it("cuts text longer than a cell holds, marks the cut, and leaves the rest alone", () => {
    const sp = emptySheetPlan("S", "create", "hasil");
    const long = "x".repeat(EXCEL_LIMITS.cellChars + 100);
    sp.cells.push({ row: 0, col: 0, value: long }, { row: 1, col: 0, value: "short" });
    sp.cells.push({ row: 2, col: 0, formula: "=A1" }, { row: 3, col: 0, value: 42 });
    const out = withinExcelLimits({ sheets: [sp] }).sheets[0]!;
    expect(out.cells[0]!.value).toHaveLength(EXCEL_LIMITS.cellChars);
    expect(String(out.cells[0]!.value).endsWith("…")).toBe(true);
    expect(out.cells.slice(1)).toEqual(sp.cells.slice(1));
  });

  it("keeps a text of exactly the limit whole", () => {
    const sp = emptySheetPlan("S", "create");
    const exact = "y".repeat(EXCEL_LIMITS.cellChars);
    sp.cells.push({ row: 0, col: 0, value: exact });
    expect(withinExcelLimits({ sheets: [sp] }).sheets[0]!.cells[0]!.value).toBe(exact);
  });

  it("caps row heights at 409 points and column widths at 255 characters", () => {
    const sp = emptySheetPlan("S", "create");
    sp.rowHeights.push({ row: 0, height: 5610 }, { row: 1, height: 30 });
    sp.columnWidths.push({ col: 0, width: 400 }, { col: 1, width: 12 });
    const out = withinExcelLimits({ sheets: [sp] }).sheets[0]!;
    expect(out.rowHeights).toEqual([
      { row: 0, height: 409 },
      { row: 1, height: 30 },
    ]);
    expect(out.columnWidths).toEqual([
      { col: 0, width: 255 },
      { col: 1, width: 12 },
    ]);
  });
});
