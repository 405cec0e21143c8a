import { expect, it } from "vitest";
import { describeEachProvider, randomSuffix } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { countRows, createFixture } from "@/test/fixtures";

describeEachProvider("boards", (getDb) => {
  it("an admin creates a board; members see it listed with task counts by status", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await (await asUser(db, f.admin.id)).boards.create({ orgId: f.org.id, name: "Launch Plan", description: "Everything for launch" });
    expect(board).toMatchObject({ orgId: f.org.id, name: "Launch Plan", slug: "launch-plan", description: "Everything for launch" });
    await member.tasks.create({ boardId: board.id, title: "a" });
    await member.tasks.create({ boardId: board.id, title: "b", status: "review" });

    const list = await member.boards.list({ orgId: f.org.slug });
    expect(list.map((b) => b.id).sort()).toEqual([f.board.id, board.id].sort());
    expect(list.find((b) => b.id === board.id)!.taskCounts).toMatchObject({ inbox: 1, in_progress: 0, review: 1, done: 0 });
    expect(list.find((b) => b.id === f.board.id)!.taskCounts).toMatchObject({ inbox: 1 });
    expect(await member.boards.get({ boardId: board.id })).toMatchObject({ id: board.id, name: "Launch Plan" });
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "board.created", targetId: board.id } });
    expect(row).toMatchObject({ orgId: f.org.id, boardId: board.id, actorId: f.admin.id });
  });

  it("a member can neither create nor edit boards (FORBIDDEN), and nothing is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const before = await countRows(db);
    expect((await caught(() => member.boards.create({ orgId: f.org.id, name: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await caught(() => member.boards.update({ boardId: f.board.id, name: "Mine" }))).code).toBe("FORBIDDEN");
    expect(await countRows(db)).toEqual(before);
    expect((await db.board.findUniqueOrThrow({ where: { id: f.board.id } })).name).toBe(f.board.name);
  });

  it("a board slug that exists in the organization is refused with CONFLICT", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const slug = `b-${randomSuffix()}`;
    await admin.boards.create({ orgId: f.org.id, name: "One", slug });
    const before = await countRows(db);
    expect((await caught(() => admin.boards.create({ orgId: f.org.id, name: "Two", slug }))).code).toBe("CONFLICT");
    expect(await countRows(db)).toEqual(before);
    // The same slug in another organization is fine.
    await (await asUser(db, f.outsider.id)).boards.create({ orgId: f.outsiderOrg.id, name: "Two", slug });
  });

  it("renaming a board records the old and new name", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const updated = await (await asUser(db, f.admin.id)).boards.update({ boardId: f.board.id, name: "Renamed" });
    expect(updated.name).toBe("Renamed");
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "board.updated", targetId: f.board.id } });
    expect(JSON.parse(row.diff)).toMatchObject({ name: { before: f.board.name, after: "Renamed" } });
  });

  it("deleting a board (admin) deletes its tasks and reports how many", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    await admin.tasks.create({ boardId: f.board.id, title: "second" });
    const result = await admin.boards.delete({ boardId: f.board.id });
    expect(result).toEqual({ ok: true, deletedTasks: 2 });
    expect(await db.board.findUnique({ where: { id: f.board.id } })).toBeNull();
    expect(await db.task.count({ where: { boardId: f.board.id } })).toBe(0);
    expect((await caught(() => admin.boards.get({ boardId: f.board.id }))).code).toBe("NOT_FOUND");
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "board.deleted", targetId: f.board.id } });
    expect(JSON.parse(row.diff)).toMatchObject({ tasks: { before: 2, after: null } });
    // Other tenants' boards are untouched.
    expect(await db.task.count({ where: { boardId: f.outsiderBoard.id } })).toBe(1);
  });

  it("a member cannot delete a board (FORBIDDEN) and the board and its tasks remain", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    expect((await caught(async () => (await asUser(db, f.member.id)).boards.delete({ boardId: f.board.id }))).code).toBe("FORBIDDEN");
    expect(await db.task.count({ where: { boardId: f.board.id } })).toBe(1);
  });

  it("another organization's board reads as NOT_FOUND for get, update and delete, and is unchanged", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    expect((await caught(() => owner.boards.get({ boardId: f.outsiderBoard.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.boards.update({ boardId: f.outsiderBoard.id, name: "Mine now" }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.boards.delete({ boardId: f.outsiderBoard.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.boards.list({ orgId: f.outsiderOrg.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.boards.create({ orgId: f.outsiderOrg.id, name: "Planted" }))).code).toBe("NOT_FOUND");
    const theirs = await db.board.findUniqueOrThrow({ where: { id: f.outsiderBoard.id } });
    expect(theirs.name).toBe("Theirs");
    expect(await db.board.count({ where: { orgId: f.outsiderOrg.id } })).toBe(1);
  });
});
