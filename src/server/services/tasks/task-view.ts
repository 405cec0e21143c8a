import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { Task } from "@/lib/schemas/tasks";
import type { BoardRow } from "../boards/board-view";
import { notFound } from "../../errors";

export type BoardCtx = Context & { org: OrgRef; role: Role; board: BoardRow };

/** The relations a Task output needs, loaded in the same query as the task. */
export const taskInclude = {
  tags: { select: { tagId: true } },
  dependsOn: { select: { dependsOnId: true, dependsOn: { select: { status: true } } } },
  fieldValues: { select: { fieldId: true, value: true } },
} as const;

/**
 * Adds comment counts for just these tasks. (Prisma's `_count` include aggregates the whole
 * Comment table before joining, which grows with every org's comments.)
 */
export async function withCommentCounts<T extends { id: string }>(db: Tx | Context["db"], rows: T[]): Promise<(T & { _count: { comments: number } })[]> {
  if (!rows.length) return [];
  const counts = await db.comment.groupBy({ by: ["taskId"], where: { taskId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  const byTask = new Map(counts.map((c) => [c.taskId, c._count._all]));
  return rows.map((r) => ({ ...r, _count: { comments: byTask.get(r.id) ?? 0 } }));
}

export type TaskRow = {
  id: string;
  boardId: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  position: string;
  dueAt: Date | null;
  assigneeUserId: string | null;
  assigneeAgentId: string | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  tags: { tagId: string }[];
  dependsOn: { dependsOnId: string; dependsOn: { status: string } }[];
  fieldValues: { fieldId: string; value: string }[];
  _count: { comments: number };
};

export const taskView = (t: TaskRow): Task => ({
  id: t.id,
  boardId: t.boardId,
  title: t.title,
  description: t.description,
  status: t.status as Task["status"],
  priority: t.priority as Task["priority"],
  position: t.position,
  dueAt: t.dueAt,
  assigneeUserId: t.assigneeUserId,
  assigneeAgentId: t.assigneeAgentId,
  completedAt: t.completedAt,
  tagIds: t.tags.map((x) => x.tagId).sort(),
  dependsOnIds: t.dependsOn.map((d) => d.dependsOnId).sort(),
  blockedByIds: t.dependsOn.filter((d) => d.dependsOn.status !== "done").map((d) => d.dependsOnId).sort(),
  fields: Object.fromEntries(t.fieldValues.map((f) => [f.fieldId, JSON.parse(f.value) as string | number | boolean])),
  commentCount: t._count.comments,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

export async function loadTask(tx: Tx | Context["db"], boardId: string, taskId: string): Promise<TaskRow> {
  const task = await tx.task.findFirst({ where: { id: taskId, boardId }, include: taskInclude });
  if (!task) throw notFound("Task");
  return (await withCommentCounts(tx, [task]))[0];
}

export const PRIORITY_RANK: Record<Task["priority"], number> = { low: 0, medium: 1, high: 2, urgent: 3 };

/** The fields the activity diff tracks; tags by name so later renames do not rewrite history. */
export async function taskAuditFields(tx: Tx, t: TaskRow) {
  const tagNames = t.tags.length
    ? (await tx.tag.findMany({ where: { id: { in: t.tags.map((x) => x.tagId) } }, select: { name: true } })).map((x) => x.name).sort()
    : [];
  return {
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    dueAt: t.dueAt,
    assigneeUserId: t.assigneeUserId,
    assigneeAgentId: t.assigneeAgentId,
    tags: tagNames,
    fields: Object.fromEntries(t.fieldValues.map((f) => [f.fieldId, JSON.parse(f.value)])),
  };
}
