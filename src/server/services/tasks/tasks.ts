import { generateKeyBetween } from "fractional-indexing";
import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";
import { badRequest, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { STATUS_LABELS, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";

type BoardCtx = Context & { org: OrgRef; role: Role; board: { id: string; name: string } };

type TaskRow = { id: string; boardId: string; title: string; description: string; status: string; priority: string; position: string; createdAt: Date; updatedAt: Date };
const view = (t: TaskRow): Task => ({
  id: t.id,
  boardId: t.boardId,
  title: t.title,
  description: t.description,
  status: t.status as Task["status"],
  priority: t.priority as Task["priority"],
  position: t.position,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

async function loadTask(tx: Tx | Context["db"], boardId: string, taskId: string) {
  const task = await tx.task.findFirst({ where: { id: taskId, boardId } });
  if (!task) throw notFound("Task");
  return task;
}

async function lastPosition(tx: Tx, boardId: string, status: string): Promise<string | null> {
  const last = await tx.task.findFirst({ where: { boardId, status }, orderBy: { position: "desc" }, select: { position: true } });
  return last?.position ?? null;
}

export async function createTask(ctx: BoardCtx, input: { title: string; description: string; status: TaskStatusValue; priority: Task["priority"] }) {
  return commit(ctx, async (tx, record) => {
    const position = generateKeyBetween(await lastPosition(tx, ctx.board.id, input.status), null);
    const task = await tx.task.create({
      data: { id: newId(), orgId: ctx.org.id, boardId: ctx.board.id, ...input, position, createdById: ctx.actor?.kind === "user" ? ctx.actor.userId : null },
    });
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.created",
      targetType: "task",
      targetId: task.id,
      summary: `Created task "${task.title}" in ${STATUS_LABELS[input.status]}`,
      after: { title: task.title, description: task.description, status: task.status, priority: task.priority },
      payload: view(task),
    });
    return view(task);
  });
}

export async function listTasks(ctx: BoardCtx, input: { status?: TaskStatusValue; cursor?: string; limit: number }) {
  const rows = await ctx.db.task.findMany({
    where: { boardId: ctx.board.id, status: input.status },
    orderBy: [{ status: "asc" }, { position: "asc" }, { id: "asc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 0 } : {}),
  });
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit).map(view);
  return { items, nextCursor: more ? rows[input.limit].id : null };
}

export async function getTask(ctx: BoardCtx, input: { taskId: string }) {
  return view(await loadTask(ctx.db, ctx.board.id, input.taskId));
}

export async function updateTask(ctx: BoardCtx, input: { taskId: string; title?: string; description?: string; priority?: Task["priority"] }) {
  return commit(ctx, async (tx, record) => {
    const before = await loadTask(tx, ctx.board.id, input.taskId);
    const task = await tx.task.update({ where: { id: before.id }, data: { title: input.title, description: input.description, priority: input.priority } });
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.updated",
      targetType: "task",
      targetId: task.id,
      summary: `Edited task "${task.title}"`,
      before: { title: before.title, description: before.description, priority: before.priority },
      after: { title: task.title, description: task.description, priority: task.priority },
      payload: view(task),
    });
    return view(task);
  });
}

/** Moves a task to a column and a place in it, rewriting only the moved row's position. */
export async function moveTask(ctx: BoardCtx, input: { taskId: string; status: TaskStatusValue; afterTaskId?: string | null }) {
  return commit(ctx, async (tx, record) => {
    const before = await loadTask(tx, ctx.board.id, input.taskId);
    const position = await positionFor(tx, ctx.board.id, input.status, input.taskId, input.afterTaskId);
    const task = await tx.task.update({ where: { id: before.id }, data: { status: input.status, position } });
    const changedColumn = before.status !== task.status;
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.moved",
      targetType: "task",
      targetId: task.id,
      summary: changedColumn ? `Moved "${task.title}" from ${STATUS_LABELS[before.status as TaskStatusValue]} to ${STATUS_LABELS[input.status]}` : `Reordered "${task.title}" in ${STATUS_LABELS[input.status]}`,
      before: { status: before.status, position: before.position },
      after: { status: task.status, position: task.position },
      payload: view(task),
    });
    return view(task);
  });
}

async function positionFor(tx: Tx, boardId: string, status: string, taskId: string, afterTaskId: string | null | undefined): Promise<string> {
  if (afterTaskId === undefined) return generateKeyBetween(await lastPosition(tx, boardId, status), null);
  if (afterTaskId === taskId) throw badRequest("A task cannot be placed after itself");
  let lower: string | null = null;
  if (afterTaskId !== null) {
    const anchor = await tx.task.findFirst({ where: { id: afterTaskId, boardId, status }, select: { position: true } });
    if (!anchor) throw badRequest("afterTaskId must be a task in the target column");
    lower = anchor.position;
  }
  const next = await tx.task.findFirst({
    where: { boardId, status, id: { not: taskId }, ...(lower !== null ? { position: { gt: lower } } : {}) },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  return generateKeyBetween(lower, next?.position ?? null);
}

export async function deleteTask(ctx: BoardCtx, input: { taskId: string }) {
  return commit(ctx, async (tx, record) => {
    const task = await loadTask(tx, ctx.board.id, input.taskId);
    await tx.task.delete({ where: { id: task.id } });
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.deleted",
      targetType: "task",
      targetId: task.id,
      summary: `Deleted task "${task.title}"`,
      before: { title: task.title, status: task.status, priority: task.priority },
      payload: { id: task.id, boardId: ctx.board.id },
    });
    return { ok: true as const };
  });
}
