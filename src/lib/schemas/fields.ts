import { z } from "zod";
import { Id, Name, OrgRefInput } from "./common";

export const FIELD_TYPES = ["text", "long_text", "number", "boolean", "date", "url", "select"] as const;
export const FieldType = z.enum(FIELD_TYPES);
const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and underscores, starting with a letter");

export const FieldDefOutput = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  type: FieldType,
  required: z.boolean(),
  options: z.array(z.string()),
  boardIds: z.array(z.string()),
  createdAt: z.date(),
});
export const FieldListInput = z.strictObject({ orgId: OrgRefInput, boardId: Id.optional().describe("Only fields enabled on this board") });
export const FieldCreateInput = z
  .strictObject({
    orgId: OrgRefInput,
    key: Key,
    label: Name,
    type: FieldType,
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  })
  .refine((f) => f.type !== "select" || f.options.length > 0, { message: "A single-select field needs at least one option", path: ["options"] });
export const FieldUpdateInput = z.strictObject({
  orgId: OrgRefInput,
  fieldId: Id,
  label: Name.optional(),
  required: z.boolean().optional(),
  options: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});
export const FieldDeleteInput = z.strictObject({ orgId: OrgRefInput, fieldId: Id });
export const FieldBoardInput = z.strictObject({ boardId: Id, fieldId: Id, enabled: z.boolean() });
