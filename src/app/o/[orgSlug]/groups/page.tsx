import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { GroupsView } from "@/components/groups/groups-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Board groups" };

export default async function GroupsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const trpc = await serverCaller();
  const [org, groups, boards] = await Promise.all([
    loadPageData(() => trpc.orgs.get({ orgId: orgSlug })),
    loadPageData(() => trpc.boardGroups.list({ orgId: orgSlug })),
    loadPageData(() => trpc.boards.list({ orgId: orgSlug })),
  ]);
  return <GroupsView org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }} initialGroups={groups} initialBoards={boards} />;
}
