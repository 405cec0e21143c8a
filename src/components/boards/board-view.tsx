"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";
import { useTRPC } from "@/lib/trpc/client";
import type { Board } from "@/lib/schemas/boards";
import type { Task, TaskStatusValue } from "@/lib/schemas/tasks";
import { useBoardTasks } from "@/components/tasks/board-tasks";
import { usePendingTasks, useTaskActions } from "@/components/tasks/task-actions";
import { useBoardEvents } from "@/components/tasks/use-board-events";
import { KanbanBoard } from "@/components/tasks/kanban-board";
import { CreateTaskDialog } from "@/components/tasks/create-task-dialog";
import { TaskDetailDialog } from "@/components/tasks/task-detail-dialog";
import { DeleteBoardDialog, EditBoardDialog } from "./board-dialogs";
import { LiveIndicator } from "./live-indicator";

export function BoardView({ orgSlug, initialBoard, initialTasks, canDelete }: { orgSlug: string; initialBoard: Board; initialTasks: Task[]; canDelete: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const boardId = initialBoard.id;
  const boardKey = trpc.boards.get.queryKey({ boardId });

  const boardQuery = useQuery({ ...trpc.boards.get.queryOptions({ boardId }), initialData: initialBoard });
  const board = (boardQuery.data ?? initialBoard) as Board;
  const tasksQuery = useBoardTasks(boardId, initialTasks);
  const tasks = useMemo(() => tasksQuery.data?.items ?? [], [tasksQuery.data]);

  const pending = usePendingTasks();
  const actions = useTaskActions(boardId, pending);

  const [creatingIn, setCreatingIn] = useState<TaskStatusValue | null>(null);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Our own delete (in flight or done) also arrives as a board.deleted event: no "someone else" toast then.
  const leaving = useRef(false);

  const boardsHome = `/o/${orgSlug}`;
  const leave = useCallback(() => {
    leaving.current = true;
    void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() });
    router.push(boardsHome);
  }, [queryClient, router, boardsHome, trpc]);

  const live = useBoardEvents({
    boardId,
    pending,
    onBoardUpdated: (next) => queryClient.setQueryData(boardKey, (old: Board | undefined) => (old ? { ...old, ...next } : next)),
    onBoardDeleted: () => {
      if (leaving.current || deleting) return;
      toast.warning(`Board “${board.name}” was deleted`, { description: "Someone else deleted it; you are back on the boards list." });
      leave();
    },
  });

  // The open task follows the cache, so moves and edits from elsewhere show while the dialog is open.
  const openTask = openTaskId ? (tasks.find((t) => t.id === openTaskId) ?? null) : null;

  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-500 dark:text-slate-400">
            <Link href={boardsHome} className="rounded hover:text-slate-800 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-slate-200">
              Boards
            </Link>
            <span aria-hidden> / </span>
          </nav>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="truncate text-2xl font-semibold tracking-tight">{board.name}</h1>
            <LiveIndicator status={live.status} onReconnect={live.reconnect} />
          </div>
          {board.description ? <p className="mt-1 max-w-3xl text-sm whitespace-pre-line text-slate-600 dark:text-slate-400">{board.description}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => setCreatingIn("inbox")}>
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden>
              <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
            </svg>
            Add task
          </Button>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Edit board
          </Button>
          <Link
            href={`/o/${orgSlug}/activity?board=${encodeURIComponent(boardId)}`}
            className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-200/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            History
          </Link>
          {canDelete ? (
            <Button variant="ghost" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/50!" onClick={() => setDeleting(true)}>
              Delete board
            </Button>
          ) : null}
        </div>
      </header>

      {tasksQuery.isError && !tasksQuery.data ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
          Could not load the tasks: {tasksQuery.error.message}{" "}
          <button type="button" className="font-medium underline" onClick={() => void tasksQuery.refetch()}>
            Try again
          </button>
        </div>
      ) : !tasksQuery.data ? (
        <Spinner label="Loading tasks" />
      ) : (
        <KanbanBoard tasks={tasks} onMove={(taskId, status, afterTaskId) => void actions.move(taskId, status, afterTaskId)} onOpen={(task) => setOpenTaskId(task.id)} onAdd={setCreatingIn} />
      )}

      <CreateTaskDialog open={creatingIn !== null} initialStatus={creatingIn ?? "inbox"} onClose={() => setCreatingIn(null)} onCreate={actions.create} />
      <TaskDetailDialog task={openTask} onClose={() => setOpenTaskId(null)} actions={actions} />
      <EditBoardDialog board={board} open={editing} onClose={() => setEditing(false)} onSaved={(saved) => queryClient.setQueryData(boardKey, saved)} />
      {canDelete ? (
        <DeleteBoardDialog
          board={board}
          taskCount={tasks.length}
          open={deleting}
          onClose={() => setDeleting(false)}
          onDeleted={(deletedTasks) => {
            toast.success(`Deleted board “${board.name}”`, { description: deletedTasks === 1 ? "1 task deleted" : `${deletedTasks} tasks deleted` });
            leave();
          }}
        />
      ) : null}
    </div>
  );
}
