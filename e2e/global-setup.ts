// Starts Mission Control once for the whole run and shares how to reach it with the specs:
// env MC_E2E_* (workers inherit it) and <dataDir>/e2e.json (MC_E2E_STATE).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createToken, startTestServer } from "../scripts/test-server";
import type { E2eState } from "./support";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const server = await startTestServer();
  const token = createToken(server, { email: server.admin.email, org: server.admin.orgSlug, role: "admin", name: "e2e" });
  const state: E2eState = {
    baseUrl: server.baseUrl,
    admin: server.admin,
    token,
    dataDir: server.dataDir,
    databaseUrl: server.databaseUrl,
  };
  const file = path.join(server.dataDir, "e2e.json");
  writeFileSync(file, JSON.stringify(state, null, 2));
  process.env.MC_E2E_STATE = file;
  process.env.MC_E2E_BASE_URL = server.baseUrl;
  console.log(`[e2e] Mission Control on ${server.baseUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s, log ${server.logFile})`);
  return async () => {
    await server.stop();
  };
}
