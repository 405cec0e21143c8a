import { beforeEach, expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asAnonymous, caught } from "@/test/context";
import { countRows } from "@/test/fixtures";
import { verifyCredentials } from "../auth/verify-credentials";
import { bootstrapFromEnv } from "./setup";

const SETUP = { email: "Founder@Example.test", name: "Founder", password: "a long enough password", orgName: "Acme Robotics" };

describeEachProvider("first-run setup", (getDb) => {
  beforeEach(async () => {
    await getDb().reset();
  });

  it("the first run creates the owner and the organization, then setup is no longer needed", async () => {
    const { db } = getDb();
    const anon = await asAnonymous(db);
    expect(await anon.setup.status()).toEqual({ needsSetup: true });

    const result = await anon.setup.run(SETUP);
    expect(result).toEqual({ orgSlug: "acme-robotics" });

    const user = await db.user.findUniqueOrThrow({ where: { email: "founder@example.test" } });
    expect(user.passwordHash).not.toContain(SETUP.password);
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "acme-robotics" } });
    expect(org.name).toBe("Acme Robotics");
    const membership = await db.membership.findUniqueOrThrow({ where: { orgId_userId: { orgId: org.id, userId: user.id } } });
    expect(membership.role).toBe("owner");
    const activity = await db.activityEvent.findMany({ where: { orgId: org.id } });
    expect(activity.map((a) => a.action)).toEqual(["org.created"]);
    expect(await anon.setup.status()).toEqual({ needsSetup: false });
    expect(await verifyCredentials(db, SETUP.email, SETUP.password, null)).toMatchObject({ id: user.id });
  });

  it("a second setup is refused with CONFLICT and writes nothing", async () => {
    const { db } = getDb();
    const anon = await asAnonymous(db);
    await anon.setup.run(SETUP);
    const before = await countRows(db);
    const error = await caught(() => anon.setup.run({ ...SETUP, email: "intruder@example.test", orgName: "Takeover" }));
    expect(error.code).toBe("CONFLICT");
    expect(await countRows(db)).toEqual(before);
    expect(await db.user.findUnique({ where: { email: "intruder@example.test" } })).toBeNull();
  });

  it("two simultaneous setups create exactly one owner", async () => {
    const { db } = getDb();
    const [a, b] = [await asAnonymous(db), await asAnonymous(db)];
    const results = await Promise.allSettled([
      a.setup.run({ ...SETUP, email: "first@example.test", orgName: "First" }),
      b.setup.run({ ...SETUP, email: "second@example.test", orgName: "Second" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count()).toBe(1);
    expect(await db.organization.count()).toBe(1);
    expect(await db.membership.count()).toBe(1);
  });

  it("bootstrapFromEnv creates the owner and an org whose slug comes from MC_ORG_SLUG", async () => {
    const { db } = getDb();
    const email = await bootstrapFromEnv(db, {
      MC_ADMIN_EMAIL: " Boss@Example.TEST ",
      MC_ADMIN_PASSWORD: "bootstrap password 1",
      MC_ADMIN_NAME: "Boss",
      MC_ORG_NAME: "Boss Corp",
      MC_ORG_SLUG: "boss-hq",
    });
    expect(email).toBe("boss@example.test");
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "boss-hq" }, include: { memberships: { include: { user: true } } } });
    expect(org.name).toBe("Boss Corp");
    expect(org.memberships).toHaveLength(1);
    expect(org.memberships[0]).toMatchObject({ role: "owner", user: { email: "boss@example.test", name: "Boss" } });
    const activity = await db.activityEvent.findFirstOrThrow({ where: { orgId: org.id } });
    expect(activity).toMatchObject({ action: "org.created", actorKind: "system", actorName: "bootstrap" });
    expect(await verifyCredentials(db, "boss@example.test", "bootstrap password 1", null)).not.toBeNull();
  });

  it("bootstrapFromEnv is a no-op once a user exists", async () => {
    const { db } = getDb();
    await (await asAnonymous(db)).setup.run(SETUP);
    const before = await countRows(db);
    const email = await bootstrapFromEnv(db, { MC_ADMIN_EMAIL: "late@example.test", MC_ADMIN_PASSWORD: "bootstrap password 2", MC_ORG_SLUG: "late" });
    expect(email).toBeNull();
    expect(await countRows(db)).toEqual(before);
    expect(await db.organization.findUnique({ where: { slug: "late" } })).toBeNull();
  });

  it("bootstrapFromEnv does nothing without MC_ADMIN_EMAIL and MC_ADMIN_PASSWORD", async () => {
    const { db } = getDb();
    expect(await bootstrapFromEnv(db, { MC_ADMIN_EMAIL: "solo@example.test" })).toBeNull();
    expect(await bootstrapFromEnv(db, {})).toBeNull();
    expect(await db.user.count()).toBe(0);
  });
});
