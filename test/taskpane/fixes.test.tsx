/** @jest-environment jsdom */
import * as React from "react";
import path from "path";
import { TextDecoder as NodeTextDecoder } from "util";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import type { WorkbookGrids } from "../../src/core/grid";
import { generatedKind } from "../../src/core/plan";
import { copyGrids, MemoryHost } from "./memory-host";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
Element.prototype.scrollIntoView = function () {};

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");
let sample: WorkbookGrids;
beforeAll(async () => {
  (globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= NodeTextDecoder;
  const { readXlsxPackage } = await import("../../src/hosts/xlsx/package/read");
  sample = (await readXlsxPackage(SAMPLE, { lang: "id" })).grids;
});

/** C20 of the sample's CSF sheet: 1.2's children, typed 2.1–2.3. */
const c20 = (host: MemoryHost) => String(host.sheet("CSF")?.values[19]?.[2] ?? "");

function renderPane(host: MemoryHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
}

async function run(name: string): Promise<void> {
  await userEvent.click(screen.getByRole("button", { name }));
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
}

const errors = () => screen.getByTestId("summary-error").textContent;

/** Press Terapkan in the open dialog and wait until it is closed and the check is done again. */
async function apply(): Promise<void> {
  await userEvent.click(
    within(screen.getByRole("dialog")).getByRole("button", { name: "Terapkan" })
  );
  await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  await waitFor(() => expect(screen.queryByTestId("busy")).not.toBeInTheDocument());
}

/** The "Perbaiki" buttons of the fix so described (found by test id: role queries are slow). */
function fixButtons(description: string): HTMLElement[] {
  return screen
    .getAllByTestId("fix")
    .filter((b) => b.getAttribute("aria-label") === `Perbaiki: ${description}`);
}

/** The "Perbaiki semua" button of the group of findings of this rule's name. */
function fixAllOf(ruleName: string): HTMLElement {
  const heading = screen.getByRole("heading", { name: ruleName });
  return within(heading.parentElement as HTMLElement).getByTestId("fix-all");
}

describe("Perbaiki in the pane", () => {
  it("offers a fix on each fixable finding and one for all of a rule", async () => {
    renderPane(new MemoryHost(copyGrids(sample)));
    await run("Periksa");
    expect(fixAllOf("Kode tidak sesuai induk")).toHaveTextContent("Perbaiki semua (6)");
    expect(fixAllOf("Kode ganda")).toHaveTextContent("Perbaiki semua (2)");
    expect(fixButtons("Kode 2.1 → 1.2.1 di 1 tempat")[0] as HTMLElement).toBeInTheDocument();
    // "belum ada data" is no number: its finding has no fix.
    const noData = screen
      .getAllByTestId("finding")
      .find((b) => b.textContent?.includes("belum ada data"));
    expect(within(noData?.parentElement as HTMLElement).queryByTestId("fix")).toBeNull();
  });

  it("shows the edits before → after, and writes nothing when cancelled", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await run("Periksa");
    await userEvent.click(fixButtons("Kode 2.1 → 1.2.1 di 1 tempat")[0] as HTMLElement);
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByText("Perbaiki 1 temuan?")).toBeInTheDocument();
    const edit = within(dialog).getByTestId("fix-edit");
    expect(edit).toHaveTextContent("'CSF'!C20");
    expect(edit).toHaveTextContent(
      "Terlaksananya Fasilitasi pengelolaan Bina Mental Spritual (2.1) → Terlaksananya Fasilitasi pengelolaan Bina Mental Spritual (1.2.1)"
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Batal" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(host.plans).toEqual([]);
  });

  it("applies all fixes of a rule, checks again, and undoes them with Batalkan", async () => {
    const host = new MemoryHost(copyGrids(sample));
    const before = c20(host);
    renderPane(host);
    await run("Periksa");
    expect(errors()).toBe("Kesalahan: 8");
    await userEvent.click(fixAllOf("Kode tidak sesuai induk"));
    expect(within(screen.getByRole("dialog")).getAllByTestId("fix-item")).toHaveLength(6);
    await apply();
    expect(errors()).toBe("Kesalahan: 2");
    expect(c20(host)).toContain("(1.2.1)");
    expect(c20(host)).toContain("(1.2.3)");
    expect(screen.getByTestId("notice")).toHaveTextContent(
      "6 perbaikan diterapkan (2 sel); pemeriksaan diulang."
    );
    expect(host.lastFix?.edits).toHaveLength(2);
    expect(screen.getByTestId("last-fix")).toHaveTextContent(
      "Perbaikan terakhir: Kode 2.1 → 1.2.1 di 1 tempat (dan 5 lainnya)"
    );

    await userEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(errors()).toBe("Kesalahan: 8"));
    expect(c20(host)).toBe(before);
    expect(host.lastFix).toBeNull();
    expect(screen.queryByTestId("last-fix")).not.toBeInTheDocument();
  });

  it("refuses a fix whose cell changed since the check, writing nothing", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await run("Periksa");
    await userEvent.click(fixButtons("Kode 2.1 → 1.2.1 di 1 tempat")[0] as HTMLElement);
    // The user types in C20 while the dialog is open.
    const csf = host.sheet("CSF");
    if (csf?.values[19]) csf.values[19][2] = "Diketik ulang (1.2.1)";
    await userEvent.click(
      within(screen.getByRole("dialog")).getByRole("button", { name: "Terapkan" })
    );
    await waitFor(() =>
      expect(screen.getByTestId("error")).toHaveTextContent("Sel 'CSF'!C20 berubah sejak dibaca")
    );
    expect(host.plans).toEqual([]);
    expect(host.lastFix).toBeNull();
    // The dialog closes so the message is not behind it.
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("writes the name the user picks", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await run("Periksa");
    // 1.5 is named otherwise in two places: both findings offer the one fix.
    const both = fixButtons('Nama kondisi 1.5 → "Meningkatnya ITKP" di 2 tempat');
    expect(both).toHaveLength(2);
    await userEvent.click(both[0] as HTMLElement);
    const dialog = screen.getByRole("dialog");
    await userEvent.click(
      within(dialog).getByRole("radio", {
        name: "Meningkatnya Kualitas Pengelolaan Barang dan Jasa",
      })
    );
    await waitFor(() =>
      expect(
        within(dialog).getByText(
          /Nama kondisi 1.5 → "Meningkatnya Kualitas Pengelolaan Barang dan Jasa"/
        )
      ).toBeInTheDocument()
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Terapkan" }));
    await waitFor(() => expect(host.plans).toHaveLength(1));
    expect(String(host.sheet("CSF")?.values[15]?.[2])).toContain(
      "Meningkatnya Kualitas Pengelolaan Barang dan Jasa (CSF 1.5)"
    );
  });

  it("offers to make the add-in's sheets again after a fix changed what they show", async () => {
    const host = new MemoryHost(copyGrids(sample));
    renderPane(host);
    await run("Gambar Pohon");
    expect(host.grids.sheets.some((s) => generatedKind(s) === "pohon")).toBe(true);
    await userEvent.click(fixAllOf("Kode ganda"));
    await apply();
    const offer = screen.getByTestId("remake");
    await userEvent.click(within(offer).getByRole("button", { name: "Gambar Pohon" }));
    await waitFor(() => expect(screen.queryByTestId("remake")).not.toBeInTheDocument());
    expect(host.plans.at(-1)?.sheets.map((s) => s.kind)).toEqual(["pohon"]);
  });

  it("keeps Batalkan for the last fix the workbook records, after the pane is opened again", async () => {
    const host = new MemoryHost(copyGrids(sample));
    host.lastFix = {
      edits: [{ sheet: "CSF", row: 19, col: 2, before: "lama", after: c20(host) }],
      descriptions: ["Kode 2.1 → 1.2.1 di 1 tempat"],
    };
    renderPane(host);
    expect(screen.getByTestId("last-fix")).toHaveTextContent("Kode 2.1 → 1.2.1 di 1 tempat");
    await userEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(c20(host)).toBe("lama"));
  });
});
