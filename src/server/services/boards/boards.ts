import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { BoardFilter, BoardMode, OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { BoardRulesValue } from "@/lib/schemas/boards";
import { commit } from "../commit";
import { badRequest, conflict, isUniqueViolation, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";
import { TASK_STATUSES } from "@/lib/schemas/tasks";
import { boardAuditFields, boardView, ruleColumns, type BoardRow } from "./board-view";

type OrgCtx = Context & { org: OrgRef; role: Role; boardFilter: BoardFilter };
type BoardCtx = OrgCtx & { board: BoardRow };

async function assertGroupInOrg(tx: Tx, orgId: string, groupId: string | null | undefined) {
  if (!groupId) return;
  if (!(await tx.boardGroup.findFirst({ where: { id: groupId, orgId }, select: { id: true } }))) throw badRequest("That board group does not exist in this organization");
}

async function assertLeadAgent(tx: Tx, boardId: string, agentId: string | null | undefined) {
  if (!agentId) return;
  const agent = await tx.agent.findFirst({ where: { id: agentId, boardId }, select: { id: true } });
  if (!agent) throw badRequest("The lead agent must be an agent of this board");
}

const slugTaken = (slug: string) => conflict(`A board with the slug "${slug}" exists in this organization; choose another slug`);

export async function createBoard(
  ctx: OrgCtx,
  input: { name: string; slug?: string; description: string; objective: string; targetDate?: Date | null; groupId?: string | null; rules?: Partial<BoardRulesValue> },
) {
  const slug = input.slug ?? slugify(input.name);
  try {
    return await commit(ctx, async (tx, record) => {
      await assertGroupInOrg(tx, ctx.org.id, input.groupId);
      const board = await tx.board.create({
        data: {
          id: newId(),
          orgId: ctx.org.id,
          name: input.name,
          slug,
          description: input.description,
          objective: input.objective,
          targetDate: input.targetDate ?? null,
          groupId: input.groupId ?? null,
          ...ruleColumns(input.rules),
        },
      });
      await record({
        orgId: ctx.org.id,
        boardId: board.id,
        action: "board.created",
        targetType: "board",
        targetId: board.id,
        summary: `Created board ${board.name}`,
        after: boardAuditFields(board),
        payload: boardView(board),
      });
      return boardView(board);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}

export async function listBoards(ctx: OrgCtx, input: { groupId?: string; archived: "exclude" | "include" | "only" }) {
  const archived = input.archived === "exclude" ? { archivedAt: null } : input.archived === "only" ? { archivedAt: { not: null } } : {};
  const where = { orgId: ctx.org.id, groupId: input.groupId, ...archived, ...ctx.boardFilter };
  const boards = await ctx.db.board.findMany({ where, orderBy: { name: "asc" } });
  const counts = await ctx.db.task.groupBy({ by: ["boardId", "status"], where: { boardId: { in: boards.map((b) => b.id) } }, _count: { _all: true } });
  return boards.map((b) => {
    const taskCounts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
    for (const c of counts) if (c.boardId === b.id) taskCounts[c.status] = c._count._all;
    return { ...boardView(b), taskCounts };
  });
}

export const getBoard = (ctx: BoardCtx & { boardLevel: BoardMode }) => ({ ...boardView(ctx.board), access: ctx.boardLevel });

export async function updateBoard(
  ctx: BoardCtx,
  input: { name?: string; slug?: string; description?: string; objective?: string; targetDate?: Date | null; groupId?: string | null; leadAgentId?: string | null; rules?: Partial<BoardRulesValue> },
) {
  try {
    return await commit(ctx, async (tx, record) => {
      await assertGroupInOrg(tx, ctx.org.id, input.groupId);
      await assertLeadAgent(tx, ctx.board.id, input.leadAgentId);
      const { name, slug, description, objective, targetDate, groupId, leadAgentId, rules } = input;
      const updated = await tx.board.update({
        where: { id: ctx.board.id },
        data: { name, slug, description, objective, targetDate, groupId, leadAgentId, ...ruleColumns(rules) },
      });
      await record({
        orgId: ctx.org.id,
        boardId: updated.id,
        action: "board.updated",
        targetType: "board",
        targetId: updated.id,
        summary: input.name && input.name !== ctx.board.name ? `Renamed board ${ctx.board.name} to ${input.name}` : `Updated board ${updated.name}`,
        before: boardAuditFields(ctx.board),
        after: boardAuditFields(updated),
        payload: boardView(updated),
      });
      return boardView(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug ?? "");
    throw error;
  }
}

export async function setBoardArchived(ctx: BoardCtx, input: { archived: boolean }) {
  return commit(ctx, async (tx, record) => {
    if (Boolean(ctx.board.archivedAt) === input.archived) return boardView(ctx.board);
    const updated = await tx.board.update({ where: { id: ctx.board.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await record({
      orgId: ctx.org.id,
      boardId: updated.id,
      action: input.archived ? "board.archived" : "board.restored",
      targetType: "board",
      targetId: updated.id,
      summary: `${input.archived ? "Archived" : "Restored"} board ${updated.name}`,
      before: { archivedAt: ctx.board.archivedAt },
      after: { archivedAt: updated.archivedAt },
      payload: boardView(updated),
    });
    return boardView(updated);
  });
}

/** What deleting the board would destroy, for the confirmation dialog. */
export async function previewBoardDeletion(ctx: BoardCtx) {
  const boardId = ctx.board.id;
  const [tasks, comments, approvals, agents] = await Promise.all([
    ctx.db.task.count({ where: { boardId } }),
    ctx.db.comment.count({ where: { task: { boardId } } }),
    ctx.db.approval.count({ where: { boardId } }),
    ctx.db.agent.count({ where: { boardId } }),
  ]);
  return { tasks, comments, approvals, agents };
}

export async function deleteBoard(ctx: BoardCtx) {
  return commit(ctx, async (tx, record) => {
    const deletedTasks = await tx.task.count({ where: { boardId: ctx.board.id } });
    const { count } = await tx.board.deleteMany({ where: { id: ctx.board.id } });
    if (count === 0) throw notFound("Board");
    await record({
      orgId: ctx.org.id,
      boardId: ctx.board.id,
      action: "board.deleted",
      targetType: "board",
      targetId: ctx.board.id,
      summary: `Deleted board ${ctx.board.name} and its ${deletedTasks} task(s)`,
      before: { ...boardAuditFields(ctx.board), tasks: deletedTasks },
      payload: { id: ctx.board.id },
    });
    return { ok: true as const, deletedTasks };
  });
}
