import path from "node:path";
import { defineConfig } from "vitest/config";

// The gateway suite runs against the REAL OpenClaw gateway (installed by
// scripts/openclaw/install.ts into .tools/). A gateway takes ~1 GB and 10–25 s to start, so
// files run one at a time in a single fork, each starting one gateway in beforeAll.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "src") } },
  test: {
    environment: "node",
    include: ["src/test-gateway/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    // The gateways-* files drive the real services, so they need the migrated SQLite template.
    globalSetup: ["src/test/global-setup.ts"],
    env: { MC_GATEWAY_SUITE: "1", MC_ENCRYPTION_KEY: "mc-test-encryption-key", MC_BCRYPT_COST: "4" },
  },
});
