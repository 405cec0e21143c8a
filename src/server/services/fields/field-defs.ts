import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { BoardRow } from "../boards/board-view";
import { commit } from "../commit";
import { conflict, isUniqueViolation, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import type { FIELD_TYPES } from "@/lib/schemas/fields";

type OrgCtx = Context & { org: OrgRef; role: Role };
type DefRow = { id: string; key: string; label: string; type: string; required: boolean; options: string; createdAt: Date; boards: { boardId: string }[] };
const view = (d: DefRow) => ({
  id: d.id,
  key: d.key,
  label: d.label,
  type: d.type as (typeof FIELD_TYPES)[number],
  required: d.required,
  options: JSON.parse(d.options) as string[],
  boardIds: d.boards.map((b) => b.boardId),
  createdAt: d.createdAt,
});
const withBoards = { boards: { select: { boardId: true } } } as const;

export async function listFieldDefs(ctx: OrgCtx, input: { boardId?: string }) {
  const rows = await ctx.db.customFieldDef.findMany({
    where: { orgId: ctx.org.id, ...(input.boardId ? { boards: { some: { boardId: input.boardId } } } : {}) },
    include: withBoards,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(view);
}

export async function createFieldDef(ctx: OrgCtx, input: { key: string; label: string; type: string; required: boolean; options: string[] }) {
  try {
    return await commit(ctx, async (tx, record) => {
      const def = await tx.customFieldDef.create({
        data: { id: newId(), orgId: ctx.org.id, key: input.key, label: input.label, type: input.type, required: input.required, options: JSON.stringify(input.options) },
        include: withBoards,
      });
      await record({ orgId: ctx.org.id, action: "field.created", targetType: "field", targetId: def.id, summary: `Created custom field ${def.label} (${def.type})`, after: { key: def.key, label: def.label, type: def.type, required: def.required, options: input.options } });
      return view(def);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A custom field with the key "${input.key}" exists`);
    throw error;
  }
}

export async function updateFieldDef(ctx: OrgCtx, input: { fieldId: string; label?: string; required?: boolean; options?: string[] }) {
  return commit(ctx, async (tx, record) => {
    const before = await tx.customFieldDef.findFirst({ where: { id: input.fieldId, orgId: ctx.org.id }, include: withBoards });
    if (!before) throw notFound("Custom field");
    const def = await tx.customFieldDef.update({
      where: { id: before.id },
      data: { label: input.label, required: input.required, options: input.options ? JSON.stringify(input.options) : undefined },
      include: withBoards,
    });
    await record({ orgId: ctx.org.id, action: "field.updated", targetType: "field", targetId: def.id, summary: `Updated custom field ${def.label}`, before: { label: before.label, required: before.required, options: JSON.parse(before.options) }, after: { label: def.label, required: def.required, options: JSON.parse(def.options) } });
    return view(def);
  });
}

export async function deleteFieldDef(ctx: OrgCtx, input: { fieldId: string }) {
  return commit(ctx, async (tx, record) => {
    const def = await tx.customFieldDef.findFirst({ where: { id: input.fieldId, orgId: ctx.org.id } });
    if (!def) throw notFound("Custom field");
    await tx.customFieldDef.delete({ where: { id: def.id } });
    await record({ orgId: ctx.org.id, action: "field.deleted", targetType: "field", targetId: def.id, summary: `Deleted custom field ${def.label} and its values`, before: { key: def.key, label: def.label, type: def.type } });
    return { ok: true as const };
  });
}

export async function setFieldOnBoard(ctx: OrgCtx & { board: BoardRow }, input: { fieldId: string; enabled: boolean }) {
  return commit(ctx, async (tx, record) => {
    const def = await tx.customFieldDef.findFirst({ where: { id: input.fieldId, orgId: ctx.org.id } });
    if (!def) throw notFound("Custom field");
    const key = { boardId_fieldId: { boardId: ctx.board.id, fieldId: def.id } };
    const had = Boolean(await tx.boardCustomField.findUnique({ where: key }));
    if (had !== input.enabled) {
      if (input.enabled) await tx.boardCustomField.create({ data: { boardId: ctx.board.id, fieldId: def.id } });
      else await tx.boardCustomField.delete({ where: key });
      await record({ orgId: ctx.org.id, boardId: ctx.board.id, action: input.enabled ? "field.enabled" : "field.disabled", targetType: "field", targetId: def.id, summary: `${input.enabled ? "Enabled" : "Disabled"} custom field ${def.label} on ${ctx.board.name}`, before: { enabled: had }, after: { enabled: input.enabled } });
    }
    return view((await tx.customFieldDef.findUniqueOrThrow({ where: { id: def.id }, include: withBoards })));
  });
}
