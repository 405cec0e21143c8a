import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asToken, asUser, caught, createCaller, tokenContext } from "@/test/context";
import { createFixture, createToken } from "@/test/fixtures";
import { parseApiToken, sha256 } from "@/server/auth/secrets";
import { createContext } from "@/server/context";

const TOKEN_FORMAT = /^mc_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/;

describeEachProvider("API tokens", (getDb) => {
  it("a created token authenticates: me.get and orgs.list show only its org with its role", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "member");
    expect(created.token).toMatch(TOKEN_FORMAT);
    const caller = await asToken(db, created.token);
    const me = await caller.me.get();
    expect(me).toMatchObject({ kind: "api_token", id: created.id, email: null });
    expect(me.orgs).toEqual([expect.objectContaining({ id: f.org.id, role: "member" })]);
    expect(await caller.orgs.list()).toEqual([expect.objectContaining({ id: f.org.id, role: "member" })]);
    // The creator (owner) also belongs to no other org here, but the token never reaches another tenant.
    expect((await caught(() => caller.orgs.get({ orgId: f.outsiderOrg.id }))).code).toBe("NOT_FOUND");
  });

  it("the token's actor acts for its creator with the token's role and is recorded as api_token", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "member", f.admin);
    const ctx = await tokenContext(db, created.token, "req-token");
    expect(ctx.actor).toMatchObject({ kind: "api_token", tokenId: created.id, userId: f.admin.id, orgId: f.org.id, role: "member" });
    const task = await createCaller(ctx).tasks.create({ boardId: f.board.id, title: "From a script" });
    const row = await db.activityEvent.findFirstOrThrow({ where: { targetId: task.id } });
    expect(row).toMatchObject({ actorKind: "api_token", actorId: created.id, requestId: "req-token" });
  });

  it("the secret is never stored in plaintext; the row is found by its lookup id", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "admin");
    const parts = parseApiToken(created.token)!;
    const row = await db.apiToken.findUniqueOrThrow({ where: { lookupId: parts.lookupId } });
    expect(row.id).toBe(created.id);
    expect(row.secretHash).toBe(sha256(parts.secret));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(created.token);
    expect(stored).not.toContain(parts.secret);
    const listed = await (await asUser(db, f.owner.id)).apiTokens.list({ orgId: f.org.id });
    expect(listed).toEqual([expect.objectContaining({ id: created.id, prefix: `mc_${parts.lookupId}`, createdBy: f.owner.email })]);
    expect(JSON.stringify(listed)).not.toContain(parts.secret);
  });

  it("a revoked token is UNAUTHORIZED", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "member");
    const revoked = await (await asUser(db, f.admin.id)).apiTokens.revoke({ orgId: f.org.id, tokenId: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await tokenContext(db, created.token)).actor).toBeNull();
    expect((await caught(async () => (await asToken(db, created.token)).me.get())).code).toBe("UNAUTHORIZED");
    expect(await db.activityEvent.count({ where: { action: "api_token.revoked", targetId: created.id } })).toBe(1);
  });

  it("an expired token is UNAUTHORIZED", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "member", f.owner, { expiresInDays: 1 });
    expect(created.expiresAt).not.toBeNull();
    await db.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await caught(async () => (await asToken(db, created.token)).orgs.list())).code).toBe("UNAUTHORIZED");
  });

  it("a token with the right lookup id but a wrong secret, or a malformed token, is UNAUTHORIZED", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "member");
    const { lookupId } = parseApiToken(created.token)!;
    const forged = `mc_${lookupId}_${"A".repeat(43)}`;
    expect((await caught(async () => (await asToken(db, forged)).me.get())).code).toBe("UNAUTHORIZED");
    expect((await caught(async () => (await asToken(db, "mc_short_token")).me.get())).code).toBe("UNAUTHORIZED");
    // A bad bearer does not fall back to the session.
    const ctx = await createContext({ db, authorization: `Bearer ${forged}`, sessionUserId: f.owner.id });
    expect(ctx.actor).toBeNull();
  });

  it("a token's role cannot exceed its creator's role", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    expect((await caught(() => admin.apiTokens.create({ orgId: f.org.id, name: "too strong", role: "owner" }))).code).toBe("FORBIDDEN");
    const adminToken = await admin.apiTokens.create({ orgId: f.org.id, name: "ok", role: "admin" });
    const viaToken = await asToken(db, adminToken.token);
    expect((await caught(() => viaToken.apiTokens.create({ orgId: f.org.id, name: "escalate", role: "owner" }))).code).toBe("FORBIDDEN");
    expect(await db.apiToken.count({ where: { orgId: f.org.id, role: "owner" } })).toBe(0);
  });

  it("a token cannot act as a person: creating an organization or accepting an invitation is FORBIDDEN", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "admin");
    const caller = await asToken(db, created.token);
    expect((await caught(() => caller.orgs.create({ name: "Token Org" }))).code).toBe("FORBIDDEN");
    const invitation = await (await asUser(db, f.outsider.id)).invitations.create({ orgId: f.outsiderOrg.id });
    expect((await caught(() => caller.invitations.accept({ token: invitation.token }))).code).toBe("FORBIDDEN");
  });

  it("a token of another organization cannot be revoked through this one (NOT_FOUND)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const theirs = await (await asUser(db, f.outsider.id)).apiTokens.create({ orgId: f.outsiderOrg.id, name: "theirs", role: "member" });
    const error = await caught(async () => (await asUser(db, f.owner.id)).apiTokens.revoke({ orgId: f.org.id, tokenId: theirs.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });
});
