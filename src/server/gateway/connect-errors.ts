// Turns a refused `connect` into what the connection should do next and what to tell the
// operator, in plain words. Codes are those of openclaw 2026.9.6 (ErrorCodes and
// ConnectErrorDetailCodes in dist/connect-error-details-*.mjs).
import type { ErrorShape } from "./frames";
import { PROTOCOL_VERSION } from "./version";

export type ConnectFailure =
  /** Credentials are wrong or missing: retrying with the same ones cannot help. */
  | { kind: "unauthorized"; code: string; message: string }
  /** The device waits for an admin's approval on the gateway. */
  | { kind: "pairing_required"; code: string; message: string; requestId: string | null }
  /** The gateway and this client cannot talk (protocol or version). */
  | { kind: "incompatible"; code: string; message: string }
  /** Transient (starting up, rate limited, unknown): retry, after retryAfterMs when given. */
  | { kind: "retry"; code: string; message: string; retryAfterMs: number | null };

function detailsOf(error: ErrorShape): Record<string, unknown> {
  return error.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : {};
}

export function classifyConnectError(error: ErrorShape): ConnectFailure {
  const details = detailsOf(error);
  const detailCode = typeof details.code === "string" ? details.code : null;
  const code = detailCode ?? error.code;
  const gatewaySays = error.message ? ` (gateway: ${error.message})` : "";
  const retryAfterMs =
    typeof error.retryAfterMs === "number" ? error.retryAfterMs : typeof details.retryAfterMs === "number" ? details.retryAfterMs : null;

  switch (detailCode) {
    case "AUTH_TOKEN_MISMATCH":
      return { kind: "unauthorized", code, message: "The gateway refused the token: it does not match the gateway's token. Update the gateway token in Mission Control." };
    case "AUTH_TOKEN_MISSING":
    case "AUTH_REQUIRED":
      return { kind: "unauthorized", code, message: "The gateway requires a token and none was sent. Add the gateway token in Mission Control." };
    case "AUTH_TOKEN_NOT_CONFIGURED":
      return { kind: "unauthorized", code, message: "The gateway has no token configured, so token sign-in is impossible. Configure gateway.auth on the gateway." };
    case "AUTH_PASSWORD_MISSING":
    case "AUTH_PASSWORD_MISMATCH":
    case "AUTH_PASSWORD_NOT_CONFIGURED":
      return { kind: "unauthorized", code, message: `The gateway uses password authentication, which Mission Control does not send${gatewaySays}.` };
    case "AUTH_DEVICE_TOKEN_MISMATCH":
      return { kind: "unauthorized", code, message: "The gateway no longer accepts this device's token (revoked or rotated). Reconnect with the gateway token to pair again." };
    case "AUTH_RATE_LIMITED":
      return { kind: "retry", code, message: "The gateway is rate-limiting sign-in attempts after failures; retrying later.", retryAfterMs };
    case "DEVICE_IDENTITY_REQUIRED":
      return { kind: "unauthorized", code, message: "The gateway requires a device identity for this connection. Enable device identity for this gateway in Mission Control." };
    case "DEVICE_AUTH_SIGNATURE_EXPIRED":
      return { kind: "unauthorized", code, message: "The gateway refused the device signature as expired: this server's clock and the gateway's differ by more than 2 minutes." };
    case "PROTOCOL_MISMATCH": {
      const expected = details.expectedProtocol;
      return {
        kind: "incompatible",
        code,
        message: `The gateway speaks protocol ${typeof expected === "number" ? expected : "(unknown)"}, Mission Control speaks protocol ${PROTOCOL_VERSION}. Upgrade the gateway (or Mission Control) so both speak the same protocol.`,
      };
    }
    case "CLIENT_VERSION_MISMATCH":
      return { kind: "incompatible", code, message: `The gateway refused this client's version${gatewaySays}.` };
    case "PAIRING_REQUIRED": {
      const requestId = typeof details.requestId === "string" ? details.requestId : null;
      return { kind: "pairing_required", code, requestId, message: pairingMessage(requestId) };
    }
  }
  if (detailCode?.startsWith("DEVICE_AUTH_")) {
    return { kind: "unauthorized", code, message: `The gateway refused this device's identity proof${gatewaySays}.` };
  }
  if (detailCode?.startsWith("AUTH_")) {
    return { kind: "unauthorized", code, message: `The gateway refused the credentials${gatewaySays}.` };
  }
  if (error.code === "NOT_PAIRED") {
    const requestId = typeof details.requestId === "string" ? details.requestId : null;
    return { kind: "pairing_required", code, requestId, message: pairingMessage(requestId) };
  }
  if (error.code === "UNAVAILABLE" || error.retryable) {
    const reason = typeof details.reason === "string" ? details.reason : null;
    return {
      kind: "retry",
      code,
      message: reason === "startup-sidecars" ? "The gateway is still starting up." : `The gateway is temporarily unavailable${gatewaySays}.`,
      retryAfterMs,
    };
  }
  return { kind: "retry", code, message: `The gateway refused the connection${gatewaySays}.`, retryAfterMs };
}

function pairingMessage(requestId: string | null): string {
  return requestId
    ? `Waiting for the gateway to approve this device (pairing request ${requestId}). On the gateway host run: openclaw devices approve ${requestId}`
    : "Waiting for the gateway to approve this device. On the gateway host run: openclaw devices list, then openclaw devices approve <requestId>";
}
