/** Entry of the task pane: mount the app inside Office.onReady. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { officeHost } from "./office-host";

/** True when Office's theme background is dark (relative luminance below one half). */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? "ff", 16) / 255);
  return 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1) < 0.5;
}

// The page shows the old-webview notice unless the bundle says it started (taskpane.html).
(window as unknown as { __pokinStarted?: () => void }).__pokinStarted?.();

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const theme = isDarkColor(Office.context.officeTheme?.bodyBackgroundColor)
    ? webDarkTheme
    : webLightTheme;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App host={officeHost} />
    </FluentProvider>
  );
});
