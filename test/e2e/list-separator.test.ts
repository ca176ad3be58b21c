// The production task pane in Chromium with the strict fake Excel host in ";" mode: Excel
// desktop on Windows whose list separator is ";" (Indonesian Windows), which refuses getRanges
// addresses joined by "," (OfficeDev/office-js#1167). Every action must work there as well.
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { serveStatic, type StaticServer } from "../helpers/static-server";
import { readXlsxFile } from "../../src/hosts/xlsx";
import type { WorkbookGrids } from "../../src/core/grid";
import { buildFakeBundleIfStale, fakeBundle } from "../helpers/fake-bundle";

const root = path.resolve(__dirname, "../..");
const SAMPLE = path.join(root, "examples/kertas-kerja-setda-luwu-timur.xlsx");

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  buildFakeBundleIfStale();
  const sample = await readXlsxFile(SAMPLE);
  const officeJs = [
    `window.__POKIN_FAKE_WORKBOOK__ = ${JSON.stringify(sample)};`,
    `window.__POKIN_FAKE_OPTIONS__ = ${JSON.stringify({ listSeparator: ";" })};`,
    fs.readFileSync(fakeBundle, "utf8"),
  ].join("\n");
  server = await serveStatic(path.join(root, "dist"));
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

async function workbook(): Promise<WorkbookGrids> {
  const json = await page.evaluate(() =>
    (window as unknown as { __pokinFakeExport(): string }).__pokinFakeExport()
  );
  return (JSON.parse(json) as { grids: WorkbookGrids }).grids;
}

/** Click an action and wait for its notice; an error shown instead fails the test. */
async function click(name: string): Promise<string> {
  const previous = page.getByTestId("notice");
  if ((await previous.count()) > 0)
    await previous.getByRole("button", { name: "Tutup pesan" }).click();
  await page.getByRole("button", { name, exact: true }).click();
  const shown = page.getByTestId("notice").or(page.getByTestId("error")).first();
  await shown.waitFor({ timeout: 60000 });
  return (await shown.textContent()) ?? "";
}

describe("the task pane on Excel whose list separator is ';'", () => {
  it.each([
    ["Periksa", null],
    ["Isi Capaian", null],
    ["Gambar Pohon", "pokin-csf:pohon"],
    ["Buat Kertas Kerja", "pokin-csf:kertas-kerja"],
    ["Hasil Pemeriksaan", "pokin-csf:hasil"],
  ])(
    "%s finishes and writes its sheet",
    async (label, marker) => {
      const text = await click(label);
      expect(text).not.toContain("Terjadi masalah");
      expect(text).toMatch(/selesai|Selesai/);
      if (marker) {
        const made = (await workbook()).sheets.find((s) =>
          String(s.values[0]?.[0] ?? "").includes(marker)
        );
        expect(made?.values.length).toBeGreaterThan(3);
      }
    },
    300000
  );
});
