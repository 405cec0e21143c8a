import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { GatewayDetail } from "@/components/gateways/gateway-detail";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; gatewayId: string }> }): Promise<Metadata> {
  const { orgSlug, gatewayId } = await params;
  const gateway = await (await serverCaller()).gateways.get({ orgId: orgSlug, gatewayId }).catch(() => null);
  return { title: gateway ? gateway.name : "Gateway" };
}

export default async function GatewayPage({ params }: { params: Promise<{ orgSlug: string; gatewayId: string }> }) {
  const { orgSlug, gatewayId } = await params;
  const trpc = await serverCaller();
  const [org, gateway] = await Promise.all([loadPageData(() => trpc.orgs.get({ orgId: orgSlug })), loadPageData(() => trpc.gateways.get({ orgId: orgSlug, gatewayId }))]);
  return <GatewayDetail org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }} initialGateway={gateway} />;
}
