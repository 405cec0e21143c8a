import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";
import { AuthCard } from "@/components/auth/auth-card";
import { NewOrgForm } from "@/components/shell/new-org-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New organization" };

export default async function NewOrgPage() {
  if (!(await sessionUserId())) redirect(`/signin?callbackUrl=${encodeURIComponent("/orgs/new")}`);
  const orgs = await (await serverCaller()).orgs.list();
  return (
    <AuthCard
      title="New organization"
      description={orgs.length ? "A separate workspace with its own boards, members and API tokens. You will be its owner." : "You are not in any organization yet. Create one to get started, or open an invite link you received."}
    >
      <NewOrgForm cancelHref={orgs.length ? `/o/${orgs[0].slug}` : null} />
    </AuthCard>
  );
}
