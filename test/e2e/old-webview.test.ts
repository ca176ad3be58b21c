// The pane in an Internet Explorer / Edge Legacy webview (Office 2016/2019 volume licence):
// React cannot run there, so the page must say why in Indonesian and load no bundle.
import * as path from "path";
import type { Browser } from "playwright-core";
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

async function open(userAgent: string) {
  const context = await browser.newContext({ userAgent, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
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
    const { context, page, scripts } = await open(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"
    );
    expect(await page.locator("#old-webview").isVisible()).toBe(false);
    expect(scripts.some((s) => /\/taskpane\.[0-9a-f]+\.js$/.test(s))).toBe(true);
    await context.close();
  });
});
