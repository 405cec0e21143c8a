import { expect, it } from "vitest";
import { describeEachProvider, randomSuffix } from "@/test/db";
import { asUser, caught, createCaller, userContext } from "@/test/context";
import { countRows, createFixture } from "@/test/fixtures";

describeEachProvider("organizations", (getDb) => {
  it("creating an organization makes the creator its owner and records org.created", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const caller = await asUser(db, f.member.id);
    const slug = `acme-${randomSuffix()}`;
    const org = await caller.orgs.create({ name: "Acme", slug });
    expect(org).toMatchObject({ slug, name: "Acme", role: "owner" });
    const members = await caller.members.list({ orgId: org.id });
    expect(members).toEqual([expect.objectContaining({ userId: f.member.id, role: "owner" })]);
    const activity = await db.activityEvent.findMany({ where: { orgId: org.id } });
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ action: "org.created", actorKind: "user", actorId: f.member.id, targetId: org.id });
  });

  it("without a slug, a free one is derived from the name", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const caller = await asUser(db, f.owner.id);
    const name = `Team ${randomSuffix()}`;
    const first = await caller.orgs.create({ name });
    const second = await caller.orgs.create({ name });
    expect(first.slug).toBe(name.toLowerCase().replace(" ", "-"));
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it("a taken slug is refused with CONFLICT and nothing is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const caller = await asUser(db, f.member.id);
    const before = await countRows(db);
    const error = await caught(() => caller.orgs.create({ name: "Copycat", slug: f.outsiderOrg.slug }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(f.outsiderOrg.slug);
    expect(await countRows(db)).toEqual(before);
  });

  it("orgs.list shows only the caller's organizations, with the caller's role", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    expect(await (await asUser(db, f.admin.id)).orgs.list()).toEqual([expect.objectContaining({ id: f.org.id, role: "admin" })]);
    expect(await (await asUser(db, f.outsider.id)).orgs.list()).toEqual([expect.objectContaining({ id: f.outsiderOrg.id, role: "owner" })]);
  });

  it("an organization can be read by id or by slug; another tenant's reads as NOT_FOUND", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const caller = await asUser(db, f.member.id);
    expect(await caller.orgs.get({ orgId: f.org.slug })).toMatchObject({ id: f.org.id, role: "member" });
    expect(await caller.orgs.get({ orgId: f.org.id })).toMatchObject({ slug: f.org.slug });
    expect((await caught(() => caller.orgs.get({ orgId: f.outsiderOrg.id }))).code).toBe("NOT_FOUND");
    expect((await caught(() => caller.orgs.get({ orgId: f.outsiderOrg.slug }))).code).toBe("NOT_FOUND");
    expect((await caught(() => caller.orgs.get({ orgId: "no-such-org" }))).code).toBe("NOT_FOUND");
  });

  it("an admin renames the organization and the activity row carries before/after and the request id", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const ctx = await userContext(db, f.admin.id, `req-${randomSuffix()}`);
    const renamed = await createCaller(ctx).orgs.update({ orgId: f.org.id, name: "Renamed Org" });
    expect(renamed).toMatchObject({ id: f.org.id, name: "Renamed Org", role: "admin" });
    const row = await db.activityEvent.findFirstOrThrow({ where: { orgId: f.org.id, action: "org.updated" } });
    expect(row).toMatchObject({ actorKind: "user", actorId: f.admin.id, targetType: "org", targetId: f.org.id, requestId: ctx.requestId, ip: "127.0.0.1" });
    expect(JSON.parse(row.diff)).toEqual({ name: { before: f.org.name, after: "Renamed Org" } });
  });

  it("a member cannot rename the organization (FORBIDDEN) and the name is unchanged", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const error = await caught(async () => (await asUser(db, f.member.id)).orgs.update({ orgId: f.org.id, name: "Hijacked" }));
    expect(error.code).toBe("FORBIDDEN");
    expect((await db.organization.findUniqueOrThrow({ where: { id: f.org.id } })).name).toBe(f.org.name);
    expect(await db.activityEvent.count({ where: { orgId: f.org.id, action: "org.updated" } })).toBe(0);
  });
});
