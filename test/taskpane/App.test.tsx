/** @jest-environment jsdom */
import * as React from "react";
import path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/host";
import { TextDecoder as NodeTextDecoder } from "util";
import type { WorkbookGrids } from "../../src/core/grid";
import { generatedKind } from "../../src/core/plan";
import { analyse } from "../../src/core/pipeline";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { HostError } from "../../src/hosts/office/errors";
import { copyGrids, MemoryHost } from "./memory-host";

// jsdom has no ResizeObserver; Fluent components ask for one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
// jsdom does not lay out, so it has no scrollIntoView; the pane calls it on the current finding.
const scrolled: Element[] = [];
Element.prototype.scrollIntoView = function (this: Element) {
  scrolled.push(this);
};

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");
let sample: WorkbookGrids;
let findingsInSample: number;
beforeAll(async () => {
  // The package reader decodes with TextDecoder, which jsdom does not provide.
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= NodeTextDecoder;
  const { readXlsxPackage } = await import("../../src/hosts/xlsx/package/read");
  sample = (await readXlsxPackage(SAMPLE, { lang: "id" })).grids;
  findingsInSample = analyse(sample, DEFAULT_SETTINGS).findings.length;
});

function renderPane(host: PaneHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

async function periksa(): Promise<void> {
  await userEvent.click(screen.getByRole("button", { name: "Periksa" }));
  await waitFor(() => expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0));
}

describe("the task pane", () => {
  it("checks the workbook and shows the summary, the findings and a red result bar", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await periksa();
    expect(screen.getByTestId("summary-outcome")).toHaveTextContent(
      "Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah"
    );
    expect(screen.getByTestId("summary-csf")).toHaveTextContent("1");
    const notice = screen.getByTestId("notice");
    expect(notice).toHaveTextContent("Pemeriksaan selesai");
    expect(notice).toHaveAttribute("data-intent", "error");
    expect(screen.getAllByTestId("finding")).toHaveLength(findingsInSample);
    expect(host.plans).toEqual([]);
  });

  it("names each group of findings by its rule in Indonesian, not by its id", async () => {
    renderPane(new MemoryHost(copyGrids(sample)));
    await periksa();
    expect(screen.getByRole("heading", { name: "Kode tidak sesuai induk" })).toBeInTheDocument();
    expect(screen.queryByText(/code-parent-mismatch/)).not.toBeInTheDocument();
  });

  it("reads '– dari N' until a finding is chosen, then steps, selects and scrolls to it", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await periksa();
    const position = screen.getByTestId("findings-position");
    expect(position).toHaveTextContent(`– dari ${findingsInSample}`);
    await userEvent.click(screen.getByRole("button", { name: "Berikutnya" }));
    await waitFor(() => expect(position).toHaveTextContent(`1 dari ${findingsInSample}`));
    await userEvent.click(screen.getByRole("button", { name: "Berikutnya" }));
    await waitFor(() => expect(position).toHaveTextContent(`2 dari ${findingsInSample}`));
    const second = screen.getAllByTestId("finding")[1];
    expect(second).toHaveAttribute("aria-current", "true");
    expect(scrolled.at(-1)).toBe(second);
    expect(host.selections).toHaveLength(2);
    expect(host.selections[1]).toBe(second?.querySelector("div")?.textContent);
    await userEvent.click(screen.getByRole("button", { name: "Sebelumnya" }));
    await waitFor(() => expect(position).toHaveTextContent(`1 dari ${findingsInSample}`));
  });

  it("selects a finding's cell when it is clicked", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await periksa();
    const third = screen.getAllByTestId("finding")[2];
    if (!third) throw new Error("no third finding");
    await userEvent.click(third);
    await waitFor(() => expect(host.selections).toHaveLength(1));
    expect(third).toHaveAttribute("aria-current", "true");
    expect(screen.getByTestId("findings-position")).toHaveTextContent(/^3 dari/);
  });

  it("fills the capaian, names the sheet and what was written, and opens it from the link", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "Isi Capaian" }));
    const link = await screen.findByTestId("written-sheet");
    const formulas = (host.sheet("Target & Realisasi")?.formulas ?? [])
      .flat()
      .filter((f) => typeof f === "string");
    expect(formulas.length).toBeGreaterThan(10);
    expect(link).toHaveTextContent(
      `Target & Realisasi: ${formulas.length} rumus capaian dan realisasi`
    );
    await userEvent.click(link);
    expect(host.selections).toEqual(["'Target & Realisasi'!A1"]);
  });

  it("Jalankan semua writes the capaian, the tree, the kertas kerja and Hasil Pemeriksaan at once", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "Jalankan semua" }));
    await waitFor(() => expect(screen.getAllByTestId("written-sheet")).toHaveLength(4));
    expect(host.plans).toHaveLength(1);
    const kinds = host.grids.sheets.map(generatedKind).filter((k) => k !== null);
    expect(kinds).toEqual(["pohon", "kertas-kerja", "hasil"]);
    const model = analyse(sample, DEFAULT_SETTINGS).model;
    const indicators = model.nodes.reduce((n, c) => n + c.indicators.length, 0);
    expect(
      screen.getByText(`Pohon Kinerja: ${model.nodes.length} kotak, ${indicators} indikator`)
    ).toBeInTheDocument();
    expect(screen.getByTestId("notice")).toHaveAttribute("data-intent", "error");
  });

  it("adds an empty kertas kerja under free names when the workbook already has a CSF sheet", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    const before = host.grids.sheets.map((s) => s.name);
    await userEvent.click(screen.getByRole("button", { name: "Kertas kerja baru" }));
    await waitFor(() => expect(screen.getAllByTestId("written-sheet")).toHaveLength(3));
    expect(host.grids.sheets.map((s) => s.name)).toEqual([
      ...before,
      "CSF (2)",
      "Uraian Kondisi (2)",
      "Target & Realisasi (2)",
    ]);
    expect(host.sheet("CSF")).toEqual(sample.sheets.find((s) => s.name === "CSF"));
  });

  it("prefills Perangkat daerah and Tahun from the workbook and saves them", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    const organisation = screen.getByRole("textbox", { name: /Perangkat daerah/ });
    await waitFor(() =>
      expect(organisation).toHaveValue("SEKRETARIAT DAERAH KABUPATEN LUWU TIMUR")
    );
    expect(screen.getByRole("textbox", { name: /Tahun/ })).toHaveValue("2024");
    expect(screen.getByTestId("settings-from-workbook")).toHaveTextContent(
      "diambil dari buku kerja"
    );
    await userEvent.click(screen.getByRole("button", { name: "Simpan pengaturan" }));
    await waitFor(() => expect(host.savedSettings).toHaveLength(1));
    expect(host.settings).toMatchObject({
      organisation: "SEKRETARIAT DAERAH KABUPATEN LUWU TIMUR",
      year: 2024,
    });
  });

  it("keeps the user's own settings over what the workbook says", async () => {
    const settings = { ...DEFAULT_SETTINGS, organisation: "Bagian Organisasi", year: 2025 };
    renderPane(new MemoryHost(copyGrids(sample), settings));
    await userEvent.click(screen.getByRole("button", { name: "Pengaturan" }));
    await waitFor(() =>
      expect(screen.getByRole("textbox", { name: /Perangkat daerah/ })).toHaveValue(
        "Bagian Organisasi"
      )
    );
    expect(screen.getByRole("textbox", { name: /Tahun/ })).toHaveValue("2025");
    expect(screen.queryByTestId("settings-from-workbook")).not.toBeInTheDocument();
  });

  it("saves the clean-print choice in the workbook's settings", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await userEvent.click(screen.getByRole("switch", { name: /presentasi/ }));
    await waitFor(() => expect(host.settings.cleanPrint).toBe(true));
    expect(screen.getByRole("switch", { name: /presentasi/ })).toBeChecked();
  });

  it("shows a host error in a message bar instead of swallowing it", async () => {
    const host = new MemoryHost(copyGrids(sample));
    host.readGrids = () => Promise.reject(new HostError("protected", { sheet: "CSF" }));
    renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "Gambar Pohon" }));
    const alert = await screen.findByTestId("error");
    expect(within(alert).getByText(/Lembar "CSF" diproteksi/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Gambar Pohon" })).toBeEnabled();
  });

  it("speaks English when the settings say so", () => {
    renderPane(new MemoryHost(copyGrids(sample), { ...DEFAULT_SETTINGS, lang: "en" }));
    expect(screen.getByRole("button", { name: "Check" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Run everything" })).toBeInTheDocument();
  });
});
