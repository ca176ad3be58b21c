/** @jest-environment jsdom */
/**
 * The column mapping in the pane (issue 14): the dialog shows the table's header row with a role
 * per column, the reader's guess chosen, and a live count; the pane opens it from the finding,
 * keeps the mapping in the workbook's settings and reads with it on every later run.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { MappingDialog } from "../../src/taskpane/components/MappingDialog";
import { guessedMapping, mappingCounts, readWorkbook } from "../../src/core/reader";
import type { ColumnMapping } from "../../src/core/model";
import { generatedKind } from "../../src/core/plan";
import { gridsOf } from "../fixtures/reader/fixtures";
import { unknownHeaders } from "../fixtures/reader/shapes";
import { MemoryHost } from "./memory-host";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
Element.prototype.scrollIntoView = function () {};

const grids = () => gridsOf(unknownHeaders, true);

function guess(): ColumnMapping {
  const table = readWorkbook(grids()).unplaced?.[0];
  if (!table) throw new Error("expected an unplaced table");
  return guessedMapping(table);
}

const wrap = (ui: React.ReactElement) =>
  render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const roleSelects = () => screen.getAllByTestId("mapping-role") as HTMLSelectElement[];

/** Pick the roles of a three-level matrix: Sasaran Strategis CSF, … Nilai Capaian Riil realisasi. */
async function mapAsMatrix(): Promise<void> {
  const picks: [number, string][] = [
    [0, "CSF"],
    [1, "Kondisi tingkat 2 (antara)"],
    [2, "Kondisi tingkat 3 (operasional)"],
    [5, "Realisasi"],
  ];
  for (const [i, label] of picks)
    await userEvent.selectOptions(roleSelects()[i] as HTMLElement, label);
}

describe("the mapping dialog", () => {
  it("shows the header row with the reader's guess chosen for each column", () => {
    wrap(
      <MappingDialog
        lang="id"
        initial={guess()}
        count={() => ({ conditions: 0, indicators: 0 })}
        busy={false}
        onSave={() => undefined}
        onCancel={() => undefined}
      />
    );
    expect(screen.getByRole("dialog")).toHaveTextContent("Peta kolom: Pohon, baris 3");
    expect(screen.getByText("Kolom A: Sasaran Strategis")).toBeInTheDocument();
    expect(screen.getByText("Kolom G: Bidang")).toBeInTheDocument();
    expect(roleSelects().map((s) => s.value)).toEqual([
      "condition",
      "condition",
      "ignore",
      "indicator",
      "target",
      "ignore",
      "responsible",
    ]);
  });

  it("counts the conditions and indicators as the roles change, and saves what was picked", async () => {
    const saved: ColumnMapping[] = [];
    wrap(
      <MappingDialog
        lang="id"
        initial={guess()}
        count={(m) => mappingCounts(grids(), [m])}
        busy={false}
        onSave={(m) => saved.push(m)}
        onCancel={() => undefined}
      />
    );
    const count = () => screen.getByTestId("mapping-count").textContent;
    expect(count()).toBe("Dengan peta ini: 5 kondisi, 4 indikator.");
    await mapAsMatrix();
    expect(count()).toBe("Dengan peta ini: 9 kondisi, 4 indikator.");
    await userEvent.selectOptions(roleSelects()[3] as HTMLElement, "(tidak dipakai)");
    expect(count()).toBe("Dengan peta ini: 9 kondisi, 0 indikator.");
    await userEvent.click(screen.getByRole("button", { name: "Simpan peta" }));
    expect(saved.map((m) => m.columns.map((c) => c.role))).toEqual([
      ["csf", "condition2", "condition3", "ignore", "target", "actual", "responsible"],
    ]);
  });

  it("speaks English when the pane does", () => {
    wrap(
      <MappingDialog
        lang="en"
        initial={guess()}
        count={() => ({ conditions: 2, indicators: 1 })}
        busy={false}
        onSave={() => undefined}
        onCancel={() => undefined}
      />
    );
    expect(screen.getByText("Column A: Sasaran Strategis")).toBeInTheDocument();
    expect(screen.getByTestId("mapping-count")).toHaveTextContent(
      "With this mapping: 2 conditions, 1 indicators."
    );
    expect(screen.getByRole("button", { name: "Save mapping" })).toBeInTheDocument();
  });
});

describe("mapping a table in the pane", () => {
  function renderPane(host: MemoryHost) {
    return wrap(<App host={host} />);
  }

  async function run(name: string): Promise<void> {
    // findByRole: the pane stays hidden from the accessibility tree while a dialog closes.
    await userEvent.click(await screen.findByRole("button", { name }, { timeout: 5000 }));
    await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
  }

  it("maps the unknown table from its finding, keeps the mapping, draws the tree, reuses it", async () => {
    const host = new MemoryHost(grids());
    const first = renderPane(host);
    await run("Periksa");
    expect(screen.getByTestId("summary-indicators")).toHaveTextContent("0");
    await userEvent.click(
      screen.getByRole("button", { name: "Petakan kolom tabel di 'Pohon'!A3" })
    );
    await mapAsMatrix();
    expect(screen.getByTestId("mapping-count")).toHaveTextContent("9 kondisi, 4 indikator");
    await userEvent.click(
      within(screen.getByRole("dialog")).getByRole("button", { name: "Simpan peta" })
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
    expect(host.savedSettings.at(-1)?.mappings?.map((m) => [m.sheet, m.headerRow])).toEqual([
      ["Pohon", 3],
    ]);
    expect(screen.getByTestId("summary-csf")).toHaveTextContent("2");
    expect(screen.getByTestId("summary-indicators")).toHaveTextContent("4");
    expect(screen.queryByTestId("map-columns")).not.toBeInTheDocument();
    await run("Gambar Pohon");
    const tree = host.grids.sheets.find((s) => generatedKind(s) === "pohon");
    // One box per condition, each headed by its code (its name is a formula to its cell).
    const codes = (tree?.values ?? [])
      .flat()
      .filter((v) => typeof v === "string" && /^(CSF )?\d+(\.\d+)*$/.test(v));
    expect(codes.sort()).toEqual([
      "1.1",
      "1.1.1",
      "1.1.2",
      "1.2",
      "1.2.1",
      "2.1",
      "2.1.1",
      "CSF 1",
      "CSF 2",
    ]);
    first.unmount();

    // Opened again: the settings the workbook keeps hold the mapping, and the check uses it.
    renderPane(host);
    await run("Periksa");
    expect(screen.getByTestId("summary-operasional")).toHaveTextContent("4");
    expect(screen.queryByTestId("map-columns")).not.toBeInTheDocument();
  });

  it("says a kept mapping no longer fits when a header changed, and offers to map again", async () => {
    const kept = guess();
    const changed = {
      ...kept,
      columns: kept.columns.map((c, i) => (i === 4 ? { ...c, header: "Target Lama" } : c)),
    };
    const host = new MemoryHost(grids(), { ...DEFAULT_SETTINGS, mappings: [changed] });
    renderPane(host);
    await run("Periksa");
    expect(
      screen.getByRole("heading", { name: "Peta kolom tidak sesuai lagi" })
    ).toBeInTheDocument();
    expect(screen.getByTestId("summary-indicators")).toHaveTextContent("0");
    await userEvent.click(
      screen.getByRole("button", { name: "Petakan kolom tabel di 'Pohon'!A3" })
    );
    await userEvent.click(
      within(screen.getByRole("dialog")).getByRole("button", { name: "Simpan peta" })
    );
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
    // The new mapping replaced the one made for the same sheet and row.
    expect(host.settings.mappings?.map((m) => m.columns[4]?.header)).toEqual(["Nilai Target"]);
    expect(
      screen.queryByRole("heading", { name: "Peta kolom tidak sesuai lagi" })
    ).not.toBeInTheDocument();
  });

  it("removes a kept mapping for a sheet that is gone, from its finding, and checks again", async () => {
    const kept = guess();
    const gone = { ...kept, sheet: "Lama" };
    const host = new MemoryHost(grids(), { ...DEFAULT_SETTINGS, mappings: [gone, kept] });
    renderPane(host);
    await run("Periksa");
    expect(screen.getAllByTestId("drop-mapping")).toHaveLength(1);
    await userEvent.click(
      screen.getByRole("button", { name: "Hapus peta kolom lembar Lama yang tidak sesuai lagi" })
    );
    await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
    // Only the outdated mapping went; the one for 'Pohon' still reads the table.
    expect(host.settings.mappings).toEqual([kept]);
    expect(screen.queryByTestId("drop-mapping")).not.toBeInTheDocument();
    expect(
      screen.queryByRole("heading", { name: "Peta kolom tidak sesuai lagi" })
    ).not.toBeInTheDocument();
  });
});
