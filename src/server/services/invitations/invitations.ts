import { TRPCError } from "@trpc/server";
import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";
import { conflict, forbidden, notFound } from "../../errors";
import { randomSecret, sha256 } from "../../auth/secrets";
import { hashPassword } from "../../auth/passwords";
import { newId } from "@/lib/ids";

type OrgCtx = Context & { org: OrgRef; role: Role };

const view = (i: { id: string; role: string; email: string | null; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null; createdAt: Date }) => ({
  id: i.id,
  role: i.role as Role,
  email: i.email,
  expiresAt: i.expiresAt,
  acceptedAt: i.acceptedAt,
  revokedAt: i.revokedAt,
  createdAt: i.createdAt,
});

export async function createInvitation(ctx: OrgCtx, input: { role: Role; email?: string; expiresInHours: number }) {
  if (input.role === "owner" && ctx.role !== "owner") throw forbidden("Only an owner can invite another owner");
  const token = randomSecret();
  const invitation = await commit(ctx, async (tx, record) => {
    const row = await tx.invitation.create({
      data: {
        id: newId(),
        orgId: ctx.org.id,
        role: input.role,
        email: input.email ?? null,
        secretHash: sha256(token),
        expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000),
        createdById: actorUserId(ctx),
      },
    });
    await record({
      orgId: ctx.org.id,
      action: "invitation.created",
      targetType: "invitation",
      targetId: row.id,
      summary: `Invited ${input.email ?? "someone with a link"} as ${input.role}`,
      after: { role: row.role, email: row.email, expiresAt: row.expiresAt },
    });
    return row;
  });
  return { ...view(invitation), token };
}

function actorUserId(ctx: Context): string {
  const actor = ctx.actor;
  if (actor?.kind === "user" || actor?.kind === "api_token") return actor.userId;
  return "system";
}

export async function listInvitations(ctx: OrgCtx) {
  const rows = await ctx.db.invitation.findMany({ where: { orgId: ctx.org.id }, orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map(view);
}

export async function revokeInvitation(ctx: OrgCtx, input: { invitationId: string }) {
  return commit(ctx, async (tx, record) => {
    const row = await tx.invitation.findFirst({ where: { id: input.invitationId, orgId: ctx.org.id } });
    if (!row) throw notFound("Invitation");
    if (row.acceptedAt) throw conflict("This invitation was already accepted");
    const updated = await tx.invitation.update({ where: { id: row.id }, data: { revokedAt: row.revokedAt ?? new Date() } });
    await record({ orgId: ctx.org.id, action: "invitation.revoked", targetType: "invitation", targetId: row.id, summary: `Revoked an invitation (${row.role})`, before: { revokedAt: row.revokedAt }, after: { revokedAt: updated.revokedAt } });
    return view(updated);
  });
}

async function usableInvitation(db: Tx | Context["db"], token: string) {
  const row = await db.invitation.findUnique({ where: { secretHash: sha256(token) }, include: { org: true } });
  if (!row || row.revokedAt) throw notFound("Invitation");
  if (row.acceptedAt) throw conflict("This invitation was already used");
  if (row.expiresAt < new Date()) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This invitation has expired; ask for a new link" });
  return row;
}

export async function previewInvitation(ctx: Context, input: { token: string }) {
  const row = await usableInvitation(ctx.db, input.token);
  return { orgName: row.org.name, role: row.role as Role, email: row.email, expiresAt: row.expiresAt };
}

async function join(tx: Tx, record: Parameters<Parameters<typeof commit>[1]>[1], token: string, user: { id: string; email: string; name: string }) {
  const invitation = await usableInvitation(tx, token);
  if (invitation.email && invitation.email !== user.email) throw forbidden(`This invitation is for ${invitation.email}`);
  const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invitation.orgId, userId: user.id } } });
  if (existing) throw conflict("You are already a member of this organization");
  // Conditional update: two simultaneous accepts of one link cannot both succeed.
  const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date(), acceptedById: user.id } });
  if (claimed.count !== 1) throw conflict("This invitation was already used");
  await tx.membership.create({ data: { id: newId(), orgId: invitation.orgId, userId: user.id, role: invitation.role } });
  await record({
    orgId: invitation.orgId,
    action: "member.joined",
    targetType: "user",
    targetId: user.id,
    summary: `${user.name} joined as ${invitation.role}`,
    after: { role: invitation.role, email: user.email },
  });
  return { orgId: invitation.orgId, orgSlug: invitation.org.slug };
}

export async function acceptInvitation(ctx: Context & { user: { id: string } }, input: { token: string }) {
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
  return commit(ctx, (tx, record) => join(tx, record, input.token, user));
}

/** A new person follows an invite link: create their account and membership together. */
export async function signUpWithInvitation(ctx: Context, input: { token: string; email: string; name: string; password: string }) {
  await usableInvitation(ctx.db, input.token);
  const passwordHash = await hashPassword(input.password);
  return commit(ctx, async (tx, record) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) throw conflict("An account with this email exists: sign in, then open the link again");
    const user = await tx.user.create({ data: { id: newId(), email: input.email, name: input.name, passwordHash } });
    return join(tx, record, input.token, user);
  });
}
