// Starts Mission Control for tests and benchmarks: a fresh SQLite file in a temp dir, a free
// port, the owner bootstrapped from MC_ADMIN_*, and the real `npm start` path (scripts/start.ts:
// migrate, bootstrap, build when sources changed, `next start`).
//
// Used by Playwright's global setup, the bench, and `npx tsx scripts/test-server.ts` (which
// starts a server and keeps it running until Ctrl-C; `--build-only` starts it once, so the build
// happens there, and stops it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestServer {
  baseUrl: string;
  port: number;
  /** The environment the server runs with; pass it to the CLI (`runCli`) to reach its database. */
  env: NodeJS.ProcessEnv;
  dataDir: string;
  databaseUrl: string;
  admin: { email: string; password: string; orgSlug: string };
  logFile: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Port range to pick a free port from (default MC_TEST_PORTS="3300-3399"). */
  ports?: [number, number];
  admin?: { email?: string; password?: string };
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Print the server's output here too (default: only into <dataDir>/server.log). */
  echo?: boolean;
  /** Keep the temp dir after stop() (default: removed unless MC_TEST_KEEP=1). */
  keep?: boolean;
  /** How long to wait for a first answer; a build can take minutes on 2 cores. */
  readyTimeoutMs?: number;
}

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function portRange(): [number, number] {
  const [from, to] = (process.env.MC_TEST_PORTS ?? "3300-3399").split("-").map(Number);
  return [from, to ?? from];
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    // Next listens on all interfaces; check the same so a port busy on either family is skipped.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free port in [from, to], starting at a random offset so parallel runs rarely collide. */
export async function freePort([from, to]: [number, number] = portRange()): Promise<number> {
  const span = to - from + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = from + ((start + i) % span);
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port in ${from}-${to}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group (tsx → start.ts → next-server).
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

function tail(file: string, lines = 60): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mc-test-"));
  const port = await freePort(options.ports);
  const baseUrl = `http://localhost:${port}`;
  const databaseUrl = `file:${path.join(dataDir, "db.sqlite")}`;
  const admin = {
    email: options.admin?.email ?? "admin@example.com",
    password: options.admin?.password ?? "correct-horse-battery",
    orgSlug: "default",
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    MC_DATA_DIR: dataDir,
    MC_ADMIN_EMAIL: admin.email,
    MC_ADMIN_PASSWORD: admin.password,
    MC_ORG_SLUG: admin.orgSlug,
    MC_BCRYPT_COST: "4",
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  // Secrets come from <dataDir>/secrets.json, generated on first start.
  delete env.NEXTAUTH_SECRET;
  delete env.MC_ENCRYPTION_KEY;

  const logFile = path.join(dataDir, "server.log");
  const logFd = openSync(logFile, "a");
  const child = spawn(process.execPath, [TSX, "scripts/start.ts"], {
    cwd: ROOT,
    env,
    // Its own process group, so stop() can end next-server too (killing tsx alone leaves it).
    detached: true,
    stdio: ["ignore", options.echo ? "pipe" : logFd, options.echo ? "pipe" : logFd],
  });
  if (options.echo) {
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on("data", (chunk: Buffer) => {
        process.stderr.write(chunk);
        try {
          appendFileSync(logFile, chunk);
        } catch {
          /* temp dir removed */
        }
      });
    }
  }
  closeSync(logFd);

  let exited: number | null | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );
  // If the test process dies without calling stop(), do not leave next-server holding the port.
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", onExit);
    if (exited === undefined) {
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
      await exitPromise;
      clearTimeout(timer);
    }
    // The tsx parent may have exited before next-server: make sure the group is gone.
    killGroup(child, "SIGKILL");
    if (!(options.keep ?? process.env.MC_TEST_KEEP === "1")) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 15 * 60_000);
  for (;;) {
    if (exited !== undefined) {
      const log = tail(logFile);
      await stop();
      throw new Error(`Mission Control exited with ${exited} before it was ready. Log:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/setup`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      const log = tail(logFile);
      await stop();
      throw new Error(`Mission Control did not answer on ${baseUrl} in time. Log:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, port, env, dataDir, databaseUrl, admin, logFile, stop };
}

/** Runs the CLI (`npm run mc -- …`) against the server's database; returns stdout. */
export function runCli(server: Pick<TestServer, "env">, args: string[]): string {
  const result = spawnSync(process.execPath, [TSX, "scripts/mc.ts", ...args], { cwd: ROOT, env: server.env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`mc ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Creates an API token with the CLI; the token is the last line of its output. */
export function createToken(server: Pick<TestServer, "env">, opts: { email: string; org: string; role?: string; name?: string }): string {
  const args = ["token", "create", "--email", opts.email, "--org", opts.org, "--role", opts.role ?? "admin"];
  if (opts.name) args.push("--name", opts.name);
  const token = runCli(server, args).trim().split("\n").pop()!.trim();
  if (!token.startsWith("mc_")) throw new Error(`Unexpected token output: ${token}`);
  return token;
}

// `tsx scripts/test-server.ts [--build-only]`
if (require.main === module) {
  (async () => {
    const buildOnly = process.argv.includes("--build-only");
    const started = Date.now();
    const server = await startTestServer({ echo: true });
    if (buildOnly) {
      await server.stop();
      console.log(`[test-server] built and started once in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    console.log(`[test-server] ${server.baseUrl} (data ${server.dataDir}; admin ${server.admin.email} / ${server.admin.password})`);
    const token = createToken(server, { email: server.admin.email, org: server.admin.orgSlug });
    console.log(`[test-server] API token: ${token}`);
    const shutdown = () => void server.stop().then(() => process.exit(0));
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  })().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
