import { createOpenApiFetchHandler } from "trpc-to-openapi";
import { appRouter } from "@/server/routers/_app";
import { contextFromRequest, jsonError, limitBody } from "@/server/http/request";

export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const limited = await limitBody(req);
  if (limited instanceof Response) return limited;
  try {
    return await createOpenApiFetchHandler({
      endpoint: "/api/v1",
      req: limited,
      router: appRouter,
      createContext: () => contextFromRequest(limited),
    });
  } catch (error) {
    console.error("[rest] unhandled", error);
    return jsonError(500, "INTERNAL_SERVER_ERROR", "Internal error");
  }
}

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
