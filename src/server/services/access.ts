// Authorization in one place. Tenant scoping lives in the queries: a row of an org the caller
// does not belong to is NOT_FOUND, never FORBIDDEN.
import type { Context, Actor } from "../context";
import { roleAtLeast, type Role } from "@/lib/roles";
import { forbidden, notFound } from "../errors";

export type BoardMode = "read" | "write";

export interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

async function roleIn(ctx: Context & { actor: Actor }, orgId: string): Promise<Role | null> {
  const actor = ctx.actor;
  if (actor.kind === "system") return "owner";
  if (actor.kind === "api_token") return actor.orgId === orgId ? actor.role : null;
  const membership = await ctx.db.membership.findUnique({ where: { orgId_userId: { orgId, userId: actor.userId } }, select: { role: true } });
  return (membership?.role as Role | undefined) ?? null;
}

function requireRole(role: Role, minRole: Role): void {
  if (!roleAtLeast(role, minRole)) throw forbidden(`This needs the ${minRole} role or higher; you are ${role}`);
}

/** `orgRef` is an organization id or slug. */
export async function resolveOrgAccess(ctx: Context & { actor: Actor }, orgRef: string, minRole: Role): Promise<{ org: OrgRef; role: Role }> {
  const org = await ctx.db.organization.findFirst({ where: { OR: [{ id: orgRef }, { slug: orgRef }] }, select: { id: true, slug: true, name: true } });
  const role = org ? await roleIn(ctx, org.id) : null;
  if (!org || !role) throw notFound("Organization");
  requireRole(role, minRole);
  return { org, role };
}

export async function resolveBoardAccess(ctx: Context & { actor: Actor }, boardId: string, mode: BoardMode, minRole: Role = "member") {
  const board = await ctx.db.board.findUnique({ where: { id: boardId }, include: { org: { select: { id: true, slug: true, name: true } } } });
  const role = board ? await roleIn(ctx, board.orgId) : null;
  if (!board || !role) throw notFound("Board");
  // Members read and write every board for now; per-board grants narrow this later.
  requireRole(role, minRole);
  if (mode === "write") requireRole(role, "member");
  const { org, ...rest } = board;
  return { org, role, board: rest };
}
