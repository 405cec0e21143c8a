import { openApiDocument } from "@/server/openapi";

export const dynamic = "force-dynamic";

export function GET(req: Request): Response {
  return Response.json(openApiDocument(new URL(req.url).origin));
}
