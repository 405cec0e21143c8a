import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { serverCaller, sessionUserId } from "@/server/caller";
import { AuthCard, linkClass } from "@/components/auth/auth-card";
import { InviteSignUpForm, JoinButton } from "@/components/auth/invite-actions";
import { Badge } from "@/components/ui/misc";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation" };

const ROLE_TEXT = { owner: "an owner", admin: "an admin", member: "a member" } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const trpc = await serverCaller();
  let preview;
  try {
    preview = await trpc.invitations.preview({ token });
  } catch (error) {
    return <InviteProblem error={error} />;
  }

  const userId = await sessionUserId();
  const me = userId ? await trpc.me.get().catch(() => null) : null;
  const expires = preview.expiresAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

  return (
    <AuthCard
      title={`Join ${preview.orgName}`}
      description={
        <>
          You are invited as {ROLE_TEXT[preview.role]} of <span className="font-medium text-slate-700 dark:text-slate-200">{preview.orgName}</span>.
        </>
      }
    >
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-950/50">
        <dt className="text-slate-500 dark:text-slate-400">Organization</dt>
        <dd className="font-medium">{preview.orgName}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Role</dt>
        <dd>
          <Badge tone={preview.role === "member" ? "slate" : "indigo"}>{preview.role}</Badge>
        </dd>
        {preview.email ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">For</dt>
            <dd className="truncate">{preview.email}</dd>
          </>
        ) : null}
        <dt className="text-slate-500 dark:text-slate-400">Expires</dt>
        <dd>{expires}</dd>
      </dl>
      {me && me.email ? (
        <JoinButton token={token} orgName={preview.orgName} userEmail={me.email} />
      ) : (
        <InviteSignUpForm token={token} invitedEmail={preview.email} />
      )}
    </AuthCard>
  );
}

function InviteProblem({ error }: { error: unknown }) {
  const code = error instanceof TRPCError ? error.code : null;
  const { title, text } =
    code === "PRECONDITION_FAILED"
      ? { title: "This invitation has expired", text: "Invite links expire. Ask an admin of the organization for a new link." }
      : code === "CONFLICT"
        ? { title: "This invitation was already used", text: "Each invite link works once. If you accepted it, sign in; otherwise ask for a new link." }
        : { title: "Invitation not found", text: "This link is not valid or was revoked. Check that you copied the whole link, or ask for a new one." };
  return (
    <AuthCard title={title} description={text}>
      <Link href="/signin" className={linkClass}>
        Go to sign in
      </Link>
    </AuthCard>
  );
}
