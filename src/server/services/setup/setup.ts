// First run: the owner and a default organization, from MC_ADMIN_* env (bootstrap at start)
// or from the one-time setup page. Either path refuses once any user exists.
import type { Context } from "../../context";
import { providerOf, type Db } from "../../db/client";
import { commit } from "../commit";
import { insertOrgWithOwner } from "../orgs/create-org";
import { conflict, isUniqueViolation } from "../../errors";
import { hashPassword } from "../../auth/passwords";
import { newId } from "@/lib/ids";
import { slugify } from "@/lib/schemas/common";

export async function needsSetup(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function runSetup(ctx: Context, input: { email: string; name: string; password: string; orgName: string; orgSlug?: string }) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await commit(ctx, async (tx, record) => {
      // Two racing setups must not both pass the "no user yet" check. On Postgres (READ
      // COMMITTED) a transaction-scoped advisory lock queues them, so the second one's count
      // sees the first one's owner; SQLite transactions are serialized already. (A
      // serializable transaction did the same, but its failed commits leaked a pooled
      // connection in the pg driver adapter.)
      if (providerOf(ctx.db) === "postgres") await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})) AS l`);
      if ((await tx.user.count()) > 0) throw ALREADY_SET_UP();
      const user = await tx.user.create({ data: { id: newId(), email: input.email, name: input.name, passwordHash } });
      const org = await insertOrgWithOwner(tx, record, { name: input.orgName, slug: input.orgSlug ?? slugify(input.orgName), userId: user.id });
      return { userId: user.id, orgId: org.id, orgSlug: org.slug };
    });
  } catch (error) {
    // Another instance's bootstrap with the same email or slug got there first.
    if (isUniqueViolation(error)) throw ALREADY_SET_UP();
    throw error;
  }
}

/** Any constant shared by every instance; distinct from the migration runner's lock. */
const SETUP_LOCK_KEY = 727_274_002;

const ALREADY_SET_UP = () => conflict("Mission Control is already set up: sign in instead");

/** Creates the owner from the environment when the database has no user yet. */
export async function bootstrapFromEnv(db: Db, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const email = env.MC_ADMIN_EMAIL?.trim().toLowerCase();
  const password = env.MC_ADMIN_PASSWORD;
  if (!email || !password || !(await needsSetup(db))) return null;
  const ctx: Context = { db, actor: { kind: "system", name: "bootstrap" }, requestId: newId(), ip: null };
  const slug = env.MC_ORG_SLUG || "default";
  try {
    await runSetup(ctx, { email, password, name: env.MC_ADMIN_NAME || "Admin", orgName: env.MC_ORG_NAME || "Default", orgSlug: slug });
  } catch (error) {
    // Another instance starting at the same moment won the race: that is fine.
    if (!(await needsSetup(db))) return null;
    throw error;
  }
  return email;
}
