import type { Metadata } from "next";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { loadPageData } from "@/components/boards/load-page-data";
import { AgentsView } from "@/components/agents/agents-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const trpc = await serverCaller();
  const [org, agents, boards, gateways] = await Promise.all([
    loadPageData(() => trpc.orgs.get({ orgId: orgSlug })),
    loadPageData(() => trpc.agents.list({ orgId: orgSlug })),
    loadPageData(() => trpc.boards.list({ orgId: orgSlug })),
    loadPageData(() => trpc.gateways.list({ orgId: orgSlug })),
  ]);
  return (
    <AgentsView
      org={{ slug: org.slug, isAdmin: roleAtLeast(org.role, "admin") }}
      initialAgents={agents}
      boards={boards.filter((b) => !b.archivedAt).map((b) => ({ id: b.id, name: b.name }))}
      gateways={gateways.map((g) => ({ id: g.id, name: g.name }))}
    />
  );
}
