import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { BoardsView } from "@/components/boards/boards-view";
import { loadPageData } from "@/components/boards/load-page-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Boards" };

export default async function BoardsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const trpc = await serverCaller();
  const boards = await loadPageData(() => trpc.boards.list({ orgId: orgSlug }));
  return <BoardsView orgSlug={orgSlug} initialBoards={boards} />;
}
