import type { Metadata } from "next";
import { loadSettingsOrg } from "@/components/settings/load-org";
import { TagsSettings } from "@/components/tags/tags-settings";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await loadSettingsOrg((await params).orgSlug);
  return <TagsSettings org={org} />;
}
