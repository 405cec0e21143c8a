"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { Button } from "@/components/ui/button";
import { EmptyState, Spinner } from "@/components/ui/misc";
import { Select } from "@/components/ui/field";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { ActivityEntry } from "./activity-entry";

export type ActivityPage = inferRouterOutputs<AppRouter>["activity"]["list"];

const PAGE_SIZE = 30;

export function ActivityTimeline({
  orgSlug,
  boards,
  initialBoardId,
  initialPage,
}: {
  orgSlug: string;
  boards: { id: string; name: string }[];
  initialBoardId: string | null;
  initialPage: ActivityPage | null;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const selectId = useId();
  const [boardId, setBoardId] = useState<string | null>(initialBoardId);
  const boardNames = new Map(boards.map((b) => [b.id, b.name]));

  const input = { orgId: orgSlug, limit: PAGE_SIZE, ...(boardId ? { boardId } : {}) };
  // Our own queryFn: tRPC's infinite options add a `direction` key that the strict input schema rejects.
  const query = useInfiniteQuery({
    queryKey: trpc.activity.list.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) => client.activity.list.query({ ...input, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ActivityPage) => last.nextCursor,
    // The server rendered the first page for the filter in the URL; other filters load here.
    ...(initialPage && boardId === initialBoardId ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });

  // New activity arrives over the org stream; refetch (debounced) so it appears at the top.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(refetchTimer.current ?? undefined), []);
  useSubscription(
    trpc.activity.events.subscriptionOptions(
      { orgId: orgSlug },
      {
        onData: (item) => {
          const event = item.data;
          if (boardId && "boardId" in event && event.boardId !== boardId) return;
          clearTimeout(refetchTimer.current ?? undefined);
          refetchTimer.current = setTimeout(() => void query.refetch(), 300);
        },
      },
    ),
  );

  function chooseBoard(next: string | null) {
    setBoardId(next);
    // Keep the filter in the URL (shareable, survives reload) without a server round trip.
    const url = new URL(window.location.href);
    if (next) url.searchParams.set("board", next);
    else url.searchParams.delete("board");
    window.history.replaceState(null, "", url);
  }

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-xs space-y-1.5">
          <label htmlFor={selectId} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Board
          </label>
          <Select id={selectId} value={boardId ?? ""} onChange={(e) => chooseBoard(e.target.value || null)}>
            <option value="">All boards and settings</option>
            {boardId && !boardNames.has(boardId) ? <option value={boardId}>Deleted or hidden board</option> : null}
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </div>
        {query.isFetching && !query.isFetchingNextPage ? <Spinner label="Updating" /> : null}
      </div>

      {query.isPending ? (
        <Spinner label="Loading activity" />
      ) : query.isError ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
          Could not load activity: {query.error.message}{" "}
          <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <EmptyState title={boardId ? "Nothing has happened on this board yet" : "No activity yet"}>
          Every change — by people, API tokens and agents — is recorded here with who made it, what changed and when. Create a board or a task to see the first entries.
        </EmptyState>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900/60">
          <ol className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Activity, newest first">
            {items.map((item) => (
              <ActivityEntry
                key={item.id}
                item={item}
                boardName={item.boardId && !boardId ? boardNames.get(item.boardId) : undefined}
                boardHref={item.boardId ? `/o/${orgSlug}/boards/${item.boardId}` : undefined}
              />
            ))}
          </ol>
          <div className="flex justify-center border-t border-slate-100 py-4 dark:border-slate-800">
            {query.hasNextPage ? (
              <Button variant="secondary" size="sm" busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                Load more
              </Button>
            ) : (
              <p className="text-xs text-slate-500 dark:text-slate-400">That is everything{items.length > PAGE_SIZE ? ` — ${items.length} entries` : ""}.</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
