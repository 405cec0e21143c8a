import type { Metadata } from "next";
import { roleAtLeast } from "@/lib/roles";
import { EmptyState } from "@/components/ui/misc";
import { loadSettingsOrg } from "@/components/settings/load-org";
import { InvitationsSettings } from "@/components/settings/invitations-settings";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadSettingsOrg((await params).orgSlug);
  if (!roleAtLeast(org.role, "admin")) return <EmptyState title="Admins only">Ask an admin or owner of {org.name} to invite people.</EmptyState>;
  return <InvitationsSettings org={org} />;
}
