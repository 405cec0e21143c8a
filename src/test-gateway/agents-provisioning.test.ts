// Agent provisioning against the REAL gateway: the reconcile loop, template sync with token
// rotation, TOOLS.md refused and reported per agent, deletion, and convergence after the
// gateway is killed and restarted in the middle of provisioning. One gateway for the file.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { startFakeLlm, type FakeLlm } from "../../scripts/openclaw/fake-llm";
import { startGateway, type GatewayHandle } from "../../scripts/openclaw/gateway";
import { createDb, type Db } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { blankConfig } from "@/test/db";
import { createCaller } from "@/test/context";
import { createContext } from "@/server/context";
import { insertOrg, insertUser } from "@/test/fixtures";
import { encryptSecret } from "@/server/crypto/secret-box";
import { newId } from "@/lib/ids";
import { connectionFor, closeConnection } from "@/server/services/gateways/connections";
import { configureJobs } from "@/server/services/jobs/queue";
import { createAgentWorker } from "@/server/services/agents/worker";
import type { JobWorker } from "@/server/services/jobs/worker";
import { eventBus, type DomainEvent } from "@/server/events/bus";
import { gatewaySuiteEnabled, waitUntil } from "./support";

process.env.MC_ENCRYPTION_KEY ||= "agents-gateway-test-key";
process.env.MC_PUBLIC_URL = "http://127.0.0.1:3999";

type AgentsList = { agents: { id: string; name?: string; workspace?: string }[] };

describe.skipIf(!gatewaySuiteEnabled)("agents on a real gateway", () => {
  let llm: FakeLlm;
  let gw: GatewayHandle;
  let db: Db;
  let cleanup: () => Promise<void>;
  let worker: JobWorker;
  let caller: ReturnType<typeof createCaller>;
  let orgId = "";
  let boardId = "";
  let gatewayId = "";
  const events: DomainEvent[] = [];
  let unsubscribe: () => void;

  const gatewayCall = async <T>(method: string, params: unknown = {}) => (await connectionFor(db, gatewayId)).request<T>(method, params, { timeoutMs: 30_000 });
  const agentIds = async () => (await gatewayCall<AgentsList>("agents.list")).agents.map((a) => a.id);
  const agentRow = (id: string) => db.agent.findUnique({ where: { id } });
  const waitOnline = (id: string, timeoutMs = 120_000) =>
    waitUntil(async () => {
      const a = await agentRow(id);
      return a?.status === "online" && a.provisionStep === "done" ? a : null;
    }, `agent ${id} online`, timeoutMs, 200);
  /** The token as the gateway holds it for the agent's skill env (MC_AGENT_AUTH is not redacted). */
  const tokenOnGateway = async (gatewayAgentId: string) => {
    const cfg = await gatewayCall<{ config: { skills?: { entries?: Record<string, { env?: Record<string, string> }> } } }>("config.get");
    return cfg.config.skills?.entries?.[`mc-${gatewayAgentId}`]?.env?.MC_AGENT_AUTH;
  };
  const agentCaller = async (token: string) => createCaller(await createContext({ db, authorization: `Bearer ${token}` }));

  beforeAll(async () => {
    configureJobs({ baseMs: 300, maxMs: 3_000, leaseMs: 30_000, pollMs: 250 });
    unsubscribe = eventBus.subscribe((e) => {
      if (e.type.startsWith("agent.")) events.push(e);
    });
    llm = await startFakeLlm();
    const blank = blankConfig("sqlite");
    await migrate(blank.config);
    db = createDb(blank.config);
    cleanup = async () => {
      await db.$disconnect();
      await blank.cleanup();
    };
    // keepHome: the restart test stops the gateway and starts it again on the same state.
    gw = await startGateway({ llm: { baseUrl: llm.baseUrl, modelId: llm.modelId }, keepHome: true });
    const owner = await insertUser(db, "owner");
    const org = await insertOrg(db, [{ user: owner, role: "owner" }]);
    orgId = org.id;
    caller = createCaller(await createContext({ db, sessionUserId: owner.id }));
    boardId = (await caller.boards.create({ orgId, name: "Agents board" })).id;
    gatewayId = newId();
    await db.gateway.create({ data: { id: gatewayId, orgId, name: "Test gateway", url: gw.url, tokenCiphertext: encryptSecret(gw.token) } });
    worker = createAgentWorker(db);
  });

  afterAll(async () => {
    unsubscribe?.();
    await worker?.stop();
    if (gatewayId) await closeConnection(gatewayId);
    await gw?.stop();
    if (gw) fs.rmSync(gw.homeDir, { recursive: true, force: true });
    await llm?.close();
    await cleanup?.();
  });

  let first = { id: "", gatewayAgentId: "" };

  it("provisions an agent: it is in the gateway's agent list with SOUL.md, IDENTITY.md and AGENTS.md rendered, and its token in skill env only", async () => {
    const started = Date.now();
    const created = await caller.agents.create({ orgId, name: "Scout", boardId, role: "lead", gatewayId, soulTemplate: "# Soul of {{name}}\nBoard: {{board}}\n", heartbeatIntervalSec: 120 });
    expect(created.status).toBe("provisioning");
    const row = await waitOnline(created.id);
    console.log(`[gateway-suite] agent provisioned in ${Date.now() - started} ms`);
    first = { id: row.id, gatewayAgentId: row.gatewayAgentId! };
    expect(await agentIds()).toContain(first.gatewayAgentId);
    const file = async (name: string) => (await gatewayCall<{ file: { content: string } }>("agents.files.get", { agentId: first.gatewayAgentId, name })).file.content;
    expect(await file("SOUL.md")).toBe("# Soul of Scout\nBoard: Agents board\n");
    expect(await file("IDENTITY.md")).toContain("- Name: Scout");
    const agentsMd = await file("AGENTS.md");
    expect(agentsMd).toContain("<!-- mission-control:begin");
    expect(agentsMd).toContain("http://127.0.0.1:3999/api/v1");
    expect(agentsMd).toContain("$MC_AGENT_AUTH");
    // The token is in the skill env, and nowhere in the files the model sees.
    const token = await tokenOnGateway(first.gatewayAgentId);
    expect(token).toMatch(/^mca_/);
    expect(agentsMd).not.toContain(token!);
    // …and it works on the agent API; the procedure output never carries token material.
    const hb = await (await agentCaller(token!)).agent.heartbeat({ status: "working", message: "hello" });
    expect(hb.status).toBe("online");
    expect(JSON.stringify(await caller.agents.get({ orgId, agentId: first.id }))).not.toMatch(/mca_|tokenSecretHash|tokenLookupId/);
    // Progress was published step by step.
    const steps = events.filter((e) => e.targetId === first.id && e.type === "agent.progress").map((e) => (e.payload as { step: string }).step);
    expect(steps).toEqual(expect.arrayContaining(["create_agent", "write_files", "deliver_token", "wake"]));
    // The per-agent skill that carries the env is eligible for this agent.
    const skills = await gatewayCall<{ skills: { skillKey: string; eligible: boolean }[] }>("skills.status", { agentId: first.gatewayAgentId });
    expect(skills.skills.find((s) => s.skillKey === `mc-${first.gatewayAgentId}`)?.eligible).toBe(true);
    // The files procedure reads them live from the gateway.
    const listed = await caller.agents.files({ orgId, agentId: first.id, name: "SOUL.md" });
    expect(listed.files.map((f) => f.name)).toEqual(expect.arrayContaining(["AGENTS.md", "SOUL.md"]));
    expect(listed.file?.content).toContain("Soul of Scout");
  });

  it("template sync: a dry run returns diffs and writes nothing; the real run rotates tokens (old refused, new works) and reports TOOLS.md refused per agent", async () => {
    const oldToken = (await tokenOnGateway(first.gatewayAgentId))!;
    const templates = { soul: "# Synced soul for {{name}}\n", tools: "- curl is available" };
    const dry = await caller.agents.templateSync({ orgId, gatewayId, templates, dryRun: true, rotateTokens: true });
    const dryOne = dry.results.find((r) => r.agentId === first.id)!;
    expect(dryOne.outcome).toBe("planned");
    expect(dryOne.tokenRotated).toBe(false);
    expect(dryOne.files.find((f) => f.name === "SOUL.md")).toMatchObject({ status: "would_write" });
    expect(dryOne.files.find((f) => f.name === "SOUL.md")?.diff).toContain("+ # Synced soul for Scout");
    expect(dryOne.files.find((f) => f.name === "TOOLS.md")?.status).toBe("delivered_via_agents_md");
    expect((await gatewayCall<{ file: { content: string } }>("agents.files.get", { agentId: first.gatewayAgentId, name: "SOUL.md" })).file.content).toContain("Soul of Scout");

    const run = await caller.agents.templateSync({ orgId, gatewayId, templates, dryRun: false, rotateTokens: true });
    const one = run.results.find((r) => r.agentId === first.id)!;
    expect(one).toMatchObject({ outcome: "synced", tokenRotated: true });
    expect(one.files.find((f) => f.name === "SOUL.md")?.status).toBe("written");
    const tools = one.files.find((f) => f.name === "TOOLS.md")!;
    expect(tools.status).toBe("delivered_via_agents_md");
    expect(tools.note).toContain('unsupported file "TOOLS.md"');
    const agentsMd = (await gatewayCall<{ file: { content: string } }>("agents.files.get", { agentId: first.gatewayAgentId, name: "AGENTS.md" })).file.content;
    expect(agentsMd).toContain("### Tools");
    expect(agentsMd).toContain("- curl is available");

    const newToken = (await tokenOnGateway(first.gatewayAgentId))!;
    expect(newToken).toMatch(/^mca_/);
    expect(newToken).not.toBe(oldToken);
    const refused = await (await agentCaller(oldToken)).agent.heartbeat({ status: "working", message: "" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("UNAUTHORIZED");
    expect((await (await agentCaller(newToken)).agent.tasks({ sort: "position", order: "asc", limit: 50 })).items).toEqual([]);
    const logged = await db.activityEvent.findMany({ where: { orgId, action: { in: ["agent.templates_previewed", "agent.templates_synced"] } } });
    expect(logged.map((l) => l.action).sort()).toEqual(["agent.templates_previewed", "agent.templates_synced"]);
    // A later reconcile keeps the synced tools in AGENTS.md.
    await caller.agents.retry({ orgId, agentId: first.id });
    await waitUntil(async () => (await agentRow(first.id))?.provisionStep === "done" && (await db.job.findFirst({ where: { key: first.id, status: "done" } })), "reconcile after retry", 60_000);
    expect((await gatewayCall<{ file: { content: string } }>("agents.files.get", { agentId: first.gatewayAgentId, name: "AGENTS.md" })).file.content).toContain("- curl is available");
  });

  it("converges to online without manual action when the gateway is killed and restarted during provisioning", async () => {
    const created = await caller.agents.create({ orgId, name: "Survivor", boardId, role: "worker", gatewayId, heartbeatIntervalSec: 60 });
    // Kill the gateway as soon as provisioning has started.
    await waitUntil(() => events.some((e) => e.targetId === created.id && e.type === "agent.progress"), "provisioning to start", 30_000, 20);
    const killedAt = Date.now();
    await gw.stop();
    const failed = await waitUntil(async () => {
      const a = await agentRow(created.id);
      return a?.lastError && a.nextRetryAt ? a : null;
    }, "a failure recorded while the gateway is down", 60_000, 100);
    console.log(`[gateway-suite] while down: status=${failed.status} step=${failed.provisionStep} attempts=${failed.attempts} lastError=${failed.lastError}`);
    expect(["provisioning", "error"]).toContain(failed.status);
    expect(failed.lastError).toMatch(/failed: /);
    await gw.restart();
    const row = await waitOnline(created.id, 180_000);
    console.log(`[gateway-suite] converged ${Date.now() - killedAt} ms after the kill (gateway restart ${gw.startupMs} ms)`);
    expect(row.lastError).toBeNull();
    expect(await agentIds()).toContain(row.gatewayAgentId);
    expect(await tokenOnGateway(row.gatewayAgentId!)).toMatch(/^mca_/);
  });

  it("deleting an agent revokes its token at once and removes it (and its files) from the gateway", async () => {
    const token = (await tokenOnGateway(first.gatewayAgentId))!;
    await caller.agents.delete({ orgId, agentId: first.id });
    const refused = await (await agentCaller(token)).agent.heartbeat({ status: "working", message: "" }).catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe("UNAUTHORIZED");
    await waitUntil(async () => !(await agentRow(first.id)), "the agent row to be removed", 60_000);
    expect(await agentIds()).not.toContain(first.gatewayAgentId);
    expect(await db.activityEvent.count({ where: { targetId: first.id, action: "agent.removed" } })).toBe(1);
  });
});
