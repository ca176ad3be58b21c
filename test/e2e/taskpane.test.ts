// The production task pane in Chromium, with the strict fake Excel host (preloaded with the
// sample workbook) served in place of Microsoft's office.js. Screenshots at 320 px go to
// test-results/e2e/.
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { serveStatic, type StaticServer } from "../helpers/static-server";
import { readXlsxFile } from "../../src/hosts/xlsx";
import type { WorkbookGrids } from "../../src/core/grid";
import { buildFakeBundleIfStale, fakeBundle } from "../helpers/fake-bundle";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");
const shots = path.join(root, "test-results/e2e");
const SAMPLE = path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx");

interface Exported {
  grids: WorkbookGrids;
  workbook: { activeSheet: string | null; selection: string | null };
  stats: { syncs: number; requestBytes: number[] };
  settings: Record<string, unknown>;
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let officeJs: string;

beforeAll(async () => {
  buildFakeBundleIfStale();
  const sample = await readXlsxFile(SAMPLE);
  officeJs = `window.__POKIN_FAKE_WORKBOOK__ = ${JSON.stringify(sample)};\n${fs.readFileSync(fakeBundle, "utf8")}`;
  fs.mkdirSync(shots, { recursive: true });
  server = await serveStatic(dist);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 320, height: 900 } });
  page = await context.newPage();
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
  );
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("button", { name: "Periksa", exact: true }).waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function exported(): Promise<Exported> {
  const json = await page.evaluate(() =>
    (window as unknown as { __pokinFakeExport(): string }).__pokinFakeExport()
  );
  return JSON.parse(json) as Exported;
}

/** Click an action and wait until it has finished (its own notice or an error shows). */
async function click(name: string): Promise<void> {
  // Dismiss the previous notice first, so the wait below sees this action's result.
  const previous = page.getByTestId("notice");
  if ((await previous.count()) > 0)
    await previous.getByRole("button", { name: "Tutup pesan" }).click();
  await page.getByRole("button", { name, exact: true }).click();
  await page
    .getByTestId("notice")
    .or(page.getByTestId("error"))
    .first()
    .waitFor({ timeout: 60000 });
}

async function shot(file: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, file) });
}

function sheetOfKind(ex: Exported, kind: string) {
  return ex.grids.sheets.find((s) => String(s.values[0]?.[0] ?? "").includes(`pokin-csf:${kind}`));
}

describe("the task pane in Chromium on the sample workbook", () => {
  it("opens in Indonesian with the actions ready", async () => {
    await shot("01-start.png");
    await expect(page.getByText("Pohon Kinerja CSF").first().isVisible()).resolves.toBe(true);
  });

  it("Periksa shows the outcome, the levels and the findings without writing", async () => {
    const before = await exported();
    await click("Periksa");
    await expect(page.getByTestId("summary-outcome").textContent()).resolves.toContain(
      "Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah"
    );
    await expect(page.getByTestId("finding").count()).resolves.toBeGreaterThan(0);
    const after = await exported();
    expect(after.grids.sheets.map((s) => s.name)).toEqual(before.grids.sheets.map((s) => s.name));
    await shot("02-periksa.png");
    await page.locator("#findings-title").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "02b-temuan.png") });
  });

  it("clicking a finding selects its cell in the workbook", async () => {
    const first = page.getByTestId("finding").first();
    const cell = await first.locator("div").last().textContent();
    await first.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __pokinFake: { workbook: { selection: string | null } } })
          .__pokinFake.workbook.selection !== null
    );
    const ex = await exported();
    // Office.js quotes sheet names in addresses only when it must ("CSF!C20").
    expect(ex.workbook.selection?.replace(/'/g, "")).toBe(cell?.replace(/'/g, ""));
  });

  it("Isi Capaian writes live formulas into Target & Realisasi", async () => {
    await click("Isi Capaian");
    await expect(page.getByTestId("notice").textContent()).resolves.toContain("Selesai");
    const target = (await exported()).grids.sheets.find((s) => s.name === "Target & Realisasi");
    const formulas = (target?.formulas ?? []).flat().filter((f) => typeof f === "string");
    expect(formulas.length).toBeGreaterThan(10);
    await shot("03-isi-capaian.png");
  });

  it.each([
    ["Gambar Pohon", "pohon", "04-gambar-pohon.png"],
    ["Buat Kertas Kerja", "kertas-kerja", "05-kertas-kerja.png"],
    ["Hasil Pemeriksaan", "hasil", "06-hasil.png"],
  ])(
    "%s makes its generated sheet",
    async (label, kind, file) => {
      await click(label);
      await expect(page.getByTestId("notice").textContent()).resolves.toContain("Selesai");
      const ex = await exported();
      expect(sheetOfKind(ex, kind)).toBeDefined();
      expect(ex.workbook.activeSheet).toBe(sheetOfKind(ex, kind)?.name);
      await shot(file);
    },
    300000
  );

  it("running Gambar Pohon again replaces its own sheet instead of adding another", async () => {
    const count = (await exported()).grids.sheets.length;
    await click("Gambar Pohon");
    expect((await exported()).grids.sheets.length).toBe(count);
  });

  it("saves the settings in the document", async () => {
    await page.getByRole("button", { name: "Pengaturan" }).click();
    await page
      .getByRole("textbox", { name: "Perangkat daerah" })
      .fill("Sekretariat Daerah Kabupaten Luwu Timur");
    await page.getByRole("textbox", { name: "Tahun" }).fill("2024");
    await page.getByRole("textbox", { name: "Perangkat daerah" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "07-pengaturan.png") });
    await page.getByRole("button", { name: "Simpan pengaturan" }).click();
    await page.getByTestId("notice").waitFor();
    const saved = (await exported()).settings["pokin-csf.settings"] as {
      organisation: string;
      year: number;
    };
    expect(saved.organisation).toBe("Sekretariat Daerah Kabupaten Luwu Timur");
    expect(saved.year).toBe(2024);
  });
});
