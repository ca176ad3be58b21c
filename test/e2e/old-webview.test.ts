// The pane in an Internet Explorer / Edge Legacy webview (Office 2016/2019 volume licence):
// React cannot run there, so the page must say why in Indonesian and load no bundle.
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { serveStatic, type StaticServer } from "../helpers/static-server";

const dist = path.resolve(__dirname, "../../dist");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE_LEGACY =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CURRENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

async function open(userAgent: string, before?: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ userAgent, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await before?.(page);
  const scripts: string[] = [];
  // No internet here: answer the Office.js CDN with an empty script, and record what the page loads.
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForTimeout(300);
  return { context, page, scripts };
}

describe("the task pane in an old Office webview", () => {
  it.each([
    ["Internet Explorer 11", IE11],
    ["Edge Legacy", EDGE_LEGACY],
  ])("explains in Indonesian why it cannot run in %s and loads no bundle", async (_label, ua) => {
    const { context, page, scripts } = await open(ua);
    const notice = page.locator("#old-webview");
    await expect(notice.isVisible()).resolves.toBe(true);
    const text = await notice.innerText();
    expect(text).toContain("Internet Explorer");
    expect(text).toContain("Excel untuk web");
    expect(text).toContain("pokin");
    expect(await page.locator("#container").isVisible()).toBe(false);
    expect(scripts.filter((s) => s.startsWith(server.url))).toEqual([]);
    await page.screenshot({
      path: path.resolve(__dirname, "../../test-results/e2e/old-webview.png"),
    });
    await context.close();
  });

  it("loads the pane's bundle in a current webview and hides the notice", async () => {
    const { context, page, scripts } = await open(CURRENT);
    expect(await page.locator("#old-webview").isVisible()).toBe(false);
    expect(scripts.some((s) => /\/taskpane\.[0-9a-f]+\.js$/.test(s))).toBe(true);
    await context.close();
  });

  /** Serve the pane's bundle as `body` instead of the built one. */
  const bundleAs = (body: string) => async (page: Page) => {
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body })
    );
  };

  it("says why when the webview cannot parse the bundle (an older Safari)", async () => {
    // What Safari before 16.4 makes of a regex lookbehind: a SyntaxError before anything runs.
    const { context, page } = await open(CURRENT, bundleAs("var x = /(?<=a b;"));
    const notice = page.locator("#old-webview");
    await notice.waitFor({ state: "visible", timeout: 5000 });
    await expect(notice.locator(".why-failed").first().isVisible()).resolves.toBe(true);
    await expect(notice.locator(".why-ie").first().isVisible()).resolves.toBe(false);
    expect(await notice.innerText()).toContain("Safari");
    await page.screenshot({
      path: path.resolve(__dirname, "../../test-results/e2e/old-webview-failed.png"),
    });
    await context.close();
  });

  it("says why when the bundle never starts", async () => {
    const { context, page } = await open(CURRENT, async (p) => {
      await p.clock.install();
      await bundleAs("/* loads, but never calls __pokinStarted */")(p);
    });
    const notice = page.locator("#old-webview");
    await expect(notice.isVisible()).resolves.toBe(false);
    await page.clock.runFor(31_000);
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator(".why-failed").first().isVisible()).resolves.toBe(true);
    await context.close();
  });
});
