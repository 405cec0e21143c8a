import { boardProcedure, router } from "../trpc";
import * as S from "@/lib/schemas/tasks";
import { OkOutput } from "@/lib/schemas/common";
import * as tasks from "../services/tasks/tasks";
import { streamEvents } from "../events/stream";

export const tasksRouter = router({
  list: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/tasks", tags: ["tasks"], summary: "Tasks by column and position, cursor-paginated" } })
    .input(S.TaskListInput)
    .output(S.TaskListOutput)
    .query(({ ctx, input }) => tasks.listTasks(ctx, input)),
  create: boardProcedure("write")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/tasks", tags: ["tasks"] } })
    .input(S.TaskCreateInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => tasks.createTask(ctx, input)),
  get: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/tasks/{taskId}", tags: ["tasks"] } })
    .input(S.TaskGetInput)
    .output(S.TaskOutput)
    .query(({ ctx, input }) => tasks.getTask(ctx, input)),
  update: boardProcedure("write")
    .meta({ openapi: { method: "PATCH", path: "/boards/{boardId}/tasks/{taskId}", tags: ["tasks"], summary: "Edit title, description or priority" } })
    .input(S.TaskUpdateInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => tasks.updateTask(ctx, input)),
  move: boardProcedure("write")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/tasks/{taskId}/move", tags: ["tasks"], summary: "Move a task to a column, optionally after another task" } })
    .input(S.TaskMoveInput)
    .output(S.TaskOutput)
    .mutation(({ ctx, input }) => tasks.moveTask(ctx, input)),
  delete: boardProcedure("write")
    .meta({ openapi: { method: "DELETE", path: "/boards/{boardId}/tasks/{taskId}", tags: ["tasks"] } })
    .input(S.TaskDeleteInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => tasks.deleteTask(ctx, input)),
  /** Live board changes over SSE; resumes from `lastEventId` (set by the client automatically). */
  events: boardProcedure("read")
    .input(S.BoardEventsInput)
    .subscription(({ ctx, input, signal }) =>
      streamEvents({ match: (e) => e.boardId === ctx.board.id, lastEventId: input.lastEventId, signal }),
    ),
});
