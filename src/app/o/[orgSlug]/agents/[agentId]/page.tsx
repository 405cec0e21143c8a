import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { AgentDetail } from "@/components/agents/agent-detail";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; agentId: string }> }): Promise<Metadata> {
  const { orgSlug, agentId } = await params;
  const agent = await (await serverCaller()).agents.get({ orgId: orgSlug, agentId }).catch(() => null);
  return { title: agent ? agent.name : "Agent" };
}

export default async function AgentPage({ params }: { params: Promise<{ orgSlug: string; agentId: string }> }) {
  const { orgSlug, agentId } = await params;
  const trpc = await serverCaller();
  const [org, agent, boards, gateways] = await Promise.all([
    loadPageData(() => trpc.orgs.get({ orgId: orgSlug })),
    loadPageData(() => trpc.agents.get({ orgId: orgSlug, agentId })),
    loadPageData(() => trpc.boards.list({ orgId: orgSlug })),
    loadPageData(() => trpc.gateways.list({ orgId: orgSlug })),
  ]);
  return (
    <AgentDetail
      org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }}
      initialAgent={agent}
      boards={boards.filter((b) => !b.archivedAt).map((b) => ({ id: b.id, name: b.name }))}
      gateways={gateways.map((g) => ({ id: g.id, name: g.name }))}
    />
  );
}
