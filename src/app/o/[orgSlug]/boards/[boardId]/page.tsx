import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import type { Task } from "@/lib/schemas/tasks";
import type { Board } from "@/lib/schemas/boards";
import { BoardView } from "@/components/boards/board-view";
import { loadPageData } from "@/components/boards/load-page-data";
import { TASK_PAGE_SIZE } from "@/components/tasks/constants";

export const dynamic = "force-dynamic";

type Params = Promise<{ orgSlug: string; boardId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { boardId } = await params;
  try {
    const board = await (await serverCaller()).boards.get({ boardId });
    return { title: board.name };
  } catch {
    return { title: "Board" };
  }
}

export default async function BoardPage({ params }: { params: Params }) {
  const { orgSlug, boardId } = await params;
  const trpc = await serverCaller();
  const [org, board] = await loadPageData(() => Promise.all([trpc.orgs.get({ orgId: orgSlug }), trpc.boards.get({ boardId })]));
  // A board of another org under this org's URL is not this org's board.
  if (board.orgId !== org.id) notFound();

  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await loadPageData(() => trpc.tasks.list({ boardId, limit: TASK_PAGE_SIZE, cursor }));
    tasks.push(...(page.items as Task[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  return <BoardView orgSlug={org.slug} initialBoard={board as Board} initialTasks={tasks} canDelete={roleAtLeast(org.role, "admin")} />;
}
