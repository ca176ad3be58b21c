/**
 * The production task pane (dist/) open in Debian's Chromium at 320 px, with the strict fake
 * Excel host served in place of Microsoft's office.js and preloaded with a workbook.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { WorkbookGrids } from "../../src/core/grid";
import type { FakeOptions } from "../../src/hosts/fake-excel/fake";
import { launchChromium } from "./browser";
import { buildFakeBundleIfStale, fakeBundle } from "./fake-bundle";
import { serveStatic, type StaticServer } from "./static-server";

const root = path.resolve(__dirname, "../..");

export interface PanePage {
  page: Page;
  /** The fake's workbook as grids, and its saved document settings. */
  exported(): Promise<{ grids: WorkbookGrids; settings: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Open the pane on `workbook`; it is ready when its Periksa button shows. */
export async function openPane(workbook: WorkbookGrids, opts: FakeOptions = {}): Promise<PanePage> {
  buildFakeBundleIfStale();
  const officeJs = [
    `window.__POKIN_FAKE_WORKBOOK__ = ${JSON.stringify(workbook)};`,
    `window.__POKIN_FAKE_OPTIONS__ = ${JSON.stringify(opts)};`,
    fs.readFileSync(fakeBundle, "utf8"),
  ].join("\n");
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  };
  try {
    server = await serveStatic(path.join(root, "dist"));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Periksa", exact: true }).waitFor();
    const exported = async () => {
      const json = await page.evaluate(() =>
        (window as unknown as { __pokinFakeExport(): string }).__pokinFakeExport()
      );
      return JSON.parse(json) as { grids: WorkbookGrids; settings: Record<string, unknown> };
    };
    return { page, exported, close };
  } catch (e) {
    await close();
    throw e;
  }
}
