// One error type for everything a gateway call can end with: a refusal from the gateway (its
// code, message and details as sent) or a local outcome (timeout, lost connection, closed).

/** Codes the gateway sends (ErrorCodes in the openclaw source). */
export type GatewayErrorCode =
  | "INVALID_REQUEST"
  | "FORBIDDEN"
  | "NOT_PAIRED"
  | "UNAVAILABLE"
  | "APPROVAL_NOT_FOUND"
  | "NOT_LINKED"
  | "AGENT_TIMEOUT";

/** Codes this client produces itself, never sent by a gateway. */
export type LocalErrorCode =
  /** No answer within the call's timeout; the gateway may still apply it. */
  | "TIMEOUT"
  /** The socket closed before the answer; the call may or may not have been applied. */
  | "DISCONNECTED"
  /** The connection is not usable (unauthorized, pairing required, incompatible). */
  | "NOT_CONNECTED"
  /** close() was called. */
  | "CLOSED"
  /** The encoded request exceeds the gateway's advertised maxPayload. */
  | "PAYLOAD_TOO_LARGE"
  /** The gateway does not announce this method in hello-ok. */
  | "UNSUPPORTED_METHOD"
  /** The caller's AbortSignal fired. */
  | "ABORTED";

export type ErrorCode = GatewayErrorCode | LocalErrorCode | (string & {});

const LOCAL_RETRYABLE = new Set<string>(["TIMEOUT", "DISCONNECTED"]);

export class GatewayRequestError extends Error {
  override readonly name = "GatewayRequestError";
  readonly code: ErrorCode;
  readonly details: unknown;
  /** Whether repeating the same call later can succeed (gateway-provided when it says so). */
  readonly retryable: boolean;
  /** The gateway's hint for when to retry, if any. */
  readonly retryAfterMs: number | null;
  readonly method: string | null;

  constructor(init: {
    code: ErrorCode;
    message: string;
    details?: unknown;
    retryable?: boolean;
    retryAfterMs?: number | null;
    method?: string | null;
  }) {
    super(init.message);
    this.code = init.code;
    this.details = init.details ?? null;
    this.retryable = init.retryable ?? (LOCAL_RETRYABLE.has(init.code) || init.code === "UNAVAILABLE");
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.method = init.method ?? null;
  }

  /** `details.code` when the gateway sent one (AUTH_TOKEN_MISMATCH, PAIRING_REQUIRED, MISSING_SCOPE, …). */
  get detailCode(): string | null {
    const d = this.details;
    return d && typeof d === "object" && typeof (d as { code?: unknown }).code === "string" ? (d as { code: string }).code : null;
  }
}
