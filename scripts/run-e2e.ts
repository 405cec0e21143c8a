// `npm run test:e2e [-- <playwright args>]`: Playwright against a real `next start`.
// Global setup (e2e/global-setup.ts) starts the server on a fresh SQLite file; start.ts builds
// the app first when the sources changed since the last build, so the build happens once.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const chromium = process.env.MC_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`[e2e] ${chromium} not found: install it (apt-get install -y chromium) or set MC_CHROMIUM`);
  process.exit(1);
}

const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
