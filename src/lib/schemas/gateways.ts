import { z } from "zod";
import { Id, Name, OrgRefInput } from "./common";

/** What Mission Control observes of its connection to a gateway (src/server/gateway/client.ts). */
export const GATEWAY_STATES = ["connecting", "connected", "reconnecting", "unauthorized", "pairing_required", "incompatible", "closed"] as const;
export const GatewayState = z.enum(GATEWAY_STATES);
export type GatewayStateName = (typeof GATEWAY_STATES)[number];

export const GatewayUrl = z
  .string()
  .trim()
  .min(1, "Required")
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "ws:" || u.protocol === "wss:") && !!u.hostname;
    } catch {
      return false;
    }
  }, "Use a WebSocket URL: ws://host:port or wss://host");

/** Write-only: accepted on create/update, never returned. */
export const GatewayToken = z.string().min(1, "Required").max(4096).describe("The gateway's shared token (write-only: never returned)");
export const WorkspaceRoot = z.string().trim().max(1000).describe("Where agent workspaces live on the gateway host (optional)");

export const GatewayOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  url: z.string(),
  workspaceRoot: z.string(),
  allowInsecureTls: z.boolean(),
  status: GatewayState,
  /** What went wrong last, in plain words; null while connected. */
  lastError: z.string().nullable(),
  /** A pending device pairing request on the gateway (status pairing_required). */
  pairingRequestId: z.string().nullable(),
  serverVersion: z.string().nullable(),
  minVersion: z.string(),
  lastConnectedAt: z.date().nullable(),
  /** Mission Control's device id on this gateway (sha256 of the public key; not secret). */
  deviceId: z.string().nullable(),
  /** Methods the gateway announced in its last handshake with this server (null: not known here yet). */
  methodCount: z.number().nullable(),
  supports: z.object({ chat: z.boolean(), sessions: z.boolean(), agentFiles: z.boolean(), skillsUpdate: z.boolean() }),
  agentCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type GatewayView = z.infer<typeof GatewayOutput>;

export const GatewayListInput = z.strictObject({ orgId: OrgRefInput });
export const GatewayRefInput = z.strictObject({ orgId: OrgRefInput, gatewayId: Id });
export const GatewayCreateInput = z.strictObject({
  orgId: OrgRefInput,
  name: Name,
  url: GatewayUrl,
  token: GatewayToken,
  workspaceRoot: WorkspaceRoot.default(""),
  allowInsecureTls: z.boolean().default(false),
});
export const GatewayUpdateInput = z.strictObject({
  orgId: OrgRefInput,
  gatewayId: Id,
  name: Name.optional(),
  url: GatewayUrl.optional(),
  /** Omitted (or empty from a form) keeps the stored token. */
  token: z.string().max(4096).optional().describe("A new token; omit to keep the stored one"),
  workspaceRoot: WorkspaceRoot.optional(),
  allowInsecureTls: z.boolean().optional(),
});

export const GatewaySessionsInput = z.strictObject({
  orgId: OrgRefInput,
  gatewayId: Id,
  agentId: z.string().trim().min(1).max(200).optional().describe("The gateway's agent id (e.g. main); omit for every agent"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const GatewaySession = z.object({
  key: z.string(),
  agentId: z.string().nullable(),
  title: z.string().nullable(),
  kind: z.string().nullable(),
  updatedAt: z.date().nullable(),
  lastMessage: z.string().nullable(),
  active: z.boolean(),
});
export const GatewaySessionsOutput = z.object({ sessions: z.array(GatewaySession), count: z.number() });

export const SessionKey = z.string().trim().min(1).max(500).describe('A gateway session key, e.g. "agent:main:main"');
export const ChatHistoryInput = z.strictObject({ orgId: OrgRefInput, gatewayId: Id, sessionKey: SessionKey, limit: z.coerce.number().int().min(1).max(500).default(100) });
export const ChatMessage = z.object({ id: z.string().nullable(), role: z.string(), text: z.string(), at: z.date().nullable() });
export type ChatMessageView = z.infer<typeof ChatMessage>;
export const ChatHistoryOutput = z.object({ sessionKey: z.string(), messages: z.array(ChatMessage) });

export const SendChatInput = z.strictObject({
  orgId: OrgRefInput,
  gatewayId: Id,
  sessionKey: SessionKey,
  message: z.string().trim().min(1, "Write a message").max(20_000),
  /** Repeating a send with the same key does not start a second run. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export const SendChatOutput = z.object({ runId: z.string(), status: z.string() });

export const GatewayEventsInput = z.strictObject({ orgId: OrgRefInput, gatewayId: Id, lastEventId: z.string().nullish() });

/** A `chat` event of the gateway (openclaw 2026.9.6), as it arrives in a `gateway.event` payload. */
export type GatewayChatEvent = {
  runId: string;
  sessionKey: string;
  agentId?: string;
  seq?: number;
  state: "delta" | "final" | "error" | string;
  message?: { role: string; content: { type: string; text?: string }[] | string };
  errorMessage?: string;
};
