// One persistent WebSocket to one OpenClaw gateway (protocol 4).
//
// - Handshake: wait for `connect.challenge`, send `connect` (operator role, backend client id,
//   shared token, optional Ed25519 device proof), become `connected` on `hello-ok`.
// - Calls are multiplexed by id with a per-call timeout. A call made while (re)connecting waits
//   for the connection within its own timeout; calls in flight when the socket drops are rejected
//   with DISCONNECTED (the gateway may or may not have applied them: callers keep steps idempotent).
// - Reconnects with exponential backoff and full jitter. States that a retry cannot fix
//   (unauthorized, incompatible) do not loop: they retry slowly (slowRetryMs) or wait for
//   updateCredentials()/reconnectNow(). pairing_required retries at pairingRetryMs, keeping its
//   request id, since an admin may approve at any moment.
// - Liveness: the gateway sends `tick` every policy.tickIntervalMs; a socket silent for much
//   longer is dropped and reconnected.
import WebSocket from "ws";
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
import { classifyConnectError } from "./connect-errors";
import { buildDeviceProof, type DeviceIdentity } from "./device-identity";
import { GatewayRequestError } from "./errors";
import { ConnectChallenge, HelloOk, decodeFrame, encodeRequest, type ErrorShape, type EventFrame } from "./frames";
import { MIN_GATEWAY_VERSION, PROTOCOL_VERSION, compareGatewayVersions } from "./version";

export type GatewayState =
  | "connecting"
  | "connected"
  | "reconnecting"
  | "unauthorized"
  | "pairing_required"
  | "incompatible"
  | "closed";

export interface GatewayStatus {
  state: GatewayState;
  /** What went wrong last, in plain words; null once connected. */
  lastError: string | null;
  /** Machine-readable code of lastError (AUTH_TOKEN_MISMATCH, PROTOCOL_MISMATCH, ECONNREFUSED, …). */
  errorCode: string | null;
  /** Pending device pairing request on the gateway, while pairing_required. */
  pairingRequestId: string | null;
  serverVersion: string | null;
  /** Failed attempts since the last successful handshake. */
  attempt: number;
  nextRetryAt: Date | null;
  since: Date;
}

export interface GatewayEvent {
  event: string;
  payload: unknown;
  seq: number | null;
  /** True when seq skipped ahead: events were lost, reload authoritative state. */
  gap: boolean;
  receivedAt: Date;
}

export interface ProtocolError {
  error: string;
  raw: string;
}

export interface GatewayLogger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface GatewayConnectionOptions {
  url: string;
  /** Shared gateway token (gateway.auth.token / OPENCLAW_GATEWAY_TOKEN). */
  token?: string | null;
  /** A device token issued by this gateway in an earlier hello-ok. */
  deviceToken?: string | null;
  /** Sign connects with this identity (remote gateways, pairing). */
  deviceIdentity?: DeviceIdentity | null;
  /** wss:// only: accept a certificate that does not verify (self-signed). */
  allowInsecureTls?: boolean;
  scopes?: string[];
  clientVersion?: string;
  clientDisplayName?: string;
  /** Per-attempt limit from socket open to hello-ok. */
  connectTimeoutMs?: number;
  /** Default per-call timeout. */
  requestTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Retry interval for unauthorized/incompatible; null waits for updateCredentials()/reconnectNow(). */
  slowRetryMs?: number | null;
  pairingRetryMs?: number;
  minGatewayVersion?: string;
  logger?: GatewayLogger;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Reject at once (UNSUPPORTED_METHOD) when hello-ok does not list the method. */
  requireSupported?: boolean;
  signal?: AbortSignal;
}

export const DEFAULT_SCOPES = ["operator.read", "operator.write", "operator.admin", "operator.approvals", "operator.pairing"];
/** The documented loopback backend exception: this id/mode pair gets scopes without a device. */
export const CLIENT_ID = "gateway-client";
export const CLIENT_MODE = "backend";
const ROLE = "operator";
const CONNECT_ID = "connect";

interface Pending {
  method: string;
  resolve: (payload: unknown) => void;
  reject: (error: GatewayRequestError) => void;
  timer: NodeJS.Timeout;
}

interface Waiter {
  resolve: () => void;
  reject: (error: GatewayRequestError) => void;
}

type Listener<T> = (value: T) => void;

const consoleLogger: GatewayLogger = {
  debug: () => {},
  warn: (m) => console.warn(m),
};

function unref<T extends NodeJS.Timeout>(timer: T): T {
  timer.unref?.();
  return timer;
}

/** Short, operator-facing words for socket-level failures. */
function describeSocketError(error: Error & { code?: string }, url: string): { code: string; message: string } {
  const code = error.code ?? "SOCKET_ERROR";
  if (code === "ECONNREFUSED") return { code, message: `Nothing is listening at ${url} (connection refused); is the gateway running?` };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { code, message: `The gateway host in ${url} cannot be resolved.` };
  if (code === "ETIMEDOUT") return { code, message: `Connecting to ${url} timed out.` };
  if (code === "ECONNRESET") return { code, message: `The gateway at ${url} reset the connection.` };
  return { code, message: `Cannot reach the gateway at ${url}: ${error.message}` };
}

export class GatewayConnection {
  readonly url: string;
  private opts: Required<Omit<GatewayConnectionOptions, "token" | "deviceToken" | "deviceIdentity" | "backoff" | "slowRetryMs">> & {
    token: string | null;
    deviceToken: string | null;
    deviceIdentity: DeviceIdentity | null;
    slowRetryMs: number | null;
  };
  private backoff: Backoff;

  private socket: WebSocket | null = null;
  /** Increments per socket; events from older sockets are ignored. */
  private generation = 0;
  private handshakeTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private lastFrameAt = 0;
  /** The attempt ended with a classified refusal; its close must not schedule a normal retry. */
  private attemptSettled = false;
  /** Between socket open and the answer to `connect`. */
  private handshaking = false;
  private sawShutdown = false;
  private everConnected = false;
  private closedByUser = false;
  private lastSeq: number | null = null;

  private nextId = 1;
  private pending = new Map<string, Pending>();
  private waiters = new Set<Waiter>();
  private expiredIds = new Set<string>();

  private helloOk: HelloOk | null = null;
  private methodSet = new Set<string>();
  private issuedDeviceToken: string | null = null;
  private statusValue: GatewayStatus;

  private eventListeners = new Set<Listener<GatewayEvent>>();
  private statusListeners = new Set<Listener<GatewayStatus>>();
  private protocolErrorListeners = new Set<Listener<ProtocolError>>();

  /** Counters for diagnostics and tests. */
  readonly stats = { connects: 0, handshakes: 0, protocolErrors: 0, lateResponses: 0 };

  constructor(options: GatewayConnectionOptions) {
    this.url = options.url;
    this.opts = {
      url: options.url,
      token: options.token ?? null,
      deviceToken: options.deviceToken ?? null,
      deviceIdentity: options.deviceIdentity ?? null,
      scopes: options.scopes ?? DEFAULT_SCOPES,
      clientVersion: options.clientVersion ?? "0.1.0",
      clientDisplayName: options.clientDisplayName ?? "Mission Control",
      connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      slowRetryMs: options.slowRetryMs === undefined ? 5 * 60_000 : options.slowRetryMs,
      pairingRetryMs: options.pairingRetryMs ?? 15_000,
      minGatewayVersion: options.minGatewayVersion ?? MIN_GATEWAY_VERSION,
      logger: options.logger ?? consoleLogger,
      allowInsecureTls: options.allowInsecureTls ?? false,
    };
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.statusValue = {
      state: "connecting",
      lastError: null,
      errorCode: null,
      pairingRequestId: null,
      serverVersion: null,
      attempt: 0,
      nextRetryAt: null,
      since: new Date(),
    };
    this.openSocket();
  }

  // ── public surface ────────────────────────────────────────────────────────────────────────

  get status(): GatewayStatus {
    return { ...this.statusValue };
  }

  get state(): GatewayState {
    return this.statusValue.state;
  }

  /** The last hello-ok (kept across disconnects until the next handshake replaces it). */
  get hello(): HelloOk | null {
    return this.helloOk;
  }

  get serverVersion(): string | null {
    return this.helloOk?.server.version ?? null;
  }

  get methods(): readonly string[] {
    return this.helloOk?.features.methods ?? [];
  }

  /** Whether the gateway announced `method` in hello-ok (false before the first handshake). */
  supports(method: string): boolean {
    return this.methodSet.has(method);
  }

  /** A device token the gateway issued to our device identity; persist it to skip re-pairing. */
  get deviceToken(): string | null {
    return this.issuedDeviceToken;
  }

  onEvent(listener: Listener<GatewayEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: Listener<GatewayStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onProtocolError(listener: Listener<ProtocolError>): () => void {
    this.protocolErrorListeners.add(listener);
    return () => this.protocolErrorListeners.delete(listener);
  }

  /** Resolves once connected; rejects when the state becomes one a wait cannot fix, or on timeout. */
  ready(timeoutMs = this.opts.connectTimeoutMs * 4): Promise<HelloOk> {
    return this.waitForConnection(Date.now() + timeoutMs, "connect").then(() => this.helloOk as HelloOk);
  }

  async request<T = unknown>(method: string, params?: unknown, options: RequestOptions = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.opts.requestTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    if (this.statusValue.state !== "connected") await this.waitForConnection(deadline, method);
    if (options.requireSupported && !this.supports(method)) {
      throw new GatewayRequestError({ code: "UNSUPPORTED_METHOD", message: `The gateway (version ${this.serverVersion}) does not support ${method}.`, method, retryable: false });
    }
    return this.send<T>(method, params, Math.max(1, deadline - Date.now()), options.signal);
  }

  /** Replace credentials (a config change) and reconnect at once. */
  updateCredentials(creds: { token?: string | null; deviceToken?: string | null; deviceIdentity?: DeviceIdentity | null }): void {
    if (creds.token !== undefined) this.opts.token = creds.token;
    if (creds.deviceToken !== undefined) this.opts.deviceToken = creds.deviceToken;
    if (creds.deviceIdentity !== undefined) this.opts.deviceIdentity = creds.deviceIdentity;
    this.reconnectNow();
  }

  /** Drop any wait and connect again now (e.g. after approving pairing or upgrading the gateway). */
  reconnectNow(): void {
    if (this.closedByUser) return;
    this.clearRetry();
    this.backoff.reset();
    this.dropSocket(1000, "reconnecting");
    this.setStatus({ state: this.everConnected ? "reconnecting" : "connecting", pairingRequestId: null, nextRetryAt: null });
    this.openSocket();
  }

  /** Close for good: rejects pending calls with CLOSED and stops reconnecting. */
  async close(): Promise<void> {
    if (this.closedByUser) return;
    this.closedByUser = true;
    this.clearRetry();
    const socket = this.socket;
    this.generation++;
    this.socket = null;
    this.clearSocketTimers();
    const closed = new GatewayRequestError({ code: "CLOSED", message: "The gateway connection was closed.", retryable: false });
    this.rejectPending(closed);
    this.rejectWaiters(closed);
    this.setStatus({ state: "closed", nextRetryAt: null });
    if (socket) await closeSocket(socket);
  }

  // ── socket lifecycle ──────────────────────────────────────────────────────────────────────

  private openSocket(): void {
    const gen = ++this.generation;
    this.attemptSettled = false;
    this.handshaking = true;
    this.sawShutdown = false;
    this.lastSeq = null;
    this.stats.connects++;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url, { handshakeTimeout: this.opts.connectTimeoutMs, perMessageDeflate: false, rejectUnauthorized: !this.opts.allowInsecureTls });
    } catch (error) {
      // Invalid URL and the like: no retry can fix it.
      this.setStatus({ state: "incompatible", lastError: `Invalid gateway URL ${this.url}: ${(error as Error).message}`, errorCode: "INVALID_URL" });
      this.rejectWaitersForState();
      return;
    }
    this.socket = socket;
    this.handshakeTimer = unref(
      setTimeout(() => {
        if (gen !== this.generation) return;
        this.noteFailure("HANDSHAKE_TIMEOUT", `The gateway at ${this.url} did not complete the handshake within ${this.opts.connectTimeoutMs} ms.`);
        socket.terminate();
      }, this.opts.connectTimeoutMs),
    );
    socket.on("message", (data: WebSocket.RawData) => {
      if (gen === this.generation) this.onMessage(socket, data);
    });
    socket.on("error", (error: Error & { code?: string }) => {
      if (gen !== this.generation) return;
      const { code, message } = describeSocketError(error, this.url);
      this.noteFailure(code, message);
    });
    socket.on("close", (code: number, reason: Buffer) => {
      if (gen === this.generation) this.onClose(code, reason.toString("utf8"));
    });
  }

  private onMessage(socket: WebSocket, data: WebSocket.RawData): void {
    this.lastFrameAt = Date.now();
    const decoded = decodeFrame(data as Buffer);
    if (!decoded.ok) {
      this.reportProtocolError(decoded.error, decoded.raw);
      return;
    }
    const frame = decoded.frame;
    if (frame.type === "event") {
      this.onEventFrame(socket, frame);
    } else if (frame.type === "res") {
      if (frame.id === CONNECT_ID && this.handshaking) {
        this.onConnectResponse(socket, frame.ok ? { ok: true, payload: frame.payload } : { ok: false, error: frame.error });
        return;
      }
      const pending = this.pending.get(frame.id);
      if (!pending) {
        if (this.expiredIds.delete(frame.id)) this.stats.lateResponses++;
        else this.reportProtocolError(`response for unknown request id ${JSON.stringify(frame.id)}`, JSON.stringify(frame).slice(0, 500));
        return;
      }
      this.pending.delete(frame.id);
      clearTimeout(pending.timer);
      if (frame.ok) pending.resolve(frame.payload);
      else pending.reject(toRequestError(frame.error, pending.method));
    } else {
      this.reportProtocolError(`unexpected request frame from the gateway (method ${frame.method})`, JSON.stringify(frame).slice(0, 500));
    }
  }

  private onEventFrame(socket: WebSocket, frame: EventFrame): void {
    if (frame.event === "connect.challenge") {
      if (!this.handshaking) return;
      const challenge = ConnectChallenge.safeParse(frame.payload);
      if (!challenge.success) {
        this.reportProtocolError("connect.challenge without a valid nonce/ts", JSON.stringify(frame).slice(0, 500));
        return;
      }
      this.sendConnect(socket, challenge.data);
      return;
    }
    if (frame.event === "shutdown") this.sawShutdown = true;
    let gap = false;
    if (typeof frame.seq === "number") {
      gap = this.lastSeq !== null && frame.seq > this.lastSeq + 1;
      this.lastSeq = frame.seq;
    }
    const event: GatewayEvent = { event: frame.event, payload: frame.payload, seq: frame.seq ?? null, gap, receivedAt: new Date() };
    for (const listener of this.eventListeners) {
      try {
        listener(event);
      } catch (error) {
        this.opts.logger.warn(`[gateway] event listener failed for ${frame.event}: ${String(error)}`);
      }
    }
  }

  private sendConnect(socket: WebSocket, challenge: ConnectChallenge): void {
    const platform = process.platform;
    const token = this.opts.token ?? undefined;
    const deviceToken = this.opts.deviceToken ?? this.issuedDeviceToken ?? undefined;
    const auth: Record<string, string> = {};
    if (token) auth.token = token;
    if (deviceToken && this.opts.deviceIdentity) auth.deviceToken = deviceToken;
    const params: Record<string, unknown> = {
      minProtocol: PROTOCOL_VERSION,
      maxProtocol: PROTOCOL_VERSION,
      client: { id: CLIENT_ID, displayName: this.opts.clientDisplayName, version: this.opts.clientVersion, platform, mode: CLIENT_MODE },
      role: ROLE,
      scopes: this.opts.scopes,
      caps: [],
      auth: Object.keys(auth).length ? auth : undefined,
    };
    if (this.opts.deviceIdentity) {
      params.device = buildDeviceProof(this.opts.deviceIdentity, {
        clientId: CLIENT_ID,
        clientMode: CLIENT_MODE,
        role: ROLE,
        scopes: this.opts.scopes,
        // The signed token is the one sent as auth.token, else the device token (as the reference client does).
        token: token ?? deviceToken ?? null,
        signedAtMs: challenge.ts,
        nonce: challenge.nonce,
        platform,
      });
    }
    socket.send(encodeRequest(CONNECT_ID, "connect", params), (error) => {
      if (error) this.noteFailure("SEND_FAILED", `Sending connect failed: ${error.message}`);
    });
  }

  private onConnectResponse(socket: WebSocket, result: { ok: true; payload: unknown } | { ok: false; error: ErrorShape }): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
    this.handshaking = false;
    if (!result.ok) {
      const failure = classifyConnectError(result.error);
      this.attemptSettled = true;
      if (failure.kind === "retry") {
        this.noteFailure(failure.code, failure.message);
        this.dropSocket(1000, "retry");
        this.scheduleReconnect(failure.retryAfterMs);
        return;
      }
      this.enterWaitingState(failure.kind, failure.code, failure.message, failure.kind === "pairing_required" ? failure.requestId : null);
      this.dropSocket(1000, failure.kind);
      return;
    }
    const hello = HelloOk.safeParse(result.payload);
    if (!hello.success) {
      this.attemptSettled = true;
      this.reportProtocolError(`hello-ok does not match protocol ${PROTOCOL_VERSION}: ${hello.error.issues[0]?.message ?? "invalid"}`, JSON.stringify(result.payload).slice(0, 500));
      this.enterWaitingState("incompatible", "INVALID_HELLO", `The gateway's handshake reply is not protocol ${PROTOCOL_VERSION} as Mission Control understands it.`, null);
      this.dropSocket(1000, "incompatible");
      return;
    }
    const h = hello.data;
    if (h.protocol !== PROTOCOL_VERSION) {
      this.attemptSettled = true;
      this.enterWaitingState("incompatible", "PROTOCOL_MISMATCH", `The gateway negotiated protocol ${h.protocol}, Mission Control speaks protocol ${PROTOCOL_VERSION}.`, null);
      this.dropSocket(1000, "incompatible");
      return;
    }
    if (compareGatewayVersions(h.server.version, this.opts.minGatewayVersion) === -1) {
      this.attemptSettled = true;
      this.helloOk = h;
      this.enterWaitingState(
        "incompatible",
        "GATEWAY_TOO_OLD",
        `The gateway runs OpenClaw ${h.server.version}; Mission Control needs ${this.opts.minGatewayVersion} or newer. Upgrade the gateway.`,
        null,
      );
      this.dropSocket(1000, "incompatible");
      return;
    }
    this.helloOk = h;
    this.methodSet = new Set(h.features.methods);
    if (h.auth?.deviceToken && this.opts.deviceIdentity) this.issuedDeviceToken = h.auth.deviceToken;
    this.everConnected = true;
    this.stats.handshakes++;
    this.backoff.reset();
    this.lastFrameAt = Date.now();
    this.startTickWatch(socket, h.policy?.tickIntervalMs ?? 30_000);
    this.setStatus({ state: "connected", lastError: null, errorCode: null, pairingRequestId: null, serverVersion: h.server.version, attempt: 0, nextRetryAt: null });
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
  }

  private onClose(code: number, reason: string): void {
    this.socket = null;
    this.clearSocketTimers();
    const why = this.sawShutdown ? "the gateway shut down (restart)" : `the connection closed (code ${code}${reason ? `, ${reason}` : ""})`;
    this.rejectPending(new GatewayRequestError({ code: "DISCONNECTED", message: `No answer: ${why}. The call may or may not have been applied.`, details: { closeCode: code, reason } }));
    if (this.closedByUser) return;
    if (this.attemptSettled) return; // a classified refusal already decided what happens next
    const wasConnected = this.statusValue.state === "connected";
    if (wasConnected) {
      this.setStatus({
        state: "reconnecting",
        lastError: this.sawShutdown ? "The gateway is restarting." : `Lost the connection to the gateway (code ${code}${reason ? `, ${reason}` : ""}).`,
        errorCode: this.sawShutdown ? "GATEWAY_SHUTDOWN" : `CLOSE_${code}`,
      });
    } else if (!this.statusValue.lastError) {
      this.noteFailure(`CLOSE_${code}`, `The gateway closed the connection during the handshake (code ${code}${reason ? `, ${reason}` : ""}).`);
    }
    this.scheduleReconnect(null);
  }

  /** Records why the current attempt failed (kept for status) without changing the state. */
  private noteFailure(code: string, message: string): void {
    if (this.closedByUser) return;
    const state = this.statusValue.state;
    // After connect the close handler describes the drop; a waiting state keeps its own message.
    if (state === "connected" || isWaitingState(state)) return;
    this.setStatus({ lastError: message, errorCode: code });
  }

  private enterWaitingState(state: "unauthorized" | "pairing_required" | "incompatible", code: string, message: string, requestId: string | null): void {
    const retryMs = state === "pairing_required" ? this.opts.pairingRetryMs : this.opts.slowRetryMs;
    this.setStatus({
      state,
      lastError: message,
      errorCode: code,
      pairingRequestId: state === "pairing_required" ? (requestId ?? this.statusValue.pairingRequestId) : null,
      attempt: this.statusValue.attempt + 1,
      nextRetryAt: retryMs === null ? null : new Date(Date.now() + retryMs),
    });
    this.opts.logger.warn(`[gateway] ${this.url}: ${state}: ${message}`);
    this.rejectWaitersForState();
    this.clearRetry();
    if (retryMs !== null) {
      this.retryTimer = unref(
        setTimeout(() => {
          this.retryTimer = null;
          // Keep the waiting state while retrying quietly: the UI keeps the message and request id.
          if (!this.closedByUser) this.openSocket();
        }, retryMs),
      );
    }
  }

  private scheduleReconnect(retryAfterMs: number | null): void {
    if (this.closedByUser) return;
    this.clearRetry();
    const state = this.statusValue.state;
    if (isWaitingState(state)) {
      // A quiet retry from a waiting state failed (e.g. gateway down): keep the slow schedule.
      const s = this.statusValue;
      this.enterWaitingState(state as "unauthorized" | "pairing_required" | "incompatible", s.errorCode ?? state, s.lastError ?? state, s.pairingRequestId);
      return;
    }
    const jittered = this.backoff.next();
    // The gateway's own hint (retryAfterMs, e.g. 500 ms while its sidecars start) beats our guess.
    const delay = retryAfterMs !== null ? Math.max(retryAfterMs, 50) : jittered;
    this.setStatus({
      state: this.everConnected ? "reconnecting" : "connecting",
      attempt: this.statusValue.attempt + 1,
      nextRetryAt: new Date(Date.now() + delay),
    });
    this.retryTimer = unref(
      setTimeout(() => {
        this.retryTimer = null;
        if (!this.closedByUser) this.openSocket();
      }, delay),
    );
  }

  private startTickWatch(socket: WebSocket, tickIntervalMs: number): void {
    const limit = Math.max(tickIntervalMs * 2 + 5_000, 10_000);
    const gen = this.generation;
    this.tickTimer = unref(
      setInterval(
        () => {
          if (gen !== this.generation) return;
          const silentMs = Date.now() - this.lastFrameAt;
          if (silentMs > limit) {
            this.opts.logger.warn(`[gateway] ${this.url}: no frame for ${silentMs} ms; dropping the connection`);
            socket.terminate();
          }
        },
        Math.min(tickIntervalMs, 15_000),
      ),
    );
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.generation++;
    this.socket = null;
    this.clearSocketTimers();
    if (!socket) return;
    this.rejectPending(new GatewayRequestError({ code: "DISCONNECTED", message: "The connection was reset before the gateway answered; the call may or may not have been applied." }));
    void closeSocket(socket, code, reason);
  }

  private clearSocketTimers(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.handshakeTimer = null;
    this.tickTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  // ── calls ─────────────────────────────────────────────────────────────────────────────────

  private send<T>(method: string, params: unknown, timeoutMs: number, signal?: AbortSignal): Promise<T> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN || this.statusValue.state !== "connected") {
      return Promise.reject(this.notConnectedError(method));
    }
    const id = `mc-${this.nextId++}`;
    const text = encodeRequest(id, method, params);
    const maxPayload = this.helloOk?.policy?.maxPayload;
    if (maxPayload && Buffer.byteLength(text) > maxPayload) {
      return Promise.reject(
        new GatewayRequestError({ code: "PAYLOAD_TOO_LARGE", message: `The ${method} request is ${Buffer.byteLength(text)} bytes; the gateway accepts at most ${maxPayload}.`, method, retryable: false }),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const timer = unref(
        setTimeout(() => {
          if (!this.pending.delete(id)) return;
          this.rememberExpired(id);
          reject(new GatewayRequestError({ code: "TIMEOUT", message: `The gateway did not answer ${method} within ${timeoutMs} ms.`, method }));
        }, timeoutMs),
      );
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        this.rememberExpired(id);
        reject(new GatewayRequestError({ code: "ABORTED", message: `${method} was aborted before the gateway answered.`, method, retryable: false }));
      };
      if (signal?.aborted) {
        clearTimeout(timer);
        reject(new GatewayRequestError({ code: "ABORTED", message: `${method} was aborted.`, method, retryable: false }));
        return;
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      this.pending.set(id, {
        method,
        timer,
        resolve: (payload) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(payload as T);
        },
        reject: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error.method ? error : new GatewayRequestError({ code: error.code, message: error.message, details: error.details, retryable: error.retryable, retryAfterMs: error.retryAfterMs, method }));
        },
      });
      socket.send(text, (error) => {
        if (!error) return;
        const p = this.pending.get(id);
        if (!p) return;
        this.pending.delete(id);
        clearTimeout(p.timer);
        p.reject(new GatewayRequestError({ code: "DISCONNECTED", message: `Sending ${method} failed: ${error.message}`, method }));
      });
    });
  }

  private waitForConnection(deadline: number, what: string): Promise<void> {
    if (this.statusValue.state === "connected") return Promise.resolve();
    if (this.closedByUser) return Promise.reject(new GatewayRequestError({ code: "CLOSED", message: "The gateway connection was closed.", method: what, retryable: false }));
    if (isWaitingState(this.statusValue.state)) return Promise.reject(this.notConnectedError(what));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = unref(
        setTimeout(
          () => {
            this.waiters.delete(waiter);
            reject(
              new GatewayRequestError({
                code: "TIMEOUT",
                message: `Not connected to the gateway in time for ${what}${this.statusValue.lastError ? `: ${this.statusValue.lastError}` : "."}`,
                method: what,
              }),
            );
          },
          Math.max(0, deadline - Date.now()),
        ),
      );
      this.waiters.add(waiter);
    });
  }

  private notConnectedError(method: string): GatewayRequestError {
    const s = this.statusValue;
    return new GatewayRequestError({
      code: s.state === "closed" ? "CLOSED" : "NOT_CONNECTED",
      message: s.lastError ?? `The gateway connection is ${s.state}.`,
      details: { state: s.state, errorCode: s.errorCode, pairingRequestId: s.pairingRequestId },
      method,
      retryable: !isWaitingState(s.state) && s.state !== "closed",
    });
  }

  private rejectPending(error: GatewayRequestError): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }

  private rejectWaiters(error: GatewayRequestError): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const w of waiters) w.reject(error);
  }

  private rejectWaitersForState(): void {
    this.rejectWaiters(this.notConnectedError("connect"));
  }

  private rememberExpired(id: string): void {
    this.expiredIds.add(id);
    if (this.expiredIds.size > 1000) {
      const oldest = this.expiredIds.values().next().value;
      if (oldest !== undefined) this.expiredIds.delete(oldest);
    }
  }

  // ── reporting ─────────────────────────────────────────────────────────────────────────────

  private reportProtocolError(error: string, raw: string): void {
    this.stats.protocolErrors++;
    this.opts.logger.warn(`[gateway] ${this.url}: invalid frame: ${error}`);
    for (const listener of this.protocolErrorListeners) {
      try {
        listener({ error, raw });
      } catch {
        /* a reporting listener must not break the connection */
      }
    }
  }

  private setStatus(patch: Partial<GatewayStatus>): void {
    const prev = this.statusValue;
    const next: GatewayStatus = { ...prev, ...patch };
    if (next.state !== prev.state) next.since = new Date();
    // Attempt counters and retry times alone are not news for listeners (the UI, the event bus).
    const changed = (["state", "lastError", "errorCode", "pairingRequestId", "serverVersion"] as const).some((k) => next[k] !== prev[k]);
    this.statusValue = next;
    if (!changed) return;
    const snapshot = { ...next };
    for (const listener of this.statusListeners) {
      try {
        listener(snapshot);
      } catch (error) {
        this.opts.logger.warn(`[gateway] status listener failed: ${String(error)}`);
      }
    }
  }
}

function isWaitingState(state: GatewayState): boolean {
  return state === "unauthorized" || state === "pairing_required" || state === "incompatible";
}

function toRequestError(error: ErrorShape, method: string): GatewayRequestError {
  return new GatewayRequestError({
    code: error.code,
    message: error.message,
    details: error.details,
    retryable: error.retryable ?? error.code === "UNAVAILABLE",
    retryAfterMs: error.retryAfterMs ?? null,
    method,
  });
}

function closeSocket(socket: WebSocket, code = 1000, reason = "closing"): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    const timer = unref(
      setTimeout(() => {
        socket.terminate();
        resolve();
      }, 2_000),
    );
    socket.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.on("error", () => {});
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(code, reason);
  });
}
