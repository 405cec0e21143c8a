import { z } from "zod";
import { Id, Name, OrgRefInput, PageInput, Slug } from "./common";

export const BoardOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Board = z.infer<typeof BoardOutput>;
export const BoardWithCountsOutput = BoardOutput.extend({ taskCounts: z.record(z.string(), z.number()) });

export const BoardCreateInput = z.strictObject({
  orgId: OrgRefInput,
  name: Name,
  slug: Slug.optional(),
  description: z.string().max(5000).default(""),
});
export const BoardListInput = z.strictObject({ orgId: OrgRefInput });
export const BoardGetInput = z.strictObject({ boardId: Id });
export const BoardUpdateInput = z.strictObject({
  boardId: Id,
  name: Name.optional(),
  description: z.string().max(5000).optional(),
});
export const BoardDeleteInput = z.strictObject({ boardId: Id });
export const BoardDeletedOutput = z.object({ ok: z.literal(true), deletedTasks: z.number() });
export { PageInput };
