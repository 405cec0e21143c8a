import { z } from "zod";
import { Id, PageInput } from "./common";

export const TASK_STATUSES = ["inbox", "in_progress", "review", "done"] as const;
export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export type TaskStatusValue = z.infer<typeof TaskStatus>;

export const STATUS_LABELS: Record<TaskStatusValue, string> = {
  inbox: "Inbox",
  in_progress: "In progress",
  review: "Review",
  done: "Done",
};

const Title = z.string().trim().min(1, "A task needs a title").max(300);
const Description = z.string().max(50_000);

export const TaskOutput = z.object({
  id: z.string(),
  boardId: z.string(),
  title: z.string(),
  description: z.string(),
  status: TaskStatus,
  priority: TaskPriority,
  position: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Task = z.infer<typeof TaskOutput>;

export const TaskCreateInput = z.strictObject({
  boardId: Id,
  title: Title,
  description: Description.default(""),
  status: TaskStatus.default("inbox"),
  priority: TaskPriority.default("medium"),
});
export const TaskListInput = z.strictObject({ boardId: Id, status: TaskStatus.optional(), ...PageInput });
export const TaskListOutput = z.object({ items: z.array(TaskOutput), nextCursor: z.string().nullable() });
export const TaskGetInput = z.strictObject({ boardId: Id, taskId: Id });
export const TaskUpdateInput = z.strictObject({
  boardId: Id,
  taskId: Id,
  title: Title.optional(),
  description: Description.optional(),
  priority: TaskPriority.optional(),
});
export const TaskMoveInput = z.strictObject({
  boardId: Id,
  taskId: Id,
  status: TaskStatus,
  /** Place after this task in the target column (null: first). Omitted: end of the column. */
  afterTaskId: Id.nullable().optional(),
});
export const TaskDeleteInput = z.strictObject({ boardId: Id, taskId: Id });
export const BoardEventsInput = z.object({ boardId: Id, lastEventId: z.string().nullish() });
