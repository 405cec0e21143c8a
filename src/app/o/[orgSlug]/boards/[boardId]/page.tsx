import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { TASK_STATUSES, type TaskStatusValue } from "@/lib/schemas/tasks";
import { BoardView } from "@/components/boards/board-view";
import { loadPageData } from "@/components/boards/load-page-data";
import { boardTasksFromPages, columnPageInput } from "@/components/tasks/board-pages";

export const dynamic = "force-dynamic";

type Params = Promise<{ orgSlug: string; boardId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { boardId } = await params;
  try {
    const board = await (await serverCaller()).boards.get({ boardId });
    return { title: board.name };
  } catch {
    return { title: "Board" };
  }
}

export default async function BoardPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { orgSlug, boardId } = await params;
  const { view } = await searchParams;
  const trpc = await serverCaller();
  const [org, board] = await loadPageData(() => Promise.all([trpc.orgs.get({ orgId: orgSlug }), trpc.boards.get({ boardId })]));
  // A board of another org under this org's URL is not this org's board.
  if (board.orgId !== org.id) notFound();

  // The kanban's first page of each column; the list view loads its own (filtered) pages.
  let initialTasks = null;
  if (view !== "list") {
    const pages = await loadPageData(() => Promise.all(TASK_STATUSES.map((s) => trpc.tasks.list(columnPageInput(boardId, s)))));
    initialTasks = boardTasksFromPages(Object.fromEntries(TASK_STATUSES.map((s, i) => [s, pages[i]])) as Record<TaskStatusValue, (typeof pages)[number]>);
  }

  return <BoardView orgSlug={org.slug} initialBoard={board} initialTasks={initialTasks} isAdmin={roleAtLeast(org.role, "admin")} />;
}
