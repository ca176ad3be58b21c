// The column mapping in the production pane in Chromium at 320 px, with the strict fake Excel
// host on a workbook whose table no rule reads: map its columns → the tree is drawn; the pane
// opened again on the saved workbook reads with the mapping it keeps. Screenshots go to
// test-results/e2e/.
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { generatedKind } from "../../src/core/plan";
import { SETTINGS_KEY } from "../../src/hosts/office/settings";
import { readXlsxPackage } from "../../src/hosts/xlsx/package/read";
import { openPane, type PanePage } from "../helpers/pane-page";

const root = path.resolve(__dirname, "../..");
const shots = path.join(root, "test-results/e2e");
const UNKNOWN = path.join(root, "test/fixtures/reader/unknown-headers.xlsx");

let pane: PanePage | undefined;

beforeAll(() => fs.mkdirSync(shots, { recursive: true }));
afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

/** Wait until the summary counts `n` indicators. */
async function indicatorsAre(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="summary-indicators"]')?.textContent === text,
    String(n),
    { timeout: 60000 }
  );
}

async function shot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: path.join(shots, file) });
}

describe("the column mapping in Chromium", () => {
  let saved: Awaited<ReturnType<PanePage["exported"]>>;

  it("maps an unknown table: the live count, then the tree is drawn", async () => {
    pane = await openPane((await readXlsxPackage(UNKNOWN, { lang: "id" })).grids);
    const { page } = pane;
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    await indicatorsAre(page, 0);
    await page.getByRole("button", { name: "Petakan kolom tabel di 'Pohon'!A3" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    const roles = dialog.getByTestId("mapping-role");
    expect(await roles.count()).toBe(7);
    await roles.nth(0).selectOption({ label: "CSF" });
    await roles.nth(1).selectOption({ label: "Kondisi tingkat 2 (antara)" });
    await roles.nth(2).selectOption({ label: "Kondisi tingkat 3 (operasional)" });
    await roles.nth(5).selectOption({ label: "Realisasi" });
    const count = dialog.getByTestId("mapping-count");
    expect(await count.textContent()).toBe("Dengan peta ini: 9 kondisi, 4 indikator.");
    // The dialog fits the 320 px pane: nothing scrolls sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Each role list fits the dialog's content, as wide as its buttons (a native select
    // otherwise widens to its longest option, past the edge).
    const save = await dialog.getByRole("button", { name: "Simpan peta" }).boundingBox();
    const edge = (save?.x ?? 0) + (save?.width ?? 0);
    for (let i = 0; i < 7; i++) {
      const box = await roles.nth(i).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(edge + 0.5);
    }
    await shot(page, "13-peta-kolom.png");
    await dialog.getByRole("button", { name: "Simpan peta" }).click();
    await indicatorsAre(page, 4);
    await page.getByRole("button", { name: "Gambar Pohon", exact: true }).click();
    await page.getByTestId("notice").waitFor({ timeout: 60000 });
    saved = await pane.exported();
    const tree = saved.grids.sheets.find((s) => generatedKind(s) === "pohon");
    const codes = (tree?.values ?? [])
      .flat()
      .filter((v) => typeof v === "string" && /^\d+\.\d+\.\d+$/.test(v));
    expect(codes.sort()).toEqual(["1.1.1", "1.1.2", "1.2.1", "2.1.1"]);
    const settings = saved.settings[SETTINGS_KEY] as { mappings?: { sheet: string }[] };
    expect(settings.mappings?.map((m) => m.sheet)).toEqual(["Pohon"]);
    await shot(page, "14-peta-kolom-pohon.png");
  });

  it("reopened on the saved workbook, reads with the mapping it keeps", async () => {
    pane = await openPane(saved.grids, { settings: saved.settings });
    const { page } = pane;
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    await indicatorsAre(page, 4);
    expect(await page.getByTestId("summary-csf").textContent()).toBe("2");
    expect(await page.getByTestId("map-columns").count()).toBe(0);
  });
});
