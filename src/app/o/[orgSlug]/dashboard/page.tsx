import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { DashboardView } from "@/components/dashboard/dashboard-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const trpc = await serverCaller();
  const [org, data, boards] = await Promise.all([
    loadPageData(() => trpc.orgs.get({ orgId: orgSlug })),
    loadPageData(() => trpc.dashboard.get({ orgId: orgSlug })),
    loadPageData(() => trpc.boards.list({ orgId: orgSlug })),
  ]);
  return <DashboardView org={{ slug: org.slug, name: org.name, isAdmin: roleAtLeast(org.role, "admin") }} initialData={data} initialBoards={boards} />;
}
