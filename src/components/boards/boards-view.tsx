"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader, Spinner } from "@/components/ui/misc";
import { Select } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { BoardCard } from "./board-card";
import { CreateBoardDialog } from "./board-dialogs";

import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

export type BoardSummary = inferRouterOutputs<AppRouter>["boards"]["list"][number];

export function BoardsView({ orgSlug, initialBoards }: { orgSlug: string; initialBoards: BoardSummary[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const groupFilterId = useId();
  // Filters live in the URL (shareable, kept on reload); the server rendered the unfiltered list.
  const showArchived = params.get("archived") === "1";
  const groupId = params.get("group") ?? "";
  const filtered = showArchived || groupId !== "";
  const boards = useQuery({
    ...trpc.boards.list.queryOptions({ orgId: orgSlug, archived: showArchived ? "only" : "exclude", ...(groupId ? { groupId } : {}) }),
    ...(filtered ? {} : { initialData: initialBoards }),
  });
  const groups = useQuery(trpc.boardGroups.list.queryOptions({ orgId: orgSlug }));
  const groupNames = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  const list = boards.data ?? (filtered ? [] : initialBoards);
  const setFilter = (patch: Record<string, string | null>) => {
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(patch)) {
      if (v) url.searchParams.set(k, v);
      else url.searchParams.delete(k);
    }
    window.history.replaceState(null, "", url);
  };
  const [creating, setCreating] = useState(false);

  // Task counts and new or renamed boards from others show up without a reload (debounced: a bulk import is one refetch).
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(refetchTimer.current ?? undefined), []);
  useSubscription(
    trpc.activity.events.subscriptionOptions(
      { orgId: orgSlug },
      {
        onData: (item) => {
          const type = item.data.type;
          if (!type.startsWith("task.") && !type.startsWith("board.") && type !== "stream.resync") return;
          clearTimeout(refetchTimer.current ?? undefined);
          refetchTimer.current = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() }), 500);
        },
      },
    ),
  );

  const newBoardButton = (
    <Button onClick={() => setCreating(true)}>
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden>
        <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
      </svg>
      New board
    </Button>
  );

  return (
    <>
      <PageHeader title="Boards" description="Plan and track the work your agents and people do." actions={list.length || filtered ? newBoardButton : undefined} />
      {list.length > 0 || filtered ? (
        <div className="mb-4 flex flex-wrap items-end gap-3">
          <div className="inline-flex gap-1 rounded-lg bg-slate-200/70 p-1 dark:bg-slate-800" role="group" aria-label="Show boards">
            {[
              { label: "Active", on: !showArchived, value: null },
              { label: "Archived", on: showArchived, value: "1" },
            ].map((option) => (
              <button
                key={option.label}
                type="button"
                aria-pressed={option.on}
                onClick={() => setFilter({ archived: option.value })}
                className={
                  "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 " +
                  (option.on ? "bg-white text-slate-900 shadow-sm dark:bg-slate-700 dark:text-white" : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100")
                }
              >
                {option.label}
              </button>
            ))}
          </div>
          {(groups.data?.length ?? 0) > 0 || groupId ? (
            <div className="flex items-center gap-2">
              <label htmlFor={groupFilterId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
                Group
              </label>
              <Select id={groupFilterId} value={groupId} onChange={(e) => setFilter({ group: e.target.value || null })} className="h-9 w-52">
                <option value="">All groups</option>
                {(groups.data ?? []).map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {boards.isFetching ? <Spinner label="Loading boards" /> : null}
        </div>
      ) : null}
      {list.length === 0 && filtered ? (
        boards.isPending ? null : (
          <EmptyState title={showArchived ? "No archived boards" : "No boards in this group"}>
            {showArchived ? "Boards you archive in their settings show up here, read-only, until restored." : "Pick another group, or set a board's group in its settings."}
          </EmptyState>
        )
      ) : list.length === 0 ? (
        <EmptyState title="No boards yet — create your first board to start planning work for your agents" action={newBoardButton}>
          A board holds tasks in four columns — Inbox, In progress, Review and Done — that agents and people pick up and move along.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {list.map((board) => (
            <li key={board.id}>
              <BoardCard
                href={`/o/${orgSlug}/boards/${board.id}`}
                name={board.name}
                description={board.objective || board.description}
                taskCounts={board.taskCounts}
                groupName={board.groupId ? (groupNames.get(board.groupId) ?? null) : null}
                archived={board.archivedAt !== null}
              />
            </li>
          ))}
        </ul>
      )}
      <CreateBoardDialog
        orgId={orgSlug}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(board) => {
          void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() });
          router.push(`/o/${orgSlug}/boards/${board.id}`);
        }}
      />
    </>
  );
}
