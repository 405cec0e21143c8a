import { router } from "../trpc";
import { meRouter, setupRouter } from "./account";
import { apiTokensRouter, invitationsRouter, membersRouter, orgsRouter } from "./orgs";
import { boardAccessRouter, boardGroupsRouter, boardsRouter } from "./boards";
import { commentsRouter, tasksRouter } from "./tasks";
import { customFieldsRouter, tagsRouter } from "./tags";
import { activityRouter, dashboardRouter } from "./activity";
import { agentApiRouter, agentsRouter } from "./agents";
import { gatewaysRouter } from "./gateways";

export const appRouter = router({
  setup: setupRouter,
  me: meRouter,
  orgs: orgsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiTokens: apiTokensRouter,
  boards: boardsRouter,
  boardGroups: boardGroupsRouter,
  boardAccess: boardAccessRouter,
  tasks: tasksRouter,
  comments: commentsRouter,
  tags: tagsRouter,
  customFields: customFieldsRouter,
  activity: activityRouter,
  dashboard: dashboardRouter,
  agents: agentsRouter,
  agent: agentApiRouter,
  gateways: gatewaysRouter,
});

// One rule for every REST operation: its operationId is its tRPC path (`tasks.create`).
for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
  const openapi = (procedure as unknown as { _def: { meta?: { openapi?: { operationId?: string } } } })._def.meta?.openapi;
  if (openapi) openapi.operationId = path;
}

export type AppRouter = typeof appRouter;
