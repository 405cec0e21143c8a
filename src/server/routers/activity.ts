import { orgProcedure, router } from "../trpc";
import * as S from "@/lib/schemas/activity";
import { DashboardInput, DashboardOutput, OrgEventsInput } from "@/lib/schemas/dashboard";
import { listActivity } from "../services/activity/list-activity";
import { dashboardSummary } from "../services/dashboard/dashboard";
import { streamEvents } from "../events/stream";

export const activityRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/activity", tags: ["activity"], summary: "The audit timeline, newest first" } })
    .input(S.ActivityListInput)
    .output(S.ActivityListOutput)
    .query(({ ctx, input }) => listActivity(ctx, input)),
  /**
   * Every change in the org the caller may see, live over SSE (dashboard, boards list, agents).
   * Raw gateway traffic (chat deltas, health) stays on gateways.events: it is not a change here.
   */
  events: orgProcedure("member")
    .input(OrgEventsInput)
    .subscription(({ ctx, input, signal }) => {
      const visible = ctx.boardFilter.id ? new Set(ctx.boardFilter.id.in) : null;
      return streamEvents({
        match: (e) => e.orgId === ctx.org.id && e.type !== "gateway.event" && (!visible || e.boardId === null || visible.has(e.boardId)),
        lastEventId: input.lastEventId,
        signal,
      });
    }),
});

export const dashboardRouter = router({
  get: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/dashboard", tags: ["dashboard"], summary: "Tasks by status, overdue tasks, completions per day, recent activity" } })
    .input(DashboardInput)
    .output(DashboardOutput)
    .query(({ ctx, input }) => dashboardSummary(ctx, input)),
});
