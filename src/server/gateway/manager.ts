// Keeps one GatewayConnection per gateway id for the whole server process and fans their
// events and status changes out to one place (wired to the event bus as `gateway.event` by the
// gateways service). Connections are created lazily by ensure() from the stored gateway config.
import { GatewayConnection, type GatewayConnectionOptions, type GatewayEvent, type GatewayStatus, type RequestOptions } from "./client";
import type { DeviceIdentity } from "./device-identity";
import { GatewayRequestError } from "./errors";

export interface GatewayConfig {
  url: string;
  token?: string | null;
  deviceToken?: string | null;
  deviceIdentity?: DeviceIdentity | null;
  allowInsecureTls?: boolean;
}

export interface GatewayManagerOptions {
  /** Every gateway event except `tick` (liveness noise every 30 s). */
  onEvent?: (gatewayId: string, event: GatewayEvent) => void;
  onStatus?: (gatewayId: string, status: GatewayStatus) => void;
  /** Applied to every connection (timeouts, backoff, logger). */
  connectionDefaults?: Omit<Partial<GatewayConnectionOptions>, keyof GatewayConfig>;
  /** Test seam. */
  createConnection?: (options: GatewayConnectionOptions) => GatewayConnection;
}

interface Entry {
  connection: GatewayConnection;
  config: GatewayConfig;
  unsubscribe: () => void;
}

const sameDevice = (a?: DeviceIdentity | null, b?: DeviceIdentity | null) => (a?.deviceId ?? null) === (b?.deviceId ?? null);

export class GatewayManager {
  private entries = new Map<string, Entry>();

  constructor(private readonly options: GatewayManagerOptions = {}) {}

  get(gatewayId: string): GatewayConnection | undefined {
    return this.entries.get(gatewayId)?.connection;
  }

  has(gatewayId: string): boolean {
    return this.entries.has(gatewayId);
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The connection for this gateway, created on first use. A changed URL replaces the
   * connection; changed credentials reconnect the existing one (leaving unauthorized at once).
   */
  ensure(gatewayId: string, config: GatewayConfig): GatewayConnection {
    const entry = this.entries.get(gatewayId);
    if (entry) {
      if (entry.config.url !== config.url || Boolean(entry.config.allowInsecureTls) !== Boolean(config.allowInsecureTls)) {
        this.dispose(gatewayId, entry);
      } else {
        const tokenChanged = (entry.config.token ?? null) !== (config.token ?? null);
        const deviceTokenChanged = (entry.config.deviceToken ?? null) !== (config.deviceToken ?? null);
        const deviceChanged = !sameDevice(entry.config.deviceIdentity, config.deviceIdentity);
        if (tokenChanged || deviceTokenChanged || deviceChanged) {
          entry.config = { ...config };
          entry.connection.updateCredentials({ token: config.token ?? null, deviceToken: config.deviceToken ?? null, deviceIdentity: config.deviceIdentity ?? null });
        }
        return entry.connection;
      }
    }
    const options: GatewayConnectionOptions = { ...this.options.connectionDefaults, ...config };
    const connection = this.options.createConnection ? this.options.createConnection(options) : new GatewayConnection(options);
    const offEvent = connection.onEvent((event) => {
      if (event.event === "tick") return;
      this.options.onEvent?.(gatewayId, event);
    });
    const offStatus = connection.onStatus((status) => this.options.onStatus?.(gatewayId, status));
    this.entries.set(gatewayId, { connection, config: { ...config }, unsubscribe: () => (offEvent(), offStatus()) });
    this.options.onStatus?.(gatewayId, connection.status);
    return connection;
  }

  /** A call on a managed gateway; NOT_CONNECTED when Mission Control holds no connection for it. */
  request<T = unknown>(gatewayId: string, method: string, params?: unknown, options?: RequestOptions): Promise<T> {
    const connection = this.get(gatewayId);
    if (!connection) {
      return Promise.reject(new GatewayRequestError({ code: "NOT_CONNECTED", message: `No connection to gateway ${gatewayId}.`, method, retryable: false }));
    }
    return connection.request<T>(method, params, options);
  }

  statuses(): Record<string, GatewayStatus> {
    return Object.fromEntries([...this.entries].map(([id, e]) => [id, e.connection.status]));
  }

  async close(gatewayId: string): Promise<void> {
    const entry = this.entries.get(gatewayId);
    if (entry) await this.dispose(gatewayId, entry);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.entries].map(([id, entry]) => this.dispose(id, entry)));
  }

  private async dispose(gatewayId: string, entry: Entry): Promise<void> {
    this.entries.delete(gatewayId);
    // Report `closed` before unsubscribing so listeners see the gateway go away.
    const closing = entry.connection.close();
    entry.unsubscribe();
    await closing;
  }
}

const globalForGateways = globalThis as unknown as { mcGatewayManager?: GatewayManager };

/**
 * The process-wide manager (kept on globalThis so Next dev reloads do not open a second socket
 * per gateway). The first caller's options win; the gateways service configures it at start-up.
 */
export function getGatewayManager(options?: GatewayManagerOptions): GatewayManager {
  return (globalForGateways.mcGatewayManager ??= new GatewayManager(options));
}
