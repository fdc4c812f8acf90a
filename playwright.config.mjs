// The end-to-end suite (tests/e2e/*.spec.mjs): the release build in dist/,
// served on loopback by http-server, in Debian's Chromium. Build first
// (`trunk build --release`), then `npx playwright test`; scripts/test does both.
import { defineConfig } from "@playwright/test";
import { launchOptions } from "./tests/e2e/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 8091);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "*.spec.mjs",
  outputDir: "target/playwright/results",
  reporter: [["list"], ["html", { open: "never", outputFolder: "target/playwright/report" }]],
  // Two cores: 2 workers ran the suite in 48–66 s, 1 worker in 50–72 s
  // (several runs each, all green); tests are spread over both by file.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", launchOptions } }],
  // dist/ as a host would serve it: application/wasm for the module, UTF-8
  // text, no caching. The strict CSP of intranet.html is in its own <meta>.
  webServer: {
    command: `node --disable-warning=DEP0066 node_modules/http-server/bin/http-server dist -a 127.0.0.1 -p ${PORT} -c-1 -d false --silent`,
    url: `${BASE_URL}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
