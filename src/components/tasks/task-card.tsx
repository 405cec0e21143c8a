"use client";
import type { CSSProperties, KeyboardEvent } from "react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { Task } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";
import { PriorityBadge } from "./priority-badge";

function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function TaskCardBody({ task }: { task: Task }) {
  const summary = excerpt(task.description);
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <span className="min-w-0 flex-1 text-sm font-medium leading-snug break-words text-slate-900 dark:text-slate-100">{task.title}</span>
        <PriorityBadge priority={task.priority} />
      </div>
      {summary ? <p className="mt-1.5 line-clamp-2 text-xs leading-relaxed text-slate-500 dark:text-slate-400">{summary}</p> : null}
    </>
  );
}

const cardClass =
  "block w-full cursor-grab rounded-lg border border-slate-200 bg-white p-3 text-left shadow-sm transition-shadow hover:border-slate-300 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 active:cursor-grabbing dark:border-slate-700/80 dark:bg-slate-900 dark:hover:border-slate-600";

/**
 * A draggable card. Space picks it up (arrow keys move, Space/Enter drops, Escape cancels);
 * Enter or a click opens it. Its accessible name is the task title.
 */
export function SortableTaskCard({ task, onOpen }: { task: Task; onOpen: (task: Task) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { type: "task", status: task.status },
  });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || isDragging) return;
    if (event.key === "Enter") {
      event.preventDefault();
      onOpen(task);
    }
  };

  return (
    <li ref={setNodeRef} style={style} className={cn("list-none", isDragging && "relative z-10")}>
      <div
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        onKeyDown={onKeyDown}
        onClick={() => onOpen(task)}
        aria-label={task.title}
        data-testid="task-card"
        data-task-id={task.id}
        className={cn(cardClass, isDragging && "opacity-40")}
      >
        <TaskCardBody task={task} />
      </div>
    </li>
  );
}

/** The copy that follows the pointer while dragging. */
export function TaskCardOverlay({ task }: { task: Task }) {
  return (
    <div className={cn(cardClass, "cursor-grabbing shadow-lg ring-2 ring-indigo-500/40")} aria-hidden>
      <TaskCardBody task={task} />
    </div>
  );
}
