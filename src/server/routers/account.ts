import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc";
import { MeOutput, SetupInput, SetupStatusOutput } from "@/lib/schemas/orgs";
import { needsSetup, runSetup } from "../services/setup/setup";
import { whoAmI } from "../services/orgs/read-orgs";

export const setupRouter = router({
  status: publicProcedure
    .meta({ openapi: { method: "GET", path: "/setup", tags: ["setup"], summary: "Whether the first owner still has to be created" } })
    .input(z.void())
    .output(SetupStatusOutput)
    .query(async ({ ctx }) => ({ needsSetup: await needsSetup(ctx.db) })),
  run: publicProcedure
    .meta({ openapi: { method: "POST", path: "/setup", tags: ["setup"], summary: "Create the first owner and organization (only once)" } })
    .input(SetupInput)
    .output(z.object({ orgSlug: z.string() }))
    .mutation(async ({ ctx, input }) => ({ orgSlug: (await runSetup(ctx, input)).orgSlug })),
});

export const meRouter = router({
  get: authedProcedure
    .meta({ openapi: { method: "GET", path: "/me", tags: ["account"], summary: "The caller and its organizations" } })
    .input(z.void())
    .output(MeOutput)
    .query(({ ctx }) => whoAmI(ctx)),
});
