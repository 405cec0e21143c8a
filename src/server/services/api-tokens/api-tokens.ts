import type { Context } from "../../context";
import type { OrgRef } from "../access";
import { roleAtLeast, type Role } from "@/lib/roles";
import { commit } from "../commit";
import { forbidden, notFound } from "../../errors";
import { newApiTokenParts } from "../../auth/secrets";
import { newId } from "@/lib/ids";

type OrgCtx = Context & { org: OrgRef; role: Role };

type Row = { id: string; name: string; role: string; lookupId: string; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null; createdAt: Date; user: { email: string } };
const view = (t: Row) => ({
  id: t.id,
  name: t.name,
  role: t.role as Role,
  prefix: `mc_${t.lookupId}`,
  createdBy: t.user.email,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
  createdAt: t.createdAt,
});

/** The token acts for `userId` in this org; it can never hold more rights than its creator. */
export async function createApiToken(ctx: OrgCtx, input: { name: string; role: Role; expiresInDays?: number; userId?: string }) {
  if (!roleAtLeast(ctx.role, input.role)) throw forbidden(`You are ${ctx.role}: you cannot create a token with the ${input.role} role`);
  const userId = input.userId ?? (ctx.actor?.kind === "user" || ctx.actor?.kind === "api_token" ? ctx.actor.userId : null);
  if (!userId) throw forbidden("A token must belong to a user");
  const parts = newApiTokenParts();
  const row = await commit(ctx, async (tx, record) => {
    const created = await tx.apiToken.create({
      data: {
        id: newId(),
        orgId: ctx.org.id,
        userId,
        name: input.name,
        role: input.role,
        lookupId: parts.lookupId,
        secretHash: parts.secretHash,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      include: { user: { select: { email: true } } },
    });
    await record({
      orgId: ctx.org.id,
      action: "api_token.created",
      targetType: "api_token",
      targetId: created.id,
      summary: `Created API token "${created.name}" (${created.role})`,
      after: { name: created.name, role: created.role, expiresAt: created.expiresAt },
    });
    return created;
  });
  return { ...view(row), token: parts.token };
}

export async function listApiTokens(ctx: OrgCtx) {
  const rows = await ctx.db.apiToken.findMany({ where: { orgId: ctx.org.id }, include: { user: { select: { email: true } } }, orderBy: { createdAt: "desc" } });
  return rows.map(view);
}

export async function revokeApiToken(ctx: OrgCtx, input: { tokenId: string }) {
  return commit(ctx, async (tx, record) => {
    const row = await tx.apiToken.findFirst({ where: { id: input.tokenId, orgId: ctx.org.id }, include: { user: { select: { email: true } } } });
    if (!row) throw notFound("API token");
    if (row.revokedAt) return view(row);
    const updated = await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() }, include: { user: { select: { email: true } } } });
    await record({ orgId: ctx.org.id, action: "api_token.revoked", targetType: "api_token", targetId: row.id, summary: `Revoked API token "${row.name}"`, before: { revokedAt: null }, after: { revokedAt: updated.revokedAt } });
    return view(updated);
  });
}
