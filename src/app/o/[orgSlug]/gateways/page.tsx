import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { GatewaysView } from "@/components/gateways/gateways-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gateways" };

export default async function GatewaysPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const trpc = await serverCaller();
  const [org, gateways] = await Promise.all([loadPageData(() => trpc.orgs.get({ orgId: orgSlug })), loadPageData(() => trpc.gateways.list({ orgId: orgSlug }))]);
  return <GatewaysView org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }} initialGateways={gateways} />;
}
