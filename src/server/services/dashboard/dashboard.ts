import type { Context } from "../../context";
import type { BoardFilter, OrgRef } from "../access";
import { TASK_STATUSES } from "@/lib/schemas/tasks";

type OrgCtx = Context & { org: OrgRef; boardFilter: BoardFilter };
const DAY = 86_400_000;

/** Numbers across the caller's visible, non-archived boards. */
export async function dashboardSummary(ctx: OrgCtx, input: { days: number }) {
  const boards = await ctx.db.board.findMany({ where: { orgId: ctx.org.id, archivedAt: null, ...ctx.boardFilter }, select: { id: true, name: true } });
  const boardIds = boards.map((b) => b.id);
  const names = new Map(boards.map((b) => [b.id, b.name]));
  const now = new Date();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (input.days - 1) * DAY);
  const overdueWhere = { boardId: { in: boardIds }, dueAt: { lt: now }, status: { not: "done" } };
  const [counts, overdue, overdueCount, completed, activity] = await Promise.all([
    ctx.db.task.groupBy({ by: ["status"], where: { boardId: { in: boardIds } }, _count: { _all: true } }),
    ctx.db.task.findMany({ where: overdueWhere, orderBy: { dueAt: "asc" }, take: 10, select: { id: true, boardId: true, title: true, dueAt: true, status: true, priority: true } }),
    ctx.db.task.count({ where: overdueWhere }),
    ctx.db.task.findMany({ where: { boardId: { in: boardIds }, completedAt: { gte: since } }, select: { completedAt: true } }),
    ctx.db.activityEvent.findMany({
      where: { orgId: ctx.org.id, OR: [{ boardId: null }, { boardId: { in: boardIds } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 15,
    }),
  ]);
  const statusCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
  for (const c of counts) statusCounts[c.status] = c._count._all;
  const perDay = new Map<string, number>();
  for (let i = 0; i < input.days; i++) perDay.set(new Date(since.getTime() + i * DAY).toISOString().slice(0, 10), 0);
  for (const t of completed) {
    const day = t.completedAt!.toISOString().slice(0, 10);
    if (perDay.has(day)) perDay.set(day, perDay.get(day)! + 1);
  }
  return {
    statusCounts,
    boardCount: boards.length,
    overdue: overdue.map((t) => ({ ...t, dueAt: t.dueAt!, boardName: names.get(t.boardId) ?? "" })),
    overdueCount,
    completedPerDay: [...perDay].map(([day, count]) => ({ day, count })),
    recentActivity: activity.map((r) => ({ ...r, diff: JSON.parse(r.diff) as Record<string, { before: unknown; after: unknown }> })),
  };
}
