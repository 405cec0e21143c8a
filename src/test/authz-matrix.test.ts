// Who may call what: one row per procedure of the app router, one expected outcome per caller.
// The first test fails when a procedure has no row, so a new procedure cannot ship without a
// decision about who may call it. Each cell runs against a fresh fixture on a real database.
//
// It also checks the one-mutation-path rule for every procedure at once: a mutation that
// succeeds writes exactly one activity row for its request; a refused call (and every query)
// writes none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "@/server/routers/_app";
import type { Context } from "@/server/context";
import type { Db } from "@/server/db/client";
import { newId } from "@/lib/ids";
import { newAgentTokenParts } from "@/server/auth/secrets";
import { createTestDb, type TestDb } from "./db";
import { anonContext, asUser, createCaller, tokenContext, userContext } from "./context";
import { createFixture, createToken, insertOrg, insertUser, type Fixture, type UserRef } from "./fixtures";

/** The person each caller acts as (tokens act as their creator, the owner). */
const selfOf = (f: Fixture, who: Who): UserRef =>
  ({ anonymous: f.owner, outsider: f.outsider, member: f.member, limitedMember: f.limited, admin: f.admin, owner: f.owner, memberToken: f.owner, adminToken: f.owner, agent: f.owner })[who];

const CALLERS = ["anonymous", "outsider", "member", "limitedMember", "admin", "owner", "memberToken", "adminToken", "agent"] as const;
type Who = (typeof CALLERS)[number];
type Outcome = "ok" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "PRECONDITION_FAILED";
type Row = Record<Who, Outcome>;

// The rows the procedure builders in src/server/trpc.ts promise. `limitedMember` is a member
// whose access is limited to some boards, with read access to the fixture board.
/** publicProcedure */
const ANYONE: Row = { anonymous: "ok", outsider: "ok", member: "ok", limitedMember: "ok", admin: "ok", owner: "ok", memberToken: "ok", adminToken: "ok", agent: "ok" };
/** authedProcedure: users and API tokens */
const SIGNED_IN: Row = { anonymous: "UNAUTHORIZED", outsider: "ok", member: "ok", limitedMember: "ok", admin: "ok", owner: "ok", memberToken: "ok", adminToken: "ok", agent: "FORBIDDEN" };
/** userProcedure: a person, not a token */
const PEOPLE: Row = { anonymous: "UNAUTHORIZED", outsider: "ok", member: "ok", limitedMember: "ok", admin: "ok", owner: "ok", memberToken: "FORBIDDEN", adminToken: "FORBIDDEN", agent: "FORBIDDEN" };
/** orgProcedure("member") and boardProcedure("read"): anyone in the org; other tenants see nothing */
const ORG_MEMBERS: Row = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", member: "ok", limitedMember: "ok", admin: "ok", owner: "ok", memberToken: "ok", adminToken: "ok", agent: "FORBIDDEN" };
/** boardProcedure("write"): members with write access to the board */
const BOARD_WRITERS: Row = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", member: "ok", limitedMember: "FORBIDDEN", admin: "ok", owner: "ok", memberToken: "ok", adminToken: "ok", agent: "FORBIDDEN" };
/** orgProcedure("admin") and boardProcedure(…, "admin") */
const ORG_ADMINS: Row = { anonymous: "UNAUTHORIZED", outsider: "NOT_FOUND", member: "FORBIDDEN", limitedMember: "FORBIDDEN", admin: "ok", owner: "ok", memberToken: "FORBIDDEN", adminToken: "ok", agent: "FORBIDDEN" };
/** Calls on a gateway: authorized callers reach it, which is unreachable in this fixture (PRECONDITION_FAILED). */
const GATEWAY_CALLERS: Row = { ...ORG_MEMBERS, member: "PRECONDITION_FAILED", limitedMember: "PRECONDITION_FAILED", admin: "PRECONDITION_FAILED", owner: "PRECONDITION_FAILED", memberToken: "PRECONDITION_FAILED", adminToken: "PRECONDITION_FAILED" };
/** agentProcedure: only an agent with its own token (operators, users and API tokens are refused). */
const AGENT_ONLY: Row = { anonymous: "UNAUTHORIZED", outsider: "FORBIDDEN", member: "FORBIDDEN", limitedMember: "FORBIDDEN", admin: "FORBIDDEN", owner: "FORBIDDEN", memberToken: "FORBIDDEN", adminToken: "FORBIDDEN", agent: "ok" };
/** First-run setup: public, but refused for everyone once a user exists (as in every fixture). */
const NOBODY_AFTER_SETUP: Row = { anonymous: "CONFLICT", outsider: "CONFLICT", member: "CONFLICT", limitedMember: "CONFLICT", admin: "CONFLICT", owner: "CONFLICT", memberToken: "CONFLICT", adminToken: "CONFLICT", agent: "CONFLICT" };

interface Entry {
  expect: Row;
  /**
   * Valid input for a fresh fixture, the same for every caller. `self` is the person the caller
   * acts as (a token acts as its creator, the owner), for rows only their author may change.
   */
  input: (f: Fixture, db: Db, self: UserRef) => unknown | Promise<unknown>;
}

const unique = () => newId().slice(0, 10);
const ownerOf = async (db: Db, f: Fixture) => asUser(db, f.owner.id);

const MATRIX: Record<string, Entry> = {
  "setup.status": { expect: ANYONE, input: () => undefined },
  "setup.run": { expect: NOBODY_AFTER_SETUP, input: () => ({ email: `s-${unique()}@example.test`, name: "S", password: "long enough password", orgName: "Setup Org" }) },
  "me.get": { expect: SIGNED_IN, input: () => undefined },

  "orgs.list": { expect: SIGNED_IN, input: () => undefined },
  "orgs.create": { expect: PEOPLE, input: () => ({ name: `New Org ${unique()}` }) },
  "orgs.get": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "orgs.update": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, name: "Renamed" }) },

  "members.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "members.changeRole": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, userId: (await extraMember(db, f)).id, role: "admin" }) },
  "members.remove": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, userId: (await extraMember(db, f)).id }) },

  "invitations.create": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, role: "member" }) },
  "invitations.list": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id }) },
  "invitations.revoke": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, invitationId: (await (await ownerOf(db, f)).invitations.create({ orgId: f.org.id })).id }) },
  "invitations.preview": { expect: ANYONE, input: async (f, db) => ({ token: (await (await ownerOf(db, f)).invitations.create({ orgId: f.org.id })).token }) },
  // An invitation to an org none of the callers belongs to, so every person may accept it.
  "invitations.accept": { expect: PEOPLE, input: async (_f, db) => ({ token: await thirdOrgInvitation(db) }) },
  "invitations.signUp": {
    expect: ANYONE,
    input: async (f, db) => ({
      token: (await (await ownerOf(db, f)).invitations.create({ orgId: f.org.id })).token,
      email: `joiner-${unique()}@example.test`,
      name: "Joiner",
      password: "long enough password",
    }),
  },

  "apiTokens.create": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, name: "script", role: "member" }) },
  "apiTokens.list": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id }) },
  "apiTokens.revoke": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, tokenId: (await createToken(db, f, "member")).id }) },

  "boards.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "boards.create": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, name: "Board Two" }) },
  "boards.get": { expect: ORG_MEMBERS, input: (f) => ({ boardId: f.board.id }) },
  "boards.update": { expect: ORG_ADMINS, input: (f) => ({ boardId: f.board.id, name: "Renamed board" }) },
  "boards.setArchived": { expect: ORG_ADMINS, input: (f) => ({ boardId: f.board.id, archived: true }) },
  "boards.deletePreview": { expect: ORG_ADMINS, input: (f) => ({ boardId: f.board.id }) },
  "boards.delete": { expect: ORG_ADMINS, input: (f) => ({ boardId: f.board.id }) },

  "boardGroups.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "boardGroups.get": { expect: ORG_MEMBERS, input: async (f, db) => ({ orgId: f.org.id, groupId: await boardGroup(db, f) }) },
  "boardGroups.create": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, name: "Group" }) },
  "boardGroups.update": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, groupId: await boardGroup(db, f), name: "Renamed group" }) },
  "boardGroups.delete": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, groupId: await boardGroup(db, f) }) },

  "boardAccess.get": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, userId: f.limited.id }) },
  "boardAccess.set": {
    expect: ORG_ADMINS,
    input: async (f, db) => ({ orgId: f.org.id, userId: (await extraMember(db, f)).id, allBoards: false, grants: [{ boardId: f.board.id, level: "read" }] }),
  },

  "tasks.list": { expect: ORG_MEMBERS, input: (f) => ({ boardId: f.board.id }) },
  "tasks.create": { expect: BOARD_WRITERS, input: (f) => ({ boardId: f.board.id, title: "New task" }) },
  "tasks.get": { expect: ORG_MEMBERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id }) },
  "tasks.update": { expect: BOARD_WRITERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id, priority: "high" }) },
  "tasks.move": { expect: BOARD_WRITERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id, status: "in_progress" }) },
  "tasks.delete": { expect: BOARD_WRITERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id }) },
  "tasks.addDependency": { expect: BOARD_WRITERS, input: async (f, db) => ({ boardId: f.board.id, taskId: f.task.id, dependsOnId: await secondTask(db, f) }) },
  "tasks.removeDependency": {
    expect: BOARD_WRITERS,
    input: async (f, db) => {
      const dependsOnId = await secondTask(db, f);
      await (await ownerOf(db, f)).tasks.addDependency({ boardId: f.board.id, taskId: f.task.id, dependsOnId });
      return { boardId: f.board.id, taskId: f.task.id, dependsOnId };
    },
  },
  "tasks.history": { expect: ORG_MEMBERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id }) },
  "tasks.events": { expect: ORG_MEMBERS, input: (f) => ({ boardId: f.board.id }) },

  "comments.list": { expect: ORG_MEMBERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id }) },
  "comments.create": { expect: BOARD_WRITERS, input: (f) => ({ boardId: f.board.id, taskId: f.task.id, body: "Looks good" }) },
  // Authors change their own comments: the comment is the caller's own.
  "comments.update": { expect: BOARD_WRITERS, input: async (f, db, self) => ({ boardId: f.board.id, commentId: await commentBy(db, f, self), body: "Edited" }) },
  "comments.delete": { expect: BOARD_WRITERS, input: async (f, db, self) => ({ boardId: f.board.id, commentId: await commentBy(db, f, self) }) },

  "tags.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "tags.create": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id, name: `tag ${unique()}` }) },
  "tags.update": { expect: ORG_MEMBERS, input: async (f, db) => ({ orgId: f.org.id, tagId: await tag(db, f), color: "#112233" }) },
  "tags.delete": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, tagId: await tag(db, f) }) },

  "customFields.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "customFields.create": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, key: "estimate", label: "Estimate", type: "number" }) },
  "customFields.update": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, fieldId: await field(db, f), label: "Renamed" }) },
  "customFields.delete": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, fieldId: await field(db, f) }) },
  "customFields.setOnBoard": { expect: ORG_ADMINS, input: async (f, db) => ({ boardId: f.board.id, fieldId: await field(db, f), enabled: true }) },

  "activity.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "activity.events": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "dashboard.get": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },

  "gateways.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "gateways.get": { expect: ORG_MEMBERS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f) }) },
  "gateways.create": { expect: ORG_ADMINS, input: (f) => ({ orgId: f.org.id, name: "Gateway", url: UNREACHABLE_GATEWAY, token: "gateway-token" }) },
  "gateways.update": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f), name: "Renamed gateway" }) },
  "gateways.delete": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f) }) },
  "gateways.reconnect": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f) }) },
  "gateways.sessions": { expect: GATEWAY_CALLERS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f) }) },
  "gateways.chatHistory": { expect: GATEWAY_CALLERS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f), sessionKey: "agent:main:main" }) },
  "gateways.sendChat": { expect: GATEWAY_CALLERS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f), sessionKey: "agent:main:main", message: "hello" }) },
  "gateways.events": { expect: ORG_MEMBERS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f) }) },

  "agents.list": { expect: ORG_MEMBERS, input: (f) => ({ orgId: f.org.id }) },
  "agents.get": { expect: ORG_MEMBERS, input: async (f, db) => ({ orgId: f.org.id, agentId: (await insertAgent(db, f)).id }) },
  "agents.create": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, name: "Scout", boardId: f.board.id, gatewayId: await gateway(db, f) }) },
  "agents.update": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, agentId: (await insertAgent(db, f)).id, heartbeatIntervalSec: 60 }) },
  "agents.delete": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, agentId: (await insertAgent(db, f)).id }) },
  "agents.retry": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, agentId: (await insertAgent(db, f)).id }) },
  // Authorized callers reach the agent's gateway, which is unreachable in this fixture.
  "agents.files": { expect: GATEWAY_CALLERS, input: async (f, db) => ({ orgId: f.org.id, agentId: (await insertAgent(db, f, await gateway(db, f))).id }) },
  // A gateway without agents: nothing to call on it, the sync itself is recorded.
  "agents.templateSync": { expect: ORG_ADMINS, input: async (f, db) => ({ orgId: f.org.id, gatewayId: await gateway(db, f), templates: { soul: "" }, dryRun: true }) },

  "agent.heartbeat": { expect: AGENT_ONLY, input: () => ({ status: "working", message: "on it" }) },
  "agent.tasks": { expect: AGENT_ONLY, input: () => ({}) },
  "agent.moveTask": { expect: AGENT_ONLY, input: (f) => ({ taskId: f.task.id, status: "in_progress" }) },
  "agent.comment": { expect: AGENT_ONLY, input: (f) => ({ taskId: f.task.id, body: "Picked this up" }) },
  "agent.requestApproval": { expect: AGENT_ONLY, input: (f) => ({ taskId: f.task.id, title: "Deploy to production", details: "All checks green" }) },
};

/** An agent on the fixture board (inserted directly: provisioning is not under test here). */
async function insertAgent(db: Db, f: Fixture, gatewayId: string | null = null) {
  const id = newId();
  const token = newAgentTokenParts();
  await db.agent.create({
    data: { id, orgId: f.org.id, boardId: f.board.id, gatewayId, gatewayAgentId: gatewayId ? `mc-agent-${id.slice(-6)}` : null, name: `Agent ${unique()}`, status: "online", provisionStep: "done", tokenLookupId: token.lookupId, tokenSecretHash: token.secretHash },
  });
  return { id, token: token.token };
}

/** Nothing listens on the discard port: connecting fails at once with ECONNREFUSED. */
const UNREACHABLE_GATEWAY = "ws://127.0.0.1:9";

async function gateway(db: Db, f: Fixture): Promise<string> {
  return (await (await ownerOf(db, f)).gateways.create({ orgId: f.org.id, name: `Gateway ${unique()}`, url: UNREACHABLE_GATEWAY, token: "gateway-token" })).id;
}

async function boardGroup(db: Db, f: Fixture): Promise<string> {
  return (await (await ownerOf(db, f)).boardGroups.create({ orgId: f.org.id, name: `Group ${unique()}` })).id;
}

async function secondTask(db: Db, f: Fixture): Promise<string> {
  return (await (await ownerOf(db, f)).tasks.create({ boardId: f.board.id, title: "Second task" })).id;
}

async function tag(db: Db, f: Fixture): Promise<string> {
  return (await (await ownerOf(db, f)).tags.create({ orgId: f.org.id, name: `tag ${unique()}` })).id;
}

async function field(db: Db, f: Fixture): Promise<string> {
  return (await (await ownerOf(db, f)).customFields.create({ orgId: f.org.id, key: `f_${unique().toLowerCase()}`, label: "Field", type: "text" })).id;
}

/** A comment on the fixture task written by `author` (inserted directly: limited members cannot comment). */
async function commentBy(db: Db, f: Fixture, author: UserRef): Promise<string> {
  const id = newId();
  await db.comment.create({ data: { id, orgId: f.org.id, taskId: f.task.id, authorKind: "user", authorId: author.id, authorName: author.name, body: "Original" } });
  return id;
}

async function extraMember(db: Db, f: Fixture) {
  const user = await insertUser(db, "extra");
  await db.membership.create({ data: { id: newId(), orgId: f.org.id, userId: user.id, role: "member" } });
  return user;
}

async function thirdOrgInvitation(db: Db): Promise<string> {
  const owner = await insertUser(db, "third");
  const org = await insertOrg(db, [{ user: owner, role: "owner" }], "third");
  return (await (await asUser(db, owner.id)).invitations.create({ orgId: org.id })).token;
}

async function contextFor(db: Db, f: Fixture, who: Who): Promise<Context> {
  const requestId = `matrix-${newId()}`;
  switch (who) {
    case "anonymous":
      return { ...(await anonContext(db)), requestId };
    case "outsider":
      return userContext(db, f.outsider.id, requestId);
    case "member":
      return userContext(db, f.member.id, requestId);
    case "limitedMember":
      return userContext(db, f.limited.id, requestId);
    case "admin":
      return userContext(db, f.admin.id, requestId);
    case "owner":
      return userContext(db, f.owner.id, requestId);
    case "memberToken":
      return tokenContext(db, (await createToken(db, f, "member")).token, requestId);
    case "adminToken":
      return tokenContext(db, (await createToken(db, f, "admin")).token, requestId);
    case "agent":
      return tokenContext(db, (await insertAgent(db, f)).token, requestId);
  }
}

type Procedure = (input: unknown) => Promise<unknown>;

function procedureAt(caller: unknown, path: string): Procedure {
  return path.split(".").reduce((node, key) => (node as Record<string, unknown>)[key], caller) as Procedure;
}

const procedureType = (path: string): string => (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]._def.type;

const ALL_PATHS = Object.keys(appRouter._def.procedures).sort();

describe("authorization matrix", () => {
  it("has a row for every procedure of the app router, and no row for a procedure that does not exist", () => {
    const missing = ALL_PATHS.filter((p) => !(p in MATRIX));
    const stale = Object.keys(MATRIX).filter((p) => !ALL_PATHS.includes(p));
    expect(missing, "procedures without a row in src/test/authz-matrix.test.ts").toEqual([]);
    expect(stale, "rows for procedures that no longer exist").toEqual([]);
  });

  it("every row gives an outcome for every caller", () => {
    for (const [path, entry] of Object.entries(MATRIX)) expect(Object.keys(entry.expect).sort(), path).toEqual([...CALLERS].sort());
  });

  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb("sqlite");
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const cells = Object.entries(MATRIX).flatMap(([path, entry]) => CALLERS.map((who) => [path, who, entry.expect[who]] as const));

  it.each(cells)("%s as %s → %s", async (path, who, expected) => {
    const { db } = testDb;
    const f = await createFixture(db);
    const input = await MATRIX[path].input(f, db, selfOf(f, who));
    const ctx = await contextFor(db, f, who);
    const type = procedureType(path);

    let outcome: string;
    try {
      const result = await procedureAt(createCaller(ctx), path)(input);
      if (type === "subscription") {
        // Authorized: the stream opened. Close it so it stops listening.
        const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
        await iterator.return?.();
      }
      outcome = "ok";
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      outcome = error.code;
    }
    expect(outcome).toBe(expected);

    const written = await db.activityEvent.count({ where: { requestId: ctx.requestId } });
    expect(written, "activity rows written by this call").toBe(type === "mutation" && outcome === "ok" ? 1 : 0);
  });
});
