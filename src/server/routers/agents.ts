import { z } from "zod";
import { agentProcedure, orgProcedure, router } from "../trpc";
import * as A from "@/lib/schemas/agents";
import { CommentOutput, TaskListOutput, TaskOutput } from "@/lib/schemas/tasks";
import { OkOutput } from "@/lib/schemas/common";
import * as agents from "../services/agents/agents";
import * as agentApi from "../services/agents/agent-api";
import { templateSync } from "../services/agents/template-sync";

export const agentsRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/agents", tags: ["agents"], summary: "Agents with their derived status (online/offline from their own heartbeat interval)" } })
    .input(A.AgentListInput)
    .output(z.array(A.AgentOutput))
    .query(({ ctx, input }) => agents.listAgents(ctx, input)),
  get: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/agents/{agentId}", tags: ["agents"] } })
    .input(A.AgentGetInput)
    .output(A.AgentOutput)
    .query(({ ctx, input }) => agents.getAgent(ctx, input)),
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/agents", tags: ["agents"], summary: "Create an agent; provisioning on its gateway runs in the background (watch agent.* events)" } })
    .input(A.AgentCreateInput)
    .output(A.AgentOutput)
    .mutation(({ ctx, input }) => agents.createAgent(ctx, input)),
  update: orgProcedure("admin")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}/agents/{agentId}", tags: ["agents"], summary: "Edit an agent; its workspace files are rewritten when templates or names change" } })
    .input(A.AgentUpdateInput)
    .output(A.AgentOutput)
    .mutation(({ ctx, input }) => agents.updateAgent(ctx, input)),
  delete: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/agents/{agentId}", tags: ["agents"], summary: "Revoke the agent's token at once, then delete it (and its files) on the gateway" } })
    .input(A.AgentDeleteInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => agents.deleteAgent(ctx, input)),
  retry: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/agents/{agentId}/retry", tags: ["agents"], summary: "Reprovision now instead of waiting for the next retry" } })
    .input(A.AgentRetryInput)
    .output(A.AgentOutput)
    .mutation(({ ctx, input }) => agents.retryAgent(ctx, input)),
  files: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/agents/{agentId}/files", tags: ["agents"], summary: "The agent's workspace files, read from its gateway" } })
    .input(A.AgentFilesInput)
    .output(A.AgentFilesOutput)
    .query(({ ctx, input }) => agents.agentFiles(ctx, input)),
  templateSync: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/gateways/{gatewayId}/template-sync", tags: ["agents"], summary: "Sync SOUL.md / IDENTITY.md / TOOLS.md templates to a gateway's agents (dry run: diffs), optionally rotating tokens" } })
    .input(A.TemplateSyncInput)
    .output(A.TemplateSyncOutput)
    .mutation(({ ctx, input }) => templateSync(ctx, input)),
});

/** The agent API: called by agents with their own token (`Authorization: Bearer mca_…`). */
export const agentApiRouter = router({
  heartbeat: agentProcedure
    .meta({ openapi: { method: "POST", path: "/agent/heartbeat", tags: ["agent"], summary: "Report that the agent is alive and what it is doing" } })
    .input(A.HeartbeatInput)
    .output(A.HeartbeatOutput)
    .mutation(({ ctx, input }) => agentApi.heartbeat(ctx, input)),
  tasks: agentProcedure
    .meta({ openapi: { method: "GET", path: "/agent/tasks", tags: ["agent"], summary: "The tasks of the agent's board" } })
    .input(A.AgentTasksInput)
    .output(TaskListOutput)
    .query(({ ctx, input }) => agentApi.agentTasks(ctx, input)),
  moveTask: agentProcedure
    .meta({ openapi: { method: "POST", path: "/agent/tasks/{taskId}/move", tags: ["agent"], summary: "Change a task's status (the board's rules apply)" } })
    .input(A.AgentMoveTaskInput)
    .output(TaskOutput)
    .mutation(({ ctx, input }) => agentApi.agentMoveTask(ctx, input)),
  comment: agentProcedure
    .meta({ openapi: { method: "POST", path: "/agent/tasks/{taskId}/comments", tags: ["agent"], summary: "Comment on a task of the agent's board" } })
    .input(A.AgentCommentInput)
    .output(CommentOutput)
    .mutation(({ ctx, input }) => agentApi.agentComment(ctx, input)),
  requestApproval: agentProcedure
    .meta({ openapi: { method: "POST", path: "/agent/approvals", tags: ["agent"], summary: "Ask a human to approve something (stored as pending)" } })
    .input(A.ApprovalRequestInput)
    .output(A.ApprovalOutput)
    .mutation(({ ctx, input }) => agentApi.requestApproval(ctx, input)),
});
