// Gateway outcomes as typed tRPC errors with words an operator can act on. A gateway's own
// refusal of bad params is the caller's BAD_REQUEST; a connection that is not usable is
// PRECONDITION_FAILED with the reason; an upstream that does not answer is GATEWAY_TIMEOUT.
import { TRPCError } from "@trpc/server";
import { GatewayRequestError, type GatewayConnection, type GatewayStatus } from "../../gateway";

const STATE_WORDS: Record<string, string> = {
  connecting: "still connecting",
  reconnecting: "reconnecting",
  unauthorized: "refusing Mission Control's credentials",
  pairing_required: "waiting for device pairing approval",
  incompatible: "incompatible with Mission Control",
  closed: "disconnected",
};

export function notUsable(name: string, status: Pick<GatewayStatus, "state" | "lastError">): TRPCError {
  const words = STATE_WORDS[status.state] ?? status.state;
  return new TRPCError({ code: "PRECONDITION_FAILED", message: `Gateway ${name} is ${words}${status.lastError ? `: ${status.lastError}` : "."}` });
}

export function toTrpcError(error: unknown, name: string, connection?: GatewayConnection): unknown {
  if (!(error instanceof GatewayRequestError)) return error;
  const what = error.method ? ` ${error.method}` : "";
  switch (error.code) {
    case "NOT_CONNECTED":
    case "CLOSED":
      return connection ? notUsable(name, connection.status) : new TRPCError({ code: "PRECONDITION_FAILED", message: `Gateway ${name} is not connected: ${error.message}` });
    case "TIMEOUT":
      // Waiting for a connection that did not come is a state problem, not a slow answer.
      if (connection && connection.state !== "connected") return notUsable(name, connection.status);
      return new TRPCError({ code: "GATEWAY_TIMEOUT", message: `Gateway ${name} did not answer${what} in time. It may still apply the request; check before retrying.` });
    case "AGENT_TIMEOUT":
      return new TRPCError({ code: "GATEWAY_TIMEOUT", message: `Gateway ${name}: the agent did not answer in time (${error.message}).` });
    case "DISCONNECTED":
      return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: `The connection to gateway ${name} dropped before it answered${what}; the request may or may not have been applied.` });
    case "UNAVAILABLE":
      return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: `Gateway ${name} is temporarily unavailable: ${error.message}` });
    case "INVALID_REQUEST":
      return new TRPCError({ code: "BAD_REQUEST", message: `Gateway ${name} refused${what}: ${error.message}` });
    case "UNSUPPORTED_METHOD":
      return new TRPCError({ code: "PRECONDITION_FAILED", message: error.message.replace("The gateway", `Gateway ${name}`) });
    case "PAYLOAD_TOO_LARGE":
      return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: error.message });
    case "FORBIDDEN":
    case "NOT_PAIRED":
      // The gateway's own permission (scopes, pairing): not Mission Control's authorization.
      return new TRPCError({ code: "PRECONDITION_FAILED", message: `Gateway ${name} does not allow${what} for Mission Control: ${error.message}` });
    case "ABORTED":
      return new TRPCError({ code: "CLIENT_CLOSED_REQUEST", message: error.message });
    default:
      return new TRPCError({ code: "BAD_GATEWAY", message: `Gateway ${name} failed${what}: ${error.message}` });
  }
}

/**
 * Resolves when the connection is usable. Fails at once (PRECONDITION_FAILED with the reason)
 * when it is in a state waiting cannot fix, or when an attempt already failed and it is retrying
 * with backoff: an operator should read "reconnecting: nothing is listening…" now, not after a
 * long timeout. A first handshake in progress is waited for, up to `timeoutMs`.
 */
export function awaitUsable(connection: GatewayConnection, name: string, timeoutMs = 10_000): Promise<void> {
  const verdict = (s: GatewayStatus): "ok" | "fail" | "wait" => {
    if (s.state === "connected") return "ok";
    if (s.state === "connecting" || s.state === "reconnecting") return s.lastError ? "fail" : "wait";
    return "fail";
  };
  const first = verdict(connection.status);
  if (first === "ok") return Promise.resolve();
  if (first === "fail") return Promise.reject(notUsable(name, connection.status));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      if (connection.state === "connected") resolve();
      else reject(notUsable(name, { state: connection.state, lastError: connection.status.lastError ?? `no handshake within ${Math.round(timeoutMs / 1000)} s` }));
    }, timeoutMs);
    timer.unref?.();
    const off = connection.onStatus((s) => {
      const v = verdict(s);
      if (v === "wait") return;
      clearTimeout(timer);
      off();
      if (v === "ok") resolve();
      else reject(notUsable(name, s));
    });
  });
}
