import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { GroupOverview } from "@/components/groups/group-overview";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; groupId: string }> }): Promise<Metadata> {
  const { orgSlug, groupId } = await params;
  const data = await (await serverCaller()).boardGroups.get({ orgId: orgSlug, groupId }).catch(() => null);
  return { title: data ? data.group.name : "Board group" };
}

export default async function GroupPage({ params }: { params: Promise<{ orgSlug: string; groupId: string }> }) {
  const { orgSlug, groupId } = await params;
  const trpc = await serverCaller();
  const [org, data] = await Promise.all([loadPageData(() => trpc.orgs.get({ orgId: orgSlug })), loadPageData(() => trpc.boardGroups.get({ orgId: orgSlug, groupId }))]);
  return <GroupOverview org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }} initialData={data} />;
}
