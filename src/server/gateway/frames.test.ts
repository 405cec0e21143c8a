import { describe, expect, it } from "vitest";
import { HelloOk, decodeFrame, encodeEvent, encodeRequest, encodeResponse } from "./frames";

describe("frame codec", () => {
  it("encodes a request with empty params by default", () => {
    expect(JSON.parse(encodeRequest("r1", "health", undefined))).toEqual({ type: "req", id: "r1", method: "health", params: {} });
  });

  it("decodes success and error responses and events, keeping unknown fields", () => {
    const ok = decodeFrame(encodeResponse("r1", { ok: true, payload: { a: 1 } }));
    expect(ok).toEqual({ ok: true, frame: { type: "res", id: "r1", ok: true, payload: { a: 1 } } });

    const err = decodeFrame(
      JSON.stringify({ type: "res", id: "r2", ok: false, error: { code: "UNAVAILABLE", message: "starting", retryable: true, retryAfterMs: 500, details: { reason: "startup-sidecars" } } }),
    );
    expect(err.ok && err.frame.type === "res" && !err.frame.ok && err.frame.error.retryAfterMs).toBe(500);

    const ev = decodeFrame(Buffer.from(encodeEvent("chat", { state: "final" }, 7)));
    expect(ev).toEqual({ ok: true, frame: { type: "event", event: "chat", payload: { state: "final" }, seq: 7 } });
  });

  it("reports frames that are not JSON, of an unknown type, or malformed", () => {
    const notJson = decodeFrame("{nope");
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.error).toMatch(/^not JSON/);

    const unknown = decodeFrame(JSON.stringify({ type: "hello" }));
    expect(!unknown.ok && unknown.error).toBe('unknown frame type "hello"');

    const noId = decodeFrame(JSON.stringify({ type: "res", ok: true }));
    expect(!noId.ok && noId.error).toMatch(/^invalid res frame: id/);

    const errWithoutCode = decodeFrame(JSON.stringify({ type: "res", id: "x", ok: false, error: { message: "m" } }));
    expect(errWithoutCode.ok).toBe(false);

    const badSeq = decodeFrame(JSON.stringify({ type: "event", event: "tick", seq: -1 }));
    expect(!badSeq.ok && badSeq.error).toMatch(/^invalid event frame: seq/);
  });

  it("truncates the raw text kept in a report", () => {
    const r = decodeFrame("x".repeat(2000));
    expect(!r.ok && r.raw.length).toBeLessThan(600);
  });

  it("validates the hello-ok fields the client relies on", () => {
    expect(HelloOk.safeParse({ type: "hello-ok", protocol: 4, server: { version: "2026.9.6" }, features: { methods: ["health"] } }).success).toBe(true);
    expect(HelloOk.safeParse({ type: "hello-ok", protocol: 4, server: {}, features: { methods: [] } }).success).toBe(false);
  });
});
