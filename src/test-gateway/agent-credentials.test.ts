// How an agent learns its Mission Control connection (URL, agent token, how to call the API)
// when agents.files.set refuses TOOLS.md and HEARTBEAT.md (openclaw 2026.9.6). Findings are
// written up in scripts/openclaw/README.md; this file keeps them true.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "../../scripts/openclaw/fake-llm";
import { startGateway, type GatewayHandle } from "../../scripts/openclaw/gateway";
import type { GatewayConnection, GatewayEvent } from "@/server/gateway/client";
import { connectTo, gatewaySuiteEnabled, waitForAgent, waitUntil } from "./support";

type ChatEvent = { runId: string; state: string; message?: { content: { type: string; text?: string }[] }; errorMessage?: string };

const MC_URL = "http://127.0.0.1:3000";
const TOKEN = "mc_agent_test_0123456789abcdef";

describe.skipIf(!gatewaySuiteEnabled)("delivering the Mission Control connection to an agent", () => {
  let llm: FakeLlm;
  let gw: GatewayHandle;
  let c: GatewayConnection;
  const events: GatewayEvent[] = [];
  let agentId = "";
  let workspace = "";

  async function runTurn(message: string): Promise<string> {
    const ack = await c.request<{ runId: string }>("chat.send", { sessionKey: `agent:${agentId}:main`, message, idempotencyKey: `mc-cred-${Date.now()}-${Math.random()}` });
    const done = await waitUntil(
      () => events.map((e) => e.payload as ChatEvent).find((p) => p?.runId === ack.runId && (p.state === "final" || p.state === "error")),
      "the turn to finish",
      120_000,
      100,
    );
    expect(done.errorMessage).toBeUndefined();
    return done.message?.content.map((p) => p.text ?? "").join("") ?? "";
  }

  beforeAll(async () => {
    llm = await startFakeLlm();
    gw = await startGateway({ llm: { baseUrl: llm.baseUrl, modelId: llm.modelId } });
    c = connectTo(gw);
    c.onEvent((e) => {
      if (e.event === "chat") events.push(e);
    });
    await c.ready(60_000);
    const created = await c.request<{ agentId: string; workspace: string }>("agents.create", { name: "Credential Probe" });
    agentId = created.agentId;
    workspace = created.workspace;
    await waitForAgent(c, agentId);
  });

  afterAll(async () => {
    await c?.close();
    await gw?.stop();
    await llm?.close();
  });

  it("a Mission Control section in AGENTS.md reaches the model's system prompt on every turn", async () => {
    const current = await c.request<{ file: { content: string; hash: string } }>("agents.files.get", { agentId, name: "AGENTS.md" });
    const section = [
      "<!-- mission-control:begin (managed by Mission Control; edits are overwritten) -->",
      "## Mission Control",
      `Mission Control API: ${MC_URL}/api/v1 (OpenAPI: ${MC_URL}/api/openapi.json).`,
      "Authenticate every call with the header `Authorization: Bearer $MC_AGENT_TOKEN` (the token is in your environment; never print it).",
      "<!-- mission-control:end -->",
    ].join("\n");
    await c.request("agents.files.set", { agentId, name: "AGENTS.md", content: `${current.file.content.trimEnd()}\n\n${section}\n`, expectedHash: current.file.hash });
    const reply = await runTurn("what is my mission control url");
    expect(reply).toBe("MC-CANNED: what is my mission control url");
    const turn = llm.requests.at(-1)!;
    expect(turn.systemText).toContain(`Mission Control API: ${MC_URL}/api/v1`);
  });

  it("skills.update stores a per-skill env outside the prompt (names ending in TOKEN are redacted in answers)", async () => {
    const updated = await c.request<{ ok: boolean; skillKey: string; config: { env: Record<string, string> } }>("skills.update", {
      skillKey: "mission-control",
      env: { MC_AGENT_TOKEN: TOKEN, MC_AGENT_AUTH: TOKEN, MC_URL },
    });
    expect(updated.ok).toBe(true);
    // Redaction is by variable name: …TOKEN is masked in answers, the same value as …AUTH is not.
    expect(updated.config.env.MC_AGENT_TOKEN).toBe("__OPENCLAW_REDACTED__");
    expect(updated.config.env.MC_URL).toBe(MC_URL);
    const config = await c.request<{ config: { skills: { entries: Record<string, { env: Record<string, string> }> } } }>("config.get");
    expect(config.config.skills.entries["mission-control"].env).toEqual({ MC_AGENT_TOKEN: "__OPENCLAW_REDACTED__", MC_AGENT_AUTH: TOKEN, MC_URL });
    // The secret never appeared in any prompt the model saw.
    expect(llm.requests.every((r) => !r.systemText.includes(TOKEN) && !r.userText.includes(TOKEN))).toBe(true);
  });

  it("with a mission-control skill the agent can see, its run's exec tool gets the skill env (not names ending in TOKEN)", async () => {
    // Writing the skill folder needs the gateway host's filesystem (no RPC writes workspace
    // skills for a non-default agent); the loopback test gateway shares ours.
    const skillDir = path.join(workspace, "skills", "mission-control");
    fs.mkdirSync(skillDir, { recursive: true });
    fs.writeFileSync(
      path.join(skillDir, "SKILL.md"),
      [
        "---",
        "name: mission-control",
        "description: Report work to Mission Control (tasks, comments, approvals) over its REST API.",
        "---",
        "",
        'Call the API with `curl -H "Authorization: Bearer $MC_AGENT_TOKEN" "$MC_URL/api/v1/..."`.',
        "",
      ].join("\n"),
    );
    const status = await waitUntil(
      async () => {
        const s = await c.request<{ skills: { name: string; skillKey: string; eligible: boolean; source: string }[] }>("skills.status", { agentId });
        return s.skills.find((k) => k.skillKey === "mission-control" && k.eligible);
      },
      "the workspace skill to be eligible",
      30_000,
      500,
    );
    console.log(`[gateway-suite] mission-control skill: source=${status.source} eligible=${status.eligible}`);
    const command =
      'echo url=$MC_URL token_sha=$(printf %s "$MC_AGENT_TOKEN" | sha256sum | cut -c1-16) auth_sha=$(printf %s "$MC_AGENT_AUTH" | sha256sum | cut -c1-16)';
    const reply = await runTurn(`call tool exec ${JSON.stringify({ command })}`);
    console.log(`[gateway-suite] exec reply: ${reply}`);
    const sha = (v: string) => crypto.createHash("sha256").update(v).digest("hex").slice(0, 16);
    // Measured on 2026.9.6: the skill env reaches the run's exec tool, except a variable whose
    // name looks like a credential (…TOKEN), which arrives empty; the same value under another
    // name arrives intact. The secret never reaches the model.
    expect(reply).toContain(`url=${MC_URL}`);
    expect(reply).toContain(`token_sha=${sha("")}`);
    expect(reply).toContain(`auth_sha=${sha(TOKEN)}`);
    expect(llm.requests.every((r) => !JSON.stringify(r).includes(TOKEN))).toBe(true);
  });
});
