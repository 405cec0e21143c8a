// The bridge between stored gateways and live connections: one GatewayConnection per gateway
// (GatewayManager), its status persisted on the row (so every page and instance sees it), and
// its events published on the event bus as `gateway.event` for subscriptions and agents.
import type { Db } from "../../db/client";
import { getGatewayManager, type GatewayConnection, type GatewayStatus } from "../../gateway";
import { decryptSecret } from "../../crypto/secret-box";
import { eventBus } from "../../events/bus";
import { notFound } from "../../errors";
import { newId } from "@/lib/ids";

interface Registry {
  db: Db | null;
  orgOf: Map<string, string>;
  lastPersisted: Map<string, string>;
}
const registry: Registry = ((globalThis as Record<symbol, unknown>)[Symbol.for("mc.gateway.registry")] ??= {
  db: null,
  orgOf: new Map(),
  lastPersisted: new Map(),
}) as Registry;

function manager() {
  return getGatewayManager({
    onStatus: (gatewayId, status) => void persistStatus(gatewayId, status),
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
  const db = registry.db;
  const orgId = registry.orgOf.get(gatewayId);
  if (!db || !orgId) return;
  const key = `${status.state}|${status.lastError ?? ""}|${status.serverVersion ?? ""}|${status.pairingRequestId ?? ""}`;
  if (registry.lastPersisted.get(gatewayId) === key) return;
  registry.lastPersisted.set(gatewayId, key);
  const data = {
    status: status.state,
    lastError: status.lastError,
    pairingRequestId: status.pairingRequestId,
    ...(status.serverVersion ? { serverVersion: status.serverVersion } : {}),
    ...(status.state === "connected" ? { lastConnectedAt: new Date() } : {}),
  };
  try {
    await db.gateway.updateMany({ where: { id: gatewayId }, data });
  } catch (error) {
    console.error(`[gateways] could not record status of ${gatewayId}:`, (error as Error).message);
    return;
  }
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

/** The live connection for a stored gateway (created on first use, reused afterwards). */
export async function connectionFor(db: Db, gatewayId: string): Promise<GatewayConnection> {
  const gateway = await db.gateway.findUnique({ where: { id: gatewayId } });
  if (!gateway) throw notFound("Gateway");
  registry.db ??= db;
  registry.orgOf.set(gateway.id, gateway.orgId);
  return manager().ensure(gateway.id, {
    url: gateway.url,
    token: decryptSecret(gateway.tokenCiphertext),
    deviceToken: gateway.deviceTokenCiphertext ? decryptSecret(gateway.deviceTokenCiphertext) : null,
    deviceIdentity:
      gateway.deviceKeyCiphertext && gateway.devicePublicKey
        ? JSON.parse(decryptSecret(gateway.deviceKeyCiphertext))
        : null,
  });
}

/** Drops the live connection (gateway deleted or its URL/token changed). */
export async function closeConnection(gatewayId: string): Promise<void> {
  await manager().close(gatewayId);
  registry.orgOf.delete(gatewayId);
  registry.lastPersisted.delete(gatewayId);
}
