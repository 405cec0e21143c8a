import { z } from "zod";
import { Id, OrgRefInput, PageInput } from "./common";

export const ActivityOutput = z.object({
  id: z.string(),
  boardId: z.string().nullable(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  summary: z.string(),
  diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.date(),
});
export const ActivityListInput = z.strictObject({ orgId: OrgRefInput, boardId: Id.optional(), ...PageInput });
export const ActivityListOutput = z.object({ items: z.array(ActivityOutput), nextCursor: z.string().nullable() });
