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

/**
 * The README's pictures of the pane, copied from this run's screenshots when POKIN_PANE_PNG names
 * a folder (`POKIN_PANE_PNG=docs npm run test:e2e`), so they always show the product as built.
 */
const README_PICTURES: Record<string, string> = {
  "02-periksa.png": "panel-periksa.png",
  "02b-temuan.png": "panel-temuan.png",
  "06b-jalankan-semua.png": "panel-jalankan-semua.png",
  "07-pengaturan.png": "panel-pengaturan.png",
};

afterAll(() => {
  const docs = process.env.POKIN_PANE_PNG;
  if (!docs) return;
  for (const [shotFile, docFile] of Object.entries(README_PICTURES))
    if (fs.existsSync(path.join(shots, shotFile)))
      fs.copyFileSync(path.join(shots, shotFile), path.join(root, docs, docFile));
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

/** The pane's layout width: nothing may be wider than the 320 px pane. */
async function widestRight(): Promise<{ scrollWidth: number; right: number; what: string }> {
  return page.evaluate(() => {
    let right = 0;
    let what = "";
    for (const el of Array.from(document.querySelectorAll("main *"))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right) {
        right = r.right;
        what = `${el.tagName} ${(el.textContent ?? "").slice(0, 30)}`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, right, what };
  });
}

/** True when the element is wholly inside the viewport. */
async function inView(locator: ReturnType<Page["locator"]>): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  // Layout in fractions of a pixel: within one pixel of the edge counts as in view.
  return box !== null && box.y >= -1 && box.y + box.height <= height + 1;
}

describe("the task pane in Chromium on the sample workbook", () => {
  it("opens in Indonesian with the actions ready, within 320 px", async () => {
    await shot("01-start.png");
    await expect(page.getByText("Pohon Kinerja CSF").first().isVisible()).resolves.toBe(true);
    const width = await widestRight();
    expect(width.scrollWidth).toBeLessThanOrEqual(320);
    expect(width.right).toBeLessThanOrEqual(320);
  });

  it("Periksa shows the outcome, the levels and the findings without writing, in a red bar", async () => {
    const before = await exported();
    await click("Periksa");
    await expect(page.getByTestId("summary-outcome").textContent()).resolves.toContain(
      "Meningkatnya Kualitas Pelayanan Publik Sekretariat Daerah"
    );
    await expect(page.getByTestId("notice").getAttribute("data-intent")).resolves.toBe("error");
    const findings = await page.getByTestId("finding").count();
    expect(findings).toBeGreaterThan(0);
    await expect(page.getByTestId("findings-position").textContent()).resolves.toBe(
      `– dari ${findings}`
    );
    const after = await exported();
    expect(after.grids.sheets.map((s) => s.name)).toEqual(before.grids.sheets.map((s) => s.name));
    await shot("02-periksa.png");
    // The list itself, from its heading down: rule names, not ids.
    await page.locator("#findings-title").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(shots, "02b-temuan.png") });
    expect(fs.readFileSync(path.join(shots, "02b-temuan.png"))).not.toEqual(
      fs.readFileSync(path.join(shots, "02-periksa.png"))
    );
    await expect(
      inView(page.getByRole("heading", { name: "Kode tidak sesuai induk" }))
    ).resolves.toBe(true);
    await expect(page.getByText("code-parent-mismatch").count()).resolves.toBe(0);
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

  it("stepping with › brings the current finding into view and selects its cell", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const next = page.getByRole("button", { name: "Berikutnya" });
    for (let i = 0; i < 11; i++) await next.click();
    const current = page.locator('[data-testid="finding"][aria-current="true"]');
    await expect(page.getByTestId("findings-position").textContent()).resolves.toMatch(/^12 dari/);
    // The pane scrolls after the list has drawn the new current finding.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[data-testid="finding"][aria-current="true"]');
        const r = el?.getBoundingClientRect();
        return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight + 1;
      },
      undefined,
      { timeout: 5000 }
    );
    await expect(inView(current)).resolves.toBe(true);
    // ‹ › stay on screen (the bar sticks to the top) so the user can go on stepping.
    await expect(inView(next)).resolves.toBe(true);
    const cell = await current.locator("div").last().textContent();
    const ex = await exported();
    expect(ex.workbook.selection?.replace(/'/g, "")).toBe(cell?.replace(/'/g, ""));
    await page.screenshot({ path: path.join(shots, "08-langkah.png") });
  });

  it("Isi Capaian writes live formulas and names the sheet it wrote, with a link to it", async () => {
    await click("Isi Capaian");
    await expect(page.getByTestId("notice").textContent()).resolves.toContain("Selesai");
    const target = (await exported()).grids.sheets.find((s) => s.name === "Target & Realisasi");
    const formulas = (target?.formulas ?? []).flat().filter((f) => typeof f === "string");
    expect(formulas.length).toBeGreaterThan(10);
    const link = page.getByTestId("written-sheet");
    await expect(link.textContent()).resolves.toMatch(
      /^Target & Realisasi: \d+ rumus capaian dan realisasi$/
    );
    await shot("03-isi-capaian.png");
    await link.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __pokinFake: { workbook: { activeSheet: string | null } } })
          .__pokinFake.workbook.activeSheet === "Target & Realisasi"
    );
  });

  it.each([
    ["Gambar Pohon", "pohon", "04-gambar-pohon.png", /^Pohon Kinerja: 44 kotak, 54 indikator$/],
    ["Buat Kertas Kerja", "kertas-kerja", "05-kertas-kerja.png", /^Kertas Kerja: 44 uraian/],
    ["Hasil Pemeriksaan", "hasil", "06-hasil.png", /^Hasil Pemeriksaan: \d+ temuan$/],
  ])(
    "%s makes its generated sheet and says what it holds",
    async (label, kind, file, written) => {
      await click(label);
      await expect(page.getByTestId("notice").textContent()).resolves.toContain("Selesai");
      await expect(page.getByTestId("written-sheet").textContent()).resolves.toMatch(written);
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

  it("Jalankan semua writes every sheet at once and lists each", async () => {
    const count = (await exported()).grids.sheets.length;
    await click("Jalankan semua");
    await expect(page.getByTestId("written-sheet").count()).resolves.toBe(4);
    expect((await exported()).grids.sheets.length).toBe(count);
    await shot("06b-jalankan-semua.png");
  }, 300000);

  it("opens the settings within 320 px, Perangkat daerah and Tahun taken from the workbook, and saves them", async () => {
    await page.getByRole("button", { name: "Pengaturan", exact: true }).click();
    const organisation = page.getByRole("textbox", { name: /Perangkat daerah/ });
    await expect(organisation.inputValue()).resolves.toBe(
      "SEKRETARIAT DAERAH KABUPATEN LUWU TIMUR"
    );
    await expect(page.getByRole("textbox", { name: /Tahun/ }).inputValue()).resolves.toBe("2024");
    const width = await widestRight();
    expect(width).toMatchObject({ scrollWidth: 320 });
    expect(width.right).toBeLessThanOrEqual(320);
    for (const name of ["Tinggi", "Rendah", "Tanggal", "Jabatan", "Nama", "NIP"]) {
      const box = await page
        .getByRole("textbox", { name, exact: true })
        .or(page.getByRole("spinbutton", { name: new RegExp(`^Batas bawah ${name}$`) }))
        .first()
        .boundingBox();
      expect({ name, right: (box?.x ?? 999) + (box?.width ?? 0) <= 320 }).toEqual({
        name,
        right: true,
      });
    }
    await page
      .getByRole("button", { name: "Pengaturan", exact: true })
      .evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(shots, "07-pengaturan.png") });
    await organisation.fill("Sekretariat Daerah Kabupaten Luwu Timur");
    await page.getByRole("button", { name: "Simpan pengaturan" }).click();
    await page.getByTestId("notice").waitFor();
    const saved = (await exported()).settings["pokin-csf.settings"] as {
      organisation: string;
      year: number;
    };
    expect(saved.organisation).toBe("Sekretariat Daerah Kabupaten Luwu Timur");
    expect(saved.year).toBe(2024);
  });

  it("Kertas kerja baru adds empty sheets beside the existing CSF under free names", async () => {
    await click("Kertas kerja baru");
    const names = (await exported()).grids.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["CSF", "CSF (2)", "Uraian Kondisi (2)"]));
    await shot("09-kertas-kerja-baru.png");
  });
});
