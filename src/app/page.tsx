import { redirect } from "next/navigation";
import { serverCaller, sessionUserId } from "@/server/caller";

export const dynamic = "force-dynamic";

/** Sends each visitor where they can start: setup, sign-in, or their first organization. */
export default async function Home() {
  const trpc = await serverCaller();
  if ((await trpc.setup.status()).needsSetup) redirect("/setup");
  if (!(await sessionUserId())) redirect("/signin");
  const orgs = await trpc.orgs.list();
  redirect(orgs.length ? `/o/${orgs[0].slug}` : "/orgs/new");
}
