import { commit } from "../commit";
import { loadTask, taskAuditFields, type BoardCtx } from "./task-view";

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
      before: await taskAuditFields(tx, task),
      payload: { id: task.id, boardId: ctx.board.id },
    });
    return { ok: true as const };
  });
}
