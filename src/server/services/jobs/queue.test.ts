import { afterEach, expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { backoffMs, claimJob, completeJob, configureJobs, enqueueJob, failJob, jobSettings } from "./queue";
import { startJobWorker } from "./worker";
import { newId } from "@/lib/ids";

const saved = jobSettings();
afterEach(() => void configureJobs(saved));

it("backoff is capped exponential with full jitter", () => {
  const s = { baseMs: 1_000, maxMs: 30_000 };
  expect(backoffMs(1, () => 0.999, s)).toBe(999);
  expect(backoffMs(3, () => 0.999, s)).toBe(3_996);
  expect(backoffMs(20, () => 0.999, s)).toBe(29_970);
  expect(backoffMs(20, () => 0, s)).toBe(50);
  const spread = new Set(Array.from({ length: 50 }, () => backoffMs(4)));
  expect(spread.size).toBeGreaterThan(10);
});

describeEachProvider("durable jobs", (getDb) => {
  const kind = () => `test.${newId().slice(0, 8)}`;

  it("enqueue is an upsert by kind and key; a claim leases one job to one worker", async () => {
    const { db } = getDb();
    const k = kind();
    await enqueueJob(db, { kind: k, key: "a", payload: { n: 1 } });
    await enqueueJob(db, { kind: k, key: "a", payload: { n: 2 } });
    expect(await db.job.count({ where: { kind: k } })).toBe(1);
    const [first, second] = await Promise.all([claimJob(db, [k]), claimJob(db, [k])]);
    const claimed = [first, second].filter(Boolean);
    expect(claimed).toHaveLength(1);
    expect(JSON.parse(claimed[0]!.payload)).toEqual({ n: 2 });
    expect(claimed[0]!.attempts).toBe(1);
    await completeJob(db, claimed[0]!);
    expect((await db.job.findFirst({ where: { kind: k } }))!.status).toBe("done");
  });

  it("a failed job waits out its backoff, then is claimed again with the attempt counted", async () => {
    const { db } = getDb();
    const k = kind();
    await enqueueJob(db, { kind: k, key: "b" });
    const job = (await claimJob(db, [k]))!;
    const runAt = await failJob(db, job, "gateway down", { retryInMs: 60_000 });
    expect(runAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await claimJob(db, [k])).toBeNull();
    const later = await claimJob(db, [k], new Date(Date.now() + 61_000));
    expect(later).toMatchObject({ attempts: 2, lastError: "gateway down" });
  });

  it("a crashed worker's job is claimed again once its lease runs out (and not before)", async () => {
    const { db } = getDb();
    configureJobs({ leaseMs: 5_000 });
    const k = kind();
    await enqueueJob(db, { kind: k, key: "c" });
    const crashed = (await claimJob(db, [k]))!;
    expect(crashed.status).toBe("running");
    // The worker dies here: no complete, no fail.
    expect(await claimJob(db, [k], new Date(Date.now() + 1_000))).toBeNull();
    const taken = await claimJob(db, [k], new Date(Date.now() + 6_000));
    expect(taken).toMatchObject({ id: crashed.id, attempts: 2 });
  });

  it("re-enqueued while running: the job runs again instead of being marked done", async () => {
    const { db } = getDb();
    const k = kind();
    await enqueueJob(db, { kind: k, key: "d" });
    const job = (await claimJob(db, [k]))!;
    await enqueueJob(db, { kind: k, key: "d" });
    expect(await claimJob(db, [k])).toBeNull(); // still leased
    await completeJob(db, job);
    expect((await db.job.findFirst({ where: { kind: k } }))!.status).toBe("pending");
    expect(await claimJob(db, [k])).not.toBeNull();
  });

  it("a handler that runs longer than the lease keeps its job: the worker renews the lease, nobody else claims it", async () => {
    const { db } = getDb();
    configureJobs({ leaseMs: 1_500, pollMs: 10_000 });
    const k = kind();
    let release!: () => void;
    const running = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const worker = startJobWorker({
      db,
      kinds: [k],
      handler: async () => {
        started = true;
        await running;
      },
    });
    try {
      await enqueueJob(db, { kind: k, key: "slow" });
      while (!started) await new Promise((r) => setTimeout(r, 20));
      // Three leases' worth of time: without renewal the job would be claimable again.
      await new Promise((r) => setTimeout(r, 4_500));
      expect(await claimJob(db, [k])).toBeNull();
      release();
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && (await db.job.findFirst({ where: { kind: k } }))?.status !== "done") await new Promise((r) => setTimeout(r, 20));
      expect((await db.job.findFirst({ where: { kind: k } }))!.status).toBe("done");
    } finally {
      release();
      await worker.stop();
    }
  });

  it("the worker wakes on enqueue, retries failures with backoff and completes", async () => {
    const { db } = getDb();
    configureJobs({ baseMs: 20, maxMs: 50, pollMs: 10_000 });
    const k = kind();
    const seen: number[] = [];
    const worker = startJobWorker({
      db,
      kinds: [k],
      handler: async (job) => {
        seen.push(job.attempts);
        if (job.attempts < 3) throw new Error(`attempt ${job.attempts} failed`);
      },
    });
    try {
      await enqueueJob(db, { kind: k, key: "e" });
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await db.job.findFirst({ where: { kind: k } }))?.status !== "done") await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual([1, 2, 3]);
      expect((await db.job.findFirst({ where: { kind: k } }))!.status).toBe("done");
    } finally {
      await worker.stop();
    }
  });
});
