// `npm run bench`: what the one mutation path costs, and how fast live updates reach viewers.
//   (a) REST POST /api/v1/boards/{id}/tasks at fixed concurrency against `next start` on a fresh
//       SQLite file, beside bare Prisma creates of the same rows on another fresh SQLite file
//       (same concurrency): throughput, p50, p99 and the REST/bare ratio.
//   (b) SSE: subscribers on tasks.events of one board (tRPC client, httpSubscriptionLink,
//       superjson, API token in the Authorization header); tasks created over REST one at a time;
//       time from mutation start to receipt at each subscriber, and delivery completeness.
//   (c) Scale (bench/scale.ts): a board with 10,000 tasks beside one with 100 (the baseline) in
//       the server's SQLite file; tasks.list first page (limit 50) for several filters/sorts and
//       the board page's column pages: server time in-process (tRPC caller, real context) and the
//       same over REST; PASS/FAIL against 50 ms p50 (informational). Then the same in-process on
//       Postgres in a throwaway schema when it is reachable.
//   (d) Gateway (after the HTTP benches; starts its own OpenClaw gateway): `health` round trips
//       through our client vs a bare ws client (target ratio <= 1.2), and agent provisioning time.
// Prints a table (with the machine's load average) and writes bench/results/latest.json.
//
// Knobs (env): BENCH_TASKS (2000), BENCH_CONCURRENCY (16), BENCH_SUBSCRIBERS (200),
// BENCH_EVENTS (50); scale: BENCH_SCALE_TASKS (10000), BENCH_SCALE_BASELINE (100),
// BENCH_SCALE_RUNS (50), BENCH_SCALE_HTTP_RUNS (30), BENCH_PG_URL
// (postgresql://postgres@127.0.0.1:5432/test), BENCH_PG=0 skips Postgres; gateway:
// MC_BENCH_SKIP_GATEWAY=1 skips it, BENCH_AGENTS (5).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { execSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createTRPCClient, httpSubscriptionLink } from "@trpc/client";
import superjson from "superjson";
import { generateKeyBetween } from "fractional-indexing";
import type { AppRouter } from "../src/server/routers/_app";
import { createToken, startTestServer } from "../scripts/test-server";
import { FetchEventSource } from "./event-source";
import { benchScalePostgres, benchScaleSqlite, printScale, type ScaleResult } from "./scale";
import { benchGatewayHealth, type GatewayHealthBench } from "./gateway-health";
import { benchAgentProvisioning } from "./agent-provisioning";

const TASKS = Number(process.env.BENCH_TASKS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 200);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 50);
const WARMUP = 50;

interface Stats {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: latencies.length,
    seconds: round(seconds),
    perSecond: round(latencies.length / seconds),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Runs `count` calls with at most `concurrency` in flight; returns each call's latency (ms). */
async function pool(count: number, concurrency: number, call: (i: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await call(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function restCreates(baseUrl: string, token: string, boardId: string) {
  const url = `${baseUrl}/api/v1/boards/${boardId}/tasks`;
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const create = async (i: number) => {
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ title: `Bench task ${i}`, description: "Created by the bench", priority: "medium" }) });
    if (res.status !== 200) throw new Error(`POST tasks → ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  await pool(WARMUP, CONCURRENCY, create);
  const { latencies, seconds } = await pool(TASKS, CONCURRENCY, (i) => create(WARMUP + i));
  return stats(latencies, seconds);
}

async function bareCreates() {
  const dir = mkdtempSync(path.join(tmpdir(), "mc-bench-bare-"));
  const { parseDatabaseUrl } = await import("../src/server/db/config");
  const { migrate } = await import("../src/server/db/migrate");
  const { createDb } = await import("../src/server/db/client");
  const { newId } = await import("../src/lib/ids");
  const config = parseDatabaseUrl(`file:${path.join(dir, "bare.sqlite")}`);
  await migrate(config);
  const db = createDb(config);
  try {
    const org = await db.organization.create({ data: { id: newId(), slug: "bench", name: "Bench" } });
    const board = await db.board.create({ data: { id: newId(), orgId: org.id, name: "Bench", slug: "bench" } });
    // The same row as tasks.create writes: ids, fractional position at the end of the column.
    let position: string | null = null;
    const create = async (i: number) => {
      position = generateKeyBetween(position, null);
      await db.task.create({
        data: {
          id: newId(),
          orgId: org.id,
          boardId: board.id,
          title: `Bench task ${i}`,
          description: "Created by the bench",
          status: "inbox",
          priority: "medium",
          priorityRank: 1,
          position,
        },
      });
    };
    await pool(WARMUP, CONCURRENCY, create);
    const { latencies, seconds } = await pool(TASKS, CONCURRENCY, (i) => create(WARMUP + i));
    return stats(latencies, seconds);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sseFanOut(baseUrl: string, token: string, boardId: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const client = createTRPCClient<AppRouter>({
    links: [
      httpSubscriptionLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        // Node 20 has no EventSource, and the browser one cannot send headers.
        EventSource: FetchEventSource as unknown as typeof EventSource,
        eventSourceOptions: { headers } as EventSourceInit,
      }),
    ],
  });

  // Per subscriber: task id → time its task.created event arrived.
  const received = Array.from({ length: SUBSCRIBERS }, () => new Map<string, number>());
  const isStarted = new Array<boolean>(SUBSCRIBERS).fill(false);
  const errors: string[] = [];
  let startedCount = 0;
  let allStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (allStarted = resolve));
  const connectStart = performance.now();
  const subscriptions = received.map((mine, index) =>
    client.tasks.events.subscribe(
      { boardId },
      {
        onStarted: () => {
          if (isStarted[index]) return;
          isStarted[index] = true;
          if (++startedCount === SUBSCRIBERS) allStarted();
        },
        onData: (item) => {
          const event = item.data as { type: string; targetId?: string };
          if (event.type === "task.created" && event.targetId) mine.set(event.targetId, performance.now());
        },
        onError: (error) => errors.push(`${error.message || error.name}${error.cause ? ` (${String(error.cause)})` : ""}`),
      },
    ),
  );
  await Promise.race([started, new Promise((r) => setTimeout(r, 60_000))]);
  const connectSeconds = (performance.now() - connectStart) / 1000;
  if (startedCount < SUBSCRIBERS) console.warn(`[bench] only ${startedCount}/${SUBSCRIBERS} subscriptions started (${errors.slice(0, 3).join("; ")})`);

  const latencies: number[] = [];
  const mutationLatencies: number[] = [];
  let missing = 0;
  const url = `${baseUrl}/api/v1/boards/${boardId}/tasks`;
  const runStart = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    const t0 = performance.now();
    const post = () => fetch(url, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ title: `Live ${i}` }) });
    // One retry when a pooled keep-alive socket was closed under us (the task would be new anyway).
    const res = await post().catch((error: Error & { cause?: { code?: string } }) => {
      if (["UND_ERR_SOCKET", "ECONNRESET"].includes(error.cause?.code ?? "")) return post();
      throw error;
    });
    if (res.status !== 200) throw new Error(`POST tasks → ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    mutationLatencies.push(performance.now() - t0);
    // One at a time: wait until every connected subscriber has it (or 5 s), so latencies do not
    // queue. Subscribers that never connected count as missing without being waited for.
    const deadline = performance.now() + 5_000;
    while (received.some((m, s) => isStarted[s] && !m.has(id)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    for (const m of received) {
      const at = m.get(id);
      if (at === undefined) missing++;
      else latencies.push(at - t0);
    }
  }
  const seconds = (performance.now() - runStart) / 1000;
  for (const s of subscriptions) s.unsubscribe();
  const expected = SUBSCRIBERS * EVENTS;
  return {
    subscribers: SUBSCRIBERS,
    started: startedCount,
    connectSeconds: Math.round(connectSeconds * 100) / 100,
    events: EVENTS,
    expectedDeliveries: expected,
    delivered: latencies.length,
    missing,
    completeness: Math.round((latencies.length / expected) * 10_000) / 100,
    delivery: stats(latencies, seconds),
    mutation: stats(mutationLatencies, seconds),
    errors: errors.slice(0, 5),
  };
}

function gitCommit(): string | null {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

const load = () => loadavg().map((n) => Math.round(n * 100) / 100) as [number, number, number];
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0].slice(0, 300);

async function main() {
  const benchStart = performance.now();
  const loadAverage: Record<string, [number, number, number]> = { start: load() };
  const phaseSeconds: Record<string, number> = {};
  let phaseStart = performance.now();
  const endPhase = (name: string) => {
    phaseSeconds[name] = Math.round((performance.now() - phaseStart) / 100) / 10;
    phaseStart = performance.now();
  };
  console.log(`[bench] load average ${loadAverage.start.join(" / ")} (1/5/15 min) on ${cpus().length} cores`);
  console.log(`[bench] starting Mission Control (fresh SQLite; builds first if sources changed)…`);
  const server = await startTestServer();
  endPhase("serverStart");
  let rest: Stats, bare: Stats, sse: Awaited<ReturnType<typeof sseFanOut>>;
  let scaleSqlite: ScaleResult | { error: string };
  try {
    const token = createToken(server, { email: server.admin.email, org: server.admin.orgSlug, role: "admin", name: "bench" });
    const newBoard = async (name: string) => {
      const res = await fetch(`${server.baseUrl}/api/v1/orgs/${server.admin.orgSlug}/boards`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name }),
      });
      if (res.status !== 200) throw new Error(`create board → ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };

    // Both boards up front: a pooled keep-alive socket left idle during the bare-Prisma phase can
    // be closed by the server just as it is reused ("fetch failed").
    const restBoard = await newBoard("Bench REST");
    const sseBoard = await newBoard("Bench SSE");
    console.log(`[bench] (a) ${TASKS} task creates at concurrency ${CONCURRENCY}: REST…`);
    rest = await restCreates(server.baseUrl, token, restBoard);
    console.log(`[bench] (a) … bare Prisma…`);
    bare = await bareCreates();
    endPhase("taskCreate");
    console.log(`[bench] (b) SSE: ${SUBSCRIBERS} subscribers, ${EVENTS} tasks created one at a time…`);
    sse = await sseFanOut(server.baseUrl, token, sseBoard);
    endPhase("sse");
    console.log(`[bench] (c) scale on SQLite (the server's database, in-process and over HTTP)…`);
    loadAverage.scale = load();
    try {
      scaleSqlite = await benchScaleSqlite({ databaseUrl: server.databaseUrl, baseUrl: server.baseUrl, adminEmail: server.admin.email, orgSlug: server.admin.orgSlug, token });
    } catch (error) {
      console.warn(`[bench] (c) scale on SQLite failed: ${errorText(error)}`);
      scaleSqlite = { error: errorText(error) };
    }
    endPhase("scaleSqlite");
  } finally {
    await server.stop();
  }

  let scalePostgres: ScaleResult | { skipped: string } | { error: string };
  if (process.env.BENCH_PG === "0") scalePostgres = { skipped: "BENCH_PG=0" };
  else {
    console.log(`[bench] (c) scale on Postgres (throwaway schema, in-process)…`);
    try {
      scalePostgres = await benchScalePostgres();
    } catch (error) {
      console.warn(`[bench] (c) scale on Postgres skipped: ${errorText(error)}`);
      scalePostgres = { error: errorText(error) };
    }
  }
  endPhase("scalePostgres");

  let gatewayHealth: GatewayHealthBench | { skipped: string } | { error: string };
  let provisioning: Awaited<ReturnType<typeof benchAgentProvisioning>> | { skipped: string } | { error: string };
  if (process.env.MC_BENCH_SKIP_GATEWAY === "1") {
    gatewayHealth = provisioning = { skipped: "MC_BENCH_SKIP_GATEWAY=1" };
  } else {
    loadAverage.gateway = load();
    console.log(`[bench] (d) gateway: health round trips, ours vs bare ws (starts an OpenClaw gateway)…`);
    try {
      gatewayHealth = await benchGatewayHealth();
    } catch (error) {
      console.warn(`[bench] (d) gateway health skipped: ${errorText(error)}`);
      gatewayHealth = { error: errorText(error) };
    }
    endPhase("gatewayHealth");
    console.log(`[bench] (d) gateway: agent provisioning (starts another gateway)…`);
    try {
      provisioning = await benchAgentProvisioning();
    } catch (error) {
      console.warn(`[bench] (d) agent provisioning skipped: ${errorText(error)}`);
      provisioning = { error: errorText(error) };
    }
    endPhase("agentProvisioning");
  }
  loadAverage.end = load();

  const ratio = {
    throughput: Math.round((rest.perSecond / bare.perSecond) * 1000) / 1000,
    p50: Math.round((rest.p50 / bare.p50) * 100) / 100,
    p99: Math.round((rest.p99 / bare.p99) * 100) / 100,
  };
  const result = {
    at: new Date().toISOString(),
    commit: gitCommit(),
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null, loadAverage },
    config: { tasks: TASKS, concurrency: CONCURRENCY, subscribers: SUBSCRIBERS, events: EVENTS, warmup: WARMUP },
    taskCreate: { rest, barePrisma: bare, ratio },
    sse,
    scale: { sqlite: scaleSqlite, postgres: scalePostgres },
    gateway: { health: gatewayHealth, provisioning },
    phaseSeconds,
    totalSeconds: Math.round((performance.now() - benchStart) / 100) / 10,
  };

  const row = (name: string, s: Stats) =>
    `${name.padEnd(28)} ${String(s.count).padStart(6)} ${s.perSecond.toFixed(1).padStart(9)} ${s.p50.toFixed(2).padStart(9)} ${s.p90.toFixed(2).padStart(9)} ${s.p99.toFixed(2).padStart(9)} ${s.max.toFixed(2).padStart(9)}`;
  console.log("");
  console.log(`${"".padEnd(28)} ${"n".padStart(6)} ${"per s".padStart(9)} ${"p50 ms".padStart(9)} ${"p90 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"max ms".padStart(9)}`);
  console.log(row(`REST tasks.create (c=${CONCURRENCY})`, rest));
  console.log(row(`bare Prisma create (c=${CONCURRENCY})`, bare));
  console.log(`${"REST / bare".padEnd(28)} ${"".padStart(6)} ${ratio.throughput.toFixed(3).padStart(9)} ${ratio.p50.toFixed(2).padStart(9)} ${"".padStart(9)} ${ratio.p99.toFixed(2).padStart(9)}`);
  console.log(row(`SSE delivery (${SUBSCRIBERS} subs)`, sse.delivery));
  console.log(row("  its REST mutation", sse.mutation));
  console.log(
    `SSE: ${sse.started}/${sse.subscribers} subscribed in ${sse.connectSeconds} s; delivered ${sse.delivered}/${sse.expectedDeliveries} (${sse.completeness}%), missing ${sse.missing}`,
  );
  console.log("");
  for (const scale of [scaleSqlite, scalePostgres]) {
    if ("rows" in scale) printScale(scale);
    else console.log(`scale: ${"skipped" in scale ? `skipped (${scale.skipped})` : `failed: ${scale.error}`}`);
  }
  console.log("");
  if ("ratio" in gatewayHealth) {
    const g = gatewayHealth;
    console.log(
      `gateway health: ours p50 ${g.ours.p50} ms p99 ${g.ours.p99} ms; bare ws p50 ${g.bare.p50} ms p99 ${g.bare.p99} ms; ratio ${g.ratio} (target <= 1.2: ${g.ratio <= 1.2 ? "PASS" : "FAIL"})`,
    );
  } else console.log(`gateway health: ${"skipped" in gatewayHealth ? `skipped (${gatewayHealth.skipped})` : `not run: ${gatewayHealth.error}`}`);
  if ("perAgentMs" in provisioning) console.log(`agent provisioning: ${provisioning.agents} agents, create → online per agent p50 ${provisioning.perAgentMs.p50} ms, max ${provisioning.perAgentMs.max} ms`);
  else console.log(`agent provisioning: ${"skipped" in provisioning ? `skipped (${provisioning.skipped})` : `not run: ${provisioning.error}`}`);
  console.log("");
  console.log(`load average (1/5/15 min): ${Object.entries(loadAverage).map(([k, v]) => `${k} ${v.join("/")}`).join("; ")}`);
  console.log(`phases (s): ${Object.entries(phaseSeconds).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`total ${result.totalSeconds} s`);

  const dir = path.join(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "latest.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(`[bench] wrote bench/results/latest.json`);
  if (sse.completeness < 100) process.exitCode = 1;
}

// Exit explicitly: the subscription link's timers keep the event loop alive for a while after
// every subscription has ended.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
