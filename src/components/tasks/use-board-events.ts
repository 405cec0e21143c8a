"use client";
// Live board changes over SSE. Task payloads are full tasks, so they are applied to the cache
// directly (upsert by id, which also absorbs the echo of our own changes); a resync means the
// server could not replay what we missed, so everything is refetched.
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { Board } from "@/lib/schemas/boards";
import type { Task } from "@/lib/schemas/tasks";
import { useTRPC } from "@/lib/trpc/client";
import { useBoardTaskCache } from "./board-tasks";
import type { PendingTasks } from "./task-actions";

import type { LiveStatus } from "@/components/ui/live-badge";
export type { LiveStatus };

export function useBoardEvents(opts: {
  boardId: string;
  pending: PendingTasks;
  onBoardUpdated: (board: Board) => void;
  onBoardDeleted: () => void;
  /** Any change to the board's tasks, comments included (list view and counts refresh on it). */
  onTasksChanged?: (event: { type: string; taskId: string | null }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cache = useBoardTaskCache(opts.boardId);
  // useSubscription calls the latest callbacks without resubscribing when they change.
  const subscription = useSubscription(
    trpc.tasks.events.subscriptionOptions(
      { boardId: opts.boardId },
      {
        onData: (item) => {
          const event = item.data;
          const { pending, onBoardUpdated, onBoardDeleted, onTasksChanged, boardId } = opts;
          const targetId = "targetId" in event ? (event.targetId as string) : null;
          switch (event.type) {
            case "task.created":
            case "task.updated":
            case "task.moved": {
              const task = event.payload as Task;
              onTasksChanged?.({ type: event.type, taskId: task?.id ?? null });
              if (!task?.id || pending.has(task.id)) return;
              const before = cache.find(task.id);
              cache.upsert(task);
              // Finishing (or reopening) a task changes what its dependents are blocked by.
              if (before && (before.status === "done") !== (task.status === "done"))
                for (const t of cache.get()) if (t.dependsOnIds.includes(task.id)) void cache.refresh(t.id);
              return;
            }
            case "task.deleted":
              onTasksChanged?.({ type: event.type, taskId: targetId });
              if (targetId && !pending.has(targetId)) cache.remove(targetId);
              return;
            case "board.updated":
            case "board.archived":
            case "board.restored":
              onBoardUpdated(event.payload as Board);
              return;
            case "board.deleted":
              onBoardDeleted();
              return;
            case "stream.resync":
              void cache.invalidate();
              void queryClient.invalidateQueries({ queryKey: trpc.boards.get.queryKey({ boardId }) });
              onTasksChanged?.({ type: event.type, taskId: null });
              return;
            default:
              // Tags and custom fields are org-wide: refresh the lookups cards and the panel use.
              if (event.type.startsWith("tag.")) void queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey() });
              if (event.type.startsWith("field.")) void queryClient.invalidateQueries({ queryKey: trpc.customFields.list.queryKey() });
              // Other task events (comments, dependencies, approvals, …) may change what tasks show: refetch is cheap and safe.
              if ("targetType" in event && event.targetType === "task") {
                onTasksChanged?.({ type: event.type, taskId: targetId });
                if (targetId && !pending.has(targetId)) void cache.refresh(targetId);
                if (targetId && event.type.startsWith("comment.")) void queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ boardId, taskId: targetId }) });
              }
          }
        },
      },
    ),
  );

  const status: LiveStatus = subscription.status === "pending" ? "live" : subscription.status === "error" ? "offline" : "connecting";
  return { status, reconnect: subscription.reset, error: subscription.error };
}
