import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { RecordActivity } from "../commit";
import { commit } from "../commit";
import { conflict, isUniqueViolation } from "../../errors";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";

/** Creates an org with `userId` as its owner, inside the caller's transaction. */
export async function insertOrgWithOwner(tx: Tx, record: RecordActivity, input: { name: string; slug?: string; userId: string }) {
  const slug = input.slug ?? (await freeSlug(tx, slugify(input.name)));
  const org = await tx.organization.create({ data: { id: newId(), name: input.name, slug } });
  await tx.membership.create({ data: { id: newId(), orgId: org.id, userId: input.userId, role: "owner" } });
  await record({
    orgId: org.id,
    action: "org.created",
    targetType: "org",
    targetId: org.id,
    summary: `Created organization ${org.name}`,
    after: { name: org.name, slug: org.slug },
  });
  return org;
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createOrg(ctx: Context & { user: { id: string } }, input: { name: string; slug?: string }) {
  try {
    const org = await commit(ctx, (tx, record) => insertOrgWithOwner(tx, record, { ...input, userId: ctx.user.id }));
    return { ...org, role: "owner" as const };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The slug "${input.slug}" is taken; choose another`);
    throw error;
  }
}
