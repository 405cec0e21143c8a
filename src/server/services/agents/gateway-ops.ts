// The gateway calls provisioning and template sync make, with the waits the real gateway needs.
import fs from "node:fs/promises";
import path from "node:path";
import type { GatewayConnection } from "../../gateway";
import { skillMarkdown, TOKEN_ENV, URL_ENV } from "./templates";

export const CALL_TIMEOUT_MS = 15_000;

export type GatewayAgent = { id: string; name?: string; workspace?: string };

export async function listGatewayAgents(conn: GatewayConnection): Promise<GatewayAgent[]> {
  const list = await conn.request<{ agents: GatewayAgent[] }>("agents.list", {}, { timeoutMs: CALL_TIMEOUT_MS });
  return list.agents ?? [];
}

/** agents.create answers ≈0.5 s before the agent is usable: wait until agents.list shows it. */
export async function createGatewayAgent(conn: GatewayConnection, name: string, workspace?: string): Promise<GatewayAgent> {
  const created = await conn.request<{ agentId: string; workspace: string }>("agents.create", { name, ...(workspace ? { workspace } : {}) }, { timeoutMs: 30_000 });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = (await listGatewayAgents(conn)).find((a) => a.id === created.agentId);
    if (found) return { ...found, workspace: found.workspace ?? created.workspace };
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the gateway created agent ${created.agentId} but it did not appear in its agent list within 15 s`);
}

export async function deleteGatewayAgent(conn: GatewayConnection, agentId: string): Promise<void> {
  await conn.request("agents.delete", { agentId, deleteFiles: true }, { timeoutMs: 30_000 });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (!(await listGatewayAgents(conn)).some((a) => a.id === agentId)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`agent ${agentId} is still in the gateway's agent list 15 s after deleting it`);
}

export type FileGet = { content: string; hash: string | null; missing: boolean };

export async function getFile(conn: GatewayConnection, agentId: string, name: string): Promise<FileGet> {
  try {
    const res = await conn.request<{ file: { content?: string; hash?: string; missing?: boolean } }>("agents.files.get", { agentId, name }, { timeoutMs: CALL_TIMEOUT_MS });
    return { content: res.file?.content ?? "", hash: res.file?.hash ?? null, missing: Boolean(res.file?.missing) };
  } catch (error) {
    if (/not found|missing|ENOENT/i.test((error as Error).message)) return { content: "", hash: null, missing: true };
    throw error;
  }
}

export async function setFile(conn: GatewayConnection, agentId: string, name: string, content: string): Promise<void> {
  await conn.request("agents.files.set", { agentId, name, content }, { timeoutMs: CALL_TIMEOUT_MS });
}

/** True when the gateway refused the file name itself (2026.9.6: TOOLS.md, HEARTBEAT.md). */
export const isUnsupportedFile = (error: unknown): boolean => /unsupported file/i.test((error as Error)?.message ?? "");

export const skillKeyFor = (gatewayAgentId: string): string => `mc-${gatewayAgentId}`;

/**
 * Delivers the agent token: a per-agent skill whose env holds it (`skills.update`), applied by the
 * gateway to the host env of that agent's runs and never put in a prompt. The skill's SKILL.md is
 * placed in the agent's own workspace, so only this agent is eligible for it (and its env).
 * No RPC writes a skill folder for a non-default agent, so that needs the workspace on this host.
 */
export async function deliverToken(conn: GatewayConnection, gatewayAgentId: string, workspace: string | undefined, token: string, baseUrl: string): Promise<void> {
  const skillKey = skillKeyFor(gatewayAgentId);
  await placeSkill(workspace, skillKey);
  await conn.request("skills.update", { skillKey, env: { [TOKEN_ENV]: token, [URL_ENV]: baseUrl } }, { timeoutMs: 30_000 });
}

export async function placeSkill(workspace: string | undefined, skillKey: string): Promise<void> {
  if (!workspace) throw new Error("the gateway did not say where the agent's workspace is, so its Mission Control skill cannot be placed");
  try {
    await fs.access(workspace);
  } catch {
    throw new Error(
      `the agent's workspace (${workspace}) is not on this machine, so Mission Control cannot place the skill that carries its token; run Mission Control on the gateway's host or share the workspace folder`,
    );
  }
  const dir = path.join(workspace, "skills", skillKey);
  const file = path.join(dir, "SKILL.md");
  const content = skillMarkdown(skillKey);
  const current = await fs.readFile(file, "utf8").catch(() => null);
  if (current === content) return;
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(file, content);
}

/** Forgets the token on the gateway (best effort: the agent is being deleted). */
export async function clearToken(conn: GatewayConnection, gatewayAgentId: string): Promise<void> {
  await conn.request("skills.update", { skillKey: skillKeyFor(gatewayAgentId), env: {} }, { timeoutMs: CALL_TIMEOUT_MS }).catch(() => undefined);
}

export async function wakeAgent(conn: GatewayConnection, gatewayAgentId: string, message: string, idempotencyKey: string): Promise<void> {
  await conn.request("chat.send", { sessionKey: `agent:${gatewayAgentId}:main`, message, idempotencyKey }, { timeoutMs: CALL_TIMEOUT_MS });
}
