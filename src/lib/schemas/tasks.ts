import { z } from "zod";
import { Id } from "./common";

export const TASK_STATUSES = ["inbox", "in_progress", "review", "done"] as const;
export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export type TaskStatusValue = z.infer<typeof TaskStatus>;
export type TaskPriorityValue = z.infer<typeof TaskPriority>;

export const STATUS_LABELS: Record<TaskStatusValue, string> = {
  inbox: "Inbox",
  in_progress: "In progress",
  review: "Review",
  done: "Done",
};

const Title = z.string().trim().min(1, "A task needs a title").max(300);
const Description = z.string().max(50_000);
/** Custom field values by field id; null clears a value. Validated against the definitions. */
export const FieldValues = z.record(z.string(), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]));

export const TaskOutput = z.object({
  id: z.string(),
  boardId: z.string(),
  title: z.string(),
  description: z.string(),
  status: TaskStatus,
  priority: TaskPriority,
  position: z.string(),
  dueAt: z.date().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeAgentId: z.string().nullable(),
  completedAt: z.date().nullable(),
  tagIds: z.array(z.string()),
  dependsOnIds: z.array(z.string()),
  /** Dependencies that are not done yet: while non-empty the task cannot start. */
  blockedByIds: z.array(z.string()),
  fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  commentCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Task = z.infer<typeof TaskOutput>;

const Assignee = {
  assigneeUserId: Id.nullable().optional(),
  assigneeAgentId: Id.nullable().optional(),
};

export const TaskCreateInput = z.strictObject({
  boardId: Id,
  title: Title,
  description: Description.default(""),
  status: TaskStatus.default("inbox"),
  priority: TaskPriority.default("medium"),
  dueAt: z.coerce.date().nullable().optional(),
  ...Assignee,
  tagIds: z.array(Id).max(50).default([]),
  dependsOnIds: z.array(Id).max(100).default([]),
  fields: FieldValues.default({}),
});

export const TASK_SORTS = ["position", "priority", "dueAt", "createdAt", "updatedAt", "title"] as const;
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).max(50)).optional();

export const TaskListInput = z.strictObject({
  boardId: Id,
  status: csv(TaskStatus).describe("Comma-separated statuses"),
  priority: csv(TaskPriority).describe("Comma-separated priorities"),
  assignee: z.string().max(64).optional().describe('A user id, an agent id, or "none"'),
  tagId: Id.optional(),
  dueBefore: z.coerce.date().optional(),
  dueAfter: z.coerce.date().optional(),
  // A boolean from tRPC, "true"/"false" from a REST query string. (A union with z.stringbool()
  // made trpc-to-openapi refuse the whole document: query keys must be string-like or coercible.)
  overdue: z
    .preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean())
    .optional()
    .describe("Due before now and not done"),
  q: z.string().trim().max(200).optional().describe("Text search over title and description"),
  sort: z.enum(TASK_SORTS).default("position"),
  order: z.enum(["asc", "desc"]).default("asc"),
  cursor: z.string().max(500).optional().describe("The nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Sent by tRPC's infinite queries; pages only go forward. */
  direction: z.enum(["forward", "backward"]).optional(),
});
export type TaskListQuery = z.infer<typeof TaskListInput>;
export const TaskListOutput = z.object({ items: z.array(TaskOutput), nextCursor: z.string().nullable() });
export const TaskGetInput = z.strictObject({ boardId: Id, taskId: Id });
export const TaskUpdateInput = z.strictObject({
  boardId: Id,
  taskId: Id,
  title: Title.optional(),
  description: Description.optional(),
  priority: TaskPriority.optional(),
  dueAt: z.coerce.date().nullable().optional(),
  ...Assignee,
  tagIds: z.array(Id).max(50).optional(),
  fields: FieldValues.optional(),
});
export const TaskMoveInput = z.strictObject({
  boardId: Id,
  taskId: Id,
  status: TaskStatus,
  /** Place after this task in the target column (null: first). Omitted: end of the column. */
  afterTaskId: Id.nullable().optional(),
  /** Posted as a comment with the move; boards may require one for review. */
  comment: z.string().trim().min(1).max(20_000).optional(),
});
export const TaskDeleteInput = z.strictObject({ boardId: Id, taskId: Id });
export const TaskDependencyInput = z.strictObject({ boardId: Id, taskId: Id, dependsOnId: Id });
export const TaskHistoryInput = z.strictObject({ boardId: Id, taskId: Id });
export const BoardEventsInput = z.object({ boardId: Id, lastEventId: z.string().nullish() });

export const CommentOutput = z.object({
  id: z.string(),
  taskId: z.string(),
  authorKind: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  mentions: z.array(z.string()),
  editedAt: z.date().nullable(),
  createdAt: z.date(),
});
export const CommentListInput = z.strictObject({ boardId: Id, taskId: Id });
export const CommentCreateInput = z.strictObject({ boardId: Id, taskId: Id, body: z.string().trim().min(1, "Write something").max(20_000) });
export const CommentUpdateInput = z.strictObject({ boardId: Id, commentId: Id, body: z.string().trim().min(1, "Write something").max(20_000) });
export const CommentDeleteInput = z.strictObject({ boardId: Id, commentId: Id });
