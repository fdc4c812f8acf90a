// Debian's Chromium, as every browser run here launches it: the e2e suite
// (playwright.config.mjs) and the size report (benches/size-report.mjs).
// Playwright's own browser builds are never downloaded.
import { execFileSync } from "node:child_process";

/** Debian's Chromium: `$CHROMIUM`, else the one on PATH. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"]).toString().trim();
  } catch {
    throw new Error("no Chromium on PATH: install Debian's (scripts/lib.sh, ensure_chromium) or set $CHROMIUM");
  }
}

/** Playwright's `launchOptions` for it. */
export const launchOptions = {
  executablePath: chromiumPath(),
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
