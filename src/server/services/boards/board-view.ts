import type { Board, BoardRulesValue } from "@/lib/schemas/boards";

type BoardRow = {
  id: string;
  orgId: string;
  groupId: string | null;
  name: string;
  slug: string;
  description: string;
  objective: string;
  targetDate: Date | null;
  archivedAt: Date | null;
  leadAgentId: string | null;
  ruleApprovalForDone: boolean;
  ruleReviewBeforeDone: boolean;
  ruleCommentForReview: boolean;
  ruleBlockWhilePending: boolean;
  ruleLeadAgentOnlyStatus: boolean;
  createdAt: Date;
  updatedAt: Date;
};
export type { BoardRow };

export const rulesOf = (b: BoardRow): BoardRulesValue => ({
  approvalForDone: b.ruleApprovalForDone,
  reviewBeforeDone: b.ruleReviewBeforeDone,
  commentForReview: b.ruleCommentForReview,
  blockWhilePending: b.ruleBlockWhilePending,
  leadAgentOnlyStatus: b.ruleLeadAgentOnlyStatus,
});

/** Rule flags in the API → columns. */
export function ruleColumns(rules: Partial<BoardRulesValue> | undefined) {
  if (!rules) return {};
  return {
    ruleApprovalForDone: rules.approvalForDone,
    ruleReviewBeforeDone: rules.reviewBeforeDone,
    ruleCommentForReview: rules.commentForReview,
    ruleBlockWhilePending: rules.blockWhilePending,
    ruleLeadAgentOnlyStatus: rules.leadAgentOnlyStatus,
  };
}

export const boardView = (b: BoardRow): Board => ({
  id: b.id,
  orgId: b.orgId,
  groupId: b.groupId,
  name: b.name,
  slug: b.slug,
  description: b.description,
  objective: b.objective,
  targetDate: b.targetDate,
  archivedAt: b.archivedAt,
  leadAgentId: b.leadAgentId,
  rules: rulesOf(b),
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
});

/** The fields the activity diff tracks for a board. */
export const boardAuditFields = (b: BoardRow) => ({
  name: b.name,
  slug: b.slug,
  description: b.description,
  objective: b.objective,
  targetDate: b.targetDate,
  groupId: b.groupId,
  leadAgentId: b.leadAgentId,
  archivedAt: b.archivedAt,
  ...rulesOf(b),
});
