// Sessions and chat on a gateway: list sessions (all, or one agent's), read a session's chat
// history, send a message (the reply streams back as `chat` gateway events on the bus).
import { commit } from "../commit";
import { newId } from "@/lib/ids";
import type { ChatMessageView } from "@/lib/schemas/gateways";
import type { GatewayConnection } from "../../gateway";
import { streamEvents } from "../../events/stream";
import { awaitUsable, toTrpcError } from "./gateway-errors";
import { connectionForRow } from "./connections";
import { ensureConnected, findGateway, type OrgCtx } from "./gateways";

const CALL_TIMEOUT_MS = 20_000;

async function usableConnection(ctx: OrgCtx, gatewayId: string) {
  const gateway = await findGateway(ctx, gatewayId);
  let connection: GatewayConnection;
  try {
    connection = connectionForRow(ctx.db, gateway);
  } catch (error) {
    throw toTrpcError(error, gateway.name);
  }
  await awaitUsable(connection, gateway.name);
  return { gateway, connection };
}

async function call<T>(gatewayName: string, connection: GatewayConnection, method: string, params: unknown): Promise<T> {
  try {
    return await connection.request<T>(method, params, { timeoutMs: CALL_TIMEOUT_MS });
  } catch (error) {
    throw toTrpcError(error, gatewayName, connection);
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const time = (v: unknown): Date | null => {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return new Date(v < 1e12 ? v * 1000 : v);
  if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return new Date(v);
  return null;
};
/** `agent:<agentId>:<rest>` → agentId. */
export const agentOfSessionKey = (key: string): string | null => /^agent:([^:]+):/.exec(key)?.[1] ?? null;

/** Text of a message's content: a string, or the text parts of a content array. */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((p) => (p && typeof p === "object" && typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : ""))
      .filter(Boolean)
      .join("");
  }
  return "";
}

type RawSession = Record<string, unknown>;

export async function listSessions(ctx: OrgCtx, input: { gatewayId: string; agentId?: string; limit: number }) {
  const { gateway, connection } = await usableConnection(ctx, input.gatewayId);
  // Accept Mission Control's agent id as well as the gateway's own agent id.
  let agentId = input.agentId;
  if (agentId) {
    const agent = await ctx.db.agent.findFirst({ where: { id: agentId, orgId: ctx.org.id, gatewayId: gateway.id }, select: { gatewayAgentId: true } });
    if (agent?.gatewayAgentId) agentId = agent.gatewayAgentId;
  }
  const result = await call<{ sessions?: RawSession[]; count?: number }>(gateway.name, connection, "sessions.list", {
    limit: input.limit,
    includeDerivedTitles: true,
    includeLastMessage: true,
    ...(agentId ? { agentId } : {}),
  });
  const sessions = (result.sessions ?? [])
    .map((s) => {
      const key = str(s.key) ?? str(s.sessionKey) ?? "";
      const last = s.lastMessage;
      return {
        key,
        agentId: str(s.agentId) ?? agentOfSessionKey(key),
        title: str(s.displayName) ?? str(s.label) ?? str(s.derivedTitle) ?? str(s.title),
        kind: str(s.kind) ?? str(s.chatType),
        updatedAt: time(s.updatedAt) ?? time(s.lastActivityAt),
        lastMessage: str(last) ?? (last && typeof last === "object" ? str((last as { text?: unknown }).text) : null) ?? str(s.lastMessagePreview),
        active: s.hasActiveRun === true,
      };
    })
    .filter((s) => s.key && (!agentId || s.agentId === agentId));
  return { sessions, count: sessions.length };
}

export async function chatHistory(ctx: OrgCtx, input: { gatewayId: string; sessionKey: string; limit: number }) {
  const { gateway, connection } = await usableConnection(ctx, input.gatewayId);
  const result = await call<{ sessionKey?: string; messages?: Record<string, unknown>[] }>(gateway.name, connection, "chat.history", { sessionKey: input.sessionKey, limit: input.limit });
  const messages: ChatMessageView[] = [];
  for (const m of result.messages ?? []) {
    const role = str(m.role) ?? "unknown";
    const text = textOf(m.content ?? m.text);
    if (!text.trim()) continue; // tool calls and silent rows carry no text to show
    messages.push({ id: str(m.id) ?? str(m.messageId), role, text, at: time(m.timestamp) ?? time(m.at) ?? time(m.createdAt) });
  }
  return { sessionKey: result.sessionKey ?? input.sessionKey, messages };
}

export async function sendChat(ctx: OrgCtx, input: { gatewayId: string; sessionKey: string; message: string; idempotencyKey?: string }) {
  const { gateway, connection } = await usableConnection(ctx, input.gatewayId);
  const ack = await call<{ runId?: string; status?: string }>(gateway.name, connection, "chat.send", {
    sessionKey: input.sessionKey,
    message: input.message,
    idempotencyKey: input.idempotencyKey ?? `mc-${newId()}`,
  });
  const runId = ack.runId ?? "";
  // The message went out before this row is written: the gateway has no transaction to join.
  await commit(ctx, async (_tx, record) => {
    await record({
      orgId: ctx.org.id,
      action: "gateway.chat_sent",
      targetType: "gateway",
      targetId: gateway.id,
      summary: `Sent a message to ${input.sessionKey} on ${gateway.name}`,
      after: { sessionKey: input.sessionKey, runId, length: input.message.length },
      payload: { gatewayId: gateway.id, sessionKey: input.sessionKey, runId },
    });
  });
  return { runId, status: ack.status ?? "started" };
}

/** A gateway's status changes, its events (chat replies…) and changes to its record, live. */
export async function gatewayEvents(ctx: OrgCtx, input: { gatewayId: string; lastEventId?: string | null }, signal?: AbortSignal) {
  const gateway = await findGateway(ctx, input.gatewayId);
  ensureConnected(ctx.db, gateway);
  return streamEvents({
    match: (e) => e.orgId === ctx.org.id && e.targetType === "gateway" && e.targetId === gateway.id,
    lastEventId: input.lastEventId,
    signal,
  });
}
