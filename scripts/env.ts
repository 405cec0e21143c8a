// Loads .env like Next does and fills in what a first run needs: generated secrets are kept
// beside the SQLite data (data/secrets.json) so sessions survive restarts.
import { loadEnvConfig } from "@next/env";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export function loadEnv(dev = false): void {
  loadEnvConfig(process.cwd(), dev, { info: () => undefined, error: console.error });
  process.env.PORT ||= "3000";
  process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT}`;
  const file = path.resolve(process.env.MC_DATA_DIR || "data", "secrets.json");
  const saved: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  let changed = false;
  for (const name of ["NEXTAUTH_SECRET", "MC_ENCRYPTION_KEY"]) {
    if (process.env[name]) continue;
    if (!saved[name]) {
      saved[name] = randomBytes(32).toString("base64");
      changed = true;
    }
    process.env[name] = saved[name];
  }
  if (changed) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
    console.log(`[start] generated secrets in ${file} (set NEXTAUTH_SECRET and MC_ENCRYPTION_KEY to manage them yourself)`);
  }
}
