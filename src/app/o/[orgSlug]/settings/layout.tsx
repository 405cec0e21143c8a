import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { serverCaller } from "@/server/caller";
import { roleAtLeast } from "@/lib/roles";
import { PageHeader } from "@/components/ui/misc";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const org = await (await serverCaller()).orgs.get({ orgId: orgSlug }).catch(() => null);
  if (!org) notFound();
  const isAdmin = roleAtLeast(org.role, "admin");
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Settings"
        description={isAdmin ? `Manage ${org.name}: its name, members and their board access, tags, custom fields, invite links and API tokens.` : `${org.name}, its members and tags. Admins manage the other settings.`}
      />
      <SettingsTabs slug={org.slug} isAdmin={isAdmin} />
      {children}
    </div>
  );
}
