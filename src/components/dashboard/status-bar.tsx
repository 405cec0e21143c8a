import { STATUS_LABELS, TASK_STATUSES, type TaskStatusValue } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";

/** One color per status, used by cards, bars and legends alike. */
export const STATUS_COLORS: Record<TaskStatusValue, { bar: string; text: string }> = {
  inbox: { bar: "bg-slate-400 dark:bg-slate-500", text: "text-slate-600 dark:text-slate-300" },
  in_progress: { bar: "bg-indigo-500", text: "text-indigo-600 dark:text-indigo-400" },
  review: { bar: "bg-amber-500", text: "text-amber-600 dark:text-amber-400" },
  done: { bar: "bg-emerald-500", text: "text-emerald-600 dark:text-emerald-400" },
};

export function countsTotal(counts: Record<string, number>): number {
  return TASK_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
}

/** A stacked bar of tasks by status, with the numbers as text for screen readers. */
export function StatusBar({ counts, className }: { counts: Record<string, number>; className?: string }) {
  const total = countsTotal(counts);
  const description = total === 0 ? "No tasks" : TASK_STATUSES.map((s) => `${STATUS_LABELS[s]} ${counts[s] ?? 0}`).join(", ");
  return (
    <div className={cn("flex h-2 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800", className)} role="img" aria-label={description}>
      {total > 0
        ? TASK_STATUSES.map((s) =>
            counts[s] ? <span key={s} className={cn("h-full", STATUS_COLORS[s].bar)} style={{ width: `${((counts[s] ?? 0) / total) * 100}%` }} /> : null,
          )
        : null}
    </div>
  );
}

/** "3 inbox · 2 in progress · …" with color dots; hidden statuses with no tasks keep it short. */
export function StatusLegend({ counts }: { counts: Record<string, number> }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400" aria-hidden>
      {TASK_STATUSES.map((s) => (
        <li key={s} className="inline-flex items-center gap-1.5">
          <span className={cn("size-2 rounded-full", STATUS_COLORS[s].bar)} />
          <span className="tabular-nums">{counts[s] ?? 0}</span> {STATUS_LABELS[s].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

export function donePercent(counts: Record<string, number>): number {
  const total = countsTotal(counts);
  return total ? Math.round(((counts.done ?? 0) / total) * 100) : 0;
}
