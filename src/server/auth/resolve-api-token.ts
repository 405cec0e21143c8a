import type { Db } from "../db/client";
import type { Actor } from "../context";
import type { Role } from "@/lib/roles";
import { parseAgentToken, parseApiToken, safeEqualHex, sha256 } from "./secrets";

const LAST_USED_RESOLUTION_MS = 60_000;

/** A bearer token's actor, or null when it is malformed, unknown, revoked or expired. */
export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  const parts = parseApiToken(token);
  if (!parts) return null;
  const row = await db.apiToken.findUnique({ where: { lookupId: parts.lookupId } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  if (!safeEqualHex(sha256(parts.secret), row.secretHash)) return null;
  // Coarse lastUsedAt so a busy script does not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { kind: "api_token", tokenId: row.id, userId: row.userId, orgId: row.orgId, role: row.role as Role, name: `token:${row.name}` };
}

/** An agent token's actor, or null when unknown, rotated away, or the agent is being deleted. */
export async function resolveAgentToken(db: Db, token: string): Promise<Actor | null> {
  const parts = parseAgentToken(token);
  if (!parts) return null;
  const agent = await db.agent.findUnique({ where: { tokenLookupId: parts.lookupId } });
  if (!agent?.tokenSecretHash || agent.desiredState !== "present") return null;
  if (!safeEqualHex(sha256(parts.secret), agent.tokenSecretHash)) return null;
  return { kind: "agent", agentId: agent.id, orgId: agent.orgId, boardId: agent.boardId, name: `agent:${agent.name}` };
}
