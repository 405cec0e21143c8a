import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser } from "@/test/context";
import { NO_RULES, createFixture } from "@/test/fixtures";

const DAY = 86_400_000;
const utcDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describeEachProvider("dashboard", (getDb) => {
  it("status counts and overdue tasks cover the visible, non-archived boards; done tasks are never overdue", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const second = await owner.boards.create({ orgId: f.org.id, name: "Second", rules: NO_RULES });
    const shelved = await owner.boards.create({ orgId: f.org.id, name: "Shelved", rules: NO_RULES });
    const past = new Date(Date.now() - 2 * DAY);
    const late = await owner.tasks.create({ boardId: f.board.id, title: "Late", dueAt: past, status: "in_progress" });
    await owner.tasks.create({ boardId: second.id, title: "Late but done", dueAt: past, status: "done" });
    await owner.tasks.create({ boardId: second.id, title: "Due later", dueAt: new Date(Date.now() + 2 * DAY), status: "review" });
    await owner.tasks.create({ boardId: shelved.id, title: "Late on a shelved board", dueAt: past });
    await owner.boards.setArchived({ boardId: shelved.id, archived: true });

    const dash = await (await asUser(db, f.member.id)).dashboard.get({ orgId: f.org.id });
    expect(dash.boardCount).toBe(2);
    expect(dash.statusCounts).toEqual({ inbox: 1, in_progress: 1, review: 1, done: 1 });
    expect(dash.overdueCount).toBe(1);
    expect(dash.overdue).toEqual([{ id: late.id, boardId: f.board.id, boardName: f.board.name, title: "Late", dueAt: past, status: "in_progress", priority: "medium" }]);
    expect(dash.recentActivity.length).toBeGreaterThan(0);
    expect(dash.recentActivity.some((e) => e.boardId === shelved.id)).toBe(false);
  });

  it("completions per day count moves to done on their UTC day; moving out of done clears the completion", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const boardId = f.board.id;
    const a = await member.tasks.create({ boardId, title: "A" });
    const b = await member.tasks.create({ boardId, title: "B" });
    const c = await member.tasks.create({ boardId, title: "C" });

    const doneA = await member.tasks.move({ boardId, taskId: a.id, status: "done" });
    expect(doneA.completedAt).toBeInstanceOf(Date);
    // Reordering within done keeps the original completion time.
    const reordered = await member.tasks.move({ boardId, taskId: a.id, status: "done", afterTaskId: null });
    expect(reordered.completedAt).toEqual(doneA.completedAt);
    await member.tasks.move({ boardId, taskId: b.id, status: "done" });
    await member.tasks.move({ boardId, taskId: c.id, status: "done" });
    // Place two completions on known days: the last second of yesterday (UTC), and outside the window.
    const yesterdayEnd = new Date(`${utcDay(0)}T00:00:00.000Z`).getTime() - 1000;
    await db.task.update({ where: { id: b.id }, data: { completedAt: new Date(yesterdayEnd) } });
    await db.task.update({ where: { id: c.id }, data: { completedAt: new Date(Date.now() - 10 * DAY) } });

    const week = await member.dashboard.get({ orgId: f.org.id, days: 7 });
    expect(week.completedPerDay).toHaveLength(7);
    expect(week.completedPerDay.map((d) => d.day)).toEqual([-6, -5, -4, -3, -2, -1, 0].map(utcDay));
    expect(week.completedPerDay.at(-1)).toEqual({ day: utcDay(0), count: 1 });
    expect(week.completedPerDay.at(-2)).toEqual({ day: utcDay(-1), count: 1 });
    expect(week.completedPerDay.reduce((n, d) => n + d.count, 0)).toBe(2);
    expect((await member.dashboard.get({ orgId: f.org.id, days: 30 })).completedPerDay.reduce((n, d) => n + d.count, 0)).toBe(3);

    const reopened = await member.tasks.move({ boardId, taskId: a.id, status: "review" });
    expect(reopened.completedAt).toBeNull();
    expect((await member.dashboard.get({ orgId: f.org.id, days: 7 })).completedPerDay.at(-1)).toEqual({ day: utcDay(0), count: 0 });
    expect((await member.dashboard.get({ orgId: f.org.id, days: 7 })).statusCounts).toMatchObject({ review: 1, done: 2 });
  });
});
