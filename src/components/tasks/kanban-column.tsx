"use client";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { STATUS_LABELS, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { useState } from "react";
import { cn } from "@/lib/cn";
import { Button } from "@/components/ui/button";
import { SortableTaskCard } from "./task-card";

export const STATUS_ACCENT: Record<TaskStatusValue, string> = {
  inbox: "bg-slate-400 dark:bg-slate-500",
  in_progress: "bg-indigo-500",
  review: "bg-amber-500",
  done: "bg-emerald-500",
};

export function KanbanColumn({
  status,
  tasks,
  total,
  hasMore,
  onLoadMore,
  onOpen,
  onAdd,
  readOnly,
}: {
  status: TaskStatusValue;
  tasks: Task[];
  /** All tasks in the column on the server, when known. */
  total: number | null;
  hasMore: boolean;
  onLoadMore: (status: TaskStatusValue) => Promise<void>;
  onOpen: (task: Task) => void;
  onAdd?: (status: TaskStatusValue) => void;
  readOnly?: boolean;
}) {
  const [loading, setLoading] = useState(false);
  const count = hasMore ? Math.max(total ?? 0, tasks.length) : tasks.length;
  // The column itself is a drop target so empty columns (and the space below the last card) accept drops.
  const { setNodeRef, isOver } = useDroppable({ id: status, data: { type: "column", status } });
  const label = STATUS_LABELS[status];

  return (
    <section
      aria-label={label}
      className="flex min-h-0 w-72 shrink-0 flex-col rounded-xl border border-slate-200 bg-slate-100/70 md:w-auto md:min-w-0 md:flex-1 dark:border-slate-800 dark:bg-slate-900/50"
    >
      <header className="flex items-center justify-between gap-2 px-3 pt-3 pb-2">
        <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
          <span className={cn("size-2 rounded-full", STATUS_ACCENT[status])} aria-hidden />
          {label}
          <span className="rounded-full bg-slate-200 px-1.5 py-0.5 text-xs font-medium tabular-nums text-slate-600 dark:bg-slate-800 dark:text-slate-300" aria-hidden>
            {count.toLocaleString()}
          </span>
          <span className="sr-only">, {count === 1 ? "1 task" : `${count} tasks`}</span>
        </h2>
        {onAdd && !readOnly ? (
        <button
          type="button"
          onClick={() => onAdd(status)}
          aria-label={`New task in ${label}`}
          title={`New task in ${label}`}
          className="inline-flex size-7 items-center justify-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden>
            <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
          </svg>
        </button>
        ) : null}
      </header>
      <SortableContext id={status} items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <ul
          ref={setNodeRef}
          aria-label={label}
          className={cn(
            "flex min-h-[50vh] flex-1 flex-col gap-2 rounded-b-xl px-2 pb-3 transition-colors",
            isOver && "bg-indigo-50/70 dark:bg-indigo-950/30",
          )}
        >
          {tasks.map((task) => (
            <SortableTaskCard key={task.id} task={task} onOpen={onOpen} />
          ))}
          {tasks.length === 0 && !hasMore ? (
            <li className="list-none rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              {readOnly ? "No tasks" : "Drop tasks here"}
            </li>
          ) : null}
          {hasMore ? (
            <li className="list-none pt-1 text-center">
              <Button
                variant="ghost"
                size="sm"
                busy={loading}
                aria-label={`Load more tasks in ${label}`}
                onClick={async () => {
                  setLoading(true);
                  try {
                    await onLoadMore(status);
                  } finally {
                    setLoading(false);
                  }
                }}
              >
                Load more{total !== null && total > tasks.length ? ` (${(total - tasks.length).toLocaleString()} more)` : ""}
              </Button>
            </li>
          ) : null}
        </ul>
      </SortableContext>
    </section>
  );
}
