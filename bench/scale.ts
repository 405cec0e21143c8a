// Scale: one board with 10,000 tasks (issue: "list endpoint first page under 50 ms server time,
// board page usable, search indexed"), beside a board with 100 tasks in the same database as the
// baseline. Rows are inserted directly with the Prisma client (fractional positions per column,
// some tags, dependencies and comments; on SQLite the FTS index follows by trigger).
//
// Server time: tasks.list (first page, limit 50) through createCallerFactory(appRouter) with a
// real context (createContext + the owner's session user id, as the board page's server
// component does): access check, query, mapping; no HTTP. Optionally the same first page over
// HTTP (REST GET /api/v1/boards/{id}/tasks) against a running server on the same database.
//
// Called by bench/run.ts. `npx tsx bench/scale.ts` runs it alone (fresh SQLite file, then
// Postgres when reachable), without a server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generateNKeysBetween } from "fractional-indexing";
import pg from "pg";
import { parseDatabaseUrl, type DbConfig } from "../src/server/db/config";
import { migrate } from "../src/server/db/migrate";
import { createDb, schemaOf, type Db } from "../src/server/db/client";
import { createContext } from "../src/server/context";
import { createCallerFactory } from "../src/server/trpc";
import { appRouter } from "../src/server/routers/_app";
import { runSetup } from "../src/server/services/setup/setup";
import { newId } from "../src/lib/ids";
import { TASK_STATUSES } from "../src/lib/schemas/tasks";
import { columnPageInput } from "../src/components/tasks/board-pages";

const createCaller = createCallerFactory(appRouter);

export const SCALE_TASKS = Number(process.env.BENCH_SCALE_TASKS ?? 10_000);
export const SCALE_BASELINE_TASKS = Number(process.env.BENCH_SCALE_BASELINE ?? 100);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 50);
const HTTP_RUNS = Number(process.env.BENCH_SCALE_HTTP_RUNS ?? 30);
const WARMUP = 5;
const TARGET_MS = 50;
/** A word in ~1 of 20 titles: the text search finds ~500 of 10,000. */
const SEARCH_WORD = "deploy";

export interface ScaleCase {
  name: string;
  input: Record<string, unknown>;
  query: string;
  /** The board page instead: every column's first page in parallel (columnPageInput), as the page loads them. */
  boardPage?: boolean;
}

export const SCALE_CASES: ScaleCase[] = [
  { name: "default (status, position)", input: {}, query: "" },
  { name: "status=in_progress", input: { status: ["in_progress"] }, query: "status=in_progress" },
  { name: "sort=priority desc", input: { sort: "priority", order: "desc" }, query: "sort=priority&order=desc" },
  { name: "sort=dueAt", input: { sort: "dueAt" }, query: "sort=dueAt" },
  { name: "overdue", input: { overdue: true }, query: "overdue=true" },
  { name: `q=${SEARCH_WORD}`, input: { q: SEARCH_WORD }, query: `q=${SEARCH_WORD}` },
  // A word in most descriptions: thousands of hits on the big board.
  { name: "q=customer (common word)", input: { q: "customer" }, query: "q=customer" },
  { name: `board page (${TASK_STATUSES.length} columns)`, input: {}, query: "", boardPage: true },
];

export interface Latency {
  p50: number;
  p99: number;
  max: number;
}

export type ScaleRow = ScaleRowOk | { case: string; error: string; pass: false };

export interface ScaleRowOk {
  case: string;
  /** Server time on the big board and on the baseline board (ms). */
  big: Latency;
  base: Latency;
  /** big.p50 / base.p50 */
  ratioP50: number;
  /** Items on the first page of the big board (sanity: 50 unless the filter finds fewer). */
  items: number;
  pass: boolean;
  http?: { big: Latency; base: Latency; ratioP50: number };
  httpError?: string;
}

export interface ScaleResult {
  provider: "sqlite" | "postgres";
  tasks: number;
  baselineTasks: number;
  runs: number;
  httpRuns: number | null;
  targetMs: number;
  seedSeconds: number;
  rows: ScaleRow[];
}

const round = (n: number) => Math.round(n * 100) / 100;

function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { p50: round(at(50)), p99: round(at(99)), max: round(s[s.length - 1]) };
}

// Deterministic pseudo-random numbers so every run seeds the same board.
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const VERBS = ["fix", "write", "review", "plan", "migrate", "test", "design", "document", "refactor", "ship", "audit", "triage", "measure", "clean", "update", "check", "build", "port", "draft", SEARCH_WORD];
const NOUNS = ["login page", "billing export", "search index", "onboarding flow", "agent runtime", "webhook retries", "release notes", "audit log", "dashboard", "rate limiter", "backup job", "invoice pdf", "sso settings", "gateway client", "mobile layout"];
const FILLER = ["the", "customer", "reported", "that", "after", "upgrade", "when", "users", "open", "queue", "slow", "needs", "owner", "before", "friday", "see", "thread", "details", "metrics", "edge", "case", "timeout", "retry", "config"];
const STATUSES = ["inbox", "inbox", "inbox", "inbox", "in_progress", "in_progress", "review", "done", "done", "done"] as const;
const PRIORITIES = ["low", "medium", "high", "urgent"] as const;

/** Inserts `count` tasks on the board (plus tags, dependencies, comments); returns seconds. */
export async function seedBoard(db: Db, opts: { orgId: string; boardId: string; userId: string; count: number; seed: number }): Promise<number> {
  const started = performance.now();
  const rand = rng(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = Date.now();
  const DAY = 86_400_000;

  const statuses = Array.from({ length: opts.count }, (_, i) => STATUSES[i % STATUSES.length]);
  const positions = new Map<string, string[]>();
  for (const status of new Set(statuses)) {
    positions.set(status, generateNKeysBetween(null, null, statuses.filter((s) => s === status).length));
  }
  const used = new Map<string, number>();
  const tasks = statuses.map((status, i) => {
    const k = used.get(status) ?? 0;
    used.set(status, k + 1);
    const priority = pick(PRIORITIES);
    const createdAt = new Date(now - (opts.count - i) * 60_000);
    const hasDue = rand() < 0.6;
    return {
      id: newId(),
      orgId: opts.orgId,
      boardId: opts.boardId,
      title: `${pick(VERBS)} ${pick(NOUNS)} #${i + 1}`,
      description: Array.from({ length: 20 + Math.floor(rand() * 20) }, () => pick(FILLER)).join(" "),
      status,
      priority,
      priorityRank: PRIORITIES.indexOf(priority),
      position: positions.get(status)![k],
      dueAt: hasDue ? new Date(now + Math.round((rand() - 0.5) * 120) * DAY) : null,
      assigneeUserId: rand() < 0.2 ? opts.userId : null,
      completedAt: status === "done" ? new Date(createdAt.getTime() + DAY) : null,
      createdById: opts.userId,
      createdAt,
      updatedAt: new Date(createdAt.getTime() + Math.floor(rand() * DAY)),
    };
  });
  const CHUNK = 500;
  for (let i = 0; i < tasks.length; i += CHUNK) await db.task.createMany({ data: tasks.slice(i, i + CHUNK) });

  const suffix = opts.boardId.slice(-6);
  const tags = Array.from({ length: 8 }, (_, i) => ({ id: newId(), orgId: opts.orgId, name: `Tag ${i} ${suffix}`, slug: `tag-${i}-${suffix}`, color: "#888888" }));
  await db.tag.createMany({ data: tags });
  const taskTags: { taskId: string; tagId: string }[] = [];
  for (const t of tasks) {
    const r = rand();
    if (r < 0.4) {
      const a = pick(tags).id;
      taskTags.push({ taskId: t.id, tagId: a });
      const b = pick(tags).id;
      if (r < 0.1 && b !== a) taskTags.push({ taskId: t.id, tagId: b });
    }
  }
  for (let i = 0; i < taskTags.length; i += CHUNK) await db.taskTag.createMany({ data: taskTags.slice(i, i + CHUNK) });

  // ~2 % of tasks depend on the one created before them (no cycles by construction).
  const deps = tasks.slice(1).filter(() => rand() < 0.02).map((t) => ({ taskId: t.id, dependsOnId: tasks[tasks.indexOf(t) - 1].id }));
  if (deps.length) await db.taskDependency.createMany({ data: deps });
  const comments = tasks
    .filter(() => rand() < 0.05)
    .map((t) => ({ id: newId(), orgId: opts.orgId, taskId: t.id, authorKind: "user", authorId: opts.userId, authorName: "Bench", body: "Looked at this; needs another pass." }));
  for (let i = 0; i < comments.length; i += CHUNK) await db.comment.createMany({ data: comments.slice(i, i + CHUNK) });
  return (performance.now() - started) / 1000;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export interface ScaleTarget {
  db: Db;
  provider: "sqlite" | "postgres";
  userId: string;
  orgId: string;
  /** When set, also measure the first page over REST against this server (same database). */
  http?: { baseUrl: string; token: string };
  log?: (line: string) => void;
}

/** Seeds a big and a baseline board in the target's org and measures every case on both. */
export async function benchScaleOn(target: ScaleTarget): Promise<ScaleResult> {
  const log = target.log ?? ((line: string) => console.log(line));
  const { db } = target;
  const call = async (input: Record<string, unknown>) => {
    const ctx = await createContext({ db, sessionUserId: target.userId });
    return createCaller(ctx).tasks.list(input as never);
  };
  const ownerCtx = await createContext({ db, sessionUserId: target.userId });
  const newBoard = (name: string) => createCaller(ownerCtx).boards.create({ orgId: target.orgId, name } as never).then((b) => (b as { id: string }).id);
  const bigBoard = await newBoard(`Scale ${SCALE_TASKS}`);
  const baseBoard = await newBoard(`Scale ${SCALE_BASELINE_TASKS}`);

  log(`[bench] scale (${target.provider}): seeding ${SCALE_TASKS} + ${SCALE_BASELINE_TASKS} tasks…`);
  const seedStart = performance.now();
  await seedBoard(db, { orgId: target.orgId, boardId: bigBoard, userId: target.userId, count: SCALE_TASKS, seed: 1 });
  await seedBoard(db, { orgId: target.orgId, boardId: baseBoard, userId: target.userId, count: SCALE_BASELINE_TASKS, seed: 2 });
  // Postgres: what autovacuum would have done after 10k inserts. SQLite: the app never runs
  // ANALYZE, so neither does the bench.
  if (target.provider === "postgres") await db.$executeRawUnsafe(`ANALYZE "${schemaOf(db).replace(/"/g, '""')}"."Task"`);
  const seedSeconds = round((performance.now() - seedStart) / 1000);
  log(`[bench] scale (${target.provider}): seeded in ${seedSeconds} s; ${RUNS} runs per case in-process${target.http ? `, ${HTTP_RUNS} over HTTP` : ""}…`);

  type Page = { items: unknown[] };
  // One case on one board: the number of items it returns.
  const run = async (c: ScaleCase, boardId: string): Promise<number> => {
    if (!c.boardPage) return ((await call({ boardId, limit: 50, ...c.input })) as Page).items.length;
    const pages = (await Promise.all(TASK_STATUSES.map((s) => call(columnPageInput(boardId, s))))) as Page[];
    return pages.reduce((n, p) => n + p.items.length, 0);
  };
  const rows: ScaleRow[] = [];
  for (const c of SCALE_CASES) {
    let items: number;
    try {
      items = await run(c, bigBoard);
    } catch (error) {
      const message = (error as Error).message.split("\n").filter(Boolean).pop()?.trim() ?? String(error);
      log(`[bench] scale (${target.provider}): ${c.name} failed on the big board: ${message}`);
      rows.push({ case: c.name, error: message.slice(0, 300), pass: false });
      continue;
    }
    const big = latency(await time(RUNS, () => run(c, bigBoard)));
    const base = latency(await time(RUNS, () => run(c, baseBoard)));
    const row: ScaleRowOk = { case: c.name, big, base, ratioP50: round(big.p50 / base.p50), items, pass: big.p50 < TARGET_MS };
    if (target.http) {
      const { baseUrl, token } = target.http;
      const getOne = async (boardId: string, query: string) => {
        const url = `${baseUrl}/api/v1/boards/${boardId}/tasks?limit=50${query ? `&${query}` : ""}`;
        const get = () => fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        // One retry when a pooled keep-alive socket went idle during seeding and the server closed it.
        const res = await get().catch((error: Error & { cause?: { code?: string } }) => {
          if (["UND_ERR_SOCKET", "ECONNRESET"].includes(error.cause?.code ?? "")) return get();
          throw error;
        });
        if (res.status !== 200) throw new Error(`GET tasks (${c.name}) → ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };
      const get = (boardId: string) =>
        c.boardPage ? Promise.all(TASK_STATUSES.map((s) => getOne(boardId, `status=${s}`))) : getOne(boardId, c.query);
      try {
        const hBig = latency(await time(HTTP_RUNS, () => get(bigBoard)));
        const hBase = latency(await time(HTTP_RUNS, () => get(baseBoard)));
        row.http = { big: hBig, base: hBase, ratioP50: round(hBig.p50 / hBase.p50) };
      } catch (error) {
        const e = error as Error & { cause?: unknown };
        row.httpError = `${e.message}${e.cause ? ` (${String(e.cause)})` : ""}`;
        log(`[bench] scale: HTTP ${c.name} failed: ${row.httpError}`);
      }
    }
    rows.push(row);
  }
  return { provider: target.provider, tasks: SCALE_TASKS, baselineTasks: SCALE_BASELINE_TASKS, runs: RUNS, httpRuns: target.http ? HTTP_RUNS : null, targetMs: TARGET_MS, seedSeconds, rows };
}

/** SQLite: the running server's database file when given (so HTTP reads the same rows), else a fresh file. */
export async function benchScaleSqlite(server?: { databaseUrl: string; baseUrl: string; adminEmail: string; orgSlug: string; token: string }): Promise<ScaleResult> {
  if (server) {
    const config = parseDatabaseUrl(server.databaseUrl);
    const db = createDb(config);
    try {
      const user = await db.user.findUniqueOrThrow({ where: { email: server.adminEmail }, select: { id: true } });
      const org = await db.organization.findUniqueOrThrow({ where: { slug: server.orgSlug }, select: { id: true } });
      return await benchScaleOn({ db, provider: "sqlite", userId: user.id, orgId: org.id, http: { baseUrl: server.baseUrl, token: server.token } });
    } finally {
      await db.$disconnect();
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), "mc-bench-scale-"));
  try {
    return await withFreshDb({ provider: "sqlite", url: path.join(dir, "scale.sqlite"), schema: "main" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withFreshDb(config: DbConfig): Promise<ScaleResult> {
  await migrate(config);
  const db = createDb(config);
  try {
    const setup = await runSetup(
      { db, actor: { kind: "system", name: "bench" }, requestId: newId(), ip: null },
      { email: "bench@example.com", name: "Bench", password: "bench-password-123", orgName: "Bench", orgSlug: "bench" },
    );
    return await benchScaleOn({ db, provider: config.provider, userId: setup.userId, orgId: setup.orgId });
  } finally {
    await db.$disconnect();
  }
}

/** Postgres in a throwaway schema (bench_<random>), dropped afterwards. */
export async function benchScalePostgres(baseUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test"): Promise<ScaleResult> {
  const schema = `bench_${Math.random().toString(36).slice(2, 10)}`;
  const config = parseDatabaseUrl(`${baseUrl}${baseUrl.includes("?") ? "&" : "?"}schema=${schema}`);
  try {
    return await withFreshDb(config);
  } finally {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
  }
}

export function printScale(result: ScaleResult): void {
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(
    `tasks.list first page (limit 50), ${result.provider}: ${result.tasks} vs ${result.baselineTasks} tasks, server time in-process (${result.runs} runs)${result.httpRuns ? `, HTTP p50 (${result.httpRuns} runs)` : ""}; seeded in ${result.seedSeconds} s`,
  );
  console.log(
    `  ${"case".padEnd(28)} ${"10k p50".padStart(8)} ${"10k p99".padStart(8)} ${"100 p50".padStart(8)} ${"ratio".padStart(8)} ${"items".padStart(5)}  ${`<${result.targetMs}ms`.padEnd(6)}` +
      (result.httpRuns ? ` ${"HTTP 10k".padStart(8)} ${"HTTP 100".padStart(8)} ${"ratio".padStart(8)}` : ""),
  );
  for (const r of result.rows) {
    if ("error" in r) {
      console.log(`  ${r.case.padEnd(28)} ${"error".padStart(8)} ${"".padStart(8)} ${"".padStart(8)} ${"".padStart(8)} ${"".padStart(5)}  FAIL   ${r.error.slice(0, 90)}`);
      continue;
    }
    console.log(
      `  ${r.case.padEnd(28)} ${f(r.big.p50)} ${f(r.big.p99)} ${f(r.base.p50)} ${f(r.ratioP50)} ${String(r.items).padStart(5)}  ${(r.pass ? "PASS" : "FAIL").padEnd(6)}` +
        (r.http ? ` ${f(r.http.big.p50)} ${f(r.http.base.p50)} ${f(r.http.ratioP50)}` : r.httpError ? `  HTTP failed: ${r.httpError.slice(0, 80)}` : ""),
    );
  }
}

if (require.main === module) {
  (async () => {
    printScale(await benchScaleSqlite());
    if (process.env.BENCH_PG !== "0") printScale(await benchScalePostgres());
  })().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
