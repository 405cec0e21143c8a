import { generateOpenApiDocument } from "trpc-to-openapi";
import { appRouter } from "./routers/_app";

let cached: ReturnType<typeof generateOpenApiDocument> | null = null;

export function openApiDocument(baseUrl: string) {
  cached ??= generateOpenApiDocument(appRouter, {
    title: "Mission Control API",
    version: "1.0.0",
    baseUrl: "/api/v1",
    description:
      "Operate OpenClaw agents, boards and tasks. Authenticate with `Authorization: Bearer mc_…` (create a token in Settings → API tokens or with `npm run mc -- token create`). Org-scoped paths take the organization id or slug.",
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
  });
  return { ...cached, servers: [{ url: `${baseUrl}/api/v1` }] };
}
