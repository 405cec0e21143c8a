// The gateways service and router against the REAL OpenClaw gateway (openclaw 2026.9.6) with
// the fake model server: what an operator sees in Mission Control when they add a gateway,
// use a wrong token, list sessions, chat with the default agent, and the gateway restarts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "../../scripts/openclaw/fake-llm";
import { startGateway, type GatewayHandle } from "../../scripts/openclaw/gateway";
import { eventBus, type DomainEvent } from "@/server/events/bus";
import { closeConnection } from "@/server/services/gateways/connections";
import type { GatewayChatEvent } from "@/lib/schemas/gateways";
import { createTestDb, type TestDb } from "@/test/db";
import { asUser, caught, type Caller } from "@/test/context";
import { createFixture, type Fixture } from "@/test/fixtures";
import { gatewaySuiteEnabled, waitUntil } from "./support";

describe.skipIf(!gatewaySuiteEnabled)("gateways service on a real OpenClaw gateway", () => {
  let llm: FakeLlm;
  let gw: GatewayHandle;
  let testDb: TestDb;
  let f: Fixture;
  let admin: Caller;
  let member: Caller;
  let gatewayId = "";
  const ids: string[] = [];
  const events: DomainEvent[] = [];
  let off: () => void = () => {};

  beforeAll(async () => {
    llm = await startFakeLlm();
    [gw, testDb] = await Promise.all([startGateway({ llm: { baseUrl: llm.baseUrl, modelId: llm.modelId } }), createTestDb("sqlite")]);
    console.log(`[gateways-service] gateway ready in ${gw.startupMs} ms on ${gw.url}`);
    f = await createFixture(testDb.db);
    admin = await asUser(testDb.db, f.admin.id);
    member = await asUser(testDb.db, f.member.id);
    off = eventBus.subscribe((e) => events.push(e));
  });

  afterAll(async () => {
    off();
    for (const id of ids) await closeConnection(id);
    await gw?.stop();
    await llm?.close();
    await testDb?.drop();
  });

  const row = () => testDb.db.gateway.findUniqueOrThrow({ where: { id: gatewayId } });

  it("a gateway added through the API connects: status connected with the server version, on the row and in get", async () => {
    const created = await admin.gateways.create({ orgId: f.org.id, name: "Local OpenClaw", url: gw.url, token: gw.token, workspaceRoot: "" });
    gatewayId = created.id;
    ids.push(created.id);
    expect(JSON.stringify(created)).not.toContain(gw.token);
    const stored = await waitUntil(async () => ((await row()).status === "connected" ? row() : null), "the row to say connected", 60_000, 100);
    expect(stored.serverVersion).toBe("2026.9.6");
    expect(stored.lastError).toBeNull();
    const got = await member.gateways.get({ orgId: f.org.id, gatewayId });
    expect(got).toMatchObject({ status: "connected", serverVersion: "2026.9.6", supports: { chat: true, sessions: true, agentFiles: true, skillsUpdate: true } });
    expect(got.methodCount).toBeGreaterThan(400);
    expect(JSON.stringify(got)).not.toContain(gw.token);
    const statusEvents = events.filter((e) => e.type === "gateway.status" && e.targetId === gatewayId).map((e) => (e.payload as { state: string }).state);
    expect(statusEvents).toContain("connected");
  });

  it("a wrong token ends in unauthorized with a plain-word last error; calls say why", async () => {
    const bad = await admin.gateways.create({ orgId: f.org.id, name: "Wrong token", url: gw.url, token: "definitely-not-the-token", workspaceRoot: "" });
    ids.push(bad.id);
    const stored = await waitUntil(async () => {
      const r = await testDb.db.gateway.findUniqueOrThrow({ where: { id: bad.id } });
      return r.status === "unauthorized" ? r : null;
    }, "the row to say unauthorized", 60_000, 100);
    expect(stored.lastError).toBe("The gateway refused the token: it does not match the gateway's token. Update the gateway token in Mission Control.");
    const error = await caught(() => member.gateways.sessions({ orgId: f.org.id, gatewayId: bad.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toContain("Gateway Wrong token is refusing Mission Control's credentials: The gateway refused the token");

    // Fixing the token reconnects at once.
    await admin.gateways.update({ orgId: f.org.id, gatewayId: bad.id, token: gw.token });
    await waitUntil(async () => (await testDb.db.gateway.findUniqueOrThrow({ where: { id: bad.id } })).status === "connected", "the fixed gateway to connect", 60_000, 100);
    await admin.gateways.delete({ orgId: f.org.id, gatewayId: bad.id });
  });

  it("lists sessions and reads the main agent's chat history", async () => {
    const sessions = await member.gateways.sessions({ orgId: f.org.id, gatewayId });
    console.log(`[gateways-service] sessions.list → ${JSON.stringify(sessions.sessions.slice(0, 3))}`);
    expect(Array.isArray(sessions.sessions)).toBe(true);
    const main = await member.gateways.sessions({ orgId: f.org.id, gatewayId, agentId: "main" });
    expect(main.sessions.every((s) => s.agentId === "main")).toBe(true);
    const history = await member.gateways.chatHistory({ orgId: f.org.id, gatewayId, sessionKey: "agent:main:main" });
    expect(history.sessionKey).toBe("agent:main:main");
    expect(Array.isArray(history.messages)).toBe(true);
  });

  it("sendChat to agent:main:main returns a runId; the canned reply arrives as gateway events on our bus and in the history", async () => {
    const sent = await member.gateways.sendChat({ orgId: f.org.id, gatewayId, sessionKey: "agent:main:main", message: "hello from the gateways suite" });
    expect(sent.runId).toBeTruthy();
    const started = Date.now();
    const chatOf = (e: DomainEvent) => (e.type === "gateway.event" && e.targetId === gatewayId && (e.payload as { event: string }).event === "chat" ? ((e.payload as { payload: GatewayChatEvent }).payload) : null);
    const final = await waitUntil(
      () => events.map(chatOf).find((c) => c && c.runId === sent.runId && (c.state === "final" || c.state === "error")),
      "the final chat event on the bus",
      120_000,
      100,
    );
    console.log(`[gateways-service] sendChat → final chat event on the bus ${Date.now() - started} ms`);
    expect(final.state).toBe("final");
    expect(final.sessionKey).toBe("agent:main:main");
    const content = final.message?.content;
    expect(Array.isArray(content) ? content.map((p) => p.text ?? "").join("") : content).toBe("MC-CANNED: hello from the gateways suite");
    expect(events.some((e) => e.type === "gateway.event" && e.orgId === f.org.id && chatOf(e)?.state === "delta")).toBe(true);

    const history = await member.gateways.chatHistory({ orgId: f.org.id, gatewayId, sessionKey: "agent:main:main" });
    console.log(`[gateways-service] chat.history → ${JSON.stringify(history.messages.slice(-2))}`);
    expect(history.messages.some((m) => m.role === "assistant" && m.text === "MC-CANNED: hello from the gateways suite")).toBe(true);
    expect(history.messages.some((m) => m.role === "user" && m.text.includes("hello from the gateways suite"))).toBe(true);
    const sessions = await member.gateways.sessions({ orgId: f.org.id, gatewayId, agentId: "main" });
    expect(sessions.sessions.map((s) => s.key)).toContain("agent:main:main");
  });

  it("a gateway restart shows reconnecting, then connected again, on the row and as gateway.status events", async () => {
    const before = events.length;
    await gw.restart();
    await waitUntil(async () => (await row()).status === "connected" && events.slice(before).some((e) => e.type === "gateway.status" && (e.payload as { state: string }).state === "connected"), "connected again", 120_000, 100);
    const states = events
      .slice(before)
      .filter((e) => e.type === "gateway.status" && e.targetId === gatewayId)
      .map((e) => (e.payload as { state: string }).state);
    expect(states[0]).toBe("reconnecting");
    expect(states.at(-1)).toBe("connected");
    const sessions = await member.gateways.sessions({ orgId: f.org.id, gatewayId });
    expect(Array.isArray(sessions.sessions)).toBe(true);
  });
});
