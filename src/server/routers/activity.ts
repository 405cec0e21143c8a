import { orgProcedure, router } from "../trpc";
import * as S from "@/lib/schemas/activity";
import { listActivity } from "../services/activity/list-activity";

export const activityRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/activity", tags: ["activity"], summary: "The audit timeline, newest first" } })
    .input(S.ActivityListInput)
    .output(S.ActivityListOutput)
    .query(({ ctx, input }) => listActivity(ctx, input)),
});
