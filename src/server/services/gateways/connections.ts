// The bridge between stored gateways and live connections: one GatewayConnection per gateway
// (GatewayManager), its status persisted on the row (so every page and instance sees it), and
// its events published on the event bus as `gateway.event` for subscriptions and agents.
import type { Db } from "../../db/client";
import { getGatewayManager, type DeviceIdentity, type GatewayConnection, type GatewayStatus } from "../../gateway";
import { decryptSecret, encryptSecret } from "../../crypto/secret-box";
import { eventBus } from "../../events/bus";
import { notFound } from "../../errors";
import { newId } from "@/lib/ids";

interface Registry {
  /** The database each gateway's row lives in (tests run several databases in one process). */
  dbOf: Map<string, Db>;
  orgOf: Map<string, string>;
  lastPersisted: Map<string, string>;
  /** Status writes per gateway, chained so a quick connecting → connected never lands out of order. */
  writes: Map<string, Promise<void>>;
  /** The device token last stored per gateway (to store a newly issued one once). */
  deviceTokens: Map<string, string | null>;
}
const registry: Registry = ((globalThis as Record<symbol, unknown>)[Symbol.for("mc.gateway.registry.v2")] ??= {
  dbOf: new Map(),
  orgOf: new Map(),
  lastPersisted: new Map(),
  writes: new Map(),
  deviceTokens: new Map(),
}) as Registry;

function manager() {
  return getGatewayManager({
    onStatus: (gatewayId, status) => {
      const previous = registry.writes.get(gatewayId) ?? Promise.resolve();
      // Never let one failed write reject the chain: the next status would be dropped with it,
      // and the rejection (nobody awaits it) would be unhandled and can take the process down.
      const next = previous.then(() => persistStatus(gatewayId, status)).catch((error) => console.error(`[gateways] could not record status of ${gatewayId}:`, (error as Error).message));
      registry.writes.set(gatewayId, next);
      void next.finally(() => {
        if (registry.writes.get(gatewayId) === next) registry.writes.delete(gatewayId);
      });
    },
    onEvent: (gatewayId, event) => {
      const orgId = registry.orgOf.get(gatewayId);
      if (!orgId) return;
      eventBus.publish({
        id: newId(),
        orgId,
        boardId: null,
        type: "gateway.event",
        targetType: "gateway",
        targetId: gatewayId,
        payload: { event: event.event, payload: event.payload },
        at: new Date(),
      });
    },
  });
}

/** Writes the observed state when it changes, and tells open pages. */
async function persistStatus(gatewayId: string, status: GatewayStatus) {
  const db = registry.dbOf.get(gatewayId);
  const orgId = registry.orgOf.get(gatewayId);
  if (!db || !orgId) return;
  const key = `${status.state}|${status.lastError ?? ""}|${status.serverVersion ?? ""}|${status.pairingRequestId ?? ""}`;
  if (registry.lastPersisted.get(gatewayId) === key) return;
  registry.lastPersisted.set(gatewayId, key);
  const data: Record<string, unknown> = {
    status: status.state,
    lastError: status.lastError,
    pairingRequestId: status.pairingRequestId,
    ...(status.serverVersion ? { serverVersion: status.serverVersion } : {}),
    ...(status.state === "connected" ? { lastConnectedAt: new Date() } : {}),
  };
  // A gateway that paired our device issues a device token: keep it (encrypted) so the next
  // start signs in with it instead of asking for approval again.
  const live = manager().get(gatewayId);
  const issued = status.state === "connected" ? (live?.deviceToken ?? null) : null;
  const newDeviceToken = issued && registry.deviceTokens.get(gatewayId) !== issued ? issued : null;
  if (newDeviceToken) data.deviceTokenCiphertext = encryptSecret(newDeviceToken);
  try {
    // A closed gateway is written only by whoever closed it (delete/replace), not here.
    if (status.state === "closed") return;
    await db.gateway.updateMany({ where: { id: gatewayId }, data });
  } catch (error) {
    // Forget what we meant to write, so the next status change tries again.
    registry.lastPersisted.delete(gatewayId);
    console.error(`[gateways] could not record status of ${gatewayId}:`, (error as Error).message);
    return;
  }
  // Remembered only once stored: a failed write must not lose the device token for good.
  if (newDeviceToken) registry.deviceTokens.set(gatewayId, newDeviceToken);
  eventBus.publish({
    id: newId(),
    orgId,
    boardId: null,
    type: "gateway.status",
    targetType: "gateway",
    targetId: gatewayId,
    payload: { state: status.state, lastError: status.lastError, serverVersion: status.serverVersion, pairingRequestId: status.pairingRequestId, nextRetryAt: status.nextRetryAt },
    at: new Date(),
  });
}

type GatewayRow = {
  id: string;
  orgId: string;
  url: string;
  allowInsecureTls: boolean;
  tokenCiphertext: string;
  devicePublicKey: string | null;
  deviceKeyCiphertext: string | null;
  deviceTokenCiphertext: string | null;
};

/** The connection config of a stored gateway (secrets decrypted in memory only). */
function configOf(gateway: GatewayRow) {
  const deviceToken = gateway.deviceTokenCiphertext ? decryptSecret(gateway.deviceTokenCiphertext) : null;
  return {
    url: gateway.url,
    allowInsecureTls: gateway.allowInsecureTls,
    token: decryptSecret(gateway.tokenCiphertext),
    deviceToken,
    deviceIdentity: gateway.deviceKeyCiphertext && gateway.devicePublicKey ? (JSON.parse(decryptSecret(gateway.deviceKeyCiphertext)) as DeviceIdentity) : null,
  };
}

/** The live connection for a stored gateway (created on first use, reused afterwards). */
export async function connectionFor(db: Db, gatewayId: string): Promise<GatewayConnection> {
  const gateway = await db.gateway.findUnique({ where: { id: gatewayId } });
  if (!gateway) throw notFound("Gateway");
  return connectionForRow(db, gateway);
}

/** Same as connectionFor, for a row the caller already read. */
export function connectionForRow(db: Db, gateway: GatewayRow): GatewayConnection {
  registry.dbOf.set(gateway.id, db);
  registry.orgOf.set(gateway.id, gateway.orgId);
  const config = configOf(gateway);
  if (!registry.deviceTokens.has(gateway.id)) registry.deviceTokens.set(gateway.id, config.deviceToken);
  return manager().ensure(gateway.id, config);
}

/** The live connection if this process holds one (no connecting as a side effect). */
export function liveConnection(gatewayId: string): GatewayConnection | undefined {
  return manager().get(gatewayId);
}

/** Drops the live connection (gateway deleted or its URL/TLS setting changed). */
export async function closeConnection(gatewayId: string): Promise<void> {
  await manager().close(gatewayId);
  registry.dbOf.delete(gatewayId);
  registry.orgOf.delete(gatewayId);
  registry.lastPersisted.delete(gatewayId);
  registry.deviceTokens.delete(gatewayId);
}
