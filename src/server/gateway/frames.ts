// The gateway's wire format (protocol 4): JSON text frames of three kinds.
//   request  {type:"req",   id, method, params}
//   response {type:"res",   id, ok, payload | error:{code, message, details?, retryable?, retryAfterMs?}}
//   event    {type:"event", event, payload, seq?}
// Decoding never throws: a malformed frame comes back as a described failure so the connection
// can report it (a protocol bug on either side should be visible, not swallowed).
import { z } from "zod";

export const ErrorShape = z.looseObject({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  retryable: z.boolean().optional(),
  retryAfterMs: z.number().optional(),
});
export type ErrorShape = z.infer<typeof ErrorShape>;

export const RequestFrame = z.object({
  type: z.literal("req"),
  id: z.string().min(1),
  method: z.string().min(1),
  params: z.unknown().optional(),
});
export type RequestFrame = z.infer<typeof RequestFrame>;

export const ResponseOkFrame = z.looseObject({ type: z.literal("res"), id: z.string().min(1), ok: z.literal(true), payload: z.unknown().optional() });
export const ResponseErrorFrame = z.looseObject({ type: z.literal("res"), id: z.string().min(1), ok: z.literal(false), error: ErrorShape });
export const ResponseFrame = z.union([ResponseOkFrame, ResponseErrorFrame]);
export type ResponseFrame = z.infer<typeof ResponseFrame>;

export const EventFrame = z.looseObject({
  type: z.literal("event"),
  event: z.string().min(1),
  payload: z.unknown().optional(),
  seq: z.number().int().nonnegative().optional(),
});
export type EventFrame = z.infer<typeof EventFrame>;

export const InboundFrame = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("res") }),
  z.looseObject({ type: z.literal("event") }),
  z.looseObject({ type: z.literal("req") }),
]);

export type Frame = RequestFrame | ResponseFrame | EventFrame;

export type DecodeResult = { ok: true; frame: Frame } | { ok: false; error: string; raw: string };

const MAX_RAW_IN_REPORT = 500;

function describe(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(frame)"}: ${i.message}`)
    .join("; ");
}

/** Parses one text frame from the gateway. */
export function decodeFrame(data: string | Buffer | ArrayBuffer | Buffer[]): DecodeResult {
  const raw = typeof data === "string" ? data : Array.isArray(data) ? Buffer.concat(data).toString("utf8") : Buffer.from(data as ArrayBuffer).toString("utf8");
  const short = raw.length > MAX_RAW_IN_REPORT ? `${raw.slice(0, MAX_RAW_IN_REPORT)}…` : raw;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, error: `not JSON (${error instanceof Error ? error.message : String(error)})`, raw: short };
  }
  const kind = InboundFrame.safeParse(json);
  if (!kind.success) {
    const type = json && typeof json === "object" ? (json as { type?: unknown }).type : undefined;
    return { ok: false, error: `unknown frame type ${JSON.stringify(type)}`, raw: short };
  }
  // Pick the exact schema so a report names the bad field instead of "no union member matched".
  const schema =
    kind.data.type === "res" ? (kind.data.ok === false ? ResponseErrorFrame : ResponseOkFrame) : kind.data.type === "event" ? EventFrame : RequestFrame;
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `invalid ${kind.data.type} frame: ${describe(parsed.error.issues)}`, raw: short };
  return { ok: true, frame: parsed.data as Frame };
}

export function encodeRequest(id: string, method: string, params: unknown): string {
  const frame: RequestFrame = { type: "req", id, method, params: params ?? {} };
  return JSON.stringify(frame);
}

/** For test servers: encode a response or an event the way the gateway does. */
export function encodeResponse(id: string, result: { ok: true; payload?: unknown } | { ok: false; error: ErrorShape }): string {
  return JSON.stringify({ type: "res", id, ...result });
}

export function encodeEvent(event: string, payload?: unknown, seq?: number): string {
  return JSON.stringify(seq === undefined ? { type: "event", event, payload } : { type: "event", event, payload, seq });
}

/** The part of hello-ok this client relies on; the rest is kept as sent. */
export const HelloOk = z.looseObject({
  type: z.literal("hello-ok"),
  protocol: z.number().int(),
  server: z.looseObject({ version: z.string(), connId: z.string().optional() }),
  features: z.looseObject({ methods: z.array(z.string()), events: z.array(z.string()).optional() }),
  snapshot: z.unknown().optional(),
  auth: z
    .looseObject({
      role: z.string().optional(),
      scopes: z.array(z.string()).optional(),
      deviceToken: z.string().optional(),
    })
    .optional(),
  policy: z
    .looseObject({
      maxPayload: z.number().optional(),
      maxBufferedBytes: z.number().optional(),
      tickIntervalMs: z.number().optional(),
    })
    .optional(),
});
export type HelloOk = z.infer<typeof HelloOk>;

export const ConnectChallenge = z.looseObject({
  nonce: z.string().min(1),
  ts: z.number().int().nonnegative(),
});
export type ConnectChallenge = z.infer<typeof ConnectChallenge>;
