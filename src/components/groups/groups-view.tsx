"use client";
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { TASK_STATUSES } from "@/lib/schemas/tasks";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { PlusIcon } from "@/components/shell/icons";
import { LiveBadge } from "@/components/ui/live-badge";
import { StatusBar, StatusLegend, countsTotal, donePercent } from "@/components/dashboard/status-bar";
import { useOrgLive } from "@/components/dashboard/use-org-live";
import { GroupDialog, type GroupLike } from "./group-dialog";
import { DeleteGroupDialog } from "./delete-group-dialog";

type Outputs = inferRouterOutputs<AppRouter>;
export type Group = Outputs["boardGroups"]["list"][number];
type BoardSummary = Outputs["boards"]["list"][number];

export function GroupsView({ org, initialGroups, initialBoards }: { org: { slug: string; isAdmin: boolean }; initialGroups: Group[]; initialBoards: BoardSummary[] }) {
  const trpc = useTRPC();
  const groups = useQuery(trpc.boardGroups.list.queryOptions({ orgId: org.slug }, { initialData: initialGroups }));
  const boards = useQuery(trpc.boards.list.queryOptions({ orgId: org.slug }, { initialData: initialBoards }));
  const live = useOrgLive(org.slug, () => {
    void groups.refetch();
    void boards.refetch();
  });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GroupLike | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);

  // Progress per group, summed from the boards you can see (archived boards are left out).
  const countsByGroup = new Map<string, Record<string, number>>();
  const boardsByGroup = new Map<string, number>();
  for (const b of boards.data ?? []) {
    if (!b.groupId) continue;
    const sum = countsByGroup.get(b.groupId) ?? Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
    for (const s of TASK_STATUSES) sum[s] += b.taskCounts[s] ?? 0;
    countsByGroup.set(b.groupId, sum);
    boardsByGroup.set(b.groupId, (boardsByGroup.get(b.groupId) ?? 0) + 1);
  }
  const ungrouped = (boards.data ?? []).filter((b) => !b.groupId).length;
  const list = groups.data ?? [];

  return (
    <>
      <PageHeader
        title="Board groups"
        description="Group related boards (a launch, a client, a team) to follow their progress together."
        actions={
          <>
            <LiveBadge status={live.status} onReconnect={live.reconnect} />
            {org.isAdmin && list.length > 0 ? (
              <Button onClick={() => setCreating(true)}>
                <PlusIcon />
                New group
              </Button>
            ) : null}
          </>
        }
      />
      {groups.isError ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Could not refresh groups: {errorMessage(groups.error)}
        </p>
      ) : null}
      {list.length === 0 ? (
        <EmptyState
          title="No board groups yet"
          action={
            org.isAdmin ? (
              <Button onClick={() => setCreating(true)}>
                <PlusIcon />
                Create a group
              </Button>
            ) : undefined
          }
        >
          {org.isAdmin
            ? "Create a group, then add boards to it from the group's page or a board's settings."
            : "Admins create groups to collect related boards. Once there are some, you can follow their progress here."}
        </EmptyState>
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {list.map((g) => {
              const counts = countsByGroup.get(g.id) ?? {};
              const total = countsTotal(counts);
              const visibleBoards = boardsByGroup.get(g.id) ?? 0;
              return (
                <li key={g.id}>
                  <Card className="flex h-full flex-col p-5 transition-shadow focus-within:ring-2 focus-within:ring-indigo-500 hover:shadow-md">
                    <div className="flex items-start justify-between gap-3">
                      <h2 className="min-w-0 text-base font-semibold">
                        <Link href={`/o/${org.slug}/groups/${g.id}`} className="block truncate rounded hover:text-indigo-600 focus-visible:outline-none dark:hover:text-indigo-400">
                          {g.name}
                        </Link>
                      </h2>
                      <span className="shrink-0 text-sm tabular-nums text-slate-500 dark:text-slate-400">{total ? `${donePercent(counts)}% done` : ""}</span>
                    </div>
                    <p className="mt-1 line-clamp-2 min-h-10 text-sm text-slate-500 dark:text-slate-400">{g.description || "No description."}</p>
                    <div className="mt-4 space-y-2">
                      <StatusBar counts={counts} />
                      {total ? <StatusLegend counts={counts} /> : <p className="text-xs text-slate-400 dark:text-slate-500">No tasks yet</p>}
                    </div>
                    <div className="mt-4 flex items-center justify-between gap-2 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
                      <span className="text-slate-500 dark:text-slate-400">
                        {g.boardCount === 1 ? "1 board" : `${g.boardCount} boards`}
                        {visibleBoards < g.boardCount ? <span className="text-xs"> ({g.boardCount - visibleBoards} archived or hidden)</span> : null}
                      </span>
                      {org.isAdmin ? (
                        <span className="flex gap-1">
                          <Button variant="ghost" size="sm" onClick={() => setEditing(g)} aria-label={`Edit ${g.name}`}>
                            Edit
                          </Button>
                          <Button
                            variant="ghost"
                            size="sm"
                            className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!"
                            onClick={() => setDeleting(g)}
                            aria-label={`Delete ${g.name}`}
                          >
                            Delete
                          </Button>
                        </span>
                      ) : null}
                    </div>
                  </Card>
                </li>
              );
            })}
          </ul>
          {ungrouped > 0 ? (
            <p className="mt-6 text-sm text-slate-500 dark:text-slate-400">
              {ungrouped === 1 ? "1 board is" : `${ungrouped} boards are`} not in a group.{" "}
              <Link href={`/o/${org.slug}`} className="font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">
                See all boards
              </Link>
            </p>
          ) : null}
        </>
      )}
      <GroupDialog orgId={org.slug} open={creating || !!editing} group={editing ?? undefined} onClose={() => (setCreating(false), setEditing(null))} />
      <DeleteGroupDialog orgId={org.slug} group={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
