import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { createFixture, insertUser } from "@/test/fixtures";
import { newId } from "@/lib/ids";

describeEachProvider("task assignee", (getDb) => {
  it("a task is assigned to a member of the organization, reassigned, and unassigned, each recorded", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const task = await member.tasks.create({ boardId: f.board.id, title: "Mine", assigneeUserId: f.member.id });
    expect(task.assigneeUserId).toBe(f.member.id);
    const moved = await member.tasks.update({ boardId: f.board.id, taskId: task.id, assigneeUserId: f.limited.id });
    expect(moved.assigneeUserId).toBe(f.limited.id);
    const row = await db.activityEvent.findFirstOrThrow({ where: { targetId: task.id, action: "task.updated" } });
    expect(JSON.parse(row.diff)).toEqual({ assigneeUserId: { before: f.member.id, after: f.limited.id } });
    expect((await member.tasks.update({ boardId: f.board.id, taskId: task.id, assigneeUserId: null })).assigneeUserId).toBeNull();
  });

  it("assigning a user of another organization (or no organization) is refused with BAD_REQUEST and nothing changes", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const loner = await insertUser(db, "loner");
    const count = await db.task.count();
    for (const userId of [f.outsider.id, loner.id, "no-such-user"]) {
      const error = await caught(() => member.tasks.create({ boardId: f.board.id, title: "Theirs", assigneeUserId: userId }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/member of this organization/);
      expect((await caught(() => member.tasks.update({ boardId: f.board.id, taskId: f.task.id, assigneeUserId: userId }))).code).toBe("BAD_REQUEST");
    }
    expect(await db.task.count()).toBe(count);
    expect((await db.task.findUniqueOrThrow({ where: { id: f.task.id } })).assigneeUserId).toBeNull();
    expect(await db.activityEvent.count({ where: { targetId: f.task.id, action: "task.updated" } })).toBe(0);
  });

  it("a task assigned to both a user and an agent is refused with BAD_REQUEST", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const agentId = newId();
    await db.agent.create({ data: { id: agentId, orgId: f.org.id, boardId: f.board.id, name: "Worker" } });
    const both = { assigneeUserId: f.member.id, assigneeAgentId: agentId };
    const error = await caught(() => member.tasks.create({ boardId: f.board.id, title: "Both", ...both }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/not both/);
    expect((await caught(() => member.tasks.update({ boardId: f.board.id, taskId: f.task.id, ...both }))).code).toBe("BAD_REQUEST");
    // The agent alone is fine, and setting a user afterwards replaces it.
    const withAgent = await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, assigneeAgentId: agentId });
    expect(withAgent).toMatchObject({ assigneeAgentId: agentId, assigneeUserId: null });
    expect(await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, assigneeUserId: f.member.id })).toMatchObject({ assigneeAgentId: null, assigneeUserId: f.member.id });
  });

  it("an agent of another board cannot be assigned (BAD_REQUEST)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const other = await owner.boards.create({ orgId: f.org.id, name: "Other" });
    const agentId = newId();
    await db.agent.create({ data: { id: agentId, orgId: f.org.id, boardId: other.id, name: "Elsewhere" } });
    expect((await caught(() => owner.tasks.create({ boardId: f.board.id, title: "x", assigneeAgentId: agentId }))).code).toBe("BAD_REQUEST");
  });
});
