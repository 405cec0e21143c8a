// Test data: an organization with an owner, an admin and a member, a board with a task, and an
// outsider who belongs to another organization. Rows that are not under test are inserted
// directly; the board, task and tokens go through the real services.
import { newId } from "@/lib/ids";
import type { Role } from "@/lib/roles";
import type { Db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/passwords";
import { asUser } from "./context";
import { randomSuffix } from "./db";

export const PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | null = null;
const hashed = () => (passwordHash ??= hashPassword(PASSWORD));

export interface UserRef {
  id: string;
  email: string;
  name: string;
}

export interface OrgRef {
  id: string;
  slug: string;
  name: string;
}

export async function insertUser(db: Db, label = "user"): Promise<UserRef> {
  const suffix = randomSuffix();
  const user = { id: newId(), email: `${label}-${suffix}@example.test`, name: `${label} ${suffix}` };
  await db.user.create({ data: { ...user, passwordHash: await hashed() } });
  return user;
}

export async function insertOrg(db: Db, members: { user: UserRef; role: Role }[], label = "org"): Promise<OrgRef> {
  const suffix = randomSuffix();
  const org = { id: newId(), slug: `${label}-${suffix}`, name: `${label} ${suffix}` };
  await db.organization.create({ data: org });
  for (const { user, role } of members) await db.membership.create({ data: { id: newId(), orgId: org.id, userId: user.id, role } });
  return org;
}

/** Fixture boards let tasks move freely; the board-rule tests turn rules on explicitly. */
export const NO_RULES = { approvalForDone: false, reviewBeforeDone: false, commentForReview: false, blockWhilePending: false, leadAgentOnlyStatus: false };

export interface Fixture {
  org: OrgRef;
  owner: UserRef;
  admin: UserRef;
  member: UserRef;
  /** A member limited to some boards (allBoards = false) with read access to `board` only. */
  limited: UserRef;
  board: { id: string; name: string };
  task: { id: string; title: string };
  outsider: UserRef;
  outsiderOrg: OrgRef;
  outsiderBoard: { id: string };
  outsiderTask: { id: string };
}

export async function createFixture(db: Db): Promise<Fixture> {
  const [owner, admin, member, limited, outsider] = await Promise.all([
    insertUser(db, "owner"),
    insertUser(db, "admin"),
    insertUser(db, "member"),
    insertUser(db, "limited"),
    insertUser(db, "outsider"),
  ]);
  const org = await insertOrg(db, [
    { user: owner, role: "owner" },
    { user: admin, role: "admin" },
    { user: member, role: "member" },
    { user: limited, role: "member" },
  ]);
  const outsiderOrg = await insertOrg(db, [{ user: outsider, role: "owner" }], "other");
  const ownerCaller = await asUser(db, owner.id);
  const board = await ownerCaller.boards.create({ orgId: org.id, name: "Ops", rules: NO_RULES });
  const task = await ownerCaller.tasks.create({ boardId: board.id, title: "First task" });
  await db.membership.update({ where: { orgId_userId: { orgId: org.id, userId: limited.id } }, data: { allBoards: false } });
  await db.boardAccess.create({ data: { id: newId(), boardId: board.id, userId: limited.id, level: "read" } });
  const outsiderCaller = await asUser(db, outsider.id);
  const outsiderBoard = await outsiderCaller.boards.create({ orgId: outsiderOrg.id, name: "Theirs", rules: NO_RULES });
  const outsiderTask = await outsiderCaller.tasks.create({ boardId: outsiderBoard.id, title: "Their task" });
  return { org, owner, admin, member, limited, board, task, outsider, outsiderOrg, outsiderBoard, outsiderTask };
}

/** A real API token made through apiTokens.create by `creator` (default: the owner). */
export async function createToken(db: Db, fixture: Fixture, role: Role, creator: UserRef = fixture.owner, opts: { expiresInDays?: number } = {}) {
  const caller = await asUser(db, creator.id);
  return caller.apiTokens.create({ orgId: fixture.org.id, name: `${role} token`, role, ...opts });
}

/** Row counts of every model, to prove a refused call wrote nothing. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const models = [
    "user", "organization", "membership", "invitation", "apiToken", "board", "boardGroup", "boardAccess", "task", "taskDependency",
    "comment", "tag", "taskTag", "customFieldDef", "boardCustomField", "taskFieldValue", "approval", "agent", "activityEvent",
  ] as const;
  const counts = await Promise.all(models.map((m) => (db[m] as unknown as { count: () => Promise<number> }).count()));
  return Object.fromEntries(models.map((m, i) => [m, counts[i]]));
}
