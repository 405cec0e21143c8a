import { commit } from "../commit";
import { badRequest } from "../../errors";
import { assertDependencyAllowed } from "./task-links";
import { loadTask, taskView, type BoardCtx } from "./task-view";

export async function addDependency(ctx: BoardCtx, input: { taskId: string; dependsOnId: string }) {
  return commit(ctx, async (tx, record) => {
    const task = await loadTask(tx, ctx.board.id, input.taskId);
    if (task.dependsOn.some((d) => d.dependsOnId === input.dependsOnId)) return taskView(task);
    await assertDependencyAllowed(tx, ctx.board.id, task.id, input.dependsOnId);
    await tx.taskDependency.create({ data: { taskId: task.id, dependsOnId: input.dependsOnId } });
    const updated = await loadTask(tx, ctx.board.id, task.id);
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.dependency_added",
      targetType: "task",
      targetId: task.id,
      summary: `"${task.title}" now depends on another task`,
      before: { dependsOnIds: taskView(task).dependsOnIds },
      after: { dependsOnIds: taskView(updated).dependsOnIds },
      payload: taskView(updated),
    });
    return taskView(updated);
  });
}

export async function removeDependency(ctx: BoardCtx, input: { taskId: string; dependsOnId: string }) {
  return commit(ctx, async (tx, record) => {
    const task = await loadTask(tx, ctx.board.id, input.taskId);
    if (!task.dependsOn.some((d) => d.dependsOnId === input.dependsOnId)) throw badRequest("This task does not depend on that task");
    await tx.taskDependency.delete({ where: { taskId_dependsOnId: { taskId: task.id, dependsOnId: input.dependsOnId } } });
    const updated = await loadTask(tx, ctx.board.id, task.id);
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "task.dependency_removed",
      targetType: "task",
      targetId: task.id,
      summary: `Removed a dependency of "${task.title}"`,
      before: { dependsOnIds: taskView(task).dependsOnIds },
      after: { dependsOnIds: taskView(updated).dependsOnIds },
      payload: taskView(updated),
    });
    return taskView(updated);
  });
}
