import { z } from "zod";
import { Id, Name, OrgRefInput, Slug } from "./common";

export const TagColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a hex color like #4f46e5");
export const TagOutput = z.object({ id: z.string(), orgId: z.string(), name: z.string(), slug: z.string(), color: z.string(), description: z.string(), taskCount: z.number(), createdAt: z.date() });
export const TagListInput = z.strictObject({ orgId: OrgRefInput });
export const TagCreateInput = z.strictObject({ orgId: OrgRefInput, name: Name, slug: Slug.optional(), color: TagColor.default("#6366f1"), description: z.string().max(500).default("") });
export const TagUpdateInput = z.strictObject({ orgId: OrgRefInput, tagId: Id, name: Name.optional(), color: TagColor.optional(), description: z.string().max(500).optional() });
export const TagDeleteInput = z.strictObject({ orgId: OrgRefInput, tagId: Id });
