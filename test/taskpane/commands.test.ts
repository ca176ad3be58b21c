import path from "path";
import { FakeExcelHost } from "../../src/hosts/fake-excel";
import { readXlsxFile } from "../../src/hosts/xlsx";

const SAMPLE = path.join(__dirname, "../../examples/kertas-kerja-setda-luwu-timur.xlsx");

describe("the ribbon command", () => {
  it("runPeriksa writes the Hasil Pemeriksaan sheet and completes the event", async () => {
    const host = new FakeExcelHost(await readXlsxFile(SAMPLE)).install();
    const { runPeriksa } = await import("../../src/commands/commands");
    const action = host.actions.get("runPeriksa");
    expect(action).toBe(runPeriksa);
    const completed = jest.fn();
    await runPeriksa({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    const hasil = host
      .grids()
      .sheets.find((s) => String(s.values[0]?.[0] ?? "").includes("pokin-csf:hasil"));
    expect(hasil).toBeDefined();
  });

  it("completes the event even when Excel refuses, and logs the reason", async () => {
    const book = await readXlsxFile(SAMPLE);
    new FakeExcelHost(book, { maxApi: "1.6" }).install();
    const { runPeriksa } = await import("../../src/commands/commands");
    const completed = jest.fn();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await runPeriksa({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toContain("Excel 2019 atau yang lebih baru");
    log.mockRestore();
  });
});
