import type { Metadata } from "next";
import { loadSettingsOrg } from "@/components/settings/load-org";
import { MembersSettings } from "@/components/settings/members-settings";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, userId } = await loadSettingsOrg((await params).orgSlug);
  return <MembersSettings org={org} userId={userId} />;
}
