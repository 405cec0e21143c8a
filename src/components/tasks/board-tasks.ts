"use client";
// The board's tasks live in one react-query cache entry. Each kanban column loads its first
// page (tasks.list {status, limit}) and more on demand, so a 10,000-task board renders a few
// hundred cards. Everything that changes tasks on screen — optimistic moves, mutation results and
// live events — goes through the helpers here, so ordering and dedup rules sit in one place.
//
// Paging invariant: a column with more pages on the server shows only tasks up to its last
// loaded position (`columns[s].last`). A task that lands past it (a live move to the bottom of a
// long column) belongs to pages not loaded yet and stays hidden until "Load more" reaches it.
import { useCallback, useMemo } from "react";
import { useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { generateKeyBetween } from "fractional-indexing";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import { TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";

import { boardTasksFromPages, columnPageInput, lastKey, type BoardTasks, type Key, type TaskPage } from "./board-pages";

export { boardTasksFromPages, columnPageInput, type BoardTasks };
export type TaskColumns = Record<TaskStatusValue, Task[]>;

/** Fractional-index keys compare by code unit (as the database does), not by locale. */
export function compareTasks(a: Key, b: Key): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function groupByStatus(tasks: readonly Task[], paging?: BoardTasks["columns"]): TaskColumns {
  const columns = Object.fromEntries(TASK_STATUSES.map((s) => [s, [] as Task[]])) as TaskColumns;
  for (const task of tasks) {
    const cut = paging?.[task.status]?.last;
    if (cut && compareTasks(task, cut) > 0) continue;
    columns[task.status]?.push(task);
  }
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

/** Under tasks.list's path (invalidating tasks.list reaches it), but its own shape: columns, not one page. */
function useBoardTasksKey(boardId: string): QueryKey {
  const trpc = useTRPC();
  return useMemo(() => [...trpc.tasks.list.pathKey(), { input: { boardId, kanban: true }, type: "query" }], [trpc, boardId]);
}

export function useBoardTasks(boardId: string, initial?: BoardTasks, enabled = true) {
  const client = useTRPCClient();
  const queryKey = useBoardTasksKey(boardId);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<BoardTasks> => {
      const pages = await Promise.all(TASK_STATUSES.map((s) => client.tasks.list.query(columnPageInput(boardId, s), { signal })));
      return boardTasksFromPages(Object.fromEntries(TASK_STATUSES.map((s, i) => [s, pages[i]])) as Record<TaskStatusValue, TaskPage>);
    },
    initialData: initial,
    enabled,
  });
}

const newer = (a: Task, b: Task) => new Date(a.updatedAt).getTime() > new Date(b.updatedAt).getTime();

/** Writes to the board's task cache (and to the open task's tasks.get entry, so the detail panel follows). */
export function useBoardTaskCache(boardId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const queryKey = useBoardTasksKey(boardId);

  const update = useCallback(
    (fn: (tasks: Task[]) => Task[]) => queryClient.setQueryData(queryKey, (old: BoardTasks | undefined) => (old ? { ...old, items: fn(old.items) } : old)),
    [queryClient, queryKey],
  );
  const setSingle = useCallback(
    (task: Task, force: boolean) =>
      queryClient.setQueryData(trpc.tasks.get.queryKey({ boardId, taskId: task.id }), (old: Task | undefined) => (old && !force && newer(old, task) ? old : old ? task : undefined)),
    [queryClient, trpc, boardId],
  );

  return useMemo(() => {
    const items = (): Task[] => (queryClient.getQueryData(queryKey) as BoardTasks | undefined)?.items ?? [];
    return {
      get: items,
      find: (taskId: string): Task | undefined => items().find((t) => t.id === taskId) ?? (queryClient.getQueryData(trpc.tasks.get.queryKey({ boardId, taskId })) as Task | undefined),
      /** Inserts or replaces by id; an older copy never overwrites a newer one. */
      upsert: (task: Task) => {
        setSingle(task, false);
        update((tasks) => {
          const index = tasks.findIndex((t) => t.id === task.id);
          if (index === -1) return [...tasks, task];
          if (newer(tasks[index], task)) return tasks;
          const next = tasks.slice();
          next[index] = task;
          return next;
        });
      },
      /** Replaces unconditionally (optimistic writes and rollbacks). */
      replace: (task: Task) => {
        setSingle(task, true);
        update((tasks) => (tasks.some((t) => t.id === task.id) ? tasks.map((t) => (t.id === task.id ? task : t)) : [...tasks, task]));
      },
      remove: (taskId: string) => update((tasks) => tasks.filter((t) => t.id !== taskId)),
      restore: (task: Task) => update((tasks) => (tasks.some((t) => t.id === task.id) ? tasks : [...tasks, task])),
      /** The next page of one column. */
      loadMore: async (status: TaskStatusValue) => {
        const data = queryClient.getQueryData(queryKey) as BoardTasks | undefined;
        const cursor = data?.columns[status].nextCursor;
        if (!cursor) return;
        const page = await client.tasks.list.query(columnPageInput(boardId, status, cursor));
        queryClient.setQueryData(queryKey, (old: BoardTasks | undefined) => {
          if (!old) return old;
          const byId = new Map(old.items.map((t) => [t.id, t]));
          for (const task of page.items) {
            const have = byId.get(task.id);
            if (!have || !newer(have, task)) byId.set(task.id, task);
          }
          return { items: [...byId.values()], columns: { ...old.columns, [status]: { nextCursor: page.nextCursor, last: page.nextCursor ? lastKey(page) : null } } };
        });
      },
      /** Refetches one task (its comment count or blockers changed) without reloading the columns. */
      refresh: async (taskId: string) => {
        try {
          const task = await client.tasks.get.query({ boardId, taskId });
          setSingle(task, false);
          update((tasks) => tasks.map((t) => (t.id === task.id && !newer(t, task) ? task : t)));
        } catch {
          // Deleted meanwhile: its task.deleted event removes it.
        }
      },
      invalidate: () => queryClient.invalidateQueries({ queryKey }),
    };
  }, [queryClient, queryKey, update, setSingle, client, boardId, trpc]);
}
