"use client";
import { createContext, useContext, type CSSProperties, type KeyboardEvent } from "react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { Task } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";
import { PriorityBadge } from "./priority-badge";
import type { Agent, Member, Tag } from "./board-lookups";
import { AgentAvatar, Avatar, BlockedBadge, DueDate, TagChip } from "./task-bits";

/** What cards look up by id: assignees (people and agents), tags and the titles of blocking tasks. */
export type CardInfo = { membersById: Map<string, Member>; agentsById: Map<string, Agent>; tagsById: Map<string, Tag>; titleOf: (taskId: string) => string | undefined };
export const CardInfoContext = createContext<CardInfo>({ membersById: new Map(), agentsById: new Map(), tagsById: new Map(), titleOf: () => undefined });

/** Plain text of a markdown description: links keep their text, syntax characters go. */
function excerpt(text: string, max = 140): string {
  const flat = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function TaskCardBody({ task }: { task: Task }) {
  const info = useContext(CardInfoContext);
  const summary = excerpt(task.description);
  const tags = task.tagIds.map((id) => info.tagsById.get(id)).filter((t): t is Tag => !!t);
  const blockers = task.blockedByIds.map((id) => info.titleOf(id)).filter((t): t is string => !!t);
  const assignee = task.assigneeUserId ? info.membersById.get(task.assigneeUserId) : null;
  // An agent not in the lookup yet (just created, list still loading) still shows as an agent.
  const agent = task.assigneeAgentId ? (info.agentsById.get(task.assigneeAgentId) ?? { name: "an agent" }) : null;
  const hasMeta = task.dueAt || assignee || agent || task.commentCount > 0 || task.blockedByIds.length > 0;
  return (
    <>
      <div className="flex items-start justify-between gap-2">
        <span className="min-w-0 flex-1 text-sm font-medium leading-snug break-words text-slate-900 dark:text-slate-100">{task.title}</span>
        <PriorityBadge priority={task.priority} />
      </div>
      {summary ? <p className="mt-1.5 line-clamp-2 text-xs leading-relaxed text-slate-500 dark:text-slate-400">{summary}</p> : null}
      {tags.length ? (
        <div className="mt-2 flex flex-wrap gap-1">
          {tags.slice(0, 4).map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
          {tags.length > 4 ? <span className="text-[11px] text-slate-500 dark:text-slate-400">+{tags.length - 4}</span> : null}
        </div>
      ) : null}
      {hasMeta ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <BlockedBadge count={task.blockedByIds.length} titles={blockers} />
          <DueDate task={task} />
          {task.commentCount > 0 ? (
            <span className="inline-flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400" title={`${task.commentCount} comments`}>
              <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5" aria-hidden>
                <path fillRule="evenodd" d="M10 3c-4.31 0-8 2.69-8 6.25 0 1.8.96 3.39 2.48 4.5-.1.9-.47 1.8-1.13 2.6a.75.75 0 0 0 .66 1.22c1.67-.16 3.07-.73 4.1-1.5.61.1 1.24.18 1.89.18 4.31 0 8-2.69 8-6.25S14.31 3 10 3Z" />
              </svg>
              <span className="sr-only">Comments: </span>
              {task.commentCount}
            </span>
          ) : null}
          <span className="ml-auto">
            {agent ? <AgentAvatar agent={agent} /> : <Avatar member={assignee} />}
          </span>
        </div>
      ) : null}
    </>
  );
}

const cardClass =
  "block w-full rounded-lg border border-slate-200 bg-white p-3 text-left shadow-sm transition-shadow hover:border-slate-300 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700/80 dark:bg-slate-900 dark:hover:border-slate-600";

/**
 * A draggable card. Space picks it up (arrow keys move, Space/Enter drops, Escape cancels);
 * Enter or a click opens it. Its accessible name is the task title. Read-only boards: no drag.
 */
export function SortableTaskCard({ task, onOpen, readOnly }: { task: Task; onOpen: (task: Task) => void; readOnly?: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { type: "task", status: task.status },
    disabled: readOnly,
  });
  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!readOnly) listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || isDragging) return;
    if (event.key === "Enter" || (readOnly && event.key === " ")) {
      event.preventDefault();
      onOpen(task);
    }
  };

  return (
    <li ref={setNodeRef} style={style} className={cn("list-none", isDragging && "relative z-10")}>
      <div
        ref={setActivatorNodeRef}
        {...attributes}
        {...(readOnly ? {} : listeners)}
        role="button"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onClick={() => onOpen(task)}
        aria-label={task.blockedByIds.length ? `${task.title} (blocked)` : task.title}
        aria-roledescription={readOnly ? "task" : attributes["aria-roledescription"]}
        data-testid="task-card"
        data-task-id={task.id}
        className={cn(cardClass, readOnly ? "cursor-pointer" : "cursor-grab active:cursor-grabbing", isDragging && "opacity-40", task.blockedByIds.length > 0 && "border-l-4 border-l-red-400 dark:border-l-red-500")}
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
