/** @jest-environment jsdom */
import * as React from "react";
import path from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { PaneHost } from "../../src/taskpane/host";
import { officeHost } from "../../src/taskpane/office-host";
import { FakeExcelHost } from "../../src/hosts/fake-excel";
import { readXlsxFile } from "../../src/hosts/xlsx";
import type { WorkbookGrids } from "../../src/core/grid";
import { HostError } from "../../src/hosts/office/errors";

// jsdom has no ResizeObserver; Fluent's positioning (tooltips) asks for one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");
let sample: WorkbookGrids;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
});

function renderPane(host: PaneHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

describe("the task pane", () => {
  it("checks the workbook and shows the summary and the findings in Indonesian", async () => {
    new FakeExcelHost(sample).install();
    renderPane(officeHost);
    await userEvent.click(screen.getByRole("button", { name: "Periksa" }));
    await waitFor(() => expect(screen.getByTestId("summary-outcome")).toBeInTheDocument());
    expect(screen.getByTestId("summary-outcome")).toHaveTextContent(
      "Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah"
    );
    expect(screen.getByTestId("summary-csf")).toHaveTextContent("1");
    expect(screen.getByTestId("notice")).toHaveTextContent("Pemeriksaan selesai");
    expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);
  });

  it("selects a finding's cell when it is clicked and steps with Berikutnya", async () => {
    const fake = new FakeExcelHost(sample).install();
    renderPane(officeHost);
    await userEvent.click(screen.getByRole("button", { name: "Periksa" }));
    await waitFor(() => expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0));
    const first = screen.getAllByTestId("finding")[0];
    if (!first) throw new Error("no finding");
    await userEvent.click(first);
    await waitFor(() => expect(fake.workbook.selection).not.toBeNull());
    expect(first).toHaveAttribute("aria-current", "true");
    await userEvent.click(screen.getByRole("button", { name: /Berikutnya/ }));
    await waitFor(() =>
      expect(screen.getByTestId("findings-position")).toHaveTextContent(/^2 dari/)
    );
  });

  it("fills the capaian and writes formulas into Target & Realisasi", async () => {
    const fake = new FakeExcelHost(sample).install();
    renderPane(officeHost);
    await userEvent.click(screen.getByRole("button", { name: "Isi Capaian" }));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Selesai"));
    const target = fake.sheet("Target & Realisasi");
    const formulas = (target?.formulas ?? []).flat().filter((f) => typeof f === "string");
    expect(formulas.length).toBeGreaterThan(0);
  });

  it("shows a host error in a message bar instead of swallowing it", async () => {
    const host: PaneHost = {
      ...officeHost,
      readGrids: () => Promise.reject(new HostError("protected", { sheet: "CSF" })),
    };
    new FakeExcelHost(sample).install();
    renderPane(host);
    await userEvent.click(screen.getByRole("button", { name: "Gambar Pohon" }));
    const alert = await screen.findByTestId("error");
    expect(within(alert).getByText(/Lembar "CSF" diproteksi/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Gambar Pohon" })).toBeEnabled();
  });

  it("speaks English when Office's display language is English", async () => {
    new FakeExcelHost(sample, { displayLanguage: "en-GB" }).install();
    renderPane(officeHost);
    expect(screen.getByRole("button", { name: "Check" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fill capaian" })).toBeInTheDocument();
  });
});
