import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { TemplateSync } from "@/components/agents/template-sync";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Template sync" };

export default async function TemplateSyncPage({ params }: { params: Promise<{ orgSlug: string; gatewayId: string }> }) {
  const { orgSlug, gatewayId } = await params;
  const trpc = await serverCaller();
  const [org, gateway, agents] = await Promise.all([
    loadPageData(() => trpc.orgs.get({ orgId: orgSlug })),
    loadPageData(() => trpc.gateways.get({ orgId: orgSlug, gatewayId })),
    loadPageData(() => trpc.agents.list({ orgId: orgSlug, gatewayId })),
  ]);
  return <TemplateSync org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }} gateway={{ id: gateway.id, name: gateway.name }} agents={agents.filter((a) => a.status !== "deleting")} />;
}
