import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { PageHeader } from "@/components/ui/misc";
import { ActivityTimeline } from "@/components/activity/activity-timeline";
import { loadPageData } from "@/components/boards/load-page-data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ board?: string | string[] }> }) {
  const { orgSlug } = await params;
  const board = (await searchParams).board;
  const boardId = typeof board === "string" && board ? board : null;
  const trpc = await serverCaller();
  const boards = await loadPageData(() => trpc.boards.list({ orgId: orgSlug }));
  // An unknown board id in the URL shows an empty timeline rather than an error page.
  const first = await loadPageData(() => trpc.activity.list({ orgId: orgSlug, limit: 30, ...(boardId ? { boardId } : {}) })).catch(() => null);
  return (
    <>
      <PageHeader title="Activity" description="Who changed what, and when — every change to boards, tasks and settings, newest first." />
      <ActivityTimeline orgSlug={orgSlug} boards={boards.map((b) => ({ id: b.id, name: b.name }))} initialBoardId={boardId} initialPage={first} />
    </>
  );
}
