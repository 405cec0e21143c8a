import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run against real databases (SQLite files; Postgres when reachable).
// Two workers match the 2-core CI machines: each file gets its own database, so files can run
// in parallel without sharing rows.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname, "src") } },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    globalSetup: ["src/test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    env: {
      // bcrypt at cost 4: password hashing is not what these tests measure.
      MC_BCRYPT_COST: "4",
      // Gateway tokens and device keys are encrypted at rest (src/server/crypto/secret-box.ts).
      MC_ENCRYPTION_KEY: "mc-test-encryption-key",
    },
  },
});
