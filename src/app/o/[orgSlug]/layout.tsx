import type { ReactNode } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

/** Every org page: signed-in members only; an unknown or foreign slug is a 404. */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  // A layout cannot see the full path: src/proxy.ts forwards it so a deep link survives sign-in.
  // Only a path inside this org is trusted as a callback; anything else falls back to the org home.
  const forwarded = (await headers()).get("x-mc-pathname");
  const back = forwarded && forwarded.startsWith(`/o/${orgSlug}`) && !forwarded.startsWith("//") ? forwarded : `/o/${orgSlug}`;
  const signIn = `/signin?callbackUrl=${encodeURIComponent(back)}`;
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
