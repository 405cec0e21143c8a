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

export type LiveStatus = "connecting" | "live" | "offline";

export function useBoardEvents(opts: {
  boardId: string;
  pending: PendingTasks;
  onBoardUpdated: (board: Board) => void;
  onBoardDeleted: () => void;
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
          const { pending, onBoardUpdated, onBoardDeleted, boardId } = opts;
          switch (event.type) {
            case "task.created":
            case "task.updated":
            case "task.moved": {
              const task = event.payload as Task;
              if (!task?.id || pending.has(task.id)) return;
              cache.upsert(task);
              return;
            }
            case "task.deleted":
              if (!pending.has(event.targetId)) cache.remove(event.targetId);
              return;
            case "board.updated":
              onBoardUpdated(event.payload as Board);
              return;
            case "board.deleted":
              onBoardDeleted();
              return;
            case "stream.resync":
              void cache.invalidate();
              void queryClient.invalidateQueries({ queryKey: trpc.boards.get.queryKey({ boardId }) });
              return;
            default:
              // Other board events (comments, approvals, …) may change what tasks show: refetch is cheap and safe.
              if ("targetType" in event && event.targetType === "task") void cache.invalidate();
          }
        },
      },
    ),
  );

  const status: LiveStatus = subscription.status === "pending" ? "live" : subscription.status === "error" ? "offline" : "connecting";
  return { status, reconnect: subscription.reset, error: subscription.error };
}
