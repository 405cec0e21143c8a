"use client";
// Task mutations with optimistic cache writes. While a change to a task is in flight, live
// events for that task are ignored (`pending`): the event could describe an older state than
// the one on screen, and the mutation's own result lands when it settles.
import { useMemo, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { errorMessage, useTRPC } from "@/lib/trpc/client";
import { STATUS_LABELS, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { optimisticPosition, useBoardTaskCache } from "./board-tasks";

export type PendingTasks = Map<string, number>;

export function usePendingTasks() {
  return useState<PendingTasks>(() => new Map())[0];
}

export type TaskChanges = {
  title?: string;
  description?: string;
  priority?: Task["priority"];
  dueAt?: Date | null;
  /** Setting one assignee kind clears the other (a task has one assignee). */
  assigneeUserId?: string | null;
  assigneeAgentId?: string | null;
  tagIds?: string[];
  fields?: Record<string, string | number | boolean | null>;
};

export type TaskCreateValues = {
  title: string;
  description: string;
  priority: Task["priority"];
  status: TaskStatusValue;
  dueAt?: Date | null;
  assigneeUserId?: string | null;
  assigneeAgentId?: string | null;
};

export function useTaskActions(boardId: string, pending: PendingTasks) {
  const trpc = useTRPC();
  const cache = useBoardTaskCache(boardId);
  const { mutateAsync: moveTask } = useMutation(trpc.tasks.move.mutationOptions());
  const { mutateAsync: updateTask } = useMutation(trpc.tasks.update.mutationOptions());
  const { mutateAsync: deleteTask } = useMutation(trpc.tasks.delete.mutationOptions());
  const { mutateAsync: createTask } = useMutation(trpc.tasks.create.mutationOptions());
  const { mutateAsync: addDependency } = useMutation(trpc.tasks.addDependency.mutationOptions());
  const { mutateAsync: removeDependency } = useMutation(trpc.tasks.removeDependency.mutationOptions());

  return useMemo(() => {
    const begin = (id: string) => pending.set(id, (pending.get(id) ?? 0) + 1);
    /** True when this was the last change in flight for the task. */
    const end = (id: string) => {
      const left = (pending.get(id) ?? 1) - 1;
      if (left <= 0) pending.delete(id);
      else pending.set(id, left);
      return left <= 0;
    };

    return {
      /** afterTaskId: null = top of the column, undefined = bottom, otherwise right after that task. */
      async move(taskId: string, status: TaskStatusValue, afterTaskId: string | null | undefined, comment?: string): Promise<boolean> {
        const before = cache.find(taskId);
        if (!before) return false;
        cache.replace({ ...before, status, position: optimisticPosition(cache.get(), taskId, status, afterTaskId) });
        begin(taskId);
        try {
          const task = await moveTask({ boardId, taskId, status, ...(afterTaskId !== undefined ? { afterTaskId } : {}), ...(comment ? { comment } : {}) });
          if (end(taskId)) cache.upsert(task);
          // Finishing (or reopening) a task changes what its dependents are blocked by.
          if ((before.status === "done") !== (task.status === "done"))
            for (const t of cache.get()) if (t.dependsOnIds.includes(taskId)) void cache.refresh(t.id);
          return true;
        } catch (error) {
          end(taskId);
          cache.replace(before);
          // The server's reason ("Blocked by 1 unfinished dependency: …") is what the operator acts on.
          toast.error(`Could not move “${before.title}” to ${STATUS_LABELS[status]}`, { description: errorMessage(error), duration: 8000 });
          return false;
        }
      },

      async update(taskId: string, changes: TaskChanges): Promise<boolean> {
        begin(taskId);
        try {
          const task = await updateTask({ boardId, taskId, ...changes });
          if (end(taskId)) cache.upsert(task);
          return true;
        } catch (error) {
          end(taskId);
          toast.error("Could not save the task", { description: errorMessage(error) });
          return false;
        }
      },

      async addDependency(taskId: string, dependsOnId: string): Promise<boolean> {
        try {
          cache.upsert(await addDependency({ boardId, taskId, dependsOnId }));
          return true;
        } catch (error) {
          toast.error("Could not add the dependency", { description: errorMessage(error) });
          return false;
        }
      },

      async removeDependency(taskId: string, dependsOnId: string): Promise<boolean> {
        try {
          cache.upsert(await removeDependency({ boardId, taskId, dependsOnId }));
          return true;
        } catch (error) {
          toast.error("Could not remove the dependency", { description: errorMessage(error) });
          return false;
        }
      },

      async remove(taskId: string): Promise<boolean> {
        const before = cache.find(taskId);
        cache.remove(taskId);
        begin(taskId);
        try {
          await deleteTask({ boardId, taskId });
          end(taskId);
          return true;
        } catch (error) {
          end(taskId);
          if (before) cache.restore(before);
          toast.error(`Could not delete “${before?.title ?? "task"}”`, { description: errorMessage(error) });
          return false;
        }
      },

      async create(input: TaskCreateValues): Promise<Task | null> {
        try {
          const task = await createTask({ boardId, ...input });
          cache.upsert(task);
          return task;
        } catch (error) {
          toast.error("Could not create the task", { description: errorMessage(error) });
          return null;
        }
      },
    };
  }, [boardId, cache, pending, moveTask, updateTask, deleteTask, createTask, addDependency, removeDependency]);
}

export type TaskActions = ReturnType<typeof useTaskActions>;
