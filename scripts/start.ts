// `npm start`: load config, apply migrations, create the first owner when configured, build if
// the sources changed since the last build, then run Next. `--dev` runs `next dev` instead.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadEnv } from "./env";

const dev = process.argv.includes("--dev");
loadEnv(dev);

const NEXT = path.join("node_modules", "next", "dist", "bin", "next");
const STAMP = path.join(".next", "mc-source-hash");

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const entry of readdirSync(p).sort()) walk(path.join(p, entry));
    else hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const p of ["src", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs"]) walk(p);
  return hash.digest("hex");
}

async function main() {
  const { parseDatabaseUrl } = await import("../src/server/db/config");
  const { migrate } = await import("../src/server/db/migrate");
  const config = parseDatabaseUrl();
  const { applied } = await migrate(config);
  console.log(`[start] database ${config.provider}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);

  const { createDb } = await import("../src/server/db/client");
  const { bootstrapFromEnv, needsSetup } = await import("../src/server/services/setup/setup");
  const db = createDb(config);
  const created = await bootstrapFromEnv(db);
  if (created) console.log(`[start] created owner ${created} and organization "${process.env.MC_ORG_SLUG || "default"}"`);
  else if (await needsSetup(db)) console.log(`[start] no users yet: open ${process.env.NEXTAUTH_URL}/setup to create the owner`);
  await db.$disconnect();

  if (!dev) {
    const hash = sourceHash();
    const built = existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash;
    if (!built || process.env.MC_FORCE_BUILD === "1") {
      console.log("[start] building the app (first start or changed sources)…");
      const result = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: process.env });
      if (result.status !== 0) process.exit(result.status ?? 1);
      writeFileSync(STAMP, hash);
    }
  }
  const args = dev ? [NEXT, "dev", "-p", process.env.PORT!] : [NEXT, "start", "-p", process.env.PORT!];
  if (process.env.HOSTNAME_BIND) args.push("-H", process.env.HOSTNAME_BIND);
  const child = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error("[start] failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
