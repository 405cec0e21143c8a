"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { TASK_STATUSES } from "@/lib/schemas/tasks";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/misc";
import { LiveBadge } from "@/components/ui/live-badge";
import { CompactActivity } from "@/components/dashboard/compact-activity";
import { StatusBar, StatusLegend, countsTotal, donePercent } from "@/components/dashboard/status-bar";
import { useOrgLive } from "@/components/dashboard/use-org-live";
import { GroupDialog } from "./group-dialog";
import { DeleteGroupDialog } from "./delete-group-dialog";
import { ManageBoardsDialog } from "./manage-boards-dialog";

export type GroupOverviewData = inferRouterOutputs<AppRouter>["boardGroups"]["get"];

export function GroupOverview({ org, initialData }: { org: { slug: string; isAdmin: boolean }; initialData: GroupOverviewData }) {
  const trpc = useTRPC();
  const router = useRouter();
  const groupId = initialData.group.id;
  const overview = useQuery(trpc.boardGroups.get.queryOptions({ orgId: org.slug, groupId }, { initialData }));
  const live = useOrgLive(org.slug, () => void overview.refetch());
  const [dialog, setDialog] = useState<"edit" | "delete" | "boards" | null>(null);

  const { group, boards, activity } = overview.data;
  const totals = Object.fromEntries(TASK_STATUSES.map((s) => [s, boards.reduce((sum, b) => sum + (b.taskCounts[s] ?? 0), 0)]));
  const total = countsTotal(totals);
  const boardNames = new Map(boards.map((b) => [b.id, b.name]));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/o/${org.slug}/groups`} className="rounded text-slate-500 hover:text-slate-800 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:hover:text-slate-200">
          <span aria-hidden>← </span>Board groups
        </Link>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">{group.name}</h1>
          <p className="mt-1 max-w-2xl text-sm whitespace-pre-line text-slate-500 dark:text-slate-400">{group.description || "No description."}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <LiveBadge status={live.status} onReconnect={live.reconnect} />
          {org.isAdmin ? (
            <>
              <Button variant="secondary" size="sm" onClick={() => setDialog("boards")}>
                Manage boards
              </Button>
              <Button variant="secondary" size="sm" onClick={() => setDialog("edit")}>
                Edit
              </Button>
              <Button variant="ghost" size="sm" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!" onClick={() => setDialog("delete")}>
                Delete
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {overview.isError ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Could not refresh: {errorMessage(overview.error)}
        </p>
      ) : null}

      {boards.length === 0 ? (
        <EmptyState
          title="No boards in this group"
          action={org.isAdmin ? <Button onClick={() => setDialog("boards")}>Add boards</Button> : undefined}
        >
          {org.isAdmin ? "Add boards to follow their progress together." : "An admin adds boards to groups. Boards you cannot access are not shown."}
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card className="p-5">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-base font-semibold">Overall progress</h2>
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">{totals.done}</span> of {total} tasks done ·{" "}
                  {boards.length === 1 ? "1 board" : `${boards.length} boards`}
                </p>
              </div>
              <div className="mt-4 flex items-center gap-4">
                <StatusBar counts={totals} className="h-3" />
                <span className="w-12 text-right text-lg font-semibold tabular-nums">{donePercent(totals)}%</span>
              </div>
              <div className="mt-2">
                <StatusLegend counts={totals} />
              </div>
            </Card>
            <Card>
              <h2 className="border-b border-slate-200 px-5 py-4 text-base font-semibold dark:border-slate-800">Boards</h2>
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {boards.map((b) => {
                  const bTotal = countsTotal(b.taskCounts);
                  return (
                    <li key={b.id} className="px-5 py-4">
                      <div className="flex items-baseline justify-between gap-3">
                        <Link
                          href={`/o/${org.slug}/boards/${b.id}`}
                          className="min-w-0 truncate rounded font-medium hover:text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-indigo-400"
                        >
                          {b.name}
                        </Link>
                        <span className="shrink-0 text-sm tabular-nums text-slate-500 dark:text-slate-400">
                          {bTotal ? `${b.taskCounts.done ?? 0}/${bTotal} done · ${donePercent(b.taskCounts)}%` : "No tasks"}
                        </span>
                      </div>
                      {b.objective ? <p className="mt-0.5 line-clamp-1 text-sm text-slate-500 dark:text-slate-400">{b.objective}</p> : null}
                      <div className="mt-2.5 space-y-1.5">
                        <StatusBar counts={b.taskCounts} />
                        <StatusLegend counts={b.taskCounts} />
                      </div>
                    </li>
                  );
                })}
              </ul>
            </Card>
          </div>
          <Card className="h-fit p-5">
            <h2 className="mb-4 text-base font-semibold">Recent activity</h2>
            {activity.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">Nothing has happened on these boards yet.</p>
            ) : (
              <CompactActivity items={activity} orgSlug={org.slug} boardNames={boardNames} />
            )}
          </Card>
        </div>
      )}

      <GroupDialog orgId={org.slug} open={dialog === "edit"} group={group} onClose={() => setDialog(null)} />
      <ManageBoardsDialog orgId={org.slug} group={group} open={dialog === "boards"} onClose={() => setDialog(null)} />
      <DeleteGroupDialog
        orgId={org.slug}
        group={dialog === "delete" ? group : null}
        onClose={() => setDialog(null)}
        onDeleted={() => router.push(`/o/${org.slug}/groups`)}
      />
    </>
  );
}
