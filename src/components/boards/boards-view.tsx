"use client";
import { useEffect, useRef, useState } from "react";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/misc";
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
  const boards = useQuery({ ...trpc.boards.list.queryOptions({ orgId: orgSlug }), initialData: initialBoards });
  const list = boards.data ?? initialBoards;
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
      <PageHeader title="Boards" description="Plan and track the work your agents and people do." actions={list.length ? newBoardButton : undefined} />
      {list.length === 0 ? (
        <EmptyState title="No boards yet — create your first board to start planning work for your agents" action={newBoardButton}>
          A board holds tasks in four columns — Inbox, In progress, Review and Done — that agents and people pick up and move along.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {list.map((board) => (
            <li key={board.id}>
              <BoardCard href={`/o/${orgSlug}/boards/${board.id}`} name={board.name} description={board.description} taskCounts={board.taskCounts} />
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
