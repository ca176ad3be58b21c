// Perbaiki in the production pane in Chromium, with the strict fake Excel host on the sample:
// fix every code error, see the count drop, undo, see it return; a fix whose cell changed since
// the check is refused. Screenshots at 320 px go to test-results/e2e/.
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { cellAt } from "../../src/core/grid";
import { readXlsxPackage } from "../../src/hosts/xlsx/package/read";
import { LAST_FIX_KEY } from "../../src/hosts/office/settings";
import { openPane, type PanePage } from "../helpers/pane-page";

const root = path.resolve(__dirname, "../..");
const shots = path.join(root, "test-results/e2e");
const SAMPLE = path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx");

let pane: PanePage;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  pane = await openPane((await readXlsxPackage(SAMPLE, { lang: "id" })).grids);
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

/** Wait until the summary counts `errors` errors. */
async function errorsAre(errors: number): Promise<void> {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="summary-error"]')?.textContent === text,
    `Kesalahan: ${errors}`,
    { timeout: 60000 }
  );
}

/** The "Perbaiki semua" button of the group of findings of this rule's name. */
function fixAllOf(ruleName: string): Locator {
  return page
    .getByRole("heading", { name: ruleName, exact: true })
    .locator("xpath=..")
    .getByTestId("fix-all");
}

/** The text of a cell of the fake's workbook. */
async function cell(sheet: string, row: number, col: number): Promise<string> {
  const grid = (await pane.exported()).grids.sheets.find((s) => s.name === sheet);
  return String((grid && cellAt(grid, row, col)) ?? "");
}

/** A screenshot from the top of the pane, or from `at` when given. */
async function shot(file: string, at?: Locator): Promise<void> {
  // The dialog fades in and out: wait for Fluent's animations to end.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  if (at) await at.evaluate((e) => e.scrollIntoView({ block: "start" }));
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, file) });
}

describe("Perbaiki in Chromium on the sample workbook", () => {
  it("fixes every code error: the count drops to none", async () => {
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    await errorsAre(8);
    await shot("09-perbaiki-tombol.png", page.getByRole("heading", { name: "Kesalahan (8)" }));
    await fixAllOf("Kode tidak sesuai induk").click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await shot("10-perbaiki-konfirmasi.png");
    await dialog.getByRole("button", { name: "Terapkan" }).click();
    await errorsAre(2);
    await fixAllOf("Kode ganda").click();
    await page.getByRole("dialog").getByRole("button", { name: "Terapkan" }).click();
    await errorsAre(0);
    await page.getByTestId("last-fix").waitFor();
    await shot("11-perbaiki-selesai.png");
    expect(await cell("CSF", 19, 2)).toContain("Bina Mental Spritual (1.2.1)");
    expect(await cell("CSF", 32, 2)).toContain("(1.7.4)");
    expect((await pane.exported()).settings[LAST_FIX_KEY]).toBeDefined();
  });

  it("Batalkan puts the last fix back: the count returns", async () => {
    await page.getByTestId("undo").click();
    await errorsAre(2);
    expect(await cell("CSF", 32, 2)).toContain("(1.7.3)");
    // Only the last fix is undone: the renumbering before it stays.
    expect(await cell("CSF", 19, 2)).toContain("(1.2.1)");
    expect((await pane.exported()).settings[LAST_FIX_KEY]).toBeUndefined();
  });

  it("refuses a fix whose cell changed since the check, and writes nothing", async () => {
    await fixAllOf("Kode ganda").click();
    await page.getByRole("dialog").waitFor();
    // The user types in one of the fix's cells while the dialog is open.
    await page.evaluate(async () => {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("CSF").getRange("C33").values = [["Diketik ulang"]];
        await context.sync();
      });
    });
    await page.getByRole("dialog").getByRole("button", { name: "Terapkan" }).click();
    const error = page.getByTestId("error");
    await error.waitFor();
    expect(await error.textContent()).toContain("Sel 'CSF'!C33 berubah sejak dibaca");
    expect(await cell("CSF", 32, 2)).toBe("Diketik ulang");
    expect(await cell("CSF", 23, 2)).toContain("(1.4.6)\n");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await shot("12-perbaiki-ditolak.png");
  });
});
