import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";
import { conflict, isUniqueViolation } from "../../errors";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";
import { TASK_STATUSES } from "@/lib/schemas/tasks";

type OrgCtx = Context & { org: OrgRef; role: Role };
type BoardRow = { id: string; orgId: string; name: string; slug: string; description: string; createdAt: Date; updatedAt: Date };
type BoardCtx = OrgCtx & { board: BoardRow };

const pick = (b: BoardRow) => ({ id: b.id, orgId: b.orgId, name: b.name, slug: b.slug, description: b.description, createdAt: b.createdAt, updatedAt: b.updatedAt });

export async function createBoard(ctx: OrgCtx, input: { name: string; slug?: string; description: string }) {
  const slug = input.slug ?? slugify(input.name);
  try {
    return await commit(ctx, async (tx, record) => {
      const board = await tx.board.create({ data: { id: newId(), orgId: ctx.org.id, name: input.name, slug, description: input.description } });
      await record({
        orgId: ctx.org.id,
        boardId: board.id,
        action: "board.created",
        targetType: "board",
        targetId: board.id,
        summary: `Created board ${board.name}`,
        after: { name: board.name, slug: board.slug, description: board.description },
        payload: pick(board),
      });
      return pick(board);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A board with the slug "${slug}" exists in this organization; choose another slug`);
    throw error;
  }
}

export async function listBoards(ctx: OrgCtx) {
  const [boards, counts] = await Promise.all([
    ctx.db.board.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" } }),
    ctx.db.task.groupBy({ by: ["boardId", "status"], where: { orgId: ctx.org.id }, _count: { _all: true } }),
  ]);
  return boards.map((b) => {
    const taskCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
    for (const c of counts) if (c.boardId === b.id) taskCounts[c.status] = c._count._all;
    return { ...pick(b), taskCounts };
  });
}

export const getBoard = (ctx: BoardCtx) => pick(ctx.board);

export async function updateBoard(ctx: BoardCtx, input: { name?: string; description?: string }) {
  return commit(ctx, async (tx, record) => {
    const updated = await tx.board.update({ where: { id: ctx.board.id }, data: { name: input.name, description: input.description } });
    await record({
      orgId: ctx.org.id,
      boardId: updated.id,
      action: "board.updated",
      targetType: "board",
      targetId: updated.id,
      summary: input.name && input.name !== ctx.board.name ? `Renamed board ${ctx.board.name} to ${input.name}` : `Updated board ${updated.name}`,
      before: { name: ctx.board.name, description: ctx.board.description },
      after: { name: updated.name, description: updated.description },
      payload: pick(updated),
    });
    return pick(updated);
  });
}

export async function deleteBoard(ctx: BoardCtx) {
  return commit(ctx, async (tx, record) => {
    const deletedTasks = await tx.task.count({ where: { boardId: ctx.board.id } });
    await tx.board.delete({ where: { id: ctx.board.id } });
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "board.deleted",
      targetType: "board",
      targetId: ctx.board.id,
      summary: `Deleted board ${ctx.board.name} and its ${deletedTasks} task(s)`,
      before: { name: ctx.board.name, slug: ctx.board.slug, tasks: deletedTasks },
      payload: { id: ctx.board.id },
    });
    return { ok: true as const, deletedTasks };
  });
}
