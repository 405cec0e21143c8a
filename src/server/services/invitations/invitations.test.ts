import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asAnonymous, asUser, caught } from "@/test/context";
import { countRows, createFixture, insertUser, type Fixture } from "@/test/fixtures";
import { sha256 } from "@/server/auth/secrets";
import type { Db } from "@/server/db/client";
import { verifyCredentials } from "../auth/verify-credentials";

async function invite(db: Db, f: Fixture, input: { role?: "member" | "admin" | "owner"; email?: string; expiresInHours?: number } = {}) {
  return (await asUser(db, f.admin.id)).invitations.create({ orgId: f.org.id, ...input });
}

const roleOf = async (db: Db, orgId: string, userId: string) =>
  (await db.membership.findUnique({ where: { orgId_userId: { orgId, userId } } }))?.role ?? null;

describeEachProvider("invitations", (getDb) => {
  it("creating an invitation returns its token once and stores only the token's hash", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f, { role: "admin" });
    expect(created.token.length).toBeGreaterThanOrEqual(40);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = await (await asUser(db, f.admin.id)).invitations.list({ orgId: f.org.id });
    expect(listed).toEqual([expect.objectContaining({ id: created.id, role: "admin" })]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: "invitation.created", targetId: created.id } })).toBe(1);
  });

  it("anyone with the link can preview what it offers", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f, { role: "member", email: "new.person@example.test" });
    const preview = await (await asAnonymous(db)).invitations.preview({ token: created.token });
    expect(preview).toMatchObject({ orgName: f.org.name, role: "member", email: "new.person@example.test" });
  });

  it("a signed-in user accepts an invitation and joins with its role; the link cannot be used again", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f, { role: "admin" });
    const joined = await (await asUser(db, f.outsider.id)).invitations.accept({ token: created.token });
    expect(joined).toEqual({ orgId: f.org.id, orgSlug: f.org.slug });
    expect(await roleOf(db, f.org.id, f.outsider.id)).toBe("admin");
    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.acceptedAt).not.toBeNull();
    expect(row.acceptedById).toBe(f.outsider.id);
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: "member.joined", targetId: f.outsider.id } })).toBe(1);

    const other = await insertUser(db, "late");
    expect((await caught(async () => (await asUser(db, other.id)).invitations.accept({ token: created.token }))).code).toBe("CONFLICT");
    expect((await caught(async () => (await asAnonymous(db)).invitations.preview({ token: created.token }))).code).toBe("CONFLICT");
    expect(await roleOf(db, f.org.id, other.id)).toBeNull();
  });

  it("a new person signs up with an invitation: account and membership are created together", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f);
    const email = `fresh-${created.id}@example.test`;
    const joined = await (await asAnonymous(db)).invitations.signUp({ token: created.token, email, name: "Fresh", password: "a brand new password" });
    expect(joined.orgId).toBe(f.org.id);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await roleOf(db, f.org.id, user.id)).toBe("member");
    expect(await verifyCredentials(db, email, "a brand new password", null)).toMatchObject({ id: user.id });
  });

  it("signing up with the email of an existing account is refused (CONFLICT) and the link stays usable", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f);
    const error = await caught(async () => (await asAnonymous(db)).invitations.signUp({ token: created.token, email: f.outsider.email, name: "X", password: "a brand new password" }));
    expect(error.code).toBe("CONFLICT");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: created.id } })).acceptedAt).toBeNull();
  });

  it("an expired invitation is refused with PRECONDITION_FAILED", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f, { expiresInHours: 1 });
    await db.invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await caught(async () => (await asAnonymous(db)).invitations.preview({ token: created.token }))).code).toBe("PRECONDITION_FAILED");
    expect((await caught(async () => (await asUser(db, f.outsider.id)).invitations.accept({ token: created.token }))).code).toBe("PRECONDITION_FAILED");
    const before = await countRows(db);
    const signUp = await caught(async () => (await asAnonymous(db)).invitations.signUp({ token: created.token, email: "too-late@example.test", name: "Late", password: "a brand new password" }));
    expect(signUp.code).toBe("PRECONDITION_FAILED");
    expect(await countRows(db)).toEqual(before);
    expect(await roleOf(db, f.org.id, f.outsider.id)).toBeNull();
  });

  it("a revoked invitation reads as NOT_FOUND", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f);
    const revoked = await (await asUser(db, f.owner.id)).invitations.revoke({ orgId: f.org.id, invitationId: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await caught(async () => (await asAnonymous(db)).invitations.preview({ token: created.token }))).code).toBe("NOT_FOUND");
    expect((await caught(async () => (await asUser(db, f.outsider.id)).invitations.accept({ token: created.token }))).code).toBe("NOT_FOUND");
    expect(await roleOf(db, f.org.id, f.outsider.id)).toBeNull();
  });

  it("an unknown token reads as NOT_FOUND", async () => {
    const { db } = getDb();
    const error = await caught(async () => (await asAnonymous(db)).invitations.preview({ token: "x".repeat(43) }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("an invitation bound to an email refuses other emails, and a refused sign-up leaves no account behind", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f, { email: "Bound.Person@Example.test" });
    const accept = await caught(async () => (await asUser(db, f.outsider.id)).invitations.accept({ token: created.token }));
    expect(accept.code).toBe("FORBIDDEN");
    expect(accept.message).toContain("bound.person@example.test");

    const before = await countRows(db);
    const signUp = await caught(async () => (await asAnonymous(db)).invitations.signUp({ token: created.token, email: "someone.else@example.test", name: "Else", password: "a brand new password" }));
    expect(signUp.code).toBe("FORBIDDEN");
    expect(await countRows(db)).toEqual(before);
    expect(await db.user.findUnique({ where: { email: "someone.else@example.test" } })).toBeNull();

    const ok = await (await asAnonymous(db)).invitations.signUp({ token: created.token, email: "bound.person@example.test", name: "Bound", password: "a brand new password" });
    expect(ok.orgId).toBe(f.org.id);
  });

  it("an existing member cannot accept another invitation to the same organization (CONFLICT)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await invite(db, f, { role: "admin" });
    expect((await caught(async () => (await asUser(db, f.member.id)).invitations.accept({ token: created.token }))).code).toBe("CONFLICT");
    expect(await roleOf(db, f.org.id, f.member.id)).toBe("member");
  });

  it("only an owner can invite an owner", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    expect((await caught(() => invite(db, f, { role: "owner" }))).code).toBe("FORBIDDEN");
    const byOwner = await (await asUser(db, f.owner.id)).invitations.create({ orgId: f.org.id, role: "owner" });
    expect(byOwner.role).toBe("owner");
  });

  it("an invitation of another organization cannot be revoked through this one (NOT_FOUND)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const theirs = await (await asUser(db, f.outsider.id)).invitations.create({ orgId: f.outsiderOrg.id });
    const error = await caught(async () => (await asUser(db, f.owner.id)).invitations.revoke({ orgId: f.org.id, invitationId: theirs.id }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });
});
