// The one path every mutation takes: write rows and their activity rows in one transaction,
// then publish the events after commit (a rolled-back change publishes nothing).
import type { Context } from "../context";
import type { Tx } from "../db/client";
import { eventBus, type DomainEvent } from "../events/bus";
import { newId } from "@/lib/ids";

type Fields = Record<string, unknown>;

export interface ActivityInput {
  orgId: string;
  boardId?: string | null;
  /** `domain.verb`, e.g. `task.moved`. Also the event type. */
  action: string;
  targetType: string;
  targetId: string;
  /** A short human sentence for the timeline, e.g. `Moved "Fix login" to review`. */
  summary: string;
  before?: Fields | null;
  after?: Fields | null;
  reason?: string | null;
  /** What subscribers receive; defaults to `after`. */
  payload?: unknown;
}

export type RecordActivity = (activity: ActivityInput) => Promise<void>;

export function actorOf(ctx: Pick<Context, "actor">): { kind: string; id: string | null; name: string | null } {
  const actor = ctx.actor;
  if (!actor) return { kind: "system", id: null, name: "system" };
  switch (actor.kind) {
    case "user":
      return { kind: "user", id: actor.userId, name: actor.name };
    case "api_token":
      return { kind: "api_token", id: actor.tokenId, name: actor.name };
    case "agent":
      return { kind: "agent", id: actor.agentId, name: actor.name };
    case "system":
      return { kind: "system", id: null, name: actor.name };
  }
}

const normalize = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/** `{field: {before, after}}` for the fields that changed (all of `after` on create). */
export function diffFields(before: Fields | null | undefined, after: Fields | null | undefined): Record<string, { before: unknown; after: unknown }> {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const b = normalize(before?.[key]);
    const a = normalize(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) diff[key] = { before: b ?? null, after: a ?? null };
  }
  return diff;
}

export async function commit<T>(ctx: Context, work: (tx: Tx, record: RecordActivity) => Promise<T>): Promise<T> {
  const pending: DomainEvent[] = [];
  const actor = actorOf(ctx);
  const result = await ctx.db.$transaction(async (tx) =>
    work(tx, async (activity) => {
      const row = await tx.activityEvent.create({
        data: {
          id: newId(),
          orgId: activity.orgId,
          boardId: activity.boardId ?? null,
          actorKind: actor.kind,
          actorId: actor.id,
          actorName: actor.name,
          action: activity.action,
          targetType: activity.targetType,
          targetId: activity.targetId,
          summary: activity.summary,
          diff: JSON.stringify(diffFields(activity.before, activity.after)),
          reason: activity.reason ?? null,
          requestId: ctx.requestId,
          ip: ctx.ip,
        },
      });
      pending.push({
        id: row.id,
        orgId: row.orgId,
        boardId: row.boardId,
        type: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        payload: activity.payload ?? activity.after ?? null,
        at: row.createdAt,
      });
    }),
  );
  for (const event of pending) eventBus.publish(event);
  return result;
}
