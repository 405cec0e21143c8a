import type { Context, OperatorActor } from "../../context";
import type { Role } from "@/lib/roles";

export async function listMyOrgs(ctx: Context & { actor: OperatorActor }) {
  const actor = ctx.actor;
  if (actor.kind === "api_token") {
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: actor.orgId } });
    return [{ ...org, role: actor.role }];
  }
  if (actor.kind === "system") return (await ctx.db.organization.findMany({ orderBy: { name: "asc" } })).map((o) => ({ ...o, role: "owner" as Role }));
  const memberships = await ctx.db.membership.findMany({ where: { userId: actor.userId }, include: { org: true }, orderBy: { org: { name: "asc" } } });
  return memberships.map((m) => ({ ...m.org, role: m.role as Role }));
}

export async function whoAmI(ctx: Context & { actor: OperatorActor }) {
  const actor = ctx.actor;
  const orgs = await listMyOrgs(ctx);
  if (actor.kind === "user") {
    const user = await ctx.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    return { kind: actor.kind, id: user.id, name: user.name, email: user.email, orgs };
  }
  if (actor.kind === "api_token") return { kind: actor.kind, id: actor.tokenId, name: actor.name, email: null, orgs };
  return { kind: actor.kind, id: null, name: actor.name, email: null, orgs };
}

export async function getOrg(ctx: Context & { org: { id: string }; role: Role }) {
  const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.org.id } });
  return { ...org, role: ctx.role };
}
