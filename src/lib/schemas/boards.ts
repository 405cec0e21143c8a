import { z } from "zod";
import { Id, Name, OrgRefInput, Slug } from "./common";

export const BoardRules = z.object({
  approvalForDone: z.boolean().describe("An approved approval is required before a task moves to done"),
  reviewBeforeDone: z.boolean().describe("Tasks reach done only from review"),
  commentForReview: z.boolean().describe("Moving a task to review needs a comment"),
  blockWhilePending: z.boolean().describe("No status change while an approval for the task is pending"),
  leadAgentOnlyStatus: z.boolean().describe("Only the board's lead agent may change task status"),
});
export type BoardRulesValue = z.infer<typeof BoardRules>;

export const BoardOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  groupId: z.string().nullable(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  objective: z.string(),
  targetDate: z.date().nullable(),
  archivedAt: z.date().nullable(),
  leadAgentId: z.string().nullable(),
  rules: BoardRules,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Board = z.infer<typeof BoardOutput>;
export const BoardAccessLevel = z.enum(["read", "write"]);
/** boards.get also says what the caller may do here, so the UI can hide write controls. */
export const BoardGetOutput = BoardOutput.extend({ access: BoardAccessLevel.describe("The caller's access to this board") });
export const BoardWithCountsOutput = BoardOutput.extend({ taskCounts: z.record(z.string(), z.number()) });

const Description = z.string().max(5000);
const TargetDate = z.coerce.date().nullable();

export const BoardCreateInput = z.strictObject({
  orgId: OrgRefInput,
  name: Name,
  slug: Slug.optional(),
  description: Description.default(""),
  objective: Description.default(""),
  targetDate: TargetDate.optional(),
  groupId: Id.nullable().optional(),
  rules: BoardRules.partial().optional(),
});
export const BoardListInput = z.strictObject({
  orgId: OrgRefInput,
  groupId: Id.optional(),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
});
export const BoardGetInput = z.strictObject({ boardId: Id });
export const BoardUpdateInput = z.strictObject({
  boardId: Id,
  name: Name.optional(),
  slug: Slug.optional(),
  description: Description.optional(),
  objective: Description.optional(),
  targetDate: TargetDate.optional(),
  groupId: Id.nullable().optional(),
  leadAgentId: Id.nullable().optional(),
  rules: BoardRules.partial().optional(),
});
export const BoardArchiveInput = z.strictObject({ boardId: Id, archived: z.boolean() });
export const BoardDeleteInput = z.strictObject({ boardId: Id });
export const BoardDeletedOutput = z.object({ ok: z.literal(true), deletedTasks: z.number() });
export const BoardDeletePreviewOutput = z.object({ tasks: z.number(), comments: z.number(), approvals: z.number(), agents: z.number() });

export const BoardGroupOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  boardCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const BoardGroupCreateInput = z.strictObject({ orgId: OrgRefInput, name: Name, slug: Slug.optional(), description: Description.default("") });
export const BoardGroupUpdateInput = z.strictObject({ orgId: OrgRefInput, groupId: Id, name: Name.optional(), description: Description.optional() });
export const BoardGroupRefInput = z.strictObject({ orgId: OrgRefInput, groupId: Id });
export const BoardGroupListInput = z.strictObject({ orgId: OrgRefInput });

export const BoardAccessOutput = z.object({
  userId: z.string(),
  allBoards: z.boolean(),
  grants: z.array(z.object({ boardId: z.string(), level: BoardAccessLevel })),
});
export const BoardAccessGetInput = z.strictObject({ orgId: OrgRefInput, userId: Id });
export const BoardAccessSetInput = z.strictObject({
  orgId: OrgRefInput,
  userId: Id,
  allBoards: z.boolean(),
  grants: z.array(z.object({ boardId: Id, level: BoardAccessLevel })).max(1000).default([]),
});
