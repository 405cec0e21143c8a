// Authorization in one place. Tenant scoping lives in the queries: a row of an org the caller
// does not belong to is NOT_FOUND, never FORBIDDEN. Board access: owners and admins see every
// board; a member sees every board unless their membership is limited (allBoards = false),
// then only the boards granted to them, each with read or write.
import type { Actor, Context, OperatorActor } from "../context";
import { roleAtLeast, type Role } from "@/lib/roles";
import { forbidden, notFound } from "../errors";

export type BoardMode = "read" | "write";

export interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

interface OrgStanding {
  role: Role;
  /** null: every board with write; otherwise boardId → level for a limited member. */
  grants: Map<string, BoardMode> | null;
  userId: string | null;
}

async function standingIn(ctx: Context & { actor: OperatorActor }, orgId: string): Promise<OrgStanding | null> {
  const actor = ctx.actor;
  if (actor.kind === "system") return { role: "owner", grants: null, userId: null };
  const userId = actor.userId;
  const membership = await ctx.db.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, select: { role: true, allBoards: true } });
  if (!membership) return null;
  // A token acts with its own role, never above its creator's current standing.
  const role = actor.kind === "api_token" ? (actor.orgId === orgId ? lower(actor.role, membership.role as Role) : null) : (membership.role as Role);
  if (!role) return null;
  if (role !== "member" || membership.allBoards) return { role, grants: null, userId };
  const rows = await ctx.db.boardAccess.findMany({ where: { userId, board: { orgId } }, select: { boardId: true, level: true } });
  return { role, grants: new Map(rows.map((r) => [r.boardId, r.level as BoardMode])), userId };
}

const lower = (a: Role, b: Role): Role => (roleAtLeast(a, b) ? b : a);

function requireRole(role: Role, minRole: Role): void {
  if (!roleAtLeast(role, minRole)) throw forbidden(`This needs the ${minRole} role or higher; you are ${role}`);
}

/** `orgRef` is an organization id or slug. */
export async function resolveOrgAccess(ctx: Context & { actor: OperatorActor }, orgRef: string, minRole: Role) {
  const org = await ctx.db.organization.findFirst({ where: { OR: [{ id: orgRef }, { slug: orgRef }] }, select: { id: true, slug: true, name: true } });
  const standing = org ? await standingIn(ctx, org.id) : null;
  if (!org || !standing) throw notFound("Organization");
  requireRole(standing.role, minRole);
  return { org, role: standing.role, boardFilter: boardFilterOf(standing) };
}

/** A Prisma `where` fragment limiting boards to those the caller may read. */
export type BoardFilter = { id?: { in: string[] } };
const boardFilterOf = (standing: OrgStanding): BoardFilter => (standing.grants ? { id: { in: [...standing.grants.keys()] } } : {});

export async function resolveBoardAccess(ctx: Context & { actor: OperatorActor }, boardId: string, mode: BoardMode, minRole: Role = "member") {
  const board = await ctx.db.board.findUnique({ where: { id: boardId }, include: { org: { select: { id: true, slug: true, name: true } } } });
  const standing = board ? await standingIn(ctx, board.orgId) : null;
  const level = standing && (standing.grants ? standing.grants.get(boardId) : "write");
  // A limited member without a grant cannot tell this board exists.
  if (!board || !standing || !level) throw notFound("Board");
  requireRole(standing.role, minRole);
  if (mode === "write" && level !== "write") throw forbidden("You have read-only access to this board");
  const { org, ...rest } = board;
  return { org, role: standing.role, board: rest, boardLevel: level, boardFilter: boardFilterOf(standing) };
}

/** The agent's org and board, as the task services expect them; agents act with member rights. */
export async function resolveAgentAccess(ctx: Context, actor: Extract<Actor, { kind: "agent" }>) {
  const agent = await ctx.db.agent.findUnique({
    where: { id: actor.agentId },
    include: { org: { select: { id: true, slug: true, name: true } }, board: true },
  });
  if (!agent) throw notFound("Agent");
  return { org: agent.org, role: "member" as Role, agent, board: agent.board, boardFilter: agent.boardId ? { id: { in: [agent.boardId] } } : { id: { in: [] } } };
}
