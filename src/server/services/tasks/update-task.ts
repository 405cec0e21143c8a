import type { Task } from "@/lib/schemas/tasks";
import { commit } from "../commit";
import { writeFieldValues } from "../fields/field-values";
import { assertAssignee, setTaskTags } from "./task-links";
import { loadTask, PRIORITY_RANK, taskAuditFields, taskView, type BoardCtx } from "./task-view";

export interface TaskUpdate {
  taskId: string;
  title?: string;
  description?: string;
  priority?: Task["priority"];
  dueAt?: Date | null;
  assigneeUserId?: string | null;
  assigneeAgentId?: string | null;
  tagIds?: string[];
  fields?: Record<string, string | number | boolean | null>;
}

export async function updateTask(ctx: BoardCtx, input: TaskUpdate) {
  return commit(ctx, async (tx, record) => {
    const before = await loadTask(tx, ctx.board.id, input.taskId);
    // Setting one kind of assignee clears the other.
    const assignee =
      input.assigneeUserId !== undefined || input.assigneeAgentId !== undefined
        ? { assigneeUserId: input.assigneeUserId ?? null, assigneeAgentId: input.assigneeAgentId ?? null }
        : {};
    await assertAssignee(tx, ctx.org.id, ctx.board.id, assignee);
    await tx.task.update({
      where: { id: before.id },
      data: {
        title: input.title,
        description: input.description,
        priority: input.priority,
        priorityRank: input.priority ? PRIORITY_RANK[input.priority] : undefined,
        dueAt: input.dueAt,
        ...assignee,
      },
    });
    if (input.tagIds) await setTaskTags(tx, ctx.org.id, before.id, input.tagIds);
    if (input.fields) await writeFieldValues(tx, ctx.board.id, before.id, input.fields, { creating: false });
    const task = await loadTask(tx, ctx.board.id, before.id);
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.updated",
      targetType: "task",
      targetId: task.id,
      summary: `Edited task "${task.title}"`,
      before: await taskAuditFields(tx, before),
      after: await taskAuditFields(tx, task),
      payload: taskView(task),
    });
    return taskView(task);
  });
}
