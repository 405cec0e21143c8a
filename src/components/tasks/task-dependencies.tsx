"use client";
// The task's dependencies, each with its status, and a search box to add one from this board.
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { useQueries, useQuery } from "@tanstack/react-query";
import { STATUS_LABELS, type Task } from "@/lib/schemas/tasks";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/cn";
import { STATUS_ACCENT } from "./kanban-column";
import type { TaskActions } from "./task-actions";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function TaskDependencies({ task, canWrite, actions, onOpenTask }: { task: Task; canWrite: boolean; actions: TaskActions; onOpenTask: (taskId: string) => void }) {
  const trpc = useTRPC();
  const inputId = useId();
  const listId = `${inputId}-results`;
  const deps = useQueries({
    queries: task.dependsOnIds.map((id) => ({ ...trpc.tasks.get.queryOptions({ boardId: task.boardId, taskId: id }), staleTime: 5_000 })),
  });
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const query = useDebounced(q.trim(), 200);
  const search = useQuery({
    ...trpc.tasks.list.queryOptions({ boardId: task.boardId, q: query, limit: 8, sort: "updatedAt", order: "desc" }),
    enabled: canWrite && query.length > 0,
  });
  const results = (search.data?.items ?? []).filter((t) => t.id !== task.id && !task.dependsOnIds.includes(t.id));
  const open = q.trim().length > 0 && query.length > 0;

  async function add(target: Task) {
    setBusy(true);
    const ok = await actions.addDependency(task.id, target.id);
    setBusy(false);
    if (ok) setQ("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!results.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (i + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      void add(results[Math.min(active, results.length - 1)]);
    } else if (event.key === "Escape" && q) {
      event.preventDefault();
      setQ("");
    }
  }

  return (
    <div className="space-y-2">
      {task.dependsOnIds.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Depends on nothing. A task with unfinished dependencies cannot start.</p>
      ) : (
        <ul className="space-y-1" aria-label="Dependencies">
          {task.dependsOnIds.map((id, i) => {
            const dep = deps[i]?.data;
            const blocking = task.blockedByIds.includes(id);
            return (
              <li key={id} className="flex items-start gap-2 rounded-md border border-slate-200 px-2 py-1.5 text-sm dark:border-slate-800">
                <span className={cn("mt-1.5 size-2 shrink-0 self-start rounded-full", dep ? STATUS_ACCENT[dep.status] : "bg-slate-300")} aria-hidden />
                <span className="min-w-0 flex-1">
                  <button type="button" onClick={() => onOpenTask(id)} className="block w-full text-left break-words hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
                    {dep?.title ?? (deps[i]?.isError ? "Deleted task" : "Loading…")}
                  </button>
                  <span className={cn("block text-xs", blocking ? "font-medium text-red-600 dark:text-red-400" : "text-emerald-600 dark:text-emerald-400")}>
                    {dep ? STATUS_LABELS[dep.status] : ""}
                    {blocking ? " · blocking" : ""}
                  </span>
                </span>
                {canWrite ? (
                  <button
                    type="button"
                    onClick={() => void actions.removeDependency(task.id, id)}
                    aria-label={`Remove dependency ${dep?.title ?? id}`}
                    className="inline-flex size-6 shrink-0 items-center justify-center rounded text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800 dark:hover:text-slate-200"
                  >
                    <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5" aria-hidden>
                      <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                    </svg>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canWrite ? (
        <div className="relative">
          <label htmlFor={inputId} className="sr-only">
            Add dependency
          </label>
          <input
            id={inputId}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            disabled={busy}
            placeholder="Add dependency: search tasks…"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open && results.length ? `${listId}-${active}` : undefined}
            className="block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
          />
          {open ? (
            <ul id={listId} role="listbox" aria-label="Matching tasks" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-800">
              {search.isFetching && !results.length ? (
                <li className="px-3 py-2 text-sm text-slate-500">Searching…</li>
              ) : results.length === 0 ? (
                <li className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">No matching tasks</li>
              ) : (
                results.map((t, i) => (
                  <li
                    key={t.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      void add(t);
                    }}
                    className={cn("flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm", i === active ? "bg-indigo-50 dark:bg-indigo-950" : "")}
                  >
                    <span className={cn("size-2 shrink-0 rounded-full", STATUS_ACCENT[t.status])} aria-hidden />
                    <span className="min-w-0 flex-1 truncate">{t.title}</span>
                    <span className="text-xs text-slate-500 dark:text-slate-400">{STATUS_LABELS[t.status]}</span>
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
