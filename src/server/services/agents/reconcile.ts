// Provisioning as a reconcile loop (DESIGN.md §5): the Agent row is the desired state, the
// gateway's agent list and files are the observed state, and every step below is idempotent,
// so a crash of Mission Control or a gateway restart in the middle converges on the next run.
//   create_agent → write_files → deliver_token → wake → done (status online)
// desiredState "deleted": delete on the gateway (files too), then remove our row.
import type { Db } from "../../db/client";
import type { GatewayConnection } from "../../gateway";
import { connectionFor } from "../gateways/connections";
import { awaitUsable } from "../gateways/gateway-errors";
import { eventBus } from "../../events/bus";
import { newAgentTokenParts } from "../../auth/secrets";
import { commit } from "../commit";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";
import { backoffMs } from "../jobs/queue";
import { extractTools, DEFAULT_IDENTITY, DEFAULT_SOUL, missionControlBaseUrl, missionControlSection, renderTemplate, withMissionControlSection, type TemplateVars } from "./templates";
import { clearToken, createGatewayAgent, deleteGatewayAgent, deliverToken, getFile, listGatewayAgents, placeSkill, setFile, skillKeyFor, wakeAgent, type GatewayAgent } from "./gateway-ops";

export const RECONCILE_JOB = "agent.reconcile";
export const PROVISION_STEPS = ["create_agent", "write_files", "deliver_token", "wake", "done"] as const;
export type ProvisionStep = (typeof PROVISION_STEPS)[number] | "delete_from_gateway";
export const STEP_LABELS: Record<ProvisionStep, string> = {
  create_agent: "Creating the agent on the gateway",
  write_files: "Writing SOUL.md, IDENTITY.md and AGENTS.md",
  deliver_token: "Giving the agent its Mission Control token",
  wake: "Waking the agent with a first message",
  done: "Provisioned",
  delete_from_gateway: "Deleting the agent and its files from the gateway",
};
const stepIndex = (step: string | null): number => PROVISION_STEPS.indexOf((step ?? "create_agent") as (typeof PROVISION_STEPS)[number]);

/** After this many failed attempts in a row the status shows error (it keeps retrying). */
export const ERROR_AFTER_ATTEMPTS = 3;

type AgentRow = NonNullable<Awaited<ReturnType<typeof loadAgent>>>;
export type ReconcileAgent = AgentRow;
export const loadAgent = (db: Db, agentId: string) => db.agent.findUnique({ where: { id: agentId }, include: { board: { select: { name: true } }, gateway: { select: { id: true, name: true, workspaceRoot: true } } } });

/** The gateway agent's name (its id is derived from it): stable, so a crash after create finds it again. */
export const gatewayAgentNameFor = (agent: { id: string; name: string }): string => `mc-${slugify(agent.name).slice(0, 32)}-${agent.id.slice(-6).toLowerCase()}`;

export const templateVars = (agent: Pick<AgentRow, "id" | "name" | "role" | "heartbeatIntervalSec"> & { board: { name: string } | null }): TemplateVars => ({
  name: agent.name,
  role: agent.role,
  board: agent.board?.name ?? "no board",
  agentId: agent.id,
  baseUrl: missionControlBaseUrl(),
  heartbeatIntervalSec: agent.heartbeatIntervalSec,
});

export const renderSoul = (agent: Parameters<typeof templateVars>[0] & { soulTemplate: string }) => renderTemplate(agent.soulTemplate || DEFAULT_SOUL, templateVars(agent));
export const renderIdentity = (agent: Parameters<typeof templateVars>[0] & { identityTemplate: string }) => renderTemplate(agent.identityTemplate || DEFAULT_IDENTITY, templateVars(agent));

/** Publishes provisioning progress (no activity row: steps are not changes an operator made). */
function progress(agent: { id: string; orgId: string; boardId: string | null }, payload: Record<string, unknown>): void {
  eventBus.publish({ id: newId(), orgId: agent.orgId, boardId: agent.boardId, type: "agent.progress", targetType: "agent", targetId: agent.id, payload: { agentId: agent.id, ...payload }, at: new Date() });
}

async function setStep(db: Db, agent: AgentRow, step: ProvisionStep, status: string): Promise<void> {
  await db.agent.update({ where: { id: agent.id }, data: { provisionStep: step, status } });
  agent.provisionStep = step;
  agent.status = status;
  progress(agent, { step, label: STEP_LABELS[step], status, attempts: agent.attempts });
}

export interface ReconcileResult {
  outcome: "online" | "deleted" | "gone" | "failed";
  error?: string;
  nextRetryAt?: Date;
}

const systemCtx = (db: Db) => ({ db, actor: { kind: "system" as const, name: "reconciler" }, requestId: `reconcile-${newId()}`, ip: null });

/**
 * One pass for one agent. Failures are recorded on the row in plain words (lastError, attempts,
 * nextRetryAt) and rethrown so the job queue retries with the same backoff.
 */
export async function reconcileAgent(db: Db, agentId: string, options: { attempt?: number } = {}): Promise<ReconcileResult> {
  const agent = await loadAgent(db, agentId);
  if (!agent) return { outcome: "gone" };
  try {
    if (agent.desiredState === "deleted") {
      await reconcileDeleted(db, agent);
      return { outcome: "deleted" };
    }
    await reconcilePresent(db, agent);
    return { outcome: "online" };
  } catch (error) {
    const attempts = (options.attempt ?? agent.attempts + 1);
    const step = (agent.provisionStep ?? "create_agent") as ProvisionStep;
    const message = `${STEP_LABELS[step]} failed: ${plainError(error)}`;
    const nextRetryAt = new Date(Date.now() + backoffMs(attempts));
    const status = agent.desiredState === "deleted" ? "deleting" : attempts >= ERROR_AFTER_ATTEMPTS ? "error" : "provisioning";
    const changed = agent.lastError !== message || agent.status !== status;
    await db.agent.updateMany({ where: { id: agent.id }, data: { lastError: message, attempts, nextRetryAt, status } });
    if (changed) {
      await commit(systemCtx(db), async (_tx, record) => {
        await record({ orgId: agent.orgId, boardId: agent.boardId, action: "agent.failed", targetType: "agent", targetId: agent.id, summary: `Provisioning ${agent.name}: ${message}`, payload: { agentId: agent.id, status, lastError: message, attempts, nextRetryAt, step } });
      });
    } else progress(agent, { step, label: STEP_LABELS[step], status, lastError: message, attempts, nextRetryAt });
    throw Object.assign(new Error(message), { nextRetryAt });
  }
}

function plainError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const msg = e?.message ?? String(error);
  if (e?.code === "TIMEOUT" || /timed out|timeout/i.test(msg)) return `the gateway did not answer in time (${msg})`;
  if (/ECONNREFUSED|not connected|closed|disconnected|unavailable/i.test(msg)) return `the gateway is not reachable right now (${msg})`;
  return msg;
}

/** The live connection, failing at once (with the gateway's reason) while it is down. */
async function connected(db: Db, gatewayId: string | null): Promise<GatewayConnection> {
  if (!gatewayId) throw new Error("the agent has no gateway; choose one in its settings");
  const conn = await connectionFor(db, gatewayId);
  const gateway = await db.gateway.findUnique({ where: { id: gatewayId }, select: { name: true } });
  await awaitUsable(conn, gateway?.name ?? gatewayId, 10_000);
  return conn;
}

async function reconcilePresent(db: Db, agent: AgentRow): Promise<void> {
  const conn = await connected(db, agent.gatewayId);

  // 1. The agent exists on the gateway (found by our id; created again if the gateway lost it).
  await setStep(db, agent, agent.provisionStep && stepIndex(agent.provisionStep) > 0 ? (agent.provisionStep as ProvisionStep) : "create_agent", agent.status === "online" ? "online" : agent.status === "error" ? "error" : "provisioning");
  const expectedId = agent.gatewayAgentId ?? gatewayAgentNameFor(agent);
  let gwAgent: GatewayAgent | undefined = (await listGatewayAgents(conn)).find((a) => a.id === expectedId);
  let fresh = false;
  if (!gwAgent) {
    await setStep(db, agent, "create_agent", agent.status === "error" ? "error" : "provisioning");
    const workspace = agent.gateway?.workspaceRoot ? `${agent.gateway.workspaceRoot.replace(/\/+$/, "")}/${gatewayAgentNameFor(agent)}` : undefined;
    gwAgent = await createGatewayAgent(conn, gatewayAgentNameFor(agent), workspace);
    fresh = true;
  }
  if (agent.gatewayAgentId !== gwAgent.id) await db.agent.update({ where: { id: agent.id }, data: { gatewayAgentId: gwAgent.id } });
  agent.gatewayAgentId = gwAgent.id;

  // 2. Workspace files rendered from the templates (written only when they differ).
  if (fresh || stepIndex(agent.provisionStep) <= stepIndex("write_files")) await setStep(db, agent, "write_files", agent.status);
  await writeAgentFiles(conn, agent, gwAgent.id);

  // 3. The token, by skill env (never in a file). A fresh gateway agent gets a new token.
  if (fresh || !agent.tokenSecretHash || stepIndex(agent.provisionStep) <= stepIndex("deliver_token")) {
    await setStep(db, agent, "deliver_token", agent.status);
    await rotateAgentToken(db, conn, agent, gwAgent);
  } else {
    // The env lives in the gateway's config; the skill file in the workspace: put it back if lost.
    await placeSkill(gwAgent.workspace, skillKeyFor(gwAgent.id));
  }

  // 4. A first message, once per gateway agent (chat.send is idempotent by key).
  if (fresh || stepIndex(agent.provisionStep) <= stepIndex("wake")) {
    await setStep(db, agent, "wake", agent.status);
    await wakeAgent(
      conn,
      gwAgent.id,
      `Hello ${agent.name}. You are now connected to Mission Control. Read the Mission Control section of AGENTS.md, then send your first heartbeat.`,
      `mc-wake-${agent.id}-${gwAgent.id}`,
    );
  }

  const wasOnline = agent.provisionStep === "done" && agent.status === "online" && !agent.lastError;
  const now = new Date();
  await db.agent.update({ where: { id: agent.id }, data: { provisionStep: "done", status: "online", lastError: null, attempts: 0, nextRetryAt: null, filesSyncedAt: now } });
  if (!wasOnline) {
    await commit(systemCtx(db), async (_tx, record) => {
      await record({ orgId: agent.orgId, boardId: agent.boardId, action: "agent.provisioned", targetType: "agent", targetId: agent.id, summary: `Provisioned agent ${agent.name} on gateway ${agent.gateway?.name ?? ""}`.trim(), payload: { agentId: agent.id, step: "done", status: "online", gatewayAgentId: gwAgent.id } });
    });
  }
}

/** The three files provisioning owns; AGENTS.md keeps whatever is outside our section. */
export async function desiredFiles(conn: GatewayConnection, agent: ReconcileAgent, gatewayAgentId: string, tools?: string): Promise<{ name: string; content: string; current: string }[]> {
  const agentsMd = await getFile(conn, gatewayAgentId, "AGENTS.md");
  const soul = await getFile(conn, gatewayAgentId, "SOUL.md");
  const identity = await getFile(conn, gatewayAgentId, "IDENTITY.md");
  return [
    { name: "SOUL.md", content: renderSoul(agent), current: soul.content },
    { name: "IDENTITY.md", content: renderIdentity(agent), current: identity.content },
    { name: "AGENTS.md", content: withMissionControlSection(agentsMd.content, missionControlSection(templateVars(agent), tools ?? extractTools(agentsMd.content))), current: agentsMd.content },
  ];
}

async function writeAgentFiles(conn: GatewayConnection, agent: AgentRow, gatewayAgentId: string): Promise<void> {
  for (const file of await desiredFiles(conn, agent, gatewayAgentId)) if (file.content !== file.current) await setFile(conn, gatewayAgentId, file.name, file.content);
}

/**
 * A new token reaches the agent first; only then does the stored hash change, which is what
 * revokes the old one. If delivery fails the old token keeps working.
 */
export async function rotateAgentToken(db: Db, conn: GatewayConnection, agent: { id: string }, gwAgent: GatewayAgent): Promise<void> {
  const parts = newAgentTokenParts();
  await deliverToken(conn, gwAgent.id, gwAgent.workspace, parts.token, missionControlBaseUrl());
  await db.agent.update({ where: { id: agent.id }, data: { tokenLookupId: parts.lookupId, tokenSecretHash: parts.secretHash, tokenRotatedAt: new Date() } });
}

async function reconcileDeleted(db: Db, agent: AgentRow): Promise<void> {
  await setStep(db, agent, "delete_from_gateway", "deleting");
  if (agent.gatewayId) {
    const conn = await connected(db, agent.gatewayId);
    const expectedId = agent.gatewayAgentId ?? gatewayAgentNameFor(agent);
    if ((await listGatewayAgents(conn)).some((a) => a.id === expectedId)) await deleteGatewayAgent(conn, expectedId);
    await clearToken(conn, expectedId);
  }
  await commit(systemCtx(db), async (tx, record) => {
    await tx.agent.deleteMany({ where: { id: agent.id } });
    await record({ orgId: agent.orgId, boardId: agent.boardId, action: "agent.removed", targetType: "agent", targetId: agent.id, summary: `Removed agent ${agent.name} from its gateway`, payload: { agentId: agent.id, status: "deleted" } });
  });
}
