// The agent reconcile worker: one per process, started from src/instrumentation.ts. Jobs live in
// the database, so work survives a restart; a job held by a crashed process is re-claimed when
// its lease runs out.
import { getDb, type Db } from "../../db/client";
import { enqueueJob } from "../jobs/queue";
import { startJobWorker, type JobWorker } from "../jobs/worker";
import { reconcileAgent, RECONCILE_JOB } from "./reconcile";

const holder = globalThis as unknown as { mcAgentWorker?: JobWorker };

export function enqueueReconcile(db: Db, agentId: string, runAt?: Date) {
  return enqueueJob(db, { kind: RECONCILE_JOB, key: agentId, payload: { agentId }, runAt });
}

export function createAgentWorker(db: Db, options: { concurrency?: number } = {}): JobWorker {
  return startJobWorker({
    db,
    kinds: [RECONCILE_JOB],
    concurrency: options.concurrency ?? 4,
    handler: async (job) => {
      const { agentId } = JSON.parse(job.payload) as { agentId: string };
      try {
        await reconcileAgent(db, agentId ?? job.key, { attempt: job.attempts });
      } catch (error) {
        const nextRetryAt = (error as { nextRetryAt?: Date }).nextRetryAt;
        return { retryInMs: nextRetryAt ? Math.max(0, nextRetryAt.getTime() - Date.now()) : 1_000, error: (error as Error).message };
      }
    },
  });
}

/** Agents that need work but have no live job (e.g. a crash between the commit and the enqueue). */
export async function enqueueUnfinished(db: Db): Promise<number> {
  const agents = await db.agent.findMany({ where: { OR: [{ desiredState: "deleted" }, { provisionStep: { not: "done" } }, { provisionStep: null }] }, select: { id: true } });
  const jobs = await db.job.findMany({ where: { kind: RECONCILE_JOB, key: { in: agents.map((a) => a.id) }, status: { in: ["pending", "running"] } }, select: { key: true } });
  const queued = new Set(jobs.map((j) => j.key));
  const missing = agents.filter((a) => !queued.has(a.id));
  for (const a of missing) await enqueueReconcile(db, a.id);
  return missing.length;
}

/** Starts the process-wide worker once (src/instrumentation.ts); later calls do nothing. */
export function startAgentWorker(db: Db = getDb()): void {
  if (holder.mcAgentWorker) return;
  holder.mcAgentWorker = createAgentWorker(db);
  void enqueueUnfinished(db).catch((error) => console.error("[agents] could not queue unfinished agents:", (error as Error).message));
}

export const agentWorker = (): JobWorker | undefined => holder.mcAgentWorker;

export async function stopAgentWorker(): Promise<void> {
  const worker = holder.mcAgentWorker;
  holder.mcAgentWorker = undefined;
  await worker?.stop();
}
