import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { NO_RULES, countRows, createFixture } from "@/test/fixtures";
import { onlyDiff } from "@/test/work";

describeEachProvider("board groups", (getDb) => {
  it("an admin creates, renames and deletes a group; deleting keeps its boards, ungrouped", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const group = await admin.boardGroups.create({ orgId: f.org.id, name: "Platform", description: "Infra boards" });
    expect(group).toMatchObject({ name: "Platform", slug: "platform", description: "Infra boards", boardCount: 0 });
    await admin.boards.update({ boardId: f.board.id, groupId: group.id });
    const second = await admin.boards.create({ orgId: f.org.id, name: "Second", groupId: group.id });
    expect((await admin.boardGroups.list({ orgId: f.org.id })).map((g) => [g.name, g.boardCount])).toEqual([["Platform", 2]]);

    const renamed = await admin.boardGroups.update({ orgId: f.org.id, groupId: group.id, name: "Core platform" });
    expect(renamed).toMatchObject({ name: "Core platform", slug: "platform", boardCount: 2 });
    expect(await onlyDiff(db, group.id, "board_group.updated")).toEqual({ name: { before: "Platform", after: "Core platform" } });

    expect(await admin.boardGroups.delete({ orgId: f.org.id, groupId: group.id })).toEqual({ ok: true });
    expect(await db.boardGroup.count({ where: { id: group.id } })).toBe(0);
    const boards = await db.board.findMany({ where: { id: { in: [f.board.id, second.id] } } });
    expect(boards.map((b) => b.groupId)).toEqual([null, null]);
    expect(await db.task.count({ where: { boardId: f.board.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { targetId: group.id } })).toBe(3);
  });

  it("members cannot manage groups (FORBIDDEN), a duplicate slug is a CONFLICT, another org's group is NOT_FOUND", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const member = await asUser(db, f.member.id);
    const group = await admin.boardGroups.create({ orgId: f.org.id, name: "Growth" });
    const theirs = await (await asUser(db, f.outsider.id)).boardGroups.create({ orgId: f.outsiderOrg.id, name: "Growth" });
    const before = await countRows(db);
    expect((await caught(() => member.boardGroups.create({ orgId: f.org.id, name: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await caught(() => member.boardGroups.delete({ orgId: f.org.id, groupId: group.id }))).code).toBe("FORBIDDEN");
    expect((await caught(() => admin.boardGroups.create({ orgId: f.org.id, name: "growth" }))).code).toBe("CONFLICT");
    expect((await caught(() => admin.boardGroups.update({ orgId: f.org.id, groupId: theirs.id, name: "Mine" }))).code).toBe("NOT_FOUND");
    expect((await caught(() => admin.boardGroups.delete({ orgId: f.org.id, groupId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => admin.boardGroups.get({ orgId: f.org.id, groupId: theirs.id }))).code).toBe("NOT_FOUND");
    expect(await countRows(db)).toEqual(before);
  });

  it("a group's page lists its boards with task counts and the recent activity of those boards only", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const group = await admin.boardGroups.create({ orgId: f.org.id, name: "Delivery" });
    const a = await admin.boards.create({ orgId: f.org.id, name: "Alpha", groupId: group.id, rules: NO_RULES });
    const b = await admin.boards.create({ orgId: f.org.id, name: "Beta", groupId: group.id, rules: NO_RULES });
    const archived = await admin.boards.create({ orgId: f.org.id, name: "Gamma", groupId: group.id, rules: NO_RULES });
    await admin.boards.setArchived({ boardId: archived.id, archived: true });
    await admin.tasks.create({ boardId: a.id, title: "a1" });
    await admin.tasks.create({ boardId: a.id, title: "a2", status: "done" });
    await admin.tasks.create({ boardId: b.id, title: "b1", status: "review" });
    await admin.tasks.create({ boardId: f.board.id, title: "outside the group" });

    const page = await (await asUser(db, f.member.id)).boardGroups.get({ orgId: f.org.id, groupId: group.id });
    expect(page.group).toMatchObject({ id: group.id, boardCount: 2 });
    expect(page.boards.map((x) => [x.name, x.taskCounts])).toEqual([
      ["Alpha", { inbox: 1, in_progress: 0, review: 0, done: 1 }],
      ["Beta", { inbox: 0, in_progress: 0, review: 1, done: 0 }],
    ]);
    expect(page.activity.length).toBeGreaterThan(0);
    expect(new Set(page.activity.map((e) => e.boardId))).toEqual(new Set([a.id, b.id]));
    expect(page.activity.map((e) => e.summary)).not.toContain(expect.stringContaining("outside the group"));

    // A limited member sees only the group's boards granted to them.
    await admin.boardAccess.set({ orgId: f.org.id, userId: f.limited.id, allBoards: false, grants: [{ boardId: b.id, level: "read" }] });
    const limitedPage = await (await asUser(db, f.limited.id)).boardGroups.get({ orgId: f.org.id, groupId: group.id });
    expect(limitedPage.boards.map((x) => x.id)).toEqual([b.id]);
    expect(new Set(limitedPage.activity.map((e) => e.boardId))).toEqual(new Set([b.id]));
    expect((await (await asUser(db, f.limited.id)).boardGroups.list({ orgId: f.org.id })).find((g) => g.id === group.id)?.boardCount).toBe(1);
  });
});
