// The agent API: what an agent may do with its own token. Task work goes through the same task
// services operators use, so board rules (approvals, review, lead-agent-only status) apply.
import { TRPCError } from "@trpc/server";
import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { TaskListQuery, TaskStatusValue } from "@/lib/schemas/tasks";
import type { BoardRow } from "../boards/board-view";
import type { BoardCtx } from "../tasks/task-view";
import { commit } from "../commit";
import { eventBus } from "../../events/bus";
import { newId } from "@/lib/ids";
import { notFound } from "../../errors";
import { listTasks } from "../tasks/list-tasks";
import { moveTask } from "../tasks/move-task";
import { createComment } from "../tasks/comments";
import { deriveStatus } from "./status";

type AgentRow = { id: string; orgId: string; boardId: string | null; name: string; status: string; heartbeatIntervalSec: number; lastHeartbeatAt: Date | null; filesSyncedAt: Date | null; heartbeatStatus: string | null };
export type AgentCtx = Context & { org: OrgRef; role: Role; agent: AgentRow; board: BoardRow | null };

function boardCtx(ctx: AgentCtx): BoardCtx {
  if (!ctx.board) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This agent is not assigned to a board; ask an operator to assign one" });
  return { ...ctx, board: ctx.board };
}

/** Records a sign of life. An activity row only when something an operator cares about changed. */
export async function heartbeat(ctx: AgentCtx, input: { status: string; message: string }) {
  const now = new Date();
  const before = ctx.agent;
  const wasStatus = deriveStatus(before, now);
  const data = { lastHeartbeatAt: now, heartbeatStatus: input.status, heartbeatMessage: input.message, ...(before.status === "offline" ? { status: "online" } : {}) };
  const after = { ...before, ...data };
  const isStatus = deriveStatus(after, now);
  const notable = !before.lastHeartbeatAt || wasStatus !== isStatus || before.heartbeatStatus !== input.status;
  const payload = { agentId: before.id, status: isStatus, heartbeatStatus: input.status, heartbeatMessage: input.message, lastHeartbeatAt: now };
  if (notable) {
    await commit(ctx, async (tx, record) => {
      await tx.agent.update({ where: { id: before.id }, data });
      await record({ orgId: before.orgId, boardId: before.boardId, action: "agent.heartbeat", targetType: "agent", targetId: before.id, summary: `${before.name} is ${input.status}${input.message ? `: ${input.message.slice(0, 120)}` : ""}`, before: { heartbeatStatus: before.heartbeatStatus, status: wasStatus }, after: { heartbeatStatus: input.status, status: isStatus }, payload });
    });
  } else {
    await ctx.db.agent.update({ where: { id: before.id }, data });
    eventBus.publish({ id: newId(), orgId: before.orgId, boardId: before.boardId, type: "agent.heartbeat", targetType: "agent", targetId: before.id, payload, at: now });
  }
  return { ok: true as const, status: isStatus, nextHeartbeatDueAt: new Date(now.getTime() + before.heartbeatIntervalSec * 1000) };
}

export const agentTasks = (ctx: AgentCtx, input: Omit<TaskListQuery, "boardId">) => listTasks(boardCtx(ctx), input);

export const agentMoveTask = (ctx: AgentCtx, input: { taskId: string; status: TaskStatusValue; afterTaskId?: string | null; comment?: string }) => moveTask(boardCtx(ctx), input);

export const agentComment = (ctx: AgentCtx, input: { taskId: string; body: string }) => createComment(boardCtx(ctx), input);

/** Stored as pending now; the governance issue adds who resolves it and what follows. */
export async function requestApproval(ctx: AgentCtx, input: { taskId?: string; title: string; details: string }) {
  const board = boardCtx(ctx).board;
  return commit(ctx, async (tx, record) => {
    if (input.taskId && !(await tx.task.findFirst({ where: { id: input.taskId, boardId: board.id }, select: { id: true } }))) throw notFound("Task");
    const approval = await tx.approval.create({
      data: { id: newId(), orgId: ctx.org.id, boardId: board.id, taskId: input.taskId ?? null, title: input.title, details: input.details, status: "pending", requestedByKind: "agent", requestedById: ctx.agent.id },
    });
    const view = { id: approval.id, boardId: approval.boardId, taskId: approval.taskId, title: approval.title, details: approval.details, status: approval.status, requestedByKind: approval.requestedByKind, requestedById: approval.requestedById, createdAt: approval.createdAt };
    await record({ orgId: ctx.org.id, boardId: board.id, action: "approval.requested", targetType: "approval", targetId: approval.id, summary: `${ctx.agent.name} asked for approval: ${approval.title}`, after: { title: approval.title, taskId: approval.taskId, status: "pending" }, payload: view });
    return view;
  });
}
