import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught, createCaller, tokenContext } from "@/test/context";
import { createFixture, type Fixture } from "@/test/fixtures";
import { boardWithRules } from "@/test/work";
import { newAgentTokenParts } from "@/server/auth/secrets";
import { newId } from "@/lib/ids";
import type { Db } from "@/server/db/client";
import { deriveStatus } from "./status";

async function insertAgent(db: Db, f: Fixture, opts: { boardId?: string; heartbeatIntervalSec?: number } = {}) {
  const id = newId();
  const token = newAgentTokenParts();
  await db.agent.create({
    data: { id, orgId: f.org.id, boardId: opts.boardId ?? f.board.id, name: `Agent ${id.slice(-4)}`, status: "online", provisionStep: "done", heartbeatIntervalSec: opts.heartbeatIntervalSec ?? 300, tokenLookupId: token.lookupId, tokenSecretHash: token.secretHash },
  });
  return { id, token: token.token, lookupId: token.lookupId };
}
const asAgent = async (db: Db, token: string) => createCaller(await tokenContext(db, token));

it("status is derived from the last heartbeat and the agent's own interval (2 intervals), not a fixed window", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const base = { status: "online", filesSyncedAt: ago(10_000) };
  expect(deriveStatus({ ...base, heartbeatIntervalSec: 30, lastHeartbeatAt: ago(59) }, now)).toBe("online");
  expect(deriveStatus({ ...base, heartbeatIntervalSec: 30, lastHeartbeatAt: ago(61) }, now)).toBe("offline");
  // Ten minutes of silence: offline for a 1-minute agent, online for a 1-hour one.
  expect(deriveStatus({ ...base, heartbeatIntervalSec: 60, lastHeartbeatAt: ago(600) }, now)).toBe("offline");
  expect(deriveStatus({ ...base, heartbeatIntervalSec: 3600, lastHeartbeatAt: ago(600) }, now)).toBe("online");
  // Just provisioned, first heartbeat not due yet.
  expect(deriveStatus({ status: "online", heartbeatIntervalSec: 300, lastHeartbeatAt: null, filesSyncedAt: ago(100) }, now)).toBe("online");
  expect(deriveStatus({ status: "provisioning", heartbeatIntervalSec: 300, lastHeartbeatAt: ago(1), filesSyncedAt: null }, now)).toBe("provisioning");
  expect(deriveStatus({ status: "error", heartbeatIntervalSec: 300, lastHeartbeatAt: ago(1), filesSyncedAt: null }, now)).toBe("error");
});

describeEachProvider("agent API", (getDb) => {
  it("an agent token is looked up by its id and checked against the stored hash; a wrong secret or a rotated token is UNAUTHORIZED", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const agent = await insertAgent(db, f);
    const row = await db.agent.findUnique({ where: { id: agent.id } });
    expect(row!.tokenSecretHash).not.toContain(agent.token.split("_").at(-1)!);
    expect(await (await asAgent(db, agent.token)).agent.heartbeat({ status: "working", message: "" })).toMatchObject({ ok: true, status: "online" });

    const wrong = `${agent.token.slice(0, -4)}AAAA`;
    expect((await caught(async () => (await asAgent(db, wrong)).agent.tasks({} as never))).code).toBe("UNAUTHORIZED");
    const rotated = newAgentTokenParts();
    await db.agent.update({ where: { id: agent.id }, data: { tokenLookupId: rotated.lookupId, tokenSecretHash: rotated.secretHash } });
    expect((await caught(async () => (await asAgent(db, agent.token)).agent.heartbeat({ status: "working", message: "" }))).code).toBe("UNAUTHORIZED");
    expect((await (await asAgent(db, rotated.token)).agent.heartbeat({ status: "idle", message: "" })).ok).toBe(true);
    // Operator tokens and users cannot use the agent API, agents cannot use the operator API.
    expect((await caught(async () => (await asUser(db, f.owner.id)).agent.heartbeat({ status: "x", message: "" }))).code).toBe("FORBIDDEN");
    expect((await caught(async () => (await asAgent(db, rotated.token)).boards.list({ orgId: f.org.id }))).code).toBe("FORBIDDEN");
  });

  it("heartbeats record status and message; an agent's derived status follows its own interval", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const agent = await insertAgent(db, f, { heartbeatIntervalSec: 60 });
    await db.agent.update({ where: { id: agent.id }, data: { lastHeartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    const owner = await asUser(db, f.owner.id);
    expect((await owner.agents.get({ orgId: f.org.id, agentId: agent.id })).status).toBe("offline");
    const hb = await (await asAgent(db, agent.token)).agent.heartbeat({ status: "blocked", message: "waiting on review" });
    expect(hb.status).toBe("online");
    expect(hb.nextHeartbeatDueAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    const view = await owner.agents.get({ orgId: f.org.id, agentId: agent.id });
    expect(view).toMatchObject({ status: "online", heartbeatStatus: "blocked", heartbeatMessage: "waiting on review" });
    expect(JSON.stringify(view)).not.toMatch(/tokenSecretHash|tokenLookupId|mca_/);
  });

  it("an agent's task moves go through the board rules: leadAgentOnlyStatus refuses a worker agent and lets the lead agent move", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const board = await boardWithRules(db, f, { leadAgentOnlyStatus: true });
    const lead = await insertAgent(db, f, { boardId: board.id });
    const worker = await insertAgent(db, f, { boardId: board.id });
    const owner = await asUser(db, f.owner.id);
    await owner.boards.update({ boardId: board.id, leadAgentId: lead.id });
    const task = await owner.tasks.create({ boardId: board.id, title: "Write the report" });

    const tasks = await (await asAgent(db, worker.token)).agent.tasks({ sort: "position", order: "asc", limit: 50 });
    expect(tasks.items.map((t) => t.id)).toEqual([task.id]);
    const refused = await caught(async () => (await asAgent(db, worker.token)).agent.moveTask({ taskId: task.id, status: "in_progress" }));
    expect(refused.code).toBe("FORBIDDEN");
    const moved = await (await asAgent(db, lead.token)).agent.moveTask({ taskId: task.id, status: "in_progress" });
    expect(moved.status).toBe("in_progress");
    const row = await db.activityEvent.findFirst({ where: { targetId: task.id, action: "task.moved" } });
    expect(row).toMatchObject({ actorKind: "agent", actorId: lead.id });
    // Another board's task is not the agent's to touch.
    expect((await caught(async () => (await asAgent(db, lead.token)).agent.moveTask({ taskId: f.task.id, status: "review" }))).code).toBe("NOT_FOUND");
  });

  it("comments and approval requests are stored with the agent as author, with activity rows", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const agent = await insertAgent(db, f);
    const api = await asAgent(db, agent.token);
    const comment = await api.agent.comment({ taskId: f.task.id, body: "Started on it" });
    expect(comment).toMatchObject({ authorKind: "agent", authorId: agent.id });
    const approval = await api.agent.requestApproval({ taskId: f.task.id, title: "Deploy", details: "green" });
    expect(approval).toMatchObject({ status: "pending", requestedByKind: "agent", requestedById: agent.id, taskId: f.task.id });
    expect(await db.activityEvent.count({ where: { targetId: approval.id, action: "approval.requested" } })).toBe(1);
  });

  it("operators: create stores the desired state and queues provisioning; delete revokes the token at once", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const gatewayId = newId();
    await db.gateway.create({ data: { id: gatewayId, orgId: f.org.id, name: "gw", url: "ws://127.0.0.1:9", tokenCiphertext: "v1.x.y.z" } });
    const created = await admin.agents.create({ orgId: f.org.id, name: "Lead", boardId: f.board.id, role: "lead", gatewayId });
    expect(created).toMatchObject({ status: "provisioning", provisionStep: "create_agent", heartbeatIntervalSec: 300 });
    expect(await db.job.findFirst({ where: { kind: "agent.reconcile", key: created.id } })).toMatchObject({ status: "pending" });
    expect((await db.board.findUnique({ where: { id: f.board.id } }))!.leadAgentId).toBe(created.id);

    const agent = await insertAgent(db, f);
    await admin.agents.delete({ orgId: f.org.id, agentId: agent.id });
    expect((await caught(async () => (await asAgent(db, agent.token)).agent.heartbeat({ status: "x", message: "" }))).code).toBe("UNAUTHORIZED");
    expect((await admin.agents.get({ orgId: f.org.id, agentId: agent.id })).status).toBe("deleting");
  });
});
