import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import { commit } from "../commit";

export async function renameOrg(ctx: Context & { org: OrgRef; role: Role }, input: { name: string }) {
  const org = await commit(ctx, async (tx, record) => {
    const updated = await tx.organization.update({ where: { id: ctx.org.id }, data: { name: input.name } });
    await record({
      orgId: ctx.org.id,
      action: "org.updated",
      targetType: "org",
      targetId: ctx.org.id,
      summary: `Renamed organization to ${input.name}`,
      before: { name: ctx.org.name },
      after: { name: updated.name },
    });
    return updated;
  });
  return { ...org, role: ctx.role };
}
