import { generateKeyBetween } from "fractional-indexing";
import type { Tx } from "../../db/client";
import { STATUS_LABELS, type TaskStatusValue } from "@/lib/schemas/tasks";
import { commit } from "../commit";
import { badRequest } from "../../errors";
import { assertStatusChangeAllowed } from "./task-rules";
import { lastPosition } from "./create-task";
import { insertComment } from "./comments";
import { loadTask, taskView, type BoardCtx } from "./task-view";

/** Moves a task to a column and a place in it, rewriting only the moved row's position. */
export async function moveTask(ctx: BoardCtx, input: { taskId: string; status: TaskStatusValue; afterTaskId?: string | null; comment?: string }) {
  return commit(ctx, async (tx, record) => {
    const before = await loadTask(tx, ctx.board.id, input.taskId);
    const from = before.status as TaskStatusValue;
    await assertStatusChangeAllowed(tx, ctx, ctx.board, { taskId: before.id, from, to: input.status, hasComment: Boolean(input.comment) });
    const position = await positionFor(tx, ctx.board.id, input.status, input.taskId, input.afterTaskId);
    const completedAt = input.status === "done" ? (from === "done" ? before.completedAt : new Date()) : null;
    await tx.task.update({ where: { id: before.id }, data: { status: input.status, position, completedAt } });
    if (input.comment) await insertComment(ctx, tx, record, before, input.comment);
    const task = await loadTask(tx, ctx.board.id, before.id);
    const changedColumn = from !== input.status;
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.moved",
      targetType: "task",
      targetId: task.id,
      summary: changedColumn
        ? `Moved "${task.title}" from ${STATUS_LABELS[from]} to ${STATUS_LABELS[input.status]}`
        : `Reordered "${task.title}" in ${STATUS_LABELS[input.status]}`,
      before: { status: from, position: before.position },
      after: { status: task.status, position: task.position },
      reason: input.comment ?? null,
      payload: taskView(task),
    });
    return taskView(task);
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
