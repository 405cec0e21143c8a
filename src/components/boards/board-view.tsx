"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/cn";
import type { Board } from "@/lib/schemas/boards";
import type { Task, TaskStatusValue } from "@/lib/schemas/tasks";
import { useBoardTaskCache, useBoardTasks, type BoardTasks } from "@/components/tasks/board-tasks";
import { usePendingTasks, useTaskActions } from "@/components/tasks/task-actions";
import { useBoardEvents } from "@/components/tasks/use-board-events";
import { isPast, useBoardLookups } from "@/components/tasks/board-lookups";
import { KanbanBoard } from "@/components/tasks/kanban-board";
import { CardInfoContext, type CardInfo } from "@/components/tasks/task-card";
import { CreateTaskDialog } from "@/components/tasks/create-task-dialog";
import { TaskPanel } from "@/components/tasks/task-panel";
import { TaskListView } from "@/components/tasks/task-list-view";
import { ReviewCommentDialog } from "@/components/tasks/review-comment-dialog";
import { useUrlState } from "@/components/tasks/url-state";
import { LiveBadge } from "@/components/ui/live-badge";

export type BoardWithAccess = Board & { access: "read" | "write" };

type PendingReview = { task: Task; afterTaskId: string | null | undefined };

export function BoardView({ orgSlug, initialBoard, initialTasks, isAdmin }: { orgSlug: string; initialBoard: BoardWithAccess; initialTasks: BoardTasks | null; isAdmin: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const boardId = initialBoard.id;
  const boardKey = trpc.boards.get.queryKey({ boardId });
  const { params, set } = useUrlState();
  const view = params.get("view") === "list" ? "list" : "board";
  const openTaskId = params.get("task");

  const boardQuery = useQuery({ ...trpc.boards.get.queryOptions({ boardId }), initialData: initialBoard });
  const board = (boardQuery.data ?? initialBoard) as BoardWithAccess;
  const archived = board.archivedAt !== null;
  const canWrite = board.access === "write" && !archived;

  const tasksQuery = useBoardTasks(boardId, initialTasks ?? undefined, view === "board");
  const cache = useBoardTaskCache(boardId);
  const lookups = useBoardLookups(board.orgId, boardId);
  // Column totals for columns not fully loaded come from the boards list (one grouped count).
  const counts = useQuery({ ...trpc.boards.list.queryOptions({ orgId: board.orgId, archived: "include" }), select: (boards) => boards.find((b) => b.id === boardId)?.taskCounts ?? null });

  const pending = usePendingTasks();
  const actions = useTaskActions(boardId, pending);

  const [creatingIn, setCreatingIn] = useState<TaskStatusValue | null>(null);
  const [review, setReview] = useState<PendingReview | null>(null);
  const [listRefresh, setListRefresh] = useState(0);
  const leaving = useRef(false);

  const boardsHome = `/o/${orgSlug}`;
  const leave = useCallback(() => {
    leaving.current = true;
    void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() });
    router.push(boardsHome);
  }, [queryClient, router, boardsHome, trpc]);

  // Bursts of live changes (an agent importing 500 tasks) become one refresh of counts and the list.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(refreshTimer.current ?? undefined), []);
  const scheduleRefresh = () => {
    clearTimeout(refreshTimer.current ?? undefined);
    refreshTimer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: trpc.boards.list.queryKey({ orgId: board.orgId, archived: "include" }) });
      setListRefresh((n) => n + 1);
    }, 600);
  };

  const live = useBoardEvents({
    boardId,
    pending,
    onBoardUpdated: (next) => queryClient.setQueryData(boardKey, (old: BoardWithAccess | undefined) => (old ? { ...old, ...next } : old)),
    onBoardDeleted: () => {
      if (leaving.current) return;
      toast.warning(`Board “${board.name}” was deleted`, { description: "Someone else deleted it; you are back on the boards list." });
      leave();
    },
    onTasksChanged: scheduleRefresh,
  });

  const openTask = useCallback((taskId: string) => set({ task: taskId }, "push"), [set]);
  const closeTask = useCallback(() => set({ task: null }, "push"), [set]);
  const switchView = (next: "board" | "list") => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    set({ view: next === "list" ? "list" : null }, "push");
  };
  const viewHref = (next: "board" | "list") => {
    const p = new URLSearchParams(params.toString());
    if (next === "list") p.set("view", "list");
    else p.delete("view");
    p.delete("task");
    const qs = p.toString();
    return qs ? `?${qs}` : "?";
  };

  /** Moves through the board's rules: review may need a comment first. */
  const requestMove = useCallback(
    (task: Task, status: TaskStatusValue, afterTaskId: string | null | undefined) => {
      if (status === "review" && task.status !== "review" && board.rules.commentForReview) {
        setReview({ task, afterTaskId });
        return;
      }
      void actions.move(task.id, status, afterTaskId);
    },
    [actions, board.rules.commentForReview],
  );

  const data = tasksQuery.data;
  const cardInfo: CardInfo = useMemo(() => {
    const titles = new Map((data?.items ?? []).map((t) => [t.id, t.title]));
    return { membersById: lookups.membersById, agentsById: lookups.agentsById, tagsById: lookups.tagsById, titleOf: (id) => titles.get(id) };
  }, [data, lookups.membersById, lookups.agentsById, lookups.tagsById]);

  const targetDate = board.targetDate ? new Date(board.targetDate) : null;
  const targetPast = targetDate && isPast(targetDate);
  const tabClass = (on: boolean) =>
    cn(
      "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
      on ? "bg-white text-slate-900 shadow-sm dark:bg-slate-700 dark:text-white" : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100",
    );

  return (
    <div className="flex flex-col gap-5">
      {archived ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
          <span>
            <strong className="font-semibold">This board is archived.</strong> It is read-only: restore it to change tasks.
          </span>
          {isAdmin ? (
            <Link href={`/o/${orgSlug}/boards/${boardId}/settings`} className="rounded font-medium underline focus-visible:outline-2 focus-visible:outline-indigo-500">
              Restore in settings
            </Link>
          ) : null}
        </div>
      ) : board.access === "read" ? (
        <div role="status" className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-2.5 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
          You have read-only access to this board.
        </div>
      ) : null}

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
            <LiveBadge status={live.status} onReconnect={live.reconnect} />
          </div>
          {board.objective || targetDate ? (
            <p className="mt-1.5 flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              {board.objective ? (
                <span className="text-slate-700 dark:text-slate-300">
                  <span className="font-medium text-slate-500 dark:text-slate-400">Objective: </span>
                  {board.objective}
                </span>
              ) : null}
              {targetDate ? (
                <span className={cn("inline-flex items-center gap-1", targetPast ? "font-medium text-red-600 dark:text-red-400" : "text-slate-600 dark:text-slate-400")}>
                  <span className="font-medium text-slate-500 dark:text-slate-400">Target:</span>
                  <time dateTime={targetDate.toISOString()}>{targetDate.toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" })}</time>
                  {targetPast ? " (passed)" : null}
                </span>
              ) : null}
            </p>
          ) : null}
          {board.description ? <p className="mt-1 max-w-3xl text-sm whitespace-pre-line text-slate-600 dark:text-slate-400">{board.description}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {canWrite ? (
            <Button onClick={() => setCreatingIn("inbox")}>
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden>
                <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
              </svg>
              Add task
            </Button>
          ) : null}
          <Link
            href={`/o/${orgSlug}/activity?board=${encodeURIComponent(boardId)}`}
            className="inline-flex h-10 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-200/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Activity
          </Link>
          {isAdmin ? (
            <Link
              href={`/o/${orgSlug}/boards/${boardId}/settings`}
              className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
            >
              Board settings
            </Link>
          ) : null}
        </div>
      </header>

      <nav aria-label="View" className="flex items-center justify-between gap-3">
        <div className="inline-flex gap-1 rounded-lg bg-slate-200/70 p-1 dark:bg-slate-800">
          <a href={viewHref("board")} onClick={switchView("board")} aria-current={view === "board" ? "page" : undefined} className={tabClass(view === "board")}>
            Board
          </a>
          <a href={viewHref("list")} onClick={switchView("list")} aria-current={view === "list" ? "page" : undefined} className={tabClass(view === "list")}>
            List
          </a>
        </div>
        {view === "board" && canWrite && board.rules.commentForReview ? <p className="text-xs text-slate-500 dark:text-slate-400">Moving a task to Review asks for a comment.</p> : null}
      </nav>

      <CardInfoContext value={cardInfo}>
        {view === "list" ? (
          <TaskListView boardId={boardId} lookups={lookups} refreshSignal={listRefresh} onOpen={openTask} />
        ) : tasksQuery.isError && !data ? (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
            Could not load the tasks: {tasksQuery.error.message}{" "}
            <button type="button" className="font-medium underline" onClick={() => void tasksQuery.refetch()}>
              Try again
            </button>
          </div>
        ) : !data ? (
          <Spinner label="Loading tasks" />
        ) : (
          <KanbanBoard
            data={data}
            totals={counts.data ?? null}
            readOnly={!canWrite}
            onMove={(taskId, status, afterTaskId) => {
              const task = cache.find(taskId);
              if (task) requestMove(task, status, afterTaskId);
            }}
            onOpen={(task) => openTask(task.id)}
            onAdd={canWrite ? setCreatingIn : undefined}
            onLoadMore={async (status) => {
              try {
                await cache.loadMore(status);
              } catch (error) {
                toast.error("Could not load more tasks", { description: error instanceof Error ? error.message : undefined });
                void cache.invalidate();
              }
            }}
          />
        )}
      </CardInfoContext>

      {canWrite ? <CreateTaskDialog open={creatingIn !== null} initialStatus={creatingIn ?? "inbox"} onClose={() => setCreatingIn(null)} onCreate={actions.create} members={lookups.members} agents={lookups.agents} /> : null}
      <TaskPanel
        orgId={board.orgId}
        boardId={boardId}
        taskId={openTaskId}
        lookups={lookups}
        actions={actions}
        canWrite={canWrite}
        onClose={closeTask}
        onOpenTask={openTask}
        onMove={(task, status) => requestMove(task, status, undefined)}
      />
      <ReviewCommentDialog
        taskTitle={review?.task.title ?? null}
        mentionables={lookups.members}
        onCancel={() => setReview(null)}
        onSubmit={(comment) => {
          if (review) void actions.move(review.task.id, "review", review.afterTaskId, comment);
          setReview(null);
        }}
      />
    </div>
  );
}
