import { notFound } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";

/** The org (with the caller's role) and the caller's user id, for a settings page. */
export async function loadSettingsOrg(orgSlug: string) {
  const org = await (await serverCaller()).orgs.get({ orgId: orgSlug }).catch(() => null);
  if (!org) notFound();
  return { org: { id: org.id, slug: org.slug, name: org.name, role: org.role, createdAt: org.createdAt }, userId: (await sessionUserId()) ?? "" };
}
