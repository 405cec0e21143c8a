import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";
import { AuthCard } from "@/components/auth/auth-card";
import { NewOrgForm } from "@/components/shell/new-org-form";
import { SignOutLink } from "@/components/auth/sign-out-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New organization" };

export default async function NewOrgPage() {
  if (!(await sessionUserId())) redirect(`/signin?callbackUrl=${encodeURIComponent("/orgs/new")}`);
  const trpc = await serverCaller();
  const me = await trpc.me.get();
  const orgs = me.orgs;
  return (
    <AuthCard
      footer={
        <>
          Signed in as {me.email ?? me.name}. <SignOutLink />
        </>
      }
      title="New organization"
      description={orgs.length ? "A separate workspace with its own boards, members and API tokens. You will be its owner." : "You are not in any organization yet. Create one to get started, or open an invite link you received."}
    >
      <NewOrgForm cancelHref={orgs.length ? `/o/${orgs[0].slug}` : null} />
    </AuthCard>
  );
}
