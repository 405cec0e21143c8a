import { z } from "zod";
import { Id, Name, OrgRefInput } from "./common";
import { TaskListInput, TaskStatus } from "./tasks";

export const AGENT_ROLES = ["lead", "worker"] as const;
export const AgentRole = z.enum(AGENT_ROLES);
export const AGENT_STATUSES = ["provisioning", "online", "offline", "error", "deleting"] as const;
export const AgentStatus = z.enum(AGENT_STATUSES);

const Template = z.string().max(50_000);
const Interval = z.coerce.number().int().min(30, "At least 30 seconds").max(86_400, "At most a day");

export const AgentOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  role: AgentRole,
  boardId: z.string().nullable(),
  boardName: z.string().nullable(),
  gatewayId: z.string().nullable(),
  gatewayName: z.string().nullable(),
  gatewayAgentId: z.string().nullable(),
  /** Derived on read: provisioning | online | offline | error | deleting. */
  status: AgentStatus,
  provisionStep: z.string().nullable(),
  provisionStepLabel: z.string().nullable(),
  lastError: z.string().nullable(),
  attempts: z.number(),
  nextRetryAt: z.date().nullable(),
  lastHeartbeatAt: z.date().nullable(),
  heartbeatStatus: z.string().nullable(),
  heartbeatMessage: z.string().nullable(),
  heartbeatIntervalSec: z.number(),
  /** When a silent agent turns offline (2× its own interval after its last sign of life). */
  offlineAt: z.date().nullable(),
  soulTemplate: z.string(),
  identityTemplate: z.string(),
  tokenRotatedAt: z.date().nullable(),
  filesSyncedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AgentView = z.infer<typeof AgentOutput>;

export const AgentListInput = z.strictObject({ orgId: OrgRefInput, gatewayId: Id.optional(), boardId: Id.optional() });
export const AgentGetInput = z.strictObject({ orgId: OrgRefInput, agentId: Id });
export const AgentCreateInput = z.strictObject({
  orgId: OrgRefInput,
  name: Name,
  boardId: Id,
  role: AgentRole.default("worker"),
  gatewayId: Id,
  soulTemplate: Template.default("").describe("SOUL.md template ({{name}}, {{role}}, {{board}}); empty: the default"),
  identityTemplate: Template.default("").describe("IDENTITY.md template; empty: the default"),
  heartbeatIntervalSec: Interval.default(300),
});
export const AgentUpdateInput = z.strictObject({
  orgId: OrgRefInput,
  agentId: Id,
  name: Name.optional(),
  boardId: Id.optional(),
  role: AgentRole.optional(),
  soulTemplate: Template.optional(),
  identityTemplate: Template.optional(),
  heartbeatIntervalSec: Interval.optional(),
});
export const AgentDeleteInput = z.strictObject({ orgId: OrgRefInput, agentId: Id });
export const AgentRetryInput = z.strictObject({ orgId: OrgRefInput, agentId: Id });
export const AgentFilesInput = z.strictObject({ orgId: OrgRefInput, agentId: Id, name: z.string().max(100).optional().describe("Also return this file's content") });
export const AgentFilesOutput = z.object({
  files: z.array(z.object({ name: z.string(), size: z.number().nullable(), missing: z.boolean() })),
  file: z.object({ name: z.string(), content: z.string() }).nullable(),
});

export const TemplateSyncInput = z.strictObject({
  orgId: OrgRefInput,
  gatewayId: Id,
  agentIds: z.array(Id).max(500).optional().describe("Default: every agent of the gateway"),
  templates: z
    .strictObject({
      soul: Template.optional().describe("SOUL.md template; empty string: each agent's own stored template"),
      identity: Template.optional().describe("IDENTITY.md template; empty string: each agent's own stored template"),
      tools: Template.optional().describe("TOOLS.md content (the gateway refuses TOOLS.md: it goes into AGENTS.md's Mission Control section)"),
    })
    .default({}),
  dryRun: z.boolean().default(false),
  rotateTokens: z.boolean().default(false),
});
export const SYNC_FILE_STATUSES = ["written", "unchanged", "refused", "delivered_via_agents_md", "would_write"] as const;
export const TemplateSyncFile = z.object({ name: z.string(), status: z.enum(SYNC_FILE_STATUSES), diff: z.string().optional(), note: z.string().optional() });
export const TemplateSyncResult = z.object({
  agentId: z.string(),
  agentName: z.string(),
  outcome: z.enum(["synced", "planned", "skipped", "failed"]).describe("planned: a dry run's result (nothing written)"),
  files: z.array(TemplateSyncFile),
  tokenRotated: z.boolean(),
  error: z.string().optional(),
});
export const TemplateSyncOutput = z.object({ dryRun: z.boolean(), results: z.array(TemplateSyncResult) });
export type TemplateSyncResultView = z.infer<typeof TemplateSyncResult>;

// The agent API (agent token): its own heartbeat, its board's tasks, comments, approvals.
export const HeartbeatInput = z.strictObject({
  status: z.string().trim().min(1).max(40).default("working").describe('What the agent is doing, e.g. "working", "idle", "blocked"'),
  message: z.string().trim().max(2_000).default(""),
});
export const HeartbeatOutput = z.object({ ok: z.literal(true), status: AgentStatus, nextHeartbeatDueAt: z.date() });
export const AgentTasksInput = TaskListInput.omit({ boardId: true });
export const AgentMoveTaskInput = z.strictObject({
  taskId: Id,
  status: TaskStatus,
  afterTaskId: Id.nullable().optional(),
  comment: z.string().trim().min(1).max(20_000).optional(),
});
export const AgentCommentInput = z.strictObject({ taskId: Id, body: z.string().trim().min(1, "Write something").max(20_000) });
export const ApprovalRequestInput = z.strictObject({ taskId: Id.optional(), title: z.string().trim().min(1).max(200), details: z.string().max(20_000).default("") });
export const ApprovalOutput = z.object({
  id: z.string(),
  boardId: z.string(),
  taskId: z.string().nullable(),
  title: z.string(),
  details: z.string(),
  status: z.string(),
  requestedByKind: z.string(),
  requestedById: z.string().nullable(),
  createdAt: z.date(),
});
