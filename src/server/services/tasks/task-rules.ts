// The board rules a status change must pass, checked on the server for every caller.
import { TRPCError } from "@trpc/server";
import type { Context } from "../../context";
import type { Tx } from "../../db/client";
import type { BoardRow } from "../boards/board-view";
import { STATUS_LABELS, type TaskStatusValue } from "@/lib/schemas/tasks";

const refuse = (message: string) => new TRPCError({ code: "PRECONDITION_FAILED", message });

export async function assertStatusChangeAllowed(
  tx: Tx,
  ctx: Pick<Context, "actor">,
  board: BoardRow,
  change: { taskId: string | null; from: TaskStatusValue | null; to: TaskStatusValue; hasComment: boolean },
) {
  if (change.from === change.to) return;
  // A new task landing in the inbox is work handed to the board, not a status decision: people
  // must still be able to file tasks on a lead-agent-only board.
  const filedToInbox = change.from === null && change.to === "inbox";
  if (board.ruleLeadAgentOnlyStatus && !filedToInbox) {
    // Agents authenticate with the gateway issue; until then no caller is the lead agent.
    const actor = ctx.actor as { kind: string; agentId?: string } | null;
    if (actor?.kind !== "agent" || !board.leadAgentId || actor.agentId !== board.leadAgentId) {
      throw new TRPCError({ code: "FORBIDDEN", message: "On this board only the lead agent may change a task's status" });
    }
  }
  if (board.ruleBlockWhilePending && change.taskId) {
    const pending = await tx.approval.count({ where: { taskId: change.taskId, status: "pending" } });
    if (pending) throw refuse("An approval for this task is pending: its status cannot change until the approval is resolved");
  }
  if (change.to === "in_progress" && change.taskId) {
    const blockers = await tx.taskDependency.findMany({
      where: { taskId: change.taskId, dependsOn: { status: { not: "done" } } },
      select: { dependsOn: { select: { title: true } } },
    });
    if (blockers.length) {
      const names = blockers.map((b) => `"${b.dependsOn.title}"`).join(", ");
      throw refuse(`Blocked by ${blockers.length} unfinished ${blockers.length === 1 ? "dependency" : "dependencies"}: ${names}. Finish ${blockers.length === 1 ? "it" : "them"} first.`);
    }
  }
  if (change.to === "review" && board.ruleCommentForReview && !change.hasComment) {
    throw refuse("This board requires a comment when moving a task to review: say what to look at");
  }
  if (change.to === "done") {
    if (board.ruleReviewBeforeDone && change.from !== "review") {
      throw refuse(`This board requires review before done: move the task to ${STATUS_LABELS.review} first`);
    }
    if (board.ruleApprovalForDone) {
      const approved = change.taskId ? await tx.approval.count({ where: { taskId: change.taskId, status: "approved" } }) : 0;
      if (!approved) throw refuse("This board requires an approved approval before a task moves to done");
    }
  }
}
