"use client";
// Small pieces shared by cards, rows and the task panel.
import type { Task } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";
import { formatDue, initials, isOverdue, type Agent, type Member, type Tag } from "./board-lookups";

export function TagChip({ tag, className }: { tag: Pick<Tag, "name" | "color">; className?: string }) {
  return (
    <span className={cn("inline-flex max-w-40 items-center gap-1 rounded-full border border-slate-200 bg-white px-1.5 py-0.5 text-[11px] font-medium text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200", className)}>
      <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: tag.color }} aria-hidden />
      <span className="truncate">{tag.name}</span>
    </span>
  );
}

export function Avatar({ member, size = "sm" }: { member: Pick<Member, "name" | "email"> | null | undefined; size?: "sm" | "md" }) {
  if (!member) return null;
  return (
    <span
      title={`Assigned to ${member.name || member.email}`}
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100",
        size === "sm" ? "size-6 text-[10px]" : "size-8 text-xs",
      )}
    >
      <span aria-hidden>{initials(member.name, member.email)}</span>
      <span className="sr-only">Assigned to {member.name || member.email}</span>
    </span>
  );
}

/** An agent assignee: a small bot face instead of initials, so it never passes for a person. */
export function AgentAvatar({ agent, size = "sm" }: { agent: Pick<Agent, "name"> | null | undefined; size?: "sm" | "md" }) {
  if (!agent) return null;
  return (
    <span
      title={`Assigned to agent ${agent.name}`}
      data-testid="agent-assignee"
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100",
        size === "sm" ? "size-6" : "size-8",
      )}
    >
      <BotIcon className={size === "sm" ? "size-3.5" : "size-4.5"} />
      <span className="sr-only">Assigned to agent {agent.name}</span>
    </span>
  );
}

export function BotIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" className={className} aria-hidden>
      <path d="M10 1.5a1 1 0 0 1 1 1V4h3.25A2.75 2.75 0 0 1 17 6.75v7.5A2.75 2.75 0 0 1 14.25 17h-8.5A2.75 2.75 0 0 1 3 14.25v-7.5A2.75 2.75 0 0 1 5.75 4H9V2.5a1 1 0 0 1 1-1Z" />
      <circle cx="7.5" cy="9.5" r="1.25" className="fill-white dark:fill-slate-900" />
      <circle cx="12.5" cy="9.5" r="1.25" className="fill-white dark:fill-slate-900" />
      <rect x="7" y="12.25" width="6" height="1.5" rx=".75" className="fill-white dark:fill-slate-900" />
      <path d="M1 9a1 1 0 0 1 1-1v4a1 1 0 0 1-1-1V9ZM19 9a1 1 0 0 0-1-1v4a1 1 0 0 0 1-1V9Z" />
    </svg>
  );
}

export function DueDate({ task, className }: { task: Pick<Task, "dueAt" | "status">; className?: string }) {
  if (!task.dueAt) return null;
  const overdue = isOverdue(task);
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs tabular-nums", overdue ? "font-semibold text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400", className)}>
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5" aria-hidden>
        <path fillRule="evenodd" d="M5.75 2a.75.75 0 0 1 .75.75V4h7V2.75a.75.75 0 0 1 1.5 0V4h.25A2.75 2.75 0 0 1 18 6.75v8.5A2.75 2.75 0 0 1 15.25 18H4.75A2.75 2.75 0 0 1 2 15.25v-8.5A2.75 2.75 0 0 1 4.75 4H5V2.75A.75.75 0 0 1 5.75 2Zm-1 5.5c-.69 0-1.25.56-1.25 1.25v6.5c0 .69.56 1.25 1.25 1.25h10.5c.69 0 1.25-.56 1.25-1.25v-6.5c0-.69-.56-1.25-1.25-1.25H4.75Z" />
      </svg>
      <span className="sr-only">{overdue ? "Overdue, was due" : "Due"} </span>
      {formatDue(task.dueAt)}
    </span>
  );
}

export function BlockedBadge({ count, titles }: { count: number; titles: string[] }) {
  if (count === 0) return null;
  const unknown = count - titles.length;
  const list = [...titles.map((t) => `“${t}”`), ...(unknown > 0 ? [`${unknown} more`] : [])].join(", ");
  const tip = `Blocked by ${count === 1 ? "1 unfinished dependency" : `${count} unfinished dependencies`}: ${list}`;
  return (
    <span title={tip} className="inline-flex items-center gap-1 rounded-full bg-red-100 px-1.5 py-0.5 text-[11px] font-semibold text-red-700 dark:bg-red-950 dark:text-red-300">
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-3" aria-hidden>
        <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" />
      </svg>
      Blocked
      <span className="sr-only">. {tip}</span>
    </span>
  );
}
