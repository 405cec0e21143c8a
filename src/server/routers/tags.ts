import { z } from "zod";
import { boardProcedure, orgProcedure, router } from "../trpc";
import * as T from "@/lib/schemas/tags";
import * as F from "@/lib/schemas/fields";
import { OkOutput } from "@/lib/schemas/common";
import * as tags from "../services/tags/tags";
import * as fields from "../services/fields/field-defs";

export const tagsRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/tags", tags: ["tags"] } })
    .input(T.TagListInput)
    .output(z.array(T.TagOutput))
    .query(({ ctx }) => tags.listTags(ctx)),
  create: orgProcedure("member")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/tags", tags: ["tags"] } })
    .input(T.TagCreateInput)
    .output(T.TagOutput)
    .mutation(({ ctx, input }) => tags.createTag(ctx, input)),
  update: orgProcedure("member")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}/tags/{tagId}", tags: ["tags"], summary: "Rename or recolor a tag (history keeps the old name)" } })
    .input(T.TagUpdateInput)
    .output(T.TagOutput)
    .mutation(({ ctx, input }) => tags.updateTag(ctx, input)),
  delete: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/tags/{tagId}", tags: ["tags"] } })
    .input(T.TagDeleteInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => tags.deleteTag(ctx, input)),
});

export const customFieldsRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/custom-fields", tags: ["custom-fields"] } })
    .input(F.FieldListInput)
    .output(z.array(F.FieldDefOutput))
    .query(({ ctx, input }) => fields.listFieldDefs(ctx, input)),
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/custom-fields", tags: ["custom-fields"] } })
    .input(F.FieldCreateInput)
    .output(F.FieldDefOutput)
    .mutation(({ ctx, input }) => fields.createFieldDef(ctx, input)),
  update: orgProcedure("admin")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}/custom-fields/{fieldId}", tags: ["custom-fields"] } })
    .input(F.FieldUpdateInput)
    .output(F.FieldDefOutput)
    .mutation(({ ctx, input }) => fields.updateFieldDef(ctx, input)),
  delete: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/custom-fields/{fieldId}", tags: ["custom-fields"] } })
    .input(F.FieldDeleteInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => fields.deleteFieldDef(ctx, input)),
  setOnBoard: boardProcedure("write", "admin")
    .meta({ openapi: { method: "PUT", path: "/boards/{boardId}/custom-fields/{fieldId}", tags: ["custom-fields"], summary: "Enable or disable a custom field on a board" } })
    .input(F.FieldBoardInput)
    .output(F.FieldDefOutput)
    .mutation(({ ctx, input }) => fields.setFieldOnBoard(ctx, input)),
});
