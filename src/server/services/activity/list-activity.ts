import type { Context } from "../../context";
import type { BoardFilter, OrgRef } from "../access";

/**
 * Newest first, keyset-paginated on (createdAt, id) so pages stay stable while rows arrive.
 * A member limited to some boards sees org-level rows and those boards' rows only.
 */
export async function listActivity(ctx: Context & { org: OrgRef; boardFilter: BoardFilter }, input: { boardId?: string; cursor?: string; limit: number }) {
  const visible = ctx.boardFilter.id ? { OR: [{ boardId: null }, { boardId: ctx.boardFilter.id }] } : {};
  const cursorRow = input.cursor ? await ctx.db.activityEvent.findFirst({ where: { id: input.cursor, orgId: ctx.org.id }, select: { id: true, createdAt: true } }) : null;
  const rows = await ctx.db.activityEvent.findMany({
    where: {
      orgId: ctx.org.id,
      boardId: input.boardId,
      AND: [visible],
      ...(cursorRow ? { OR: [{ createdAt: { lt: cursorRow.createdAt } }, { createdAt: cursorRow.createdAt, id: { lt: cursorRow.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit).map((r) => ({ ...r, diff: JSON.parse(r.diff) as Record<string, { before: unknown; after: unknown }> }));
  return { items, nextCursor: more ? items[items.length - 1].id : null };
}
