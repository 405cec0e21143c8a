import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { NO_RULES, countRows, createFixture, type Fixture } from "@/test/fixtures";
import type { Db } from "@/server/db/client";

/** The fixture plus a second board B that the limited member has no grant for. */
async function withBoardB(db: Db) {
  const f = await createFixture(db);
  const owner = await asUser(db, f.owner.id);
  const boardB = await owner.boards.create({ orgId: f.org.id, name: "Board B", rules: NO_RULES });
  const taskB = await owner.tasks.create({ boardId: boardB.id, title: "Secret task" });
  return { f, owner, boardB, taskB };
}

const expectRefused = async (fn: () => Promise<unknown>, code: string) => expect((await caught(fn)).code).toBe(code);

describeEachProvider("board access", (getDb) => {
  it("a member limited to reading board A sees only A, cannot write to it (FORBIDDEN), and cannot tell B exists (NOT_FOUND)", async () => {
    const { db } = getDb();
    const { f, boardB, taskB } = await withBoardB(db);
    const limited = await asUser(db, f.limited.id);
    expect((await limited.boards.list({ orgId: f.org.id })).map((b) => b.id)).toEqual([f.board.id]);
    expect((await limited.tasks.list({ boardId: f.board.id })).items.map((t) => t.id)).toEqual([f.task.id]);
    expect(await limited.boards.get({ boardId: f.board.id })).toMatchObject({ id: f.board.id });

    const before = await countRows(db);
    await expectRefused(() => limited.tasks.create({ boardId: f.board.id, title: "Nope" }), "FORBIDDEN");
    await expectRefused(() => limited.tasks.update({ boardId: f.board.id, taskId: f.task.id, title: "Nope" }), "FORBIDDEN");
    await expectRefused(() => limited.tasks.move({ boardId: f.board.id, taskId: f.task.id, status: "done" }), "FORBIDDEN");
    await expectRefused(() => limited.tasks.delete({ boardId: f.board.id, taskId: f.task.id }), "FORBIDDEN");
    await expectRefused(() => limited.tasks.create({ boardId: boardB.id, title: "Nope" }), "NOT_FOUND");
    await expectRefused(() => limited.boards.get({ boardId: boardB.id }), "NOT_FOUND");
    await expectRefused(() => limited.tasks.list({ boardId: boardB.id }), "NOT_FOUND");
    await expectRefused(() => limited.tasks.get({ boardId: boardB.id, taskId: taskB.id }), "NOT_FOUND");
    await expectRefused(() => limited.comments.list({ boardId: boardB.id, taskId: taskB.id }), "NOT_FOUND");
    expect(await countRows(db)).toEqual(before);
  });

  it("an admin grants write on A and read on B: the member writes to A, reads B, and the change is recorded", async () => {
    const { db } = getDb();
    const { f, boardB } = await withBoardB(db);
    const admin = await asUser(db, f.admin.id);
    const grants = [{ boardId: f.board.id, level: "write" as const }, { boardId: boardB.id, level: "read" as const }];
    expect(await admin.boardAccess.set({ orgId: f.org.id, userId: f.limited.id, allBoards: false, grants })).toEqual({ userId: f.limited.id, allBoards: false, grants });
    expect(await admin.boardAccess.get({ orgId: f.org.id, userId: f.limited.id })).toMatchObject({ allBoards: false, grants: expect.arrayContaining(grants) });
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "member.access_changed", targetId: f.limited.id } });
    expect(JSON.parse(row.diff)).toMatchObject({ grants: { before: [{ boardId: f.board.id, level: "read" }], after: grants } });

    const limited = await asUser(db, f.limited.id);
    expect((await limited.boards.list({ orgId: f.org.id })).map((b) => b.id).sort()).toEqual([f.board.id, boardB.id].sort());
    const task = await limited.tasks.create({ boardId: f.board.id, title: "Allowed now" });
    expect((await limited.tasks.move({ boardId: f.board.id, taskId: task.id, status: "review" })).status).toBe("review");
    await expectRefused(() => limited.tasks.create({ boardId: boardB.id, title: "Still read-only" }), "FORBIDDEN");

    // Back to every board: write everywhere.
    await admin.boardAccess.set({ orgId: f.org.id, userId: f.limited.id, allBoards: true, grants: [] });
    expect((await (await asUser(db, f.limited.id)).tasks.create({ boardId: boardB.id, title: "Open" })).boardId).toBe(boardB.id);
  });

  it("limiting an admin's boards, granting a foreign board, or listing a board twice is refused (BAD_REQUEST) and nothing changes", async () => {
    const { db } = getDb();
    const { f } = await withBoardB(db);
    const owner = await asUser(db, f.owner.id);
    const before = await countRows(db);
    const adminLimit = await caught(() => owner.boardAccess.set({ orgId: f.org.id, userId: f.admin.id, allBoards: false, grants: [{ boardId: f.board.id, level: "read" }] }));
    expect(adminLimit.code).toBe("BAD_REQUEST");
    expect(adminLimit.message).toMatch(/members only/);
    await expectRefused(() => owner.boardAccess.set({ orgId: f.org.id, userId: f.owner.id, allBoards: false, grants: [] }), "BAD_REQUEST");
    const foreign = await caught(() => owner.boardAccess.set({ orgId: f.org.id, userId: f.limited.id, allBoards: false, grants: [{ boardId: f.outsiderBoard.id, level: "write" }] }));
    expect(foreign.code).toBe("BAD_REQUEST");
    expect(foreign.message).toMatch(/do not exist in this organization/);
    await expectRefused(() => owner.boardAccess.set({ orgId: f.org.id, userId: f.limited.id, allBoards: false, grants: [{ boardId: f.board.id, level: "write" }, { boardId: f.board.id, level: "read" }] }), "BAD_REQUEST");
    await expectRefused(() => owner.boardAccess.set({ orgId: f.org.id, userId: f.outsider.id, allBoards: true, grants: [] }), "NOT_FOUND");
    await expectRefused(async () => (await asUser(db, f.member.id)).boardAccess.set({ orgId: f.org.id, userId: f.limited.id, allBoards: true, grants: [] }), "FORBIDDEN");
    expect(await countRows(db)).toEqual(before);
    expect(await owner.boardAccess.get({ orgId: f.org.id, userId: f.limited.id })).toEqual({ userId: f.limited.id, allBoards: false, grants: [{ boardId: f.board.id, level: "read" }] });
  });

  it("the activity timeline and the dashboard of a limited member only cover the boards they can see", async () => {
    const { db } = getDb();
    const { f, owner, boardB, taskB } = await withBoardB(db);
    await owner.tasks.move({ boardId: boardB.id, taskId: taskB.id, status: "done" });
    await owner.tasks.create({ boardId: boardB.id, title: "Late secret", dueAt: new Date(Date.now() - 86_400_000) });
    await owner.tasks.create({ boardId: f.board.id, title: "Visible review", status: "review" });
    const limited = await asUser(db, f.limited.id);

    const timeline = (await limited.activity.list({ orgId: f.org.id, limit: 200 })).items;
    expect(timeline.some((e) => e.boardId === f.board.id)).toBe(true);
    expect(timeline.filter((e) => e.boardId !== null && e.boardId !== f.board.id)).toEqual([]);
    expect((await limited.activity.list({ orgId: f.org.id, boardId: boardB.id, limit: 200 })).items).toEqual([]);
    // The owner sees both boards' rows.
    expect((await owner.activity.list({ orgId: f.org.id, boardId: boardB.id, limit: 200 })).items.length).toBeGreaterThan(0);

    const dash = await limited.dashboard.get({ orgId: f.org.id });
    expect(dash.boardCount).toBe(1);
    expect(dash.statusCounts).toEqual({ inbox: 1, in_progress: 0, review: 1, done: 0 });
    expect(dash.overdueCount).toBe(0);
    expect(dash.completedPerDay.reduce((n, d) => n + d.count, 0)).toBe(0);
    expect(dash.recentActivity.filter((e) => e.boardId !== null && e.boardId !== f.board.id)).toEqual([]);
    const full = await owner.dashboard.get({ orgId: f.org.id });
    expect(full).toMatchObject({ boardCount: 2, overdueCount: 1, statusCounts: { inbox: 2, in_progress: 0, review: 1, done: 1 } });
  });

  it("the live activity stream of a limited member skips events of boards they cannot see", async () => {
    const { db } = getDb();
    const { f, owner, boardB } = await withBoardB(db);
    const limited = await asUser(db, f.limited.id);
    // Items are tracked envelopes: [event id, event].
    const stream = (await limited.activity.events({ orgId: f.org.id })) as unknown as AsyncIterable<[string, { boardId: string | null; type: string }]>;
    const iterator = stream[Symbol.asyncIterator]();
    const next = iterator.next();
    await owner.tasks.create({ boardId: boardB.id, title: "Hidden" });
    const shown = await owner.tasks.create({ boardId: f.board.id, title: "Shown" });
    const first = await next;
    await iterator.return?.();
    expect(first.value[1]).toMatchObject({ boardId: f.board.id, type: "task.created" });
    expect(JSON.stringify(first.value[1])).toContain(shown.id);
  });
});

export type { Fixture };
