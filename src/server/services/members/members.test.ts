import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asToken, asUser, caught } from "@/test/context";
import { createFixture, createToken } from "@/test/fixtures";
import type { Db } from "@/server/db/client";

const roleOf = async (db: Db, orgId: string, userId: string) =>
  (await db.membership.findUnique({ where: { orgId_userId: { orgId, userId } } }))?.role ?? null;

describeEachProvider("members", (getDb) => {
  it("members.list shows everyone in the organization with their roles", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const list = await (await asUser(db, f.member.id)).members.list({ orgId: f.org.id });
    expect(list.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [f.owner.id, "owner"],
        [f.admin.id, "admin"],
        [f.member.id, "member"],
        [f.limited.id, "member"],
      ].sort(),
    );
    expect(list.find((m) => m.userId === f.member.id)).toMatchObject({ email: f.member.email, name: f.member.name });
  });

  it("an admin promotes a member to admin and the change is recorded with before/after", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const updated = await (await asUser(db, f.admin.id)).members.changeRole({ orgId: f.org.id, userId: f.member.id, role: "admin" });
    expect(updated).toMatchObject({ userId: f.member.id, role: "admin" });
    expect(await roleOf(db, f.org.id, f.member.id)).toBe("admin");
    const row = await db.activityEvent.findFirstOrThrow({ where: { orgId: f.org.id, action: "member.role_changed" } });
    expect(row).toMatchObject({ actorId: f.admin.id, targetType: "user", targetId: f.member.id });
    expect(JSON.parse(row.diff)).toEqual({ role: { before: "member", after: "admin" } });
  });

  it("setting the role a member already has changes nothing and records nothing", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    await (await asUser(db, f.owner.id)).members.changeRole({ orgId: f.org.id, userId: f.member.id, role: "member" });
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: "member.role_changed" } })).toBe(0);
  });

  it("the last owner cannot be demoted (CONFLICT) and nothing changes", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const error = await caught(() => owner.members.changeRole({ orgId: f.org.id, userId: f.owner.id, role: "admin" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/last owner/i);
    expect(await roleOf(db, f.org.id, f.owner.id)).toBe("owner");
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: "member.role_changed" } })).toBe(0);
  });

  it("the last owner cannot be removed (CONFLICT) and stays a member", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const error = await caught(async () => (await asUser(db, f.owner.id)).members.remove({ orgId: f.org.id, userId: f.owner.id }));
    expect(error.code).toBe("CONFLICT");
    expect(await roleOf(db, f.org.id, f.owner.id)).toBe("owner");
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: "member.removed" } })).toBe(0);
  });

  it("with a second owner, the first owner can step down", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    await owner.members.changeRole({ orgId: f.org.id, userId: f.admin.id, role: "owner" });
    await owner.members.changeRole({ orgId: f.org.id, userId: f.owner.id, role: "member" });
    expect(await roleOf(db, f.org.id, f.owner.id)).toBe("member");
    expect(await roleOf(db, f.org.id, f.admin.id)).toBe("owner");
  });

  it("an admin can neither demote, remove nor create an owner (FORBIDDEN), and nothing changes", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    expect((await caught(() => admin.members.changeRole({ orgId: f.org.id, userId: f.owner.id, role: "member" }))).code).toBe("FORBIDDEN");
    expect((await caught(() => admin.members.remove({ orgId: f.org.id, userId: f.owner.id }))).code).toBe("FORBIDDEN");
    expect((await caught(() => admin.members.changeRole({ orgId: f.org.id, userId: f.member.id, role: "owner" }))).code).toBe("FORBIDDEN");
    expect(await roleOf(db, f.org.id, f.owner.id)).toBe("owner");
    expect(await roleOf(db, f.org.id, f.member.id)).toBe("member");
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: { in: ["member.role_changed", "member.removed"] } } })).toBe(0);
  });

  it("a member cannot change roles or remove anyone (FORBIDDEN)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    expect((await caught(() => member.members.changeRole({ orgId: f.org.id, userId: f.member.id, role: "admin" }))).code).toBe("FORBIDDEN");
    expect((await caught(() => member.members.remove({ orgId: f.org.id, userId: f.admin.id }))).code).toBe("FORBIDDEN");
    expect(await roleOf(db, f.org.id, f.admin.id)).toBe("admin");
  });

  it("removing a member revokes their API tokens in that organization", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const created = await createToken(db, f, "admin", f.admin);
    expect((await (await asToken(db, created.token)).me.get()).kind).toBe("api_token");

    await (await asUser(db, f.owner.id)).members.remove({ orgId: f.org.id, userId: f.admin.id });

    expect(await roleOf(db, f.org.id, f.admin.id)).toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).not.toBeNull();
    expect((await caught(async () => (await asToken(db, created.token)).me.get())).code).toBe("UNAUTHORIZED");
    const row = await db.activityEvent.findFirstOrThrow({ where: { orgId: f.org.id, action: "member.removed" } });
    expect(row).toMatchObject({ targetId: f.admin.id, actorId: f.owner.id });
  });

  it("a user of another organization reads as NOT_FOUND, and the other org is untouched", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    expect((await caught(() => owner.members.remove({ orgId: f.org.id, userId: f.outsider.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.members.changeRole({ orgId: f.org.id, userId: f.outsider.id, role: "member" }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.members.remove({ orgId: f.outsiderOrg.id, userId: f.outsider.id }))).code).toBe("NOT_FOUND");
    expect(await roleOf(db, f.outsiderOrg.id, f.outsider.id)).toBe("owner");
  });
});
