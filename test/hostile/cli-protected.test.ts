/**
 * `pokin hitung` on a workbook whose Target & Realisasi sheet is protected must say why nothing
 * was filled (the sheet-protected finding), not only where the copy was written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadXlsxFile } from "../hosts/xlsx/exceljs";
import { runCli } from "../cli/run";
import { SAMPLE } from "./helpers";

const TR = "Target & Realisasi";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pokin-hostile-bug-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("pokin hitung on a protected sheet", () => {
  it("tells the user the sheet is protected and nothing was filled", async () => {
    const book = await loadXlsxFile(SAMPLE);
    await book.getWorksheet(TR)?.protect("rahasia", {});
    const input = path.join(dir, "terkunci.xlsx");
    await book.xlsx.writeFile(input);
    const r = await runCli(["hitung", input, "-o", path.join(dir, "keluar.xlsx")]);
    // The message of the sheet-protected finding (capaian.sheetProtected) names the sheet.
    expect(`${r.stdout}${r.stderr}`).toContain(`Lembar ${TR} diproteksi`);
  });
});
