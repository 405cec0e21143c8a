// Agents as operators manage them: the row is the desired state; every change re-arms the
// reconcile job (after commit) that drives the gateway to it. Token material never leaves here.
import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { AgentView } from "@/lib/schemas/agents";
import { commit } from "../commit";
import { badRequest, notFound } from "../../errors";
import { newId } from "@/lib/ids";
import { connectionFor } from "../gateways/connections";
import { awaitUsable, toTrpcError } from "../gateways/gateway-errors";
import { deriveStatus, offlineAt } from "./status";
import { STEP_LABELS, type ProvisionStep } from "./reconcile";
import { enqueueReconcile } from "./worker";
import { getFile } from "./gateway-ops";

type OrgCtx = Context & { org: OrgRef; role: Role };

export const agentInclude = { board: { select: { name: true } }, gateway: { select: { name: true } } } as const;
type AgentRow = {
  id: string;
  orgId: string;
  boardId: string | null;
  gatewayId: string | null;
  name: string;
  role: string;
  soulTemplate: string;
  identityTemplate: string;
  heartbeatIntervalSec: number;
  status: string;
  gatewayAgentId: string | null;
  provisionStep: string | null;
  lastError: string | null;
  attempts: number;
  nextRetryAt: Date | null;
  lastHeartbeatAt: Date | null;
  heartbeatStatus: string | null;
  heartbeatMessage: string | null;
  tokenRotatedAt: Date | null;
  filesSyncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  board?: { name: string } | null;
  gateway?: { name: string } | null;
};

export function agentView(a: AgentRow, now = new Date()): AgentView {
  const status = deriveStatus(a, now);
  return {
    id: a.id,
    orgId: a.orgId,
    name: a.name,
    role: a.role as AgentView["role"],
    boardId: a.boardId,
    boardName: a.board?.name ?? null,
    gatewayId: a.gatewayId,
    gatewayName: a.gateway?.name ?? null,
    gatewayAgentId: a.gatewayAgentId,
    status,
    provisionStep: a.provisionStep,
    provisionStepLabel: a.provisionStep ? (STEP_LABELS[a.provisionStep as ProvisionStep] ?? a.provisionStep) : null,
    lastError: a.lastError,
    attempts: a.attempts,
    nextRetryAt: a.nextRetryAt,
    lastHeartbeatAt: a.lastHeartbeatAt,
    heartbeatStatus: a.heartbeatStatus,
    heartbeatMessage: a.heartbeatMessage,
    heartbeatIntervalSec: a.heartbeatIntervalSec,
    offlineAt: status === "online" || status === "offline" ? offlineAt(a) : null,
    soulTemplate: a.soulTemplate,
    identityTemplate: a.identityTemplate,
    tokenRotatedAt: a.tokenRotatedAt,
    filesSyncedAt: a.filesSyncedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

const audit = (a: AgentRow) => ({ name: a.name, role: a.role, boardId: a.boardId, gatewayId: a.gatewayId, heartbeatIntervalSec: a.heartbeatIntervalSec, soulTemplate: a.soulTemplate, identityTemplate: a.identityTemplate });

export async function listAgents(ctx: OrgCtx & { boardFilter?: { id?: { in: string[] } } }, input: { gatewayId?: string; boardId?: string }) {
  const limited = ctx.boardFilter?.id;
  const rows = await ctx.db.agent.findMany({
    // A limited member asking for a board they were not granted gets nothing, as if it did not exist.
    where: { orgId: ctx.org.id, gatewayId: input.gatewayId, ...(input.boardId ? { boardId: limited && !limited.in.includes(input.boardId) ? { in: [] } : input.boardId } : limited ? { boardId: limited } : {}) },
    include: agentInclude,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const now = new Date();
  return rows.map((a) => agentView(a, now));
}

async function loadAgent(ctx: OrgCtx, agentId: string) {
  const agent = await ctx.db.agent.findFirst({ where: { id: agentId, orgId: ctx.org.id }, include: agentInclude });
  if (!agent) throw notFound("Agent");
  return agent;
}

export async function getAgent(ctx: OrgCtx, input: { agentId: string }) {
  return agentView(await loadAgent(ctx, input.agentId));
}

async function assertBoardAndGateway(ctx: OrgCtx, boardId: string | undefined, gatewayId: string | undefined) {
  if (boardId && !(await ctx.db.board.findFirst({ where: { id: boardId, orgId: ctx.org.id }, select: { id: true } }))) throw badRequest("Choose a board of this organization");
  if (gatewayId && !(await ctx.db.gateway.findFirst({ where: { id: gatewayId, orgId: ctx.org.id }, select: { id: true } }))) throw badRequest("Choose a gateway of this organization");
}

export async function createAgent(
  ctx: OrgCtx,
  input: { name: string; boardId: string; role: "lead" | "worker"; gatewayId: string; soulTemplate: string; identityTemplate: string; heartbeatIntervalSec: number },
) {
  await assertBoardAndGateway(ctx, input.boardId, input.gatewayId);
  const view = await commit(ctx, async (tx, record) => {
    const agent = await tx.agent.create({
      data: {
        id: newId(),
        orgId: ctx.org.id,
        boardId: input.boardId,
        gatewayId: input.gatewayId,
        name: input.name,
        role: input.role,
        soulTemplate: input.soulTemplate,
        identityTemplate: input.identityTemplate,
        heartbeatIntervalSec: input.heartbeatIntervalSec,
        status: "provisioning",
        provisionStep: "create_agent",
      },
      include: agentInclude,
    });
    // A lead agent becomes its board's lead when the board has none (leadAgentOnlyStatus uses it).
    if (input.role === "lead") await tx.board.updateMany({ where: { id: input.boardId, leadAgentId: null }, data: { leadAgentId: agent.id } });
    await record({ orgId: ctx.org.id, boardId: agent.boardId, action: "agent.created", targetType: "agent", targetId: agent.id, summary: `Created agent ${agent.name} (${agent.role})`, after: audit(agent), payload: agentView(agent) });
    return agentView(agent);
  });
  await enqueueReconcile(ctx.db, view.id);
  return view;
}

export async function updateAgent(ctx: OrgCtx, input: { agentId: string; name?: string; boardId?: string; role?: "lead" | "worker"; soulTemplate?: string; identityTemplate?: string; heartbeatIntervalSec?: number }) {
  await assertBoardAndGateway(ctx, input.boardId, undefined);
  const { view, reprovision } = await commit(ctx, async (tx, record) => {
    const before = await tx.agent.findFirst({ where: { id: input.agentId, orgId: ctx.org.id }, include: agentInclude });
    if (!before) throw notFound("Agent");
    if (before.desiredState !== "present") throw badRequest("This agent is being deleted");
    const agent = await tx.agent.update({
      where: { id: before.id },
      data: { name: input.name, boardId: input.boardId, role: input.role, soulTemplate: input.soulTemplate, identityTemplate: input.identityTemplate, heartbeatIntervalSec: input.heartbeatIntervalSec },
      include: agentInclude,
    });
    if (before.boardId && before.boardId !== agent.boardId) await tx.board.updateMany({ where: { id: before.boardId, leadAgentId: agent.id }, data: { leadAgentId: null } });
    if (agent.role === "worker") await tx.board.updateMany({ where: { leadAgentId: agent.id }, data: { leadAgentId: null } });
    if (agent.role === "lead" && agent.boardId) await tx.board.updateMany({ where: { id: agent.boardId, leadAgentId: null }, data: { leadAgentId: agent.id } });
    await record({ orgId: ctx.org.id, boardId: agent.boardId, action: "agent.updated", targetType: "agent", targetId: agent.id, summary: `Updated agent ${agent.name}`, before: audit(before), after: audit(agent), payload: agentView(agent) });
    // Anything rendered into the workspace files changed: rewrite them.
    const changed = (["name", "role", "boardId", "soulTemplate", "identityTemplate", "heartbeatIntervalSec"] as const).some((k) => before[k] !== agent[k]);
    return { view: agentView(agent), reprovision: changed };
  });
  if (reprovision) await enqueueReconcile(ctx.db, view.id);
  return view;
}

/** Marks the agent for deletion; the reconciler deletes it on the gateway, then removes the row. */
export async function deleteAgent(ctx: OrgCtx, input: { agentId: string }) {
  await commit(ctx, async (tx, record) => {
    const agent = await tx.agent.findFirst({ where: { id: input.agentId, orgId: ctx.org.id }, include: agentInclude });
    if (!agent) throw notFound("Agent");
    // Revoke the token now: a deleting agent must not act any more.
    const updated = await tx.agent.update({ where: { id: agent.id }, data: { desiredState: "deleted", status: "deleting", provisionStep: "delete_from_gateway", tokenSecretHash: null, attempts: 0, lastError: null, nextRetryAt: null }, include: agentInclude });
    await tx.board.updateMany({ where: { leadAgentId: agent.id }, data: { leadAgentId: null } });
    await record({ orgId: ctx.org.id, boardId: agent.boardId, action: "agent.deleted", targetType: "agent", targetId: agent.id, summary: `Deleted agent ${agent.name}`, before: audit(agent), payload: agentView(updated) });
  });
  await enqueueReconcile(ctx.db, input.agentId);
  return { ok: true as const };
}

/** Reprovision now: the next attempt runs at once, whatever the backoff said. */
export async function retryAgent(ctx: OrgCtx, input: { agentId: string }) {
  const view = await commit(ctx, async (tx, record) => {
    const agent = await tx.agent.findFirst({ where: { id: input.agentId, orgId: ctx.org.id }, include: agentInclude });
    if (!agent) throw notFound("Agent");
    const updated = await tx.agent.update({
      where: { id: agent.id },
      data: { attempts: 0, nextRetryAt: null, ...(agent.desiredState === "present" ? { status: agent.status === "error" ? "provisioning" : agent.status, provisionStep: agent.provisionStep === "done" ? "write_files" : agent.provisionStep } : {}) },
      include: agentInclude,
    });
    await record({ orgId: ctx.org.id, boardId: agent.boardId, action: "agent.retried", targetType: "agent", targetId: agent.id, summary: `Retried provisioning of ${agent.name}`, payload: agentView(updated) });
    return agentView(updated);
  });
  await enqueueReconcile(ctx.db, view.id);
  return view;
}

/** The agent's workspace files, read live from its gateway. */
export async function agentFiles(ctx: OrgCtx, input: { agentId: string; name?: string }) {
  const agent = await loadAgent(ctx, input.agentId);
  if (!agent.gatewayId || !agent.gatewayAgentId) throw badRequest("This agent is not on a gateway yet");
  const name = agent.gateway?.name ?? agent.gatewayId;
  const conn = await connectionFor(ctx.db, agent.gatewayId);
  await awaitUsable(conn, name);
  try {
    const listed = await conn.request<{ files?: { name: string; size?: number; missing?: boolean }[] }>("agents.files.list", { agentId: agent.gatewayAgentId }, { timeoutMs: 10_000 });
    const files = (listed.files ?? []).map((f) => ({ name: f.name, size: typeof f.size === "number" ? f.size : null, missing: Boolean(f.missing) }));
    const file = input.name ? { name: input.name, content: (await getFile(conn, agent.gatewayAgentId, input.name)).content } : null;
    return { files, file };
  } catch (error) {
    throw toTrpcError(error, name, conn);
  }
}
