// Mission Control's gateway client against the REAL OpenClaw gateway (npm openclaw@2026.9.6),
// started on loopback with a throwaway state dir and our fake OpenAI-compatible model server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "../../scripts/openclaw/fake-llm";
import { startGateway, type GatewayHandle } from "../../scripts/openclaw/gateway";
import type { GatewayConnection, GatewayEvent, GatewayState } from "@/server/gateway/client";
import { GatewayRequestError } from "@/server/gateway/errors";
import { connectTo, gatewaySuiteEnabled, median, percentile, waitForAgent, waitUntil } from "./support";

type ChatEvent = { runId: string; sessionKey: string; state: "delta" | "final" | "error" | string; message?: { role: string; content: { type: string; text?: string }[] }; errorMessage?: string };

describe.skipIf(!gatewaySuiteEnabled)("real OpenClaw gateway", () => {
  let llm: FakeLlm;
  let gw: GatewayHandle;
  let c: GatewayConnection;
  const events: GatewayEvent[] = [];
  const states: GatewayState[] = [];
  let agentId = "";

  beforeAll(async () => {
    llm = await startFakeLlm();
    gw = await startGateway({ llm: { baseUrl: llm.baseUrl, modelId: llm.modelId } });
    console.log(`[gateway-suite] gateway ready in ${gw.startupMs} ms (cold start, fresh state dir) on ${gw.url}`);
    c = connectTo(gw);
    c.onEvent((e) => events.push(e));
    states.push(c.state);
    c.onStatus((s) => {
      if (states.at(-1) !== s.state) states.push(s.state);
    });
  });

  afterAll(async () => {
    await c?.close();
    await gw?.stop();
    await llm?.close();
  });

  it("completes the protocol-4 handshake and learns the server version and methods", async () => {
    const started = Date.now();
    const hello = await c.ready(60_000);
    console.log(`[gateway-suite] first handshake ${Date.now() - started} ms`);
    expect(hello.protocol).toBe(4);
    expect(c.serverVersion).toBe("2026.9.6");
    expect(c.state).toBe("connected");
    expect(hello.features.methods.length).toBeGreaterThan(400);
    for (const m of ["agents.create", "agents.files.set", "chat.send", "chat.history", "sessions.list", "config.patch", "skills.update"]) {
      expect(c.supports(m), m).toBe(true);
    }
    expect(hello.auth?.scopes).toEqual(expect.arrayContaining(["operator.read", "operator.write", "operator.admin"]));

    // A second connection measures a warm handshake (the first includes module warm-up).
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const extra = connectTo(gw);
      await extra.ready(30_000);
      times.push(Date.now() - t);
      await extra.close();
    }
    console.log(`[gateway-suite] handshake (open → hello-ok) median ${median(times)} ms of ${times.join(", ")}`);
  });

  it("answers health, and measures the round trip of sequential calls", async () => {
    const health = await c.request<{ ok: boolean; defaultAgentId: string }>("health");
    expect(health.ok).toBe(true);
    expect(health.defaultAgentId).toBe("main");
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await c.request("health");
      times.push(performance.now() - t);
    }
    console.log(`[gateway-suite] health round trip p50 ${median(times).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (100 sequential calls)`);
  });

  it("a wrong token ends in unauthorized with the gateway's reason, without looping", async () => {
    const bad = connectTo({ url: gw.url, token: "definitely-not-the-token" }, { slowRetryMs: null, logger: { debug() {}, warn() {} } });
    try {
      await expect(bad.ready(30_000)).rejects.toMatchObject({ code: "NOT_CONNECTED" });
      expect(bad.status).toMatchObject({ state: "unauthorized", errorCode: "AUTH_TOKEN_MISMATCH" });
      const connects = bad.stats.connects;
      await new Promise((r) => setTimeout(r, 1500));
      expect(bad.stats.connects).toBe(connects);
    } finally {
      await bad.close();
    }
  });

  it("creates an agent, which shows up in agents.list", async () => {
    const created = await c.request<{ ok: boolean; agentId: string; name: string; workspace: string }>("agents.create", { name: `MC Suite ${Date.now().toString(36)}` });
    expect(created.ok).toBe(true);
    agentId = created.agentId;
    // agents.create answers before the gateway's config reload makes the agent usable.
    await waitForAgent(c, agentId);
  });

  it("writes SOUL.md and reads it back", async () => {
    const content = `# Soul\nYou are a Mission Control test agent (${agentId}).\n`;
    const set = await c.request<{ ok: boolean; file: { name: string; hash: string; size: number } }>("agents.files.set", { agentId, name: "SOUL.md", content });
    expect(set.ok).toBe(true);
    expect(set.file.name).toBe("SOUL.md");
    const got = await c.request<{ file: { content: string; hash: string } }>("agents.files.get", { agentId, name: "SOUL.md" });
    expect(got.file.content).toBe(content);
    expect(got.file.hash).toBe(set.file.hash);
  });

  it("refuses TOOLS.md and HEARTBEAT.md with INVALID_REQUEST 'unsupported file'", async () => {
    for (const name of ["TOOLS.md", "HEARTBEAT.md"]) {
      const error = await c.request("agents.files.set", { agentId, name, content: "x" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(GatewayRequestError);
      expect(error).toMatchObject({ code: "INVALID_REQUEST", message: `unsupported file "${name}"`, retryable: false });
    }
  });

  it("lists sessions and reads the main session's history", async () => {
    const sessions = await c.request<{ sessions: unknown[]; count: number }>("sessions.list", { limit: 20 }, { timeoutMs: 60_000 });
    expect(Array.isArray(sessions.sessions)).toBe(true);
    const history = await c.request<{ sessionKey: string; messages: unknown[] }>("chat.history", { sessionKey: `agent:${agentId}:main` }, { timeoutMs: 60_000 });
    expect(history.sessionKey).toBe(`agent:${agentId}:main`);
    expect(Array.isArray(history.messages)).toBe(true);
  });

  it("chat.send runs a turn on the fake model and streams chat events with the canned reply", async () => {
    const sessionKey = `agent:${agentId}:main`;
    const started = Date.now();
    const ack = await c.request<{ runId: string; status: string }>("chat.send", { sessionKey, message: "hello from mission control", idempotencyKey: `mc-suite-${Date.now()}` });
    expect(ack.status).toBe("started");
    const final = await waitUntil(
      () =>
        events
          .filter((e) => e.event === "chat")
          .map((e) => e.payload as ChatEvent)
          .find((p) => p.runId === ack.runId && (p.state === "final" || p.state === "error")),
      "the chat run to finish",
      120_000,
      100,
    );
    console.log(`[gateway-suite] chat.send → final chat event ${Date.now() - started} ms (first turn on this gateway)`);
    expect(final.errorMessage).toBeUndefined();
    expect(final.state).toBe("final");
    expect(final.sessionKey).toBe(sessionKey);
    const text = final.message?.content.map((p) => p.text ?? "").join("");
    expect(text).toBe("MC-CANNED: hello from mission control");
    const deltas = events.filter((e) => e.event === "chat" && (e.payload as ChatEvent).runId === ack.runId && (e.payload as ChatEvent).state === "delta");
    expect(deltas.length).toBeGreaterThan(0);
    // The gateway really called our model server over HTTP.
    expect(llm.requests.some((r) => r.reply === "MC-CANNED: hello from mission control")).toBe(true);

    const history = await c.request<{ messages: { role: string }[] }>("chat.history", { sessionKey });
    expect(history.messages.map((m) => m.role)).toEqual(expect.arrayContaining(["user", "assistant"]));
  });

  it("deletes the agent, which leaves agents.list", async () => {
    const deleted = await c.request<{ ok: boolean; agentId: string }>("agents.delete", { agentId, deleteFiles: true });
    expect(deleted).toMatchObject({ ok: true, agentId });
    await waitForAgent(c, agentId, false);
  });

  it("after a gateway restart the connection goes reconnecting → connected by itself", async () => {
    expect(c.state).toBe("connected");
    const before = states.length;
    const restartStarted = Date.now();
    await gw.restart();
    console.log(`[gateway-suite] gateway restart (stop → hello-ok) ${Date.now() - restartStarted} ms, warm start ${gw.startupMs} ms`);
    await waitUntil(() => c.state === "connected" && states.length > before, "our connection to reconnect", 120_000, 100);
    console.log(`[gateway-suite] connection back ${Date.now() - restartStarted} ms after the restart began`);
    expect(states.slice(before)).toEqual(["reconnecting", "connected"]);
    expect(events.some((e) => e.event === "shutdown")).toBe(true);
    const health = await c.request<{ ok: boolean }>("health");
    expect(health.ok).toBe(true);
  });
});
