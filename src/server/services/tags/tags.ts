import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";
import { conflict, isUniqueViolation, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";

type OrgCtx = Context & { org: OrgRef; role: Role };
type TagRow = { id: string; orgId: string; name: string; slug: string; color: string; description: string; createdAt: Date };
const view = (t: TagRow, taskCount = 0) => ({ id: t.id, orgId: t.orgId, name: t.name, slug: t.slug, color: t.color, description: t.description, taskCount, createdAt: t.createdAt });
const audit = (t: TagRow) => ({ name: t.name, slug: t.slug, color: t.color, description: t.description });

export async function listTags(ctx: OrgCtx) {
  const rows = await ctx.db.tag.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" }, include: { _count: { select: { tasks: true } } } });
  return rows.map((t) => view(t, t._count.tasks));
}

export async function createTag(ctx: OrgCtx, input: { name: string; slug?: string; color: string; description: string }) {
  const slug = input.slug ?? slugify(input.name);
  try {
    return await commit(ctx, async (tx, record) => {
      const tag = await tx.tag.create({ data: { id: newId(), orgId: ctx.org.id, name: input.name, slug, color: input.color, description: input.description } });
      await record({ orgId: ctx.org.id, action: "tag.created", targetType: "tag", targetId: tag.id, summary: `Created tag ${tag.name}`, after: audit(tag), payload: view(tag) });
      return view(tag);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A tag "${slug}" already exists`);
    throw error;
  }
}

/** Renaming keeps the slug and id; past activity keeps the names it recorded. */
export async function updateTag(ctx: OrgCtx, input: { tagId: string; name?: string; color?: string; description?: string }) {
  return commit(ctx, async (tx, record) => {
    const before = await tx.tag.findFirst({ where: { id: input.tagId, orgId: ctx.org.id } });
    if (!before) throw notFound("Tag");
    const tag = await tx.tag.update({ where: { id: before.id }, data: { name: input.name, color: input.color, description: input.description } });
    await record({ orgId: ctx.org.id, action: "tag.updated", targetType: "tag", targetId: tag.id, summary: `Updated tag ${tag.name}`, before: audit(before), after: audit(tag), payload: view(tag) });
    return view(tag);
  });
}

export async function deleteTag(ctx: OrgCtx, input: { tagId: string }) {
  return commit(ctx, async (tx, record) => {
    const tag = await tx.tag.findFirst({ where: { id: input.tagId, orgId: ctx.org.id } });
    if (!tag) throw notFound("Tag");
    await tx.tag.delete({ where: { id: tag.id } });
    await record({ orgId: ctx.org.id, action: "tag.deleted", targetType: "tag", targetId: tag.id, summary: `Deleted tag ${tag.name}`, before: audit(tag), payload: { id: tag.id } });
    return { ok: true as const };
  });
}
