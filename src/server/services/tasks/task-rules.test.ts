import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { createFixture } from "@/test/fixtures";
import { actionsFor, boardWithRules, insertApproval, onlyDiff, taskTrace } from "@/test/work";

describeEachProvider("board rules", (getDb) => {
  it("approvalForDone: done is refused without an approved approval (pending and rejected do not count), leaving the task untouched", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { approvalForDone: true });
    const task = await member.tasks.create({ boardId: board.id, title: "Ship" });

    const before = await taskTrace(db, task.id);
    const bare = await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status: "done" }));
    expect(bare.code).toBe("PRECONDITION_FAILED");
    expect(bare.message).toMatch(/approved approval/);
    await insertApproval(db, f, board.id, task.id, "pending");
    await insertApproval(db, f, board.id, task.id, "rejected");
    expect((await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status: "done", comment: "please" }))).code).toBe("PRECONDITION_FAILED");
    // An approved approval of another task does not count either.
    const other = await member.tasks.create({ boardId: board.id, title: "Other" });
    await insertApproval(db, f, board.id, other.id, "approved");
    expect((await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status: "done" }))).code).toBe("PRECONDITION_FAILED");
    expect(await taskTrace(db, task.id)).toEqual(before);
    expect(before.task.completedAt).toBeNull();
  });

  it("approvalForDone: with an approved approval the task moves to done and gets a completion time", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { approvalForDone: true });
    const task = await member.tasks.create({ boardId: board.id, title: "Ship" });
    await insertApproval(db, f, board.id, task.id, "rejected");
    await insertApproval(db, f, board.id, task.id, "approved");
    const moved = await member.tasks.move({ boardId: board.id, taskId: task.id, status: "done" });
    expect(moved.status).toBe("done");
    expect(moved.completedAt).toBeInstanceOf(Date);
    expect(await actionsFor(db, task.id)).toEqual(["task.created", "task.moved"]);
    expect(await onlyDiff(db, task.id, "task.moved")).toMatchObject({ status: { before: "inbox", after: "done" } });
  });

  it("approvalForDone off: a task reaches done without any approval; turned on, the next one is refused", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { approvalForDone: false });
    const a = await member.tasks.create({ boardId: board.id, title: "A" });
    const b = await member.tasks.create({ boardId: board.id, title: "B" });
    expect((await member.tasks.move({ boardId: board.id, taskId: a.id, status: "done" })).status).toBe("done");
    await (await asUser(db, f.admin.id)).boards.update({ boardId: board.id, rules: { approvalForDone: true } });
    expect((await caught(() => member.tasks.move({ boardId: board.id, taskId: b.id, status: "done" }))).code).toBe("PRECONDITION_FAILED");
  });

  it("creating a task directly in done respects approvalForDone (refused and not written when on, allowed when off)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const ruled = await boardWithRules(db, f, { approvalForDone: true });
    const free = await boardWithRules(db, f, {});
    const error = await caught(() => member.tasks.create({ boardId: ruled.id, title: "Already done", status: "done" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(await db.task.count({ where: { boardId: ruled.id } })).toBe(0);
    expect(await db.activityEvent.count({ where: { boardId: ruled.id, action: "task.created" } })).toBe(0);
    const done = await member.tasks.create({ boardId: free.id, title: "Already done", status: "done" });
    expect(done).toMatchObject({ status: "done", completedAt: expect.any(Date) });
  });

  it("reviewBeforeDone: done is reachable only from review; off, straight from inbox", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { reviewBeforeDone: true });
    const task = await member.tasks.create({ boardId: board.id, title: "Check" });
    const before = await taskTrace(db, task.id);
    const fromInbox = await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status: "done" }));
    expect(fromInbox.code).toBe("PRECONDITION_FAILED");
    expect(fromInbox.message).toMatch(/review before done/);
    expect(await taskTrace(db, task.id)).toEqual(before);
    await member.tasks.move({ boardId: board.id, taskId: task.id, status: "in_progress" });
    expect((await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status: "done" }))).code).toBe("PRECONDITION_FAILED");
    expect((await caught(() => member.tasks.create({ boardId: board.id, title: "Skip review", status: "done" }))).code).toBe("PRECONDITION_FAILED");
    await member.tasks.move({ boardId: board.id, taskId: task.id, status: "review" });
    expect((await member.tasks.move({ boardId: board.id, taskId: task.id, status: "done" })).status).toBe("done");

    const free = await boardWithRules(db, f, { reviewBeforeDone: false });
    const quick = await member.tasks.create({ boardId: free.id, title: "Quick" });
    expect((await member.tasks.move({ boardId: free.id, taskId: quick.id, status: "done" })).status).toBe("done");
  });

  it("commentForReview: a move to review without a comment is refused and leaves no trace", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { commentForReview: true });
    const task = await member.tasks.create({ boardId: board.id, title: "Draft" });
    const before = await taskTrace(db, task.id);
    const error = await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status: "review" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/comment/);
    expect(await taskTrace(db, task.id)).toEqual(before);
    // Other columns need no comment.
    expect((await member.tasks.move({ boardId: board.id, taskId: task.id, status: "in_progress" })).status).toBe("in_progress");
  });

  it("commentForReview: with a comment the move succeeds, the comment exists, and one activity row each is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { commentForReview: true });
    const task = await member.tasks.create({ boardId: board.id, title: "Draft" });
    const moved = await member.tasks.move({ boardId: board.id, taskId: task.id, status: "review", comment: "Look at the **intro**" });
    expect(moved).toMatchObject({ status: "review", commentCount: 1 });
    const comments = await member.comments.list({ boardId: board.id, taskId: task.id });
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ body: "Look at the **intro**", authorId: f.member.id, authorKind: "user" });
    expect((await actionsFor(db, task.id)).sort()).toEqual(["comment.created", "task.created", "task.moved"]);
    const movedRow = await db.activityEvent.findFirstOrThrow({ where: { targetId: task.id, action: "task.moved" } });
    expect(movedRow.reason).toBe("Look at the **intro**");
    expect(JSON.parse(movedRow.diff)).toMatchObject({ status: { before: "inbox", after: "review" } });
  });

  it("commentForReview off: a task moves to review without a comment and no comment is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { commentForReview: false });
    const task = await member.tasks.create({ boardId: board.id, title: "Draft" });
    expect((await member.tasks.move({ boardId: board.id, taskId: task.id, status: "review" })).status).toBe("review");
    expect(await db.comment.count({ where: { taskId: task.id } })).toBe(0);
  });

  it("blockWhilePending: a pending approval blocks every status change but not a reorder in the same column", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { blockWhilePending: true });
    const first = await member.tasks.create({ boardId: board.id, title: "First" });
    const task = await member.tasks.create({ boardId: board.id, title: "Waiting" });
    const approval = await insertApproval(db, f, board.id, task.id, "pending");
    const before = await taskTrace(db, task.id);
    for (const status of ["in_progress", "review", "done"] as const) {
      const error = await caught(() => member.tasks.move({ boardId: board.id, taskId: task.id, status, comment: "go" }));
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toMatch(/pending/);
    }
    expect(await taskTrace(db, task.id)).toEqual(before);

    const reordered = await member.tasks.move({ boardId: board.id, taskId: task.id, status: "inbox", afterTaskId: null });
    expect(reordered.status).toBe("inbox");
    expect((await member.tasks.list({ boardId: board.id })).items.map((t) => t.id)).toEqual([task.id, first.id]);
    // Other tasks on the board are not blocked.
    expect((await member.tasks.move({ boardId: board.id, taskId: first.id, status: "in_progress" })).status).toBe("in_progress");

    await db.approval.update({ where: { id: approval.id }, data: { status: "rejected" } });
    expect((await member.tasks.move({ boardId: board.id, taskId: task.id, status: "in_progress" })).status).toBe("in_progress");
  });

  it("blockWhilePending off: a pending approval does not block a move", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { blockWhilePending: false });
    const task = await member.tasks.create({ boardId: board.id, title: "Waiting" });
    await insertApproval(db, f, board.id, task.id, "pending");
    expect((await member.tasks.move({ boardId: board.id, taskId: task.id, status: "review" })).status).toBe("review");
  });

  it("leadAgentOnlyStatus: users (even the owner) cannot change a status (FORBIDDEN) but can reorder and add tasks to the inbox", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, { leadAgentOnlyStatus: true });
    const a = await member.tasks.create({ boardId: board.id, title: "A" });
    const b = await member.tasks.create({ boardId: board.id, title: "B" });
    const before = await taskTrace(db, a.id);
    for (const caller of [owner, member]) {
      const error = await caught(() => caller.tasks.move({ boardId: board.id, taskId: a.id, status: "in_progress" }));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/lead agent/);
    }
    expect(await taskTrace(db, a.id)).toEqual(before);
    expect((await caught(() => member.tasks.create({ boardId: board.id, title: "Started", status: "in_progress" }))).code).toBe("FORBIDDEN");
    await member.tasks.move({ boardId: board.id, taskId: b.id, status: "inbox", afterTaskId: null });
    expect((await member.tasks.list({ boardId: board.id })).items.map((t) => t.title)).toEqual(["B", "A"]);

    await (await asUser(db, f.admin.id)).boards.update({ boardId: board.id, rules: { leadAgentOnlyStatus: false } });
    expect((await member.tasks.move({ boardId: board.id, taskId: a.id, status: "in_progress" })).status).toBe("in_progress");
  });

  it("with every rule off a user moves a task anywhere, in any order, despite a pending approval", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const board = await boardWithRules(db, f, {});
    const task = await member.tasks.create({ boardId: board.id, title: "Free" });
    await insertApproval(db, f, board.id, task.id, "pending");
    for (const status of ["done", "review", "inbox", "in_progress", "done"] as const) {
      expect((await member.tasks.move({ boardId: board.id, taskId: task.id, status })).status).toBe(status);
    }
    expect((await actionsFor(db, task.id)).filter((a) => a === "task.moved")).toHaveLength(5);
  });
});
