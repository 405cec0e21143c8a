// A job worker: claims due jobs of some kinds and runs their handler, a few at a time. It polls
// every `pollMs` and wakes at once when a job of its kinds is enqueued in this process. A job
// claimed by a worker that dies is re-claimed when its lease runs out (see queue.ts).
import type { Db } from "../../db/client";
import { claimJob, completeJob, failJob, jobSettings, onEnqueue, type JobRow } from "./queue";

export interface JobOutcome {
  /** Run again after this delay even though it succeeded (e.g. waiting on an external state). */
  retryInMs?: number;
  error?: string;
}

export type JobHandler = (job: JobRow) => Promise<JobOutcome | void>;

export interface JobWorker {
  stop(): Promise<void>;
  /** Look for work now. */
  wake(): void;
  /** Runs until no job is due (tests). */
  drain(): Promise<void>;
}

export function startJobWorker(opts: { db: Db; kinds: string[]; handler: JobHandler; concurrency?: number; onError?: (job: JobRow, error: unknown) => void }): JobWorker {
  const concurrency = opts.concurrency ?? 4;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;

  async function runOne(job: JobRow): Promise<void> {
    // A slow step (an agent creation waits up to 45 s) must not outlive the lease, or another
    // worker would claim the same job and run it twice: renew the lease while the handler runs.
    const { leaseMs } = jobSettings();
    const renew = setInterval(() => {
      void opts.db.job
        .updateMany({ where: { id: job.id, status: "running" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } })
        .catch((error) => console.error(`[jobs] could not renew the lease of ${job.kind} ${job.key}:`, (error as Error).message));
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    try {
      const outcome = await opts.handler(job);
      if (outcome?.retryInMs !== undefined) wakeAt(await failJob(opts.db, job, outcome.error ?? "waiting", { retryInMs: outcome.retryInMs }));
      else await completeJob(opts.db, job);
    } catch (error) {
      opts.onError?.(job, error);
      wakeAt(await failJob(opts.db, job, error instanceof Error ? error.message : String(error)).catch(() => null));
    } finally {
      clearInterval(renew);
    }
  }

  async function poll(): Promise<void> {
    while (!stopped && running.size < concurrency) {
      let job: JobRow | null = null;
      try {
        job = await claimJob(opts.db, opts.kinds);
      } catch (error) {
        console.error("[jobs] claim failed:", (error as Error).message);
      }
      if (!job) break;
      const p = runOne(job).finally(() => {
        running.delete(p);
        if (!stopped) wake();
      });
      running.add(p);
    }
  }

  /** A retry due before the next poll gets its own wake-up. */
  const retryTimers = new Set<NodeJS.Timeout>();
  function wakeAt(runAt: Date | null): void {
    if (!runAt || stopped) return;
    const delay = runAt.getTime() - Date.now();
    if (delay >= jobSettings().pollMs) return;
    const t = setTimeout(() => {
      retryTimers.delete(t);
      wake();
    }, Math.max(0, delay) + 5);
    t.unref?.();
    retryTimers.add(t);
  }

  function wake(): void {
    if (stopped) return;
    polling ??= poll().finally(() => {
      polling = null;
    });
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      wake();
      schedule();
    }, jobSettings().pollMs);
    timer.unref?.();
  }

  const unsubscribe = onEnqueue((kind) => {
    if (opts.kinds.includes(kind)) wake();
  });
  schedule();
  wake();

  return {
    wake,
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      for (const t of retryTimers) clearTimeout(t);
      await polling;
      await Promise.allSettled([...running]);
    },
    async drain() {
      for (;;) {
        wake();
        await polling;
        if (running.size === 0) {
          await poll();
          if (running.size === 0) return;
        }
        await Promise.race([...running]);
      }
    },
  };
}
