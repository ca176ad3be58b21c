/** Debian's Chromium, headless, for end-to-end tests (Playwright gives each launch a fresh profile). */
import { chromium, type Browser } from "playwright-core";

/** Flags as this machine needs them: no sandbox as root, and no background network calls. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
