// A scriptable in-process gateway for unit tests: a real `ws` server on 127.0.0.1:0 that speaks
// the protocol-4 handshake and lets each test decide how connect and methods are answered.
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { encodeEvent, encodeResponse, type ErrorShape } from "./frames";

export type ConnectBehavior = { ok: true; hello?: Record<string, unknown> } | { ok: false; error: ErrorShape } | "ignore";

export interface ReceivedRequest {
  id: string;
  method: string;
  params: unknown;
  socket: WebSocket;
}

export type MethodHandler = (req: ReceivedRequest) => { ok: true; payload?: unknown } | { ok: false; error: ErrorShape } | "ignore" | Promise<unknown>;

export function helloOk(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "hello-ok",
    protocol: 4,
    server: { version: "2026.9.6", connId: "test-conn" },
    features: { methods: ["health", "agents.list", "agents.create", "slow"], events: ["tick", "shutdown"] },
    snapshot: {},
    auth: { role: "operator", scopes: ["operator.read", "operator.write", "operator.admin"] },
    policy: { maxPayload: 26214400, maxBufferedBytes: 52428800, tickIntervalMs: 30000 },
    ...overrides,
  };
}

export class FakeGateway {
  private server!: WebSocketServer;
  port = 0;
  sockets = new Set<WebSocket>();
  requests: ReceivedRequest[] = [];
  connectParams: unknown[] = [];
  connectBehavior: ConnectBehavior | ((attempt: number) => ConnectBehavior) = { ok: true };
  handlers = new Map<string, MethodHandler>();
  /** Send the challenge on connection (false: a gateway that never starts the handshake). */
  sendChallenge = true;
  connections = 0;

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = new WebSocketServer({ host: "127.0.0.1", port });
    await new Promise<void>((resolve, reject) => {
      this.server.once("listening", () => resolve());
      this.server.once("error", reject);
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.server.on("connection", (socket) => this.onConnection(socket));
    return this;
  }

  private onConnection(socket: WebSocket): void {
    this.connections++;
    const attempt = this.connections;
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    if (this.sendChallenge) socket.send(encodeEvent("connect.challenge", { nonce: `nonce-${attempt}`, ts: Date.now() }));
    let connected = false;
    socket.on("message", async (data) => {
      const frame = JSON.parse(String(data)) as { id: string; method: string; params: unknown };
      if (!connected) {
        if (frame.method !== "connect") return;
        this.connectParams.push(frame.params);
        const behavior = typeof this.connectBehavior === "function" ? this.connectBehavior(attempt) : this.connectBehavior;
        if (behavior === "ignore") return;
        if (behavior.ok) {
          connected = true;
          socket.send(encodeResponse(frame.id, { ok: true, payload: helloOk(behavior.hello) }));
        } else {
          socket.send(encodeResponse(frame.id, { ok: false, error: behavior.error }));
          socket.close(1008, "connect failed");
        }
        return;
      }
      const req: ReceivedRequest = { id: frame.id, method: frame.method, params: frame.params, socket };
      this.requests.push(req);
      const handler = this.handlers.get(frame.method);
      if (!handler) {
        socket.send(encodeResponse(frame.id, { ok: true, payload: { method: frame.method, echo: frame.params } }));
        return;
      }
      const result = await handler(req);
      if (result === "ignore") return;
      if (result && typeof result === "object" && "ok" in result) socket.send(encodeResponse(frame.id, result as { ok: true; payload?: unknown }));
    });
  }

  broadcast(raw: string): void {
    for (const s of this.sockets) s.send(raw);
  }

  /** Close every client socket (like a gateway restart: `shutdown`, then code 1012). */
  dropAll(code = 1012, withShutdownEvent = true): void {
    for (const s of this.sockets) {
      if (withShutdownEvent) s.send(encodeEvent("shutdown", { reason: "restart" }));
      s.close(code, "restart");
    }
  }

  /** Like a gateway going down for a restart: stop listening, send `shutdown`, close with 1012. */
  async shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.dropAll(1012, true);
    await closed;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Resolves when `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const quietLogger = { debug: () => {}, warn: () => {} };
