"use client";
// The board as a table: server-side filters, sort and cursor pages, all from the URL.
import { useEffect, useId, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyState, Spinner } from "@/components/ui/misc";
import { RelativeTime } from "@/components/activity/relative-time";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import { cn } from "@/lib/cn";
import { STATUS_LABELS, TASK_PRIORITIES, TASK_STATUSES, type Task } from "@/lib/schemas/tasks";
import { PriorityBadge, PRIORITY_LABELS } from "./priority-badge";
import { STATUS_ACCENT } from "./kanban-column";
import type { BoardLookups } from "./board-lookups";
import { AgentAvatar, Avatar, BlockedBadge, DueDate, TagChip } from "./task-bits";
import { LIST_PAGE_SIZE } from "./constants";
import { filtersFrom, listInputOf, useUrlState, type ListFilters } from "./url-state";

type Page = { items: Task[]; nextCursor: string | null };

const COLUMNS: { key: ListFilters["sort"] | null; label: string; className?: string }[] = [
  { key: "title", label: "Title" },
  { key: "position", label: "Status", className: "w-32" },
  { key: "priority", label: "Priority", className: "w-28" },
  { key: "dueAt", label: "Due", className: "w-28" },
  { key: null, label: "Assignee", className: "w-40" },
  { key: "updatedAt", label: "Updated", className: "w-32" },
];

const filterControl =
  "block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900";

export function TaskListView({ boardId, lookups, refreshSignal, onOpen }: { boardId: string; lookups: BoardLookups; refreshSignal: number; onOpen: (taskId: string) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { params, set } = useUrlState();
  const filters = filtersFrom(params);
  const ids = { status: useId(), priority: useId(), assignee: useId(), tag: useId(), due: useId(), q: useId() };

  // The search box types freely and writes to the URL after a pause.
  const [q, setQ] = useState(filters.q);
  const [lastUrlQ, setLastUrlQ] = useState(filters.q);
  if (filters.q !== lastUrlQ) {
    setLastUrlQ(filters.q);
    setQ(filters.q);
  }
  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => set({ q: q.trim() || null }), 300);
    return () => clearTimeout(timer);
  }, [q, filters.q, set]);

  const input = { boardId, limit: LIST_PAGE_SIZE, ...listInputOf(filters) };
  // Our own queryFn: tRPC's infinite options add keys the strict input does not need.
  const query = useInfiniteQuery({
    queryKey: trpc.tasks.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) => client.tasks.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page) => last.nextCursor,
    placeholderData: (previous) => previous,
  });

  // Live changes on the board (debounced by the caller) refresh the loaded pages.
  const { refetch } = query;
  useEffect(() => {
    if (refreshSignal > 0) void refetch();
  }, [refreshSignal, refetch]);

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = filters.status.length + filters.priority.length > 0 || !!(filters.assignee || filters.tag || filters.due || filters.q);

  const sortBy = (key: ListFilters["sort"]) => {
    const order = filters.sort === key ? (filters.order === "asc" ? "desc" : "asc") : key === "updatedAt" || key === "priority" ? "desc" : "asc";
    set({ sort: key, order });
  };
  const hrefFor = (taskId: string) => {
    const next = new URLSearchParams(params.toString());
    next.set("task", taskId);
    return `?${next.toString()}`;
  };
  const multi = (values: string[]) => (values.length > 1 ? values.join(",") : (values[0] ?? ""));

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-7 dark:border-slate-800 dark:bg-slate-900/60" role="search" aria-label="Filter tasks">
        <div className="col-span-2 sm:col-span-3 lg:col-span-2">
          <label htmlFor={ids.q} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
            Search
          </label>
          <input id={ids.q} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Title or description" className={filterControl} />
        </div>
        <div>
          <label htmlFor={ids.status} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
            Status
          </label>
          <select id={ids.status} className={filterControl} value={multi(filters.status)} onChange={(e) => set({ status: e.target.value || null })}>
            <option value="">Any status</option>
            {filters.status.length > 1 ? <option value={multi(filters.status)}>{filters.status.map((s) => STATUS_LABELS[s]).join(", ")}</option> : null}
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
            <option value="inbox,in_progress,review">Not done</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.priority} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
            Priority
          </label>
          <select id={ids.priority} className={filterControl} value={multi(filters.priority)} onChange={(e) => set({ priority: e.target.value || null })}>
            <option value="">Any priority</option>
            {filters.priority.length > 1 && multi(filters.priority) !== "high,urgent" ? <option value={multi(filters.priority)}>{filters.priority.map((p) => PRIORITY_LABELS[p]).join(", ")}</option> : null}
            {[...TASK_PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
            <option value="high,urgent">High or urgent</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.assignee} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
            Assignee
          </label>
          <select id={ids.assignee} className={filterControl} value={filters.assignee} onChange={(e) => set({ assignee: e.target.value || null })}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            {lookups.meId && lookups.membersById.has(lookups.meId) ? <option value={lookups.meId}>Me</option> : null}
            {filters.assignee && filters.assignee !== "none" && !lookups.membersById.has(filters.assignee) && !lookups.agentsById.has(filters.assignee) ? <option value={filters.assignee}>Someone else</option> : null}
            {lookups.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name || m.email}
              </option>
            ))}
            {lookups.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} (agent)
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.tag} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
            Tag
          </label>
          <select id={ids.tag} className={filterControl} value={filters.tag} onChange={(e) => set({ tag: e.target.value || null })}>
            <option value="">Any tag</option>
            {filters.tag && !lookups.tagsById.has(filters.tag) ? <option value={filters.tag}>Unknown tag</option> : null}
            {lookups.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.due} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
            Due
          </label>
          <select id={ids.due} className={filterControl} value={filters.due} onChange={(e) => set({ due: e.target.value || null })}>
            <option value="">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="week">Due in 7 days</option>
            <option value="month">Due in 30 days</option>
          </select>
        </div>
      </div>

      <div className="flex min-h-6 items-center justify-between gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span aria-live="polite">
          {query.isPending ? "" : `${items.length.toLocaleString()}${query.hasNextPage ? "+" : ""} ${items.length === 1 ? "task" : "tasks"}${filtered ? " match" : ""}`}
        </span>
        <span className="flex items-center gap-3">
          {query.isFetching && !query.isFetchingNextPage && !query.isPending ? <Spinner label="Updating" /> : null}
          {filtered ? (
            <button
              type="button"
              className="rounded font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
              onClick={() => {
                setQ("");
                set({ status: null, priority: null, assignee: null, tag: null, due: null, q: null });
              }}
            >
              Clear filters
            </button>
          ) : null}
        </span>
      </div>

      {query.isPending ? (
        <Spinner label="Loading tasks" />
      ) : query.isError && !query.data ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
          Could not load the tasks: {query.error.message}{" "}
          <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? "No tasks match these filters" : "No tasks on this board yet"}>{filtered ? "Loosen or clear the filters to see more." : "Add a task to get started."}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/60">
          <table className="w-full min-w-[52rem] table-fixed text-left text-sm">
            <caption className="sr-only">Tasks, sorted by {COLUMNS.find((c) => c.key === filters.sort)?.label ?? filters.sort} {filters.order === "asc" ? "ascending" : "descending"}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                {COLUMNS.map((col) => {
                  const active = col.key !== null && filters.sort === col.key;
                  return (
                    <th key={col.label} scope="col" className={cn("px-3 py-2 font-medium", col.className)} aria-sort={active ? (filters.order === "asc" ? "ascending" : "descending") : undefined}>
                      {col.key ? (
                        <button type="button" onClick={() => sortBy(col.key!)} className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-slate-100">
                          {col.label}
                          <span aria-hidden className={cn("text-[10px]", active ? "opacity-100" : "opacity-0")}>
                            {filters.order === "asc" ? "▲" : "▼"}
                          </span>
                        </button>
                      ) : (
                        col.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((task) => (
                <Row key={task.id} task={task} href={hrefFor(task.id)} lookups={lookups} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
          <div className="flex justify-center border-t border-slate-100 py-3 dark:border-slate-800">
            {query.hasNextPage ? (
              <Button variant="secondary" size="sm" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                Load more
              </Button>
            ) : (
              <p className="text-xs text-slate-500 dark:text-slate-400">That is all of them.</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function Row({ task, href, lookups, onOpen }: { task: Task; href: string; lookups: BoardLookups; onOpen: (taskId: string) => void }) {
  const assignee = task.assigneeUserId ? lookups.membersById.get(task.assigneeUserId) : null;
  const agent = task.assigneeAgentId ? (lookups.agentsById.get(task.assigneeAgentId) ?? { name: "An agent" }) : null;
  const tags = task.tagIds.map((id) => lookups.tagsById.get(id)).filter((t) => t !== undefined);
  return (
    <tr className="hover:bg-slate-50 dark:hover:bg-slate-800/40" data-task-id={task.id}>
      <td className="px-3 py-2">
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          <a
            href={href}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey) return;
              e.preventDefault();
              onOpen(task.id);
            }}
            className="min-w-0 truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-100 dark:hover:text-indigo-300"
          >
            {task.title}
          </a>
          <BlockedBadge count={task.blockedByIds.length} titles={[]} />
          {tags.slice(0, 3).map((t) => (
            <TagChip key={t.id} tag={t} />
          ))}
        </div>
      </td>
      <td className="px-3 py-2">
        <span className="inline-flex items-center gap-1.5 text-slate-700 dark:text-slate-300">
          <span className={cn("size-2 rounded-full", STATUS_ACCENT[task.status])} aria-hidden />
          {STATUS_LABELS[task.status]}
        </span>
      </td>
      <td className="px-3 py-2">
        <PriorityBadge priority={task.priority} />
      </td>
      <td className="px-3 py-2">{task.dueAt ? <DueDate task={task} /> : <span className="text-slate-400">—</span>}</td>
      <td className="px-3 py-2">
        {agent ? (
          <span className="inline-flex min-w-0 items-center gap-1.5">
            <AgentAvatar agent={agent} />
            <span className="truncate text-slate-700 dark:text-slate-300" aria-hidden>
              {agent.name}
            </span>
          </span>
        ) : assignee ? (
          <span className="inline-flex min-w-0 items-center gap-1.5">
            <Avatar member={assignee} />
            <span className="truncate text-slate-700 dark:text-slate-300" aria-hidden>
              {assignee.name || assignee.email}
            </span>
          </span>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </td>
      <td className="px-3 py-2 text-slate-500 dark:text-slate-400">
        <RelativeTime value={task.updatedAt} />
      </td>
    </tr>
  );
}
