// The one mutation path: every mutation writes exactly one activity row in the same transaction
// and publishes after commit.
import { afterEach, expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught, createCaller, userContext, type Caller } from "@/test/context";
import { createFixture, createToken, insertUser, type Fixture } from "@/test/fixtures";
import { eventBus, type DomainEvent } from "@/server/events/bus";
import type { Db } from "@/server/db/client";
import { newId } from "@/lib/ids";
import { commit } from "./commit";

interface Mutation {
  action: string;
  /** Runs the mutation as the admin; returns the expected target id. */
  run: (c: Caller, f: Fixture, db: Db) => Promise<string>;
}

const MUTATIONS: Mutation[] = [
  { action: "org.updated", run: async (c, f) => (await c.orgs.update({ orgId: f.org.id, name: "New name" })).id },
  { action: "member.role_changed", run: async (c, f) => (await c.members.changeRole({ orgId: f.org.id, userId: f.member.id, role: "admin" })).userId },
  { action: "member.removed", run: async (c, f) => (await c.members.remove({ orgId: f.org.id, userId: f.member.id }), f.member.id) },
  { action: "invitation.created", run: async (c, f) => (await c.invitations.create({ orgId: f.org.id })).id },
  {
    action: "invitation.revoked",
    run: async (c, f, db) => {
      const inv = await (await asUser(db, f.owner.id)).invitations.create({ orgId: f.org.id });
      return (await c.invitations.revoke({ orgId: f.org.id, invitationId: inv.id })).id;
    },
  },
  {
    action: "member.joined",
    run: async (_c, f, db) => {
      const inv = await (await asUser(db, f.owner.id)).invitations.create({ orgId: f.org.id });
      await (await asUser(db, f.outsider.id)).invitations.accept({ token: inv.token });
      return f.outsider.id;
    },
  },
  { action: "api_token.created", run: async (c, f) => (await c.apiTokens.create({ orgId: f.org.id, name: "t", role: "member" })).id },
  {
    action: "api_token.revoked",
    run: async (c, f, db) => {
      const t = await createToken(db, f, "member");
      return (await c.apiTokens.revoke({ orgId: f.org.id, tokenId: t.id })).id;
    },
  },
  { action: "board.created", run: async (c, f) => (await c.boards.create({ orgId: f.org.id, name: "Another" })).id },
  { action: "board.updated", run: async (c, f) => (await c.boards.update({ boardId: f.board.id, description: "now described" })).id },
  { action: "board.deleted", run: async (c, f) => (await c.boards.delete({ boardId: f.board.id }), f.board.id) },
  { action: "task.created", run: async (c, f) => (await c.tasks.create({ boardId: f.board.id, title: "New" })).id },
  { action: "task.updated", run: async (c, f) => (await c.tasks.update({ boardId: f.board.id, taskId: f.task.id, description: "details" })).id },
  { action: "task.moved", run: async (c, f) => (await c.tasks.move({ boardId: f.board.id, taskId: f.task.id, status: "done" })).id },
  { action: "task.deleted", run: async (c, f) => (await c.tasks.delete({ boardId: f.board.id, taskId: f.task.id }), f.task.id) },
];

describeEachProvider("the mutation path (commit)", (getDb) => {
  let unsubscribe: (() => void) | null = null;
  afterEach(() => {
    unsubscribe?.();
    unsubscribe = null;
  });

  function captureEvents(orgId: string): DomainEvent[] {
    const events: DomainEvent[] = [];
    unsubscribe = eventBus.subscribe((e) => {
      if (e.orgId === orgId) events.push(e);
    });
    return events;
  }

  it.each(MUTATIONS.map((m) => [m.action, m] as const))("%s writes exactly one activity row with actor, target, diff and request id, and publishes it once", async (action, mutation) => {
    const { db } = getDb();
    const f = await createFixture(db);
    // Setup steps inside run() (e.g. creating the invitation to revoke) happen before we count.
    const ctx = await userContext(db, f.admin.id, `req-${newId()}`);
    const caller = createCaller(ctx);
    const events = captureEvents(f.org.id);
    const earlier = new Set((await db.activityEvent.findMany({ where: { orgId: f.org.id }, select: { id: true } })).map((r) => r.id));
    const targetId = await mutation.run(caller, f, db);

    const rows = (await db.activityEvent.findMany({ where: { orgId: f.org.id } })).filter((r) => !earlier.has(r.id));
    const mine = rows.filter((r) => r.action === action);
    expect(mine).toHaveLength(1);
    const row = mine[0];
    expect(row.targetId).toBe(targetId);
    expect(row.action).toMatch(/^[a-z_]+\.[a-z_]+$/);
    expect(typeof JSON.parse(row.diff)).toBe("object");
    if (action !== "member.joined") {
      // Made by the admin's request; the only row that request wrote.
      expect(row).toMatchObject({ actorKind: "user", actorId: f.admin.id, actorName: f.admin.name, requestId: ctx.requestId, ip: "127.0.0.1" });
      expect(rows.filter((r) => r.requestId === ctx.requestId)).toHaveLength(1);
    } else {
      expect(row).toMatchObject({ actorKind: "user", actorId: f.outsider.id });
    }
    expect(events.filter((e) => e.id === row.id)).toHaveLength(1);
    expect(events.find((e) => e.id === row.id)).toMatchObject({ type: action, targetId, orgId: f.org.id });
  });

  it("a write that fails after its activity row was recorded leaves neither the row nor the change, and publishes nothing", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const ctx = await userContext(db, f.owner.id, `req-${newId()}`);
    const events = captureEvents(f.org.id);
    const boardId = newId();
    const before = await db.activityEvent.count({ where: { orgId: f.org.id } });

    await expect(
      commit(ctx, async (tx, record) => {
        await tx.board.create({ data: { id: boardId, orgId: f.org.id, name: "Doomed", slug: `doomed-${boardId}` } });
        await record({ orgId: f.org.id, boardId, action: "board.created", targetType: "board", targetId: boardId, summary: "Created board Doomed", after: { name: "Doomed" } });
        // Proof the activity row exists inside the transaction before the failure.
        expect(await tx.activityEvent.count({ where: { targetId: boardId } })).toBe(1);
        throw new Error("disk on fire");
      }),
    ).rejects.toThrow("disk on fire");

    expect(await db.activityEvent.count({ where: { orgId: f.org.id } })).toBe(before);
    expect(await db.activityEvent.count({ where: { targetId: boardId } })).toBe(0);
    expect(await db.activityEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
    expect(await db.board.findUnique({ where: { id: boardId } })).toBeNull();
    expect(events).toEqual([]);
  });

  it("a constraint violation after the activity row rolls both back", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const ctx = await userContext(db, f.owner.id);
    const events = captureEvents(f.org.id);
    const taken = (await db.board.findUniqueOrThrow({ where: { id: f.board.id } })).slug;
    const before = await db.activityEvent.count({ where: { orgId: f.org.id } });
    await expect(
      commit(ctx, async (tx, record) => {
        await record({ orgId: f.org.id, action: "board.created", targetType: "board", targetId: "pending", summary: "x" });
        await tx.board.create({ data: { id: newId(), orgId: f.org.id, name: "Dup", slug: taken } });
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await db.activityEvent.count({ where: { orgId: f.org.id } })).toBe(before);
    expect(events).toEqual([]);
  });

  it("a refused service mutation writes no activity row and publishes nothing", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const events = captureEvents(f.org.id);
    const before = await db.activityEvent.count({ where: { orgId: f.org.id } });
    const owner = await asUser(db, f.owner.id);
    expect((await caught(() => owner.members.remove({ orgId: f.org.id, userId: f.owner.id }))).code).toBe("CONFLICT");
    const stranger = await insertUser(db, "stranger");
    expect((await caught(() => owner.members.changeRole({ orgId: f.org.id, userId: stranger.id, role: "admin" }))).code).toBe("NOT_FOUND");
    expect(await db.activityEvent.count({ where: { orgId: f.org.id } })).toBe(before);
    expect(events).toEqual([]);
  });

  it("several activity rows in one commit are published in order, after the commit", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const ctx = await userContext(db, f.owner.id);
    const seenDuring: number[] = [];
    const events = captureEvents(f.org.id);
    await commit(ctx, async (_tx, record) => {
      await record({ orgId: f.org.id, action: "test.first", targetType: "test", targetId: "1", summary: "first" });
      seenDuring.push(events.length);
      await record({ orgId: f.org.id, action: "test.second", targetType: "test", targetId: "2", summary: "second" });
      seenDuring.push(events.length);
    });
    expect(seenDuring).toEqual([0, 0]);
    expect(events.map((e) => e.type)).toEqual(["test.first", "test.second"]);
  });
});
