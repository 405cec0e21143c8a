import { afterEach, describe, expect, it } from "vitest";
import { GatewayConnection, type GatewayConnectionOptions, type GatewayEvent, type GatewayState, type ProtocolError } from "./client";
import { generateDeviceIdentity, verifyDevicePayload, buildDeviceAuthPayloadV3 } from "./device-identity";
import { GatewayRequestError } from "./errors";
import { encodeEvent, encodeResponse } from "./frames";
import { FakeGateway, quietLogger, waitFor } from "./fake-gateway.test-support";
import { GatewayManager } from "./manager";

const fast = { baseMs: 20, maxMs: 100, minMs: 5 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fakeGateway(): Promise<FakeGateway> {
  const gw = await new FakeGateway().start();
  cleanups.push(() => gw.stop());
  return gw;
}

function connect(gw: FakeGateway, extra: Partial<GatewayConnectionOptions> = {}): GatewayConnection {
  const c = new GatewayConnection({ url: gw.url, token: "secret", backoff: fast, logger: quietLogger, connectTimeoutMs: 2000, ...extra });
  cleanups.unshift(() => c.close());
  return c;
}

function recordStates(c: GatewayConnection): GatewayState[] {
  const states: GatewayState[] = [c.state];
  c.onStatus((s) => {
    if (states.at(-1) !== s.state) states.push(s.state);
  });
  return states;
}

async function rejection(p: Promise<unknown>): Promise<GatewayRequestError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayRequestError);
    return error as GatewayRequestError;
  }
  throw new Error("expected a rejection");
}

describe("GatewayConnection handshake", () => {
  it("answers the challenge with a protocol-4 operator connect and exposes hello-ok", async () => {
    const gw = await fakeGateway();
    const c = connect(gw, { clientVersion: "1.2.3" });
    const hello = await c.ready();
    expect(hello.server.version).toBe("2026.9.6");
    expect(c.state).toBe("connected");
    expect(c.serverVersion).toBe("2026.9.6");
    expect(c.supports("agents.create")).toBe(true);
    expect(c.supports("nope.method")).toBe(false);
    expect(gw.connectParams[0]).toMatchObject({
      minProtocol: 4,
      maxProtocol: 4,
      role: "operator",
      scopes: expect.arrayContaining(["operator.read", "operator.write", "operator.admin"]),
      client: { id: "gateway-client", mode: "backend", version: "1.2.3", platform: process.platform },
      auth: { token: "secret" },
    });
    expect((gw.connectParams[0] as { device?: unknown }).device).toBeUndefined();
  });

  it("signs the challenge when a device identity is configured", async () => {
    const gw = await fakeGateway();
    const identity = generateDeviceIdentity();
    const c = connect(gw, { deviceIdentity: identity });
    await c.ready();
    const params = gw.connectParams[0] as { scopes: string[]; device: { id: string; signature: string; signedAt: number; nonce: string } };
    expect(params.device.id).toBe(identity.deviceId);
    expect(params.device.nonce).toBe("nonce-1");
    const payload = buildDeviceAuthPayloadV3({
      deviceId: identity.deviceId,
      clientId: "gateway-client",
      clientMode: "backend",
      role: "operator",
      scopes: params.scopes,
      signedAtMs: params.device.signedAt,
      token: "secret",
      nonce: "nonce-1",
      platform: process.platform,
    });
    expect(verifyDevicePayload(identity.publicKeyPem, payload, params.device.signature)).toBe(true);
  });

  it("a wrong token ends in unauthorized without a reconnect loop", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = { ok: false, error: { code: "INVALID_REQUEST", message: "unauthorized: gateway token mismatch", details: { code: "AUTH_TOKEN_MISMATCH" } } };
    const c = connect(gw, { slowRetryMs: null });
    const states = recordStates(c);
    const err = await rejection(c.ready());
    expect(err.code).toBe("NOT_CONNECTED");
    expect(c.status).toMatchObject({ state: "unauthorized", errorCode: "AUTH_TOKEN_MISMATCH" });
    expect(c.status.lastError).toMatch(/token/);
    await new Promise((r) => setTimeout(r, 300)); // many backoff periods
    expect(gw.connections).toBe(1);
    expect(states).toEqual(["connecting", "unauthorized"]);
    // Calls fail fast with the reason instead of waiting.
    expect((await rejection(c.request("health"))).message).toMatch(/token/);
  });

  it("new credentials leave unauthorized at once", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = (attempt) =>
      attempt === 1 ? { ok: false, error: { code: "INVALID_REQUEST", message: "x", details: { code: "AUTH_TOKEN_MISSING" } } } : { ok: true };
    const c = connect(gw, { token: null, slowRetryMs: null });
    await waitFor(() => c.state === "unauthorized");
    c.updateCredentials({ token: "fixed" });
    await c.ready();
    expect((gw.connectParams[1] as { auth: { token: string } }).auth.token).toBe("fixed");
  });

  it("pairing_required keeps the request id and retries slowly until approved", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = (attempt) =>
      attempt < 3
        ? { ok: false, error: { code: "NOT_PAIRED", message: "pairing required", details: { code: "PAIRING_REQUIRED", requestId: "req-7" } } }
        : { ok: true };
    const c = connect(gw, { pairingRetryMs: 50 });
    const states = recordStates(c);
    await waitFor(() => c.state === "pairing_required");
    expect(c.status.pairingRequestId).toBe("req-7");
    await waitFor(() => c.state === "connected", 5000, "approval");
    expect(gw.connections).toBe(3);
    expect(states).toEqual(["connecting", "pairing_required", "connected"]);
    expect(c.status.pairingRequestId).toBeNull();
  });

  it("a protocol mismatch is incompatible with a clear message", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = { ok: false, error: { code: "INVALID_REQUEST", message: "protocol mismatch", details: { code: "PROTOCOL_MISMATCH", expectedProtocol: 3 } } };
    const c = connect(gw, { slowRetryMs: null });
    await waitFor(() => c.state === "incompatible");
    expect(c.status.lastError).toBe(
      "The gateway speaks protocol 3, Mission Control speaks protocol 4. Upgrade the gateway (or Mission Control) so both speak the same protocol.",
    );
  });

  it("a gateway older than the minimum version is incompatible", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = { ok: true, hello: { server: { version: "2026.1.1", connId: "c" } } };
    const c = connect(gw, { slowRetryMs: null });
    await waitFor(() => c.state === "incompatible");
    expect(c.status).toMatchObject({ errorCode: "GATEWAY_TOO_OLD", serverVersion: null });
    expect(c.status.lastError).toContain("2026.1.1");
  });

  it("retries while the gateway answers UNAVAILABLE (startup-sidecars), then connects", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = (attempt) =>
      attempt < 3
        ? { ok: false, error: { code: "UNAVAILABLE", message: "gateway starting", retryable: true, retryAfterMs: 20, details: { reason: "startup-sidecars" } } }
        : { ok: true };
    const c = connect(gw);
    const states = recordStates(c);
    await c.ready();
    expect(gw.connections).toBe(3);
    expect(states).toEqual(["connecting", "connected"]);
  });

  it("keeps retrying while nothing listens, with the reason in status", async () => {
    const gw = await fakeGateway();
    const port = gw.port;
    await gw.stop();
    cleanups.length = 0;
    const c = new GatewayConnection({ url: `ws://127.0.0.1:${port}`, token: "t", backoff: fast, logger: quietLogger });
    cleanups.push(() => c.close());
    await waitFor(() => c.status.attempt >= 3, 5000, "attempts");
    expect(c.state).toBe("connecting");
    expect(c.status.errorCode).toBe("ECONNREFUSED");
    expect(c.status.lastError).toMatch(/connection refused/);
    const again = await new FakeGateway().start(port);
    cleanups.push(() => again.stop());
    await c.ready();
  });

  it("a handshake that never completes times out and is retried", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = (attempt) => (attempt === 1 ? "ignore" : { ok: true });
    const c = connect(gw, { connectTimeoutMs: 150 });
    await c.ready(5000);
    expect(gw.connections).toBeGreaterThanOrEqual(2);
  });
});

describe("GatewayConnection calls", () => {
  it("multiplexes calls by id; answers may come out of order", async () => {
    const gw = await fakeGateway();
    const held: { id: string; socket: import("ws").WebSocket }[] = [];
    gw.handlers.set("slow", (req) => {
      held.push({ id: req.id, socket: req.socket });
      return "ignore";
    });
    const c = connect(gw);
    await c.ready();
    const a = c.request("slow", { n: 1 });
    const b = c.request("slow", { n: 2 });
    await waitFor(() => held.length === 2);
    held[1].socket.send(encodeResponse(held[1].id, { ok: true, payload: "second" }));
    held[0].socket.send(encodeResponse(held[0].id, { ok: true, payload: "first" }));
    expect(await Promise.all([a, b])).toEqual(["first", "second"]);
    expect(held[0].id).not.toBe(held[1].id);
  });

  it("a gateway refusal becomes a GatewayRequestError with code, details and retryable", async () => {
    const gw = await fakeGateway();
    gw.handlers.set("agents.files.set", () => ({ ok: false, error: { code: "INVALID_REQUEST", message: 'unsupported file "TOOLS.md"' } }));
    gw.handlers.set("busy", () => ({ ok: false, error: { code: "UNAVAILABLE", message: "busy", retryAfterMs: 100 } }));
    const c = connect(gw);
    await c.ready();
    const refused = await rejection(c.request("agents.files.set", { name: "TOOLS.md" }));
    expect(refused).toMatchObject({ code: "INVALID_REQUEST", message: 'unsupported file "TOOLS.md"', retryable: false, method: "agents.files.set" });
    const busy = await rejection(c.request("busy"));
    expect(busy).toMatchObject({ code: "UNAVAILABLE", retryable: true, retryAfterMs: 100 });
  });

  it("a call without an answer times out; a late answer is dropped quietly", async () => {
    const gw = await fakeGateway();
    let held: { id: string; socket: import("ws").WebSocket } | null = null;
    gw.handlers.set("slow", (req) => {
      held = { id: req.id, socket: req.socket };
      return "ignore";
    });
    const errors: ProtocolError[] = [];
    const c = connect(gw);
    c.onProtocolError((e) => errors.push(e));
    await c.ready();
    const err = await rejection(c.request("slow", {}, { timeoutMs: 50 }));
    expect(err).toMatchObject({ code: "TIMEOUT", retryable: true, method: "slow" });
    held!.socket.send(encodeResponse(held!.id, { ok: true, payload: "late" }));
    await waitFor(() => c.stats.lateResponses === 1);
    expect(errors).toEqual([]);
    // The connection is still fine.
    expect(await c.request("health")).toMatchObject({ method: "health" });
  });

  it("a call made while connecting waits for the connection", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = (attempt) =>
      attempt === 1 ? { ok: false, error: { code: "UNAVAILABLE", message: "starting", retryAfterMs: 30 } } : { ok: true };
    const c = connect(gw);
    expect(await c.request("health", { x: 1 })).toEqual({ method: "health", echo: { x: 1 } });
  });

  it("calls in flight are rejected with DISCONNECTED when the socket drops", async () => {
    const gw = await fakeGateway();
    gw.handlers.set("slow", () => "ignore");
    const c = connect(gw);
    await c.ready();
    const inflight = [c.request("slow"), c.request("slow")];
    await waitFor(() => gw.requests.length === 2);
    gw.dropAll(1012);
    for (const p of inflight) {
      const err = await rejection(p);
      expect(err.code).toBe("DISCONNECTED");
      expect(err.message).toMatch(/restart/);
    }
  });

  it("close() rejects pending calls with CLOSED and later calls too", async () => {
    const gw = await fakeGateway();
    gw.handlers.set("slow", () => "ignore");
    const c = connect(gw);
    await c.ready();
    const p = c.request("slow");
    await waitFor(() => gw.requests.length === 1);
    const settled = rejection(p);
    await c.close();
    expect((await settled).code).toBe("CLOSED");
    expect((await rejection(c.request("health"))).code).toBe("CLOSED");
    expect(c.state).toBe("closed");
  });

  it("refuses a request larger than the gateway's maxPayload before sending it", async () => {
    const gw = await fakeGateway();
    gw.connectBehavior = { ok: true, hello: { policy: { maxPayload: 1000 } } };
    const c = connect(gw);
    await c.ready();
    const err = await rejection(c.request("agents.files.set", { content: "x".repeat(2000) }));
    expect(err.code).toBe("PAYLOAD_TOO_LARGE");
    expect(gw.requests).toHaveLength(0);
  });

  it("requireSupported rejects methods the gateway does not announce", async () => {
    const gw = await fakeGateway();
    const c = connect(gw);
    await c.ready();
    expect((await rejection(c.request("skills.install", {}, { requireSupported: true }))).code).toBe("UNSUPPORTED_METHOD");
  });
});

describe("GatewayConnection events and reconnect", () => {
  it("forwards events (with seq gaps flagged) and reports invalid frames", async () => {
    const gw = await fakeGateway();
    const c = connect(gw);
    const events: GatewayEvent[] = [];
    const errors: ProtocolError[] = [];
    c.onEvent((e) => events.push(e));
    c.onProtocolError((e) => errors.push(e));
    await c.ready();
    gw.broadcast(encodeEvent("chat", { state: "delta" }, 1));
    gw.broadcast(encodeEvent("chat", { state: "final" }, 2));
    gw.broadcast(encodeEvent("health", {}, 5));
    gw.broadcast("this is not json");
    gw.broadcast(JSON.stringify({ type: "res", id: "never-sent", ok: true }));
    await waitFor(() => events.length === 3 && errors.length === 2);
    expect(events.map((e) => [e.event, e.seq, e.gap])).toEqual([
      ["chat", 1, false],
      ["chat", 2, false],
      ["health", 5, true],
    ]);
    expect(errors[0].error).toMatch(/^not JSON/);
    expect(errors[1].error).toMatch(/unknown request id/);
    expect(c.state).toBe("connected");
  });

  it("a gateway restart goes connected → reconnecting → connected by itself, with shutdown delivered", async () => {
    const gw = await fakeGateway();
    const c = connect(gw);
    const states = recordStates(c);
    const events: string[] = [];
    c.onEvent((e) => events.push(e.event));
    await c.ready();
    const reconnectingErrors: (string | null)[] = [];
    c.onStatus((s) => {
      if (s.state === "reconnecting") reconnectingErrors.push(s.lastError);
    });
    const port = gw.port;
    await gw.shutdown();
    await waitFor(() => reconnectingErrors.length > 0);
    expect(reconnectingErrors[0]).toBe("The gateway is restarting.");
    cleanups.length = 0;
    cleanups.push(() => c.close());
    await new Promise((r) => setTimeout(r, 100)); // a few refused attempts
    const again = await new FakeGateway().start(port);
    cleanups.push(() => again.stop());
    await waitFor(() => c.state === "connected", 5000, "reconnect");
    expect(events).toContain("shutdown");
    expect(states).toEqual(["connecting", "connected", "reconnecting", "connected"]);
    expect(c.status.attempt).toBe(0);
    expect(await c.request("health")).toMatchObject({ method: "health" });
  });
});

describe("GatewayManager", () => {
  it("keeps one connection per gateway id and forwards events (not ticks) and statuses", async () => {
    const gw = await fakeGateway();
    const events: [string, string][] = [];
    const statuses: [string, GatewayState][] = [];
    const manager = new GatewayManager({
      onEvent: (id, e) => events.push([id, e.event]),
      onStatus: (id, s) => statuses.push([id, s.state]),
      connectionDefaults: { backoff: fast, logger: quietLogger },
    });
    cleanups.push(() => manager.closeAll());
    const a = manager.ensure("gw-a", { url: gw.url, token: "secret" });
    expect(manager.ensure("gw-a", { url: gw.url, token: "secret" })).toBe(a);
    await a.ready();
    expect(await manager.request("gw-a", "health")).toMatchObject({ method: "health" });
    gw.broadcast(encodeEvent("tick", { ts: 1 }));
    gw.broadcast(encodeEvent("agent", { runId: "r" }));
    await waitFor(() => events.length === 1);
    expect(events).toEqual([["gw-a", "agent"]]);
    expect(statuses).toEqual([
      ["gw-a", "connecting"],
      ["gw-a", "connected"],
    ]);
    expect(manager.statuses()["gw-a"].state).toBe("connected");

    // A new token reconnects the same connection; a new URL replaces it.
    manager.ensure("gw-a", { url: gw.url, token: "rotated" });
    await waitFor(() => (gw.connectParams.at(-1) as { auth: { token: string } }).auth.token === "rotated" && a.state === "connected");
    const replaced = manager.ensure("gw-a", { url: gw.url.replace("127.0.0.1", "localhost"), token: "rotated" });
    expect(replaced).not.toBe(a);
    await waitFor(() => a.state === "closed");

    expect((await rejection(manager.request("unknown", "health"))).code).toBe("NOT_CONNECTED");
    await manager.close("gw-a");
    expect(manager.has("gw-a")).toBe(false);
    expect(replaced.state).toBe("closed");
  });
});
