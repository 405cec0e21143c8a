import type { Context } from "../../context";
import type { BoardFilter, OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";
import { conflict, isUniqueViolation, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";
import { listBoards } from "./boards";

type OrgCtx = Context & { org: OrgRef; role: Role; boardFilter: BoardFilter };
type GroupRow = { id: string; orgId: string; name: string; slug: string; description: string; createdAt: Date; updatedAt: Date };
const view = (g: GroupRow, boardCount: number) => ({ ...g, boardCount });

export async function listGroups(ctx: OrgCtx) {
  const rows = await ctx.db.boardGroup.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { name: "asc" },
    include: { _count: { select: { boards: { where: { archivedAt: null, ...ctx.boardFilter } } } } },
  });
  return rows.map((g) => view(g, g._count.boards));
}

export async function createGroup(ctx: OrgCtx, input: { name: string; slug?: string; description: string }) {
  const slug = input.slug ?? slugify(input.name);
  try {
    return await commit(ctx, async (tx, record) => {
      const group = await tx.boardGroup.create({ data: { id: newId(), orgId: ctx.org.id, name: input.name, slug, description: input.description } });
      await record({ orgId: ctx.org.id, action: "board_group.created", targetType: "board_group", targetId: group.id, summary: `Created board group ${group.name}`, after: { name: group.name, slug, description: group.description }, payload: view(group, 0) });
      return view(group, 0);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A board group "${slug}" already exists`);
    throw error;
  }
}

export async function updateGroup(ctx: OrgCtx, input: { groupId: string; name?: string; description?: string }) {
  return commit(ctx, async (tx, record) => {
    const before = await tx.boardGroup.findFirst({ where: { id: input.groupId, orgId: ctx.org.id } });
    if (!before) throw notFound("Board group");
    const group = await tx.boardGroup.update({ where: { id: before.id }, data: { name: input.name, description: input.description } });
    const boardCount = await tx.board.count({ where: { groupId: group.id, archivedAt: null } });
    await record({ orgId: ctx.org.id, action: "board_group.updated", targetType: "board_group", targetId: group.id, summary: `Updated board group ${group.name}`, before: { name: before.name, description: before.description }, after: { name: group.name, description: group.description }, payload: view(group, boardCount) });
    return view(group, boardCount);
  });
}

/** Deleting a group keeps its boards; they become ungrouped. */
export async function deleteGroup(ctx: OrgCtx, input: { groupId: string }) {
  return commit(ctx, async (tx, record) => {
    const group = await tx.boardGroup.findFirst({ where: { id: input.groupId, orgId: ctx.org.id } });
    if (!group) throw notFound("Board group");
    await tx.board.updateMany({ where: { groupId: group.id }, data: { groupId: null } });
    await tx.boardGroup.delete({ where: { id: group.id } });
    await record({ orgId: ctx.org.id, action: "board_group.deleted", targetType: "board_group", targetId: group.id, summary: `Deleted board group ${group.name} (its boards are kept)`, before: { name: group.name, slug: group.slug }, payload: { id: group.id } });
    return { ok: true as const };
  });
}

/** The group page: its boards with progress, and recent activity across them. */
export async function getGroupOverview(ctx: OrgCtx, input: { groupId: string }) {
  const group = await ctx.db.boardGroup.findFirst({ where: { id: input.groupId, orgId: ctx.org.id } });
  if (!group) throw notFound("Board group");
  const boards = await listBoards(ctx, { groupId: group.id, archived: "exclude" });
  const activity = await ctx.db.activityEvent.findMany({
    where: { orgId: ctx.org.id, boardId: { in: boards.map((b) => b.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
  });
  return {
    group: view(group, boards.length),
    boards,
    activity: activity.map((r) => ({ ...r, diff: JSON.parse(r.diff) as Record<string, { before: unknown; after: unknown }> })),
  };
}
