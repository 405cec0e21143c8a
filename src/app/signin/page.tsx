import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";
import { AuthCard, FormAlert, linkClass } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/signin-form";
import { safeCallbackUrl } from "@/components/auth/credentials";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await sessionUserId()) redirect(callbackUrl);
  const { needsSetup } = await (await serverCaller()).setup.status();

  return (
    <AuthCard title="Sign in" description="Welcome back. Sign in to operate your agents and boards.">
      {needsSetup ? (
        <div className="mb-4">
          <FormAlert tone="info">
            No account exists yet.{" "}
            <Link href="/setup" className={linkClass}>
              Set up Mission Control
            </Link>{" "}
            to create the first owner.
          </FormAlert>
        </div>
      ) : null}
      {params.error && params.error !== "CredentialsSignin" ? (
        <div className="mb-4">
          <FormAlert>Sign-in failed. Try again.</FormAlert>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
