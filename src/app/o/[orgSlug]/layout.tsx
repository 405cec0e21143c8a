import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

/** Every org page: signed-in members only; an unknown or foreign slug is a 404. */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  // A layout cannot see the full path; the org home is the closest page we can send people back to.
  const signIn = `/signin?callbackUrl=${encodeURIComponent(`/o/${orgSlug}`)}`;
  if (!(await sessionUserId())) redirect(signIn);
  const trpc = await serverCaller();
  // A session whose user no longer exists is treated as signed out.
  const me = await trpc.me.get().catch(() => null);
  if (!me) redirect(signIn);
  const current = me.orgs.find((o) => o.slug === orgSlug);
  if (!current) notFound();
  const orgs = me.orgs.map(({ id, slug, name, role }) => ({ id, slug, name, role }));
  return (
    <AppShell orgs={orgs} current={{ id: current.id, slug: current.slug, name: current.name, role: current.role }} user={{ name: me.name, email: me.email }}>
      {children}
    </AppShell>
  );
}
