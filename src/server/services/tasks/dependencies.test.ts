import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { createFixture } from "@/test/fixtures";
import { onlyDiff, taskTrace } from "@/test/work";

describeEachProvider("task dependencies", (getDb) => {
  it("a task cannot depend on itself (BAD_REQUEST) and nothing is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const before = await db.taskDependency.count();
    const error = await caught(() => member.tasks.addDependency({ boardId: f.board.id, taskId: f.task.id, dependsOnId: f.task.id }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/cannot depend on itself/);
    expect(await db.taskDependency.count()).toBe(before);
    expect(await db.activityEvent.count({ where: { targetId: f.task.id, action: "task.dependency_added" } })).toBe(0);
  });

  it("direct and transitive cycles are refused with a message naming the task", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const a = await member.tasks.create({ boardId, title: "Alpha" });
    const b = await member.tasks.create({ boardId, title: "Bravo", dependsOnIds: [a.id] });
    const c = await member.tasks.create({ boardId, title: "Charlie", dependsOnIds: [b.id] });

    const direct = await caught(() => member.tasks.addDependency({ boardId, taskId: a.id, dependsOnId: b.id }));
    expect(direct.code).toBe("BAD_REQUEST");
    expect(direct.message).toMatch(/"Bravo" already depends on this task.*cycle/);
    const transitive = await caught(() => member.tasks.addDependency({ boardId, taskId: a.id, dependsOnId: c.id }));
    expect(transitive.code).toBe("BAD_REQUEST");
    expect(transitive.message).toMatch(/"Charlie" already depends on this task.*cycle/);
    expect((await member.tasks.get({ boardId, taskId: a.id })).dependsOnIds).toEqual([]);
    // A diamond is not a cycle.
    expect((await member.tasks.addDependency({ boardId, taskId: c.id, dependsOnId: a.id })).dependsOnIds).toEqual([a.id, b.id].sort());
  });

  it("a dependency on another board's task is refused (BAD_REQUEST), when adding and when creating", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const other = await owner.boards.create({ orgId: f.org.id, name: "Elsewhere" });
    const there = await owner.tasks.create({ boardId: other.id, title: "There" });
    for (const dependsOnId of [there.id, f.outsiderTask.id]) {
      const error = await caught(() => owner.tasks.addDependency({ boardId: f.board.id, taskId: f.task.id, dependsOnId }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/same board/);
    }
    const tasksBefore = await db.task.count({ where: { boardId: f.board.id } });
    expect((await caught(() => owner.tasks.create({ boardId: f.board.id, title: "Linked", dependsOnIds: [there.id] }))).code).toBe("BAD_REQUEST");
    expect(await db.task.count({ where: { boardId: f.board.id } })).toBe(tasksBefore);
    expect(await db.taskDependency.count({ where: { taskId: f.task.id } })).toBe(0);
  });

  it("a task with unfinished dependencies cannot start (message names the blockers) until they are done", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const design = await member.tasks.create({ boardId, title: "Design" });
    const review = await member.tasks.create({ boardId, title: "Review design" });
    const build = await member.tasks.create({ boardId, title: "Build", dependsOnIds: [design.id, review.id] });
    expect(build.dependsOnIds).toEqual([design.id, review.id].sort());
    expect(build.blockedByIds).toEqual([design.id, review.id].sort());

    const before = await taskTrace(db, build.id);
    const error = await caught(() => member.tasks.move({ boardId, taskId: build.id, status: "in_progress" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain('"Design"');
    expect(error.message).toContain('"Review design"');
    expect(await taskTrace(db, build.id)).toEqual(before);

    await member.tasks.move({ boardId, taskId: design.id, status: "done" });
    expect((await member.tasks.get({ boardId, taskId: build.id })).blockedByIds).toEqual([review.id]);
    const still = await caught(() => member.tasks.move({ boardId, taskId: build.id, status: "in_progress" }));
    expect(still.message).toContain('"Review design"');
    expect(still.message).not.toContain('"Design"');
    // Other columns are not gated by dependencies.
    expect((await member.tasks.move({ boardId, taskId: build.id, status: "review" })).status).toBe("review");

    await member.tasks.move({ boardId, taskId: review.id, status: "done" });
    const started = await member.tasks.move({ boardId, taskId: build.id, status: "in_progress" });
    expect(started).toMatchObject({ status: "in_progress", blockedByIds: [] });
    // A dependency moved out of done blocks again.
    await member.tasks.move({ boardId, taskId: review.id, status: "review" });
    expect((await member.tasks.get({ boardId, taskId: build.id })).blockedByIds).toEqual([review.id]);
  });

  it("creating a task in progress with unfinished dependencies is refused and nothing is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const count = await db.task.count();
    const error = await caught(() => member.tasks.create({ boardId: f.board.id, title: "Eager", status: "in_progress", dependsOnIds: [f.task.id] }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain('"First task"');
    expect(await db.task.count()).toBe(count);
    expect(await db.taskDependency.count({ where: { dependsOnId: f.task.id } })).toBe(0);
  });

  it("adding and removing a dependency each write one activity row with the before and after ids", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const later = await member.tasks.create({ boardId, title: "Later" });
    const added = await member.tasks.addDependency({ boardId, taskId: later.id, dependsOnId: f.task.id });
    expect(added).toMatchObject({ dependsOnIds: [f.task.id], blockedByIds: [f.task.id] });
    expect(await onlyDiff(db, later.id, "task.dependency_added")).toEqual({ dependsOnIds: { before: [], after: [f.task.id] } });
    // Adding it again is a no-op, not a second row.
    await member.tasks.addDependency({ boardId, taskId: later.id, dependsOnId: f.task.id });
    expect(await db.taskDependency.count({ where: { taskId: later.id } })).toBe(1);

    const removed = await member.tasks.removeDependency({ boardId, taskId: later.id, dependsOnId: f.task.id });
    expect(removed).toMatchObject({ dependsOnIds: [], blockedByIds: [] });
    expect(await onlyDiff(db, later.id, "task.dependency_removed")).toEqual({ dependsOnIds: { before: [f.task.id], after: [] } });
    expect((await member.tasks.move({ boardId, taskId: later.id, status: "in_progress" })).status).toBe("in_progress");
    const again = await caught(() => member.tasks.removeDependency({ boardId, taskId: later.id, dependsOnId: f.task.id }));
    expect(again.code).toBe("BAD_REQUEST");
  });

  it("deleting a task a dependency points at unblocks the dependent task", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const later = await member.tasks.create({ boardId: f.board.id, title: "Later", dependsOnIds: [f.task.id] });
    await member.tasks.delete({ boardId: f.board.id, taskId: f.task.id });
    expect(await member.tasks.get({ boardId: f.board.id, taskId: later.id })).toMatchObject({ dependsOnIds: [], blockedByIds: [] });
  });
});
