import type { Metadata } from "next";
import { roleAtLeast } from "@/lib/roles";
import { EmptyState } from "@/components/ui/misc";
import { loadSettingsOrg } from "@/components/settings/load-org";
import { ApiTokensSettings } from "@/components/settings/api-tokens-settings";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadSettingsOrg((await params).orgSlug);
  if (!roleAtLeast(org.role, "admin")) return <EmptyState title="Admins only">Ask an admin or owner of {org.name} for an API token.</EmptyState>;
  return <ApiTokensSettings org={org} />;
}
