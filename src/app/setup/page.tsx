import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { serverCaller } from "@/server/caller";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

/** One-time: only while no user exists. The server refuses a second run as well. */
export default async function SetupPage() {
  const { needsSetup } = await (await serverCaller()).setup.status();
  if (!needsSetup) redirect("/signin");
  return (
    <AuthCard title="Set up Mission Control" description="Create the owner account and your first organization. This page is available only once.">
      <SetupForm />
    </AuthCard>
  );
}
