// Who is calling, resolved once per request. Kept free of next-auth (CommonJS) so unit tests
// and scripts can import it; the route handlers pass the session's user id in.
import type { Db } from "./db/client";
import type { Role } from "@/lib/roles";
import { resolveAgentToken, resolveApiToken } from "./auth/resolve-api-token";
import { newId } from "@/lib/ids";

export type Actor =
  | { kind: "user"; userId: string; name: string }
  | { kind: "api_token"; tokenId: string; userId: string; orgId: string; role: Role; name: string }
  /** An OpenClaw agent with its agent token: may only call the agent API, on its own board. */
  | { kind: "agent"; agentId: string; orgId: string; boardId: string | null; name: string }
  /** Mission Control itself (first-run bootstrap, the CLI): acts with owner rights. */
  | { kind: "system"; name: string };

/** Callers of the operator API (everything except the agent API). */
export type OperatorActor = Exclude<Actor, { kind: "agent" }>;

export interface Context {
  db: Db;
  actor: Actor | null;
  requestId: string;
  ip: string | null;
}

export interface CreateContextOptions {
  db: Db;
  sessionUserId?: string | null;
  authorization?: string | null;
  ip?: string | null;
  requestId?: string;
}

export async function createContext(opts: CreateContextOptions): Promise<Context> {
  const base = { db: opts.db, requestId: opts.requestId ?? newId(), ip: opts.ip ?? null };
  const bearer = opts.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { ...base, actor: bearer.startsWith("mca_") ? await resolveAgentToken(opts.db, bearer) : await resolveApiToken(opts.db, bearer) };
  if (opts.sessionUserId) {
    const user = await opts.db.user.findUnique({ where: { id: opts.sessionUserId }, select: { id: true, name: true } });
    if (user) return { ...base, actor: { kind: "user", userId: user.id, name: user.name } };
  }
  return { ...base, actor: null };
}
