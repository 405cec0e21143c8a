import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, type Caller } from "@/test/context";
import { createFixture } from "@/test/fixtures";
import { newId } from "@/lib/ids";

async function allPages(caller: Caller, input: { orgId: string; boardId?: string }, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await caller.activity.list({ ...input, limit, cursor });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    ids.push(...result.items.map((i) => i.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describeEachProvider("activity.list", (getDb) => {
  it("lists the organization's activity newest first with actor, action, target and parsed diff", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const task = await member.tasks.create({ boardId: f.board.id, title: "Audit me" });
    await member.tasks.update({ boardId: f.board.id, taskId: task.id, title: "Audited" });
    const { items } = await member.activity.list({ orgId: f.org.id, limit: 2 });
    expect(items.map((i) => i.action)).toEqual(["task.updated", "task.created"]);
    expect(items[0]).toMatchObject({ actorKind: "user", actorId: f.member.id, targetType: "task", targetId: task.id, boardId: f.board.id });
    expect(items[0].diff).toEqual({ title: { before: "Audit me", after: "Audited" } });
    // Nothing from the other tenant.
    const all = await member.activity.list({ orgId: f.org.id, limit: 200 });
    expect(all.items.every((i) => i.targetId !== f.outsiderTask.id && i.targetId !== f.outsiderBoard.id)).toBe(true);
  });

  it("cursor pages are stable: every row exactly once in (createdAt, id) order, even with equal timestamps and new rows arriving", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    // Rows that share one timestamp, so the id tie-breaker matters.
    const at = new Date(Date.now() - 60_000);
    for (let i = 0; i < 7; i++) {
      await db.activityEvent.create({ data: { id: newId(), orgId: f.org.id, actorKind: "system", action: "test.tick", targetType: "test", targetId: String(i), createdAt: at } });
    }
    const caller = await asUser(db, f.member.id);
    const expected = await db.activityEvent.findMany({ where: { orgId: f.org.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(expected).toHaveLength(9);
    expect(await allPages(caller, { orgId: f.org.id }, 2)).toEqual(expected.map((r) => r.id));

    // A row arriving between pages does not shift later pages.
    const first = await caller.activity.list({ orgId: f.org.id, limit: 3 });
    await caller.tasks.create({ boardId: f.board.id, title: "arrives mid-way" });
    const rest: string[] = [];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await caller.activity.list({ orgId: f.org.id, limit: 3, cursor });
      rest.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    }
    expect([...first.items.map((i) => i.id), ...rest]).toEqual(expected.map((r) => r.id));
  });

  it("filters by board", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const other = await (await asUser(db, f.admin.id)).boards.create({ orgId: f.org.id, name: "Other board" });
    await member.tasks.create({ boardId: other.id, title: "elsewhere" });
    const { items } = await member.activity.list({ orgId: f.org.id, boardId: f.board.id, limit: 200 });
    expect(items.map((i) => i.action)).toEqual(["task.created", "board.created"]);
    expect(items.every((i) => i.boardId === f.board.id)).toBe(true);
  });
});
