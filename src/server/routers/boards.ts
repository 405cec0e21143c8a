import { z } from "zod";
import { boardProcedure, orgProcedure, router } from "../trpc";
import * as S from "@/lib/schemas/boards";
import { OkOutput } from "@/lib/schemas/common";
import { ActivityOutput } from "@/lib/schemas/activity";
import * as boards from "../services/boards/boards";
import * as groups from "../services/boards/board-groups";
import * as access from "../services/boards/board-access";

export const boardsRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/boards", tags: ["boards"], summary: "Boards you can see, with task counts by status" } })
    .input(S.BoardListInput)
    .output(z.array(S.BoardWithCountsOutput))
    .query(({ ctx, input }) => boards.listBoards(ctx, input)),
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/boards", tags: ["boards"] } })
    .input(S.BoardCreateInput)
    .output(S.BoardOutput)
    .mutation(({ ctx, input }) => boards.createBoard(ctx, input)),
  get: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}", tags: ["boards"] } })
    .input(S.BoardGetInput)
    .output(S.BoardGetOutput)
    .query(({ ctx }) => boards.getBoard(ctx)),
  update: boardProcedure("write", "admin")
    .meta({ openapi: { method: "PATCH", path: "/boards/{boardId}", tags: ["boards"], summary: "Change a board's details, group, lead agent or rules" } })
    .input(S.BoardUpdateInput)
    .output(S.BoardOutput)
    .mutation(({ ctx, input }) => boards.updateBoard(ctx, input)),
  setArchived: boardProcedure("write", "admin")
    .meta({ openapi: { method: "POST", path: "/boards/{boardId}/archive", tags: ["boards"], summary: "Archive (archived: true) or restore a board" } })
    .input(S.BoardArchiveInput)
    .output(S.BoardOutput)
    .mutation(({ ctx, input }) => boards.setBoardArchived(ctx, input)),
  deletePreview: boardProcedure("write", "admin")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}/delete-preview", tags: ["boards"], summary: "What deleting the board would destroy" } })
    .input(S.BoardDeleteInput)
    .output(S.BoardDeletePreviewOutput)
    .query(({ ctx }) => boards.previewBoardDeletion(ctx)),
  delete: boardProcedure("write", "admin")
    .meta({ openapi: { method: "DELETE", path: "/boards/{boardId}", tags: ["boards"], summary: "Delete a board with its tasks, comments and approvals" } })
    .input(S.BoardDeleteInput)
    .output(S.BoardDeletedOutput)
    .mutation(({ ctx }) => boards.deleteBoard(ctx)),
});

export const boardGroupsRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/board-groups", tags: ["board-groups"] } })
    .input(S.BoardGroupListInput)
    .output(z.array(S.BoardGroupOutput))
    .query(({ ctx }) => groups.listGroups(ctx)),
  get: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/board-groups/{groupId}", tags: ["board-groups"], summary: "A group with its boards' progress and recent activity" } })
    .input(S.BoardGroupRefInput)
    .output(z.object({ group: S.BoardGroupOutput, boards: z.array(S.BoardWithCountsOutput), activity: z.array(ActivityOutput) }))
    .query(({ ctx, input }) => groups.getGroupOverview(ctx, input)),
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/board-groups", tags: ["board-groups"] } })
    .input(S.BoardGroupCreateInput)
    .output(S.BoardGroupOutput)
    .mutation(({ ctx, input }) => groups.createGroup(ctx, input)),
  update: orgProcedure("admin")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}/board-groups/{groupId}", tags: ["board-groups"] } })
    .input(S.BoardGroupUpdateInput)
    .output(S.BoardGroupOutput)
    .mutation(({ ctx, input }) => groups.updateGroup(ctx, input)),
  delete: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/board-groups/{groupId}", tags: ["board-groups"], summary: "Delete a group; its boards are kept, ungrouped" } })
    .input(S.BoardGroupRefInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => groups.deleteGroup(ctx, input)),
});

export const boardAccessRouter = router({
  get: orgProcedure("admin")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/members/{userId}/board-access", tags: ["members"] } })
    .input(S.BoardAccessGetInput)
    .output(S.BoardAccessOutput)
    .query(({ ctx, input }) => access.getBoardAccess(ctx, input)),
  set: orgProcedure("admin")
    .meta({ openapi: { method: "PUT", path: "/orgs/{orgId}/members/{userId}/board-access", tags: ["members"], summary: "Give a member every board, or only the listed boards with read or write" } })
    .input(S.BoardAccessSetInput)
    .output(S.BoardAccessOutput)
    .mutation(({ ctx, input }) => access.setBoardAccess(ctx, input)),
});
