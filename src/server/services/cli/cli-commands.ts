// The CLI's commands, built on the same services and validation as the API.
import { z } from "zod";
import type { Context } from "../../context";
import type { Db } from "../../db/client";
import { Email, Name, Password, RoleSchema } from "@/lib/schemas/common";
import { commit } from "../commit";
import { createApiToken } from "../api-tokens/api-tokens";
import { hashPassword } from "../../auth/passwords";
import { newId } from "@/lib/ids";
import { conflict, notFound } from "../../errors";

const cliContext = (db: Db): Context => ({ db, actor: { kind: "system", name: "cli" }, requestId: newId(), ip: null });

function parse<T>(schema: z.ZodType<T>, values: unknown): T {
  const result = schema.safeParse(values);
  if (!result.success) {
    const fields = Object.entries(z.flattenError(result.error).fieldErrors).map(([k, v]) => `--${k}: ${(v as string[]).join(", ")}`);
    throw new Error(`Invalid options\n  ${fields.join("\n  ")}`);
  }
  return result.data;
}

async function findOrg(db: Db, slug: string) {
  const org = await db.organization.findUnique({ where: { slug } });
  if (!org) throw notFound(`Organization "${slug}"`);
  return org;
}

const UserCreate = z.object({ email: Email, name: Name, password: Password, org: z.string().optional(), role: RoleSchema.default("member") });

export async function createUser(db: Db, values: Record<string, unknown>): Promise<string> {
  const input = parse(UserCreate, values);
  const org = input.org ? await findOrg(db, input.org) : null;
  const passwordHash = await hashPassword(input.password);
  await commit(cliContext(db), async (tx, record) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) throw conflict(`A user with email ${input.email} exists`);
    const user = await tx.user.create({ data: { id: newId(), email: input.email, name: input.name, passwordHash } });
    if (!org) return;
    await tx.membership.create({ data: { id: newId(), orgId: org.id, userId: user.id, role: input.role } });
    await record({ orgId: org.id, action: "member.added", targetType: "user", targetId: user.id, summary: `Added ${user.name} as ${input.role}`, after: { role: input.role, email: user.email } });
  });
  return `Created user ${input.email}${org ? ` in ${org.slug} as ${input.role}` : ""}.`;
}

const TokenCreate = z.object({ email: Email, org: z.string().min(1), role: RoleSchema.default("member"), name: Name.default("cli") });

export async function createToken(db: Db, values: Record<string, unknown>): Promise<string> {
  const input = parse(TokenCreate, values);
  const org = await findOrg(db, input.org);
  const user = await db.user.findUnique({ where: { email: input.email } });
  const membership = user && (await db.membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId: user.id } } }));
  if (!user || !membership) throw notFound(`User ${input.email} in ${org.slug}`);
  const ctx = { ...cliContext(db), org: { id: org.id, slug: org.slug, name: org.name }, role: membership.role as z.infer<typeof RoleSchema> };
  const created = await createApiToken(ctx, { name: input.name, role: input.role, userId: user.id });
  return `API token "${created.name}" for ${input.email} in ${org.slug} (${created.role}). Shown once:\n${created.token}`;
}

export async function listOrgs(db: Db): Promise<string> {
  const orgs = await db.organization.findMany({ orderBy: { slug: "asc" }, include: { _count: { select: { memberships: true, boards: true } } } });
  if (!orgs.length) return "No organizations yet.";
  return orgs.map((o) => `${o.slug}\t${o.name}\t${o._count.memberships} member(s)\t${o._count.boards} board(s)`).join("\n");
}
