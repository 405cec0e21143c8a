import { expect, it } from "vitest";
import { blankConfig, describeEachProvider } from "@/test/db";
import { asUser, caught, type Caller } from "@/test/context";
import { createFixture, type Fixture } from "@/test/fixtures";
import { allPages } from "@/test/work";
import { migrate } from "@/server/db/migrate";
import { newId } from "@/lib/ids";
import { TASK_SORTS, type Task } from "@/lib/schemas/tasks";
import { createDb, type Db } from "@/server/db/client";

const DAY = 86_400_000;
const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
const STATUSES = ["inbox", "in_progress", "review", "done"] as const;
const RANK = { low: 0, medium: 1, high: 2, urgent: 3 } as const;

const ids = (items: { id: string }[]) => items.map((t) => t.id);
const sorted = (list: string[]) => [...list].sort();

/** 25 tasks (plus the fixture's) with varied status, priority, due dates (some none), titles. */
async function seedBoard(db: Db, f: Fixture, caller: Caller) {
  const now = Date.now();
  for (let i = 0; i < 24; i++) {
    await caller.tasks.create({
      boardId: f.board.id,
      title: `task ${String.fromCharCode(97 + ((i * 7) % 26))}${i}`,
      status: STATUSES[i % 4],
      priority: PRIORITIES[(i * 3) % 4],
      // Every third task has no due date; several share one, to exercise ties.
      dueAt: i % 3 === 0 ? null : new Date(now + ((i % 5) - 2) * DAY),
    });
  }
  // Touch a few so updatedAt differs from createdAt order.
  const all = (await caller.tasks.list({ boardId: f.board.id, limit: 200 })).items;
  for (const t of all.filter((_, i) => i % 4 === 1)) await caller.tasks.update({ boardId: f.board.id, taskId: t.id, description: "touched" });
  return (await caller.tasks.list({ boardId: f.board.id, limit: 200 })).items;
}

/** The order the API promises: the sort key(s), then id, nulls last for dueAt in both orders. */
function expectedOrder(tasks: Task[], sort: (typeof TASK_SORTS)[number], order: "asc" | "desc"): string[] {
  const dir = order === "asc" ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const keys = (t: Task): (string | number)[] => {
    switch (sort) {
      case "position": return [t.status, t.position];
      case "priority": return [RANK[t.priority]];
      case "createdAt": return [t.createdAt.getTime()];
      case "updatedAt": return [t.updatedAt.getTime()];
      case "title": return [t.title];
      case "dueAt": return [t.dueAt ? t.dueAt.getTime() : Number.NaN];
    }
  };
  return [...tasks]
    .sort((a, b) => {
      if (sort === "dueAt" && (a.dueAt === null) !== (b.dueAt === null)) return a.dueAt === null ? 1 : -1;
      const ka = keys(a), kb = keys(b);
      for (let i = 0; i < ka.length; i++) {
        if (Number.isNaN(ka[i])) continue;
        const c = cmp(ka[i], kb[i]);
        if (c) return c * dir;
      }
      return cmp(a.id, b.id) * dir;
    })
    .map((t) => t.id);
}

describeEachProvider("tasks.list", (getDb) => {
  it("a search for a word on more tasks than SQLite can bind as ids still answers, every word matched, paged", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      id: newId(),
      orgId: f.org.id,
      boardId: f.board.id,
      title: i % 2 ? `Customer call ${i}` : `Customer email ${i}`,
      status: "inbox",
      priority: "medium",
      position: `a${String(i).padStart(5, "0")}`,
    }));
    await db.task.createMany({ data: rows });
    const all = await allPages(member, { boardId: f.board.id, q: "customer", limit: 200 });
    expect(new Set(all.ids).size).toBe(1200);
    const calls = await allPages(member, { boardId: f.board.id, q: "CALL customer", limit: 200 });
    const expected = rows.filter((r) => r.title.startsWith("Customer call")).map((r) => r.id);
    expect(sorted(calls.ids)).toEqual(sorted(expected));
  });

  it("every sort, in both orders, pages with a cursor through every task exactly once (25 tasks, 7 per page), filtered or not", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const tasks = await seedBoard(db, f, member);
    expect(tasks).toHaveLength(25);
    expect(tasks.filter((t) => t.dueAt === null).length).toBeGreaterThan(7);
    for (const sort of TASK_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const expected = expectedOrder(tasks, sort, order);
        const whole = await member.tasks.list({ boardId: f.board.id, sort, order, limit: 200 });
        expect(ids(whole.items), `${sort} ${order}`).toEqual(expected);
        expect(whole.nextCursor).toBeNull();
        const paged = await allPages(member, { boardId: f.board.id, sort, order, limit: 7 });
        expect(paged.ids, `${sort} ${order} paged`).toEqual(expected);
        expect(paged.pages).toBe(4);
      }
    }
    // Filters page too: a filtered list pages through exactly the matching tasks.
    const open = await allPages(member, { boardId: f.board.id, status: ["inbox", "in_progress", "review"], sort: "dueAt", order: "desc", limit: 4 });
    expect(open.ids).toEqual(expectedOrder(tasks.filter((t) => t.status !== "done"), "dueAt", "desc"));
  });

  it("a cursor from another board (or an unknown one) is refused with BAD_REQUEST", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const other = await owner.boards.create({ orgId: f.org.id, name: "Other" });
    const there = await owner.tasks.create({ boardId: other.id, title: "There" });
    for (const cursor of [there.id, f.outsiderTask.id, "nope"]) {
      const error = await caught(() => owner.tasks.list({ boardId: f.board.id, cursor }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/cursor/);
    }
  });

  it("filters by status (comma-separated), priority, assignee (user, agent, none) and tag", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const agentId = newId();
    await db.agent.create({ data: { id: agentId, orgId: f.org.id, boardId, name: "Bot" } });
    const tag = await member.tags.create({ orgId: f.org.id, name: "Backend" });
    const other = await member.tags.create({ orgId: f.org.id, name: "Frontend" });
    const a = await member.tasks.create({ boardId, title: "A", status: "review", priority: "urgent", assigneeUserId: f.member.id, tagIds: [tag.id] });
    const b = await member.tasks.create({ boardId, title: "B", status: "done", priority: "low", assigneeAgentId: agentId, tagIds: [tag.id, other.id] });
    const c = await member.tasks.create({ boardId, title: "C", status: "in_progress", priority: "high", assigneeUserId: f.admin.id, tagIds: [other.id] });
    const first = f.task.id; // inbox, medium, unassigned, untagged
    const list = async (q: Omit<Parameters<Caller["tasks"]["list"]>[0], "boardId">) => sorted(ids((await member.tasks.list({ boardId, ...q } as never)).items));

    expect(await list({ status: "review,done" as never })).toEqual(sorted([a.id, b.id]));
    expect(await list({ status: ["inbox"] })).toEqual([first]);
    expect(await list({ priority: "high,urgent" as never })).toEqual(sorted([a.id, c.id]));
    expect(await list({ priority: ["low"], status: ["done"] })).toEqual([b.id]);
    expect(await list({ assignee: f.member.id })).toEqual([a.id]);
    expect(await list({ assignee: agentId })).toEqual([b.id]);
    expect(await list({ assignee: "none" })).toEqual([first]);
    expect(await list({ tagId: tag.id })).toEqual(sorted([a.id, b.id]));
    expect(await list({ tagId: other.id, status: ["in_progress"] })).toEqual([c.id]);
    expect(await list({ tagId: f.outsiderOrg.id })).toEqual([]);
  });

  it("filters by due window and overdue (due before now and not done)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const now = Date.now();
    const late = await member.tasks.create({ boardId, title: "Late", dueAt: new Date(now - 2 * DAY) });
    const lateDone = await member.tasks.create({ boardId, title: "Late but done", status: "done", dueAt: new Date(now - 3 * DAY) });
    const lateReview = await member.tasks.create({ boardId, title: "Late in review", status: "review", dueAt: new Date(now - DAY) });
    const soon = await member.tasks.create({ boardId, title: "Soon", dueAt: new Date(now + DAY) });
    const later = await member.tasks.create({ boardId, title: "Later", dueAt: new Date(now + 10 * DAY) });
    const list = async (q: Omit<Parameters<Caller["tasks"]["list"]>[0], "boardId">) => sorted(ids((await member.tasks.list({ boardId, ...q })).items));

    expect(await list({ dueBefore: new Date(now) })).toEqual(sorted([late.id, lateDone.id, lateReview.id]));
    expect(await list({ dueAfter: new Date(now) })).toEqual(sorted([soon.id, later.id]));
    expect(await list({ dueAfter: new Date(now - 2.5 * DAY), dueBefore: new Date(now + 2 * DAY) })).toEqual(sorted([late.id, lateReview.id, soon.id]));
    // dueAfter is inclusive, dueBefore exclusive.
    expect(await list({ dueAfter: soon.dueAt!, dueBefore: later.dueAt! })).toEqual([soon.id]);
    expect(await list({ overdue: true })).toEqual(sorted([late.id, lateReview.id]));
    expect(await list({ overdue: "true" as never, status: ["review", "done"] })).toEqual([lateReview.id]);
    expect(await list({ overdue: false })).toHaveLength(6);
  });

  it("text search matches title and description words, by prefix, in any order, ignoring case", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const runbook = await member.tasks.create({ boardId, title: "Write the deployment runbook" });
    const rollback = await member.tasks.create({ boardId, title: "Rollback drill", description: "Practise the database restore with the runbook" });
    await member.tasks.create({ boardId, title: "Unrelated chores", description: "Water the plants" });
    const search = async (q: string) => sorted(ids((await member.tasks.list({ boardId, q })).items));

    expect(await search("runbook")).toEqual(sorted([runbook.id, rollback.id]));
    expect(await search("RUNBOOK write")).toEqual([runbook.id]);
    expect(await search("runbook deployment")).toEqual([runbook.id]);
    expect(await search("deploy")).toEqual([runbook.id]);
    expect(await search("restore")).toEqual([rollback.id]);
    expect(await search("drill restore")).toEqual([rollback.id]);
    expect(await search("runbook plants")).toEqual([]);
    expect(await search("nothing-like-this")).toEqual([]);
    // Search combines with filters and stays on this board.
    const owner = await asUser(db, f.owner.id);
    const other = await owner.boards.create({ orgId: f.org.id, name: "Other" });
    await owner.tasks.create({ boardId: other.id, title: "Runbook elsewhere" });
    expect(await search("runbook")).toEqual(sorted([runbook.id, rollback.id]));
    expect(sorted(ids((await member.tasks.list({ boardId, q: "runbook", priority: ["medium"], sort: "title" })).items))).toEqual(sorted([runbook.id, rollback.id]));
  });

  it("the search index follows task edits and deletions", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const search = async (q: string) => ids((await member.tasks.list({ boardId, q })).items);
    const task = await member.tasks.create({ boardId, title: "Zebra crossing", description: "paint stripes" });
    expect(await search("zebra")).toEqual([task.id]);
    await member.tasks.update({ boardId, taskId: task.id, title: "Pelican crossing", description: "install lights" });
    expect(await search("zebra")).toEqual([]);
    expect(await search("stripes")).toEqual([]);
    expect(await search("pelican lights")).toEqual([task.id]);
    // A move rewrites other columns, not the text; the index must not lose the task.
    await member.tasks.move({ boardId, taskId: task.id, status: "review" });
    expect(await search("pelican")).toEqual([task.id]);
    await member.tasks.delete({ boardId, taskId: task.id });
    expect(await search("pelican")).toEqual([]);
    // A new row may reuse the deleted row's storage id: stale index entries would surface it.
    const next = await member.tasks.create({ boardId, title: "Giraffe feeding" });
    expect(await search("pelican")).toEqual([]);
    expect(await search("giraffe")).toEqual([next.id]);
  });

  it("re-running migrations on an existing database keeps search working (idempotent), and restores lost search triggers", async () => {
    // A database of its own, so each step can be a real restart: close the client, migrate,
    // open a new client. (Two SQLite libraries in one process must not hold the file at once:
    // the migration runner's better-sqlite3 and the Prisma adapter's are separate copies.)
    const blank = blankConfig(getDb().provider);
    let db: Db | null = null;
    const restart = async () => {
      await db?.$disconnect();
      await migrate(blank.config);
      db = createDb(blank.config);
      return db;
    };
    try {
      let client = await restart();
      const f = await createFixture(client);
      const boardId = f.board.id;
      const search = async (q: string) => sorted(ids((await (await asUser(client, f.member.id)).tasks.list({ boardId, q })).items));
      const member = async () => asUser(client, f.member.id);
      const first = await (await member()).tasks.create({ boardId, title: "Quokka census" });

      client = await restart();
      expect(await search("quokka")).toEqual([first.id]);
      const second = await (await member()).tasks.create({ boardId, title: "Quokka photos" });
      expect(await search("quokka")).toEqual(sorted([first.id, second.id]));

      if (blank.config.provider === "sqlite") {
        const triggers = async () => (await client.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'task_search_%' ORDER BY name")).map((r) => r.name);
        expect(await triggers()).toEqual(["task_search_ad", "task_search_ai", "task_search_au"]);
        // What a Prisma table rebuild does: the triggers vanish and edits stop reaching the index.
        await client.$executeRawUnsafe("DROP TRIGGER task_search_au");
        await (await member()).tasks.update({ boardId, taskId: first.id, title: "Wombat census" });
        client = await restart();
        expect(await triggers()).toEqual(["task_search_ad", "task_search_ai", "task_search_au"]);
        // The index was rebuilt from the table: the edit made while the trigger was gone is found.
        expect(await search("wombat")).toEqual([first.id]);
        expect(await search("quokka")).toEqual([second.id]);
        await (await member()).tasks.update({ boardId, taskId: second.id, title: "Numbat photos" });
        expect(await search("quokka")).toEqual([]);
        client = await restart();
        expect(await triggers()).toHaveLength(3);
        expect(await search("numbat")).toEqual([second.id]);
      }
    } finally {
      await (db as Db | null)?.$disconnect();
      await blank.cleanup();
    }
  });
});
