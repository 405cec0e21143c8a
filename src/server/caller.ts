// Server components call procedures through the same router as the API, as the signed-in user.
import { headers } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth/next-auth";
import { createContext } from "./context";
import { getDb } from "./db/client";
import { createCallerFactory } from "./trpc";
import { appRouter } from "./routers/_app";

const createCaller = createCallerFactory(appRouter);

export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

export async function serverCaller() {
  const h = await headers();
  const ctx = await createContext({
    db: getDb(),
    sessionUserId: await sessionUserId(),
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
  });
  return createCaller(ctx);
}
