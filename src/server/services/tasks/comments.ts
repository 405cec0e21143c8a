import type { Tx } from "../../db/client";
import type { RecordActivity } from "../commit";
import { actorOf, commit } from "../commit";
import { forbidden, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { loadTask, type BoardCtx } from "./task-view";

type CommentRow = { id: string; taskId: string; authorKind: string; authorId: string | null; authorName: string; body: string; mentions: string; editedAt: Date | null; createdAt: Date };
export const commentView = (c: CommentRow) => ({ ...c, mentions: JSON.parse(c.mentions) as string[] });

/** `@someone@example.com` mentions an org member by email. Returns their user ids. */
async function mentionedUserIds(tx: Tx, orgId: string, body: string): Promise<string[]> {
  const emails = [...body.matchAll(/(?:^|[\s(])@([^\s@()]+@[^\s@()]+\.[^\s@(),;:!?]+)/g)].map((m) => m[1].toLowerCase());
  if (!emails.length) return [];
  const members = await tx.membership.findMany({ where: { orgId, user: { email: { in: emails } } }, select: { userId: true } });
  return members.map((m) => m.userId);
}

/** Writes a comment and its activity row inside the caller's transaction. */
export async function insertComment(ctx: BoardCtx, tx: Tx, record: RecordActivity, task: { id: string; title: string }, body: string) {
  const actor = actorOf(ctx);
  const mentions = await mentionedUserIds(tx, ctx.org.id, body);
  const comment = await tx.comment.create({
    data: { id: newId(), orgId: ctx.org.id, taskId: task.id, authorKind: actor.kind, authorId: ctx.actor && "userId" in ctx.actor ? ctx.actor.userId : actor.id, authorName: actor.name ?? "unknown", body, mentions: JSON.stringify(mentions) },
  });
  await record({
    orgId: ctx.org.id,
    boardId: ctx.board.id,
    action: "comment.created",
    targetType: "task",
    targetId: task.id,
    summary: `Commented on "${task.title}"`,
    after: { body },
    payload: commentView(comment),
  });
  return comment;
}

export async function listComments(ctx: BoardCtx, input: { taskId: string }) {
  await loadTask(ctx.db, ctx.board.id, input.taskId);
  const rows = await ctx.db.comment.findMany({ where: { taskId: input.taskId }, orderBy: { createdAt: "asc" }, take: 500 });
  return rows.map(commentView);
}

export async function createComment(ctx: BoardCtx, input: { taskId: string; body: string }) {
  return commit(ctx, async (tx, record) => {
    const task = await loadTask(tx, ctx.board.id, input.taskId);
    return commentView(await insertComment(ctx, tx, record, task, input.body));
  });
}

async function ownComment(ctx: BoardCtx, tx: Tx, commentId: string) {
  const comment = await tx.comment.findFirst({ where: { id: commentId, task: { boardId: ctx.board.id } }, include: { task: { select: { title: true } } } });
  if (!comment) throw notFound("Comment");
  const me = ctx.actor && "userId" in ctx.actor ? ctx.actor.userId : null;
  if (!me || comment.authorId !== me) throw forbidden("You can only change your own comments");
  return comment;
}

export async function updateComment(ctx: BoardCtx, input: { commentId: string; body: string }) {
  return commit(ctx, async (tx, record) => {
    const comment = await ownComment(ctx, tx, input.commentId);
    const mentions = await mentionedUserIds(tx, ctx.org.id, input.body);
    const updated = await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, mentions: JSON.stringify(mentions), editedAt: new Date() } });
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "comment.updated",
      targetType: "task",
      targetId: comment.taskId,
      summary: `Edited a comment on "${comment.task.title}"`,
      before: { body: comment.body },
      after: { body: updated.body },
      payload: commentView(updated),
    });
    return commentView(updated);
  });
}

export async function deleteComment(ctx: BoardCtx, input: { commentId: string }) {
  return commit(ctx, async (tx, record) => {
    const comment = await ownComment(ctx, tx, input.commentId);
    await tx.comment.delete({ where: { id: comment.id } });
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "comment.deleted",
      targetType: "task",
      targetId: comment.taskId,
      summary: `Deleted a comment on "${comment.task.title}"`,
      before: { body: comment.body },
      payload: { id: comment.id, taskId: comment.taskId },
    });
    return { ok: true as const };
  });
}
