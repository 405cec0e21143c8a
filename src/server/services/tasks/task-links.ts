// Checks that what a task points at (assignee, tags, dependencies) belongs to its org/board,
// and writes the link rows. Foreign ids are refused with a message, never linked.
import type { Tx } from "../../db/client";
import { badRequest } from "../../errors";

export async function assertAssignee(tx: Tx, orgId: string, boardId: string, input: { assigneeUserId?: string | null; assigneeAgentId?: string | null }) {
  if (input.assigneeUserId && input.assigneeAgentId) throw badRequest("Assign a task to a user or an agent, not both");
  if (input.assigneeUserId) {
    const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: input.assigneeUserId } } });
    if (!member) throw badRequest("The assignee must be a member of this organization");
  }
  if (input.assigneeAgentId) {
    const agent = await tx.agent.findFirst({ where: { id: input.assigneeAgentId, orgId, boardId } });
    if (!agent) throw badRequest("The assigned agent must work on this board");
  }
}

export async function setTaskTags(tx: Tx, orgId: string, taskId: string, tagIds: string[]) {
  const unique = [...new Set(tagIds)];
  const found = await tx.tag.count({ where: { id: { in: unique }, orgId } });
  if (found !== unique.length) throw badRequest("Some tags do not exist in this organization");
  await tx.taskTag.deleteMany({ where: { taskId, tagId: { notIn: unique } } });
  const existing = new Set((await tx.taskTag.findMany({ where: { taskId }, select: { tagId: true } })).map((t) => t.tagId));
  const added = unique.filter((id) => !existing.has(id));
  if (added.length) await tx.taskTag.createMany({ data: added.map((tagId) => ({ taskId, tagId })) });
}

/**
 * Refuses a dependency that is the task itself, is on another board, or closes a cycle
 * (walks what `dependsOnId` depends on, transitively, looking for `taskId`).
 */
export async function assertDependencyAllowed(tx: Tx, boardId: string, taskId: string, dependsOnId: string) {
  if (taskId === dependsOnId) throw badRequest("A task cannot depend on itself");
  const target = await tx.task.findFirst({ where: { id: dependsOnId, boardId }, select: { id: true, title: true } });
  if (!target) throw badRequest("The dependency must be a task on the same board");
  const seen = new Set<string>([dependsOnId]);
  let frontier = [dependsOnId];
  while (frontier.length) {
    const edges = await tx.taskDependency.findMany({ where: { taskId: { in: frontier } }, select: { dependsOnId: true } });
    frontier = [];
    for (const { dependsOnId: next } of edges) {
      if (next === taskId) throw badRequest(`"${target.title}" already depends on this task (directly or through others): that would make a cycle`);
      if (!seen.has(next)) {
        seen.add(next);
        frontier.push(next);
      }
    }
  }
}
