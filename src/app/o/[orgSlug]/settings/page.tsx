import type { Metadata } from "next";
import { roleAtLeast } from "@/lib/roles";
import { loadSettingsOrg } from "@/components/settings/load-org";
import { OrgSettings } from "@/components/settings/org-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function OrgSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadSettingsOrg((await params).orgSlug);
  return <OrgSettings key={org.name} org={org} canEdit={roleAtLeast(org.role, "admin")} />;
}
