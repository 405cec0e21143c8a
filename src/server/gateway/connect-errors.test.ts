import { describe, expect, it } from "vitest";
import { classifyConnectError } from "./connect-errors";

describe("classifyConnectError", () => {
  it("a wrong or missing token is unauthorized, in plain words", () => {
    const wrong = classifyConnectError({ code: "INVALID_REQUEST", message: "unauthorized", details: { code: "AUTH_TOKEN_MISMATCH" } });
    expect(wrong).toMatchObject({ kind: "unauthorized", code: "AUTH_TOKEN_MISMATCH" });
    expect(wrong.message).toMatch(/does not match/);
    expect(classifyConnectError({ code: "INVALID_REQUEST", message: "x", details: { code: "AUTH_TOKEN_MISSING" } }).kind).toBe("unauthorized");
  });

  it("pairing keeps the request id", () => {
    const r = classifyConnectError({ code: "NOT_PAIRED", message: "pairing required", details: { code: "PAIRING_REQUIRED", requestId: "req-42" } });
    expect(r).toMatchObject({ kind: "pairing_required", requestId: "req-42" });
    expect(r.message).toContain("openclaw devices approve req-42");
  });

  it("a protocol mismatch is incompatible and names both protocols", () => {
    const r = classifyConnectError({ code: "INVALID_REQUEST", message: "protocol mismatch", details: { code: "PROTOCOL_MISMATCH", expectedProtocol: 5 } });
    expect(r.kind).toBe("incompatible");
    expect(r.message).toContain("protocol 5");
    expect(r.message).toContain("protocol 4");
  });

  it("startup and rate limits are retried after the gateway's hint", () => {
    expect(classifyConnectError({ code: "UNAVAILABLE", message: "starting", retryable: true, retryAfterMs: 500, details: { reason: "startup-sidecars" } })).toEqual({
      kind: "retry",
      code: "UNAVAILABLE",
      message: "The gateway is still starting up.",
      retryAfterMs: 500,
    });
    expect(classifyConnectError({ code: "INVALID_REQUEST", message: "slow down", details: { code: "AUTH_RATE_LIMITED", retryAfterMs: 9000 } })).toMatchObject({
      kind: "retry",
      retryAfterMs: 9000,
    });
  });
});
