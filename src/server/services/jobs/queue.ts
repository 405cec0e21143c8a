// Durable jobs (DESIGN.md §6): rows in the Job table, claimed with a lease so a crashed worker's
// job is picked up again once the lease runs out, retried with capped exponential backoff and
// full jitter. One row per (kind, key): enqueueing the same thing twice keeps one job.
import type { Db } from "../../db/client";
import { providerOf, schemaOf } from "../../db/client";
import { newId } from "@/lib/ids";

export interface JobRow {
  id: string;
  kind: string;
  key: string;
  payload: string;
  status: string;
  attempts: number;
  runAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
}

export interface JobSettings {
  /** First retry delay cap; doubles per attempt. */
  baseMs: number;
  /** Largest retry delay. */
  maxMs: number;
  /** How long a claim holds before another worker may take the job over. */
  leaseMs: number;
  /** The worker's idle poll interval (enqueue also wakes it). */
  pollMs: number;
}

const DEFAULTS: JobSettings = { baseMs: 2_000, maxMs: 5 * 60_000, leaseMs: 60_000, pollMs: 5_000 };
const settings: JobSettings = ((globalThis as Record<symbol, unknown>)[Symbol.for("mc.jobs.settings")] ??= { ...DEFAULTS }) as JobSettings;

/** Tests and benches shorten the backoff; the values stay process-wide. */
export function configureJobs(partial: Partial<JobSettings>): JobSettings {
  Object.assign(settings, partial);
  return { ...settings };
}
export const jobSettings = (): JobSettings => ({ ...settings });

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base·2^(n-1))], with a small floor. */
export function backoffMs(attempts: number, random: () => number = Math.random, s: Pick<JobSettings, "baseMs" | "maxMs"> = settings): number {
  const cap = Math.min(s.maxMs, s.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.max(Math.min(50, cap), Math.floor(random() * cap));
}

type WakeListener = (kind: string) => void;
const wakeListeners: Set<WakeListener> = ((globalThis as Record<symbol, unknown>)[Symbol.for("mc.jobs.wake")] ??= new Set()) as Set<WakeListener>;
export function onEnqueue(listener: WakeListener): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

/**
 * Adds or re-arms the job for (kind, key): pending, due at `runAt` (now), attempts reset.
 * A job that is running right now stays with its worker; moving its runAt tells `completeJob`
 * that there is new work, so it goes back to pending instead of done.
 */
export async function enqueueJob(db: Db, input: { kind: string; key: string; payload?: unknown; runAt?: Date }): Promise<JobRow> {
  const runAt = input.runAt ?? new Date();
  const payload = JSON.stringify(input.payload ?? {});
  const existing = await db.job.findUnique({ where: { kind_key: { kind: input.kind, key: input.key } } });
  let job: JobRow;
  if (!existing) {
    try {
      job = await db.job.create({ data: { id: newId(), kind: input.kind, key: input.key, payload, runAt } });
    } catch {
      // Lost a race with another enqueue of the same job: re-arm the winner's row.
      return enqueueJob(db, input);
    }
  } else if (existing.status === "running" && existing.leaseUntil && existing.leaseUntil > new Date()) {
    job = await db.job.update({ where: { id: existing.id }, data: { payload, runAt: new Date(Math.max(runAt.getTime(), existing.runAt.getTime() + 1)) } });
  } else {
    job = await db.job.update({ where: { id: existing.id }, data: { payload, runAt, status: "pending", attempts: 0, leaseUntil: null, lastError: null } });
  }
  for (const listener of wakeListeners) listener(input.kind);
  return job;
}

/**
 * Takes the next due job of these kinds: pending and due, or running with an expired lease (its
 * worker crashed). Postgres: FOR UPDATE SKIP LOCKED so instances never wait on each other;
 * SQLite: a conditional update on the candidate (one writer at a time, the condition decides).
 */
export async function claimJob(db: Db, kinds: string[], now = new Date()): Promise<JobRow | null> {
  const leaseUntil = new Date(now.getTime() + settings.leaseMs);
  if (providerOf(db) === "postgres") {
    const table = `"${schemaOf(db).replace(/"/g, '""')}"."Job"`;
    const rows = await db.$queryRawUnsafe<JobRow[]>(
      `UPDATE ${table} SET "status" = 'running', "leaseUntil" = $1, "attempts" = "attempts" + 1, "updatedAt" = $2
       WHERE "id" = (
         SELECT "id" FROM ${table}
         WHERE "kind" = ANY($3::text[]) AND (("status" = 'pending' AND "runAt" <= $2) OR ("status" = 'running' AND "leaseUntil" < $2))
         ORDER BY "runAt" ASC LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING "id", "kind", "key", "payload", "status", "attempts", "runAt", "leaseUntil", "lastError"`,
      leaseUntil,
      now,
      kinds,
    );
    return rows[0] ?? null;
  }
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db.job.findFirst({
      where: { kind: { in: kinds }, OR: [{ status: "pending", runAt: { lte: now } }, { status: "running", leaseUntil: { lt: now } }] },
      orderBy: { runAt: "asc" },
    });
    if (!candidate) return null;
    const taken = await db.job.updateMany({
      where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts, leaseUntil: candidate.leaseUntil },
      data: { status: "running", leaseUntil, attempts: { increment: 1 } },
    });
    if (taken.count === 1) return { ...candidate, status: "running", leaseUntil, attempts: candidate.attempts + 1 };
  }
  return null;
}


/** Done, unless it was re-enqueued while running (runAt moved): then it runs again. */
export async function completeJob(db: Db, job: JobRow): Promise<void> {
  const done = await db.job.updateMany({ where: { id: job.id, status: "running", runAt: job.runAt }, data: { status: "done", leaseUntil: null, lastError: null } });
  if (done.count === 0) await db.job.updateMany({ where: { id: job.id, status: "running" }, data: { status: "pending", leaseUntil: null, attempts: 0 } });
}

/** Retry later with backoff (or give up when `final`); returns when it will run again. */
export async function failJob(db: Db, job: JobRow, error: string, options: { final?: boolean; retryInMs?: number } = {}): Promise<Date | null> {
  if (options.final) {
    await db.job.updateMany({ where: { id: job.id, status: "running" }, data: { status: "failed", leaseUntil: null, lastError: error } });
    return null;
  }
  const runAt = new Date(Date.now() + (options.retryInMs ?? backoffMs(job.attempts)));
  await db.job.updateMany({ where: { id: job.id, status: "running" }, data: { status: "pending", leaseUntil: null, lastError: error, runAt } });
  return runAt;
}

/** Drops the job for (kind, key) (its subject is gone). */
export async function cancelJob(db: Db, kind: string, key: string): Promise<void> {
  await db.job.deleteMany({ where: { kind, key } });
}
