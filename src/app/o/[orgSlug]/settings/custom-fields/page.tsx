import type { Metadata } from "next";
import { roleAtLeast } from "@/lib/roles";
import { EmptyState } from "@/components/ui/misc";
import { loadSettingsOrg } from "@/components/settings/load-org";
import { FieldsSettings } from "@/components/fields/fields-settings";

export const metadata: Metadata = { title: "Custom fields" };

export default async function CustomFieldsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadSettingsOrg((await params).orgSlug);
  if (!roleAtLeast(org.role, "admin")) return <EmptyState title="Admins only">Ask an admin of {org.name} to add or change custom fields.</EmptyState>;
  return <FieldsSettings org={org} />;
}
