import path from "path";
import { FakeExcelHost, type FakeDialog } from "../../src/hosts/fake-excel";
import { readXlsxFile } from "../../src/hosts/xlsx";
import { SETTINGS_KEY } from "../../src/hosts/office";

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");

import type { WorkbookGrids } from "../../src/core/grid";

let sample: WorkbookGrids;
beforeAll(async () => {
  sample = await readXlsxFile(SAMPLE);
  // The function file's page, whose folder the dialog page is in (after reading: the package
  // reader takes a window for a browser).
  (globalThis as unknown as { window: unknown }).window = {
    location: { href: "https://localhost:3000/commands.html" },
  };
});
afterAll(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

/** The dialog the command opens, once it is open. */
async function dialogOf(host: FakeExcelHost): Promise<FakeDialog> {
  for (let i = 0; i < 200 && host.dialogs.length === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  const dialog = host.dialogs[0];
  if (!dialog) throw new Error("no dialog opened");
  return dialog;
}

/** The dialog's message and kind, from its URL. */
function shown(dialog: FakeDialog): { text: string; kind: string | null } {
  const url = new URL(dialog.url);
  return { text: url.searchParams.get("m") ?? "", kind: url.searchParams.get("k") };
}

describe("the ribbon command", () => {
  it("runPeriksa writes Hasil Pemeriksaan, shows the result and completes when it is closed", async () => {
    const host = new FakeExcelHost(sample).install();
    const { runPeriksa } = await import("../../src/commands/commands");
    expect(host.actions.get("runPeriksa")).toBe(runPeriksa);
    const completed = jest.fn();
    const running = runPeriksa({ completed } as unknown as Office.AddinCommands.Event);
    const dialog = await dialogOf(host);
    expect(shown(dialog).text).toMatch(/^Pemeriksaan selesai: \d+ kesalahan/);
    expect(shown(dialog).text).toContain("lembar Hasil Pemeriksaan");
    expect(shown(dialog).kind).toBeNull();
    expect(completed).not.toHaveBeenCalled();
    dialog._messageParent("close");
    await running;
    expect(dialog.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
    const hasil = host
      .grids()
      .sheets.find((s) => String(s.values[0]?.[0] ?? "").includes("pokin-csf:hasil"));
    expect(hasil).toBeDefined();
  });

  it("shows why when Excel refuses, and completes when the user closes the dialog", async () => {
    const host = new FakeExcelHost(sample, { maxApi: "1.6" }).install();
    const { runPeriksa } = await import("../../src/commands/commands");
    const completed = jest.fn();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const running = runPeriksa({ completed } as unknown as Office.AddinCommands.Event);
    const dialog = await dialogOf(host);
    expect(shown(dialog)).toEqual({
      text: expect.stringContaining("Excel 2019 atau yang lebih baru") as string,
      kind: "error",
    });
    dialog._userCloses();
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });

  it("reports settings it cannot read instead of failing silently", async () => {
    const host = new FakeExcelHost(sample, { settings: { [SETTINGS_KEY]: "{" } }).install();
    const settings = (host.Office.context as { document: { settings: { get: unknown } } }).document
      .settings;
    settings.get = () => {
      throw new Error("settings unreadable");
    };
    const { runPeriksa } = await import("../../src/commands/commands");
    const completed = jest.fn();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const running = runPeriksa({ completed } as unknown as Office.AddinCommands.Event);
    const dialog = await dialogOf(host);
    expect(shown(dialog).text).toContain("settings unreadable");
    dialog._userCloses();
    await running;
    expect(completed).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
