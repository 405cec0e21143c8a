import { z } from "zod";
import { OrgRefInput } from "./common";
import { ActivityOutput } from "./activity";

export const DashboardInput = z.strictObject({ orgId: OrgRefInput, days: z.coerce.number().int().min(7).max(90).default(30) });
export const DashboardOutput = z.object({
  statusCounts: z.record(z.string(), z.number()),
  boardCount: z.number(),
  overdue: z.array(z.object({ id: z.string(), boardId: z.string(), boardName: z.string(), title: z.string(), dueAt: z.date(), status: z.string(), priority: z.string() })),
  overdueCount: z.number(),
  completedPerDay: z.array(z.object({ day: z.string().describe("YYYY-MM-DD (UTC)"), count: z.number() })),
  recentActivity: z.array(ActivityOutput),
});
export const OrgEventsInput = z.object({ orgId: OrgRefInput, lastEventId: z.string().nullish() });
