import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught, type Caller } from "@/test/context";
import { createFixture } from "@/test/fixtures";
import type { Db } from "@/server/db/client";

/** Every task of a board as id → {status, position, updatedAt}, to prove what a move touched. */
async function snapshot(db: Db, boardId: string) {
  const rows = await db.task.findMany({ where: { boardId }, select: { id: true, status: true, position: true, updatedAt: true } });
  return new Map(rows.map((r) => [r.id, { status: r.status, position: r.position, updatedAt: r.updatedAt.toISOString() }]));
}

async function column(caller: Caller, boardId: string, status: "inbox" | "in_progress" | "review" | "done") {
  const { items } = await caller.tasks.list({ boardId, status, limit: 200 });
  return items.map((t) => t.title);
}

function expectOnlyChanged(before: Map<string, unknown>, after: Map<string, unknown>, movedId: string) {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [id, row] of before) {
    if (id === movedId) expect(after.get(id)).not.toEqual(row);
    else expect(after.get(id)).toEqual(row);
  }
}

describeEachProvider("tasks", (getDb) => {
  it("a task is created with defaults at the end of its column and recorded", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const task = await member.tasks.create({ boardId: f.board.id, title: "  Write the runbook  " });
    expect(task).toMatchObject({ boardId: f.board.id, title: "Write the runbook", description: "", status: "inbox", priority: "medium" });
    expect(await column(member, f.board.id, "inbox")).toEqual(["First task", "Write the runbook"]);
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "task.created", targetId: task.id } });
    expect(row).toMatchObject({ boardId: f.board.id, actorKind: "user", actorId: f.member.id });
    expect(JSON.parse(row.diff)).toMatchObject({ title: { before: null, after: "Write the runbook" }, status: { before: null, after: "inbox" } });
    expect(await member.tasks.get({ boardId: f.board.id, taskId: task.id })).toMatchObject({ id: task.id, title: "Write the runbook" });
  });

  it("tasks.list pages with a cursor: every task exactly once, in board order", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    for (let i = 1; i <= 6; i++) await member.tasks.create({ boardId: f.board.id, title: `inbox ${i}` });
    for (let i = 1; i <= 3; i++) await member.tasks.create({ boardId: f.board.id, title: `done ${i}`, status: "done" });

    const all = (await member.tasks.list({ boardId: f.board.id, limit: 200 })).items;
    expect(all).toHaveLength(10);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await member.tasks.list({ boardId: f.board.id, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(4);
    expect(seen).toEqual(all.map((t) => t.id));
    expect(new Set(seen).size).toBe(10);
    expect(await column(member, f.board.id, "done")).toEqual(["done 1", "done 2", "done 3"]);
  });

  it("editing a task records only the fields that changed", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const updated = await (await asUser(db, f.member.id)).tasks.update({ boardId: f.board.id, taskId: f.task.id, title: "Renamed task", priority: "urgent" });
    expect(updated).toMatchObject({ title: "Renamed task", priority: "urgent", description: "" });
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "task.updated", targetId: f.task.id } });
    expect(JSON.parse(row.diff)).toEqual({ title: { before: "First task", after: "Renamed task" }, priority: { before: "medium", after: "urgent" } });
  });

  it("moving a task to another column changes only that task's row", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const b = await member.tasks.create({ boardId: f.board.id, title: "B" });
    await member.tasks.create({ boardId: f.board.id, title: "R1", status: "review" });
    const before = await snapshot(db, f.board.id);

    const moved = await member.tasks.move({ boardId: f.board.id, taskId: b.id, status: "review" });
    expect(moved.status).toBe("review");
    expectOnlyChanged(before, await snapshot(db, f.board.id), b.id);
    expect(await column(member, f.board.id, "review")).toEqual(["R1", "B"]);
    expect(await column(member, f.board.id, "inbox")).toEqual(["First task"]);
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "task.moved", targetId: b.id } });
    expect(JSON.parse(row.diff)).toMatchObject({ status: { before: "inbox", after: "review" } });
  });

  it("reordering with afterTaskId places the task exactly there and rewrites only its position", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const a = f.task; // "First task"
    const b = await member.tasks.create({ boardId: f.board.id, title: "B" });
    const c = await member.tasks.create({ boardId: f.board.id, title: "C" });
    const d = await member.tasks.create({ boardId: f.board.id, title: "D" });

    let before = await snapshot(db, f.board.id);
    await member.tasks.move({ boardId: f.board.id, taskId: d.id, status: "inbox", afterTaskId: a.id });
    expectOnlyChanged(before, await snapshot(db, f.board.id), d.id);
    expect(await column(member, f.board.id, "inbox")).toEqual(["First task", "D", "B", "C"]);

    before = await snapshot(db, f.board.id);
    await member.tasks.move({ boardId: f.board.id, taskId: c.id, status: "inbox", afterTaskId: null });
    expectOnlyChanged(before, await snapshot(db, f.board.id), c.id);
    expect(await column(member, f.board.id, "inbox")).toEqual(["C", "First task", "D", "B"]);

    before = await snapshot(db, f.board.id);
    await member.tasks.move({ boardId: f.board.id, taskId: c.id, status: "inbox", afterTaskId: b.id });
    expectOnlyChanged(before, await snapshot(db, f.board.id), c.id);
    expect(await column(member, f.board.id, "inbox")).toEqual(["First task", "D", "B", "C"]);

    // Into another column, after a task there.
    const r1 = await member.tasks.create({ boardId: f.board.id, title: "R1", status: "review" });
    await member.tasks.create({ boardId: f.board.id, title: "R2", status: "review" });
    before = await snapshot(db, f.board.id);
    await member.tasks.move({ boardId: f.board.id, taskId: b.id, status: "review", afterTaskId: r1.id });
    expectOnlyChanged(before, await snapshot(db, f.board.id), b.id);
    expect(await column(member, f.board.id, "review")).toEqual(["R1", "B", "R2"]);
  });

  it("afterTaskId must be another task in the target column (BAD_REQUEST), and nothing moves", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const b = await member.tasks.create({ boardId: f.board.id, title: "B" });
    const before = await snapshot(db, f.board.id);
    expect((await caught(() => member.tasks.move({ boardId: f.board.id, taskId: b.id, status: "inbox", afterTaskId: b.id }))).code).toBe("BAD_REQUEST");
    expect((await caught(() => member.tasks.move({ boardId: f.board.id, taskId: b.id, status: "review", afterTaskId: f.task.id }))).code).toBe("BAD_REQUEST");
    expect(await snapshot(db, f.board.id)).toEqual(before);
    expect(await db.activityEvent.count({ where: { action: "task.moved", targetId: b.id } })).toBe(0);
  });

  it("a deleted task is gone and reads as NOT_FOUND", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    expect(await member.tasks.delete({ boardId: f.board.id, taskId: f.task.id })).toEqual({ ok: true });
    expect(await db.task.findUnique({ where: { id: f.task.id } })).toBeNull();
    expect((await caught(() => member.tasks.get({ boardId: f.board.id, taskId: f.task.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => member.tasks.delete({ boardId: f.board.id, taskId: f.task.id }))).code).toBe("NOT_FOUND");
    expect(await db.activityEvent.count({ where: { action: "task.deleted", targetId: f.task.id } })).toBe(1);
  });

  it("another organization's task reads as NOT_FOUND through one's own board, and is unchanged", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const foreign = { boardId: f.board.id, taskId: f.outsiderTask.id };
    expect((await caught(() => owner.tasks.get(foreign))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.tasks.update({ ...foreign, title: "Mine" }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.tasks.move({ ...foreign, status: "done" }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.tasks.delete(foreign))).code).toBe("NOT_FOUND");
    // …and through their board, too.
    expect((await caught(() => owner.tasks.get({ boardId: f.outsiderBoard.id, taskId: f.outsiderTask.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.tasks.list({ boardId: f.outsiderBoard.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.tasks.create({ boardId: f.outsiderBoard.id, title: "Planted" }))).code).toBe("NOT_FOUND");
    const theirs = await db.task.findUniqueOrThrow({ where: { id: f.outsiderTask.id } });
    expect(theirs).toMatchObject({ title: "Their task", status: "inbox" });
    expect(await db.task.count({ where: { boardId: f.outsiderBoard.id } })).toBe(1);
  });
});
