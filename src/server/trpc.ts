// tRPC setup: every procedure declares its caller by which builder it starts from.
//   publicProcedure       anyone
//   authedProcedure       a signed-in user or an API token
//   orgProcedure(role)    a member of the input's org (`orgId`: id or slug) with at least `role`
//   boardProcedure(mode)  a caller who may read/write the input's board (`boardId`)
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Context } from "./context";
import { resolveAgentAccess, resolveOrgAccess, resolveBoardAccess, type BoardMode } from "./services/access";
import type { Role } from "@/lib/roles";

const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    transformer: superjson,
    // Never leak stacks: isDev controls whether tRPC adds `data.stack` to error bodies.
    isDev: false,
    // Pings keep idle SSE streams open through proxies; a client that hears nothing for 30 s
    // reconnects and resumes from its last tracked event id.
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
    errorFormatter({ shape, error, ctx }) {
      const requestId = ctx?.requestId;
      const zod = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      if (internal) console.error(`[error] request ${requestId ?? "?"}`, error.cause ?? error);
      return {
        message: internal ? `Internal error (request ${requestId ?? "unknown"})` : zod ? "Input validation failed" : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId,
          fieldErrors: zod?.fieldErrors ?? null,
          formErrors: zod?.formErrors ?? null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or send an API token (Authorization: Bearer mc_…)" });
  if (actor.kind === "agent") throw new TRPCError({ code: "FORBIDDEN", message: "Agent tokens can only call the agent API (/api/v1/agent/…)" });
  return next({ ctx: { ...ctx, actor } });
});

/** An agent calling with its agent token (`mca_…`): the agent, its org and its board. */
export const agentProcedure = t.procedure.use(async ({ ctx, next }) => {
  const actor = ctx.actor;
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Send the agent token: Authorization: Bearer mca_…" });
  if (actor.kind !== "agent") throw new TRPCError({ code: "FORBIDDEN", message: "The agent API needs an agent token (mca_…)" });
  const access = await resolveAgentAccess(ctx, actor);
  return next({ ctx: { ...ctx, actor, ...access } });
});

/** A signed-in user (API tokens act for an org, not as a person: they cannot use these). */
export const userProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "user") throw new TRPCError({ code: "FORBIDDEN", message: "This action needs a signed-in user, not an API token" });
  return next({ ctx: { ...ctx, user: { id: ctx.actor.userId, name: ctx.actor.name } } });
});

const OrgRef = z.object({ orgId: z.string().min(1) });
const BoardRef = z.object({ boardId: z.string().min(1) });

async function readRef<T>(schema: z.ZodType<T>, getRawInput: () => Promise<unknown>): Promise<T> {
  const parsed = schema.safeParse(await getRawInput());
  // Let the procedure's own input schema produce the field errors.
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", message: "Input validation failed", cause: parsed.error });
  return parsed.data;
}

export const orgProcedure = (minRole: Role) =>
  authedProcedure.use(async ({ ctx, getRawInput, next }) => {
    const { orgId } = await readRef(OrgRef, getRawInput);
    const access = await resolveOrgAccess(ctx, orgId, minRole);
    return next({ ctx: { ...ctx, org: access.org, role: access.role, boardFilter: access.boardFilter } });
  });

export const boardProcedure = (mode: BoardMode, minRole: Role = "member") =>
  authedProcedure.use(async ({ ctx, getRawInput, next }) => {
    const { boardId } = await readRef(BoardRef, getRawInput);
    const access = await resolveBoardAccess(ctx, boardId, mode, minRole);
    return next({ ctx: { ...ctx, org: access.org, role: access.role, board: access.board, boardLevel: access.boardLevel, boardFilter: access.boardFilter } });
  });
