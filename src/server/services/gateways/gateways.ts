// Gateways of an org: stored config (the token and device key encrypted, never returned), and
// the live connection each one gets (connections.ts). Reads report the observed state.
import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { Db } from "../../db/client";
import { commit } from "../commit";
import { conflict, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { encryptSecret } from "../../crypto/secret-box";
import { deviceIdFromPublicKey, generateDeviceIdentity, MIN_GATEWAY_VERSION } from "../../gateway";
import { GATEWAY_STATES, type GatewayStateName, type GatewayView } from "@/lib/schemas/gateways";
import { closeConnection, connectionForRow, liveConnection } from "./connections";

export type OrgCtx = Context & { org: OrgRef; role: Role };

type GatewayRow = {
  id: string;
  orgId: string;
  name: string;
  url: string;
  workspaceRoot: string;
  allowInsecureTls: boolean;
  tokenCiphertext: string;
  devicePublicKey: string | null;
  deviceKeyCiphertext: string | null;
  deviceTokenCiphertext: string | null;
  status: string;
  lastError: string | null;
  pairingRequestId: string | null;
  serverVersion: string | null;
  lastConnectedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

const asState = (s: string): GatewayStateName => ((GATEWAY_STATES as readonly string[]).includes(s) ? (s as GatewayStateName) : "connecting");

/** The public shape: every field but the token and key material. */
export function gatewayView(row: GatewayRow, agentCount: number): GatewayView {
  const live = liveConnection(row.id);
  const status = live?.status;
  const supports = (m: string) => live?.supports(m) ?? false;
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    url: row.url,
    workspaceRoot: row.workspaceRoot,
    allowInsecureTls: row.allowInsecureTls,
    // This process' connection is fresher than the row (which it writes a moment later).
    status: status && status.state !== "closed" ? status.state : asState(row.status),
    lastError: status && status.state !== "closed" ? status.lastError : row.lastError,
    pairingRequestId: status && status.state !== "closed" ? status.pairingRequestId : row.pairingRequestId,
    serverVersion: status?.serverVersion ?? row.serverVersion,
    minVersion: MIN_GATEWAY_VERSION,
    lastConnectedAt: row.lastConnectedAt,
    deviceId: row.devicePublicKey ? deviceIdOf(row.devicePublicKey) : null,
    methodCount: live?.methods.length ? live.methods.length : null,
    supports: { chat: supports("chat.send"), sessions: supports("sessions.list"), agentFiles: supports("agents.files.set"), skillsUpdate: supports("skills.update") },
    agentCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function deviceIdOf(publicKeyPem: string): string | null {
  try {
    return deviceIdFromPublicKey(publicKeyPem);
  } catch {
    return null;
  }
}

/** What the activity log keeps: never the token (a change is recorded as tokenChanged). */
const audit = (g: Pick<GatewayRow, "name" | "url" | "workspaceRoot" | "allowInsecureTls">) => ({ name: g.name, url: g.url, workspaceRoot: g.workspaceRoot, allowInsecureTls: g.allowInsecureTls });

/** Connects in the background; a broken stored secret is reported on the row, not thrown at the caller. */
export function ensureConnected(db: Db, row: GatewayRow): void {
  try {
    connectionForRow(db, row);
  } catch (error) {
    console.error(`[gateways] cannot connect ${row.id}:`, (error as Error).message);
    void db.gateway.updateMany({ where: { id: row.id }, data: { status: "unauthorized", lastError: `Mission Control cannot read this gateway's stored secrets: ${(error as Error).message}` } }).catch(() => {});
  }
}

async function agentCounts(db: Db, gatewayIds: string[]): Promise<Map<string, number>> {
  if (!gatewayIds.length) return new Map();
  const rows = await db.agent.groupBy({ by: ["gatewayId"], where: { gatewayId: { in: gatewayIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.gatewayId as string, r._count._all]));
}

export async function findGateway(ctx: OrgCtx, gatewayId: string): Promise<GatewayRow> {
  const row = await ctx.db.gateway.findFirst({ where: { id: gatewayId, orgId: ctx.org.id } });
  if (!row) throw notFound("Gateway");
  return row;
}

export async function listGateways(ctx: OrgCtx): Promise<GatewayView[]> {
  const rows = await ctx.db.gateway.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" } });
  const counts = await agentCounts(ctx.db, rows.map((r) => r.id));
  // Lazily connect any gateway this process does not hold yet (e.g. added by another instance).
  for (const row of rows) if (!liveConnection(row.id)) ensureConnected(ctx.db, row);
  return rows.map((r) => gatewayView(r, counts.get(r.id) ?? 0));
}

export async function getGateway(ctx: OrgCtx, input: { gatewayId: string }): Promise<GatewayView> {
  const row = await findGateway(ctx, input.gatewayId);
  if (!liveConnection(row.id)) ensureConnected(ctx.db, row);
  const counts = await agentCounts(ctx.db, [row.id]);
  return gatewayView(row, counts.get(row.id) ?? 0);
}

export async function createGateway(ctx: OrgCtx, input: { name: string; url: string; token: string; workspaceRoot: string; allowInsecureTls: boolean }): Promise<GatewayView> {
  const identity = generateDeviceIdentity();
  const row = await commit(ctx, async (tx, record) => {
    const gateway = await tx.gateway.create({
      data: {
        id: newId(),
        orgId: ctx.org.id,
        name: input.name,
        url: input.url,
        workspaceRoot: input.workspaceRoot,
        allowInsecureTls: input.allowInsecureTls,
        tokenCiphertext: encryptSecret(input.token),
        devicePublicKey: identity.publicKeyPem,
        deviceKeyCiphertext: encryptSecret(JSON.stringify(identity)),
        status: "connecting",
      },
    });
    await record({
      orgId: ctx.org.id,
      action: "gateway.created",
      targetType: "gateway",
      targetId: gateway.id,
      summary: `Added gateway ${gateway.name}`,
      after: audit(gateway),
      payload: { id: gateway.id, ...audit(gateway) },
    });
    return gateway;
  });
  ensureConnected(ctx.db, row);
  return gatewayView(row, 0);
}

export async function updateGateway(
  ctx: OrgCtx,
  input: { gatewayId: string; name?: string; url?: string; token?: string; workspaceRoot?: string; allowInsecureTls?: boolean },
): Promise<GatewayView> {
  // An empty token from a form means "keep", like an omitted one.
  const token = input.token ? input.token : undefined;
  const { before, row } = await commit(ctx, async (tx, record) => {
    const before = await tx.gateway.findFirst({ where: { id: input.gatewayId, orgId: ctx.org.id } });
    if (!before) throw notFound("Gateway");
    const row = await tx.gateway.update({
      where: { id: before.id },
      data: {
        name: input.name,
        url: input.url,
        workspaceRoot: input.workspaceRoot,
        allowInsecureTls: input.allowInsecureTls,
        // A new token is a new sign-in: the device token issued under the old one is dropped.
        ...(token !== undefined ? { tokenCiphertext: encryptSecret(token), deviceTokenCiphertext: null, status: "connecting", lastError: null } : {}),
        ...(input.url !== undefined && input.url !== before.url ? { status: "connecting", lastError: null, pairingRequestId: null } : {}),
      },
    });
    await record({
      orgId: ctx.org.id,
      action: "gateway.updated",
      targetType: "gateway",
      targetId: row.id,
      summary: `Updated gateway ${row.name}${token !== undefined ? " (new token)" : ""}`,
      before: audit(before),
      after: { ...audit(row), ...(token !== undefined ? { tokenChanged: true } : {}) },
      payload: { id: row.id, ...audit(row), tokenChanged: token !== undefined },
    });
    return { before, row };
  });
  const urlChanged = row.url !== before.url || row.allowInsecureTls !== before.allowInsecureTls;
  if (urlChanged) await closeConnection(row.id);
  if (urlChanged || token !== undefined || !liveConnection(row.id)) ensureConnected(ctx.db, row);
  const counts = await agentCounts(ctx.db, [row.id]);
  return gatewayView(row, counts.get(row.id) ?? 0);
}

export async function deleteGateway(ctx: OrgCtx, input: { gatewayId: string }): Promise<{ ok: true }> {
  const result = await commit(ctx, async (tx, record) => {
    const gateway = await tx.gateway.findFirst({ where: { id: input.gatewayId, orgId: ctx.org.id } });
    if (!gateway) throw notFound("Gateway");
    const agents = await tx.agent.findMany({ where: { gatewayId: gateway.id }, select: { name: true }, take: 4, orderBy: { name: "asc" } });
    if (agents.length) {
      const total = await tx.agent.count({ where: { gatewayId: gateway.id } });
      const names = agents.slice(0, 3).map((a) => a.name).join(", ") + (total > 3 ? ` and ${total - 3} more` : "");
      throw conflict(`Gateway ${gateway.name} still runs ${total === 1 ? "1 agent" : `${total} agents`} (${names}). Delete those agents or move them to another gateway first.`);
    }
    await tx.gateway.delete({ where: { id: gateway.id } });
    await record({ orgId: ctx.org.id, action: "gateway.deleted", targetType: "gateway", targetId: gateway.id, summary: `Deleted gateway ${gateway.name}`, before: audit(gateway), payload: { id: gateway.id } });
    return { ok: true as const };
  });
  await closeConnection(input.gatewayId);
  return result;
}

/** Drops any wait (backoff, unauthorized, pairing) and connects again now. */
export async function reconnectGateway(ctx: OrgCtx, input: { gatewayId: string }): Promise<GatewayView> {
  const row = await commit(ctx, async (tx, record) => {
    const gateway = await tx.gateway.findFirst({ where: { id: input.gatewayId, orgId: ctx.org.id } });
    if (!gateway) throw notFound("Gateway");
    await record({ orgId: ctx.org.id, action: "gateway.reconnect_requested", targetType: "gateway", targetId: gateway.id, summary: `Asked gateway ${gateway.name} to reconnect`, payload: { id: gateway.id } });
    return gateway;
  });
  // ensure() picks up credentials another instance stored; reconnectNow() then skips any wait.
  const had = !!liveConnection(row.id);
  ensureConnected(ctx.db, row);
  if (had) liveConnection(row.id)?.reconnectNow();
  const counts = await agentCounts(ctx.db, [row.id]);
  return gatewayView(row, counts.get(row.id) ?? 0);
}

/** Start-up: one connection per stored gateway, so statuses are live before anyone asks. */
export async function startGatewayConnections(db: Db): Promise<number> {
  const rows = await db.gateway.findMany();
  for (const row of rows) ensureConnected(db, row);
  return rows.length;
}
