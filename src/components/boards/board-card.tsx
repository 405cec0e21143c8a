import Link from "next/link";
import { STATUS_LABELS, TASK_STATUSES } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";
import { Badge } from "@/components/ui/misc";
import { STATUS_ACCENT } from "@/components/tasks/kanban-column";

export function BoardCard({
  href,
  name,
  description,
  taskCounts,
  groupName,
  archived,
}: {
  href: string;
  name: string;
  description: string;
  taskCounts: Record<string, number>;
  groupName?: string | null;
  archived?: boolean;
}) {
  const counts = TASK_STATUSES.map((s) => ({ status: s, label: STATUS_LABELS[s], count: taskCounts[s] ?? 0 }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const summary = total === 0 ? "No tasks" : counts.map((c) => `${c.count} ${c.label}`).join(", ");

  return (
    <Link
      href={href}
      className="group flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-700"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 className="text-base font-semibold break-words text-slate-900 group-hover:text-indigo-700 dark:text-slate-100 dark:group-hover:text-indigo-300">{name}</h2>
        <span className="shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400">{total === 1 ? "1 task" : `${total} tasks`}</span>
      </div>
      {groupName || archived ? (
        <div className="mt-1 flex flex-wrap gap-1.5">
          {groupName ? <Badge tone="indigo">{groupName}</Badge> : null}
          {archived ? <Badge tone="amber">Archived</Badge> : null}
        </div>
      ) : null}
      <p className={cn("mt-1 line-clamp-2 text-sm", description ? "text-slate-600 dark:text-slate-400" : "text-slate-400 italic dark:text-slate-500")}>
        {description || "No description"}
      </p>
      <div className="mt-auto pt-4">
        <div className="flex h-2 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" role="img" aria-label={summary}>
          {total > 0
            ? counts.map((c) =>
                c.count > 0 ? <span key={c.status} className={cn("h-full", STATUS_ACCENT[c.status])} style={{ width: `${(c.count / total) * 100}%` }} /> : null,
              )
            : null}
        </div>
        <dl className="mt-2 grid grid-cols-4 gap-1 text-xs">
          {counts.map((c) => (
            <div key={c.status} className="min-w-0">
              <dt className="flex items-center gap-1 truncate text-slate-500 dark:text-slate-400">
                <span className={cn("size-1.5 shrink-0 rounded-full", STATUS_ACCENT[c.status])} aria-hidden />
                {c.label}
              </dt>
              <dd className="font-medium tabular-nums text-slate-800 dark:text-slate-200">{c.count}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Link>
  );
}
