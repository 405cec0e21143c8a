import { z } from "zod";
import { authedProcedure, orgProcedure, publicProcedure, router, userProcedure } from "../trpc";
import * as S from "@/lib/schemas/orgs";
import { OkOutput } from "@/lib/schemas/common";
import { createOrg } from "../services/orgs/create-org";
import { getOrg, listMyOrgs } from "../services/orgs/read-orgs";
import { renameOrg } from "../services/orgs/update-org";
import { changeMemberRole, listMembers, removeMember } from "../services/members/members";
import * as invitations from "../services/invitations/invitations";
import * as apiTokens from "../services/api-tokens/api-tokens";

export const orgsRouter = router({
  list: authedProcedure
    .meta({ openapi: { method: "GET", path: "/orgs", tags: ["orgs"], summary: "Organizations the caller belongs to" } })
    .input(z.void())
    .output(z.array(S.OrgOutput))
    .query(({ ctx }) => listMyOrgs(ctx)),
  create: userProcedure
    .meta({ openapi: { method: "POST", path: "/orgs", tags: ["orgs"], summary: "Create an organization; you become its owner" } })
    .input(S.OrgCreateInput)
    .output(S.OrgOutput)
    .mutation(({ ctx, input }) => createOrg(ctx, input)),
  get: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}", tags: ["orgs"] } })
    .input(S.OrgGetInput)
    .output(S.OrgOutput)
    .query(({ ctx }) => getOrg(ctx)),
  update: orgProcedure("admin")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}", tags: ["orgs"] } })
    .input(S.OrgUpdateInput)
    .output(S.OrgOutput)
    .mutation(({ ctx, input }) => renameOrg(ctx, input)),
});

export const membersRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/members", tags: ["members"] } })
    .input(S.MemberListInput)
    .output(z.array(S.MemberOutput))
    .query(({ ctx }) => listMembers(ctx)),
  changeRole: orgProcedure("admin")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}/members/{userId}", tags: ["members"], summary: "Change a member's role (the last owner cannot be demoted)" } })
    .input(S.MemberRoleInput)
    .output(S.MemberOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx, input)),
  remove: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/members/{userId}", tags: ["members"], summary: "Remove a member (not the last owner); revokes their tokens" } })
    .input(S.MemberRemoveInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
});

export const invitationsRouter = router({
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/invitations", tags: ["invitations"], summary: "Create an invite link (its token is shown once)" } })
    .input(S.InvitationCreateInput)
    .output(S.InvitationCreatedOutput)
    .mutation(({ ctx, input }) => invitations.createInvitation(ctx, input)),
  list: orgProcedure("admin")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/invitations", tags: ["invitations"] } })
    .input(S.InvitationListInput)
    .output(z.array(S.InvitationOutput))
    .query(({ ctx }) => invitations.listInvitations(ctx)),
  revoke: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/invitations/{invitationId}", tags: ["invitations"] } })
    .input(S.InvitationRevokeInput)
    .output(S.InvitationOutput)
    .mutation(({ ctx, input }) => invitations.revokeInvitation(ctx, input)),
  preview: publicProcedure
    .meta({ openapi: { method: "GET", path: "/invitations/{token}", tags: ["invitations"], summary: "What an invite link offers" } })
    .input(S.InvitationPreviewInput)
    .output(S.InvitationPreviewOutput)
    .query(({ ctx, input }) => invitations.previewInvitation(ctx, input)),
  accept: userProcedure
    .meta({ openapi: { method: "POST", path: "/invitations/{token}/accept", tags: ["invitations"], summary: "Join the organization as the signed-in user" } })
    .input(S.InvitationAcceptInput)
    .output(S.InvitationAcceptOutput)
    .mutation(({ ctx, input }) => invitations.acceptInvitation(ctx, input)),
  signUp: publicProcedure
    .meta({ openapi: { method: "POST", path: "/invitations/{token}/sign-up", tags: ["invitations"], summary: "Create an account and join with an invite link" } })
    .input(S.InvitationSignUpInput)
    .output(S.InvitationAcceptOutput)
    .mutation(({ ctx, input }) => invitations.signUpWithInvitation(ctx, input)),
});

export const apiTokensRouter = router({
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/api-tokens", tags: ["api-tokens"], summary: "Create an API token (shown once)" } })
    .input(S.ApiTokenCreateInput)
    .output(S.ApiTokenCreatedOutput)
    .mutation(({ ctx, input }) => apiTokens.createApiToken(ctx, input)),
  list: orgProcedure("admin")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/api-tokens", tags: ["api-tokens"] } })
    .input(S.ApiTokenListInput)
    .output(z.array(S.ApiTokenOutput))
    .query(({ ctx }) => apiTokens.listApiTokens(ctx)),
  revoke: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/api-tokens/{tokenId}", tags: ["api-tokens"] } })
    .input(S.ApiTokenRevokeInput)
    .output(S.ApiTokenOutput)
    .mutation(({ ctx, input }) => apiTokens.revokeApiToken(ctx, input)),
});
