// Helpers for the work-orchestration suites (boards, tasks, tags, fields, dashboard): boards
// with specific rules, approval rows, and snapshots that prove a refused call changed nothing.
import { newId } from "@/lib/ids";
import type { BoardRulesValue } from "@/lib/schemas/boards";
import type { Db } from "@/server/db/client";
import { asUser, type Caller } from "./context";
import { NO_RULES, type Fixture } from "./fixtures";

/** A new board in the fixture's org with NO_RULES overridden by `rules`, made by the owner. */
export async function boardWithRules(db: Db, f: Fixture, rules: Partial<BoardRulesValue>, name = "Ruled") {
  const owner = await asUser(db, f.owner.id);
  return owner.boards.create({ orgId: f.org.id, name: `${name} ${newId().slice(-6)}`, rules: { ...NO_RULES, ...rules } });
}

/** Approval rows are written by the approvals feature; these suites only need them to exist. */
export async function insertApproval(db: Db, f: Fixture, boardId: string, taskId: string, status: "pending" | "approved" | "rejected") {
  return db.approval.create({
    data: { id: newId(), orgId: f.org.id, boardId, taskId, title: `Ship it (${status})`, status, requestedByKind: "user", requestedById: f.owner.id },
  });
}

/** One task's row and everything written about it, to prove a refused call left no trace. */
export async function taskTrace(db: Db, taskId: string) {
  const [task, activity, comments] = await Promise.all([
    db.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, position: true, completedAt: true, updatedAt: true } }),
    db.activityEvent.count({ where: { targetId: taskId } }),
    db.comment.count({ where: { taskId } }),
  ]);
  return { task, activity, comments };
}

/** Activity actions recorded for a target, oldest first. */
export async function actionsFor(db: Db, targetId: string): Promise<string[]> {
  const rows = await db.activityEvent.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } });
  return rows.map((r) => r.action);
}

/** The parsed diff of the only activity row with `action` for `targetId` (fails if not exactly one). */
export async function onlyDiff(db: Db, targetId: string, action: string) {
  const rows = await db.activityEvent.findMany({ where: { targetId, action } });
  if (rows.length !== 1) throw new Error(`expected one ${action} row for ${targetId}, found ${rows.length}`);
  return JSON.parse(rows[0].diff) as Record<string, { before: unknown; after: unknown }>;
}

/** Every page of tasks.list for `query`, following nextCursor (guarded against loops). */
export async function allPages(caller: Caller, query: Parameters<Caller["tasks"]["list"]>[0]) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await caller.tasks.list({ ...query, cursor });
    ids.push(...page.items.map((t) => t.id));
    cursor = page.nextCursor ?? undefined;
    if (++pages > 100) throw new Error("pagination did not end");
  } while (cursor);
  return { ids, pages };
}
