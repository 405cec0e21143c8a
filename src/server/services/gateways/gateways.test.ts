// Gateways through the real routers on both providers: secrets at rest, write-only tokens,
// who may read and change gateways, and calls against an in-process protocol-4 gateway.
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeGateway } from "@/server/gateway/fake-gateway.test-support";
import { decryptSecret } from "@/server/crypto/secret-box";
import { newId } from "@/lib/ids";
import { describeEachProvider } from "@/test/db";
import { asToken, asUser, caught } from "@/test/context";
import { createFixture, createToken, type Fixture } from "@/test/fixtures";
import { closeConnection } from "./connections";

const TOKEN = "super-secret-gateway-token-0123456789";
const UNREACHABLE = "ws://127.0.0.1:9";

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachProvider("gateways", (getDb) => {
  let f: Fixture;
  let fake: FakeGateway;
  const created: string[] = [];

  beforeAll(async () => {
    f = await createFixture(getDb().db);
    fake = await new FakeGateway().start();
    fake.connectBehavior = { ok: true, hello: { features: { methods: ["health", "sessions.list", "chat.history", "chat.send"], events: ["tick", "chat"] } } };
    fake.handlers.set("sessions.list", (req) => ({
      ok: true,
      payload: {
        sessions: [
          { key: "agent:main:main", agentId: "main", displayName: "Main", updatedAt: 1_760_000_000_000, hasActiveRun: false },
          { key: "agent:other:main", updatedAt: 1_760_000_000_000 },
        ].filter((s) => !(req.params as { agentId?: string }).agentId || s.key.startsWith(`agent:${(req.params as { agentId: string }).agentId}:`)),
        count: 2,
      },
    }));
    fake.handlers.set("chat.history", (req) => {
      const key = (req.params as { sessionKey: string }).sessionKey;
      if (key === "bad") return { ok: false, error: { code: "INVALID_REQUEST", message: "unknown session" } };
      return {
        ok: true,
        payload: {
          sessionKey: key,
          messages: [
            { role: "user", content: [{ type: "text", text: "hi" }], timestamp: 1_760_000_000_000 },
            { role: "assistant", content: [{ type: "toolCall", name: "x" }] },
            { role: "assistant", content: [{ type: "text", text: "MC-CANNED: hi" }], timestamp: 1_760_000_001_000 },
          ],
        },
      };
    });
    fake.handlers.set("chat.send", () => ({ ok: true, payload: { runId: "run-1", status: "started" } }));
  });

  afterAll(async () => {
    for (const id of created) await closeConnection(id);
    await fake?.stop();
  });

  const admin = () => asUser(getDb().db, f.admin.id);
  const member = () => asUser(getDb().db, f.member.id);
  async function addGateway(url = UNREACHABLE, token = TOKEN) {
    const g = await (await admin()).gateways.create({ orgId: f.org.id, name: `GW ${newId().slice(0, 6)}`, url, token, workspaceRoot: "/srv/agents" });
    created.push(g.id);
    return g;
  }

  it("stores the token and device key encrypted; no response, row or activity entry contains the token", async () => {
    const { db } = getDb();
    const g = await addGateway();
    const row = await db.gateway.findUniqueOrThrow({ where: { id: g.id } });
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(decryptSecret(row.tokenCiphertext)).toBe(TOKEN);
    // The device key: public part stored plain, private part only inside the ciphertext.
    expect(row.devicePublicKey).toContain("BEGIN PUBLIC KEY");
    expect(JSON.stringify(row)).not.toContain("PRIVATE KEY");
    expect(JSON.parse(decryptSecret(row.deviceKeyCiphertext!)).privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(g.deviceId).toMatch(/^[0-9a-f]{64}$/);

    const outputs = [g, await (await member()).gateways.get({ orgId: f.org.id, gatewayId: g.id }), await (await member()).gateways.list({ orgId: f.org.id })];
    for (const out of outputs) {
      const text = JSON.stringify(out);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("Ciphertext");
      expect(text).not.toContain("PRIVATE KEY");
    }
    const activity = await db.activityEvent.findMany({ where: { targetId: g.id } });
    expect(activity.map((a) => a.action)).toEqual(["gateway.created"]);
    expect(JSON.stringify(activity)).not.toContain(TOKEN);
  });

  it("update without a token keeps it; a new token is recorded as tokenChanged, never by value", async () => {
    const { db } = getDb();
    const g = await addGateway();
    const before = await db.gateway.findUniqueOrThrow({ where: { id: g.id } });
    const renamed = await (await admin()).gateways.update({ orgId: f.org.id, gatewayId: g.id, name: "Renamed" });
    expect(renamed.name).toBe("Renamed");
    const kept = await db.gateway.findUniqueOrThrow({ where: { id: g.id } });
    expect(kept.tokenCiphertext).toBe(before.tokenCiphertext);
    // An empty token (a form left blank) also keeps it.
    await (await admin()).gateways.update({ orgId: f.org.id, gatewayId: g.id, token: "" });
    expect((await db.gateway.findUniqueOrThrow({ where: { id: g.id } })).tokenCiphertext).toBe(before.tokenCiphertext);

    const NEW_TOKEN = "another-secret-token-9876543210";
    const out = await (await admin()).gateways.update({ orgId: f.org.id, gatewayId: g.id, token: NEW_TOKEN });
    expect(JSON.stringify(out)).not.toContain(NEW_TOKEN);
    const changed = await db.gateway.findUniqueOrThrow({ where: { id: g.id } });
    expect(decryptSecret(changed.tokenCiphertext)).toBe(NEW_TOKEN);
    const updates = await db.activityEvent.findMany({ where: { targetId: g.id, action: "gateway.updated" }, orderBy: { createdAt: "asc" } });
    const last = JSON.parse(updates.at(-1)!.diff);
    expect(last.tokenChanged).toEqual({ before: null, after: true });
    expect(JSON.stringify(updates)).not.toContain(NEW_TOKEN);
    expect(JSON.stringify(updates)).not.toContain(TOKEN);
  });

  it("members read gateways but cannot add, change, reconnect or delete them", async () => {
    const g = await addGateway();
    const m = await member();
    expect((await m.gateways.list({ orgId: f.org.id })).some((x) => x.id === g.id)).toBe(true);
    expect((await caught(() => m.gateways.create({ orgId: f.org.id, name: "x", url: UNREACHABLE, token: "t" }))).code).toBe("FORBIDDEN");
    expect((await caught(() => m.gateways.update({ orgId: f.org.id, gatewayId: g.id, name: "y" }))).code).toBe("FORBIDDEN");
    expect((await caught(() => m.gateways.reconnect({ orgId: f.org.id, gatewayId: g.id }))).code).toBe("FORBIDDEN");
    expect((await caught(() => m.gateways.delete({ orgId: f.org.id, gatewayId: g.id }))).code).toBe("FORBIDDEN");
    const memberToken = await createToken(getDb().db, f, "member");
    expect((await caught(async () => (await asToken(getDb().db, memberToken.token)).gateways.create({ orgId: f.org.id, name: "x", url: UNREACHABLE, token: "t" }))).code).toBe("FORBIDDEN");
  });

  it("another org's gateway is NOT_FOUND, through its own org and through ours", async () => {
    const g = await addGateway();
    const outsider = await asUser(getDb().db, f.outsider.id);
    expect((await caught(() => outsider.gateways.get({ orgId: f.org.id, gatewayId: g.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => outsider.gateways.get({ orgId: f.outsiderOrg.id, gatewayId: g.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => outsider.gateways.delete({ orgId: f.outsiderOrg.id, gatewayId: g.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => outsider.gateways.sessions({ orgId: f.outsiderOrg.id, gatewayId: g.id }))).code).toBe("NOT_FOUND");
    expect(await outsider.gateways.list({ orgId: f.outsiderOrg.id })).toEqual([]);
  });

  it("validates the URL scheme with a field error", async () => {
    const error = await caught(async () => (await admin()).gateways.create({ orgId: f.org.id, name: "x", url: "http://example.com", token: "t" }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("delete is refused while agents use the gateway, and closes the connection otherwise", async () => {
    const { db } = getDb();
    const g = await addGateway();
    const agentId = newId();
    await db.agent.create({ data: { id: agentId, orgId: f.org.id, gatewayId: g.id, name: "Scout" } });
    const refused = await caught(async () => (await admin()).gateways.delete({ orgId: f.org.id, gatewayId: g.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain("Scout");
    expect((await (await admin()).gateways.get({ orgId: f.org.id, gatewayId: g.id })).agentCount).toBe(1);
    await db.agent.delete({ where: { id: agentId } });
    await (await admin()).gateways.delete({ orgId: f.org.id, gatewayId: g.id });
    expect(await db.gateway.findUnique({ where: { id: g.id } })).toBeNull();
  });

  it("an unreachable gateway: calls fail at once with the reason in plain words", async () => {
    const g = await addGateway();
    const started = Date.now();
    const error = await caught(async () => (await member()).gateways.sessions({ orgId: f.org.id, gatewayId: g.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(new RegExp(`^Gateway ${g.name} is (still connecting|reconnecting): Nothing is listening at ws://127.0.0.1:9`));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("connects to a protocol-4 gateway: status and version on the row; sessions, history and chat go through", async () => {
    const { db } = getDb();
    const g = await addGateway(fake.url);
    await waitFor(async () => (await db.gateway.findUniqueOrThrow({ where: { id: g.id } })).status === "connected", "the row to say connected");
    const got = await (await member()).gateways.get({ orgId: f.org.id, gatewayId: g.id });
    expect(got).toMatchObject({ status: "connected", serverVersion: "2026.9.6", lastError: null, methodCount: 4, supports: { chat: true, sessions: true } });
    // The fake saw our token in the handshake; it never left the server otherwise.
    expect(fake.connectParams.some((p) => (p as { auth?: { token?: string } }).auth?.token === TOKEN)).toBe(true);
    expect((fake.connectParams.at(-1) as { device?: { id?: string } }).device?.id).toBe(got.deviceId);

    const all = await (await member()).gateways.sessions({ orgId: f.org.id, gatewayId: g.id });
    expect(all.sessions.map((s) => [s.key, s.agentId, s.title])).toEqual([
      ["agent:main:main", "main", "Main"],
      ["agent:other:main", "other", null],
    ]);
    const mine = await (await member()).gateways.sessions({ orgId: f.org.id, gatewayId: g.id, agentId: "main" });
    expect(mine.sessions.map((s) => s.key)).toEqual(["agent:main:main"]);

    const history = await (await member()).gateways.chatHistory({ orgId: f.org.id, gatewayId: g.id, sessionKey: "agent:main:main" });
    expect(history.messages.map((m) => [m.role, m.text])).toEqual([
      ["user", "hi"],
      ["assistant", "MC-CANNED: hi"],
    ]);
    const refused = await caught(async () => (await member()).gateways.chatHistory({ orgId: f.org.id, gatewayId: g.id, sessionKey: "bad" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(`Gateway ${g.name} refused chat.history: unknown session`);

    const sent = await (await member()).gateways.sendChat({ orgId: f.org.id, gatewayId: g.id, sessionKey: "agent:main:main", message: "hello" });
    expect(sent).toEqual({ runId: "run-1", status: "started" });
    const params = fake.requests.filter((r) => r.method === "chat.send").at(-1)!.params as { sessionKey: string; message: string; idempotencyKey: string };
    expect(params).toMatchObject({ sessionKey: "agent:main:main", message: "hello" });
    expect(params.idempotencyKey).toBeTruthy();
    const chatRow = await db.activityEvent.findFirstOrThrow({ where: { targetId: g.id, action: "gateway.chat_sent" } });
    expect(JSON.parse(chatRow.diff)).toMatchObject({ sessionKey: { after: "agent:main:main" }, runId: { after: "run-1" } });
  });

  it("a refused token ends in unauthorized with the reason on the row", async () => {
    const { db } = getDb();
    const refusing = await new FakeGateway().start();
    refusing.connectBehavior = { ok: false, error: { code: "INVALID_REQUEST", message: "unauthorized: gateway token mismatch", details: { code: "AUTH_TOKEN_MISMATCH" } } };
    try {
      const g = await addGateway(refusing.url);
      const row = await waitFor(async () => {
        const r = await db.gateway.findUniqueOrThrow({ where: { id: g.id } });
        return r.status === "unauthorized" ? r : null;
      }, "the row to say unauthorized");
      expect(row.lastError).toMatch(/refused the token/);
      const error = await caught(async () => (await member()).gateways.chatHistory({ orgId: f.org.id, gatewayId: g.id, sessionKey: "agent:main:main" }));
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toMatch(new RegExp(`^Gateway ${g.name} is refusing Mission Control's credentials: The gateway refused the token`));
      await closeConnection(g.id);
    } finally {
      await refusing.stop();
    }
  });
});
