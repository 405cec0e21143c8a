import { z } from "zod";
import { boardProcedure, router } from "../trpc";
import * as S from "@/lib/schemas/tasks";
import { OkOutput } from "@/lib/schemas/common";
import { ActivityOutput } from "@/lib/schemas/activity";
import { createTask } from "../services/tasks/create-task";
import { updateTask } from "../services/tasks/update-task";
import { moveTask } from "../services/tasks/move-task";
import { deleteTask } from "../services/tasks/delete-task";
import { getTask, listTasks, taskHistory } from "../services/tasks/list-tasks";
import { addDependency, removeDependency } from "../services/tasks/dependencies";
import * as comments from "../services/tasks/comments";
import { streamEvents } from "../events/stream";

export const tasksRouter = router({
  list: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/tasks", tags: ["tasks"], summary: "Tasks with filters, text search, sorting and cursor pagination" } })
    .input(S.TaskListInput)
    .output(S.TaskListOutput)
    .query(({ ctx, input }) => listTasks(ctx, input)),
  create: boardProcedure("write")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/tasks", tags: ["tasks"] } })
    .input(S.TaskCreateInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => createTask(ctx, input)),
  get: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/tasks/{taskId}", tags: ["tasks"] } })
    .input(S.TaskGetInput)
    .output(S.TaskOutput)
    .query(({ ctx, input }) => getTask(ctx, input)),
  update: boardProcedure("write")
    .meta({ openapi: { method: "PATCH", path: "/boards/{boardId}/tasks/{taskId}", tags: ["tasks"], summary: "Edit a task's fields, assignee, tags and custom fields" } })
    .input(S.TaskUpdateInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => updateTask(ctx, input)),
  move: boardProcedure("write")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/tasks/{taskId}/move", tags: ["tasks"], summary: "Change status and/or position; the board's rules apply" } })
    .input(S.TaskMoveInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => moveTask(ctx, input)),
  delete: boardProcedure("write")
    .meta({ openapi: { method: "DELETE", path: "/boards/{boardId}/tasks/{taskId}", tags: ["tasks"] } })
    .input(S.TaskDeleteInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => deleteTask(ctx, input)),
  addDependency: boardProcedure("write")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/tasks/{taskId}/dependencies", tags: ["tasks"], summary: "Make the task depend on another (no self, no cycles)" } })
    .input(S.TaskDependencyInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => addDependency(ctx, input)),
  removeDependency: boardProcedure("write")
    .meta({ openapi: { method: "DELETE", path: "/boards/{boardId}/tasks/{taskId}/dependencies/{dependsOnId}", tags: ["tasks"] } })
    .input(S.TaskDependencyInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => removeDependency(ctx, input)),
  history: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/tasks/{taskId}/history", tags: ["tasks"], summary: "The task's history from the activity log, oldest first" } })
    .input(S.TaskHistoryInput)
    .output(z.array(ActivityOutput))
    .query(({ ctx, input }) => taskHistory(ctx, input)),
  /** Live board changes over SSE; resumes from `lastEventId` (set by the client automatically). */
  events: boardProcedure("read")
    .input(S.BoardEventsInput)
    .subscription(({ ctx, input, signal }) =>
      streamEvents({
        // The board's own changes, plus the org's tags and custom fields its tasks display.
        match: (e) => e.boardId === ctx.board.id || (e.orgId === ctx.org.id && e.boardId === null && (e.type.startsWith("tag.") || e.type.startsWith("field."))),
        lastEventId: input.lastEventId,
        signal,
      }),
    ),
});

export const commentsRouter = router({
  list: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/tasks/{taskId}/comments", tags: ["comments"] } })
    .input(S.CommentListInput)
    .output(z.array(S.CommentOutput))
    .query(({ ctx, input }) => comments.listComments(ctx, input)),
  create: boardProcedure("write")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/tasks/{taskId}/comments", tags: ["comments"], summary: "Comment in markdown; @email mentions a member" } })
    .input(S.CommentCreateInput)
    .output(S.CommentOutput)
    .mutation(({ ctx, input }) => comments.createComment(ctx, input)),
  update: boardProcedure("write")
    .meta({ openapi: { method: "PATCH", path: "/boards/{boardId}/comments/{commentId}", tags: ["comments"], summary: "Edit your own comment" } })
    .input(S.CommentUpdateInput)
    .output(S.CommentOutput)
    .mutation(({ ctx, input }) => comments.updateComment(ctx, input)),
  delete: boardProcedure("write")
    .meta({ openapi: { method: "DELETE", path: "/boards/{boardId}/comments/{commentId}", tags: ["comments"], summary: "Delete your own comment" } })
    .input(S.CommentDeleteInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => comments.deleteComment(ctx, input)),
});
