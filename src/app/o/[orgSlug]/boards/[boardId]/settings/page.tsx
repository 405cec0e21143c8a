import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { BoardSettings } from "@/components/boards/board-settings";
import { loadPageData } from "@/components/boards/load-page-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Board settings" };

export default async function BoardSettingsPage({ params }: { params: Promise<{ orgSlug: string; boardId: string }> }) {
  const { orgSlug, boardId } = await params;
  const trpc = await serverCaller();
  const [org, board] = await loadPageData(() => Promise.all([trpc.orgs.get({ orgId: orgSlug }), trpc.boards.get({ boardId })]));
  // Settings are for admins (the server refuses the writes to anyone else): others see a 404 like any page they cannot use.
  if (board.orgId !== org.id || !roleAtLeast(org.role, "admin")) notFound();
  return <BoardSettings orgSlug={org.slug} initialBoard={board} />;
}
