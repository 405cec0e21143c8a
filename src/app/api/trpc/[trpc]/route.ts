import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/routers/_app";
import { contextFromRequest, limitBody } from "@/server/http/request";

export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const limited = await limitBody(req);
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    createContext: () => contextFromRequest(limited),
  });
}

export { handler as GET, handler as POST };
