import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";
import { badRequest, notFound } from "../../errors";
import { newId } from "@/lib/ids";

type OrgCtx = Context & { org: OrgRef; role: Role };

export async function getBoardAccess(ctx: OrgCtx, input: { userId: string }) {
  const membership = await ctx.db.membership.findUnique({ where: { orgId_userId: { orgId: ctx.org.id, userId: input.userId } } });
  if (!membership) throw notFound("Member");
  const grants = await ctx.db.boardAccess.findMany({ where: { userId: input.userId, board: { orgId: ctx.org.id } }, select: { boardId: true, level: true } });
  return { userId: input.userId, allBoards: membership.allBoards, grants: grants.map((g) => ({ boardId: g.boardId, level: g.level as "read" | "write" })) };
}

/** Replaces a member's board access: every board, or exactly the listed grants. */
export async function setBoardAccess(ctx: OrgCtx, input: { userId: string; allBoards: boolean; grants: { boardId: string; level: "read" | "write" }[] }) {
  return commit(ctx, async (tx, record) => {
    const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: ctx.org.id, userId: input.userId } }, include: { user: { select: { name: true } } } });
    if (!membership) throw notFound("Member");
    if (membership.role !== "member" && !input.allBoards) throw badRequest("Admins and owners always see every board; limit access for members only");
    const boardIds = [...new Set(input.grants.map((g) => g.boardId))];
    if (boardIds.length !== input.grants.length) throw badRequest("Each board may be listed once");
    if ((await tx.board.count({ where: { id: { in: boardIds }, orgId: ctx.org.id } })) !== boardIds.length) throw badRequest("Some boards do not exist in this organization");
    const before = await getBoardAccess({ ...ctx, db: tx as unknown as Context["db"] }, input);
    await tx.membership.update({ where: { id: membership.id }, data: { allBoards: input.allBoards } });
    await tx.boardAccess.deleteMany({ where: { userId: input.userId, board: { orgId: ctx.org.id } } });
    if (input.grants.length) await tx.boardAccess.createMany({ data: input.grants.map((g) => ({ id: newId(), boardId: g.boardId, userId: input.userId, level: g.level })) });
    const after = { userId: input.userId, allBoards: input.allBoards, grants: input.grants };
    await record({
      orgId: ctx.org.id,
      action: "member.access_changed",
      targetType: "user",
      targetId: input.userId,
      summary: input.allBoards ? `${membership.user.name} can access every board` : `${membership.user.name} can access ${input.grants.length} board(s)`,
      before: { allBoards: before.allBoards, grants: before.grants },
      after: { allBoards: after.allBoards, grants: after.grants },
    });
    return after;
  });
}
