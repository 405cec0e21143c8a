// The kanban cache's shape and first-page inputs: a plain module (no "use client") because the
// server page builds the initial cache entry with the same functions.
import { TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { COLUMN_PAGE_SIZE } from "./constants";

export type TaskPage = { items: Task[]; nextCursor: string | null };
export type Key = Pick<Task, "position" | "id">;
export type ColumnPaging = { nextCursor: string | null; last: Key | null };
export type BoardTasks = { items: Task[]; columns: Record<TaskStatusValue, ColumnPaging> };

/** The input of each column's first page; the server page and the client use the same. */
export const columnPageInput = (boardId: string, status: TaskStatusValue, cursor?: string) => ({
  boardId,
  status: [status],
  limit: COLUMN_PAGE_SIZE,
  ...(cursor ? { cursor } : {}),
});

export const lastKey = (page: TaskPage): Key | null => {
  const last = page.items.at(-1);
  return last ? { position: last.position, id: last.id } : null;
};

/** Assembles the cache entry from each column's first page. */
export function boardTasksFromPages(pages: Record<TaskStatusValue, TaskPage>): BoardTasks {
  return {
    items: TASK_STATUSES.flatMap((s) => pages[s].items),
    columns: Object.fromEntries(TASK_STATUSES.map((s) => [s, { nextCursor: pages[s].nextCursor, last: pages[s].nextCursor ? lastKey(pages[s]) : null }])) as BoardTasks["columns"],
  };
}

