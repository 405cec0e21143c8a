import { z } from "zod";
import { boardProcedure, orgProcedure, router } from "../trpc";
import * as S from "@/lib/schemas/boards";
import * as boards from "../services/boards/boards";

export const boardsRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/boards", tags: ["boards"], summary: "Boards with task counts by status" } })
    .input(S.BoardListInput)
    .output(z.array(S.BoardWithCountsOutput))
    .query(({ ctx }) => boards.listBoards(ctx)),
  create: orgProcedure("member")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/boards", tags: ["boards"] } })
    .input(S.BoardCreateInput)
    .output(S.BoardOutput)
    .mutation(({ ctx, input }) => boards.createBoard(ctx, input)),
  get: boardProcedure("read")
    .meta({ openapi: { method: "GET", path: "/boards/{boardId}", tags: ["boards"] } })
    .input(S.BoardGetInput)
    .output(S.BoardOutput)
    .query(({ ctx }) => boards.getBoard(ctx)),
  update: boardProcedure("write")
    .meta({ openapi: { method: "PATCH", path: "/boards/{boardId}", tags: ["boards"], summary: "Rename a board or change its description" } })
    .input(S.BoardUpdateInput)
    .output(S.BoardOutput)
    .mutation(({ ctx, input }) => boards.updateBoard(ctx, input)),
  delete: boardProcedure("write", "admin")
    .meta({ openapi: { method: "DELETE", path: "/boards/{boardId}", tags: ["boards"], summary: "Delete a board and all its tasks" } })
    .input(S.BoardDeleteInput)
    .output(S.BoardDeletedOutput)
    .mutation(({ ctx }) => boards.deleteBoard(ctx)),
});
