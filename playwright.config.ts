// Playwright e2e: one real `next start` on a fresh SQLite file, started by e2e/global-setup.ts
// (through scripts/test-server.ts) and stopped by the teardown it returns. Debian's chromium.
import { defineConfig, devices } from "@playwright/test";

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Workers are started after global setup and inherit the env it set (MC_E2E_*). One worker:
  // the specs share the default organization, and the REST spec asserts that failed requests
  // leave its boards and activity untouched, which a parallel UI spec would disturb.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: process.env.MC_E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.MC_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
