"use client";
// Board view state in the query string (?view=list&status=review&sort=dueAt…): shareable and
// kept on reload. Writes go through history.pushState/replaceState, which Next's router
// observes (useSearchParams updates) without a server round trip.
import { useCallback } from "react";
import { useSearchParams } from "next/navigation";
import { TASK_PRIORITIES, TASK_SORTS, TASK_STATUSES, type TaskListQuery, type TaskPriorityValue, type TaskStatusValue } from "@/lib/schemas/tasks";

export type DueFilter = "" | "overdue" | "week" | "month";
export type ListFilters = {
  status: TaskStatusValue[];
  priority: TaskPriorityValue[];
  assignee: string;
  tag: string;
  due: DueFilter;
  q: string;
  sort: (typeof TASK_SORTS)[number];
  order: "asc" | "desc";
};

const csv = <T extends string>(value: string | null, allowed: readonly T[]): T[] => (value ?? "").split(",").filter((v): v is T => (allowed as readonly string[]).includes(v));

export function filtersFrom(params: URLSearchParams): ListFilters {
  const sort = params.get("sort");
  const due = params.get("due");
  return {
    status: csv(params.get("status"), TASK_STATUSES),
    priority: csv(params.get("priority"), TASK_PRIORITIES),
    assignee: params.get("assignee") ?? "",
    tag: params.get("tag") ?? "",
    due: due === "overdue" || due === "week" || due === "month" ? due : "",
    q: params.get("q") ?? "",
    sort: (TASK_SORTS as readonly string[]).includes(sort ?? "") ? (sort as ListFilters["sort"]) : "updatedAt",
    order: params.get("order") === "asc" ? "asc" : params.get("order") === "desc" ? "desc" : sort ? "asc" : "desc",
  };
}

const DAY = 24 * 3600 * 1000;

/** tasks.list input for the filters (without boardId, cursor, limit). */
export function listInputOf(f: ListFilters, now = Date.now()): Partial<TaskListQuery> {
  const input: Partial<TaskListQuery> = { sort: f.sort, order: f.order };
  if (f.status.length) input.status = f.status;
  if (f.priority.length) input.priority = f.priority;
  if (f.assignee) input.assignee = f.assignee;
  if (f.tag) input.tagId = f.tag;
  if (f.q.trim()) input.q = f.q.trim();
  if (f.due === "overdue") input.overdue = true;
  // Rounded to the hour so the query key (and its cache) stays stable while the page is open.
  const hour = Math.floor(now / 3600_000) * 3600_000;
  if (f.due === "week") Object.assign(input, { dueAfter: new Date(hour), dueBefore: new Date(hour + 7 * DAY) });
  if (f.due === "month") Object.assign(input, { dueAfter: new Date(hour), dueBefore: new Date(hour + 30 * DAY) });
  return input;
}

export function useUrlState() {
  const params = useSearchParams();
  const set = useCallback((patch: Record<string, string | null>, mode: "push" | "replace" = "replace") => {
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === "") url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    if (url.href === window.location.href) return;
    if (mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return { params, set };
}
