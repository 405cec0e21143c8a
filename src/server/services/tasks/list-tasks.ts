import type { Prisma } from "@/generated/sqlite";
import type { Context } from "../../context";
import type { TaskListQuery } from "@/lib/schemas/tasks";
import { providerOf } from "../../db/client";
import { ftsQuery, searchWords } from "../../db/search-index";
import { badRequest } from "../../errors";
import { loadTask, taskInclude, taskView, withCommentCounts, type BoardCtx } from "./task-view";

const SORT_COLUMNS = {
  position: ["status", "position"],
  priority: ["priorityRank"],
  dueAt: ["dueAt"],
  createdAt: ["createdAt"],
  updatedAt: ["updatedAt"],
  title: ["title"],
} as const;

/** Prisma binds each id of an `in` list as a parameter; SQLite allows 999 per query. */
const MAX_ID_LIST = 900;

/**
 * Task ids on the board matching a text search (SQLite's FTS index), or the words to match
 * with LIKE/ILIKE (Postgres, trigram-indexed; and SQLite when a common word matches too many
 * tasks to pass as ids — then a scan of the board is as cheap as the index anyway).
 * Both: every word, in any order, in title or description.
 */
async function searchIds(db: Context["db"], boardId: string, q: string): Promise<string[] | { words: string[] }> {
  if (providerOf(db) === "postgres") return { words: searchWords(q) };
  const match = ftsQuery(q);
  if (!match) return [];
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT t."id" AS id FROM "TaskSearch" s JOIN "Task" t ON t.rowid = s.rowid WHERE "TaskSearch" MATCH ? AND t."boardId" = ? LIMIT ${MAX_ID_LIST + 1}`,
    match,
    boardId,
  );
  return rows.length > MAX_ID_LIST ? { words: searchWords(q) } : rows.map((r) => r.id);
}

export async function listTasks(ctx: BoardCtx, input: Omit<TaskListQuery, "boardId">) {
  const where: Prisma.TaskWhereInput = { boardId: ctx.board.id };
  if (input.status?.length) where.status = { in: input.status };
  if (input.priority?.length) where.priority = { in: input.priority };
  if (input.assignee === "none") Object.assign(where, { assigneeUserId: null, assigneeAgentId: null });
  else if (input.assignee) where.OR = [{ assigneeUserId: input.assignee }, { assigneeAgentId: input.assignee }];
  if (input.tagId) where.tags = { some: { tagId: input.tagId } };
  const due: Prisma.DateTimeNullableFilter = {};
  if (input.dueBefore) due.lt = input.dueBefore;
  if (input.dueAfter) due.gte = input.dueAfter;
  if (input.overdue) {
    due.lt = input.dueBefore && input.dueBefore < new Date() ? input.dueBefore : new Date();
    where.status = input.status?.length ? { in: input.status.filter((s) => s !== "done") } : { not: "done" };
  }
  if (Object.keys(due).length) where.dueAt = due;
  if (input.q) {
    const hits = await searchIds(ctx.db, ctx.board.id, input.q);
    // SQLite's LIKE is already case-insensitive (ASCII) and has no `mode`.
    const insensitive = providerOf(ctx.db) === "postgres" ? { mode: "insensitive" } : {};
    const text = Array.isArray(hits)
      ? [{ id: { in: hits } }]
      : hits.words.length
        ? hits.words.map((word) => ({ OR: [{ title: { contains: word, ...insensitive } }, { description: { contains: word, ...insensitive } }] }))
        : [{ id: { in: [] } }];
    where.AND = text as Prisma.TaskWhereInput[];
  }
  if (input.cursor && !(await ctx.db.task.findFirst({ where: { id: input.cursor, boardId: ctx.board.id }, select: { id: true } }))) {
    throw badRequest("The cursor does not belong to this board's list; start from the first page");
  }
  const orderBy = [
    ...SORT_COLUMNS[input.sort].map((column) =>
      column === "dueAt" ? { dueAt: { sort: input.order, nulls: "last" as const } } : { [column]: input.order },
    ),
    { id: input.order },
  ] as Prisma.TaskOrderByWithRelationInput[];
  const rows = await ctx.db.task.findMany({
    where,
    orderBy,
    include: taskInclude,
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > input.limit;
  const items = (await withCommentCounts(ctx.db, rows.slice(0, input.limit))).map(taskView);
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}

export async function getTask(ctx: BoardCtx, input: { taskId: string }) {
  return taskView(await loadTask(ctx.db, ctx.board.id, input.taskId));
}

/** The task's own history from the activity log, oldest first. */
export async function taskHistory(ctx: BoardCtx, input: { taskId: string }) {
  await loadTask(ctx.db, ctx.board.id, input.taskId);
  const rows = await ctx.db.activityEvent.findMany({ where: { orgId: ctx.org.id, targetType: "task", targetId: input.taskId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500 });
  return rows.map((r) => ({ ...r, diff: JSON.parse(r.diff) as Record<string, { before: unknown; after: unknown }> }));
}
