"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { STATUS_LABELS, TASK_STATUSES } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";
import { Badge, Card, EmptyState } from "@/components/ui/misc";
import { CompletedChart } from "./completed-chart";
import { CompactActivity } from "./compact-activity";
import { DateText, overdueText } from "./date-text";
import { LiveBadge } from "@/components/ui/live-badge";
import { STATUS_COLORS, StatusBar, StatusLegend, countsTotal, donePercent } from "./status-bar";
import { useOrgLive } from "./use-org-live";

type Outputs = inferRouterOutputs<AppRouter>;
export type DashboardData = Outputs["dashboard"]["get"];
export type BoardSummary = Outputs["boards"]["list"][number];

const PRIORITY_TONE = { urgent: "red", high: "amber", medium: "indigo", low: "slate" } as const;
const PRIORITY_LABEL: Record<string, string> = { urgent: "Urgent", high: "High", medium: "Medium", low: "Low" };

const linkClass = "rounded font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400";

export function DashboardView({
  org,
  initialData,
  initialBoards,
}: {
  org: { slug: string; name: string; isAdmin: boolean };
  initialData: DashboardData;
  initialBoards: BoardSummary[];
}) {
  const trpc = useTRPC();
  const dashboard = useQuery(trpc.dashboard.get.queryOptions({ orgId: org.slug }, { initialData, staleTime: 5_000 }));
  const boards = useQuery(trpc.boards.list.queryOptions({ orgId: org.slug }, { initialData: initialBoards, staleTime: 5_000 }));
  const live = useOrgLive(org.slug, () => {
    void dashboard.refetch();
    void boards.refetch();
  });

  const data = dashboard.data;
  const boardList = boards.data ?? [];
  const boardNames = new Map(boardList.map((b) => [b.id, b.name]));
  const total = countsTotal(data.statusCounts);
  const open = total - (data.statusCounts.done ?? 0);
  const completed30 = data.completedPerDay.reduce((s, d) => s + d.count, 0);
  const completed7 = data.completedPerDay.slice(-7).reduce((s, d) => s + d.count, 0);

  const header = (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          {data.boardCount === 0
            ? `Work across ${org.name} at a glance.`
            : `${open} open ${open === 1 ? "task" : "tasks"} across ${data.boardCount} ${data.boardCount === 1 ? "board" : "boards"} in ${org.name}.`}
        </p>
      </div>
      <div className="flex items-center gap-3">
        {dashboard.isError ? (
          <span role="alert" className="text-xs text-red-600 dark:text-red-400">
            Could not refresh: {errorMessage(dashboard.error)}{" "}
            <button type="button" className="underline" onClick={() => dashboard.refetch()}>
              Retry
            </button>
          </span>
        ) : null}
        <LiveBadge status={live.status} onReconnect={live.reconnect} />
      </div>
    </div>
  );

  if (data.boardCount === 0) {
    return (
      <>
        {header}
        <EmptyState
          title="No boards yet"
          action={
            <Link href={`/o/${org.slug}`} className="inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
              {org.isAdmin ? "Create a board" : "Go to boards"}
            </Link>
          }
        >
          {org.isAdmin
            ? "The dashboard sums up tasks across your boards. Create a board, add tasks, and progress shows up here as it happens."
            : "The dashboard sums up tasks across the boards you can see. Ask an admin to give you access to a board."}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {header}

      {/* Tasks by status */}
      <section aria-labelledby="by-status" className="mb-6">
        <h2 id="by-status" className="sr-only">
          Tasks by status
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {TASK_STATUSES.map((s) => (
            <li key={s}>
              <Card className="relative overflow-hidden p-4">
                <span className={cn("absolute inset-y-0 left-0 w-1", STATUS_COLORS[s].bar)} aria-hidden />
                <p className="text-sm text-slate-500 dark:text-slate-400">{STATUS_LABELS[s]}</p>
                <p className="mt-1 text-3xl font-semibold tabular-nums tracking-tight">{data.statusCounts[s] ?? 0}</p>
                <p className="mt-1 text-xs text-slate-400 dark:text-slate-500">{total ? `${Math.round(((data.statusCounts[s] ?? 0) / total) * 100)}% of tasks` : "No tasks yet"}</p>
              </Card>
            </li>
          ))}
          <li className="col-span-2 sm:col-span-1">
            <Card className={cn("relative overflow-hidden p-4", data.overdueCount > 0 && "border-red-200 bg-red-50/60 dark:border-red-900/60 dark:bg-red-950/30")}>
              <span className={cn("absolute inset-y-0 left-0 w-1", data.overdueCount > 0 ? "bg-red-500" : "bg-slate-200 dark:bg-slate-700")} aria-hidden />
              <p className={cn("text-sm", data.overdueCount > 0 ? "text-red-700 dark:text-red-300" : "text-slate-500 dark:text-slate-400")}>Overdue</p>
              <p className={cn("mt-1 text-3xl font-semibold tabular-nums tracking-tight", data.overdueCount > 0 && "text-red-700 dark:text-red-300")}>{data.overdueCount}</p>
              <p className="mt-1 text-xs text-slate-400 dark:text-slate-500">{data.overdueCount > 0 ? "Past due and not done" : "Nothing past due"}</p>
            </Card>
          </li>
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {/* Completions per day */}
          <Card className="p-5">
            <div className="mb-5 flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-base font-semibold">Completed per day</h2>
              <p className="text-sm text-slate-500 dark:text-slate-400">
                <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">{completed30}</span> in {data.completedPerDay.length} days ·{" "}
                <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">{completed7}</span> this week
              </p>
            </div>
            {completed30 === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
                No tasks completed in the last {data.completedPerDay.length} days. Tasks count here when they move to Done.
              </p>
            ) : (
              <CompletedChart days={data.completedPerDay} />
            )}
          </Card>

          {/* Overdue */}
          <Card>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
              <h2 className="text-base font-semibold">Overdue tasks</h2>
              {data.overdueCount > data.overdue.length ? (
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  The {data.overdue.length} most overdue of {data.overdueCount}
                </p>
              ) : null}
            </div>
            {data.overdue.length === 0 ? (
              <p className="px-5 py-8 text-center text-sm text-slate-500 dark:text-slate-400">Nothing is overdue. Tasks with a due date in the past that are not done show up here.</p>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {data.overdue.map((t) => (
                  <li key={t.id} className="flex flex-col gap-2 px-5 py-3 sm:flex-row sm:items-center sm:gap-4">
                    <div className="min-w-0 flex-1">
                      <Link
                        href={`/o/${org.slug}/boards/${t.boardId}?task=${t.id}`}
                        className="block truncate rounded text-sm font-medium text-slate-900 hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-100 dark:hover:text-indigo-400"
                      >
                        {t.title}
                      </Link>
                      <p className="mt-0.5 truncate text-xs text-slate-500 dark:text-slate-400">
                        {t.boardName} · {STATUS_LABELS[t.status as keyof typeof STATUS_LABELS] ?? t.status}
                      </p>
                    </div>
                    {/* Below the title on small screens, columns beside it on wider ones. */}
                    <div className="flex items-center gap-3 sm:contents">
                      <Badge tone={PRIORITY_TONE[t.priority as keyof typeof PRIORITY_TONE] ?? "slate"}>{PRIORITY_LABEL[t.priority] ?? t.priority}</Badge>
                      <div className="flex flex-wrap gap-x-2 text-xs sm:block sm:w-32 sm:text-right">
                        <p className="font-medium text-red-600 dark:text-red-400" suppressHydrationWarning>
                          {overdueText(t.dueAt)}
                        </p>
                        <p className="text-slate-500 dark:text-slate-400">
                          Due <DateText value={t.dueAt} />
                        </p>
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          {/* Boards at a glance */}
          <Card>
            <div className="flex items-baseline justify-between gap-2 border-b border-slate-200 px-5 py-4 dark:border-slate-800">
              <h2 className="text-base font-semibold">Boards</h2>
              <Link href={`/o/${org.slug}`} className={cn(linkClass, "text-sm")}>
                All boards
              </Link>
            </div>
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {boardList.slice(0, 8).map((b) => (
                <li key={b.id} className="grid gap-2 px-5 py-3 sm:grid-cols-[minmax(0,14rem)_1fr_3rem] sm:items-center sm:gap-4">
                  <Link href={`/o/${org.slug}/boards/${b.id}`} className="truncate rounded text-sm font-medium hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-indigo-400">
                    {b.name}
                  </Link>
                  <div className="space-y-1.5">
                    <StatusBar counts={b.taskCounts} />
                    <StatusLegend counts={b.taskCounts} />
                  </div>
                  <span className="text-right text-sm tabular-nums text-slate-500 dark:text-slate-400" title="Share of tasks done">
                    {donePercent(b.taskCounts)}%
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        </div>

        {/* Recent activity */}
        <Card className="h-fit p-5">
          <div className="mb-4 flex items-baseline justify-between gap-2">
            <h2 className="text-base font-semibold">Recent activity</h2>
            <Link href={`/o/${org.slug}/activity`} className={cn(linkClass, "text-sm")}>
              View all
            </Link>
          </div>
          {data.recentActivity.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No activity yet. Changes to boards and tasks appear here as they happen.</p>
          ) : (
            <CompactActivity items={data.recentActivity} orgSlug={org.slug} boardNames={boardNames} />
          )}
        </Card>
      </div>
    </>
  );
}
