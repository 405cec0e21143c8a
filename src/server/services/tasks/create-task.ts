import { generateKeyBetween } from "fractional-indexing";
import type { Tx } from "../../db/client";
import type { Task, TaskStatusValue } from "@/lib/schemas/tasks";
import { STATUS_LABELS } from "@/lib/schemas/tasks";
import { commit } from "../commit";
import { newId } from "@/lib/ids";
import { writeFieldValues } from "../fields/field-values";
import { assertAssignee, assertDependencyAllowed, setTaskTags } from "./task-links";
import { assertStatusChangeAllowed } from "./task-rules";
import { loadTask, PRIORITY_RANK, taskAuditFields, taskView, type BoardCtx } from "./task-view";
import { badRequest } from "../../errors";

export async function lastPosition(tx: Tx, boardId: string, status: string): Promise<string | null> {
  const last = await tx.task.findFirst({ where: { boardId, status }, orderBy: { position: "desc" }, select: { position: true } });
  return last?.position ?? null;
}

export interface TaskCreate {
  title: string;
  description: string;
  status: TaskStatusValue;
  priority: Task["priority"];
  dueAt?: Date | null;
  assigneeUserId?: string | null;
  assigneeAgentId?: string | null;
  tagIds: string[];
  dependsOnIds: string[];
  fields: Record<string, string | number | boolean | null>;
}

export async function createTask(ctx: BoardCtx, input: TaskCreate) {
  if (ctx.board.archivedAt) throw badRequest("This board is archived: restore it to add tasks");
  return commit(ctx, async (tx, record) => {
    const id = newId();
    // A new task has no approvals or finished dependencies yet, so the same rules apply as to a move.
    await assertStatusChangeAllowed(tx, ctx, ctx.board, { taskId: null, from: null, to: input.status, hasComment: false });
    await assertAssignee(tx, ctx.org.id, ctx.board.id, input);
    const position = generateKeyBetween(await lastPosition(tx, ctx.board.id, input.status), null);
    await tx.task.create({
      data: {
        id,
        orgId: ctx.org.id,
        boardId: ctx.board.id,
        title: input.title,
        description: input.description,
        status: input.status,
        priority: input.priority,
        priorityRank: PRIORITY_RANK[input.priority],
        position,
        dueAt: input.dueAt ?? null,
        assigneeUserId: input.assigneeUserId ?? null,
        assigneeAgentId: input.assigneeAgentId ?? null,
        completedAt: input.status === "done" ? new Date() : null,
        createdById: ctx.actor?.kind === "user" ? ctx.actor.userId : null,
      },
    });
    if (input.tagIds.length) await setTaskTags(tx, ctx.org.id, id, input.tagIds);
    for (const dependsOnId of new Set(input.dependsOnIds)) {
      await assertDependencyAllowed(tx, ctx.board.id, id, dependsOnId);
      await tx.taskDependency.create({ data: { taskId: id, dependsOnId } });
    }
    if (input.dependsOnIds.length && input.status === "in_progress") {
      await assertStatusChangeAllowed(tx, ctx, ctx.board, { taskId: id, from: null, to: input.status, hasComment: false });
    }
    await writeFieldValues(tx, ctx.board.id, id, input.fields, { creating: true });
    const task = await loadTask(tx, ctx.board.id, id);
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.created",
      targetType: "task",
      targetId: id,
      summary: `Created task "${task.title}" in ${STATUS_LABELS[input.status]}`,
      after: await taskAuditFields(tx, task),
      payload: taskView(task),
    });
    return taskView(task);
  });
}
