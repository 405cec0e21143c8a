"use client";
// The board's tasks live in one react-query cache entry (all pages of tasks.list, loaded up
// front). Everything that changes tasks on screen — optimistic moves, mutation results and
// live events — goes through the helpers here, so ordering and dedup rules sit in one place.
// A later per-column, paginated view can swap `loadAllTasks` for a status-filtered infinite
// query without changing callers of `useBoardTaskCache`.
import { useCallback, useMemo } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { generateKeyBetween } from "fractional-indexing";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import { TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";

import { TASK_PAGE_SIZE } from "./constants";

export { TASK_PAGE_SIZE };

type TaskPage = { items: Task[]; nextCursor: string | null };
export type TaskColumns = Record<TaskStatusValue, Task[]>;

/** Fractional-index keys compare by code unit (as the database does), not by locale. */
export function compareTasks(a: Pick<Task, "position" | "id">, b: Pick<Task, "position" | "id">): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function groupByStatus(tasks: readonly Task[]): TaskColumns {
  const columns = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as TaskColumns;
  for (const task of tasks) columns[task.status]?.push(task);
  for (const status of TASK_STATUSES) columns[status].sort(compareTasks);
  return columns;
}

/** A key strictly between two neighbours; the server assigns the real one, this only orders the optimistic copy. */
export function positionBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    // Neighbours out of order (a live update landed mid-computation): any key near them will do until the server answers.
    return generateKeyBetween(before, null);
  }
}

/** Where a task would land in `status` after `afterTaskId` (null: top, undefined: bottom). */
export function optimisticPosition(tasks: readonly Task[], taskId: string, status: TaskStatusValue, afterTaskId: string | null | undefined): string {
  const column = tasks.filter((t) => t.status === status && t.id !== taskId).sort(compareTasks);
  if (afterTaskId === undefined) return positionBetween(column.at(-1)?.position ?? null, null);
  if (afterTaskId === null) return positionBetween(null, column[0]?.position ?? null);
  const index = column.findIndex((t) => t.id === afterTaskId);
  if (index === -1) return positionBetween(column.at(-1)?.position ?? null, null);
  return positionBetween(column[index].position, column[index + 1]?.position ?? null);
}

export function useBoardTasks(boardId: string, initialTasks?: Task[]) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const options = trpc.tasks.list.queryOptions({ boardId, limit: TASK_PAGE_SIZE });
  return useQuery({
    ...options,
    queryFn: async ({ signal }): Promise<TaskPage> => {
      const items: Task[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.tasks.list.query({ boardId, limit: TASK_PAGE_SIZE, cursor }, { signal });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { items, nextCursor: null };
    },
    initialData: initialTasks ? { items: initialTasks, nextCursor: null } : undefined,
  });
}

/** Writes to the board's task cache. */
export function useBoardTaskCache(boardId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = useMemo(() => trpc.tasks.list.queryKey({ boardId, limit: TASK_PAGE_SIZE }), [trpc, boardId]);

  const update = useCallback(
    (fn: (tasks: Task[]) => Task[]) =>
      queryClient.setQueryData(queryKey, (old: TaskPage | undefined) => (old ? { ...old, items: fn(old.items) } : old)),
    [queryClient, queryKey],
  );

  return useMemo(
    () => ({
      get: (): Task[] => (queryClient.getQueryData(queryKey) as TaskPage | undefined)?.items ?? [],
      find: (taskId: string): Task | undefined => ((queryClient.getQueryData(queryKey) as TaskPage | undefined)?.items ?? []).find((t) => t.id === taskId),
      /** Inserts or replaces by id; an older copy never overwrites a newer one. */
      upsert: (task: Task) =>
        update((tasks) => {
          const index = tasks.findIndex((t) => t.id === task.id);
          if (index === -1) return [...tasks, task];
          if (new Date(tasks[index].updatedAt).getTime() > new Date(task.updatedAt).getTime()) return tasks;
          const next = tasks.slice();
          next[index] = task;
          return next;
        }),
      /** Replaces unconditionally (optimistic writes and rollbacks). */
      replace: (task: Task) => update((tasks) => tasks.map((t) => (t.id === task.id ? task : t))),
      patch: (taskId: string, changes: Partial<Task>) => update((tasks) => tasks.map((t) => (t.id === taskId ? { ...t, ...changes } : t))),
      remove: (taskId: string) => update((tasks) => tasks.filter((t) => t.id !== taskId)),
      restore: (task: Task) => update((tasks) => (tasks.some((t) => t.id === task.id) ? tasks : [...tasks, task])),
      invalidate: () => queryClient.invalidateQueries({ queryKey }),
    }),
    [queryClient, queryKey, update],
  );
}
