import { router } from "../trpc";
import { meRouter, setupRouter } from "./account";
import { apiTokensRouter, invitationsRouter, membersRouter, orgsRouter } from "./orgs";
import { boardsRouter } from "./boards";
import { tasksRouter } from "./tasks";
import { activityRouter } from "./activity";

export const appRouter = router({
  setup: setupRouter,
  me: meRouter,
  orgs: orgsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiTokens: apiTokensRouter,
  boards: boardsRouter,
  tasks: tasksRouter,
  activity: activityRouter,
});

// One rule for every REST operation: its operationId is its tRPC path (`tasks.create`).
for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
  const openapi = (procedure as unknown as { _def: { meta?: { openapi?: { operationId?: string } } } })._def.meta?.openapi;
  if (openapi) openapi.operationId = path;
}

export type AppRouter = typeof appRouter;
