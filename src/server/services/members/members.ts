import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { OrgRef } from "../access";
import { roleAtLeast, type Role } from "@/lib/roles";
import { commit } from "../commit";
import { conflict, forbidden, notFound } from "../../errors";

type OrgCtx = Context & { org: OrgRef; role: Role };

export async function listMembers(ctx: OrgCtx) {
  const rows = await ctx.db.membership.findMany({ where: { orgId: ctx.org.id }, include: { user: true }, orderBy: { createdAt: "asc" } });
  return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as Role, allBoards: m.allBoards, joinedAt: m.createdAt }));
}

async function loadMember(tx: Tx, orgId: string, userId: string) {
  const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId } }, include: { user: true } });
  if (!member) throw notFound("Member");
  return member;
}

/** Only an owner may grant or take away ownership; admins manage members and admins. */
function assertMayManage(ctx: OrgCtx, currentRole: Role, newRole?: Role) {
  if ((currentRole === "owner" || newRole === "owner") && ctx.role !== "owner") throw forbidden("Only an owner can grant or remove the owner role");
}

/** The last owner can be neither demoted nor removed: an org must always have an owner. */
async function assertNotLastOwner(tx: Tx, orgId: string, member: { role: string }) {
  if (member.role !== "owner") return;
  const owners = await tx.membership.count({ where: { orgId, role: "owner" } });
  if (owners <= 1) throw conflict("This is the last owner. Make another member an owner first.");
}

export async function changeMemberRole(ctx: OrgCtx, input: { userId: string; role: Role }) {
  return commit(ctx, async (tx, record) => {
    const member = await loadMember(tx, ctx.org.id, input.userId);
    const current = member.role as Role;
    assertMayManage(ctx, current, input.role);
    if (current === input.role) return { userId: member.userId, email: member.user.email, name: member.user.name, role: current, allBoards: member.allBoards, joinedAt: member.createdAt };
    if (!roleAtLeast(input.role, "owner")) await assertNotLastOwner(tx, ctx.org.id, member);
    const updated = await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
    await record({
      orgId: ctx.org.id,
      action: "member.role_changed",
      targetType: "user",
      targetId: member.userId,
      summary: `Changed ${member.user.name}'s role from ${current} to ${input.role}`,
      before: { role: current },
      after: { role: input.role },
    });
    return { userId: member.userId, email: member.user.email, name: member.user.name, role: updated.role as Role, allBoards: updated.allBoards, joinedAt: member.createdAt };
  });
}

export async function removeMember(ctx: OrgCtx, input: { userId: string }) {
  return commit(ctx, async (tx, record) => {
    const member = await loadMember(tx, ctx.org.id, input.userId);
    assertMayManage(ctx, member.role as Role);
    await assertNotLastOwner(tx, ctx.org.id, member);
    await tx.membership.delete({ where: { id: member.id } });
    // Their API tokens for this org stop working with the membership.
    await tx.apiToken.updateMany({ where: { orgId: ctx.org.id, userId: member.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await record({
      orgId: ctx.org.id,
      action: "member.removed",
      targetType: "user",
      targetId: member.userId,
      summary: `Removed ${member.user.name} (${member.user.email})`,
      before: { role: member.role },
    });
    return { ok: true as const };
  });
}
