import { z } from "zod";
import { Email, Id, Name, OrgRefInput, Password, RoleSchema, Slug } from "./common";

export const OrgOutput = z.object({ id: z.string(), slug: z.string(), name: z.string(), role: RoleSchema, createdAt: z.date() });
export type Org = z.infer<typeof OrgOutput>;

export const OrgCreateInput = z.strictObject({ name: Name, slug: Slug.optional() });
export const OrgGetInput = z.strictObject({ orgId: OrgRefInput });
export const OrgUpdateInput = z.strictObject({ orgId: OrgRefInput, name: Name });

export const MemberOutput = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  allBoards: z.boolean().describe("False when the member sees only the boards granted to them"),
  joinedAt: z.date(),
});
export const MemberListInput = z.strictObject({ orgId: OrgRefInput });
export const MemberRoleInput = z.strictObject({ orgId: OrgRefInput, userId: Id, role: RoleSchema });
export const MemberRemoveInput = z.strictObject({ orgId: OrgRefInput, userId: Id });

export const InvitationCreateInput = z.strictObject({
  orgId: OrgRefInput,
  role: RoleSchema.default("member"),
  email: Email.optional(),
  expiresInHours: z.number().int().min(1).max(24 * 30).default(72),
});
export const InvitationOutput = z.object({
  id: z.string(),
  role: RoleSchema,
  email: z.string().nullable(),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});
export const InvitationCreatedOutput = InvitationOutput.extend({
  token: z.string().describe("Shown once. The invite link is /invite/<token>."),
});
export const InvitationListInput = z.strictObject({ orgId: OrgRefInput });
export const InvitationRevokeInput = z.strictObject({ orgId: OrgRefInput, invitationId: Id });
export const InviteToken = z.string().min(20).max(100);
export const InvitationPreviewInput = z.strictObject({ token: InviteToken });
export const InvitationPreviewOutput = z.object({ orgName: z.string(), role: RoleSchema, email: z.string().nullable(), expiresAt: z.date() });
export const InvitationAcceptInput = z.strictObject({ token: InviteToken });
export const InvitationSignUpInput = z.strictObject({ token: InviteToken, email: Email, name: Name, password: Password });
export const InvitationAcceptOutput = z.object({ orgId: z.string(), orgSlug: z.string() });

export const ApiTokenCreateInput = z.strictObject({
  orgId: OrgRefInput,
  name: Name,
  role: RoleSchema.default("member"),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ApiTokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string().describe("The first characters of the token, to recognise it"),
  createdBy: z.string(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
});
export const ApiTokenCreatedOutput = ApiTokenOutput.extend({ token: z.string().describe("Shown once; store it now.") });
export const ApiTokenListInput = z.strictObject({ orgId: OrgRefInput });
export const ApiTokenRevokeInput = z.strictObject({ orgId: OrgRefInput, tokenId: Id });

export const SetupStatusOutput = z.object({ needsSetup: z.boolean() });
export const SetupInput = z.strictObject({ email: Email, name: Name, password: Password, orgName: Name });

export const MeOutput = z.object({
  kind: z.enum(["user", "api_token", "system"]),
  id: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  orgs: z.array(OrgOutput),
});
