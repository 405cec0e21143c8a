// Starts a real, throwaway OpenClaw gateway for tests and benchmarks:
// its own HOME/state dir, a seeded config (local mode, loopback, token auth, no catalog refresh,
// no update checks, optionally a model provider pointing at our fake LLM), a free port, and its
// own process group. The `openclaw-gateway` child outlives the `openclaw` parent, so `stop()`
// kills the whole group and waits until the port is free again.
//
//   const gw = await startGateway({ llm: { baseUrl, modelId } });
//   … ws connect to gw.url with gw.token …
//   await gw.restart();   // same port and state: tests convergence after a gateway restart
//   await gw.stop();
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { NODE24_BIN, NODE24_BIN_DIR, OPENCLAW_ENTRY, TOOLS_DIR } from "./paths";

export interface StartGatewayOptions {
  /** Fixed port; default: a free one picked by the OS. */
  port?: number;
  /** Shared gateway token; default: 32 random bytes as hex. */
  token?: string;
  /** State/home dir to reuse; default: a new temp dir, removed by stop() unless keepHome. */
  homeDir?: string;
  keepHome?: boolean;
  /** Adds an OpenAI-compatible provider `mc` and makes `mc/<modelId>` the default model. */
  llm?: { baseUrl: string; modelId: string };
  /** How long to wait for hello-ok (default 120 s; a cold start takes 10–25 s, longer under load). */
  readyTimeoutMs?: number;
  /** Echo gateway output to this process' stderr (default: only written to <homeDir>/gateway.log). */
  echoLogs?: boolean;
}

export interface GatewayHandle {
  url: string;
  token: string;
  port: number;
  homeDir: string;
  pid: number;
  /** Milliseconds from spawn to the first hello-ok of the latest start. */
  startupMs: number;
  logFile: string;
  stop(): Promise<void>;
  /** stop() then start again on the same port and home; resolves when hello-ok is reached. */
  restart(): Promise<void>;
}

/** The provider id our seeded config uses for the fake LLM. */
export const FAKE_PROVIDER_ID = "mc";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function gatewayConfig(opts: { port: number; token: string; stateDir: string; llm?: StartGatewayOptions["llm"] }) {
  const config: Record<string, unknown> = {
    gateway: { mode: "local", bind: "loopback", port: opts.port, auth: { mode: "token", token: opts.token } },
    logging: { file: path.join(opts.stateDir, "logs", "openclaw.log") },
    update: { checkOnStart: false },
    models: { catalogRefresh: { enabled: false } },
    // No background heartbeat turns: tests decide when an agent runs.
    agents: { defaults: { heartbeat: { every: "0m" } } },
  };
  if (opts.llm) {
    config.models = {
      catalogRefresh: { enabled: false },
      mode: "merge",
      providers: {
        [FAKE_PROVIDER_ID]: {
          baseUrl: opts.llm.baseUrl,
          apiKey: "mc-local-placeholder",
          api: "openai-completions",
          models: [
            {
              id: opts.llm.modelId,
              name: "Mission Control canned model",
              reasoning: false,
              input: ["text"],
              cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
              contextWindow: 128000,
              maxTokens: 4096,
            },
          ],
        },
      },
    };
    config.agents = { defaults: { model: { primary: `${FAKE_PROVIDER_ID}/${opts.llm.modelId}` }, heartbeat: { every: "0m" } } };
  }
  return config;
}

type ReadyProbe = { ok: true } | { ok: false; reason: string };

/** One handshake attempt: challenge → connect → hello-ok. UNAVAILABLE (startup-sidecars) means "not yet". */
function probeHello(url: string, token: string, timeoutMs = 5000): Promise<ReadyProbe> {
  return new Promise((resolve) => {
    let settled = false;
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
    const done = (result: ReadyProbe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on("error", () => {});
      ws.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => done({ ok: false, reason: "probe timed out" }), timeoutMs);
    ws.on("error", (e) => done({ ok: false, reason: e.message }));
    ws.on("close", (code) => done({ ok: false, reason: `closed ${code}` }));
    ws.on("message", (data) => {
      let frame: { type?: string; event?: string; id?: string; ok?: boolean; payload?: { type?: string }; error?: { code?: string; message?: string; details?: { reason?: string } } };
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (frame.type === "event" && frame.event === "connect.challenge") {
        ws.send(
          JSON.stringify({
            type: "req",
            id: "ready-1",
            method: "connect",
            params: {
              minProtocol: 4,
              maxProtocol: 4,
              client: { id: "gateway-client", version: "0.1.0", platform: process.platform, mode: "backend", displayName: "Mission Control launcher" },
              role: "operator",
              scopes: ["operator.read"],
              caps: [],
              auth: { token },
            },
          }),
        );
      } else if (frame.type === "res" && frame.id === "ready-1") {
        if (frame.ok && frame.payload?.type === "hello-ok") done({ ok: true });
        else done({ ok: false, reason: `${frame.error?.code ?? "?"} ${frame.error?.message ?? ""} ${frame.error?.details?.reason ?? ""}`.trim() });
      }
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const liveGroups = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when a test run dies without calling stop(): never leave a 1 GB gateway behind.
  process.on("exit", () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  });
}

export async function startGateway(opts: StartGatewayOptions = {}): Promise<GatewayHandle> {
  if (!fs.existsSync(NODE24_BIN) || !fs.existsSync(OPENCLAW_ENTRY)) {
    throw new Error(`OpenClaw is not installed under ${TOOLS_DIR}; run: npx tsx scripts/openclaw/install.ts`);
  }
  installExitHook();
  const token = opts.token ?? crypto.randomBytes(32).toString("hex");
  const port = opts.port ?? (await freePort());
  const ownsHome = !opts.homeDir;
  const homeDir = opts.homeDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "mc-openclaw-"));
  const stateDir = path.join(homeDir, ".openclaw");
  const configPath = path.join(stateDir, "openclaw.json");
  const tmpDir = path.join(homeDir, "tmp");
  const logFile = path.join(homeDir, "gateway.log");
  fs.mkdirSync(path.join(stateDir, "logs"), { recursive: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  if (!fs.existsSync(configPath)) {
    fs.writeFileSync(configPath, JSON.stringify(gatewayConfig({ port, token, stateDir, llm: opts.llm }), null, 2) + "\n", { mode: 0o600 });
  }

  // A clean environment: nothing of the caller's (DATABASE_URL, secrets) leaks into the gateway.
  const env: Record<string, string> = {
    PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH ?? "/usr/bin:/bin"}`,
    LANG: process.env.LANG ?? "C.UTF-8",
    HOME: homeDir,
    OPENCLAW_HOME: homeDir,
    OPENCLAW_STATE_DIR: stateDir,
    OPENCLAW_CONFIG_PATH: configPath,
    TMPDIR: tmpDir,
    OPENCLAW_GATEWAY_TOKEN: token,
    OPENCLAW_DISABLE_BONJOUR: "1",
    OPENCLAW_NO_RESPAWN: "1",
    OPENCLAW_SKIP_CHANNELS: "1",
    OPENCLAW_NO_AUTO_UPDATE: "1",
    OPENCLAW_EXEC_SHELL_SNAPSHOT: "0",
  };
  const readyTimeoutMs = opts.readyTimeoutMs ?? 120_000;
  const url = `ws://127.0.0.1:${port}`;

  let child: ChildProcess | null = null;
  let pid = 0;
  let startupMs = 0;
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  const launch = async (): Promise<void> => {
    const out = fs.openSync(logFile, "a");
    fs.writeSync(out, `\n=== launch ${new Date().toISOString()} port ${port} ===\n`);
    const started = Date.now();
    exited = null;
    child = spawn(NODE24_BIN, [OPENCLAW_ENTRY, "gateway", "run", "--bind", "loopback", "--port", String(port), "--auth", "token"], {
      cwd: homeDir,
      // ProcessEnv is widened by Next's types to require NODE_ENV, which the gateway must not get.
      env: env as unknown as NodeJS.ProcessEnv,
      detached: true, // own process group, so stop() can take the openclaw-gateway child with it
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    pid = child.pid ?? 0;
    if (!pid) throw new Error("failed to spawn the gateway");
    liveGroups.add(pid);
    child.on("exit", (code, signal) => {
      exited = { code, signal };
    });
    if (opts.echoLogs) console.error(`[openclaw] started pid ${pid} on ${url} (log ${logFile})`);

    let lastReason = "";
    while (Date.now() - started < readyTimeoutMs) {
      if (exited) {
        const { code, signal } = exited as { code: number | null; signal: NodeJS.Signals | null };
        throw new Error(`gateway exited before ready (${signal ?? `code ${code}`}${code === 78 ? ": invalid config" : ""})\n${tail(logFile)}`);
      }
      const probe = await probeHello(url, token);
      if (probe.ok) {
        startupMs = Date.now() - started;
        if (opts.echoLogs) console.error(`[openclaw] ready in ${startupMs} ms`);
        return;
      }
      lastReason = probe.reason;
      await sleep(/UNAVAILABLE/.test(probe.reason) ? 300 : 500);
    }
    await kill();
    throw new Error(`gateway not ready after ${readyTimeoutMs} ms (last: ${lastReason})\n${tail(logFile)}`);
  };

  const kill = async (): Promise<void> => {
    if (!pid) return;
    const group = pid;
    try {
      process.kill(-group, "SIGTERM");
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 15_000;
    while (groupAlive(group) && Date.now() < deadline) await sleep(100);
    if (groupAlive(group)) {
      try {
        process.kill(-group, "SIGKILL");
      } catch {
        /* gone */
      }
      while (groupAlive(group)) await sleep(100);
    }
    liveGroups.delete(group);
    child = null;
    pid = 0;
    const portDeadline = Date.now() + 15_000;
    while (!(await portIsFree(port)) && Date.now() < portDeadline) await sleep(200);
  };

  await launch();

  const handle: GatewayHandle = {
    url,
    token,
    port,
    homeDir,
    logFile,
    get pid() {
      return pid;
    },
    get startupMs() {
      return startupMs;
    },
    async stop() {
      await kill();
      if (ownsHome && !opts.keepHome) fs.rmSync(homeDir, { recursive: true, force: true });
    },
    async restart() {
      await kill();
      await launch();
    },
  };
  return handle;
}

if (require.main === module) {
  // Manual use: `tsx scripts/openclaw/gateway.ts` starts one and prints its URL and token; Ctrl-C stops it.
  void (async () => {
    const gw = await startGateway({ echoLogs: true });
    console.log(JSON.stringify({ url: gw.url, token: gw.token, homeDir: gw.homeDir, startupMs: gw.startupMs }));
    const shutdown = () => void gw.stop().then(() => process.exit(0));
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
